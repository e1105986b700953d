import { EscrowRecord, type BidFacts, type ReleaseInput, type SubsidyRule } from '@bds/core';
import * as z from 'zod';
import { getMany } from './batch-get';
import type { Page } from './cursor';
import type { Db } from './db';
import { escrowKeys } from './escrow';
import { StoredEvaluation, bidCount, evaluationKeys } from './evaluations';
import { keys, withoutKeys } from './keys';
import { programmeKeys } from './programmes';
import { requestStore } from './requests';

type Key = { PK: string; SK: string };
const Named = z.object({ name: z.string() }).loose();
const Rule = z
  .object({
    id: z.string(),
    schedule: z.array(z.number()),
    innovativeSchedule: z.array(z.number()).optional(),
  })
  .loose();

/** BatchGetItem takes 100 keys a call. */
async function getAll(db: Db, wanted: Key[]): Promise<(Record<string, unknown> | undefined)[]> {
  const out: (Record<string, unknown> | undefined)[] = [];
  for (let i = 0; i < wanted.length; i += 100) out.push(...(await getMany(db, wanted.slice(i, i + 100))));
  return out;
}

/** Counts and the price range of a closed request's bids: nothing that names a bidder. */
export function bidFacts(evaluation: StoredEvaluation | undefined): BidFacts | undefined {
  if (!evaluation) return undefined;
  const totals = evaluation.ranking.map((b) => b.total).sort((a, b) => a.amount - b.amount);
  return {
    numberOfBids: bidCount(evaluation),
    numberOfValidBids: evaluation.ranking.length,
    volume: evaluation.volume ?? 0,
    ...(totals.length > 0 ? { lowest: totals[0]!, highest: totals[totals.length - 1]! } : {}),
  };
}

/**
 * What the open contracting releases of a cluster's requests are built from. A page is one Query
 * of the cluster's requests (newest first, the request list's own cursor) and two BatchGetItems:
 * each request's evaluation, escrow record, association and provider; then the funders and
 * programmes the escrow records name.
 */
export function openDataStore(db: Db) {
  const requests = requestStore(db);
  return {
    /** One page of the cluster's requests (drafts left out) with what their releases are made of. */
    async page(clusterId: string, opts: { limit: number; cursor?: string }): Promise<Page<ReleaseInput>> {
      const page = await requests.listByCluster(clusterId, opts);
      const shown = page.items.filter((r) => r.status !== 'draft');
      const first = await getAll(
        db,
        shown.flatMap((r) => [
          evaluationKeys.item(clusterId, r.id),
          escrowKeys.item(clusterId, r.id),
          keys.association(clusterId, r.associationId),
          keys.provider(r.award?.providerId ?? 'none'),
        ]),
      );
      const parts = shown.map((request, i) => {
        const [evaluation, escrow, association, provider] = first.slice(i * 4, i * 4 + 4);
        return {
          request,
          evaluation: evaluation ? StoredEvaluation.parse(withoutKeys(evaluation)) : undefined,
          escrow: escrow ? EscrowRecord.parse(withoutKeys(escrow)) : undefined,
          association: {
            id: request.associationId,
            name: association ? Named.parse(association).name : request.associationId,
          },
          provider: request.award
            ? { id: request.award.providerId, name: provider ? Named.parse(provider).name : request.award.providerId }
            : undefined,
        };
      });
      const funderIds = [...new Set(parts.flatMap((p) => p.escrow?.contributions.map((c) => c.funderId) ?? []))];
      const programmeIds = [...new Set(parts.flatMap((p) => p.escrow?.contributions.map((c) => c.programmeId) ?? []))];
      const second = await getAll(db, [
        ...funderIds.map((f) => keys.funder(f)),
        ...programmeIds.map((p) => programmeKeys.item(p)),
      ]);
      const funders: Record<string, string> = {};
      funderIds.forEach((id, i) => {
        const item = second[i];
        funders[id] = item ? Named.parse(item).name : id;
      });
      const rules: Record<string, SubsidyRule> = {};
      for (const item of second.slice(funderIds.length)) {
        if (!item) continue;
        const p = Rule.parse(item);
        rules[p.id] = {
          programmeId: p.id,
          schedule: p.schedule,
          ...(p.innovativeSchedule ? { innovativeSchedule: p.innovativeSchedule } : {}),
        };
      }
      const items: ReleaseInput[] = parts.map((p) => ({
        request: p.request,
        association: p.association,
        funders,
        rules,
        ...(p.provider ? { provider: p.provider } : {}),
        ...(p.escrow ? { escrow: p.escrow } : {}),
        ...(p.evaluation ? { bids: bidFacts(p.evaluation)! } : {}),
      }));
      return { items, nextCursor: page.nextCursor };
    },
  };
}
export type OpenDataStore = ReturnType<typeof openDataStore>;
