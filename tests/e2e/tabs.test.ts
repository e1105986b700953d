import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from './support/api';
import { openBrowser, type BrowserUser } from './support/browser';
import { sharedStack } from './support/stack';
import { heading, navLink, signInUi } from './support/ui';

/**
 * Issue 18: the session lived in one tab's session storage, so a link opened in a new tab signed the person out. The
 * portal's tabs now hand the session to a new tab and follow each other's sign-out (docs/identity.md).
 */
describe('a session across the tabs of one browser', () => {
  const stack = sharedStack();
  let rep: BrowserUser;

  beforeAll(async () => {
    rep = await openBrowser();
  });
  afterAll(() => rep?.close());

  it('a link opened in a new tab stays signed in; signing out in one tab signs out every tab', async () => {
    // Prepare
    const { page, context } = rep;
    await signInUi(page, stack.url, DEMO.knidgro);

    // Act: the member register opened with Ctrl+click, as a person opens a second tab
    const opened = context.waitForEvent('page');
    await navLink(page, 'Member firms').click({ modifiers: ['ControlOrMeta'] });
    const second = await opened;
    await second.waitForLoadState();

    // Assess: the new tab shows the page itself, signed in, not the sign-in page
    await heading(second, 'Member firms').waitFor();
    expect(await second.getByRole('button', { name: 'Sign out' }).count()).toBe(1);

    // Act: a third tab typed by hand, then sign-out in the first
    const third = await context.newPage();
    await third.goto(`${stack.url}/account`);
    await heading(third, 'Your account').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();

    // Assess: the other tabs follow without a reload, and a new tab finds no session
    await heading(third, 'Sign in').waitFor();
    await heading(second, 'Sign in').waitFor();
    const fourth = await context.newPage();
    await fourth.goto(`${stack.url}/account`);
    await heading(fourth, 'Sign in').waitFor();
  });
});
