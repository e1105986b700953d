import type { Clock } from '../../clock';
import { conflict, invalid } from '../../errors';
import { add, money } from '../../money';
import type { ServiceRequest, SplitAward } from '../schema';
import { applyTransition, isoNow } from './apply';
import type { AwardBasis } from './award';
import { requireReason } from './lifecycle';
import { assertMayAward } from './standstill';
import { assignFirms, checkSplit, planSplit, priceParts, type SplitCandidate, type SplitPart } from './split';
import { assertTransition } from './transitions';

export interface SplitAwardInput {
  basis: AwardBasis;
  /** The ranked bids with their capacity and price curve (read from the bids). */
  candidates: readonly SplitCandidate[];
  /** The association's own split (then `reason` is required); the rule's when left out. */
  parts?: readonly SplitPart[] | undefined;
  reason?: string | undefined;
  awardedBy: string;
  /** The request's pledges: the firms dealt out to the contracts. */
  pledges: readonly { firmId: string; pledgedAt: string }[];
  /** A new request id for each contract, in order (at least as many as parts). */
  contractIds: readonly string[];
  repeatCount?: number | undefined;
}

/** The parts a split award would make: the rule's (`largest_score`) or the association's own, checked. */
export function splitParts(
  basis: AwardBasis,
  candidates: readonly SplitCandidate[],
  own: readonly SplitPart[] | undefined,
): { parts: SplitPart[]; strategy: SplitAward['strategy'] } {
  if (!basis.split) {
    throw conflict('AWARD.SPLIT_NOT_NEEDED', 'A single bidder can serve the pledged volume: award one bid.');
  }
  if (own) return { parts: checkSplit(candidates, basis.volume, own), strategy: 'custom' };
  const parts = planSplit(candidates, basis.volume);
  if (!parts)
    throw conflict('AWARD.SPLIT_INFEASIBLE', 'The ranked bids cannot cover the volume by score; split it yourself.');
  return { parts, strategy: 'largest_score' };
}

/**
 * Awards a split request (no single bidder could serve its volume): the split request moves to
 * `awarded` with its `splitAward`, and each part becomes a contract — a request of its own, already
 * `awarded` to its provider at its curve's price for its firms, with `contractOf` naming the split
 * request and its firms, so it has its own escrow and deliveries. The same guards as a single award
 * (state machine, stand-still, open complaints); a custom split needs a reason.
 *
 * @example
 * const { next, contracts } = awardSplit(request, { basis, candidates, awardedBy, pledges, contractIds }, clock);
 */
export function awardSplit(
  request: ServiceRequest,
  input: SplitAwardInput,
  clock: Clock,
): { next: ServiceRequest; contracts: ServiceRequest[] } {
  const status = assertTransition(request, 'award');
  assertMayAward(request, clock.now());
  const { basis } = input;
  if (basis.requestId !== request.id) {
    throw invalid('REQUEST.EVALUATION_MISMATCH', 'The evaluation is for another request', 'basis');
  }
  const { parts, strategy } = splitParts(basis, input.candidates, input.parts);
  const reason = strategy === 'custom' ? requireReason(input.reason) : input.reason?.trim() || undefined;
  const priced = priceParts(input.candidates, parts);
  const firms = assignFirms(input.pledges, parts);
  const at = isoNow(clock);
  const count = parts.length;
  const contracts: ServiceRequest[] = priced.map((p, index) => {
    const id = input.contractIds[index];
    if (!id) throw invalid('SPLIT.IDS', 'A contract id is missing', 'contractIds');
    const base: ServiceRequest = {
      ...request,
      id,
      status: 'awarded',
      version: 1,
      createdAt: at,
      updatedAt: at,
      minFirms: p.firms,
      maxFirms: p.firms,
      // Only its provider (and the cluster's parties) read a contract: it is not open to bid.
      visibility: 'invited',
      invitedProviderIds: [p.candidate.providerId],
      contractOf: { requestId: request.id, index, count, firmIds: firms[index] ?? [] },
      award: {
        bidId: p.bidId,
        providerId: p.candidate.providerId,
        volume: p.firms,
        pricePerFirm: p.quote.pricePerFirm,
        total: p.quote.total,
        recommendedBidId: p.bidId,
        ...(reason === undefined ? {} : { reason }),
        awardedBy: input.awardedBy,
        awardedAt: at,
        ...(input.repeatCount === undefined ? {} : { repeatCount: input.repeatCount }),
      },
    };
    const { standstillEndsAt: _s, openComplaints: _o, splitAward: _a, cancellation: _c, ...rest } = base;
    return rest;
  });
  const total = priced.reduce((s, p) => add(s, p.quote.total), money(0, request.currency));
  const splitAward: SplitAward = {
    contracts: priced.map((p, index) => ({
      requestId: contracts[index]!.id,
      index,
      bidId: p.bidId,
      providerId: p.candidate.providerId,
      volume: p.firms,
      pricePerFirm: p.quote.pricePerFirm,
      total: p.quote.total,
    })),
    strategy,
    ...(reason === undefined ? {} : { reason }),
    volume: basis.volume,
    total,
    awardedBy: input.awardedBy,
    awardedAt: at,
    ...(input.repeatCount === undefined ? {} : { repeatCount: input.repeatCount }),
  };
  return { next: applyTransition(request, status, clock, { splitAward }), contracts };
}
