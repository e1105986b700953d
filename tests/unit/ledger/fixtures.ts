import { fixedClock, type Clock } from '../../../packages/core/src/clock';
import { accountId, MemoryLedger, type LedgerCommand } from '../../../packages/core/src/ledger';
import { money, type Currency } from '../../../packages/core/src/money';

export const AT = Date.parse('2025-06-01T10:00:00.000Z');
export const FUNDER = 'fnd_1';
export const PROGRAMME = 'prg_1';
export const CLUSTER = 'clu_1';
export const AWARD = 'req_1';
export const PROVIDER = 'prv_1';

export const EXTERNAL = accountId({ kind: 'funder', funderId: FUNDER });
export const POOL = accountId({ kind: 'pool', programmeId: PROGRAMME });
export const ESCROW = accountId({ kind: 'escrow', clusterId: CLUSTER, awardId: AWARD });
export const PAYABLE = accountId({ kind: 'payable', providerId: PROVIDER });
export const PAID = accountId({ kind: 'paid', providerId: PROVIDER });

type Over<K extends LedgerCommand['kind']> = Partial<Extract<LedgerCommand, { kind: K }>>;

/** Commands on the fixture's one funder, programme, award and provider; override anything. */
export const cmd = {
  deposit: (id: string, amount: number, over: Over<'deposit'> = {}): LedgerCommand => ({
    kind: 'deposit',
    id,
    funderId: FUNDER,
    programmeId: PROGRAMME,
    amount: money(amount, 'INR'),
    ...over,
  }),
  hold: (id: string, amount: number, over: Over<'hold'> = {}): LedgerCommand => ({
    kind: 'hold',
    id,
    programmeId: PROGRAMME,
    clusterId: CLUSTER,
    awardId: AWARD,
    providerId: PROVIDER,
    amount: money(amount, 'INR'),
    ...over,
  }),
  post: (id: string, pendingId: string, amount?: number, currency: Currency = 'INR'): LedgerCommand => ({
    kind: 'post',
    id,
    pendingId,
    ...(amount === undefined ? {} : { amount: money(amount, currency) }),
  }),
  void: (id: string, pendingId: string): LedgerCommand => ({ kind: 'void', id, pendingId }),
  payout: (id: string, amount: number, over: Over<'payout'> = {}): LedgerCommand => ({
    kind: 'payout',
    id,
    providerId: PROVIDER,
    amount: money(amount, 'INR'),
    ...over,
  }),
  close: (id: string, over: Over<'close'> = {}): LedgerCommand => ({
    kind: 'close',
    id,
    programmeId: PROGRAMME,
    funderId: FUNDER,
    ...over,
  }),
};

/** A fresh in-memory ledger on a fixed clock. */
export const memoryLedger = (clock: Clock = fixedClock(AT)): MemoryLedger => new MemoryLedger(clock);

/** The four totals of an account, in the order debitsPosted, creditsPosted, debitsPending, creditsPending. */
export const totals = (a: {
  debitsPosted: number;
  creditsPosted: number;
  debitsPending: number;
  creditsPending: number;
}) => [a.debitsPosted, a.creditsPosted, a.debitsPending, a.creditsPending];
