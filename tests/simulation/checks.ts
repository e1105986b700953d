import { RequestStatus } from '@bds/core';
import { invariantProblems } from '../integration/workers/redelivery-invariants';
import type { Item } from '../integration/workers/redelivery-table';

/**
 * The checks of issue 15 that read only the table's items, after a simulated day: the redelivery test's (ledger sums
 * to zero, each hold resolved at most once, payables and escrow records agree with the ledger, nothing twice), no
 * programme pool overdrawn, every request in a legal state.
 */
export function itemProblems(items: readonly Item[], acceptedByHand: ReadonlySet<string>): string[] {
  const problems = invariantProblems(items, acceptedByHand).filter((p) => !p.startsWith('the scenario held no'));
  for (const a of items.filter((i) => i.entity === 'ledger-account')) {
    const id = String(a.accountId);
    // A programme's pool may only spend what was deposited: its available balance never goes below zero.
    const available = Number(a.creditsPosted ?? 0) - Number(a.debitsPosted ?? 0) - Number(a.debitsPending ?? 0);
    if (id.startsWith('pool:') && available < 0) problems.push(`${id} is overdrawn: ${available}`);
  }
  for (const r of items.filter((i) => i.entity === 'request'))
    if (!RequestStatus.safeParse(r.status).success) problems.push(`request ${String(r.id)} is ${String(r.status)}`);
  return problems;
}
