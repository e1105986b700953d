import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// esbuild shakes zod only through a namespace import; `{ z }` brings all of it (issue 15).
const eslint = new ESLint({ cwd: new URL('../../..', import.meta.url).pathname });
const errorsFor = async (code: string, filePath: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) => m.severity === 2).map((m) => m.ruleId);

const FILES = ['functions/api/routes/leak.ts', 'functions/workers/leak.ts', 'packages/core/src/leak.ts'];

describe('zod imports', () => {
  it.each(FILES)('%s may not import zod by name', async (file) => {
    expect(await errorsFor("import { z } from 'zod';\nexport const s = z.string();", file)).toContain(
      'no-restricted-syntax',
    );
    expect(await errorsFor("import z from 'zod';\nexport const s = z.string();", file)).toContain(
      'no-restricted-syntax',
    );
  });

  it.each(FILES)('%s imports zod as a namespace', async (file) => {
    expect(await errorsFor("import * as z from 'zod';\nexport const s = z.string();", file)).toEqual([]);
    expect(await errorsFor("import type * as z from 'zod';\nexport type S = z.ZodString;", file)).toEqual([]);
  });
});
