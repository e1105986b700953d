import type { Context } from 'hono';

/**
 * An RFC 9457 problem document, without zod: the API's reference function (functions/api/lambda/reference.ts)
 * answers its 404s with it and bundles no zod. problem.ts holds the zod schema of the same shape.
 */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string | undefined;
  code?: string | undefined;
  instance?: string | undefined;
  errors?: { field: string; message: string }[] | undefined;
}

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

/** Builds the problem document for a status. */
export function problem(status: number, fields: Partial<ProblemDocument> = {}): ProblemDocument {
  const code = fields.code;
  return {
    type: code ? `tag:bds-exchange,2026:problem/${code.toLowerCase().replace(/[._]/g, '-')}` : 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    ...fields,
  };
}

/** Sends a problem document with the right media type. */
export function sendProblem(c: Context, body: ProblemDocument): Response {
  // c.newResponse keeps headers set earlier (the correlation id).
  return c.newResponse(JSON.stringify(body), body.status as 400, { 'content-type': 'application/problem+json' });
}
