import type { EscrowMilestone, EscrowRecord } from '../escrow/schema';
import type { Money } from '../money';
import type { ServiceRequest } from '../request/schema';

/**
 * Open contracting data (OCDS 1.1.5) from the records the exchange already keeps: one release per
 * change of a request (tender, award, contract, each decided milestone). Pure: the adapter reads
 * the records, this maps them. Firms appear only as counts and size classes; a losing bidder
 * never appears at all (bid statistics are counts and prices, never identities).
 */

/** The OCID prefix. A placeholder until the exchange registers its own with the Open Contracting Partnership. */
export const OCID_PREFIX = 'ocds-bdsx00';
export const OCDS_EXTENSION_URL = 'https://bds.exchange.example/ocds-extension/extension.json';

export const ocidOf = (requestId: string, prefix = OCID_PREFIX): string => `${prefix}-${requestId}`;

/** What is known of a closed request's bids: counts and the price range, nothing that names a bidder. */
export interface BidFacts {
  numberOfBids: number;
  numberOfValidBids: number;
  /** Firms served (the pledges, capped): the volume the prices below are totals at. */
  volume: number;
  lowest?: Money;
  highest?: Money;
}

export interface SubsidyRule {
  programmeId: string;
  /** Share in basis points by repeat count (entry n: the (n+1)-th award), tapering. */
  schedule: number[];
  innovativeSchedule?: number[];
}

export interface ReleaseInput {
  request: ServiceRequest & { pledgedFirms: number };
  association: { id: string; name: string };
  provider?: { id: string; name: string };
  funders: Record<string, string>;
  bids?: BidFacts;
  escrow?: EscrowRecord;
  rules?: Record<string, SubsidyRule>;
  prefix?: string;
}

export type Release = Record<string, unknown> & { ocid: string; id: string; date: string; tag: string[] };

/** Minor units (paise, cents) to the decimal amount OCDS values carry. */
export const ocdsValue = (m: Money): { amount: number; currency: string } => ({
  amount: m.amount / 100,
  currency: m.currency,
});

const tenderStatus = (r: ServiceRequest): string => {
  switch (r.status) {
    case 'open':
      return 'active';
    case 'evaluating':
      return 'active';
    case 'cancelled':
      return 'cancelled';
    case 'unsuccessful':
      return 'unsuccessful';
    default:
      return 'complete';
  }
};

const milestoneStatus = (m: EscrowMilestone): string => {
  if (m.status === 'voided') return 'notMet';
  if (m.status === 'resolved' && m.resolution?.outcome === 'partial') return 'partiallyMet';
  if (m.status === 'resolved' && m.resolution?.outcome === 'void') return 'notMet';
  if (m.status === 'accepted' || m.status === 'resolved') return 'met';
  return 'scheduled';
};

/** When a milestone was decided (accepted, resolved or voided), if it was. */
export const decidedAt = (m: EscrowMilestone, escrow: EscrowRecord): string | undefined =>
  m.acceptance?.at ??
  m.resolution?.at ??
  (m.status === 'voided' ? (escrow.cancelledAt ?? escrow.updatedAt) : undefined);

function parties(input: ReleaseInput) {
  const out: { id: string; name: string; roles: string[] }[] = [
    { id: input.association.id, name: input.association.name, roles: ['buyer', 'procuringEntity'] },
  ];
  if (input.provider) out.push({ id: input.provider.id, name: input.provider.name, roles: ['supplier', 'payee'] });
  for (const funderId of new Set((input.escrow?.contributions ?? []).map((c) => c.funderId))) {
    out.push({ id: funderId, name: input.funders[funderId] ?? funderId, roles: ['funder', 'payer'] });
  }
  return out;
}

function tender(input: ReleaseInput, status: string) {
  const r = input.request;
  return {
    id: `${r.id}-tender`,
    title: r.title,
    description: r.specification,
    status,
    procurementMethod: r.visibility === 'invited' ? 'limited' : 'open',
    mainProcurementCategory: 'services',
    awardCriteria: r.weights.quality > 0 ? 'ratedCriteria' : 'priceOnly',
    submissionMethod: ['electronicSubmission'],
    tenderPeriod: { startDate: r.createdAt, endDate: r.biddingDeadline },
    items: [
      {
        id: '1',
        description: r.title,
        quantity: r.pledgedFirms,
        classification: { scheme: 'x_BDS', id: r.category, description: r.category },
        unit: { name: 'firm served' },
      },
    ],
    ...(input.bids ? { numberOfTenderers: input.bids.numberOfBids } : {}),
  };
}

function contractMilestones(input: ReleaseInput) {
  const escrow = input.escrow;
  if (!escrow) {
    return input.request.milestones.map((m, i) => ({
      id: String(i),
      title: m.name,
      type: 'delivery',
      status: 'scheduled',
    }));
  }
  return escrow.milestones.map((m) => {
    const at = decidedAt(m, escrow);
    return {
      id: String(m.index),
      title: m.name,
      type: 'delivery',
      status: milestoneStatus(m),
      ...(at && milestoneStatus(m) !== 'notMet' ? { dateMet: at } : {}),
      ...(m.report ? { dateModified: at ?? m.report.at } : {}),
    };
  });
}

/** The money that moved for one decided milestone: each funder's released subsidy, and the buyer's private part. */
function transactions(input: ReleaseInput, m: EscrowMilestone, at: string) {
  const provider = input.provider ?? { id: input.escrow!.providerId, name: input.escrow!.providerId };
  const out: Record<string, unknown>[] = [];
  for (const hold of m.holds) {
    if (hold.released.amount <= 0) continue;
    out.push({
      id: hold.id,
      date: at,
      value: ocdsValue(hold.released),
      payer: { id: hold.funderId, name: input.funders[hold.funderId] ?? hold.funderId },
      payee: provider,
    });
  }
  if (milestoneStatus(m) !== 'notMet' && m.privateShare.amount > 0) {
    out.push({
      id: `${input.request.id}-m${m.index}-private`,
      date: at,
      value: ocdsValue(m.privateShare),
      payer: { id: input.association.id, name: input.association.name },
      payee: provider,
    });
  }
  return out;
}

function subsidyExtension(input: ReleaseInput) {
  const escrow = input.escrow;
  if (!escrow) return {};
  return {
    bdsSubsidy: {
      repeatCount: escrow.repeatCount ?? Math.max(0, ...escrow.contributions.map((c) => c.repeatCount)),
      total: ocdsValue(escrow.subsidy),
      privateShare: ocdsValue(escrow.privateShare),
      contributions: escrow.contributions.map((c) => {
        const rule = input.rules?.[c.programmeId];
        return {
          programmeId: c.programmeId,
          programmeName: c.programmeName,
          funderId: c.funderId,
          repeatCount: c.repeatCount,
          shareBasisPoints: c.shareBasisPoints,
          amount: ocdsValue(c.amount),
          limitedBy: c.limitedBy,
          ...(rule ? { shareSchedule: rule.schedule } : {}),
          ...(rule?.innovativeSchedule ? { innovativeShareSchedule: rule.innovativeSchedule } : {}),
        };
      }),
    },
  };
}

function planning(input: ReleaseInput) {
  const escrow = input.escrow;
  if (!escrow) return {};
  const byFunder = new Map<string, number>();
  for (const c of escrow.contributions) byFunder.set(c.funderId, (byFunder.get(c.funderId) ?? 0) + c.amount.amount);
  return {
    planning: {
      budget: {
        amount: ocdsValue(escrow.total),
        budgetBreakdown: [
          ...[...byFunder].map(([funderId, amount]) => ({
            id: funderId,
            description: `Subsidy of ${input.funders[funderId] ?? funderId}`,
            amount: ocdsValue({ amount, currency: escrow.currency }),
            sourceParty: { id: funderId, name: input.funders[funderId] ?? funderId },
          })),
          {
            id: 'private',
            description: 'Paid by the member firms through their association',
            amount: ocdsValue(escrow.privateShare),
            sourceParty: { id: input.association.id, name: input.association.name },
          },
        ],
      },
    },
  };
}

function firms(input: ReleaseInput) {
  const attended = new Set<string>();
  const underServed = new Set<string>();
  for (const m of input.escrow?.milestones ?? []) {
    for (const f of m.report?.attendedFirmIds ?? []) attended.add(f);
    for (const f of m.report?.underServedFirmIds ?? []) underServed.add(f);
  }
  const sizes = input.escrow
    ? { attended: attended.size, underServed: underServed.size, other: attended.size - underServed.size }
    : {};
  return { bdsFirms: { pledged: input.request.pledgedFirms, ...sizes } };
}

function bidStatistics(bids: BidFacts | undefined) {
  if (!bids) return {};
  return {
    bdsBidStatistics: {
      numberOfBids: bids.numberOfBids,
      numberOfValidBids: bids.numberOfValidBids,
      volume: bids.volume,
      ...(bids.lowest ? { lowestPrice: ocdsValue(bids.lowest) } : {}),
      ...(bids.highest ? { highestPrice: ocdsValue(bids.highest) } : {}),
    },
  };
}

/**
 * Every release of one request, oldest first. Ids are stable per (request, stage, milestone), so
 * a consumer can store them by id and ask again `since` a date.
 *
 * @example
 * releasesOf({ request, association: { id, name }, funders: {}, bids, escrow })
 */
export function releasesOf(input: ReleaseInput): Release[] {
  const r = input.request;
  if (r.status === 'draft') return [];
  const ocid = ocidOf(r.id, input.prefix);
  const buyer = { id: input.association.id, name: input.association.name };
  const base = (stage: string, date: string, tag: string[]) => ({
    ocid,
    id: `${ocid}-${stage}`,
    date,
    tag,
    initiationType: 'tender',
    language: 'en',
    buyer,
  });
  const out: Release[] = [];
  out.push({
    ...base('tender', r.createdAt, ['tender']),
    parties: parties({ ...input, provider: undefined, escrow: undefined }),
    tender: tender(input, 'active'),
    ...firms({ ...input, escrow: undefined }),
  });

  if (r.status === 'cancelled' && !r.award) {
    const at = r.cancellation?.cancelledAt ?? r.updatedAt;
    out.push({
      ...base('cancellation', at, ['tenderCancellation']),
      parties: parties({ ...input, escrow: undefined }),
      tender: tender(input, 'cancelled'),
      ...bidStatistics(input.bids),
    });
  }
  if (r.status === 'unsuccessful') {
    out.push({
      ...base('unsuccessful', r.updatedAt, ['tenderUpdate']),
      parties: parties({ ...input, escrow: undefined }),
      tender: tender(input, 'unsuccessful'),
      ...bidStatistics(input.bids),
    });
  }
  const award = r.award;
  if (!award) return out;

  const cancelled = r.status === 'cancelled';
  const awardObj = {
    id: `${r.id}-award`,
    title: r.title,
    status: cancelled ? 'cancelled' : 'active',
    date: award.awardedAt,
    value: ocdsValue(award.total),
    suppliers: [input.provider ?? { id: award.providerId, name: award.providerId }],
    items: [
      {
        id: '1',
        description: r.title,
        quantity: award.volume,
        unit: { name: 'firm served', value: ocdsValue(award.pricePerFirm) },
      },
    ],
    contractPeriod: { startDate: `${r.deliveryWindow.start}T00:00:00Z`, endDate: `${r.deliveryWindow.end}T23:59:59Z` },
  };
  const common = () => ({
    parties: parties(input),
    ...planning(input),
    tender: tender(input, tenderStatus(r)),
    ...bidStatistics(input.bids),
    ...subsidyExtension(input),
    ...firms(input),
  });
  out.push({ ...base('award', award.awardedAt, ['award']), ...common(), awards: [awardObj] });

  const contractStatus = cancelled ? 'cancelled' : r.status === 'completed' ? 'terminated' : 'active';
  const contract = (extra: Record<string, unknown> = {}) => ({
    id: `${r.id}-contract`,
    awardID: awardObj.id,
    title: r.title,
    status: contractStatus,
    value: ocdsValue(award.total),
    period: awardObj.contractPeriod,
    dateSigned: award.awardedAt,
    milestones: contractMilestones(input),
    ...extra,
  });
  const escrow = input.escrow;
  if (!escrow) return out;
  out.push({
    ...base('contract', escrow.createdAt, ['contract']),
    ...common(),
    awards: [awardObj],
    contracts: [contract()],
  });

  const decided = escrow.milestones
    .map((m) => ({ m, at: decidedAt(m, escrow) }))
    .filter((d): d is { m: EscrowMilestone; at: string } => d.at !== undefined)
    .sort((a, b) => a.at.localeCompare(b.at) || a.m.index - b.m.index);
  const done: Record<string, unknown>[] = [];
  for (const { m, at } of decided) {
    done.push(...transactions(input, m, at));
    out.push({
      ...base(`implementation-m${m.index}`, at, ['implementation']),
      ...common(),
      awards: [awardObj],
      contracts: [contract({ implementation: { transactions: [...done] } })],
    });
  }
  return out;
}

/** A release package around some releases. */
export function releasePackage(releases: readonly Release[], opts: { uri: string; publishedDate: string }) {
  return {
    uri: opts.uri,
    version: '1.1',
    publishedDate: opts.publishedDate,
    publisher: { name: 'BDS Exchange' },
    license: 'https://opendatacommons.org/licenses/pddl/1.0/',
    publicationPolicy: 'https://bds.exchange.example/docs/open-data',
    extensions: [OCDS_EXTENSION_URL],
    releases: [...releases],
  };
}
