import type { Actor } from '../../../packages/core/src/actor';
import { openEscrow, recordAttendance, reportMilestone, type EscrowRecord } from '../../../packages/core/src/escrow';
import { money } from '../../../packages/core/src/money';
import type { Milestone } from '../../../packages/core/src/request/schema';
import { computeSubsidy, type SubsidyProgramme } from '../../../packages/core/src/subsidy';
import { CLUSTER, LEAD, PROVIDER_A, REQUEST_ID, idOf } from '../core/fixtures';
import { award, fundsFor, programme, programmeId } from '../subsidy/fixtures';

export const AT = '2025-06-02T10:00:00.000Z';
export const LATER = '2025-06-20T10:00:00.000Z';
export const FIRM_1 = idOf('firm', 1);
export const FIRM_2 = idOf('firm', 2);
export const PLEDGED = new Set([FIRM_1, FIRM_2]);

export const lead: Actor = { userId: 'usr_lead', role: 'association_rep', organisationId: LEAD, clusterIds: [CLUSTER] };
export const coSponsor: Actor = { ...lead, userId: 'usr_co', organisationId: idOf('association', 2) };
export const provider: Actor = {
  userId: 'usr_prov',
  role: 'provider',
  organisationId: PROVIDER_A,
  clusterIds: [CLUSTER],
};
export const otherProvider: Actor = { ...provider, userId: 'usr_other', organisationId: idOf('provider', 2) };
export const admin: Actor = {
  userId: 'usr_admin',
  role: 'cluster_admin',
  organisationId: 'cda',
  clusterIds: [CLUSTER],
};

export const MILESTONES: Milestone[] = [
  { name: 'Course delivered', shareBasisPoints: 7000 },
  { name: 'Certificates issued', shareBasisPoints: 3000 },
];

/**
 * Two co-financing programmes: 50 % (fair support) and 20 % (state top-up) of a ₹1 lakh award, held over two
 * milestones.
 */
export function record(
  opts: { milestones?: Milestone[]; programmes?: SubsidyProgramme[]; total?: number } = {},
): EscrowRecord {
  const programmes = opts.programmes ?? [
    programme(),
    programme({ id: programmeId(2), name: 'State top-up', schedule: [2000], priority: 20 }),
  ];
  const split = computeSubsidy(
    award({ total: money(opts.total ?? 1_00_000_00, 'INR') }),
    programmes,
    0,
    fundsFor(...programmes),
  );
  const names = Object.fromEntries(programmes.map((p) => [p.id, p.name]));
  const opened = openEscrow(
    {
      requestId: REQUEST_ID,
      clusterId: CLUSTER,
      providerId: PROVIDER_A,
      associationId: LEAD,
      category: 'training',
      awardedAt: AT,
      milestones: opts.milestones ?? MILESTONES,
    },
    split,
    names,
    AT,
  );
  return { ...opened, status: 'held' };
}

/** The record with milestone `index` reported by the awarded provider at AT (auto-acceptance 14 days later). */
export const reported = (r: EscrowRecord, index = 0): EscrowRecord =>
  reportMilestone(
    r,
    index,
    provider,
    { evidence: 'Ten days held; attendance register attached', attendedFirmIds: [FIRM_1] },
    { pledgedFirmIds: PLEDGED, at: AT, autoAcceptDays: 14 },
  );

/** The record with milestone `index` reported at AT and its one listed firm (FIRM_1) confirming it attended. */
export const confirmed = (r: EscrowRecord, index = 0): EscrowRecord =>
  recordAttendance(reported(r, index), index, { firmId: FIRM_1, attended: true, at: AT });
