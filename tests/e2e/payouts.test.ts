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
    await navLink(page, 'Payouts').click();
    await heading(page, 'Payouts').waitFor();
    await page.getByText('No payout batch yet.').waitFor();

    // Act
    await page.getByRole('button', { name: 'Create a payout batch' }).click();

    // Assess: one line, by provider name
    const batch = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^Batch / }) });
    await batch.getByText(`${PROVIDER}: ${rupees(released)}`).waitFor();
    const id = (await textOf(batch.getByRole('heading', { name: /^Batch / }))).replace(/^Batch /, '');
    await expectAccessible(page, 'payout batch');
    await screenshot(page, 'payouts-admin');

    // Act: the CSV for the bank
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      batch.getByRole('button', { name: `Download the CSV of ${id}` }).click(),
    ]);
    // The browser is remote (../global-setup.ts): its file is read as a stream, not by path.
    const csv = await text(await download.createReadStream());

    // Assess
    expect(csv).toContain(PROVIDER);
    expect(csv).toContain((released / 100).toFixed(2));

    // Act: paid, first without a reference
    await batch.getByRole('button', { name: `Mark ${id} paid` }).click();
    expect(await textOf(page.locator(`#reference-${id}-error`))).toContain('Enter the bank reference');
    await batch.getByLabel(`Bank reference for ${id}`).fill('UTR SBIN326118842');
    await batch.getByRole('button', { name: `Mark ${id} paid` }).click();

    // Assess
    await batch.getByText(/^Paid .*, reference UTR SBIN326118842$/).waitFor();
    expect(await textOf(batch.locator('.badge'))).toBe('Paid');
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
