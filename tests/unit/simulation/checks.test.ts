import { describe, expect, it } from 'vitest';
import { itemProblems } from '../../simulation/checks';
import { prng } from '../../simulation/world';

// The simulation's daily checks must be able to fail: each planted fault is found, a clean table passes.
const account = (accountId: string, creditsPosted: number, debitsPosted: number, debitsPending = 0) => ({
  entity: 'ledger-account',
  accountId,
  creditsPosted,
  debitsPosted,
  creditsPending: 0,
  debitsPending,
});
// A deposit's two sides: money in from the world, credited to the pool.
const deposit = [account('pool:prg_1', 50_000, 0), account('world:in', 0, 50_000)];
const request = (status: string) => ({ entity: 'request', id: 'req_1', status });

describe('the simulation’s daily checks', () => {
  it('pass a balanced ledger and legal requests', () => {
    expect(itemProblems([...deposit, request('open'), request('completed')], new Set())).toEqual([]);
  });

  it('find an overdrawn programme pool', () => {
    const overdrawn = [account('pool:prg_1', 50_000, 0, 60_000), account('escrow:c:r', 0, 0)];
    expect(itemProblems(overdrawn, new Set()).join('\n')).toContain('pool:prg_1 is overdrawn: -10000');
  });

  it('find a ledger that does not sum to zero', () => {
    const lost = [account('pool:prg_1', 50_000, 0), account('world:in', 0, 49_999)];
    expect(itemProblems(lost, new Set()).join('\n')).toContain('ledger does not sum to zero: 1');
  });

  it('find a request in a state the lifecycle does not have', () => {
    expect(itemProblems([request('half-awarded')], new Set())).toEqual(['request req_1 is half-awarded']);
  });
});

describe('the simulation’s random numbers', () => {
  it('replay from a seed and differ between seeds', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, prng(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    expect(draw(7).every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
