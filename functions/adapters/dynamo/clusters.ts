import { GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { Association, Cluster, ClusterPolicy, conflict, type AuditEntry } from '@bds/core';
import { auditItem } from './audit';
import type { Db } from './db';
import type { Page } from './cursor';
import { queryPage } from './page';
import { keys, withoutKeys } from './keys';
import { isConditionFailure } from './transact';

/** Clusters (tenants) and their associations. */
export function clusterStore(db: Db) {
  return {
    /** Creates a cluster; refuses an id that exists. */
    async create(cluster: Cluster): Promise<void> {
      try {
        await db.doc.send(
          new PutCommand({
            TableName: db.table,
            Item: {
              ...keys.cluster(cluster.id),
              ...keys.clusterListing(cluster.name, cluster.id),
              entity: 'cluster',
              ...cluster,
            },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw conflict('CLUSTER.EXISTS', `Cluster ${cluster.id} already exists`, 'id');
        throw error;
      }
    },

    async get(clusterId: string): Promise<Cluster | undefined> {
      const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.cluster(clusterId) }));
      return out.Item ? Cluster.parse(withoutKeys(out.Item)) : undefined;
    },

    /** Every cluster by name, a page at a time. */
    async list(opts: { limit: number; cursor?: string }): Promise<Page<Cluster>> {
      return queryPage(
        db,
        {
          IndexName: 'GSI1',
          KeyConditionExpression: 'GSI1PK = :pk',
          ExpressionAttributeValues: { ':pk': 'CLUSTERS' },
          Limit: opts.limit,
        },
        { attribute: 'GSI1PK', value: 'CLUSTERS' },
        opts.cursor,
        (i) => Cluster.parse(withoutKeys(i)),
      );
    },

    /** Writes an association, with its audit entry in the same transaction when given. */
    async putAssociation(association: Association, audit?: AuditEntry): Promise<void> {
      const put = {
        TableName: db.table,
        Item: { ...keys.association(association.clusterId, association.id), entity: 'association', ...association },
      };
      if (!audit) {
        await db.doc.send(new PutCommand(put));
        return;
      }
      await db.doc.send(new TransactWriteCommand({ TransactItems: [{ Put: put }, { Put: auditItem(db, audit) }] }));
    },

    /** The cluster's own policy, or undefined when it follows the national defaults. */
    async getPolicy(clusterId: string): Promise<ClusterPolicy | undefined> {
      const out = await db.doc.send(new GetCommand({ TableName: db.table, Key: keys.clusterPolicy(clusterId) }));
      return out.Item ? ClusterPolicy.parse(withoutKeys(out.Item)) : undefined;
    },

    /** Replaces the policy and records the change, in one transaction. */
    async putPolicy(clusterId: string, policy: ClusterPolicy, audit: AuditEntry): Promise<void> {
      await db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: db.table,
                Item: { ...keys.clusterPolicy(clusterId), entity: 'policy', ...policy },
              },
            },
            { Put: auditItem(db, audit) },
          ],
        }),
      );
    },

    async getAssociation(clusterId: string, associationId: string): Promise<Association | undefined> {
      const out = await db.doc.send(
        new GetCommand({ TableName: db.table, Key: keys.association(clusterId, associationId) }),
      );
      return out.Item ? Association.parse(withoutKeys(out.Item)) : undefined;
    },

    async listAssociations(clusterId: string, opts: { limit: number; cursor?: string }): Promise<Page<Association>> {
      const pk = keys.cluster(clusterId).PK;
      return queryPage(
        db,
        {
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :sk)',
          ExpressionAttributeValues: { ':pk': pk, ':sk': keys.associationPrefix },
          Limit: opts.limit,
        },
        { attribute: 'PK', value: pk },
        opts.cursor,
        (i) => Association.parse(withoutKeys(i)),
      );
    },
  };
}
export type ClusterStore = ReturnType<typeof clusterStore>;
