import { HTTPException } from 'hono/http-exception';
import * as z from 'zod';
import { DomainError, type ErrorKind } from '@bds/core';
import type { Logger } from '../observability/logger';
import { problem, type ProblemDocument } from './problem-document';

export { problem, sendProblem } from './problem-document';

/** An RFC 9457 problem document; `errors` names each field at fault. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  code: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof Problem>;
// The zod-free document (problem-document.ts) and this schema describe one shape.
const _same: ProblemDocument = {} as Problem;
void _same;

const STATUS: Record<ErrorKind, number> = {
  invalid: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  too_many: 429,
};

/** A validation failure of one part of the request (path, query or body), before any domain rule. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly location: 'path' | 'query' | 'body' | 'header',
    readonly issues: { field: string; message: string }[],
    message = 'The request is not valid',
  ) {
    super(message);
  }
}

/** Turns zod issues into `{ field, message }` with dotted paths (`milestones.1.shareBasisPoints`). */
export function zodIssues(error: z.ZodError): { field: string; message: string }[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(root)', message: issue.message }));
}

/**
 * The one place that maps failures to HTTP: domain errors by kind, input errors to 400 (a
 * `ZodError` too, wherever it was thrown: core parses its inputs and says so), and anything
 * unexpected to a generic 500 whose cause is logged, never shown.
 */
export function toProblem(error: unknown, log: Logger, instance: string): Problem {
  if (error instanceof DomainError) {
    const status = STATUS[error.kind];
    return problem(status, {
      code: error.code,
      detail: error.message,
      instance,
      ...(error.field ? { errors: [{ field: error.field, message: error.message }] } : {}),
    });
  }
  if (error instanceof InputError) {
    const where = error.location === 'body' ? 'request body' : `${error.location} parameters`;
    return problem(400, {
      code: 'REQUEST.INVALID_INPUT',
      detail: `The ${where} is not valid: ${error.issues.map((i) => `${i.field} — ${i.message}`).join('; ')}`,
      errors: error.issues,
      instance,
    });
  }
  if (error instanceof z.ZodError) {
    const errors = zodIssues(error);
    const detail = `The input is not valid: ${errors.map((i) => `${i.field} — ${i.message}`).join('; ')}`;
    return problem(400, { code: 'REQUEST.INVALID_INPUT', detail, errors, instance });
  }
  if (error instanceof HTTPException) {
    return problem(error.status, { detail: error.message, instance });
  }
  // The path is not logged: it can carry a secret (an invitation token); the caller's log names the route.
  log.error('unexpected error', { error });
  return problem(500, { detail: 'Something went wrong on our side; it has been logged.', instance });
}
