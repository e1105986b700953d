import type { EventEnvelope } from '@bds/core';
import type { Item } from './redelivery-table';

/** The invariants of issue 5, checked on a table: each stated so a failure says which broke. */
export function invariantProblems(items: readonly Item[], acceptedByHand: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const dupes = (label: string, keys: string[]) => {
    const seen = new Map<string, number>();
    for (const k of keys) seen.set(k, (seen.get(k) ?? 0) + 1);
    for (const [k, n] of seen) if (n > 1) problems.push(`${label}: ${k} × ${n}`);
  };
  const events = items.filter((i) => i.entity === 'outbox').map((i) => i.event as EventEnvelope);
  const payload = (e: EventEnvelope, key: string) => String(e.payload[key]);
  dupes(
    'request closed twice',
    events.filter((e) => e.type === 'request.closed').map((e) => payload(e, 'requestId')),
  );
  // A milestone's notifications (reported, decided) come once per milestone, a complaint's once per complaint and a
  // ranking's once per stand-still (a re-evaluation publishes another), not once per request.
  const occasion = (e: EventEnvelope) =>
    ['index', 'complaintId', 'endsAt'].map((k) => (e.payload[k] === undefined ? '' : `#${payload(e, k)}`)).join('');
  const milestoneOf = new Map(events.map((e) => [e.id, occasion(e)]));
  dupes(
    'notification twice',
    items
      .filter((i) => i.entity === 'notification')
      .map(
        (i) =>
          `${String(i.organisationId)} ${String(i.kind)} ${String(i.requestId)}` +
          (milestoneOf.get(String(i.eventId)) ?? ''),
      ),
  );
  dupes(
    'mail twice',
    items.filter((i) => i.entity === 'mail').map((i) => `${String(i.to)} ${String(i.subject)} ${String(i.text)}`),
  );
  dupes(
    'award escrow twice',
    items.filter((i) => i.entity === 'escrow').map((i) => String(i.requestId)),
  );
  // Money: every hold resolved at most once, and the ledger sums to zero over all accounts.
  const transfers = items.filter((i) => i.entity === 'ledger-transfer');
  dupes(
    'hold resolved twice',
    transfers.filter((i) => i.pendingId !== undefined).map((i) => String(i.pendingId)),
  );
  const accounts = items.filter((i) => i.entity === 'ledger-account');
  if (!transfers.some((i) => i.kind === 'hold'))
    problems.push('the scenario held no escrow (is the programme funded?)');
  const net = accounts.reduce(
    (sum, a) =>
      sum +
      Number(a.creditsPosted ?? 0) -
      Number(a.debitsPosted ?? 0) +
      Number(a.creditsPending ?? 0) -
      Number(a.debitsPending ?? 0),
    0,
  );
  if (net !== 0) problems.push(`ledger does not sum to zero: ${net}`);
  dupes(
    'matching run twice for a request',
    items.filter((i) => i.entity === 'matchingRun').flatMap((i) => (i.requestIds as string[] | undefined) ?? []),
  );
  // Money after the award: each payable was credited exactly the holds posted to it, and the escrow records released
  // just as much.
  const postedTo = new Map<string, number>();
  for (const h of transfers)
    if (h.kind === 'hold' && h.state === 'posted')
      postedTo.set(String(h.beneficiary), (postedTo.get(String(h.beneficiary)) ?? 0) + Number(h.postedAmount ?? 0));
  const payables = new Set([
    ...postedTo.keys(),
    ...accounts.map((a) => String(a.accountId)).filter((id) => id.startsWith('payable:')),
  ]);
  for (const id of payables) {
    const account = accounts.find((a) => a.accountId === id);
    // What was credited, not the balance: a payout batch debits the payable later (the simulation pays out).
    const credited = Number(account?.creditsPosted ?? 0);
    if (credited !== (postedTo.get(id) ?? 0))
      problems.push(`${id} was credited ${credited}, its posted holds sum to ${postedTo.get(id) ?? 0}`);
  }
  type Milestone = {
    index: number;
    status: string;
    autoAcceptAt?: string;
    acceptance?: { automatic: boolean; at: string };
    holds: { id: string; state: string; released?: { amount: number } }[];
  };
  const escrows = items.filter((i) => i.entity === 'escrow') as unknown as {
    requestId: string;
    providerId: string;
    milestones: Milestone[];
  }[];
  const released = new Map<string, number>();
  const ledgerHolds = new Map(transfers.filter((h) => h.kind === 'hold').map((h) => [String(h.id), h]));
  for (const e of escrows) {
    for (const m of e.milestones) {
      const key = `${e.requestId}#${m.index}`;
      for (const h of m.holds) {
        if (h.state === 'posted')
          released.set(e.providerId, (released.get(e.providerId) ?? 0) + (h.released?.amount ?? 0));
        // (A hold voided before it was ever made, as for an award cancelled first, is absent from the ledger.)
        const inLedger = ledgerHolds.get(h.id)?.state;
        if (
          h.state === 'posted'
            ? inLedger !== 'posted'
            : h.state === 'voided' && inLedger !== undefined && inLedger !== 'voided'
        )
          problems.push(`${h.id} is ${h.state} in the escrow record, ${String(inLedger)} in the ledger`);
      }
      // No milestone both accepted and auto-accepted: the one the association answered keeps its answer; an automatic
      // acceptance only at its time.
      if (acceptedByHand.has(key) && (m.status !== 'accepted' || m.acceptance?.automatic !== false))
        problems.push(
          `${key} was accepted by the association, but is ${m.status} (automatic: ${String(m.acceptance?.automatic)})`,
        );
      if (m.acceptance?.automatic && (acceptedByHand.has(key) || !m.autoAcceptAt || m.acceptance.at < m.autoAcceptAt))
        problems.push(`${key} accepted automatically at ${m.acceptance.at}, due ${String(m.autoAcceptAt)}`);
    }
  }
  for (const [providerId, amount] of released) {
    const id = `payable:${providerId}`;
    if ((postedTo.get(id) ?? 0) !== amount)
      problems.push(`escrow records released ${amount} to ${providerId}, the ledger posted ${postedTo.get(id) ?? 0}`);
  }
  return problems;
}
