import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The layer rules live in eslint.config.js; these tests prove they fire, so the check can fail.
const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });
const errorsFor = async (code: string, filePath: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId);

describe('dependency rules', () => {
  it.each([
    ["import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const c = DynamoDBClient;", 'no-restricted-imports'],
    ["import { Hono } from 'hono';\nexport const h = Hono;", 'no-restricted-imports'],
    ["import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", 'no-restricted-imports'],
    ['export const table = process.env.TABLE_NAME;', 'no-restricted-properties'],
  ])('core refuses %s', async (code, rule) => {
    expect(await errorsFor(code, 'packages/core/src/leak.ts')).toContain(rule);
  });

  it('core may import zod and itself', async () => {
    expect(await errorsFor("import { z } from 'zod';\nimport { money } from './money';\nexport const s = [z, money];", 'packages/core/src/ok.ts')).toEqual([]);
  });

  it('infra refers to handlers by path and never imports them', async () => {
    expect(await errorsFor("import { handler } from '../functions/api/handler';\nexport const h = handler;", 'infra/leak.ts')).toContain('no-restricted-imports');
  });
});
