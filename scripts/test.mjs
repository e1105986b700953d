// `npm test`: every check, in two stages, the independent ones side by side.
// Stage 1 runs the type check, lint, unit and infrastructure tests two at a time (each mostly uses one
// core). Stage 2 runs the integration and browser tests together: each has its own DynamoDB Local, and
// each spends much of its time waiting (on DynamoDB Local, on Chromium, on a deadline to pass), so
// together they fill the cores that either alone leaves idle. Each step's output is printed whole when
// it ends, so parallel steps never interleave. The first failing stage stops the run.
import { spawn } from 'node:child_process';
import { cpus } from 'node:os';

// A step is an npm script, or [label, command…]. The portal is built once, in stage 1: `test:e2e` alone builds it
// too, but here the integration run's local-stack test serves the same web/dist while e2e would rebuild (and empty)
// it, and a clean clone would build it twice.
const STAGES = [
  ['typecheck', 'lint', 'test:unit', 'test:infra', 'build:web'],
  ['test:int', ['test:e2e', 'npx', 'vitest', 'run', '--project', 'e2e']],
];
const width = Math.max(2, Math.min(cpus().length, 4));

// Each step runs under bash, whose `times` then reports the CPU (user + system) of everything the step ran and waited
// for: vitest, its workers, DynamoDB Local's JVM, Chromium. On fd 3, so the step's own output is untouched. The CPU
// is the number to compare between runs on a shared machine (docs/testing.md), and its sum over the steps ÷ the
// cores is the floor of the run's wall time.
const TIMED = 'code=0; "$@" || code=$?; times >&3; exit $code';
const seconds = (t) => {
  const m = /^(\d+)m([\d.]+)s$/.exec(t);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
};

function run(step) {
  const [script, command, ...args] = Array.isArray(step) ? step : [step, 'npm', 'run', '-s', step];
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', TIMED, 'bash', command, ...args], {
      env: { ...process.env, FORCE_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    const out = [];
    const times = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.stdio[3].on('data', (d) => times.push(d));
    child.on('close', (code) => {
      const wall = ((Date.now() - started) / 1000).toFixed(0);
      // `times` prints the shell's user and system time, then its children's: the second line is the step's.
      const [user = '', sys = ''] = (Buffer.concat(times).toString().trim().split('\n')[1] ?? '').split(/\s+/);
      const cpu = (seconds(user) + seconds(sys)).toFixed(0);
      process.stdout.write(Buffer.concat(out));
      console.log(
        `\n── ${script}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${wall} s (CPU ${cpu} s) ──\n`,
      );
      resolve({ script, code, seconds: wall, cpu });
    });
  });
}

async function stage(scripts) {
  const queue = [...scripts];
  const results = [];
  const worker = async () => {
    for (let s = queue.shift(); s; s = queue.shift()) results.push(await run(s));
  };
  await Promise.all(Array.from({ length: Math.min(width, scripts.length) }, worker));
  return results;
}

const started = Date.now();
const all = [];
for (const scripts of STAGES) {
  console.log(`── running ${scripts.map((s) => (Array.isArray(s) ? s[0] : s)).join(', ')} ──`);
  const results = await stage(scripts);
  all.push(...results);
  if (results.some((r) => r.code !== 0)) break;
}
const failed = all.filter((r) => r.code !== 0);
const status = (r) => (r.code === 0 ? 'ok    ' : 'FAILED');
console.log(
  all
    .map((r) => `${r.script.padEnd(11)} ${status(r)} ${r.seconds.padStart(4)} s  CPU ${r.cpu.padStart(4)} s`)
    .join('\n'),
);
const total = ((Date.now() - started) / 1000).toFixed(0);
const cpu = all.reduce((sum, r) => sum + Number(r.cpu), 0);
console.log(
  `npm test: ${failed.length === 0 ? 'passed' : `${failed.length} failed`} in ${total} s, ` +
    `CPU ${cpu} s on ${cpus().length} cores (${(cpu / cpus().length).toFixed(0)} s of wall at the least)`,
);
process.exit(failed.length === 0 ? 0 : 1);
