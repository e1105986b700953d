import type { Association, BankDetails, Cluster, Funder, Provider } from '@bds/core';
import { seedId } from './ids';

/** The demo data: the paper's four pilot clusters (UNIDO, India, 2000) and their actors. */
const at = '2026-04-01T00:00:00.000Z';
const cluster = (slug: string, c: Omit<Cluster, 'id' | 'createdAt' | 'status' | 'currency'>): Cluster => ({
  id: seedId('cluster', slug),
  createdAt: at,
  status: 'active',
  currency: 'INR',
  ...c,
});

export const CLUSTERS = {
  ludhiana: cluster('ludhiana', {
    name: 'Ludhiana knitwear',
    sector: 'Knitwear and hosiery',
    state: 'Punjab',
    district: 'Ludhiana',
    firmCount: 10_000,
    phase: 'self_management',
    supportedUntil: '2027-03-31',
  }),
  tirupur: cluster('tirupur', {
    name: 'Tirupur cotton hosiery',
    sector: 'Cotton knitwear',
    state: 'Tamil Nadu',
    district: 'Tiruppur',
    firmCount: 4_000,
    phase: 'self_management',
    supportedUntil: '2027-03-31',
  }),
  jaipur: cluster('jaipur', {
    name: 'Jaipur hand-block printing',
    sector: 'Hand-block printing',
    state: 'Rajasthan',
    district: 'Jaipur',
    firmCount: 550,
    phase: 'pilot',
    supportedUntil: '2028-03-31',
  }),
  pune: cluster('pune', {
    name: 'Pune food processing',
    sector: 'Food processing',
    state: 'Maharashtra',
    district: 'Pune',
    firmCount: 300,
    phase: 'diagnostic',
    supportedUntil: '2029-03-31',
  }),
};

const assoc = (
  slug: string,
  clusterId: string,
  a: Pick<Association, 'name' | 'shortName' | 'kind' | 'memberCount'>,
): Association => ({ id: seedId('association', slug), clusterId, createdAt: at, ...a });

export const ASSOCIATIONS = {
  knidgro: assoc('knidgro', CLUSTERS.ludhiana.id, {
    name: 'Knitwear Development Group',
    shortName: 'KNIDGRO',
    kind: 'association',
    memberCount: 12,
  }),
  appeal: assoc('appeal', CLUSTERS.ludhiana.id, {
    name: "Apparel Exporters' Association of Ludhiana",
    shortName: 'APPEAL',
    kind: 'association',
    memberCount: 80,
  }),
  calico: assoc('calico', CLUSTERS.jaipur.id, {
    name: 'Calico Printers Co-operative Society',
    shortName: 'CALICO',
    kind: 'cooperative',
    memberCount: 120,
  }),
  cotex: assoc('cotex', CLUSTERS.jaipur.id, {
    name: 'Consortium of Textile Exporters',
    shortName: 'COTEX',
    kind: 'consortium',
    memberCount: 14,
  }),
  bagru: assoc('bagru', CLUSTERS.jaipur.id, {
    name: 'Bagru Young Printers Self-Help Group',
    shortName: 'Bagru SHG',
    kind: 'self_help_group',
    memberCount: 23,
  }),
  tea: assoc('tirupur-network', CLUSTERS.tirupur.id, {
    name: 'Tirupur Knitwear Exporters Network',
    shortName: 'TKEN',
    kind: 'network',
    memberCount: 40,
  }),
  pfpc: assoc('pune-food', CLUSTERS.pune.id, {
    name: 'Pune Food Processors Co-operative',
    shortName: 'PFPC',
    kind: 'cooperative',
    memberCount: 35,
  }),
};

const provider = (slug: string, p: Omit<Provider, 'id' | 'createdAt' | 'blocked'>): Provider => ({
  id: seedId('provider', slug),
  createdAt: at,
  blocked: false,
  ...p,
});
const { ludhiana, tirupur, jaipur, pune } = CLUSTERS;

export const PROVIDERS = {
  nift: provider('nift', {
    name: 'National Institute of Fashion Technology',
    city: 'New Delhi',
    contactEmail: 'outreach@nift.bds.example',
    categories: ['design', 'training'],
    accredited: true,
    capacity: 6,
    clusterIds: [ludhiana.id, jaipur.id, tirupur.id],
  }),
  itTraining: provider('ludhiana-it', {
    name: 'Ludhiana Institute of Computer Training',
    city: 'Ludhiana',
    contactEmail: 'bids@lict.bds.example',
    categories: ['training', 'it-software'],
    accredited: true,
    capacity: 3,
    clusterIds: [ludhiana.id],
  }),
  erp: provider('delhi-erp', {
    name: 'Sutra ERP Systems Pvt Ltd',
    city: 'New Delhi',
    contactEmail: 'sales@sutra-erp.bds.example',
    categories: ['it-software'],
    accredited: false,
    capacity: 2,
    clusterIds: [ludhiana.id, tirupur.id],
  }),
  sisi: provider('sisi', {
    name: 'Small Industries Service Institute',
    city: 'Ludhiana',
    categories: ['quality-certification', 'training'],
    accredited: true,
    capacity: 4,
    clusterIds: [ludhiana.id, pune.id],
  }),
  lab: provider('jaipur-lab', {
    name: 'Rajasthan Textile Testing Laboratory',
    city: 'Jaipur',
    categories: ['testing', 'quality-certification'],
    accredited: true,
    capacity: 5,
    clusterIds: [jaipur.id],
  }),
  fairs: provider('delhi-fairs', {
    name: 'India Trade Fair Associates',
    city: 'New Delhi',
    categories: ['market-access', 'export-advice'],
    accredited: false,
    capacity: 8,
    clusterIds: [jaipur.id, ludhiana.id, tirupur.id],
  }),
  foodLab: provider('pune-food-lab', {
    name: 'Pune Food Technology Centre',
    city: 'Pune',
    categories: ['testing', 'legal-regulatory', 'training'],
    accredited: true,
    capacity: 3,
    clusterIds: [pune.id],
  }),
};

/**
 * Demo bank details (made-up accounts at real banks' IFSC formats), so the provider's payouts page
 * and the payout CSV show them. Sisi and the Pune lab have none: the payout preview warns of them.
 */
export const PROVIDER_BANK_DETAILS: Partial<Record<keyof typeof PROVIDERS, BankDetails>> = {
  nift: {
    beneficiaryName: 'National Institute of Fashion Technology',
    ifsc: 'SBIN0005943',
    accountNumber: '30117845220',
  },
  itTraining: {
    beneficiaryName: 'Ludhiana Institute of Computer Training',
    ifsc: 'PUNB0112200',
    accountNumber: '0112002100012345',
  },
  erp: { beneficiaryName: 'Sutra ERP Systems Pvt Ltd', ifsc: 'HDFC0000556', accountNumber: '50200011223344' },
  lab: {
    beneficiaryName: 'Rajasthan Textile Testing Laboratory',
    ifsc: 'BARB0JAIPUR',
    accountNumber: '21970100004455',
  },
  fairs: { beneficiaryName: 'India Trade Fair Associates', ifsc: 'ICIC0000104', accountNumber: '010405006789' },
};

export const FUNDERS = {
  sidbi: {
    id: seedId('funder', 'sidbi'),
    name: 'Small Industries Development Bank of India (SIDBI)',
    kind: 'development_bank',
    createdAt: at,
  } satisfies Funder,
};

/** Every demo sign-in shares this password; it exists only on local stacks. */
export const DEMO_PASSWORD = 'demo-bds-2026';

export const DEMO_USERS = [
  {
    slug: 'nac',
    role: 'national_admin',
    email: 'admin@nac.bds.example',
    name: 'Asha Menon',
    organisationId: 'org_nac',
    organisationName: 'National Advisory Committee',
    clusterIds: [],
  },
  {
    slug: 'punjab',
    role: 'state_admin',
    email: 'director@industries.punjab.bds.example',
    name: 'Harpreet Gill',
    organisationId: 'org_punjab',
    organisationName: 'Directorate of Industries, Punjab',
    clusterIds: [ludhiana.id],
    state: 'Punjab',
  },
  {
    slug: 'ludhiana-cda',
    role: 'cluster_admin',
    email: 'cda@ludhiana.bds.example',
    name: 'Rajiv Sharma',
    organisationId: ludhiana.id,
    organisationName: 'Ludhiana Local Committee',
    clusterIds: [ludhiana.id],
  },
  {
    slug: 'jaipur-cda',
    role: 'cluster_admin',
    email: 'cda@jaipur.bds.example',
    name: 'Meena Rathore',
    organisationId: jaipur.id,
    organisationName: 'Jaipur Local Committee',
    clusterIds: [jaipur.id],
  },
  {
    slug: 'knidgro',
    role: 'association_rep',
    email: 'director@knidgro.bds.example',
    name: 'Gurpreet Singh',
    organisationId: ASSOCIATIONS.knidgro.id,
    organisationName: 'KNIDGRO',
    clusterIds: [ludhiana.id],
  },
  {
    slug: 'appeal',
    role: 'association_rep',
    email: 'secretary@appeal.bds.example',
    name: 'Navneet Kaur',
    organisationId: ASSOCIATIONS.appeal.id,
    organisationName: 'APPEAL',
    clusterIds: [ludhiana.id],
  },
  {
    slug: 'calico',
    role: 'association_rep',
    email: 'secretary@calico.bds.example',
    name: 'Ramesh Chhipa',
    organisationId: ASSOCIATIONS.calico.id,
    organisationName: 'CALICO',
    clusterIds: [jaipur.id],
  },
  {
    slug: 'it-training',
    role: 'provider',
    email: 'bids@lict.bds.example',
    name: 'Sunil Arora',
    organisationId: PROVIDERS.itTraining.id,
    organisationName: PROVIDERS.itTraining.name,
    clusterIds: PROVIDERS.itTraining.clusterIds,
  },
  {
    slug: 'erp',
    role: 'provider',
    email: 'sales@sutra-erp.bds.example',
    name: 'Kavita Iyer',
    organisationId: PROVIDERS.erp.id,
    organisationName: PROVIDERS.erp.name,
    clusterIds: PROVIDERS.erp.clusterIds,
  },
  {
    slug: 'nift',
    role: 'provider',
    email: 'outreach@nift.bds.example',
    name: 'Anjali Verma',
    organisationId: PROVIDERS.nift.id,
    organisationName: PROVIDERS.nift.name,
    clusterIds: PROVIDERS.nift.clusterIds,
  },
  // Won the awarded Jaipur request: signs in to report its delivery and see the escrow released.
  {
    slug: 'lab',
    role: 'provider',
    email: 'tests@rttl.bds.example',
    name: 'Dinesh Meena',
    organisationId: PROVIDERS.lab.id,
    organisationName: PROVIDERS.lab.name,
    clusterIds: PROVIDERS.lab.clusterIds,
  },
  {
    slug: 'sidbi',
    role: 'funder',
    email: 'cluster.finance@sidbi.bds.example',
    name: 'Vikram Rao',
    organisationId: FUNDERS.sidbi.id,
    organisationName: 'SIDBI',
    clusterIds: [],
  },
] as const;
