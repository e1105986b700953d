import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actionText,
  auditChanges,
  auditCsv,
  fieldLabel,
  idsInEntry,
  valueText,
} from '../../../packages/core/src/identity/audit-text';
import { istDay } from '../../../packages/core/src/time/ist';
import { technicalTokens } from '../../e2e/support/technical';

const PRV = 'prv_01JABCDEFGHJKMNPQRSTVWXYZ0';
const USR = 'usr_01JABCDEFGHJKMNPQRSTVWXYZ1';
const BID = 'bid_01JABCDEFGHJKMNPQRSTVWXYZ2';
const REQ = 'req_01JABCDEFGHJKMNPQRSTVWXYZ3';
const CLU = 'clu_01JABCDEFGHJKMNPQRSTVWXYZ4';

describe('the audit trail in words', () => {
  it('labels fields as words, without Id suffixes or units', () => {
    expect(
      ['recommendedBidId', 'providerId', 'shareBasisPoints', 'nonMechanisedUnderServedBelow'].map(fieldLabel),
    ).toEqual(['Recommended bid', 'Provider', 'Share', 'Non mechanised under served below']);
  });

  it('reads an award as names, ₹ and before → after', () => {
    // Prepare
    const names = { [PRV]: 'LICT', [BID]: 'LICT’s bid' };

    // Act
    const rows = auditChanges(
      { status: 'evaluating', recommendedBidId: BID },
      { status: 'awarded', bidId: BID, providerId: PRV, total: { amount: 5_280_000, currency: 'INR' } },
      names,
    );

    // Assess
    expect(rows).toEqual([
      { field: 'Status', from: 'evaluating', to: 'awarded' },
      { field: 'Recommended bid', from: 'LICT’s bid', to: '—' },
      { field: 'Bid', from: '—', to: 'LICT’s bid' },
      { field: 'Provider', from: '—', to: 'LICT' },
      { field: 'Total', from: '—', to: '₹52,800' },
    ]);
  });

  it('never shows an id, a field name or an ISO instant, whatever the record holds', () => {
    const leaf = fc.oneof(
      fc.constantFrom(PRV, USR, BID, REQ, CLU, '2026-12-07T10:15:00.000Z', 'open', 'Knitwear'),
      fc.integer(),
      fc.boolean(),
      fc.record({ amount: fc.integer({ min: 0, max: 10 ** 9 }), currency: fc.constant('INR') }),
    );
    const key = fc.constantFrom('providerId', 'recommendedBidId', 'status', 'createdAt', 'size', 'microBelow');
    const value = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(leaf, { maxLength: 3 }),
        fc.dictionary(key, tie('v'), { maxKeys: 3 }),
      ),
    })).v;
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 4 }), fc.dictionary(key, value, { maxKeys: 4 }), (b, a) => {
        const text = auditChanges(b, a, {})
          .map((r) => `${r.field}: ${r.from} → ${r.to}`)
          .join('\n');
        expect(technicalTokens(text)).toEqual([]);
      }),
    );
  });

  it('finds every id an entry mentions, however deep', () => {
    const entry = {
      actorId: USR,
      subject: REQ,
      before: { recommendedBidId: BID },
      after: { lines: [{ providerId: PRV }] },
    };
    expect(idsInEntry(entry).sort()).toEqual([BID, PRV, REQ, USR].sort());
    expect(valueText(CLU, {})).toBe('a cluster');
  });

  it('writes the CSV a spreadsheet opens: header, one row per entry, words only', () => {
    // Act
    const csv = auditCsv(
      [
        {
          at: '2026-12-07T10:15:00.000Z',
          actorId: USR,
          actorRole: 'cluster_admin',
          action: 'registration.approve',
          subject: PRV,
          clusterId: CLU,
          reason: '=cmd|calc',
          after: { status: 'approved' },
        },
      ],
      { [USR]: 'Rajiv Sharma', [PRV]: 'LICT' },
    );

    // Assess
    expect(csv).toBe(
      'When (IST),Who,Role,Action,On,Reason,What changed\r\n' +
        '"7 Dec 2026, 3:45 pm IST",Rajiv Sharma,Cluster admin,Provider approved,LICT,\'=cmd|calc,Status: approved\r\n',
    );
    expect(actionText('complaint.upheld')).toBe('Complaint upheld');
  });
});

describe('istDay', () => {
  it('is the Indian calendar day, 18:30 UTC the evening before to 18:29:59.999 UTC', () => {
    expect(istDay('2026-12-07')).toEqual({ start: '2026-12-06T18:30:00.000Z', end: '2026-12-07T18:29:59.999Z' });
    expect(istDay('2026-02-31')).toBeUndefined();
    expect(istDay('7 Dec 2026')).toBeUndefined();
  });

  it('contains exactly the instants whose IST date is that day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => {
        const istDate = new Date(ms + 19_800_000).toISOString().slice(0, 10);
        const day = istDay(istDate)!;
        const at = new Date(ms).toISOString();
        expect(day.start <= at && at <= day.end).toBe(true);
      }),
    );
  });
});
