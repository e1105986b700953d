import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as z from 'zod';
import { DomainError, type ErrorKind } from '@bds/core';
import type { Logger } from '../observability/logger';

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

const STATUS: Record<ErrorKind, number> = {
  invalid: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  too_many: 429,
};

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Sign-in required',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable request',
  429: 'Too many requests',
  500: 'Internal error',
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

/** Builds the problem document for a status. */
export function problem(status: number, fields: Partial<Problem> = {}): Problem {
  const code = fields.code;
  return {
    type: code ? `tag:bds-exchange,2026:problem/${code.toLowerCase().replace(/[._]/g, '-')}` : 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    ...fields,
  };
}

/** Sends a problem document with the right media type. */
export function sendProblem(c: Context, body: Problem): Response {
  // c.newResponse keeps headers set earlier (the correlation id).
  return c.newResponse(JSON.stringify(body), body.status as 400, { 'content-type': 'application/problem+json' });
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
