import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cruise, type ICruiseOptions, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';

// The rules live in .dependency-cruiser.mjs (run by `npm run lint`); these tests cruise small trees shaped
// like the repo with the same rules, so each rule is shown to fire and the allowed directions to pass.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const fixtures = fileURLToPath(new URL('../../fixtures/architecture/', import.meta.url));
const options: Promise<ICruiseOptions> = extractDepcruiseOptions(`${root}.dependency-cruiser.mjs`);

async function violationsIn(tree: string): Promise<Array<{ rule: string; from: string; to: string }>> {
  const { output } = await cruise(['.'], { ...(await options), baseDir: `${fixtures}${tree}` });
  return (output as ICruiseResult).summary.violations.map(({ rule, from, to }) =>
    // A cycle has no first module: name its ends in path order, so the table below can too.
    rule.name === 'no-circular' && to < from ? { rule: rule.name, from: to, to: from } : { rule: rule.name, from, to },
  );
}

describe('dependency rules (dependency-cruiser)', () => {
  const found = violationsIn('violations');

  it.each([
    ['no-circular', 'packages/core/src/a.ts', 'packages/core/src/b.ts'],
    ['no-circular', 'packages/core/src/rule.ts', 'packages/core/src/shape.ts'],
    ['adapters-not-api', 'functions/adapters/store.ts', 'functions/api/route.ts'],
    ['workers-not-api', 'functions/workers/handler.ts', 'functions/api/route.ts'],
    ['use-cases-not-callers', 'functions/use-cases/close.ts', 'functions/workers/handler.ts'],
    ['core-imports-nothing-outside', 'packages/core/src/leak.ts', 'functions/api/route.ts'],
    ['infra-not-functions', 'infra/stack.ts', 'functions/adapters/store.ts'],
    ['web-not-functions', 'web/src/page.ts', 'functions/api/route.ts'],
    ['web-no-core-runtime', 'web/src/rules.ts', 'packages/core/src/index.ts'],
  ])('%s fires on %s → %s', async (rule, from, to) => {
    expect(await found).toContainEqual({ rule, from, to });
  });

  it('every rule in the configuration has a fixture that breaks it', async () => {
    const rules = (await options).ruleSet?.forbidden?.map((r) => r.name) ?? [];
    expect(new Set((await found).map((v) => v.rule))).toEqual(new Set(rules));
  });

  it('the allowed directions pass: callers → use cases → adapters → core; web → core types', async () => {
    expect(await violationsIn('allowed')).toEqual([]);
  });
});
