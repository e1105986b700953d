// The delivered history's data: its funders, its programmes and the past deliveries it replays
// (history.ts runs them through the real path).
import { Money, SubsidyProgramme, type Funder } from '@bds/core';
import type { PROVIDERS } from './data';
import { seedId } from './ids';
import type { RegisterSlug, RequestSeed } from './marketplace-data';

export const DAY = 86_400_000;
export const inr = (rupees: number) => Money.money(rupees * 100, 'INR');

/** The funders of the delivered history, with their real kinds (Table 1's "UNIDO" column is the programme). */
export const HISTORY_FUNDERS = {
  unido: {
    id: seedId('funder', 'unido'),
    name: 'UNIDO Cluster Development Programme',
    kind: 'programme',
    createdAt: '2026-01-01T00:00:00.000Z',
  } satisfies Funder,
  riico: {
    id: seedId('funder', 'riico'),
    name: 'Rajasthan State Industrial Development Corporation (RIICO)',
    kind: 'state_agency',
    createdAt: '2026-01-01T00:00:00.000Z',
  } satisfies Funder,
};

/** A programme that paid for the history only: valid until the first of the month the demo was first seeded. */
export const historyProgramme = (
  slug: string,
  funder: Funder,
  scope: SubsidyProgramme['scope'],
  schedule: number[],
  priority: number,
  until: string,
) =>
  SubsidyProgramme.parse({
    id: seedId('programme', slug),
    funderId: funder.id,
    name: `${funder.name.replace(/ \(.*\)$/, '')} co-financing 2026`,
    scope,
    currency: 'INR',
    budget: inr(50_00_000),
    eligibleCategories: [
      'training',
      'design',
      'market-access',
      'quality-certification',
      'export-advice',
      'legal-regulatory',
    ],
    schedule,
    capPerAward: inr(5_00_000),
    validFrom: '2026-01-01T00:00:00.000Z',
    validUntil: until,
    priority,
    status: 'open',
  });

export interface Delivered {
  slug: string;
  lead: RegisterSlug;
  category: RequestSeed['terms']['category'];
  provider: keyof typeof PROVIDERS;
  rival?: keyof typeof PROVIDERS;
  monthsAgo: number;
  pledges: number[];
  rupeesPerFirm: number;
  title: string;
}

/**
 * Past deliveries for the Results page: several programmes, repeat awards down the taper
 * (CALICO's fairs: 50/38/26/7 % from SIDBI, then a fifth with no subsidy at all), and every
 * pilot cluster. KNIDGRO's IT and CALICO's testing are left alone: the live demo awards those.
 */
export const DELIVERED: Delivered[] = [
  {
    slug: 'h-calico-fair-1',
    lead: 'calico',
    category: 'market-access',
    provider: 'fairs',
    monthsAgo: 10,
    pledges: [0, 1, 3, 4, 6],
    rupeesPerFirm: 14_000,
    title: 'First fair at Jaipur',
  },
  {
    slug: 'h-calico-fair-2',
    lead: 'calico',
    category: 'market-access',
    provider: 'fairs',
    monthsAgo: 8,
    pledges: [0, 2, 4, 7, 8, 9],
    rupeesPerFirm: 14_000,
    title: 'Second fair at Jaipur',
  },
  {
    slug: 'h-calico-fair-3',
    lead: 'calico',
    category: 'market-access',
    provider: 'fairs',
    monthsAgo: 6,
    pledges: [1, 5, 10, 11, 13],
    rupeesPerFirm: 16_000,
    title: 'First fair at Delhi',
  },
  {
    slug: 'h-calico-fair-4',
    lead: 'calico',
    category: 'market-access',
    provider: 'fairs',
    monthsAgo: 4,
    pledges: [0, 2, 6, 12, 13],
    rupeesPerFirm: 16_000,
    title: 'Second fair at Delhi',
  },
  {
    slug: 'h-calico-fair-5',
    lead: 'calico',
    category: 'market-access',
    provider: 'fairs',
    monthsAgo: 2,
    pledges: [1, 3, 5, 9],
    rupeesPerFirm: 17_000,
    title: 'Third fair at Delhi',
  },
  {
    slug: 'h-bagru-design',
    lead: 'bagru',
    category: 'design',
    provider: 'nift',
    monthsAgo: 7,
    pledges: [0, 1, 2, 3, 4, 5],
    rupeesPerFirm: 9_000,
    title: 'Natural-dye collection',
  },
  {
    slug: 'h-knidgro-fair',
    lead: 'knidgro',
    category: 'market-access',
    provider: 'fairs',
    monthsAgo: 9,
    pledges: [0, 3, 5, 9],
    rupeesPerFirm: 25_000,
    title: 'Knitwear fair at Delhi',
  },
  {
    slug: 'h-knidgro-design',
    lead: 'knidgro',
    category: 'design',
    provider: 'nift',
    monthsAgo: 5,
    pledges: [2, 4, 6, 10, 11],
    rupeesPerFirm: 18_000,
    title: 'Winter collection design',
  },
  {
    slug: 'h-tken-design',
    lead: 'tea',
    category: 'design',
    provider: 'nift',
    monthsAgo: 8,
    pledges: [0, 1, 2, 3, 4],
    rupeesPerFirm: 20_000,
    title: 'Product design for export buyers',
  },
  {
    slug: 'h-tken-fair',
    lead: 'tea',
    category: 'market-access',
    provider: 'fairs',
    monthsAgo: 3,
    pledges: [1, 2, 4, 5],
    rupeesPerFirm: 30_000,
    title: 'Knitwear fair at Tiruppur',
  },
  {
    slug: 'h-appeal-quality-1',
    lead: 'appeal',
    category: 'quality-certification',
    provider: 'sisi',
    monthsAgo: 8,
    pledges: [0, 1, 2, 3],
    rupeesPerFirm: 40_000,
    title: 'ISO 9001 readiness',
  },
  {
    slug: 'h-appeal-quality-2',
    lead: 'appeal',
    category: 'quality-certification',
    provider: 'sisi',
    monthsAgo: 3,
    pledges: [4, 5, 6, 7],
    rupeesPerFirm: 38_000,
    title: 'ISO 9001 second batch',
  },
  {
    slug: 'h-pfpc-legal',
    lead: 'pfpc',
    category: 'legal-regulatory',
    provider: 'foodLab',
    monthsAgo: 9,
    pledges: [0, 2, 4, 7],
    rupeesPerFirm: 8_000,
    title: 'FSSAI licensing clinic',
  },
  {
    slug: 'h-pfpc-training-1',
    lead: 'pfpc',
    category: 'training',
    provider: 'foodLab',
    rival: 'sisi',
    monthsAgo: 6,
    pledges: [0, 1, 2, 3, 4, 5],
    rupeesPerFirm: 6_000,
    title: 'Food hygiene training',
  },
  {
    slug: 'h-pfpc-training-2',
    lead: 'pfpc',
    category: 'training',
    provider: 'sisi',
    rival: 'foodLab',
    monthsAgo: 1,
    pledges: [2, 4, 6, 7],
    rupeesPerFirm: 5_500,
    title: 'Packaging and preservation training',
  },
];
