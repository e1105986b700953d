import { highsAgrees, type Row } from './report';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const verdict = (met: boolean) => (met ? '**met**' : '**NOT met**');
const fmt = (ms: number) => (ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`);

/** The targets, each judged on every bid variant of its size: wall time, with CPU time beside it. */
export function evaluateTargets(rows: Row[]): string[] {
  const timeTarget = (requests: number, limitMs: number) => {
    const at = rows.filter((row) => row.requests === requests);
    if (at.length === 0) return `${requests.toLocaleString('en-US')} requests: not run`;
    const parts = at.map((row) => {
      const wall = median(row.ours.wallMs);
      const cpu = median(row.ours.cpuMs);
      return `${row.bidsPerRequest} bids: ${fmt(wall)} wall, ${fmt(cpu)} CPU → ${verdict(wall < limitMs)}`;
    });
    return `${at[0]!.label} in under ${fmt(limitMs)}: ${parts.join('; ')}`;
  };
  const compared = rows.filter((row) => row.requests >= 1_000 && highsAgrees(row) !== undefined);
  const speedups = compared.map((row) => {
    const highs = row.highs as { wallMs: number; cpuMs: number };
    return { row, wall: highs.wallMs / median(row.ours.wallMs), cpu: highs.cpuMs / median(row.ours.cpuMs) };
  });
  const slowest = speedups.reduce((min, s) => (s.wall < min.wall ? s : min), speedups[0]!);
  const at1m = rows.filter((row) => row.requests === 1_000_000);
  const memory = at1m.map((row) => `${row.bidsPerRequest} bids: ${Math.round(row.ours.peakRss / 2 ** 20)} MB`);
  return [
    timeTarget(10_000, 100),
    timeTarget(100_000, 1_000),
    timeTarget(1_000_000, 10_000),
    `1,000,000 × 200,000 in under 1 GB (peak RSS of the whole process, instance included): ` +
      `${memory.join('; ')} → ${verdict(at1m.length > 0 && at1m.every((row) => row.ours.peakRss < 2 ** 30))}`,
    speedups.length === 0
      ? 'At least 50× faster than HiGHS: no size from 1,000 × 200 was solved by both'
      : `At least 50× faster than HiGHS at every size from 1,000 × 200 that both solve (${speedups.length} ` +
        `cases): slowest ratio ${slowest.wall.toFixed(0)}× wall (${slowest.cpu.toFixed(0)}× CPU) at ` +
        `${slowest.row.label}, ${slowest.row.bidsPerRequest} bids → ${verdict(speedups.every((s) => s.wall >= 50))}`,
    `Objective identical to HiGHS wherever it solved: ${verdict(rows.every((row) => highsAgrees(row) !== false))}; ` +
      `certificate checked on every run: ${verdict(rows.every((row) => row.ours.certificate))}`,
  ];
}
