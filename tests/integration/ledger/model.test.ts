import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerViolations, MemoryLedger } from '@bds/core';
import { ledgerStore } from '../../../functions/adapters/dynamo/ledger';
import { AT } from '../../unit/ledger/fixtures';
import { opArb, Scenario } from '../../unit/ledger/scenario';
import { LedgerStep, stepCounter, type Model, type Real } from './model-step';
import { ledgerOnFreshTable, movableClock, type LedgerFixture } from './support';

/**
 * Model-based: random sequences of deposits, holds, releases, partial releases, voids,
 * payouts, closings, retries of a transfer id, reuses of an id with other content, and
 * concurrent duplicates (the same command 2–3 times at once), run on DynamoDB Local and on
 * the in-memory ledger; after every step the states must agree and the invariants hold.
 *
 * Sized by env: LEDGER_MODEL_STEPS (2,500 under `npm test`, to keep CI within its 15 minutes on
 * 2 cores; the issue's 10,000 take 4–7 min here: `LEDGER_MODEL_STEPS=10000`), LEDGER_MODEL_RUNNERS (parallel runners, each with
 * its own seed, sharing one table through namespaced ids; 4). One step in 5 sends its command
 * 2–3 times at once. A failure prints fast-check's seed, path and the shrunk commands with
 * their replayPath; replay it on one runner with
 *   FC_SEED=<seed> FC_PATH=<path> FC_REPLAY_PATH=<replayPath> npx vitest run --project integration tests/integration/ledger/model.test.ts
 */
const TARGET_STEPS = Number(process.env.LEDGER_MODEL_STEPS ?? 2_500);
const RUNNERS = Number(process.env.LEDGER_MODEL_RUNNERS ?? 4);
const MAX_COMMANDS = 100;
const FC_SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const FC_PATH = process.env.FC_PATH;
const FC_REPLAY_PATH = process.env.FC_REPLAY_PATH;

/**
 * A commands arbitrary per fc.assert: it keeps its replay log in itself, so runners sharing
 * one would garble each other's replayPath.
 */
const sequences = () =>
  fc.commands(
    [fc.tuple(opArb, fc.constantFrom(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3)).map(([op, copies]) => new LedgerStep(op, copies))],
    { maxCommands: MAX_COMMANDS, size: 'max', ...(FC_REPLAY_PATH ? { replayPath: FC_REPLAY_PATH } : {}) },
  );

/** One fc.assert: `numRuns` sequences, each in its own namespace, checked in full at its end. */
async function runRound(t: LedgerFixture, label: string, seed: number, numRuns: number): Promise<void> {
  const clock = movableClock(AT);
  const real: Real = { store: ledgerStore(t.db, { clock }), db: t.db };
  let run = 0;
  await fc.assert(
    fc.asyncProperty(sequences(), async (cmds) => {
      const scenario = new Scenario(`${label}r${run++}_`);
      const model: Model = { ledger: new MemoryLedger(clock), scenario, tick: () => clock.set(clock.now() + 1_000) };
      await fc.asyncModelRun(() => ({ model, real }), cmds);
      // The whole journal once per sequence; every statement (paged Queries) every 4th sequence,
      // which keeps the suite's round trips down (ledger.test.ts pages statements by example).
      const transfers = model.ledger.transfers();
      const stored = await real.store.transfers(transfers.map((x) => x.id));
      expect(stored).toEqual(transfers);
      const accounts = await real.store.accounts(scenario.accounts());
      expect(ledgerViolations(accounts, stored.flatMap((x) => (x ? [x] : [])))).toEqual([]);
      const withStatements = run % 4 === 1;
      for (const a of accounts.filter((x) => withStatements && x.currency !== undefined)) {
        const lines = [];
        let cursor: string | undefined;
        do {
          const page = await real.store.statement(a.id, { limit: 50, cursor });
          lines.push(...page.items);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(lines, `statement of ${a.id}`).toEqual(model.ledger.statement(a.id));
      }
    }),
    { seed, numRuns, ...(FC_PATH ? { path: FC_PATH } : {}) },
  );
}

describe('the DynamoDB ledger against its model', () => {
  let t: LedgerFixture;
  beforeAll(async () => {
    t = await ledgerOnFreshTable(movableClock(AT));
  });
  afterAll(() => t.close());

  it(`agrees with the in-memory ledger after every step of ≥ ${TARGET_STEPS} generated steps`, async () => {
    const started = Date.now();
    if (FC_SEED !== undefined) {
      console.log(`[ledger model] replaying seed ${FC_SEED}${FC_PATH ? ` path ${FC_PATH}` : ''}`);
      await runRound(t, 'replay', FC_SEED, 100);
      return;
    }
    const base = Math.floor(Math.random() * 2 ** 31);
    // With size 'max' a sequence averages about half of MAX_COMMANDS steps; 10 % spare avoids a second round.
    const runsPerRound = Math.max(1, Math.ceil((1.1 * TARGET_STEPS) / RUNNERS / (MAX_COMMANDS / 2)));
    for (let round = 0; stepCounter.steps < TARGET_STEPS; round++) {
      const seeds = Array.from({ length: RUNNERS }, (_, k) => base + round * RUNNERS + k);
      console.log(`[ledger model] round ${round}: ${RUNNERS} runners × ${runsPerRound} sequences, seeds ${seeds.join(', ')}`);
      await Promise.all(seeds.map((seed, k) => runRound(t, `k${k}x${round}`, seed, runsPerRound)));
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(`[ledger model] ${stepCounter.steps} steps (${stepCounter.concurrent} with concurrent duplicates) in ${seconds.toFixed(1)} s`);
    expect(stepCounter.steps).toBeGreaterThanOrEqual(TARGET_STEPS);
  }, 900_000);
});
