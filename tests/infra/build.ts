import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { awsSolutionsChecks } from '../../infra/nag';
import { fromRoot } from '../../infra/paths';
import { BdsExchangeStack, stackNameFor } from '../../infra/stack';
import { readConfig } from '../../infra/stage';

/** The feature flags and defaults `cdk synth` uses, so tests synthesize the same template. */
const cdkJson = JSON.parse(readFileSync(fromRoot('cdk.json'), 'utf8')) as { context: Record<string, unknown> };

/** A portal folder as `npm run build:web` leaves it, or an empty one (portal not built). */
export function portalDir(built: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'bds-web-dist-'));
  if (built) {
    mkdirSync(join(dir, 'assets'));
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>',
    );
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("portal")');
    writeFileSync(join(dir, 'config.json'), '{"apiUrl":"","stage":"local"}');
  }
  return dir;
}

/**
 * Builds the app as infra/app.ts does (context from cdk.json plus `context`), in-process
 * and without bundling the functions. The nag pack is created but not registered as a
 * plugin, so a finding fails the nag test with its list rather than every synthesis here.
 */
export function buildStack(context: Record<string, unknown> = {}, options: { portalBuilt?: boolean } = {}) {
  const app = new App({ context: { ...cdkJson.context, 'aws:cdk:bundling-stacks': [], ...context } });
  const checks = awsSolutionsChecks(app);
  const config = readConfig(app);
  const webDist = portalDir(options.portalBuilt ?? false);
  try {
    const stack = new BdsExchangeStack(app, stackNameFor(config.stage), { config, webDist });
    const template = Template.fromStack(stack);
    return { app, stack, checks, template };
  } finally {
    rmSync(webDist, { recursive: true, force: true });
  }
}

type Resource = {
  Type: string;
  Properties: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
  DependsOn?: string[];
};

/** The template's resources of one type, by logical id. */
export const resourcesOf = (template: Template, type: string): Array<[string, Resource]> =>
  Object.entries(template.findResources(type) as Record<string, Resource>);

/** The logical id a `{ Ref }` or `{ Fn::GetAtt }` points at. */
export function targetOf(value: unknown): string {
  const v = value as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  const id = v.Ref ?? v['Fn::GetAtt']?.[0];
  if (!id) throw new Error(`not a reference: ${JSON.stringify(value)}`);
  return id;
}
