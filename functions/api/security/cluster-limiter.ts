import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { clusterRateLimit, rateWindow, RATE_WINDOW_MS, type ClusterPolicy } from '@bds/core';
import type { Deps } from '../deps';
import { boundedCache } from './cache';
import { isConditionFailure } from '../../adapters/dynamo/transact';

const POLICY_CACHE_MS = 30_000;

/**
 * The per-cluster request limit: one counter item per cluster and minute in DynamoDB, bumped
 * with a conditional `ADD` (atomic across every Lambda instance; refused once it reaches the
 * limit), so the limit holds for the whole fleet, not per instance. Once a window is full this
 * instance remembers it and refuses without a write until the window ends, so a flood costs
 * one conditional write per instance and window, not one per request.
 */
export function clusterLimiter(deps: Pick<Deps, 'clock' | 'stores'>) {
  const now = () => deps.clock.now();
  const policies = boundedCache<ClusterPolicy | undefined>({ ttlMs: POLICY_CACHE_MS, maxEntries: 2_000, now });
  const full = new Map<string, number>();
  const { db } = deps.stores;
  return async (clusterId: string): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> => {
    const window = rateWindow(now());
    if (full.get(clusterId) === window.start) return { allowed: false, retryAfterSeconds: window.retryAfterSeconds };
    const limit = clusterRateLimit(await policies.get(clusterId, () => deps.stores.clusters.getPolicy(clusterId)));
    try {
      await db.doc.send(
        new UpdateCommand({
          TableName: db.table,
          Key: { PK: `RATE#${clusterId}`, SK: String(window.start) },
          UpdateExpression: 'ADD hits :one SET expiresAt = :exp',
          ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
          ExpressionAttributeValues: {
            ':one': 1,
            ':limit': limit,
            ':exp': Math.floor((window.start + 2 * RATE_WINDOW_MS) / 1000),
          },
        }),
      );
      return { allowed: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      if (full.size > 2_000) full.clear();
      full.set(clusterId, window.start);
      return { allowed: false, retryAfterSeconds: window.retryAfterSeconds };
    }
  };
}
