import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BankDetails, Ifsc, maskBankDetails } from '../../../packages/core/src/organisation';

const good = {
  beneficiaryName: 'Ludhiana Institute of Computer Training',
  ifsc: 'PUNB0112200',
  accountNumber: '0112002100012345',
};

describe('bank details', () => {
  it('accepts an IFSC as typed (spaces, lower case) and keeps it in its written form', () => {
    // Act + Assess
    expect(Ifsc.parse(' punb 0112200 ')).toBe('PUNB0112200');
    expect(Ifsc.parse('SBIN0AB12C3')).toBe('SBIN0AB12C3');
  });

  it.each([
    ['too short', 'PUNB011220'],
    ['no reserved zero', 'PUNB1112200'],
    ['a digit in the bank code', 'PU1B0112200'],
    ['a symbol in the branch', 'PUNB0-12200'],
    ['too long', 'PUNB01122000'],
  ])('refuses an IFSC with %s', (_why, ifsc) => {
    // Act
    const result = BankDetails.safeParse({ ...good, ifsc });

    // Assess: the field is named
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['ifsc']);
  });

  it('accepts every well-formed IFSC and refuses any with another fifth character (property)', () => {
    const letters = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    const alnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
    fc.assert(
      fc.property(
        fc.array(letters, { minLength: 4, maxLength: 4 }),
        fc.array(alnum, { minLength: 6, maxLength: 6 }),
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ123456789'),
        (bank, branch, notZero) => {
          expect(Ifsc.safeParse(`${bank.join('')}0${branch.join('')}`).success).toBe(true);
          expect(Ifsc.safeParse(`${bank.join('')}${notZero}${branch.join('')}`).success).toBe(false);
        },
      ),
    );
  });

  it('takes an account number with spaces or dashes, and refuses letters or a wrong length', () => {
    // Act + Assess
    expect(BankDetails.parse({ ...good, accountNumber: '0112 0021-0001 2345' }).accountNumber).toBe('0112002100012345');
    for (const accountNumber of ['12345678', '1234567890123456789', '01120021000123AB'])
      expect(BankDetails.safeParse({ ...good, accountNumber }).error?.issues[0]?.path).toEqual(['accountNumber']);
  });

  it('masks the account number to its last four digits', () => {
    // Act
    const masked = maskBankDetails(BankDetails.parse(good));

    // Assess
    expect(masked).toEqual({ beneficiaryName: good.beneficiaryName, ifsc: 'PUNB0112200', accountEnding: '2345' });
    expect(JSON.stringify(masked)).not.toContain('01120021');
  });
});
