import type { Currency } from '../money';
import type { EscrowRecord } from '../escrow/schema';
import { confirmedFirms } from '../escrow/attendance';
import { monthOf, type Month } from './period';

/** What the indicators need to know beside the escrow record. */
export interface DeliveryContext {
  /** The cluster's state, as stored on the cluster. */
  state: string;
  associationName: string;
  /** Bids the request received (valid or not), for the market view. */
  bids: number;
}

/**
 * One counted milestone: the facts every aggregate is built from. A milestone counts once it
 * is accepted (by the lead or automatically) or resolved with a release; it is dated by that
 * decision. A partial release counts its released part: the delivered value is the
 * milestone's total scaled by released ÷ held, so the private part keeps its proportion.
 */
export interface Delivery {
  /** `<requestId>#<index>`: the idempotency key of the aggregate update. */
  key: string;
  clusterId: string;
  state: string;
  requestId: string;
  index: number;
  at: string;
  month: Month;
  currency: Currency;
  category: string;
  providerId: string;
  associationId: string;
  associationName: string;
  /** Minor units. */
  delivered: number;
  public: number;
  byFunder: Record<string, number>;
  byProgramme: Record<string, number>;
  firms: string[];
  underServed: string[];
  bids: number;
  repeatCount: number;
  /** The award's subsidy ÷ its total, in basis points (the share the taper reached). */
  shareBasisPoints: number;
  /** Funders whose programmes co-financed the award. */
  funderIds: string[];
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Exact floor(a × b ÷ c) for safe integers. */
const mulDiv = (a: number, b: number, c: number) => Number((BigInt(a) * BigInt(b)) / BigInt(c));

/**
 * The delivery a decided milestone counts for, or undefined when it counts for nothing (not
 * decided yet, voided by a cancellation, or resolved with a void).
 *
 * @example
 * milestoneDelivery(record, 0, { state: 'Rajasthan', associationName: 'CALICO', bids: 3 })?.delivered // 1_000_000
 */
export function milestoneDelivery(record: EscrowRecord, index: number, ctx: DeliveryContext): Delivery | undefined {
  const m = record.milestones[index];
  if (!m) return undefined;
  let at: string | undefined;
  if (m.status === 'accepted') at = m.acceptance?.at;
  else if (m.status === 'resolved' && m.resolution && m.resolution.outcome !== 'void') at = m.resolution.at;
  if (!at) return undefined;
  const held = sum(m.holds.map((h) => h.amount.amount));
  const released = sum(m.holds.map((h) => (h.state === 'posted' ? h.released.amount : 0)));
  const delivered = held > 0 && released < held ? mulDiv(m.total.amount, released, held) : m.total.amount;
  const byFunder: Record<string, number> = {};
  const byProgramme: Record<string, number> = {};
  for (const h of m.holds) {
    if (h.state !== 'posted' || h.released.amount === 0) continue;
    byFunder[h.funderId] = (byFunder[h.funderId] ?? 0) + h.released.amount;
    byProgramme[h.programmeId] = (byProgramme[h.programmeId] ?? 0) + h.released.amount;
  }
  // Only the firms that confirmed they attended count (issue 12): a provider's list alone serves no one.
  const firms = confirmedFirms(m).sort();
  const attended = new Set(firms);
  const underServed = [...new Set(m.report?.underServedFirmIds ?? [])].filter((f) => attended.has(f)).sort();
  const total = record.total.amount;
  return {
    key: `${record.requestId}#${index}`,
    clusterId: record.clusterId,
    state: ctx.state,
    requestId: record.requestId,
    index,
    at,
    month: monthOf(at),
    currency: record.currency,
    category: record.category,
    providerId: record.providerId,
    associationId: record.associationId,
    associationName: ctx.associationName,
    delivered,
    public: released,
    byFunder,
    byProgramme,
    firms,
    underServed,
    bids: ctx.bids,
    repeatCount: record.repeatCount ?? record.contributions[0]?.repeatCount ?? 0,
    shareBasisPoints: total > 0 ? mulDiv(record.subsidy.amount, 10_000, total) : 0,
    funderIds: [...new Set(record.contributions.map((c) => c.funderId))].sort(),
  };
}
