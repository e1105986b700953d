import type { NewBid, NewFirm, NewServiceRequest } from '@bds/core';
import type { ASSOCIATIONS, PROVIDERS } from './data';

type F = [name: string, employees: number, mechanised: boolean, womenLed: boolean, sector: string];
const firms = (rows: F[]): NewFirm[] =>
  rows.map(([name, employees, mechanised, womenLed, sectorDetail]) => ({
    name,
    employees,
    mechanised,
    womenLed,
    sectorDetail,
  }));

/** Member registers of mixed sizes: micro, non-mechanised and women-led units among them. */
export const REGISTERS = {
  knidgro: firms([
    ['Oswal Knit Fab', 64, true, false, 'Sweaters, flat knitting'],
    ['Bhatia Hosiery Works', 18, true, false, 'Socks'],
    ['Kaur Woollens', 7, false, true, 'Hand-knitted cardigans'],
    ['Sandhu Knitwear', 32, true, false, 'Jackets and pullovers'],
    ['Gill Garments', 12, true, false, 'Thermal wear'],
    ['Malhotra Exports', 85, true, false, 'Export sweaters'],
    ['Preet Knitting Unit', 5, false, true, 'Baby wear'],
    ['Arora Fashions', 22, true, false, 'T-shirts'],
    ['Jindal Yarn Crafts', 9, true, false, 'Shawls'],
    ['Dhillon Hosiery', 41, true, false, 'Innerwear'],
    ['Simran Knits', 6, false, true, 'Mufflers and caps'],
    ['Verma Woollen Mills', 27, true, false, 'Blankets'],
  ]),
  appeal: firms([
    ['Vardhman Apparel House', 140, true, false, 'Export garments'],
    ['Duke Exports', 95, true, false, 'Sportswear'],
    ['Ludhiana Knit Exports', 38, true, false, 'Cardigans'],
    ['Monte Garments', 56, true, false, 'Jackets'],
    ['Harjit Fashion Exports', 16, true, true, 'Kids wear'],
    ['Royal Knit Fab', 24, true, false, 'Sweatshirts'],
    ['Sethi Overseas', 47, true, false, 'Pullovers'],
    ['Punjab Woollen Crafts', 8, false, false, 'Hand-made woollens'],
  ]),
  calico: firms([
    ['Chhipa Block Prints', 6, false, false, 'Sanganeri prints'],
    ['Ram Kishan Chhipa & Sons', 11, false, false, 'Dabu printing'],
    ['Sanganer Textile Printers', 28, true, false, 'Screen and block'],
    ['Meera Hand Prints', 4, false, true, 'Bed covers'],
    ['Nandlal Rangrez', 9, false, false, 'Natural dyes'],
    ['Anokhi Block Studio', 35, true, false, 'Apparel fabric'],
    ['Gulab Chhipa Printers', 7, false, false, 'Bagru-style prints'],
    ['Jaipur Calico Works', 19, false, false, 'Table linen'],
    ['Kesar Prints', 5, false, true, 'Dupattas'],
    ['Sharma Dyeing House', 23, true, false, 'Indigo vats'],
    ['Rajasthali Block Prints', 12, false, false, 'Quilts'],
    ['Laxmi Textile Printers', 16, false, true, 'Sarees'],
    ['Prakash Chhipa', 3, false, false, 'Wooden blocks and prints'],
    ['Hathi Babu Prints', 26, true, false, 'Export yardage'],
  ]),
  bagru: firms([
    ['Kamla Devi Chhipa', 3, false, true, 'Syahi-begar prints'],
    ['Sita Printers Group', 5, false, true, 'Dabu mud resist'],
    ['Young Bagru Printers', 8, false, false, 'Indigo prints'],
    ['Radha Block Art', 4, false, true, 'Cushion covers'],
    ['Mohan Lal Chhipa', 6, false, false, 'Natural dye yardage'],
    ['Bagru Women Printers Collective', 12, false, true, 'Stoles'],
    ['Suraj Chhipa', 2, false, false, 'Block carving'],
    ['Ganga Hand Prints', 7, false, true, 'Kurtas'],
  ]),
  tea: firms([
    ['Kumar Knit Exports', 45, true, false, 'T-shirts for export'],
    ['Velan Hosiery', 12, true, false, 'Innerwear'],
    ['Sri Murugan Knits', 8, false, true, 'Baby wear'],
    ['Noyyal Garments', 60, true, false, 'Polo shirts'],
    ['Lakshmi Compacting Works', 18, true, false, 'Fabric finishing'],
    ['Anna Tailoring Unit', 6, false, true, 'Nightwear'],
  ]),
  pfpc: firms([
    ['Deccan Pickles', 14, true, true, 'Pickles'],
    ['Sahyadri Snacks', 32, true, false, 'Namkeen'],
    ['Pune Papad Udyog', 9, false, true, 'Papad'],
    ['Shree Spices', 18, true, false, 'Masala'],
    ['Annapurna Foods', 6, false, true, 'Ready-to-cook mixes'],
    ['Maval Dairy Products', 40, true, false, 'Paneer and ghee'],
    ['Konkan Fruit Products', 22, true, false, 'Jams and squashes'],
    ['Laxmi Chikki', 11, true, false, 'Chikki'],
  ]),
} satisfies Partial<Record<keyof typeof ASSOCIATIONS, NewFirm[]>>;

export type RegisterSlug = keyof typeof REGISTERS;
const rupees = (inr: number) => ({ amount: inr * 100, currency: 'INR' as const });
const tiers = (...t: [minFirms: number, inr: number][]) =>
  t.map(([minFirms, inr]) => ({ minFirms, pricePerFirm: rupees(inr) }));

/** A seeded request: who posts it, which firms pledge (by register position), who bids. */
export interface RequestSeed {
  slug: string;
  lead: RegisterSlug;
  coSponsors: RegisterSlug[];
  /** Days from the seeding moment to the deadline; negative for the finished request. */
  deadlineInDays: number;
  terms: Pick<
    NewServiceRequest,
    | 'title'
    | 'category'
    | 'specification'
    | 'deliverables'
    | 'place'
    | 'minFirms'
    | 'maxFirms'
    | 'weights'
    | 'milestones'
  >;
  pledges: Partial<Record<RegisterSlug, number[]>>;
  bids: { provider: keyof typeof PROVIDERS; terms: NewBid }[];
  /** Awarded to the recommended bid after the deadline. */
  awarded?: boolean;
}

const all = (n: number) => Array.from({ length: n }, (_, i) => i);
const plan = (text: string) => `${text} Weekly progress reports to the association.`;

/**
 * The pooled requests of the demo: four open ones (deadlines days after seeding), one awarded last month and one
 * awarded as a split across two providers (issue 13).
 */
export const REQUESTS: RequestSeed[] = [
  {
    slug: 'knidgro-it-training',
    lead: 'knidgro',
    coSponsors: ['appeal'],
    deadlineInDays: 12,
    terms: {
      title: 'IT training for 17 member units',
      category: 'training',
      specification:
        'A ten-day course on e-mail, the web, spreadsheets and e-commerce ' +
        'for owners and managers of knitwear units, taught in Punjabi.',
      deliverables: ['Ten training days', 'Attendance register', 'Course material in Punjabi and English'],
      place: 'KNIDGRO hall, Ludhiana',
      minFirms: 10,
      maxFirms: 20,
      weights: { price: 60, quality: 40 },
      milestones: [
        { name: 'Course delivered', shareBasisPoints: 7000 },
        { name: 'Certificates issued', shareBasisPoints: 3000 },
      ],
    },
    pledges: { knidgro: all(12), appeal: [0, 1, 2, 3, 4] },
    bids: [
      {
        provider: 'itTraining',
        terms: {
          priceTiers: tiers([10, 6_500], [15, 5_800], [20, 5_200]),
          capacity: 25,
          deliveryPlan: plan('Two batches of ten days in the institute lab, evenings for owners.'),
        },
      },
      {
        provider: 'sisi',
        terms: {
          priceTiers: tiers([10, 7_000], [20, 6_200]),
          capacity: 20,
          deliveryPlan: plan('One batch of ten days at the SISI training centre.'),
        },
      },
    ],
  },
  {
    slug: 'knidgro-erp-pilot',
    lead: 'knidgro',
    coSponsors: [],
    deadlineInDays: 20,
    terms: {
      title: 'ERP pilot in six units, then a roll-out to twenty more',
      category: 'it-software',
      specification:
        'Install and configure an ERP (orders, yarn stock, production, dispatch) in six ' +
        'pilot units; train two staff per unit; price a roll-out to twenty more firms.',
      deliverables: ['ERP installed in six units', 'Two trained users per unit', 'Roll-out offer for twenty firms'],
      place: 'Pilot units, Ludhiana',
      minFirms: 5,
      maxFirms: 26,
      weights: { price: 50, quality: 50 },
      milestones: [
        { name: 'Installation', shareBasisPoints: 5000 },
        { name: 'Go-live', shareBasisPoints: 3000 },
        { name: 'Handover', shareBasisPoints: 2000 },
      ],
    },
    pledges: { knidgro: [0, 3, 5, 7, 9, 11] },
    bids: [
      {
        provider: 'erp',
        terms: {
          priceTiers: tiers([5, 45_000], [20, 38_000]),
          capacity: 26,
          deliveryPlan: plan('Pilot in six weeks; roll-out in monthly waves of five units.'),
        },
      },
    ],
  },
  {
    slug: 'calico-design-pool',
    lead: 'calico',
    coSponsors: ['bagru'],
    deadlineInDays: 9,
    terms: {
      title: 'Design pooling: a seasonal collection for 16 hand-block printers',
      category: 'design',
      specification:
        'A designer develops a seasonal collection of thirty motifs and colourways for export ' +
        'buyers, adapted to hand-block printing, and shares it with every pledged printer.',
      deliverables: ['Thirty motifs with colourways', 'Block-ready drawings', 'Buyer presentation'],
      place: 'Sanganer and Bagru',
      minFirms: 12,
      maxFirms: 20,
      weights: { price: 40, quality: 60 },
      milestones: [
        { name: 'Mood boards', shareBasisPoints: 3000 },
        { name: 'Final collection', shareBasisPoints: 7000 },
      ],
    },
    pledges: { calico: all(12), bagru: [0, 1, 3, 5] },
    bids: [
      {
        provider: 'nift',
        terms: {
          priceTiers: tiers([10, 9_000], [15, 8_000]),
          capacity: 20,
          deliveryPlan: plan('Two design workshops and six weeks of studio work with the printers.'),
        },
      },
    ],
  },
  {
    slug: 'pune-food-testing',
    lead: 'pfpc',
    coSponsors: [],
    deadlineInDays: 25,
    terms: {
      title: 'Shelf-life and label testing for food processors',
      category: 'testing',
      specification:
        'Shelf-life studies and nutrition-label testing to FSSAI rules for ' +
        'one product of each pledged processor, with advice on the label.',
      deliverables: ['Shelf-life report per product', 'Nutrition facts per product', 'Label review'],
      place: 'Pune',
      minFirms: 6,
      maxFirms: 15,
      weights: { price: 50, quality: 50 },
      milestones: [
        { name: 'Samples tested', shareBasisPoints: 6000 },
        { name: 'Reports delivered', shareBasisPoints: 4000 },
      ],
    },
    pledges: { pfpc: [0, 1, 2, 3, 4, 6, 7] },
    bids: [
      {
        provider: 'foodLab',
        terms: {
          priceTiers: tiers([5, 12_000], [10, 10_500]),
          capacity: 15,
          deliveryPlan: plan('Samples collected in week one; accelerated shelf-life over eight weeks.'),
        },
      },
    ],
  },
  {
    slug: 'jaipur-azo-testing',
    lead: 'calico',
    coSponsors: ['bagru'],
    deadlineInDays: -15,
    awarded: true,
    terms: {
      title: 'Azo-free dye testing for export orders',
      category: 'testing',
      specification:
        'Test fabric samples of each pledged printer for banned azo dyes to ' +
        'European limits, so that export orders can carry a test certificate.',
      deliverables: ['Test report per printer', 'Certificate for compliant samples'],
      place: 'Jaipur',
      minFirms: 8,
      maxFirms: 20,
      weights: { price: 60, quality: 40 },
      milestones: [{ name: 'Samples tested', shareBasisPoints: 10000 }],
    },
    pledges: { calico: [0, 1, 2, 4, 6, 7], bagru: [2, 4, 6, 7] },
    bids: [
      {
        provider: 'lab',
        terms: {
          priceTiers: tiers([5, 4_200], [10, 3_600]),
          capacity: 30,
          deliveryPlan: plan('Samples collected at the co-operative; results within three weeks.'),
        },
      },
    ],
  },
  // Issue 13: neither bidder can take all six firms, so the award is a split (a contract each).
  {
    slug: 'appeal-quality-split',
    lead: 'appeal',
    coSponsors: [],
    deadlineInDays: -20,
    awarded: true,
    terms: {
      title: 'Export quality audits for six garment exporters',
      category: 'quality-certification',
      specification:
        'Audit each pledged exporter against buyer social-compliance and quality codes, ' +
        'and coach its staff through the corrective actions before the buyers’ own audits.',
      deliverables: ['Audit report per exporter', 'Corrective action plan', 'Follow-up visit'],
      place: 'Ludhiana',
      minFirms: 3,
      maxFirms: 10,
      weights: { price: 60, quality: 40 },
      milestones: [
        { name: 'Audits done', shareBasisPoints: 6000 },
        { name: 'Follow-up visits', shareBasisPoints: 4000 },
      ],
    },
    pledges: { appeal: all(6) },
    bids: [
      {
        provider: 'sisi',
        terms: {
          priceTiers: tiers([3, 11_000]),
          capacity: 4,
          deliveryPlan: plan('Two auditors, one exporter a week, with a follow-up visit a month later.'),
        },
      },
      {
        provider: 'nift',
        terms: {
          priceTiers: tiers([2, 12_500]),
          capacity: 3,
          deliveryPlan: plan('Quality audits by our apparel faculty, in the exporters’ own units.'),
        },
      },
    ],
  },
];
