/**
 * What kind of failure a domain error is; the API maps each kind to one HTTP status
 * (invalid → 422, not_found → 404, conflict → 409, forbidden → 403, unauthenticated → 401,
 * too_many → 429).
 */
export type ErrorKind = 'invalid' | 'not_found' | 'conflict' | 'forbidden' | 'unauthenticated' | 'too_many';

/**
 * A rule of the domain was broken. `code` is stable (`BID.DEADLINE_PASSED`) so clients and
 * tests can rely on it; `field` names the input at fault when there is one.
 *
 * @example
 * throw new DomainError('REQUEST.ILLEGAL_TRANSITION', 'conflict', 'A cancelled request cannot be opened');
 */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    readonly field?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** A shorthand for the commonest error: the input is well-formed but breaks a rule. */
export const invalid = (code: string, message: string, field?: string): DomainError =>
  new DomainError(code, 'invalid', message, field);

/** The object does not exist, or the caller may not know that it exists. */
export const notFound = (code: string, message: string): DomainError => new DomainError(code, 'not_found', message);

/** The state of the object does not allow the change (a transition, a version, a duplicate). */
export const conflict = (code: string, message: string, field?: string): DomainError =>
  new DomainError(code, 'conflict', message, field);
