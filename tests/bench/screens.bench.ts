/**
 * False positives of the collusion and capture screens (issue 13): runs every screen on 10,000
 * generated honest markets (tests/unit/screens/markets.ts) and counts the markets each screen
 * flags. Writes bench/results/screens.md. `npm run bench:screens [markets]`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { ScreenKind, runScreens } from '../../packages/core/src/screens';
import { DEFAULT_PROVIDER_SHARE_THRESHOLD_PERCENT } from '../../packages/core/src/identity/cluster-policy';
import { honestMarket } from '../unit/screens/markets';

const markets = Number(process.argv[2] ?? 10_000);
const policy = { providerShareThresholdBp: DEFAULT_PROVIDER_SHARE_THRESHOLD_PERCENT * 100 };
const flagged = new Map<string, number>(ScreenKind.options.map((k) => [k, 0]));
let any = 0;
let requests = 0;
const started = performance.now();
for (let seed = 1; seed <= markets; seed++) {
  const market = honestMarket(seed);
  requests += market.length;
  const kinds = new Set(runScreens(market, policy).map((f) => f.kind));
  if (kinds.size > 0) any++;
  for (const k of kinds) flagged.set(k, flagged.get(k)! + 1);
}
const ms = performance.now() - started;
const pct = (n: number) => `${((100 * n) / markets).toFixed(2)} %`;
const rows = [...flagged].map(([k, n]) => `| ${k} | ${n} | ${pct(n)} |`);
const text = [
  '# Screens: false positives on honest markets',
  '',
  `${markets} generated honest markets (seeds 1–${markets}, ${requests} closed requests; generator in`,
  '`tests/unit/screens/markets.ts`), default provider-share threshold ' +
    `${DEFAULT_PROVIDER_SHARE_THRESHOLD_PERCENT} %. A market counts once per screen that flags it.`,
  '',
  '| screen | markets flagged | false-positive rate |',
  '|---|---|---|',
  ...rows,
  `| any | ${any} | ${pct(any)} |`,
  '',
  `Run time: ${Math.round(ms)} ms (${new Date().toISOString().slice(0, 10)}).`,
  '',
].join('\n');
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/screens.md', text);
process.stdout.write(text);
