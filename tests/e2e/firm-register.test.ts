import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from './support/api';
import { expectAccessible, openBrowser, screenshot, type BrowserUser } from './support/browser';
import { sharedStack } from './support/stack';
import { heading, navLink, signInUi, textOf, unique } from './support/ui';

/**
 * Issue 18, the association's register: searched by name with the search in the address, counted, and a firm name
 * already in the register warned of before a second one is added.
 */
describe('the member-firm register: search, count and duplicate names', () => {
  const stack = sharedStack();
  let rep: BrowserUser;
  const tag = unique();
  const name = `Searchable Knits ${tag}`;

  beforeAll(async () => {
    rep = await openBrowser();
  });
  afterAll(() => rep?.close());

  it('adds a firm, finds it by a search kept in the address, and warns before a second of the same name', async () => {
    // Prepare
    const { page } = rep;
    await signInUi(page, stack.url, DEMO.knidgro);
    await navLink(page, 'Member firms').click();
    await heading(page, 'Member firms').waitFor();
    const add = async (firm: string) => {
      await page.getByLabel('Firm name').fill(firm);
      await page.getByLabel('Employees').fill('8');
    };
    await add(name);
    await page.getByRole('button', { name: 'Add the firm' }).click();
    await page.getByText(`${name} is in the register.`).first().waitFor();

    // Act: search by a part of the name
    await page.getByLabel('Search the register by name').fill(tag);

    // Assess: the address keeps the search, the count says how many match
    await page.waitForURL(new RegExp(`[?&]q=${tag}`));
    expect(await textOf(page.locator('.firm-count'))).toMatch(new RegExp(`^1 of \\d+ firms match “${tag}”$`));
    await page.reload();
    await page.locator('.firm-list').getByText(name).waitFor();
    expect(await page.getByLabel('Search the register by name').inputValue()).toBe(tag);

    // Act: the same name again, written differently
    await add(`  ${name.toUpperCase()} `);
    await page.getByRole('button', { name: 'Add the firm' }).click();

    // Assess: warned, nothing added yet
    const warning = page.getByRole('alert').filter({ hasText: 'already has a firm named' });
    await warning.waitFor();
    expect(await textOf(page.locator('.firm-count'))).toMatch(/^1 of /);
    await expectAccessible(page, 'register with a duplicate warning');
    await screenshot(page, 'firms-duplicate');

    // Act: add it anyway
    await page.getByRole('button', { name: 'Add it anyway' }).click();

    // Assess
    await page
      .locator('.firm-count')
      .filter({ hasText: /^2 of / })
      .waitFor();
  });
});
