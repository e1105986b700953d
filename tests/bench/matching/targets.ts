import { highsAgrees, type Row } from './report';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const verdict = (met: boolean) => (met ? '**met**' : '**NOT met**');
const fmt = (ms: number) => (ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`);

/** The issue's targets, each judged on every bid variant of its size: wall time, with CPU time beside it. */
export function evaluateTargets(rows: Row[]): string[] {
  const timeTarget = (requests: number, limitMs: number, extra?: (row: Row) => string | undefined) => {
    const at = rows.filter((row) => row.requests === requests);
    if (at.length === 0) return `${requests.toLocaleString('en-US')} requests: not run`;
    const parts = at.map((row) => {
      const wall = median(row.ours.wallMs);
      const cpu = median(row.ours.cpuMs);
      const problem = extra?.(row);
      return `${row.bidsPerRequest} bids: ${fmt(wall)} wall, ${fmt(cpu)} CPU${problem ? `, ${problem}` : ''} → ${verdict(wall < limitMs && !problem)}`;
    });
    return `${at[0]!.label} in under ${fmt(limitMs)}: ${parts.join('; ')}`;
  };
  const memory = (row: Row) => (row.ours.peakRss >= 2 ** 30 ? `peak RSS ${Math.round(row.ours.peakRss / 2 ** 20)} MB ≥ 1 GB` : undefined);
  const compared = rows.filter((row) => row.requests >= 1_000 && highsAgrees(row) !== undefined);
  const speedups = compared.map((row) => {
    const highs = row.highs as { wallMs: number; cpuMs: number };
    return { row, wall: highs.wallMs / median(row.ours.wallMs), cpu: highs.cpuMs / median(row.ours.cpuMs) };
  });
  const slowest = speedups.reduce((min, s) => (s.wall < min.wall ? s : min), speedups[0]!);
  const peak1m = rows.filter((row) => row.requests === 1_000_000).map((row) => `${row.bidsPerRequest} bids: ${Math.round(row.ours.peakRss / 2 ** 20)} MB peak RSS`);
  return [
    timeTarget(10_000, 100),
    timeTarget(100_000, 1_000),
    `${timeTarget(1_000_000, 10_000, memory)} (${peak1m.join(', ')}; under 1 GB required)`,
    speedups.length === 0
      ? 'At least 50× faster than HiGHS: no size from 1,000 × 200 was solved by both'
      : `At least 50× faster than HiGHS at every size from 1,000 × 200 that both solve (${speedups.length} cases): slowest ratio ${slowest.wall.toFixed(0)}× wall (${slowest.cpu.toFixed(0)}× CPU) at ${slowest.row.label}, ${slowest.row.bidsPerRequest} bids → ${verdict(speedups.every((s) => s.wall >= 50))}`,
    `Objective identical to HiGHS wherever it solved: ${verdict(rows.every((row) => highsAgrees(row) !== false))}; certificate checked on every run: ${verdict(rows.every((row) => row.ours.certificate))}`,
  ];
}
