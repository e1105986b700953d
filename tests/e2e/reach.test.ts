import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO } from './support/api';
import { openBrowser, type BrowserUser } from './support/browser';
import { sharedStack } from './support/stack';
import { readableText, technicalTokens } from './support/technical';
import { signInUi } from './support/ui';

/** Pages per role: enough for every kind of page a role reaches, bounded on a shared machine. */
const MAX_PAGES = 30;
const ERROR_TEXTS = ['Something went wrong', 'No such cluster', 'Page not found'];

/**
 * One page of each kind: a request's or a programme's id collapses (every request page is the
 * same code), a cluster's does not (the failures were other clusters' pages).
 */
const kindOf = (path: string): string =>
  path.replace(/\/requests\/(?!new)[^/?]+/, '/requests/:id').replace(/\/programmes\/(?!new)[^/?]+/, '/programmes/:id');

async function linksOn(page: Page, origin: string): Promise<string[]> {
  const hrefs = await page.$$eval('main a[href], header a[href]', (as) =>
    as.filter((a) => !a.hasAttribute('download')).map((a) => (a as HTMLAnchorElement).href),
  );
  return hrefs
    .map((h) => new URL(h))
    .filter((u) => u.origin === origin && !u.pathname.startsWith('/api/'))
    .map((u) => `${u.pathname}${u.search}`);
}

/**
 * Follows every link reachable from a role's home page and reports each API answer of 400 or
 * more, each page that shows an error and each technical token a page shows (`support/technical.ts`).
 */
async function crawl(page: Page, base: string): Promise<{ visited: string[]; failures: string[] }> {
  const failures: string[] = [];
  let here = '/';
  page.on('response', (res) => {
    if (res.status() >= 400) failures.push(`${here}: ${res.request().method()} ${res.url()} → ${res.status()}`);
  });
  const origin = new URL(base).origin;
  const queue = ['/'];
  const seen = new Set(queue.map(kindOf));
  const visited: string[] = [];
  while (queue.length > 0 && visited.length < MAX_PAGES) {
    here = queue.shift() ?? '/';
    visited.push(here);
    await page.goto(`${base}${here}`, { waitUntil: 'networkidle' });
    await page.locator('main h1').first().waitFor();
    const body = await page.locator('main').innerText();
    for (const text of ERROR_TEXTS) if (body.includes(text)) failures.push(`${here}: shows “${text}”`);
    for (const token of technicalTokens(await readableText(page))) failures.push(`${here}: shows ${token}`);
    for (const link of await linksOn(page, origin)) {
      if (seen.has(kindOf(link))) continue;
      seen.add(kindOf(link));
      queue.push(link);
    }
  }
  return { visited, failures };
}

// The roles crawl side by side, each in a browser context of its own: a crawl mostly waits for
// the network to go quiet on each page, so seven in a row took most of the e2e run.
describe.concurrent('every page a role can reach from its home page works', () => {
  const stack = sharedStack();

  it.each(Object.entries(DEMO))(
    'for %s (%s)',
    async (_role, email) => {
      // Prepare: a browser of its own, signed in
      const user: BrowserUser = await openBrowser();
      try {
        await signInUi(user.page, stack.url, email);

        // Act
        const { visited, failures } = await crawl(user.page, stack.url);

        // Assess
        expect(visited.length).toBeGreaterThan(1);
        expect(failures, `visited ${visited.join(', ')}`).toEqual([]);
      } finally {
        await user.close();
      }
    },
    240_000,
  );
});
