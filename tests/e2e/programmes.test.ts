import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, openBrowser, screenshot, type BrowserUser } from './support/browser';
import { DEMO } from './support/api';
import { sharedStack } from './support/stack';
import { heading, navLink, signInUi, textOf, unique } from './support/ui';

/**
 * Journey (c): a funder creates a subsidy programme with the paper's tapering schedule, typed as
 * percentages (a rising schedule is refused next to its field), deposits into it, and reads the
 * funds and the statement. Nothing is set up through the API.
 */
describe('a funder creates a programme and deposits', () => {
  const stack = sharedStack();
  let funder: BrowserUser;
  const name = `Punjab knitwear BDS fund ${unique()}`;

  beforeAll(async () => {
    funder = await openBrowser();
  });

  afterAll(async () => {
    await funder?.close();
  });

  it('creates a programme, schedule entered as percentages', async () => {
    // Prepare
    const { page } = funder;
    await signInUi(page, stack.url, DEMO.sidbi);
    await expectAccessible(page, 'funder home');
    await screenshot(page, 'home-funder');
    await navLink(page, 'Programmes').click();
    await heading(page, 'Programmes').waitFor();
    await page.getByRole('link', { name: 'SIDBI cluster BDS co-financing (national)' }).waitFor();
    await expectAccessible(page, 'programmes');
    await screenshot(page, 'programmes');

    // Act: a schedule that rises is refused
    await page.getByRole('link', { name: 'Create a programme' }).first().click();
    await heading(page, 'Create a programme').waitFor();
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Every cluster of one state').check();
    await page.getByLabel('State', { exact: true }).selectOption('Punjab');
    await page.getByLabel('Budget (₹)').fill('25,00,000');
    await page.getByLabel('Most per award (₹)').fill('2,00,000');
    await page.getByRole('group', { name: 'Eligible categories' }).getByLabel('Training').check();
    await page.getByRole('group', { name: 'Eligible categories' }).getByLabel(/IT/).check();
    await page.getByLabel('Share of the contract total by repeat award (%)').fill('50/60');
    await page.getByRole('button', { name: 'Create the programme' }).click();

    // Assess
    expect(await textOf(page.locator('#schedule-error'))).toMatch(/none higher than the one before/);
    await expectAccessible(page, 'new programme with error');
    await screenshot(page, 'programme-new');

    // Act
    await page.getByLabel('Share of the contract total by repeat award (%)').fill('50/38/26/7');
    await page.getByRole('button', { name: 'Create the programme' }).click();

    // Assess: sent as basis points, read back as percentages
    await heading(page, name).waitFor();
    await page.getByText('Programme created.').waitFor();
    expect(await textOf(page.locator('main'))).toContain('Share by repeat award: 50% / 38% / 26% / 7%');
  });

  it('deposits, and shows the funds and the statement', async () => {
    // Prepare
    const { page } = funder;
    const funds = page.getByRole('region', { name: 'Funds' });
    await page.getByRole('region', { name: 'Statement' }).getByText('No money has moved yet.').waitFor();

    // Act: nothing typed, then an amount and the bank's reference, confirmed
    await funds.getByRole('button', { name: 'Record a deposit…' }).click();
    await funds.getByRole('button', { name: 'Continue' }).click();
    expect(await textOf(page.locator('#amount-error'))).toMatch(/Enter an amount/);
    expect(await textOf(page.locator('#bankReference-error'))).toBe('Bank transaction reference (UTR) is required');
    await funds.getByLabel('Amount to deposit (₹)').fill('10,00,000');
    await funds.getByLabel('Bank transaction reference (UTR)').fill('sbin 5260 0712 3456');
    await funds.getByRole('button', { name: 'Continue' }).click();
    expect(await textOf(funds.locator('.confirm p'))).toContain('Record ₹10,00,000 into');
    expect(await textOf(funds.locator('.confirm p'))).toContain('bank reference SBIN526007123456');
    await funds.getByRole('button', { name: 'Yes, record the deposit' }).click();

    // Assess
    await funds.getByText('₹10,00,000 deposited.').waitFor();
    const available = funds
      .locator('.money-summary div')
      .filter({ hasText: /^Available/ })
      .locator('dd');
    expect(await textOf(available)).toBe('₹10,00,000');
    const statement = page.getByRole('region', { name: 'Statement' });
    await statement.getByText('Deposit: ₹10,00,000').waitFor();
    await statement.getByText('Bank reference SBIN526007123456').waitFor();
    await page
      .getByRole('region', { name: 'Where the money went' })
      .getByText('The programme co-finances no award yet.')
      .waitFor();
    await expectAccessible(page, 'programme with a deposit');
    await screenshot(page, 'programme');

    // Act: a second deposit adds up
    await funds.getByRole('button', { name: 'Record a deposit…' }).click();
    await funds.getByLabel('Amount to deposit (₹)').fill('2,50,000');
    await funds.getByLabel('Bank transaction reference (UTR)').fill('HDFC0000123987');
    await funds.getByRole('button', { name: 'Continue' }).click();
    await funds.getByRole('button', { name: 'Yes, record the deposit' }).click();

    // Assess
    await funds.getByText('₹2,50,000 deposited.').waitFor();
    expect(await textOf(available)).toBe('₹12,50,000');
    await navLink(page, 'Programmes').click();
    await page
      .getByRole('listitem')
      .filter({ hasText: name })
      .getByText(/₹12,50,000 available of ₹12,50,000 deposited/)
      .waitFor();
  });

  it('closes the programme after a confirmation', async () => {
    // Prepare
    const { page } = funder;
    await page.getByRole('link', { name }).click();
    const funds = page.getByRole('region', { name: 'Funds' });

    // Act
    await funds.getByRole('button', { name: 'Close the programme…' }).click();
    expect(await textOf(funds.getByText(/^Close “/))).toContain('the ₹12,50,000 not held is returned to you');
    await expectAccessible(page, 'close confirmation');
    await funds.getByRole('button', { name: 'Yes, close it' }).click();

    // Assess
    await page.getByText(/^Closed .*: it co-finances no new award\.$/).waitFor();
    expect(await funds.getByRole('button', { name: 'Deposit', exact: true }).count()).toBe(0);
  });
});
