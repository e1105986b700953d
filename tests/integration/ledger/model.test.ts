import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerViolations, MemoryLedger } from '@bds/core';
import { ledgerStore } from '../../../functions/adapters/dynamo/ledger';
import { AT } from '../../unit/ledger/fixtures';
import { opArb, Scenario } from '../../unit/ledger/scenario';
import { LedgerStep, stepCounter, type Model, type Real } from './model-step';
import { ledgerOnStreamlessTable, movableClock, type LedgerFixture } from './support';

/**
 * Model-based: random sequences of deposits, holds, releases, partial releases, voids,
 * payouts, closings, retries of a transfer id, reuses of an id with other content, and
 * concurrent duplicates (the same command 2–3 times at once), run on DynamoDB Local and on
 * the in-memory ledger; every step's outcome must agree, and every 4th step (COMPARE_EVERY in
 * model-step.ts) and at the end of each sequence the states must agree and the invariants hold.
 *
 * Sized by env: LEDGER_MODEL_STEPS (10,000, the issue's number), LEDGER_MODEL_RUNNERS (parallel
 * runners sharing one table through namespaced ids; 12, as each mostly waits on DynamoDB Local).
 * Each runner runs one fast-check assertion (one sequence) per seed, seed after seed, until the
 * runners together reach the steps. One step in 5 sends its command 2–3 times at once. A run
 * prints its first seed (LEDGER_MODEL_SEED=<it> runs the same seeds again); a failure prints
 * fast-check's seed, path and the shrunk commands with their replayPath; replay it with
 *   FC_SEED=<seed> FC_PATH=<path> FC_REPLAY_PATH=<replayPath> npx vitest run --project integration
 * tests/integration/ledger/model.test.ts
 */
const TARGET_STEPS = Number(process.env.LEDGER_MODEL_STEPS ?? 10_000);
const RUNNERS = Number(process.env.LEDGER_MODEL_RUNNERS ?? 12);
const MAX_COMMANDS = 100;
/** Sequences per fc.assert: one, so the runners overshoot the target by at most a sequence each. */
const RUNS_PER_SEED = 1;
/** The first seed of a whole run (printed at its start); random unless given. */
const BASE_SEED = process.env.LEDGER_MODEL_SEED === undefined ? undefined : Number(process.env.LEDGER_MODEL_SEED);
const FC_SEED = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const FC_PATH = process.env.FC_PATH;
const FC_REPLAY_PATH = process.env.FC_REPLAY_PATH;

/**
 * A commands arbitrary per fc.assert: it keeps its replay log in itself, so runners sharing
 * one would garble each other's replayPath.
 */
const sequences = () =>
  fc.commands(
    [
      fc
        .tuple(opArb, fc.constantFrom(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3))
        .map(([op, copies]) => new LedgerStep(op, copies)),
    ],
    { maxCommands: MAX_COMMANDS, size: 'max', ...(FC_REPLAY_PATH ? { replayPath: FC_REPLAY_PATH } : {}) },
  );

/** One fc.assert: `numRuns` sequences, each in its own namespace, checked in full at its end. */
async function runSeed(
  t: LedgerFixture,
  label: string,
  seed: number,
  numRuns: number,
  replaying = false,
): Promise<void> {
  const clock = movableClock(AT);
  const store = ledgerStore(t.db, { clock });
  let run = 0;
  await fc.assert(
    fc.asyncProperty(sequences(), async (cmds) => {
      const scenario = new Scenario(`${label}r${run++}_`);
      const model: Model = { ledger: new MemoryLedger(clock), scenario, tick: () => clock.set(clock.now() + 1_000) };
      const real: Real = { store, db: t.db, steps: 0, unchecked: new Set() };
      await fc.asyncModelRun(() => ({ model, real }), cmds);
      // The whole journal and every account once per sequence; every statement (paged Queries)
      // in one sequence of 4 (and when replaying), which keeps the suite's round trips down
      // (ledger.test.ts pages statements by example).
      const transfers = model.ledger.transfers();
      const stored = await store.transfers(transfers.map((x) => x.id));
      expect(stored).toEqual(transfers);
      const accounts = await store.accounts(scenario.accounts());
      expect(accounts).toEqual(scenario.accounts().map((id) => model.ledger.account(id)));
      expect(
        ledgerViolations(
          accounts,
          stored.flatMap((x) => (x ? [x] : [])),
        ),
      ).toEqual([]);
      const withStatements = replaying || (seed + run) % 4 === 1;
      for (const a of accounts.filter((x) => withStatements && x.currency !== undefined)) {
        const lines = [];
        let cursor: string | undefined;
        do {
          const page = await store.statement(a.id, { limit: 50, cursor });
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
    t = await ledgerOnStreamlessTable(movableClock(AT));
  });
  afterAll(() => t.close());

  it(`agrees with the in-memory ledger over ≥ ${TARGET_STEPS} generated steps`, async () => {
    const started = Date.now();
    if (FC_SEED !== undefined) {
      console.log(`[ledger model] replaying seed ${FC_SEED}${FC_PATH ? ` path ${FC_PATH}` : ''}`);
      await runSeed(t, 'replay', FC_SEED, 100, true);
      return;
    }
    const base = BASE_SEED ?? Math.floor(Math.random() * 2 ** 31);
    console.log(
      `[ledger model] ${RUNNERS} runners; runner k takes seeds ${base} + k, + ${RUNNERS}, ` +
        `+ ${2 * RUNNERS}, … (${RUNS_PER_SEED} sequences each) until ${TARGET_STEPS} steps`,
    );
    const seeds: number[] = [];
    let failed = false;
    // Each runner takes the next seed until the runners together have run the target; no
    // runner waits for another, so the slowest sequence never holds up the rest.
    await Promise.all(
      Array.from({ length: RUNNERS }, async (_, k) => {
        for (let i = 0; stepCounter.steps < TARGET_STEPS && !failed; i++) {
          const seed = base + i * RUNNERS + k;
          seeds.push(seed);
          // The first failure stops the other runners: its report is the one to read.
          await runSeed(t, `k${k}s${i}`, seed, RUNS_PER_SEED).catch((error: unknown) => {
            failed = true;
            throw error;
          });
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `[ledger model] ${stepCounter.steps} steps (${stepCounter.concurrent} with concurrent ` +
        `duplicates) in ${seconds.toFixed(1)} s, seeds ${seeds.length}: ${base}…${Math.max(...seeds)}`,
    );
    expect(stepCounter.steps).toBeGreaterThanOrEqual(TARGET_STEPS);
  }, 900_000);
});
