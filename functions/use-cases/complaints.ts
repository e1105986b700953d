import {
  auditEntry,
  bidderView,
  decideComplaint,
  fixedClock,
  fileComplaint,
  newEvent,
  notFound,
  reevaluate,
  standstillMs,
  type Actor,
  type Complaint,
  type DecisionInput,
  type DomainEvent,
  type ProcurementTiming,
  type ServiceRequest,
} from '@bds/core';
import { toStoredEvaluation, type StoredEvaluation } from '../adapters/dynamo/evaluations';
import type { StoredRequest } from '../adapters/dynamo/requests';
import type { UseCaseDeps } from './deps';

/**
 * A bidder files its complaint: core's `fileComplaint` on the request, the published evaluation
 * (is it a bidder?) and its earlier complaint (one per bidder), then the request's open count,
 * the complaint, its audit entry and `complaint.filed` in one transaction.
 *
 * @example
 * const complaint = await fileRequestComplaint(deps, { request, evaluation }, actor, { reason }, correlationId);
 */
export async function fileRequestComplaint(
  deps: UseCaseDeps,
  found: { request: StoredRequest; evaluation: StoredEvaluation | undefined },
  by: Actor,
  input: { reason: string; evidence?: string | undefined },
  correlationId: string,
): Promise<Complaint> {
  const { request, evaluation } = found;
  const earlier = await deps.stores.complaints.forRequest(request.clusterId, request.id);
  const who = {
    providerId: by.organisationId,
    userId: by.userId,
    bidder: !!evaluation && bidderView(evaluation, request.weights, by.organisationId) !== undefined,
    alreadyFiled: earlier.some((c) => c.providerId === by.organisationId),
  };
  const { complaint, request: next } = fileComplaint(request, who, input, deps.clock, deps.ids);
  const entry = auditEntry(
    by,
    'complaint.filed',
    request.id,
    {
      clusterId: request.clusterId,
      before: { openComplaints: request.openComplaints ?? 0 },
      after: { openComplaints: next.openComplaints, complaint: complaint.id, provider: complaint.providerId },
      reason: complaint.reason,
    },
    deps,
  );
  const event = newEvent(
    'complaint.filed',
    { requestId: request.id, complaintId: complaint.id, providerId: complaint.providerId },
    { id: deps.ids.next('event'), clusterId: request.clusterId, occurredAt: complaint.filedAt, correlationId },
  );
  await deps.stores.complaints.file(next, request.version, complaint, entry, [event]);
  return complaint;
}

/**
 * The cluster admin decides a complaint: dismissed, upheld with a fresh evaluation of the
 * corrected bids (core's `reevaluate`: a new ranking and a new stand-still, published to the
 * bidders again by `request.standstill_started`), or upheld with the request cancelled
 * (`request.cancelled` voids and unschedules as a cancel does). One transaction with the audit
 * entry and `complaint.decided`.
 *
 * @example
 * await decideRequestComplaint(deps, clusterId, requestId, complaintId, admin, { outcome: 'dismissed', reason }, cid);
 */
export async function decideRequestComplaint(
  deps: UseCaseDeps & { timing: ProcurementTiming },
  target: { clusterId: string; requestId: string; complaintId: string },
  visible: (request: StoredRequest | undefined) => StoredRequest,
  by: Actor,
  input: DecisionInput,
  correlationId: string,
): Promise<{ complaint: Complaint; request: ServiceRequest; evaluation?: StoredEvaluation | undefined }> {
  const [context, found, complaints] = await Promise.all([
    deps.stores.evaluations.closeContext(target.clusterId, target.requestId),
    deps.stores.evaluations.withRequest(target.clusterId, target.requestId),
    deps.stores.complaints.forRequest(target.clusterId, target.requestId),
  ]);
  const request = visible(context.request);
  const complaint = complaints.find((c) => c.id === target.complaintId);
  if (!complaint) throw notFound('COMPLAINT.NOT_FOUND', 'No such complaint on this request.');
  // One instant for the whole decision: the new stand-still counts from the evaluation's own time.
  const clock = fixedClock(deps.clock.now());
  const decided = decideComplaint(request, complaint, input, by.userId, clock);
  const at = new Date(clock.now()).toISOString();
  const context0 = { clusterId: request.clusterId, occurredAt: at, correlationId };
  let next = decided.request;
  let evaluation: StoredEvaluation | undefined;
  const events: DomainEvent[] = [
    newEvent(
      'complaint.decided',
      {
        requestId: request.id,
        complaintId: complaint.id,
        providerId: complaint.providerId,
        outcome: input.outcome,
        ...(input.outcome === 'upheld' ? { remedy: input.remedy } : {}),
      },
      { id: deps.ids.next('event'), ...context0 },
    ),
  ];
  if (input.outcome === 'upheld' && input.remedy === 'reevaluate') {
    const still = standstillMs(context.policy, deps.timing);
    const redo = reevaluate(
      decided.request,
      context.bids,
      request.pledgedFirms,
      found.evaluation?.invalid ?? [],
      input.restoreBidIds ?? [],
      clock,
      still,
    );
    // One decision is one version, whatever the re-evaluation concluded.
    next = { ...redo.next, version: request.version + 1 };
    evaluation = toStoredEvaluation(redo.result, {
      clusterId: request.clusterId,
      evaluatedAt: at,
      evaluatedBy: by.userId,
    });
    if (next.standstillEndsAt && next.status === 'evaluating')
      events.push(
        newEvent(
          'request.standstill_started',
          { requestId: request.id, endsAt: next.standstillEndsAt },
          { id: deps.ids.next('event'), ...context0 },
        ),
      );
  }
  if (next.status === 'cancelled')
    events.push(
      newEvent(
        'request.cancelled',
        { requestId: request.id, previousStatus: request.status, cancelledAt: next.cancellation?.cancelledAt ?? at },
        { id: deps.ids.next('event'), ...context0 },
      ),
    );
  const action = input.outcome === 'dismissed' ? 'complaint.dismissed' : 'complaint.upheld';
  const entry = auditEntry(
    by,
    action,
    request.id,
    {
      clusterId: request.clusterId,
      before: { status: request.status, openComplaints: request.openComplaints ?? 0 },
      after: {
        status: next.status,
        openComplaints: next.openComplaints ?? 0,
        complaint: complaint.id,
        provider: complaint.providerId,
        ...(input.outcome === 'upheld'
          ? { remedy: input.remedy === 'cancel' ? 'request cancelled' : 're-evaluated' }
          : {}),
        ...(evaluation?.recommended ? { recommended: evaluation.recommended.providerId } : {}),
      },
      reason: decided.complaint.decision?.reason ?? input.reason,
    },
    { ids: deps.ids, clock },
  );
  await deps.stores.complaints.decide(next, request.version, decided.complaint, entry, events, evaluation);
  return { complaint: decided.complaint, request: next, evaluation };
}
