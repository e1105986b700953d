// Fails when a source line is over 120 characters (Prettier cannot break comments or strings). Files not yet
// added to git are read too (not ignored ones), so a new file fails here before it is committed.
// Generated files and copied schemas are skipped: they are not ours to lay out.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const MAX = 120;
const SKIP = [/^web\/src\/api\/generated\//, /^tests\/fixtures\//, /^docs\/ocds-extension\//];
const files = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', '*.ts', '*.tsx', '*.js', '*.mjs', '*.css', '*.html'],
  {
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter((f) => f && existsSync(f) && !SKIP.some((re) => re.test(f)));

const long = [];
for (const file of files) {
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const length = [...line].length;
      if (length > MAX) long.push(`${file}:${i + 1}: ${length} characters`);
    });
}
if (long.length > 0) {
  console.error(`${long.length} line(s) over ${MAX} characters:\n${long.join('\n')}`);
  process.exit(1);
}
console.log(`line length: ${files.length} files, no line over ${MAX} characters`);
