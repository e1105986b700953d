import { depositCommand, Money, SubsidyProgramme } from '@bds/core';
import type { Stores } from '../../adapters/dynamo/stores';
import { FUNDERS } from './data';
import { seedId } from './ids';

const inr = (rupees: number) => Money.money(rupees * 100, 'INR');

/** SIDBI's national programme: the paper's tapering 50/38/26/7 % schedule, ₹2 crore budget. */
export const SIDBI_PROGRAMME = SubsidyProgramme.parse({
  id: seedId('programme', 'sidbi-national'),
  funderId: FUNDERS.sidbi.id,
  name: 'SIDBI cluster BDS co-financing (national)',
  scope: { kind: 'national' },
  currency: 'INR',
  budget: inr(2_00_00_000),
  eligibleCategories: [
    'training',
    'design',
    'market-access',
    'it-software',
    'quality-certification',
    'testing',
    'export-advice',
    'finance-linkage',
    'legal-regulatory',
  ],
  schedule: [5000, 3800, 2600, 700],
  capPerAward: inr(5_00_000),
  validFrom: '2026-01-01T00:00:00.000Z',
  validUntil: '2031-04-01T00:00:00.000Z',
  priority: 10,
  status: 'open',
});

/** The programme and its first ₹50 lakh deposit; a second run finds both (the deposit replays). */
export async function seedProgrammes(stores: Stores): Promise<{ created: number }> {
  let created = 0;
  if (!(await stores.programmes.get(SIDBI_PROGRAMME.id))) {
    await stores.programmes.create(SIDBI_PROGRAMME);
    created++;
  }
  const { replayed } = await stores.ledger.execute(depositCommand(SIDBI_PROGRAMME, 'seed-initial', inr(50_00_000)));
  return { created: created + (replayed ? 0 : 1) };
}
