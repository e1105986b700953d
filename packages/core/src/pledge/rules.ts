import type { Clock } from '../clock';
import { conflict, DomainError, notFound } from '../errors';
import type { Firm } from '../firm/schema';
import type { ServiceRequest } from '../request/schema';
import { sponsorIds } from '../request/rules/co-sponsor';
import { deadlineReached } from '../request/rules/transitions';
import type { Pledge, PledgeWithdrawal } from './schema';

type RequestView = Pick<
  ServiceRequest,
  'id' | 'clusterId' | 'associationId' | 'coSponsorIds' | 'status' | 'biddingDeadline'
>;

/** Pledges and withdrawals happen only while the request is open and before its deadline. */
function assertPledging(request: RequestView, now: number): void {
  if (request.status !== 'open') {
    throw conflict(
      'PLEDGE.REQUEST_NOT_OPEN',
      `The request is ${request.status}; pledges are taken only while it is open`,
    );
  }
  if (deadlineReached(request, now)) {
    throw conflict('PLEDGE.DEADLINE_PASSED', `Pledges closed at ${request.biddingDeadline}`);
  }
}

/**
 * A member firm pledges to take the service. Errors: `PLEDGE.REQUEST_NOT_OPEN`,
 * `PLEDGE.DEADLINE_PASSED` (conflict); `PLEDGE.WRONG_ASSOCIATION` (forbidden) when the firm
 * belongs to neither the lead nor a co-sponsoring association of the request's cluster;
 * `PLEDGE.DUPLICATE` (conflict) when it has already pledged.
 *
 * @example
 * const p = pledge(openRequest, firm, existingPledges, clock);
 */
export function pledge(request: RequestView, firm: Firm, existing: readonly Pledge[], clock: Clock): Pledge {
  const now = clock.now();
  assertPledging(request, now);
  if (firm.clusterId !== request.clusterId || !sponsorIds(request).includes(firm.associationId)) {
    throw new DomainError(
      'PLEDGE.WRONG_ASSOCIATION',
      'forbidden',
      'Only members of the sponsoring associations can pledge',
      'firmId',
    );
  }
  if (existing.some((p) => p.requestId === request.id && p.firmId === firm.id)) {
    throw conflict('PLEDGE.DUPLICATE', 'This firm has already pledged to the request', 'firmId');
  }
  return {
    requestId: request.id,
    clusterId: request.clusterId,
    firmId: firm.id,
    associationId: firm.associationId,
    pledgedAt: new Date(now).toISOString(),
  };
}

/**
 * Withdraws a pledge, allowed until the deadline. `PLEDGE.NOT_FOUND` when the pledge is not
 * one of this request's.
 *
 * @example
 * withdrawPledge(openRequest, p, clock) // { requestId, firmId, withdrawnAt }
 */
export function withdrawPledge(request: RequestView, existing: Pledge, clock: Clock): PledgeWithdrawal {
  if (existing.requestId !== request.id) throw notFound('PLEDGE.NOT_FOUND', 'No such pledge on this request');
  const now = clock.now();
  assertPledging(request, now);
  return { requestId: existing.requestId, firmId: existing.firmId, withdrawnAt: new Date(now).toISOString() };
}

/**
 * How many distinct firms pledged to the request: the volume the evaluation starts from.
 *
 * @example
 * pledgedFirmCount(pledges, request.id) // 17
 */
export function pledgedFirmCount(pledges: readonly Pledge[], requestId: string): number {
  return new Set(pledges.filter((p) => p.requestId === requestId).map((p) => p.firmId)).size;
}
