import type { HighsResult, OursResult } from './case';

export interface Row {
  label: string;
  requests: number;
  providers: number;
  bidsPerRequest: string;
  ours: OursResult;
  highs: HighsResult | { skipped: string };
}

export interface Machine {
  nproc: number;
  cpu: string;
  memoryGb: number;
  node: string;
  date: string;
  loadBefore: string;
  loadAfter: string;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US'));
const mb = (bytes: number) => Math.round(bytes / 2 ** 20).toLocaleString('en-US');
const times = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1)) + '×';

/** Did HiGHS solve this row, with the same objective as ours? */
export function highsAgrees(row: Row): boolean | undefined {
  if ('skipped' in row.highs || row.highs.status !== 'optimal') return undefined;
  return (
    Math.round(row.highs.objective) === row.ours.total &&
    Math.abs(row.highs.objective - row.ours.total) < 1e-6 * Math.max(1, row.ours.total)
  );
}

/** The results as a markdown document: machine, table, notes. */
export function markdown(rows: Row[], machine: Machine, targets: string[]): string {
  const head = [
    '| size (requests × providers) | bids/request | bids | ours: wall ms, median (min) | ours: ' +
      'CPU ms, median | runs | peak RSS MB (Δ solve) | certificate | total score ' +
      '| HiGHS IPM: wall ms (CPU ms) | HiGHS objective | speedup wall (CPU) |',
    '|---|---|---:|---:|---:|---:|---:|---|---:|---:|---|---:|',
  ];
  const lines = rows.map((row) => {
    const { ours, highs } = row;
    const wall = median(ours.wallMs);
    const cpu = median(ours.cpuMs);
    let highsCells: string[];
    if ('skipped' in highs) highsCells = [`— (${highs.skipped})`, '—', '—'];
    else if (highs.status !== 'optimal')
      highsCells = [`${ms(highs.wallMs)} (${ms(highs.cpuMs)}): ${highs.status}`, '—', '—'];
    else {
      const agrees = highsAgrees(row) ? 'identical' : `DIFFERS: ${highs.objective}`;
      highsCells = [
        `${ms(highs.wallMs)} (${ms(highs.cpuMs)})`,
        agrees,
        `${times(highs.wallMs / wall)} (${times(highs.cpuMs / cpu)})`,
      ];
    }
    return (
      `| ${row.label} | ${row.bidsPerRequest} | ${ours.bids.toLocaleString('en-US')} | ${ms(wall)} ` +
      `(${ms(Math.min(...ours.wallMs))}) | ${ms(cpu)} | ${ours.wallMs.length} | ${mb(ours.peakRss)} ` +
      `(${mb(ours.peakRss - ours.rssBefore)}) | ${ours.certificate ? 'checked ✓' : 'FAILED'} ` +
      `| ${ours.total.toLocaleString('en-US')} | ${highsCells.join(' | ')} |`
    );
  });
  return [
    '# Matching benchmark',
    '',
    '`npm run bench:matching` (tests/bench/matching/run.ts). Seeded ' +
      'random instances: capacities uniform 1–10, scores uniform',
    'integers 0–10,000 (hundredths of a point), bids from distinct providers, uniformly 1–25 per request or exactly 25',
    '(at 20 providers "25" means all 20). Each size runs in its own child process; times are for `matchRequests` after',
    'a JIT warm-up (median of the runs), the certificate is ' +
      're-checked by `checkCertificate`, and HiGHS solves the same',
    'LP by interior point (`solver: "ipm"`, crossover on) from sparse arrays, timed around model load and solve.',
    '',
    `Machine: \`nproc\` = ${machine.nproc}, ${machine.cpu}, ` +
      `${machine.memoryGb} GB RAM, Node ${machine.node}, ${machine.date}.`,
    `Load average (1, 5, 15 min) before: ${machine.loadBefore}; ` +
      `after: ${machine.loadAfter} — the machine is shared, so wall`,
    'time includes waiting for a core; CPU time is the cost of ' +
      'the work itself. Targets are judged on the median wall time.',
    '',
    ...head,
    ...lines,
    '',
    'Peak RSS is the whole child process (Node itself, the ' +
      'instance and the solve); Δ solve is its growth from building',
    'the instance to the end of the runs.',
    '',
    '## Targets',
    '',
    ...targets.map((t) => `- ${t}`),
    '',
  ].join('\n');
}
