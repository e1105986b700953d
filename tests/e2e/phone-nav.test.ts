import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from './support/api';
import { expectAccessible, openBrowser, screenshot, type BrowserUser } from './support/browser';
import { sharedStack } from './support/stack';
import { heading, signInUi } from './support/ui';

/** A phone of the size: the navigation alone took about 455 of its 740 px. */
const PHONE_740 = { width: 360, height: 740 };

/**
 * Issue 18: on a phone the main navigation is a Menu button that opens the list of places, by touch or keyboard, and
 * closes on Escape or after a navigation. The provider has the most places of any role.
 */
describe('the navigation on a phone', () => {
  const stack = sharedStack();
  let provider: BrowserUser;

  beforeAll(async () => {
    provider = await openBrowser();
  });
  afterAll(() => provider?.close());

  it('is a Menu button, opened and closed by keyboard, and the header leaves most of the screen', async () => {
    // Prepare
    const { page } = provider;
    await signInUi(page, stack.url, DEMO.lict);
    await page.setViewportSize(PHONE_740);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const menu = nav.getByRole('button', { name: 'Menu' });
    const myBids = nav.getByRole('link', { name: 'My bids', exact: true });

    // Assess: closed, the places are out of sight and the header is short
    await menu.waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await myBids.isVisible()).toBe(false);
    const header = await page.locator('header.site-header').boundingBox();
    expect(header?.height ?? Infinity).toBeLessThan(PHONE_740.height / 4);
    await expectAccessible(page, 'phone, menu closed');

    // Act: open with the keyboard
    await menu.focus();
    await page.keyboard.press('Enter');

    // Assess
    await myBids.waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(page, 'phone, menu open');
    await screenshot(page, 'phone-menu-open');

    // Act: Escape closes it and gives the focus back to the button
    await myBids.focus();
    await page.keyboard.press('Escape');

    // Assess
    await myBids.waitFor({ state: 'hidden' });
    expect(await menu.evaluate((el) => el === document.activeElement)).toBe(true);

    // Act: open again and follow a place
    await menu.click();
    await myBids.click();

    // Assess: the page changed and the menu closed behind it
    await heading(page, 'My bids').waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
  });
});
