import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** One timed import: wall-clock ms, and CPU ms of the process meanwhile (less disturbed by a busy machine). */
export interface ImportTime {
  wallMs: number;
  cpuMs: number;
}

/**
 * Imports a module in a fresh `node` process, as the Lambda runtime does at a cold start, and
 * times the import (with its top-level awaits). Node's own start-up is left out: it is the same
 * for every function.
 */
export function importTime(file: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): ImportTime {
  const script =
    'const c = process.cpuUsage(); const t = performance.now();' +
    `const m = await import(${JSON.stringify(pathToFileURL(file).href)});` +
    'const wallMs = performance.now() - t; const { user, system } = process.cpuUsage(c);' +
    "if (typeof m.handler !== 'function') throw new Error('no handler export');" +
    'process.stdout.write(JSON.stringify({ wallMs, cpuMs: (user + system) / 1000 }));';
  const out = execFileSync(process.execPath, [...nodeArgs, '--input-type=module', '-e', script], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out) as ImportTime;
}

/**
 * The baseline a bundle is compared with: a handler that imports the same SDK clients and does
 * nothing else. Written beside the bundle so it resolves the same `@aws-sdk/*` packages.
 */
export async function writeBareHandler(dir: string, sdkModules: readonly string[]): Promise<string> {
  const file = join(dir, 'bare.mjs');
  const imports = sdkModules.map((m) => `import ${JSON.stringify(m)};`).join('\n');
  await writeFile(file, `${imports}\nexport const handler = async () => ({});\n`);
  return file;
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
