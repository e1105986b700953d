import type { Clock } from '../clock';
import { conflict, DomainError, invalid } from '../errors';
import type { IdGenerator } from '../ids';
import { cancel } from '../request/rules/lifecycle';
import { isoNow } from '../request/rules/apply';
import { standstillRunning } from '../request/rules/standstill';
import type { ServiceRequest } from '../request/schema';
import { COMPLAINT_REASON_MIN, type Complaint, type DecisionInput } from './schema';

/** The reason, trimmed, or `COMPLAINT.REASON_TOO_SHORT` naming the field. */
function reasonOf(raw: string): string {
  const reason = raw.trim();
  if (reason.length < COMPLAINT_REASON_MIN)
    throw invalid(
      'COMPLAINT.REASON_TOO_SHORT',
      `Write a reason of at least ${COMPLAINT_REASON_MIN} characters`,
      'reason',
    );
  return reason;
}

/** The request with one more or one fewer open complaint (a new version: an award read before it fails). */
const withOpen = (request: ServiceRequest, delta: 1 | -1, clock: Clock): ServiceRequest => ({
  ...request,
  openComplaints: Math.max(0, (request.openComplaints ?? 0) + delta),
  version: request.version + 1,
  updatedAt: isoNow(clock),
});

/** Who files, and what is known about them before the rules decide. */
export interface Complainant {
  providerId: string;
  userId: string;
  /** True when the provider has a bid in the published evaluation (ranked or left out). */
  bidder: boolean;
  /** True when the provider already filed a complaint on this request. */
  alreadyFiled: boolean;
}

/**
 * A bidder files its one complaint during the stand-still: the complaint (open) and the request
 * with one more open complaint, which blocks its award. Refused for a non-bidder
 * (`COMPLAINT.NOT_BIDDER`, 403), outside a running stand-still (`COMPLAINT.AFTER_STANDSTILL`, or
 * `COMPLAINT.NOT_IN_STANDSTILL` for a request never ranked), a second time (`COMPLAINT.ALREADY_FILED`).
 *
 * @example
 * const who = { providerId, userId, bidder: true, alreadyFiled: false };
 * fileComplaint(ranked, who, { reason }, clock, ids).complaint.status // 'open'
 */
export function fileComplaint(
  request: ServiceRequest,
  who: Complainant,
  input: { reason: string; evidence?: string | undefined },
  clock: Clock,
  ids: IdGenerator,
): { complaint: Complaint; request: ServiceRequest } {
  if (!who.bidder)
    throw new DomainError('COMPLAINT.NOT_BIDDER', 'forbidden', 'Only a bidder in the published ranking may complain.');
  if (request.standstillEndsAt === undefined)
    throw conflict('COMPLAINT.NOT_IN_STANDSTILL', 'This request has no stand-still: there is no ranking to contest');
  if (request.status !== 'evaluating' || !standstillRunning(request, clock.now()))
    throw conflict(
      'COMPLAINT.AFTER_STANDSTILL',
      `The stand-still ended on ${request.standstillEndsAt}: complaints are no longer accepted`,
    );
  if (who.alreadyFiled)
    throw conflict('COMPLAINT.ALREADY_FILED', 'You have already filed a complaint on this request: one per bidder');
  const evidence = input.evidence?.trim();
  const complaint: Complaint = {
    id: ids.next('complaint'),
    clusterId: request.clusterId,
    requestId: request.id,
    providerId: who.providerId,
    filedBy: who.userId,
    filedAt: isoNow(clock),
    reason: reasonOf(input.reason),
    ...(evidence ? { evidence } : {}),
    status: 'open',
  };
  return { complaint, request: withOpen(request, 1, clock) };
}

/**
 * The cluster admin decides an open complaint: dismissed (the award may go ahead once no other
 * is open), upheld with a re-evaluation (the caller stores the new ranking and its stand-still),
 * or upheld with the request cancelled. `COMPLAINT.ALREADY_DECIDED` for a decided one;
 * `COMPLAINT.CANNOT_REEVALUATE` when the request is no longer being evaluated.
 *
 * @example
 * decideComplaint(request, open, { outcome: 'dismissed', reason }, 'usr_…', clock).complaint.status // 'dismissed'
 */
export function decideComplaint(
  request: ServiceRequest,
  complaint: Complaint,
  input: DecisionInput,
  decidedBy: string,
  clock: Clock,
): { complaint: Complaint; request: ServiceRequest } {
  if (complaint.status !== 'open')
    throw conflict('COMPLAINT.ALREADY_DECIDED', `The complaint was already ${complaint.status}`);
  const reason = reasonOf(input.reason);
  const at = isoNow(clock);
  const decided = (extra: Partial<NonNullable<Complaint['decision']>>): Complaint => ({
    ...complaint,
    status: input.outcome,
    decision: { outcome: input.outcome, reason, decidedBy, decidedAt: at, ...extra },
  });
  if (input.outcome === 'dismissed') return { complaint: decided({}), request: withOpen(request, -1, clock) };
  if (input.remedy === 'cancel') {
    const cancelled = cancel(withOpen(request, -1, clock), { reason, cancelledBy: decidedBy }, clock);
    // `withOpen` and `cancel` each count a version: one decision is one change.
    return { complaint: decided({ remedy: 'cancel' }), request: { ...cancelled, version: request.version + 1 } };
  }
  if (request.status !== 'evaluating')
    throw conflict('COMPLAINT.CANNOT_REEVALUATE', `The request is ${request.status}: its ranking cannot be redone`);
  const restored = [...new Set(input.restoreBidIds ?? [])];
  return {
    complaint: decided({ remedy: 'reevaluate', ...(restored.length ? { restoredBidIds: restored } : {}) }),
    request: withOpen(request, -1, clock),
  };
}
