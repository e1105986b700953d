import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../packages/core/src/clock';
import { pledge, pledgedFirmCount, withdrawPledge, type Pledge } from '../../../packages/core/src/pledge';
import { RequestStatus } from '../../../packages/core/src/request';
import {
  CO_SPONSOR,
  DEADLINE_MS,
  OTHER_CLUSTER,
  OUTSIDER,
  aFirm,
  aRequest,
  atDeadline,
  beforeDeadline,
  expectDomainError,
  idOf,
} from './fixtures';

const request = aRequest(); // open, lead LEAD, co-sponsor CO_SPONSOR

describe('pledges', () => {
  it('takes a pledge from a member of the lead or a co-sponsoring association', () => {
    const fromLead = pledge(request, aFirm(), [], beforeDeadline);
    const fromCo = pledge(
      request,
      aFirm({ id: idOf('firm', 2), associationId: CO_SPONSOR }),
      [fromLead],
      beforeDeadline,
    );
    expect(fromLead).toEqual({
      requestId: request.id,
      clusterId: request.clusterId,
      firmId: aFirm().id,
      associationId: request.associationId,
      pledgedAt: new Date(beforeDeadline.now()).toISOString(),
    });
    expect(fromCo.associationId).toBe(CO_SPONSOR);
  });

  it('takes at most one pledge per firm', () => {
    const first = pledge(request, aFirm(), [], beforeDeadline);
    expectDomainError(
      () => pledge(request, aFirm(), [first], beforeDeadline),
      'PLEDGE.DUPLICATE',
      'conflict',
      'firmId',
    );
  });

  it('refuses firms of other associations or clusters', () => {
    expectDomainError(
      () => pledge(request, aFirm({ associationId: OUTSIDER }), [], beforeDeadline),
      'PLEDGE.WRONG_ASSOCIATION',
      'forbidden',
      'firmId',
    );
    expectDomainError(
      () => pledge(request, aFirm({ clusterId: OTHER_CLUSTER }), [], beforeDeadline),
      'PLEDGE.WRONG_ASSOCIATION',
    );
  });

  it('refuses pledges at or after the deadline, whatever the time', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 10 }), (late) => {
        expectDomainError(
          () => pledge(request, aFirm(), [], fixedClock(DEADLINE_MS + late)),
          'PLEDGE.DEADLINE_PASSED',
          'conflict',
        );
      }),
    );
  });

  it.each(RequestStatus.options.filter((s) => s !== 'open'))('refuses pledges while the request is %s', (status) => {
    expectDomainError(
      () => pledge(aRequest({ status }), aFirm(), [], beforeDeadline),
      'PLEDGE.REQUEST_NOT_OPEN',
      'conflict',
    );
  });

  it('lets a pledge be withdrawn until the deadline, not after', () => {
    const p = pledge(request, aFirm(), [], beforeDeadline);
    expect(withdrawPledge(request, p, beforeDeadline)).toEqual({
      requestId: request.id,
      firmId: p.firmId,
      withdrawnAt: new Date(beforeDeadline.now()).toISOString(),
    });
    expectDomainError(() => withdrawPledge(request, p, atDeadline), 'PLEDGE.DEADLINE_PASSED');
    expectDomainError(
      () => withdrawPledge(aRequest({ id: idOf('request', 5) }), p, beforeDeadline),
      'PLEDGE.NOT_FOUND',
      'not_found',
    );
  });

  it('counts distinct pledged firms of one request', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.boolean())), (rows) => {
        const pledges: Pledge[] = rows.map(([firm, mine]) => ({
          requestId: mine ? request.id : idOf('request', 2),
          clusterId: request.clusterId,
          firmId: idOf('firm', firm),
          associationId: request.associationId,
          pledgedAt: '2025-03-02T00:00:00.000Z',
        }));
        expect(pledgedFirmCount(pledges, request.id)).toBe(
          new Set(rows.filter(([, mine]) => mine).map(([f]) => f)).size,
        );
      }),
    );
  });
});
