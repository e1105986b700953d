import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/paths';

const run = promisify(execFile);

/**
 * The environment of a machine with no AWS account: no credentials, no instance metadata.
 * CDK's built-in CloudFormation validation is off here (about half this synth's CPU): it
 * already runs on the same template in stack.test.ts. cdk-nag still runs.
 */
function offlineEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_') && !key.startsWith('CDK_')),
  );
  return {
    ...env,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_EC2_METADATA_DISABLED: 'true',
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    CDK_VALIDATION: 'false',
  };
}

type Template = {
  Resources: Record<string, { Type: string; Properties: { Code?: { S3Key?: string }; Runtime?: string } }>;
};

describe('npx cdk synth', () => {
  // Its own output folder, so a developer's cdk.out (perhaps about to be deployed) is left alone.
  const out = mkdtempSync(join(tmpdir(), 'bds-cdk-out-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('synthesizes offline, bundling every function with the local esbuild', async () => {
    // Prepare
    const started = Date.now();

    // Act
    await run('npx', ['cdk', 'synth', '-q', '--no-notices', '--output', out], {
      cwd: REPO_ROOT,
      env: offlineEnv(),
      timeout: 120_000,
    });
    const seconds = (Date.now() - started) / 1000;

    // Assess
    const template = JSON.parse(readFileSync(join(out, 'BdsExchange-dev.template.json'), 'utf8')) as Template;
    const functions = Object.entries(template.Resources).filter(
      ([, r]) => r.Type === 'AWS::Lambda::Function' && r.Properties.Runtime === 'nodejs22.x',
    );
    const bundles: { id: string; kb: number; budget: number }[] = [];
    expect(functions.length).toBeGreaterThanOrEqual(2);
    for (const [id, fn] of functions) {
      const asset = join(out, `asset.${fn.Properties.Code?.S3Key?.replace(/\.zip$/, '')}`);
      const bundle = join(asset, 'index.mjs');
      expect(existsSync(bundle), bundle).toBe(true);
      expect(statSync(bundle).size).toBeGreaterThan(0);
      expect(readFileSync(bundle, 'utf8')).toMatch(/^import \{ createRequire \} from 'module';/);
      expect(existsSync(join(asset, 'index.mjs.map'))).toBe(true);
      // Issue 15's budget: 300 KB each. The API is one function per route group (infra/api.ts): as one
      // function it had reached 436 KB. A zod imported as `{ z }` again would add about 370 KB to each.
      bundles.push({ id, kb: statSync(bundle).size / 1024, budget: 300 });
    }
    for (const b of bundles) expect(b.kb, b.id).toBeLessThanOrEqual(b.budget);
    // The reference function serves the OpenAPI document built at build time, shipped beside its bundle.
    const reference = functions.filter(([id]) => id.startsWith('ApiReference'));
    expect(reference).toHaveLength(1);
    const asset = join(out, `asset.${reference[0]![1].Properties.Code?.S3Key?.replace(/\.zip$/, '')}`);
    const document = JSON.parse(readFileSync(join(asset, 'openapi.json'), 'utf8')) as { paths: object };
    expect(Object.keys(document.paths)).toContain('/api/clusters/{clusterId}/requests');
    expect(Object.keys(document.paths)).not.toContain('/api/outbox');
    console.info(`cdk synth: ${seconds.toFixed(1)} s`);
  });
});
