import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The layer rules live in eslint.config.js; these tests prove they fire, so the check can fail.
const eslint = new ESLint({ cwd: new URL('../../..', import.meta.url).pathname });
const errorsFor = async (code: string, filePath: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId);

describe('dependency rules', () => {
  it.each([
    [
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';\nexport const c = DynamoDBClient;",
      'no-restricted-imports',
    ],
    ["import { Hono } from 'hono';\nexport const h = Hono;", 'no-restricted-imports'],
    ["import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", 'no-restricted-imports'],
    ['export const table = process.env.TABLE_NAME;', 'no-restricted-properties'],
  ])('core refuses %s', async (code, rule) => {
    expect(await errorsFor(code, 'packages/core/src/leak.ts')).toContain(rule);
  });

  it('core may import zod and itself', async () => {
    expect(
      await errorsFor(
        "import * as z from 'zod';\nimport { money } from './money';\nexport const s = [z, money];",
        'packages/core/src/ok.ts',
      ),
    ).toEqual([]);
  });

  it('the portal takes only types from core, so zod never reaches its bundle', async () => {
    const file = 'web/src/pages/leak.ts';
    const rule = '@typescript-eslint/no-restricted-imports';
    expect(await errorsFor("import { Role } from '@bds/core';\nexport const r = Role;", file)).toContain(rule);
    expect(await errorsFor("import type { Role } from '@bds/core';\nexport type R = Role;", file)).toEqual([]);
    const rules = "import { INVITABLE } from '@bds/core/who-invites';\nexport const i = INVITABLE;";
    expect(await errorsFor(rules, file)).toEqual([]);
  });

  it('the portal never imports the API code: its API types are generated', async () => {
    const code = [
      "import type { SessionBody } from '../../../functions/api/auth/session';",
      'export type S = SessionBody;',
    ].join('\n');
    expect(await errorsFor(code, 'web/src/pages/x/leak.ts')).toContain('@typescript-eslint/no-restricted-imports');
  });

  it('infra refers to handlers by path and never imports them', async () => {
    expect(
      await errorsFor(
        "import { handler } from '../functions/api/lambda/accounts';\nexport const h = handler;",
        'infra/leak.ts',
      ),
    ).toContain('no-restricted-imports');
  });

  it.each([
    ['export const at = Date.now();', 'functions/api/routes/leak.ts'],
    ['export const now = Date.now;', 'functions/workers/request-events/handlers/leak.ts'],
    ['export const at = new Date().toISOString();', 'functions/adapters/dynamo/leak.ts'],
    ['export const at = new Date();', 'packages/core/src/leak.ts'],
  ])('time is read from the clock: %s in %s is refused', async (code, file) => {
    expect(await errorsFor(code, file)).toContain('no-restricted-syntax');
  });

  it('the system clock reads the time, and a Date made from an instant is not a reading', async () => {
    expect(await errorsFor('export const now = () => Date.now();', 'functions/adapters/system.ts')).toEqual([]);
    expect(await errorsFor('export const d = new Date(0);', 'functions/api/routes/ok.ts')).toEqual([]);
  });
});
