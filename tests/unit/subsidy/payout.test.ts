import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { money } from '../../../packages/core/src/money';
import {
  formatMinorUnits,
  markPaid,
  payoutCommand,
  payoutCsv,
  type PayoutBatch,
} from '../../../packages/core/src/subsidy';

const batch = (overrides: Partial<PayoutBatch> = {}): PayoutBatch => ({
  payoutId: '2026-04',
  status: 'exported',
  createdAt: '2026-04-30T10:00:00.000Z',
  createdBy: 'usr_1',
  lines: [],
  ...overrides,
});

describe('payouts', () => {
  it('formats paise as rupees with two decimals, exactly', () => {
    expect([0, 7, 70, 100, 123405, 100000000].map(formatMinorUnits)).toEqual([
      '0.00',
      '0.07',
      '0.70',
      '1.00',
      '1234.05',
      '1000000.00',
    ]);
    expect(formatMinorUnits(Number.MAX_SAFE_INTEGER)).toBe('90071992547409.91');
  });

  it('property: the formatted amount reads back as the same number of paise', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (paise) => {
        const text = formatMinorUnits(paise);
        expect(text).toMatch(/^\d+\.\d{2}$/);
        expect(BigInt(text.replace('.', ''))).toBe(BigInt(paise));
      }),
    );
  });

  it('writes a header and one quoted-when-needed line per provider, bank columns empty when not given', () => {
    const csv = payoutCsv(
      batch({
        lines: [
          { providerId: 'prv_1', providerName: 'Sutra "ERP", Pvt', amount: money(123405, 'INR') },
          { providerId: 'prv_2', providerName: '=HYPERLINK()', amount: money(5, 'INR') },
        ],
      }),
    );
    expect(csv).toBe(
      'payout_id,provider_id,provider_name,beneficiary_name,ifsc,account_number,amount,currency\r\n' +
        '2026-04,prv_1,"Sutra ""ERP"", Pvt",,,,1234.05,INR\r\n2026-04,prv_2,\'=HYPERLINK(),,,,0.05,INR\r\n',
    );
  });

  it("carries each provider's beneficiary, IFSC and account number for the bank, by provider", () => {
    const csv = payoutCsv(
      batch({
        lines: [
          { providerId: 'prv_1', providerName: 'Sutra', amount: money(100, 'INR') },
          { providerId: 'prv_2', providerName: 'LICT', amount: money(200, 'INR') },
        ],
      }),
      {
        prv_2: { beneficiaryName: 'Ludhiana Institute, Ltd', ifsc: 'PUNB0112200', accountNumber: '0112002100012345' },
      },
    );
    expect(csv.split('\r\n')).toEqual([
      'payout_id,provider_id,provider_name,beneficiary_name,ifsc,account_number,amount,currency',
      '2026-04,prv_1,Sutra,,,,1.00,INR',
      '2026-04,prv_2,LICT,"Ludhiana Institute, Ltd",PUNB0112200,0112002100012345,2.00,INR',
      '',
    ]);
  });

  it('derives one payout transfer id per batch and provider', () => {
    expect(payoutCommand('2026-04', { providerId: 'prv_1', providerName: 'X', amount: money(5, 'INR') })).toMatchObject(
      { kind: 'payout', id: 'payout:2026-04:prv_1', amount: money(5, 'INR') },
    );
  });

  it('marks paid once: the same reference replays, another conflicts, a preparing batch cannot be paid', () => {
    const paid = markPaid(batch(), 'UTR-1', '2026-05-01T00:00:00.000Z');
    expect(paid).toMatchObject({ status: 'paid', reference: 'UTR-1' });
    expect(markPaid(paid, 'UTR-1', '2026-06-01T00:00:00.000Z')).toBe(paid);
    expect(() => markPaid(paid, 'UTR-2', '2026-06-01T00:00:00.000Z')).toThrow(
      expect.objectContaining({ code: 'PAYOUT.ALREADY_PAID', kind: 'conflict' }),
    );
    expect(() => markPaid(batch({ status: 'preparing' }), 'UTR-1', '2026-06-01T00:00:00.000Z')).toThrow(
      expect.objectContaining({ code: 'PAYOUT.NOT_EXPORTED' }),
    );
  });
});
