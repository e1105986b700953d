import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { isEventType, newEvent, parseEvent, type DomainEvent } from '@bds/core';

const context = { id: 'evt_1', clusterId: 'clu_1', occurredAt: '2026-01-01T00:00:00.000Z', correlationId: 'corr-1' };

describe('the event catalogue', () => {
  it('newEvent derives the idempotency key from the type and payload', () => {
    // Act
    const deadline = newEvent(
      'request.deadline',
      { requestId: 'req_1', deadline: '2026-02-01T00:00:00.000Z' },
      context,
    );
    const reported = newEvent(
      'milestone.reported',
      { requestId: 'req_1', index: 2, autoAcceptAt: '2026-02-01T00:00:00.000Z' },
      context,
    );

    // Assess
    expect(deadline).toEqual({
      ...context,
      type: 'request.deadline',
      idempotencyKey: 'request.deadline:req_1:2026-02-01T00:00:00.000Z',
      payload: { requestId: 'req_1', deadline: '2026-02-01T00:00:00.000Z' },
    });
    expect(reported.idempotencyKey).toBe('milestone.reported:req_1:2');
  });

  it('newEvent refuses a payload its schema does not accept, naming the field', () => {
    // Act
    const attempt = () =>
      newEvent('milestone.reported', { requestId: 'req_1', index: -1, autoAcceptAt: 'soon' }, context);

    // Assess
    expect(attempt).toThrow(ZodError);
    try {
      attempt();
    } catch (error) {
      expect((error as ZodError).issues.map((i) => i.path.join('.')).sort()).toEqual(['autoAcceptAt', 'index']);
    }
  });

  it('parseEvent reads an envelope off the wire as its typed event, dropping unknown payload fields', () => {
    // Prepare
    const wire = {
      ...context,
      type: 'request.cancelled',
      idempotencyKey: 'k',
      payload: {
        requestId: 'req_1',
        previousStatus: 'open',
        cancelledAt: '2026-01-01T00:00:00.000Z',
        extra: true,
      },
    };

    // Act
    const event = parseEvent('request.cancelled', wire);

    // Assess
    expect(event.payload).toEqual({
      requestId: 'req_1',
      previousStatus: 'open',
      cancelledAt: '2026-01-01T00:00:00.000Z',
    });
    expect(() => parseEvent('request.cancelled', { ...wire, payload: { requestId: 'req_1' } })).toThrow(ZodError);
  });

  it('narrowing an event on its type narrows its payload', () => {
    // Prepare
    const event: DomainEvent = newEvent(
      'request.closed',
      {
        requestId: 'req_1',
        outcome: 'ranked',
        status: 'evaluating',
        closedBy: 'deadline',
      },
      context,
    );

    // Act
    const closedBy = event.type === 'request.closed' ? event.payload.closedBy : undefined;

    // Assess
    expect(closedBy).toBe('deadline');
    expect([isEventType('request.closed'), isEventType('request.unknown'), isEventType('toString')]).toEqual([
      true,
      false,
      false,
    ]);
  });
});
