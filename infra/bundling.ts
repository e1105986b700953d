import type { BuildOptions } from 'esbuild';
import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

/**
 * How every Lambda is bundled. `handlerFunction` hands these to NodejsFunction and
 * `npm run bench:cold` hands the same ones to esbuild, so the bench measures what is deployed.
 */
export const LAMBDA_BUNDLE = {
  target: 'node22',
  minify: true,
  sourcemap: true,
  // Stack traces need only the mappings: the sources' text made the map 4× the bundle, and Node
  // reads and parses the whole map at import under --enable-source-maps (tens of ms per cold start).
  sourcesContent: false,
  // Prefer the ESM build of dependencies that ship both, for tree shaking.
  mainFields: ['module', 'main'],
  // CommonJS dependencies bundled into an ESM file still call `require`.
  banner: "import { createRequire } from 'module';const require = createRequire(import.meta.url);",
  // The Node 22 runtime ships SDK v3: smaller bundles and faster cold starts.
  external: ['@aws-sdk/*'],
} as const;

/** Node flags of every function: stack traces point into the TypeScript sources. */
export const LAMBDA_NODE_OPTIONS = '--enable-source-maps';

/** {@link LAMBDA_BUNDLE} as NodejsFunction's `bundling` (it adds `--bundle --platform=node`). */
export const nodejsBundling = (afterBundling?: (outputDir: string) => string[]): BundlingOptions => ({
  format: OutputFormat.ESM,
  target: LAMBDA_BUNDLE.target,
  minify: LAMBDA_BUNDLE.minify,
  sourceMap: LAMBDA_BUNDLE.sourcemap,
  sourcesContent: LAMBDA_BUNDLE.sourcesContent,
  mainFields: [...LAMBDA_BUNDLE.mainFields],
  banner: LAMBDA_BUNDLE.banner,
  externalModules: [...LAMBDA_BUNDLE.external],
  ...(afterBundling
    ? {
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (_inputDir: string, outputDir: string) => afterBundling(outputDir),
        },
      }
    : {}),
});

/**
 * {@link LAMBDA_BUNDLE} as esbuild's JS API options, with the flags NodejsFunction adds itself.
 *
 * @example
 * await build({ ...esbuildOptions(ENTRIES.api, '.cache/api/index.mjs'), metafile: true });
 */
export const esbuildOptions = (entry: string, outfile: string): BuildOptions => ({
  entryPoints: [entry],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: LAMBDA_BUNDLE.target,
  minify: LAMBDA_BUNDLE.minify,
  sourcemap: LAMBDA_BUNDLE.sourcemap,
  sourcesContent: LAMBDA_BUNDLE.sourcesContent,
  mainFields: [...LAMBDA_BUNDLE.mainFields],
  banner: { js: LAMBDA_BUNDLE.banner },
  external: [...LAMBDA_BUNDLE.external],
});
