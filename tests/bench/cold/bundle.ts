import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { esbuildOptions } from '../../../infra/bundling';
import { REPO_ROOT } from '../../../infra/paths';

/** What one Lambda's bundle weighs, and what weighs most in it. */
export interface BundleStats {
  name: string;
  /** The bundle (`index.mjs`) as NodejsFunction writes it. */
  file: string;
  bytes: number;
  gzipBytes: number;
  /** The source map shipped beside it (the function sets `--enable-source-maps`). */
  mapBytes: number;
  /** Output bytes by package folder (`zod/v4/locales`) or source folder (`functions/api/routes`), largest first. */
  contributors: { name: string; bytes: number }[];
  /** The external modules it imports at load: the AWS SDK clients the runtime provides. */
  sdkModules: string[];
}

/**
 * The folder an input is counted under: two levels inside a package (`zod/v4/locales`,
 * `hono/dist/utils`), three in the repository (`functions/api/routes`).
 */
export function contributorOf(input: string): string {
  const path = relative(REPO_ROOT, input).replaceAll('\\', '/');
  const inPackage = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path);
  if (inPackage) {
    const folders = dirname(inPackage[2]!)
      .split('/')
      .filter((s) => s !== '.');
    return [inPackage[1], ...folders.slice(0, 2)].join('/');
  }
  return dirname(path).split('/').slice(0, 3).join('/');
}

/**
 * Bundles one entry with the deployed esbuild options into `dir`, beside its metafile
 * (`index.meta.json`, for esbuild's analyzer), and measures it.
 *
 * @example
 * const stats = await bundleLambda('Api', ENTRIES.api, '.cache/bench-cold/Api');
 */
export async function bundleLambda(name: string, entry: string, dir: string): Promise<BundleStats> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'index.mjs');
  const result = await build({ ...esbuildOptions(entry, file), metafile: true, logLevel: 'warning' });
  const metafile: Metafile = result.metafile!;
  await writeFile(join(dir, 'index.meta.json'), JSON.stringify(metafile));
  const output = Object.entries(metafile.outputs).find(([path]) => path.endsWith('index.mjs'))![1];
  const byFolder = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const key = contributorOf(join(process.cwd(), input));
    byFolder.set(key, (byFolder.get(key) ?? 0) + bytesInOutput);
  }
  const code = await readFile(file);
  return {
    name,
    file,
    bytes: code.length,
    gzipBytes: gzipSync(code).length,
    mapBytes: (await readFile(`${file}.map`)).length,
    contributors: [...byFolder].map(([n, bytes]) => ({ name: n, bytes })).sort((a, b) => b.bytes - a.bytes),
    sdkModules: [
      ...new Set(output.imports.filter((i) => i.external && i.path.startsWith('@aws-sdk/')).map((i) => i.path)),
    ],
  };
}
