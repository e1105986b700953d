import * as z from 'zod';
import { Currency, Money } from '../money';
import { LedgerSegment } from './accounts';

/**
 * A client-chosen transfer id: the idempotency key. Callers derive it from what the transfer is
 * for (`hold:req_…:m0:prg_…`), so a retried workflow reuses it. No `#`: ids go into keys.
 */
export const TransferId = z.string().regex(/^[A-Za-z0-9_:.-]{1,200}$/, 'Letters, digits and _ : . - only');

export const TransferKind = z.enum(['deposit', 'hold', 'post', 'void', 'payout', 'close']);
export type TransferKind = z.infer<typeof TransferKind>;

/** A hold's life: pending until one post or one void resolves it. */
export const HoldState = z.enum(['pending', 'posted', 'voided']);
export type HoldState = z.infer<typeof HoldState>;

/**
 * A movement, as recorded. Immutable, except that a hold's `state`, `resolvedBy` and
 * `postedAmount` are written once, by the post or void that resolves it.
 */
export const LedgerTransfer = z.object({
  id: TransferId,
  kind: TransferKind,
  debit: z.string(),
  credit: z.string(),
  /** Positive; only a `close` of an empty pool moves 0. */
  amount: z.number().int().nonnegative(),
  currency: Currency,
  at: z.iso.datetime(),
  /** The command it was made from, canonical: a retry with the same id must match it. */
  fingerprint: z.string(),
  memo: z.string().optional(),
  /** hold: the provider payable a post releases to, fixed when the money is held. */
  beneficiary: z.string().optional(),
  state: HoldState.optional(),
  resolvedBy: TransferId.optional(),
  postedAmount: z.number().int().nonnegative().optional(),
  /** post, void: the hold they resolve. */
  pendingId: TransferId.optional(),
  /** post, void: the part of the hold that went back to the pool. */
  returned: z.number().int().nonnegative().optional(),
});
export type LedgerTransfer = z.infer<typeof LedgerTransfer>;

const common = { id: TransferId, memo: z.string().trim().max(200).optional() };

/** A funder puts money into a programme's pool. */
export const DepositCommand = z.object({
  kind: z.literal('deposit'),
  ...common,
  funderId: LedgerSegment,
  programmeId: LedgerSegment,
  amount: Money,
});
/** Escrow for one milestone of an award, held from a programme's pool (pending). */
export const HoldCommand = z.object({
  kind: z.literal('hold'),
  ...common,
  programmeId: LedgerSegment,
  clusterId: LedgerSegment,
  awardId: LedgerSegment,
  /** The awarded provider: only its payable can receive this hold. */
  providerId: LedgerSegment,
  amount: Money,
});
/** Releases a hold to the provider's payable: all of it, or `amount` with the rest returned. */
export const PostCommand = z.object({
  kind: z.literal('post'),
  ...common,
  pendingId: TransferId,
  amount: Money.optional(),
});
/** Returns a hold to its pool. */
export const VoidCommand = z.object({ kind: z.literal('void'), ...common, pendingId: TransferId });
/** Pays a provider what its payable holds (the payout batch and its CSV come later). */
export const PayoutCommand = z.object({
  kind: z.literal('payout'),
  ...common,
  providerId: LedgerSegment,
  amount: Money,
});
/** Closes a programme's pool and returns what is unspent to the funder; again later to sweep voids. */
export const CloseCommand = z.object({
  kind: z.literal('close'),
  ...common,
  programmeId: LedgerSegment,
  funderId: LedgerSegment,
});

export const LedgerCommand = z.discriminatedUnion('kind', [
  DepositCommand,
  HoldCommand,
  PostCommand,
  VoidCommand,
  PayoutCommand,
  CloseCommand,
]);
export type LedgerCommand = z.infer<typeof LedgerCommand>;
export type DepositCommand = z.infer<typeof DepositCommand>;
export type HoldCommand = z.infer<typeof HoldCommand>;
export type PostCommand = z.infer<typeof PostCommand>;
export type VoidCommand = z.infer<typeof VoidCommand>;
export type PayoutCommand = z.infer<typeof PayoutCommand>;
export type CloseCommand = z.infer<typeof CloseCommand>;

/** One account's side of a transfer: the deltas it made to the account's totals (may be negative). */
export const LedgerEntry = z.object({
  account: z.string(),
  transferId: TransferId,
  kind: TransferKind,
  at: z.iso.datetime(),
  currency: Currency,
  debitsPosted: z.number().int(),
  creditsPosted: z.number().int(),
  debitsPending: z.number().int(),
  creditsPending: z.number().int(),
  memo: z.string().optional(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;
