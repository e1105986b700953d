import * as z from 'zod';
import { invalid } from '../errors';
import { Currency } from '../money';

/** An id inside an account id: no `:` (the account id separator) and no `#` (the key separator). */
export const LedgerSegment = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'Letters, digits, _ and - only');

/**
 * The five kinds of account. `funder` is the outside world a deposit comes from and a closing
 * returns to, so that every movement has two sides and the sum over all accounts stays zero.
 */
export type AccountRef =
  | { kind: 'funder'; funderId: string }
  | { kind: 'pool'; programmeId: string }
  | { kind: 'escrow'; clusterId: string; awardId: string }
  | { kind: 'payable'; providerId: string }
  | { kind: 'paid'; providerId: string };
export type AccountKind = AccountRef['kind'];

/**
 * The account id: kind and owner ids joined by `:`.
 *
 * @example
 * accountId({ kind: 'escrow', clusterId: 'clu_1', awardId: 'req_9' }) // 'escrow:clu_1:req_9'
 */
export function accountId(ref: AccountRef): string {
  switch (ref.kind) {
    case 'funder':
      return `funder:${ref.funderId}`;
    case 'pool':
      return `pool:${ref.programmeId}`;
    case 'escrow':
      return `escrow:${ref.clusterId}:${ref.awardId}`;
    case 'payable':
      return `payable:${ref.providerId}`;
    case 'paid':
      return `paid:${ref.providerId}`;
  }
}

/**
 * The reference an account id stands for; the inverse of `accountId`.
 *
 * @example
 * parseAccountId('pool:prg_1') // { kind: 'pool', programmeId: 'prg_1' }
 */
export function parseAccountId(id: string): AccountRef {
  const [kind, a, b, ...rest] = id.split(':');
  const ok = (s: string | undefined): s is string => s !== undefined && LedgerSegment.safeParse(s).success;
  if (rest.length === 0) {
    if (kind === 'escrow' && ok(a) && ok(b)) return { kind, clusterId: a, awardId: b };
    if (b === undefined && ok(a)) {
      if (kind === 'funder') return { kind, funderId: a };
      if (kind === 'pool') return { kind, programmeId: a };
      if (kind === 'payable' || kind === 'paid') return { kind, providerId: a };
    }
  }
  throw invalid('LEDGER.BAD_ACCOUNT', `${id} is not an account id`, 'account');
}

/**
 * An account's four running totals, in minor units of its currency (TigerBeetle's model):
 * posted and pending, debits and credits. Pending columns hold escrow not yet released.
 */
export const LedgerAccount = z.object({
  id: z.string(),
  /** Fixed by the account's first movement; undefined until then. */
  currency: Currency.optional(),
  debitsPosted: z.number().int().nonnegative(),
  creditsPosted: z.number().int().nonnegative(),
  debitsPending: z.number().int().nonnegative(),
  creditsPending: z.number().int().nonnegative(),
  /** A closed pool takes no deposit and no hold; voids still return to it. */
  closed: z.boolean(),
});
export type LedgerAccount = z.infer<typeof LedgerAccount>;

/**
 * An account that has never moved money.
 *
 * @example
 * emptyAccount('pool:prg_1').currency // undefined: the first movement fixes it
 */
export const emptyAccount = (id: string): LedgerAccount => ({
  id,
  debitsPosted: 0,
  creditsPosted: 0,
  debitsPending: 0,
  creditsPending: 0,
  closed: false,
});

/**
 * What an account can still give: credits posted − debits posted − debits pending. A hold or a
 * payout must never take it below zero.
 *
 * @example
 * availableBalance({ ...emptyAccount('pool:p'), creditsPosted: 100, debitsPending: 30 }) // 70
 */
export const availableBalance = (a: LedgerAccount): number => a.creditsPosted - a.debitsPosted - a.debitsPending;
