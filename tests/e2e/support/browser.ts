import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { readableText, technicalTokens } from './technical';

export const SCREENSHOTS = fileURLToPath(new URL('../screenshots/', import.meta.url));
export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 360, height: 780 };

/** One person at one browser: a context of their own, so no cookie or session storage is shared. */
export interface BrowserUser {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

// One Chromium for the whole run (../global-setup.ts), one connection to it per test file,
// shared by the file's users: a context is as separate as a profile (cookies, storage, cache)
// and costs a fraction of a browser launch on a busy machine.
let shared: { browser: Promise<Browser>; users: number } | undefined;

/**
 * Opens a browser context for one user in the run's one Chromium (this file connects on the
 * first call and disconnects with its last user; the browser itself lives until the run ends).
 *
 * @example
 * const newcomer = await openBrowser(); await newcomer.page.goto(stack.url);
 */
export async function openBrowser(): Promise<BrowserUser> {
  shared ??= { browser: chromium.connect(inject('e2e').browser), users: 0 };
  const mine = shared;
  mine.users += 1;
  const context = await (
    await mine.browser
  ).newContext({ viewport: DESKTOP, locale: 'en-IN', timezoneId: 'Asia/Kolkata' });
  const page = await context.newPage();
  // Room for a busy machine (integration runs beside e2e in `npm test`); a real failure still fails.
  page.setDefaultTimeout(30_000);
  return {
    context,
    page,
    async close() {
      await context.close();
      mine.users -= 1;
      if (mine.users === 0) {
        if (shared === mine) shared = undefined;
        // On a connected browser, close() drops this file's contexts and disconnects; Chromium stays.
        await (await mine.browser).close();
      }
    },
  };
}

/**
 * Saves the page as `tests/e2e/screenshots/<name>-desktop.png` and `<name>-360.png` (full
 * page, git-ignored), checks that nothing scrolls sideways at 360 px and that no technical token
 * (`./technical.ts`) shows, then puts the viewport back as it was.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const before = page.viewportSize() ?? DESKTOP;
  await page.setViewportSize(DESKTOP);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-360.png`), fullPage: true });
  // Nothing may stick out sideways at 360 px: that is the phone a cluster's firm owner carries.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${name} scrolls sideways at 360 px`).toBeLessThanOrEqual(0);
  // Nor may it show a word of the machinery (basis points, paise, field names, ids, codes).
  expect(technicalTokens(await readableText(page)), `${name} shows technical tokens`).toEqual([]);
  await page.setViewportSize(before);
}

/**
 * Runs axe on the page as it is and fails on any serious or critical violation, listing
 * each rule with the elements it caught.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Legacy mode runs axe inside the page itself. The default mode merges results across
  // frames in a fresh page it opens per run, which costs seconds on a busy machine; the
  // portal has no frames, so both see the same document.
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ` +
        `${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)} ${n.failureSummary ?? ''}`).join(', ')}`,
    );
  expect(bad, `axe on ${label}`).toEqual([]);
}
