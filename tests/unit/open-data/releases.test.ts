import { describe, expect, it } from 'vitest';
import { acceptMilestone, resolveMilestone, disputeMilestone } from '../../../packages/core/src/escrow';
import { money } from '../../../packages/core/src/money';
import { ocidOf, releasePackage, releasesOf, type ReleaseInput } from '../../../packages/core/src/open-data/releases';
import { aRequest, LEAD, PROVIDER_A, PROVIDER_B, REQUEST_ID, idOf } from '../core/fixtures';
import { AT, LATER, admin, lead, record, reported } from '../escrow/fixtures';
import { codesOf, packageErrors, releaseErrors } from '../../fixtures/ocds/validator';

const award = {
  bidId: idOf('bid', 1),
  providerId: PROVIDER_A,
  volume: 12,
  pricePerFirm: money(8_333_33, 'INR'),
  total: money(1_00_000_00, 'INR'),
  recommendedBidId: idOf('bid', 1),
  awardedBy: 'usr_lead',
  awardedAt: AT,
};
const bids = {
  numberOfBids: 3,
  numberOfValidBids: 2,
  volume: 12,
  lowest: money(1_00_000_00, 'INR'),
  highest: money(1_40_000_00, 'INR'),
};

function delivered(): ReleaseInput {
  let escrow = record();
  escrow = reported(escrow, 0);
  escrow = acceptMilestone(escrow, 0, lead, LATER).record;
  escrow = reported(escrow, 1);
  escrow = disputeMilestone(escrow, 1, lead, 'The certificates were never handed to the firms', LATER);
  const partial = { outcome: 'partial' as const, amount: money(5_000_00, 'INR'), reason: 'Half issued' };
  escrow = resolveMilestone(escrow, 1, admin, partial, '2025-07-01T10:00:00.000Z').record;
  return {
    request: { ...aRequest({ status: 'completed', award }), pledgedFirms: 12 },
    association: { id: LEAD, name: 'KNIDGRO' },
    provider: { id: PROVIDER_A, name: 'Punjab Skills' },
    funders: Object.fromEntries(escrow.contributions.map((c) => [c.funderId, `Funder ${c.funderId}`])),
    bids,
    escrow,
    rules: Object.fromEntries(
      escrow.contributions.map((c) => [
        c.programmeId,
        { programmeId: c.programmeId, schedule: [5000, 3800, 2600, 700] },
      ]),
    ),
  };
}

describe('OCDS releases of a request', () => {
  it('publishes one release per change, each valid against OCDS 1.1.5 with the extension and closed codelists', () => {
    const releases = releasesOf(delivered());
    expect(releases.map((r) => r.tag[0])).toEqual(['tender', 'award', 'contract', 'implementation', 'implementation']);
    expect(new Set(releases.map((r) => r.id)).size).toBe(releases.length);
    for (const r of releases) {
      expect(r.ocid).toBe(ocidOf(REQUEST_ID));
      expect(releaseErrors(r)).toEqual([]);
    }
    expect(packageErrors(releasePackage(releases, { uri: 'https://x.example/p', publishedDate: LATER }))).toEqual([]);
  });

  it('names parties by role, breaks the budget down by funder and puts the taper in the extension', () => {
    const input = delivered();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- reading free-form OCDS JSON
    const last = releasesOf(input).at(-1)! as Record<string, any>;
    const roles = Object.fromEntries(last.parties.map((p: { id: string; roles: string[] }) => [p.id, p.roles]));
    expect(roles[LEAD]).toContain('buyer');
    expect(roles[PROVIDER_A]).toContain('supplier');
    for (const c of input.escrow!.contributions) expect(roles[c.funderId]).toContain('funder');
    const breakdown = last.planning.budget.budgetBreakdown as { amount: { amount: number } }[];
    expect(breakdown.reduce((s, b) => s + b.amount.amount, 0)).toBeCloseTo(1_00_000);
    expect(last.bdsSubsidy.contributions[0].shareSchedule).toEqual([5000, 3800, 2600, 700]);
    expect(last.contracts[0].milestones.map((m: { status: string }) => m.status)).toEqual(['met', 'partiallyMet']);
    expect(last.contracts[0].implementation.transactions.length).toBeGreaterThan(0);
  });

  it('never names a losing bidder nor a firm', () => {
    const text = JSON.stringify(releasesOf(delivered()));
    expect(text).not.toContain(PROVIDER_B);
    expect(text).not.toMatch(/firm_/);
  });

  it('publishes nothing of a draft and only the tender of an open request', () => {
    const draft = { ...delivered(), request: { ...aRequest({ status: 'draft' }), pledgedFirms: 0 } };
    expect(releasesOf(draft)).toEqual([]);
    const { escrow: _e, bids: _b, provider: _p, ...rest } = delivered();
    const open = releasesOf({ ...rest, request: { ...aRequest({ status: 'open' }), pledgedFirms: 3 } });
    expect(open.map((r) => r.tag)).toEqual([['tender']]);
    expect(releaseErrors(open[0])).toEqual([]);
  });

  it('rejects a broken release: a tag off the codelist, no ocid, a bad status, a bad extension field', () => {
    const good = releasesOf(delivered()).at(-1)!;
    expect(codesOf('releaseTag.csv')).toContain('implementation');
    expect(releaseErrors({ ...good, tag: ['delivered'] }).join()).toMatch(/tag/);
    const { ocid: _o, ...noOcid } = good;
    expect(releaseErrors(noOcid).join()).toMatch(/ocid/);
    const contracts = (good.contracts as Record<string, unknown>[]).map((c) => ({ ...c, status: 'finished' }));
    expect(releaseErrors({ ...good, contracts }).join()).toMatch(/status/);
    expect(releaseErrors({ ...good, bdsSubsidy: { repeatCount: -1 } }).length).toBeGreaterThan(0);
    const broken = releasePackage([{ ...good, tag: ['delivered'] }], {
      uri: 'https://x.example',
      publishedDate: LATER,
    });
    expect(packageErrors(broken)).not.toEqual([]);
  });
});
