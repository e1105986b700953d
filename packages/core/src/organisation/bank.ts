import * as z from 'zod';

/**
 * An Indian Financial System Code: 4 letters (the bank), a 0 (reserved), 6 letters or digits (the
 * branch). Spaces are dropped and letters upper-cased before the check, as a person may type them.
 */
export const Ifsc = z
  .string()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .pipe(
    z.string().regex(/^[A-Z]{4}0[A-Z0-9]{6}$/, 'An IFSC is 11 characters: 4 letters, a zero, then 6 letters or digits'),
  );

/** A bank account number as Indian banks issue them: 9 to 18 digits (spaces and dashes dropped). */
export const AccountNumber = z
  .string()
  .transform((s) => s.replace(/[\s-]+/g, ''))
  .pipe(z.string().regex(/^\d{9,18}$/, 'An account number is 9 to 18 digits'));

/** Where a provider's payouts go: what a bank transfer (NEFT/RTGS) needs. */
export const BankDetails = z.object({
  beneficiaryName: z.string().trim().min(2, 'Enter the name on the account').max(140),
  ifsc: Ifsc,
  accountNumber: AccountNumber,
});
export type BankDetails = z.infer<typeof BankDetails>;

/** Bank details as a page shows them: the account number reduced to its last four digits. */
export interface MaskedBankDetails {
  beneficiaryName: string;
  ifsc: string;
  /** The last four digits, for the reader to recognise the account; the rest is never sent. */
  accountEnding: string;
}

/**
 * Bank details as they may be shown on a page: the name and IFSC (a branch code, public), the
 * account number cut to its last four digits so a screen or a screenshot never carries it whole.
 *
 * @example
 * maskBankDetails({ beneficiaryName: 'LICT', ifsc: 'PUNB0112200', accountNumber: '0112002100012345' }).accountEnding
 * // '2345'
 */
export function maskBankDetails(details: BankDetails): MaskedBankDetails {
  return {
    beneficiaryName: details.beneficiaryName,
    ifsc: details.ifsc,
    accountEnding: details.accountNumber.slice(-4),
  };
}
