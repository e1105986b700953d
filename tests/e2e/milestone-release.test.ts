import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, openBrowser, screenshot, type BrowserUser } from './support/browser';
import { DEMO, apiAs } from './support/api';
import { awardedRequest, rupees, type Awarded } from './support/money';
import { sharedStack } from './support/stack';
import { heading, navLink, signInUi, textOf, unique } from './support/ui';

/**
 * Journey (a): the awarded provider reports the first milestone delivered, the lead association
 * accepts it from its to-do list with a confirmation, the escrow held for it is released: the
 * money panel says so and the provider's payable grows by that amount. The award itself (pledges,
 * a bid, closing, the escrow worker) is set up through the API.
 */
describe('a milestone reported, accepted and released', () => {
  const stack = sharedStack();
  let provider: BrowserUser;
  let rep: BrowserUser;
  let awarded: Awarded;
  const title = `ERP roll-out for hosiery units ${unique()}`;

  beforeAll(async () => {
    [provider, rep] = await Promise.all([openBrowser(), openBrowser()]);
    awarded = await awardedRequest(stack, title);
  });

  afterAll(async () => {
    await Promise.all([provider?.close(), rep?.close()]);
  });

  let payableBefore = 0;
  /** "₹8,208" or "₹8,208.50" as paise. */
  const paiseOf = (text: string): number => Math.round(Number(text.replace(/[₹,\s]/g, '')) * 100);

  it('lets the provider report the delivery of a milestone from its to-do list', async () => {
    // Prepare
    const { page } = provider;
    const first = awarded.money.milestones[0];
    expect(first?.held.amount, 'the first milestone holds subsidy').toBeGreaterThan(0);
    await signInUi(page, stack.url, DEMO.lict);
    await navLink(page, 'Payouts').click();
    await heading(page, 'Payouts').waitFor();
    // Other files may have paid this provider already (the stack is shared): remember where it starts.
    payableBefore = paiseOf(await textOf(page.getByTestId('payable')));
    await navLink(page, 'Deliveries').click();
    // Other files award this provider too (the stack is shared): read this request's card.
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });
    await card.getByText('2 milestones to report').waitFor();
    await expectAccessible(page, 'deliveries');
    await screenshot(page, 'deliveries');
    await navLink(page, 'Home').click();

    // Act
    await page.getByRole('link', { name: `Report delivery of “Installation” for “${title}”` }).click();
    const money = page.getByRole('region', { name: 'Money' });
    await money.getByRole('button', { name: 'Report delivery of “Installation”' }).click();
    await money.getByRole('button', { name: 'Report the delivery' }).click();

    // Assess: too short a report is refused next to its field
    expect(await textOf(page.locator('#m0-evidence-error'))).toMatch(/at least 10 characters/);
    await expectAccessible(page, 'report delivery with error');
    await screenshot(page, 'report-delivery');

    // The awarded provider sees the four pledged firms as checkboxes named after them
    const path = `/api/clusters/${awarded.clusterId}/requests/${awarded.requestId}`;
    const pledged = (
      await apiAs(stack.url, awarded.knidgro).get<{ items: { firmId: string; firmName: string }[] }>(`${path}/pledges`)
    ).items;
    const attendees = money.getByRole('group', { name: 'Which pledged firms attended' });
    await attendees.waitFor();
    expect(await attendees.getByRole('checkbox').count()).toBe(pledged.length);
    const attended = pledged[0]!;

    // Act
    await page
      .getByLabel('What was delivered')
      .fill(
        'ERP installed in all four units on 3 March; two staff per unit trained; sign-off sheets with the association.',
      );
    await attendees.getByRole('checkbox', { name: attended.firmName, exact: true }).check();
    await money.getByRole('button', { name: 'Report the delivery' }).click();

    // Assess
    const item = money.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '1. Installation' }) });
    await item.getByText('Delivery reported', { exact: true }).waitFor();
    expect(await textOf(item)).toContain(rupees(first?.held.amount ?? 0));
    const reported = await apiAs(stack.url, awarded.provider).get<{
      milestones: { report?: { attendedFirmIds: string[] } }[];
    }>(`${path}/money`);
    expect(reported.milestones[0]?.report?.attendedFirmIds).toEqual([attended.firmId]);
  });

  it('lets the association accept it with a confirmation, which releases the escrow', async () => {
    // Prepare
    const { page } = rep;
    const held = awarded.money.milestones[0]?.held.amount ?? 0;
    await signInUi(page, stack.url, DEMO.knidgro);

    // Act
    await page
      .getByRole('link', { name: `Delivery of “Installation” for “${title}” is reported: accept or dispute it` })
      .click();
    const money = page.getByRole('region', { name: 'Money' });
    await money.getByText('ERP installed in all four units').waitFor();
    await expectAccessible(page, 'money panel, delivery reported');
    await screenshot(page, 'money-reported');
    // Issue 12: the attending firm has no mail, so the association enters its answer with its code, on its behalf.
    const answers = money.getByRole('region', { name: 'Did the firms attend?' });
    const code = /code ([2-9A-Z]{6})/.exec(await textOf(answers))?.[1] ?? '';
    await answers.getByRole('button', { name: /^Enter the answer of / }).click();
    await answers.getByLabel('The firm’s code').fill(code);
    await answers.getByRole('button', { name: 'Continue' }).click();
    expect(await textOf(answers.getByText(/^Record, on behalf of/))).toContain('that it attended');
    await answers.getByRole('button', { name: 'Yes, record it' }).click();
    await answers.getByText('Confirmed (entered on behalf)').waitFor();
    await money.getByRole('button', { name: 'Accept “Installation”…' }).click();
    const question = money.getByText(/^Accept the delivery of “Installation”\?/);
    expect(await textOf(question)).toContain(
      `${rupees(held)} will be released for 1 of 1 listed firms that confirmed; ₹0 returns to the programmes`,
    );
    await expectAccessible(page, 'accept confirmation');
    await money.getByRole('button', { name: 'Yes, accept and release' }).click();

    // Assess: released, nothing held any more for that milestone
    const item = money.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '1. Installation' }) });
    await item.getByText('Accepted: released').waitFor();
    const amounts = item.locator('.money-amounts');
    expect(
      await textOf(
        amounts
          .locator('div')
          .filter({ hasText: /^Released/ })
          .locator('dd'),
      ),
    ).toBe(rupees(held));
    expect(
      await textOf(
        amounts
          .locator('div')
          .filter({ hasText: /^Still in escrow/ })
          .locator('dd'),
      ),
    ).toBe('₹0');
    await expectAccessible(page, 'money panel, released');
    await screenshot(page, 'money-released');
  });

  it('shows the provider its payable grown by what was released', async () => {
    // Prepare
    const { page } = provider;
    const held = awarded.money.milestones[0]?.held.amount ?? 0;

    // Act
    await navLink(page, 'Payouts').click();

    // Assess
    expect(await textOf(page.getByTestId('payable'))).toBe(rupees(payableBefore + held));
    await page.getByRole('region', { name: 'Released to you' }).getByText(rupees(held), { exact: false }).waitFor();
    await expectAccessible(page, 'provider payouts');
    await screenshot(page, 'payouts-provider');
  });

  it('tells the provider in its inbox what was released, with the time in IST', async () => {
    // Prepare: the notification worker has run
    const { page } = provider;
    const held = awarded.money.milestones[0]?.held.amount ?? 0;
    await stack.drain();

    // Act
    // Its name counts the unread: "Inbox (2 unread)".
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Inbox/ })
      .click();
    await heading(page, 'Inbox').waitFor();

    // Assess
    const item = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: `${rupees(held)} released: ${title}` }) });
    expect(await textOf(item)).toMatch(/“Installation” of “.+” was accepted by the association on .+ IST\./);
    await expectAccessible(page, 'provider inbox, released');
  });
});
