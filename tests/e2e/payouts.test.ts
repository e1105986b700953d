import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, openBrowser, screenshot, type BrowserUser } from './support/browser';
import { DEMO, NIFT, apiAs } from './support/api';
import { awardedRequest, releaseFirstMilestone, rupees } from './support/money';
import { sharedStack } from './support/stack';
import { heading, navLink, signInUi, textOf, unique } from './support/ui';

// NIFT, which no other journey awards: the batch pays every payable of the shared stack, and this
// journey's numbers must be its own provider's alone.
const PROVIDER = 'National Institute of Fashion Technology';

/**
 * Journey (b): the provider's payout. With money released to the provider (set up through the
 * API: an award, its first milestone reported and accepted), the national admin creates a payout
 * batch, downloads its CSV, and marks it paid with the bank's reference; the provider sees its
 * line paid and its payable back to nothing.
 */
describe('a provider is paid out', () => {
  const stack = sharedStack();
  let admin: BrowserUser;
  let provider: BrowserUser;
  let released = 0;
  /** NIFT's payouts of the seeded history, paid before this journey's. */
  let paidBefore = 0;

  beforeAll(async () => {
    [admin, provider] = await Promise.all([openBrowser(), openBrowser()]);
    // Training, which no other journey buys: KNIDGRO's fifth it-software award of a full run gets no subsidy
    // (the taper is 50/38/26/7 %, then nothing), and its release would be ₹0.
    const title = `Tally training for knitwear units ${unique()}`;
    const awarded = await awardedRequest(stack, title, NIFT, undefined, 'training');
    const money = await releaseFirstMilestone(stack, awarded);
    released = money.milestones[0]?.released.amount ?? 0;
    const payable = await apiAs(stack.url, awarded.provider).get<{ paidOut: { amount: number } }>(
      `/api/providers/${awarded.provider.organisationId}/payable`,
    );
    paidBefore = payable.paidOut.amount;
  });

  afterAll(async () => {
    await Promise.all([admin?.close(), provider?.close()]);
  });

  it('lets the national admin create a batch, download its CSV and mark it paid', async () => {
    // Prepare
    const { page } = admin;
    expect(released).toBeGreaterThan(0);
    await signInUi(page, stack.url, DEMO.nationalAdmin);
    // The home to-do says what is payable now, and leads to the payouts
    await page
      .getByRole('link', { name: /^₹[\d,.]+ is payable now to \d+ providers?: create a payout batch$/ })
      .click();
    await heading(page, 'Payouts').waitFor();
    await page.getByText('No payout batch yet.').waitFor();

    // Act: the preview of the lines, by provider name, before anything is paid
    await page.getByRole('button', { name: 'Create a payout batch' }).click();
    const preview = page.getByRole('region', { name: 'Create a payout batch?' });
    await preview
      .getByRole('list')
      .getByText(`${PROVIDER}: ${rupees(released)}`)
      .waitFor();
    expect(await textOf(preview)).toMatch(/Pay ₹[\d,.]+ to \d+ providers?: /);
    expect(await textOf(preview)).not.toMatch(/\b1 providers\b/);
    await expectAccessible(page, 'payout preview');
    await screenshot(page, 'payouts-preview');
    await preview.getByRole('button', { name: 'Yes, create the batch' }).click();

    // Assess: one line, by provider name; the batch named by its time in IST, not by an id
    const batch = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Payout of / }) });
    await batch
      .first()
      .getByText(`${PROVIDER}: ${rupees(released)}`)
      .waitFor();
    const mine = batch.filter({ hasText: `${PROVIDER}: ${rupees(released)}` });
    const name = await textOf(mine.getByRole('heading', { name: /^Payout of / }));
    expect(name).toMatch(/^Payout of \d{1,2} \w{3} \d{4}, \d{1,2}:\d{2} [ap]m IST$/);
    const at = name.replace(/^Payout of /, '');
    expect(await textOf(mine)).not.toMatch(/pay_|\b1 providers\b/);
    await expectAccessible(page, 'payout batch');
    await screenshot(page, 'payouts-admin');

    // Act: the CSV for the bank
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      mine.getByRole('button', { name: `Download the CSV of the payout of ${at}` }).click(),
    ]);
    // The browser is remote (../global-setup.ts): its file is read as a stream, not by path.
    const csv = await text(await download.createReadStream());

    // Assess: the bank's columns, and NIFT's line with the account the demo seeded for it
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe('payout_id,provider_id,provider_name,beneficiary_name,ifsc,account_number,amount,currency');
    const line = rows.find((r) => r.includes(`,${PROVIDER},`)) ?? '';
    expect(line).toContain(`,${PROVIDER},SBIN0005943,30117845220,${(released / 100).toFixed(2)},INR`);

    // Act: paid, first without a reference
    await mine.getByRole('button', { name: `Mark the payout of ${at} paid` }).click();
    expect(await textOf(mine.locator('.field-error'))).toContain('Enter the bank reference');
    await mine.getByLabel(`Bank reference for the payout of ${at}`).fill('UTR SBIN326118842');
    await mine.getByRole('button', { name: `Mark the payout of ${at} paid` }).click();

    // Assess
    await mine.getByText(/^Paid .*, reference UTR SBIN326118842$/).waitFor();
    expect(await textOf(mine.locator('.badge'))).toBe('Paid');
    await expectAccessible(page, 'payout batch paid');
  });

  it('shows the provider its line paid', async () => {
    // Prepare
    const { page } = provider;
    await signInUi(page, stack.url, NIFT);

    // Act
    await navLink(page, 'Payouts').click();

    // Assess
    const lines = page.getByRole('region', { name: 'Your payout lines' });
    await lines.getByText(rupees(released), { exact: false }).waitFor();
    expect(await textOf(lines.locator('.badge').first())).toBe('Paid');
    expect(await textOf(page.getByTestId('payable'))).toBe('₹0');
    expect(await textOf(page.getByTestId('paid-out'))).toBe(rupees(paidBefore + released));
    await expectAccessible(page, 'provider payouts, paid');
    await screenshot(page, 'payouts-provider-paid');
  });

  it('shows the provider its bank details masked, and lets it change them after a checked IFSC', async () => {
    // Prepare
    const { page } = provider;
    const bank = page.getByRole('region', { name: 'Bank details for payouts' });

    // Assess: the account by its last four digits only
    expect(await textOf(bank.getByTestId('account-masked'))).toBe('ending 5220');
    expect(await textOf(bank)).toContain('SBIN0005943');
    expect(await textOf(page.locator('main'))).not.toContain('30117845220');

    // Act: a wrong IFSC first
    await bank.getByRole('button', { name: 'Change bank details' }).click();
    await bank.getByLabel('Beneficiary name').fill('National Institute of Fashion Technology');
    await bank.getByLabel('IFSC').fill('SBIN1005943');
    await bank.getByLabel('Account number').fill('3011 7845 9876');
    await bank.getByRole('button', { name: 'Continue' }).click();

    // Assess
    expect(await textOf(page.locator('#ifsc-error'))).toContain('4 letters, a zero, then 6 letters or digits');
    await expectAccessible(page, 'bank details with an error');

    // Act: fixed, the consequence read, then saved
    await bank.getByLabel('IFSC').fill('sbin0005943');
    await bank.getByRole('button', { name: 'Continue' }).click();
    expect(await textOf(bank)).toContain(
      'your payouts go to National Institute of Fashion Technology, IFSC SBIN0005943, account ending 9876',
    );
    await bank.getByRole('button', { name: 'Yes, save these bank details' }).click();

    // Assess
    await bank.getByText('Bank details saved.').waitFor();
    expect(await textOf(bank.getByTestId('account-masked'))).toBe('ending 9876');
    await expectAccessible(page, 'bank details saved');
    await screenshot(page, 'payouts-bank-details');
  });

  it('lets the provider read its inbox and mark a notification read; the admin sees the dead letters', async () => {
    // Prepare
    const { page } = provider;
    const inbox = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Inbox/ });

    // Act
    await inbox.click();
    await heading(page, 'Inbox').waitFor();
    const unread = page.getByRole('button', { name: /^Mark read: “.*”$/ });
    // The worker writes the award's notification; reload until the inbox shows one to read.
    await expect
      .poll(
        async () => {
          if ((await unread.count()) === 0) await page.reload();
          return unread.count();
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThan(0);
    await expectAccessible(page, 'inbox');
    await screenshot(page, 'inbox');
    const name = (await unread.first().getAttribute('aria-label')) ?? (await unread.first().innerText());
    const same = page.getByRole('button', { name, exact: true });
    const before = await same.count();
    await same.first().click();

    // Assess: that notification has no "Mark read" any more (others may arrive meanwhile)
    await expect.poll(() => same.count()).toBe(before - 1);

    // Act: the national admin's dead letters
    await navLink(admin.page, 'Dead letters').click();
    await heading(admin.page, 'Dead letters').waitFor();
    await admin.page.getByLabel('Queue').waitFor();
    await expectAccessible(admin.page, 'dead letters');
    await screenshot(admin.page, 'dead-letters');
  });
});
