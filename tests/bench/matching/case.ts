/**
 * One benchmark case, run in a fresh child process so the peak memory it reports is its own.
 * Usage: case.ts '<CaseSpec as JSON>'; prints one CaseResult as JSON on stdout.
 */
import { cpuUsage, memoryUsage, resourceUsage } from 'node:process';
import { checkCertificate, matchRequests, type MatchingStats } from '../../../packages/core/src/matching';
import { randomInstance, type InstanceSpec } from './generate';
import { highsSolver } from './highs';

export interface CaseSpec extends InstanceSpec {
  solver: 'ours' | 'highs';
  runs: number;
  highsTimeLimitSeconds: number;
}

export interface OursResult {
  solver: 'ours';
  bids: number;
  wallMs: number[];
  cpuMs: number[];
  total: number;
  certificate: boolean;
  certificateProblems: readonly string[];
  stats: MatchingStats;
  /** Process RSS after building the instance, and the process's peak RSS, in bytes. */
  rssBefore: number;
  peakRss: number;
}

export interface HighsResult {
  solver: 'highs';
  status: string;
  objective: number;
  wallMs: number;
  cpuMs: number;
  peakRss: number;
}

const spec = JSON.parse(process.argv[2]!) as CaseSpec;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const cpuMsSince = (start: NodeJS.CpuUsage) => {
  const used = cpuUsage(start);
  return (used.user + used.system) / 1000;
};

if (spec.solver === 'ours') {
  // Warm the JIT on a small instance first, as a long-running worker would be.
  const warm = randomInstance({ ...spec, requests: 2_000, providers: 400, seed: 1 });
  for (let i = 0; i < 10; i++) matchRequests(warm);
  const instance = randomInstance(spec);
  gc();
  const rssBefore = memoryUsage().rss;
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  let result = matchRequests(warm);
  // No forced GC between runs: it hands freed pages back to the OS, and the next run would
  // then pay page faults that a warm worker process does not.
  for (let run = 0; run < spec.runs; run++) {
    const cpu = cpuUsage();
    const t0 = performance.now();
    result = matchRequests(instance);
    wallMs.push(performance.now() - t0);
    cpuMs.push(cpuMsSince(cpu));
  }
  const peakRss = resourceUsage().maxRSS * 1024;
  const check = checkCertificate(instance, result.assignment, result.duals);
  const out: OursResult = {
    solver: 'ours',
    bids: instance.bidProvider.length,
    wallMs,
    cpuMs,
    total: result.total,
    certificate: check.ok && check.primal === result.total,
    certificateProblems: check.problems,
    stats: result.stats,
    rssBefore,
    peakRss,
  };
  console.log(JSON.stringify(out));
} else {
  const solve = await highsSolver();
  solve(randomInstance({ ...spec, requests: 200, providers: 40, seed: 1 }), 60); // load and warm the Wasm
  const run = solve(randomInstance(spec), spec.highsTimeLimitSeconds);
  const out: HighsResult = {
    solver: 'highs',
    status: run.status,
    objective: run.objective,
    wallMs: run.ms,
    cpuMs: run.cpuMs,
    peakRss: resourceUsage().maxRSS * 1024,
  };
  console.log(JSON.stringify(out));
}
