import { DomainError } from '../../errors';
import type { FirmCsvError, FirmCsvResult } from './import';
import type { Firm } from '../schema';

/** The stable code of a rejected register import. */
export const FIRM_CSV_INVALID = 'FIRM.CSV_INVALID';

/**
 * A register import was refused; `errors` holds every problem (line, column, reason) so the
 * API can return them all in one problem document.
 */
export class FirmCsvInvalidError extends DomainError {
  constructor(readonly errors: readonly FirmCsvError[]) {
    const first = errors[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    super(
      FIRM_CSV_INVALID,
      'invalid',
      `Line ${first?.line ?? 1}: ${first?.reason ?? 'invalid file'}${more}`,
      first?.field,
    );
  }
}

/**
 * The firms of a successful import, or a `FirmCsvInvalidError` carrying every problem.
 *
 * @example
 * const firms = firmsOrThrow(parseFirmCsv(text, ctx));
 */
export function firmsOrThrow(result: FirmCsvResult): Firm[] {
  if (!result.ok) throw new FirmCsvInvalidError(result.errors);
  return result.firms;
}
