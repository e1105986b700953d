import { availableBalance, parseAccountId, emptyAccount, type LedgerAccount } from './accounts';
import { applyEffect } from './apply';
import { effectsOf } from './effects';
import type { LedgerTransfer } from './schema';

const TOTALS = ['debitsPosted', 'creditsPosted', 'debitsPending', 'creditsPending'] as const;

/**
 * Audits a whole ledger (every account and every transfer) and says what is wrong, in words;
 * an empty list means sound. The rules: the sum over all accounts is zero, posted and pending
 * separately (double entry); no pool or payable is overdrawn; no escrow releases more than it
 * received; replaying every transfer reproduces every account's totals (the journal and the
 * balances agree); every hold is resolved at most once, by the transfer it names; no programme
 * has released more subsidy than was deposited into it. The model-based tests run it after
 * every step; an operator can run it over a programme's statement.
 *
 * @example
 * ledgerViolations(ledger.accounts(), ledger.transfers()) // []
 */
export function ledgerViolations(accounts: readonly LedgerAccount[], transfers: readonly LedgerTransfer[]): string[] {
  const problems: string[] = [];
  const sum = (f: (a: LedgerAccount) => number) => accounts.reduce((s, a) => s + f(a), 0);
  const posted = sum((a) => a.creditsPosted - a.debitsPosted);
  const pending = sum((a) => a.creditsPending - a.debitsPending);
  if (posted !== 0) problems.push(`posted balances sum to ${posted}, not 0`);
  if (pending !== 0) problems.push(`pending balances sum to ${pending}, not 0`);

  for (const a of accounts) {
    const { kind } = parseAccountId(a.id);
    if ((kind === 'pool' || kind === 'payable') && availableBalance(a) < 0)
      problems.push(`${a.id} is overdrawn: available ${availableBalance(a)}`);
    if (kind === 'escrow' && a.debitsPosted > a.creditsPosted)
      problems.push(`${a.id} released ${a.debitsPosted} of ${a.creditsPosted} posted`);
    for (const t of TOTALS) if (a[t] < 0) problems.push(`${a.id} has negative ${t}`);
  }

  const byId = new Map(transfers.map((t) => [t.id, t]));
  const replayed = new Map<string, LedgerAccount>();
  for (const t of transfers) {
    const hold = t.pendingId === undefined ? undefined : byId.get(t.pendingId);
    if ((t.kind === 'post' || t.kind === 'void') && !hold) {
      problems.push(`${t.id} resolves ${t.pendingId ?? '?'}, which does not exist`);
      continue;
    }
    for (const e of effectsOf(t, hold)) replayed.set(e.account, applyEffect(replayed.get(e.account), e, t.currency));
  }
  const known = new Map(accounts.map((a) => [a.id, a]));
  for (const id of new Set([...known.keys(), ...replayed.keys()])) {
    const a = known.get(id) ?? emptyAccount(id);
    const r = replayed.get(id) ?? emptyAccount(id);
    for (const t of TOTALS) if (a[t] !== r[t]) problems.push(`${id}.${t} is ${a[t]} but its transfers make ${r[t]}`);
  }

  const resolutions = new Map<string, LedgerTransfer[]>();
  for (const t of transfers)
    if (t.pendingId !== undefined) resolutions.set(t.pendingId, [...(resolutions.get(t.pendingId) ?? []), t]);
  const released = new Map<string, number>();
  const deposited = new Map<string, number>();
  for (const t of transfers) {
    if (t.kind === 'deposit') deposited.set(t.credit, (deposited.get(t.credit) ?? 0) + t.amount);
    if (t.kind !== 'hold') continue;
    const by = resolutions.get(t.id) ?? [];
    if (by.length > 1) problems.push(`hold ${t.id} was resolved ${by.length} times`);
    const [r] = by;
    if (t.state === 'pending' ? r !== undefined : r?.id !== t.resolvedBy)
      problems.push(`hold ${t.id} is ${t.state ?? '?'} but resolved by ${r?.id ?? 'nothing'}`);
    if (r?.kind === 'post') released.set(t.debit, (released.get(t.debit) ?? 0) + r.amount);
  }
  for (const [pool, amount] of released) {
    if (amount > (deposited.get(pool) ?? 0))
      problems.push(`${pool} released ${amount} of subsidy but received ${deposited.get(pool) ?? 0}`);
  }
  return problems;
}
