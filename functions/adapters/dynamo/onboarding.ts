import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { conflict, type AuditEntry, type Cluster, type Funder, type Invitation, type Provider } from '@bds/core';
import type { Db } from './db';
import { auditItem } from './audit';
import { keys } from './keys';
import type { Registration } from './providers';
import { isCancelled } from './transact';

const cancelled = isCancelled;

/**
 * The privileged writes of onboarding, each one transaction with its audit entry, so an
 * action either fully happens (and is recorded) or leaves nothing behind.
 */
export function onboardingStore(db: Db) {
  const put = (Item: Record<string, unknown>, ConditionExpression?: string) => ({
    Put: { TableName: db.table, Item, ...(ConditionExpression ? { ConditionExpression } : {}) },
  });
  const send = (items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>) =>
    db.doc.send(new TransactWriteCommand({ TransactItems: items }));
  return {
    /** The cluster, its first admin's invitation and the audit entry. */
    async onboardCluster(cluster: Cluster, invitation: Invitation, audit: AuditEntry): Promise<void> {
      try {
        await send([
          put(
            {
              ...keys.cluster(cluster.id),
              ...keys.clusterListing(cluster.name, cluster.id),
              entity: 'cluster',
              ...cluster,
            },
            'attribute_not_exists(PK)',
          ),
          put(
            { ...keys.invitation(invitation.tokenHash), entity: 'invitation', ...invitation },
            'attribute_not_exists(PK)',
          ),
          { Put: auditItem(db, audit) },
        ]);
      } catch (error) {
        if (cancelled(error)) throw conflict('CLUSTER.EXISTS', 'That cluster already exists');
        throw error;
      }
    },

    /** Suspends, reactivates or archives, if nobody changed the status meanwhile. */
    async changeClusterStatus(before: Cluster, after: Cluster, audit: AuditEntry): Promise<void> {
      try {
        await send([
          {
            Put: {
              TableName: db.table,
              Item: {
                ...keys.cluster(after.id),
                ...keys.clusterListing(after.name, after.id),
                entity: 'cluster',
                ...after,
              },
              ConditionExpression: '#s = :s',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':s': before.status },
            },
          },
          { Put: auditItem(db, audit) },
        ]);
      } catch (error) {
        if (cancelled(error)) throw conflict('CLUSTER.CHANGED', 'The cluster changed meanwhile; reload and try again');
        throw error;
      }
    },

    /** A new funder (created with its first user's invitation). */
    async inviteFunder(funder: Funder, invitation: Invitation): Promise<void> {
      await send([
        put({ ...keys.funder(funder.id), entity: 'funder', ...funder }, 'attribute_not_exists(PK)'),
        put(
          { ...keys.invitation(invitation.tokenHash), entity: 'invitation', ...invitation },
          'attribute_not_exists(PK)',
        ),
      ]);
    },

    /** A provider applies to a cluster; again after a refusal, never twice while pending or approved. */
    async applyToCluster(registration: Registration): Promise<void> {
      try {
        await send([
          {
            Put: {
              TableName: db.table,
              Item: {
                ...keys.providerRegistration(registration.clusterId, registration.providerId),
                entity: 'registration',
                ...registration,
              },
              ConditionExpression: 'attribute_not_exists(PK) OR #s = :refused',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':refused': 'refused' },
            },
          },
        ]);
      } catch (error) {
        if (cancelled(error))
          throw conflict(
            'REGISTRATION.EXISTS',
            'The provider has already applied to this cluster or is approved there',
          );
        throw error;
      }
    },

    /**
     * Approves or refuses a pending application. Approval extends the provider's and its
     * user's reach to the cluster in the same transaction.
     */
    async decide(registration: Registration, provider: Provider, audit: AuditEntry): Promise<void> {
      const approve = registration.status === 'approved';
      try {
        await send([
          {
            Put: {
              TableName: db.table,
              Item: {
                ...keys.providerRegistration(registration.clusterId, registration.providerId),
                entity: 'registration',
                ...registration,
              },
              ConditionExpression: '#s = :pending',
              ExpressionAttributeNames: { '#s': 'status' },
              ExpressionAttributeValues: { ':pending': 'pending' },
            },
          },
          // An atomic append, not a Put of the provider as read: approvals in several clusters at
          // once would otherwise each write their stale list and drop the others' cluster ids.
          // The pending registration's condition above makes it happen once per cluster.
          ...(approve
            ? [
                {
                  Update: {
                    TableName: db.table,
                    Key: keys.provider(provider.id),
                    ConditionExpression: 'attribute_exists(PK)',
                    UpdateExpression: 'SET clusterIds = list_append(clusterIds, :c)',
                    ExpressionAttributeValues: { ':c': [registration.clusterId] },
                  },
                },
              ]
            : []),
          ...(approve && provider.contactEmail
            ? [
                {
                  Update: {
                    TableName: db.table,
                    Key: keys.user(provider.contactEmail),
                    UpdateExpression: 'SET clusterIds = list_append(clusterIds, :c)',
                    ExpressionAttributeValues: { ':c': [registration.clusterId] },
                  },
                },
              ]
            : []),
          { Put: auditItem(db, audit) },
        ]);
      } catch (error) {
        if (cancelled(error)) throw conflict('REGISTRATION.NOT_PENDING', 'This application has already been decided');
        throw error;
      }
    },

    /** Accredits or blocks a provider everywhere; a block also disables its account (`userEmail`, when it has one). */
    async setProviderStanding(provider: Provider, audit: AuditEntry, userEmail?: string): Promise<void> {
      await send([
        // Only the two fields it decides: a Put of the provider as read would undo a concurrent approval.
        {
          Update: {
            TableName: db.table,
            Key: keys.provider(provider.id),
            ConditionExpression: 'attribute_exists(PK)',
            UpdateExpression: 'SET accredited = :a, blocked = :b',
            ExpressionAttributeValues: { ':a': provider.accredited, ':b': provider.blocked },
          },
        },
        ...(userEmail
          ? [
              {
                Update: {
                  TableName: db.table,
                  Key: keys.user(userEmail),
                  ConditionExpression: 'attribute_exists(PK)',
                  UpdateExpression: 'SET disabled = :d',
                  ExpressionAttributeValues: { ':d': provider.blocked },
                },
              },
            ]
          : []),
        { Put: auditItem(db, audit) },
      ]);
    },
  };
}
export type OnboardingStore = ReturnType<typeof onboardingStore>;
