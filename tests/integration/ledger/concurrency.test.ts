import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DomainError, availableBalance } from '@bds/core';
import { toProblem } from '../../../functions/api/problem';
import { silentLogger } from '../../../functions/observability/logger';
import { AT, PAYABLE, POOL, cmd } from '../../unit/ledger/fixtures';
import { ledgerOnFreshTable, movableClock, type LedgerFixture } from './support';

const settle = <T>(n: number, act: (i: number) => Promise<T>) =>
  Promise.allSettled(Array.from({ length: n }, (_, i) => act(i)));

describe('the DynamoDB ledger under concurrency', { timeout: 120_000 }, () => {
  let t: LedgerFixture;
  beforeAll(async () => {
    t = await ledgerOnFreshTable(movableClock(AT));
    await t.ledger.execute(cmd.deposit('d0', 1_000_000));
  });
  afterAll(() => t.close());

  it('50 simultaneous releases of one hold: exactly one succeeds, 49 get LEDGER.ALREADY_RESOLVED (409)', async () => {
    // Prepare
    await t.ledger.execute(cmd.hold('h1', 5_000));
    const before = await t.ledger.account(PAYABLE);
    // Act: 50 different release ids, as 50 clicks on "accept" would send
    const results = await settle(50, (i) => t.ledger.execute(cmd.post(`accept-${i}`, 'h1')));
    // Assess
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const error of lost) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'LEDGER.ALREADY_RESOLVED', kind: 'conflict' });
      expect(toProblem(error, silentLogger, '/x').status).toBe(409);
    }
    expect((await t.ledger.account(PAYABLE)).creditsPosted - before.creditsPosted).toBe(5_000);
    expect(await t.ledger.transfer('h1')).toMatchObject({
      state: 'posted',
      resolvedBy: won[0]?.status === 'fulfilled' ? won[0].value.transfer.id : '?',
    });
  });

  it('50 simultaneous copies of one release (same id): all succeed with the same transfer, applied once', async () => {
    await t.ledger.execute(cmd.hold('h2', 3_000));
    const before = await t.ledger.account(PAYABLE);
    const results = await settle(50, () => t.ledger.execute(cmd.post('accept-h2', 'h2')));
    const values = results.map((r) => (r.status === 'fulfilled' ? r.value : r.reason));
    expect(values.filter((v) => !v?.transfer).map((v) => String(v))).toEqual([]);
    expect(values.filter((v) => v?.transfer?.id === 'accept-h2')).toHaveLength(50);
    expect(values.filter((v) => v.replayed === false)).toHaveLength(1);
    expect((await t.ledger.account(PAYABLE)).creditsPosted - before.creditsPosted).toBe(3_000);
  });

  it('a release and a void racing on one hold: exactly one wins', async () => {
    await t.ledger.execute(cmd.hold('h3', 700));
    const results = await settle(20, (i) =>
      t.ledger.execute(i % 2 ? cmd.post(`race-p${i}`, 'h3') : cmd.void(`race-v${i}`, 'h3')),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected' && r.reason.code === 'LEDGER.ALREADY_RESOLVED')).toHaveLength(
      19,
    );
  });

  it(
    '40 simultaneous holds on a pool with room for 25: exactly ' + '25 succeed and the pool ends at zero, never below',
    async () => {
      // Prepare: a second programme with exactly 25 × 100
      await t.ledger.execute(cmd.deposit('d-small', 2_500, { programmeId: 'prg_small' }));
      // Act
      const results = await settle(40, (i) =>
        t.ledger.execute(cmd.hold(`small-${i}`, 100, { programmeId: 'prg_small', awardId: `req_${i}` })),
      );
      // Assess
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(25);
      expect(
        results.filter((r) => r.status === 'rejected' && r.reason.code === 'LEDGER.INSUFFICIENT_FUNDS'),
      ).toHaveLength(15);
      const pool = await t.ledger.account('pool:prg_small');
      expect(availableBalance(pool)).toBe(0);
      expect(pool.available).toBe(0);
      expect(availableBalance(await t.ledger.account(POOL))).toBeGreaterThan(0);
    },
  );
});
