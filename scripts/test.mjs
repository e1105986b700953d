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

function run(step) {
  const [script, command, ...args] = Array.isArray(step) ? step : [step, 'npm', 'run', '-s', step];
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, FORCE_COLOR: '1' } });
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('close', (code) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(0);
      process.stdout.write(Buffer.concat(out));
      console.log(`\n── ${script}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds} s ──\n`);
      resolve({ script, code, seconds });
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
console.log(all.map((r) => `${r.script.padEnd(11)} ${status(r)} ${r.seconds.padStart(4)} s`).join('\n'));
const total = ((Date.now() - started) / 1000).toFixed(0);
console.log(`npm test: ${failed.length === 0 ? 'passed' : `${failed.length} failed`} in ${total} s`);
process.exit(failed.length === 0 ? 0 : 1);
