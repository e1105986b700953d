import { describe, expect, it } from 'vitest';
import { esbuildOptions, LAMBDA_BUNDLE, nodejsBundling } from '../../infra/bundling';

describe('Lambda bundling options', () => {
  it('gives the bench (esbuild) and NodejsFunction the same options', () => {
    // Prepare
    const entry = '/repo/functions/api/lambda/accounts.ts';

    // Act
    const deployed = nodejsBundling();
    const bench = esbuildOptions(entry, '/tmp/out/index.mjs');

    // Assess
    expect(bench).toMatchObject({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: deployed.format,
      target: deployed.target,
      minify: deployed.minify,
      sourcemap: deployed.sourceMap,
      sourcesContent: deployed.sourcesContent,
      mainFields: deployed.mainFields,
      banner: { js: deployed.banner },
      external: deployed.externalModules,
    });
    expect(deployed.externalModules).toEqual(['@aws-sdk/*']);
    expect(LAMBDA_BUNDLE.target).toBe('node22');
  });
});
