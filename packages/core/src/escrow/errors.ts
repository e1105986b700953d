import { DomainError, conflict, invalid, notFound } from '../errors';
import { moneyText, type Money } from '../money';

/** Every error of the escrow and milestone rules, by stable code. */
export const escrowErrors = {
  notFound: () =>
    notFound('ESCROW.NOT_FOUND', 'This request has no escrow: it is not awarded, or the award is still being set up.'),
  notReady: () => conflict('ESCROW.NOT_READY', 'The escrow of this award is still being set up; try again shortly.'),
  notParty: (what: string) => new DomainError('ESCROW.NOT_PARTY', 'forbidden', what),
  versionConflict: () =>
    conflict('ESCROW.VERSION_CONFLICT', 'The escrow record changed since it was read; read it again', 'version'),
  milestoneNotFound: (index: number) => notFound('MILESTONE.NOT_FOUND', `This award has no milestone ${index}.`),
  notReported: (index: number) =>
    conflict('MILESTONE.NOT_REPORTED', `Milestone ${index} has not been reported as delivered.`),
  alreadyReported: (index: number) => conflict('MILESTONE.ALREADY_REPORTED', `Milestone ${index} is already reported.`),
  alreadyDisputed: (index: number) => conflict('MILESTONE.ALREADY_DISPUTED', `Milestone ${index} is already disputed.`),
  notDisputed: (index: number) =>
    conflict('MILESTONE.NOT_DISPUTED', `Milestone ${index} is not disputed; only a dispute is resolved by an admin.`),
  alreadyDecided: (index: number, status: string) =>
    conflict('MILESTONE.ALREADY_DECIDED', `Milestone ${index} is already ${status}.`),
  reasonTooShort: (min: number) =>
    invalid('MILESTONE.REASON_TOO_SHORT', `Give a reason of at least ${min} characters.`, 'reason'),
  reasonNotAllowed: () => invalid('MILESTONE.REASON_NOT_ALLOWED', 'Only a release in full takes a reason.', 'reason'),
  evidenceInvalid: (detail: string) => invalid('MILESTONE.EVIDENCE_INVALID', detail, 'evidence'),
  firmNotPledged: (firmId: string) =>
    invalid('MILESTONE.FIRM_NOT_PLEDGED', `Firm ${firmId} did not pledge to this request.`, 'attendedFirmIds'),
  amountRequired: () =>
    invalid('MILESTONE.AMOUNT_REQUIRED', 'A partial release names the amount to release.', 'amount'),
  amountNotAllowed: () => invalid('MILESTONE.AMOUNT_NOT_ALLOWED', 'Only a partial release takes an amount.', 'amount'),
  amountNotPositive: () =>
    invalid('MILESTONE.AMOUNT_NOT_POSITIVE', 'Release at least one paisa; to release nothing, void.', 'amount'),
  amountExceedsHeld: (held: Money, asked: Money) =>
    invalid(
      'MILESTONE.AMOUNT_EXCEEDS_HELD',
      `Only ${moneyText(held)} is held for this milestone; ${moneyText(asked)} was asked.`,
      'amount',
    ),
  currencyMismatch: (expected: string) =>
    invalid('ESCROW.CURRENCY_MISMATCH', `Amounts of this award are in ${expected}.`, 'amount.currency'),
  receiptExists: (receiptId: string) =>
    conflict(
      'ESCROW.RECEIPT_EXISTS',
      `Receipt ${receiptId} was recorded with other content; choose another id.`,
      'receiptId',
    ),
  receiptsExceedPrivateShare: (owed: Money, received: Money) =>
    invalid(
      'ESCROW.RECEIPTS_EXCEED_PRIVATE_SHARE',
      `The firms' share is ${moneyText(owed)}; with this receipt, receipts would total ${moneyText(received)}.`,
      'amount',
    ),
};
