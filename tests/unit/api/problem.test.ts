import { describe, expect, it } from 'vitest';
import { HTTPException } from 'hono/http-exception';
import { DomainError, newEvent } from '@bds/core';
import { InputError, toProblem } from '../../../functions/api/problem';
import { createLogger } from '../../../functions/observability/logger';

const lines: string[] = [];
const log = createLogger({ write: (l) => lines.push(l) });

describe('errors as problem+json', () => {
  it.each([
    ['invalid', 422],
    ['not_found', 404],
    ['conflict', 409],
    ['forbidden', 403],
    ['unauthenticated', 401],
    ['too_many', 429],
  ] as const)('maps a %s domain error to %i with its code and field', (kind, status) => {
    const p = toProblem(new DomainError('BID.DEADLINE_PASSED', kind, 'Too late', 'biddingDeadline'), log, '/x');
    expect(p).toMatchObject({
      status,
      code: 'BID.DEADLINE_PASSED',
      errors: [{ field: 'biddingDeadline', message: 'Too late' }],
    });
  });

  it('maps input errors to 400 naming each field', () => {
    const p = toProblem(new InputError('body', [{ field: 'minFirms', message: 'Expected number' }]), log, '/x');
    expect(p.status).toBe(400);
    expect(p.errors).toEqual([{ field: 'minFirms', message: 'Expected number' }]);
    expect(p.detail).toContain('minFirms');
  });

  it('maps a ZodError thrown past the route (by core) to 400 naming the field, not a 500', () => {
    // Prepare: what core throws when it parses an input the route did not (an event payload).
    const thrown = (() => {
      try {
        newEvent(
          'milestone.reported',
          { requestId: 'req_1', index: -1, autoAcceptAt: '2026-01-01T00:00:00.000Z' },
          {
            id: 'evt_1',
            clusterId: 'clu_1',
            occurredAt: '2026-01-01T00:00:00.000Z',
            correlationId: 'c',
          },
        );
      } catch (error) {
        return error;
      }
    })();

    // Act
    const p = toProblem(thrown, log, '/x');

    // Assess
    expect(p).toMatchObject({ status: 400, code: 'REQUEST.INVALID_INPUT', errors: [{ field: 'index' }] });
    expect(p.detail).toContain('index');
  });

  it('keeps HTTP exceptions at their status', () => {
    expect(toProblem(new HTTPException(405, { message: 'no' }), log, '/x').status).toBe(405);
  });

  it('hides unexpected errors behind a generic 500 and logs the cause', () => {
    lines.length = 0;
    const p = toProblem(new Error('secret connection string leaked'), log, '/x');
    expect(p.status).toBe(500);
    expect(JSON.stringify(p)).not.toContain('secret');
    expect(lines.join('\n')).toContain('secret connection string leaked');
  });
});
