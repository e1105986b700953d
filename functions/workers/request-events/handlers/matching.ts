import { performance } from 'node:perf_hooks';
import { recommendAwards, type EventOf } from '@bds/core';
import {
  ClaimLost,
  MAX_REQUESTS_PER_RUN,
  type ClosedRequest,
  type EvaluationChange,
  type MatchingRun,
} from '../../../adapters/dynamo/matching-runs';
import type { Logger } from '../../../observability/logger';
import { WORKER_METRICS, metricFields } from '../../../observability/metrics';
import type { BatchHandler, WorkerDeps } from '../deps';
import { notifyRequestClosed } from './notify-closed';

type Ranked = ClosedRequest & {
  request: NonNullable<ClosedRequest['request']>;
  evaluation: NonNullable<ClosedRequest['evaluation']>;
};

/**
 * `request.closed`, a batch at a time: the ranked requests of one cluster closing together are
 * matched in one run (`recommendAwards`: the most total score within every provider's remaining
 * capacity), then each lead association is told. A request already matched by a run, or no
 * longer `evaluating`, is left as it is, so a redelivery or a retry after a crash changes nothing.
 */
export const onRequestsClosed: BatchHandler<'request.closed'> = async (events, deps, log) => {
  const failedEventIds: string[] = [];
  const byCluster = new Map<string, Closed[]>();
  for (const event of events) byCluster.set(event.clusterId, [...(byCluster.get(event.clusterId) ?? []), event]);
  for (const [clusterId, group] of byCluster) {
    const clog = log.child({ clusterId });
    const requestIds = [...new Set(group.map((e) => e.payload.requestId))];
    try {
      await matchCluster(clusterId, requestIds, group, deps, clog);
    } catch (error) {
      clog.error('matching failed; the events will be retried', { error });
      failedEventIds.push(...group.map((e) => e.id));
      continue;
    }
    const after = new Map(
      (await deps.stores.matchingRuns.closedRequests(clusterId, requestIds)).map((c) => [c.requestId, c]),
    );
    for (const event of group) {
      try {
        await notifyRequestClosed(event, after.get(event.payload.requestId), deps, clog);
      } catch (error) {
        clog.error('notifying the lead association failed; the event will be retried', { error, eventId: event.id });
        failedEventIds.push(event.id);
      }
    }
  }
  return { failedEventIds };
};

type Closed = EventOf<'request.closed'>;

/** Matches the cluster's ranked, still unmatched requests, at most `MAX_REQUESTS_PER_RUN` a run. */
async function matchCluster(
  clusterId: string,
  requestIds: string[],
  events: Closed[],
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  const closed = await deps.stores.matchingRuns.closedRequests(clusterId, requestIds);
  const pending = closed.filter(
    (c): c is Ranked =>
      c.evaluation?.outcome === 'ranked' &&
      c.evaluation.recommended !== undefined &&
      // A split ranking has no single bid to recommend: the association awards the split itself.
      c.evaluation.split !== true &&
      c.matching === undefined &&
      c.request?.status === 'evaluating',
  );
  const skipped = closed.length - pending.length;
  if (skipped > 0) log.info('requests not to match: not ranked, already matched, or no longer evaluating', { skipped });
  for (let i = 0; i < pending.length; i += MAX_REQUESTS_PER_RUN)
    await runUntilClaimed(clusterId, pending.slice(i, i + MAX_REQUESTS_PER_RUN), events, deps, log);
}

/**
 * One run: reads capacities, solves, and writes the run with its results in one transaction.
 * Requests another run (or an award) took meanwhile are dropped and the rest solved again; each
 * retry drops at least one request, so this ends.
 */
async function runUntilClaimed(
  clusterId: string,
  requests: Ranked[],
  events: Closed[],
  deps: WorkerDeps,
  log: Logger,
): Promise<void> {
  let remaining = requests;
  while (remaining.length > 0) {
    const { run, changes } = await solve(clusterId, remaining, events, deps);
    try {
      await deps.stores.matchingRuns.record(run, changes);
    } catch (error) {
      if (!(error instanceof ClaimLost)) throw error;
      log.warn('requests taken meanwhile; matching the rest again', { lost: error.requestIds });
      remaining = remaining.filter((r) => !error.requestIds.includes(r.requestId));
      continue;
    }
    const adjusted = changes.filter((c) => c.matching.capacityAdjusted).length;
    log.info('matching run recorded', {
      runId: run.runId,
      requests: run.requestIds.length,
      objective: run.objective,
      certificateOk: run.certificateCheck.ok,
      adjusted,
      ...metricFields(
        WORKER_METRICS,
        { MatchingDuration: [run.durationMs, 'Milliseconds'], MatchedRequests: [run.requestIds.length, 'Count'] },
        { Worker: 'matching' },
        deps.clock.now(),
      ),
    });
    if (!run.certificateCheck.ok)
      log.error('matching certificate failed its check', { runId: run.runId, problems: run.certificateCheck.problems });
    return;
  }
}

async function solve(
  clusterId: string,
  requests: Ranked[],
  events: Closed[],
  deps: WorkerDeps,
): Promise<{ run: MatchingRun; changes: EvaluationChange[] }> {
  const startedAt = new Date(deps.clock.now()).toISOString();
  const providerIds = [...new Set(requests.flatMap((r) => r.evaluation.ranking.map((b) => b.providerId)))];
  const capacities = await deps.stores.matchingRuns.capacities(providerIds, new Set(requests.map((r) => r.requestId)));
  const started = performance.now();
  const result = recommendAwards(
    requests.map((r) => ({
      id: r.requestId,
      window: r.request.deliveryWindow,
      ranking: r.evaluation.ranking,
      recommendedBidId: r.evaluation.recommended!.bidId,
    })),
    providerIds.map((id) => ({ id, ...capacities.get(id)! })),
  );
  const durationMs = Math.round((performance.now() - started) * 1000) / 1000;
  const runId = `run_${deps.ids.next('event').slice(4)}`;
  const byRequest = new Map(requests.map((r) => [r.requestId, r.evaluation]));
  const changes = result.recommendations.map((rec): EvaluationChange => {
    const evaluation = byRequest.get(rec.requestId)!;
    return {
      requestId: rec.requestId,
      recommended: evaluation.ranking.find((b) => b.bidId === rec.bidId) ?? evaluation.recommended!,
      matching: {
        runId,
        capacityAdjusted: rec.capacityAdjusted,
        ...(rec.reason ? { reason: rec.reason } : {}),
        ...(rec.capacityAdjusted ? { replacedBidId: evaluation.recommended!.bidId } : {}),
      },
    };
  });
  const run: MatchingRun = {
    runId,
    clusterId,
    startedAt,
    durationMs,
    eventIds: events.filter((e) => byRequest.has(e.payload.requestId)).map((e) => e.id),
    requestIds: requests.map((r) => r.requestId),
    slots: [...result.plan.slots],
    instance: result.plan.requests.map((r) => ({ id: r.id, bids: [...r.bids] })),
    assignments: result.recommendations
      .filter((r) => r.slotId !== undefined)
      .map((r) => ({
        requestId: r.requestId,
        providerId: r.providerId,
        slotId: r.slotId!,
        bidId: r.bidId,
        score: r.score,
        capacityAdjusted: r.capacityAdjusted,
      })),
    unassigned: [...result.outcome.unassigned],
    objective: result.outcome.total,
    certificate: result.outcome.certificate,
    certificateCheck: { ...result.check, problems: [...result.check.problems] },
  };
  return { run, changes };
}
