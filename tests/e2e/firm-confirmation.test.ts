import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, expectAccessible, openBrowser, screenshot, type BrowserUser } from './support/browser';
import { DEMO, apiAs } from './support/api';
import { awardedRequest, rupees, type Awarded } from './support/money';
import { sharedStack } from './support/stack';
import { signInUi, textOf, unique } from './support/ui';

interface Attendance {
  count: { listed: number; confirmed: number };
  preview: { confirmed: { released: { amount: number }; returned: { amount: number } } };
  firms: { firmId: string; firmName: string }[];
}

/**
 * Journey (issue 12): the provider reports a milestone listing two firms; the one with mail opens
 * its link on a phone and confirms it attended; the association sees who confirmed before it
 * accepts, is told what will be released and what returns, and the release is that share only.
 */
describe('a firm confirms it attended, and the release follows the confirmations', () => {
  const stack = sharedStack();
  let firm: BrowserUser;
  let rep: BrowserUser;
  let awarded: Awarded & { firmWithMail?: string };
  const suffix = unique();
  const title = `Dyeing effluent audit ${suffix}`;
  const email = `owner-${suffix}@firms.example`;
  const firmName = `Sandhu Dyeing ${suffix}`;
  let path = '';

  beforeAll(async () => {
    [firm, rep] = await Promise.all([openBrowser(), openBrowser()]);
    // Sutra's payable is read by no other journey's confirmation: this file gives the award to it.
    awarded = await awardedRequest(stack, title, DEMO.sutra, { name: firmName, email });
    path = `/api/clusters/${awarded.clusterId}/requests/${awarded.requestId}/milestones/0`;
    const pledges = await apiAs(stack.url, awarded.knidgro).get<{ items: { firmId: string }[] }>(
      `/api/clusters/${awarded.clusterId}/requests/${awarded.requestId}/pledges`,
    );
    const withoutMail = pledges.items.find((p) => p.firmId !== awarded.firmWithMail)!.firmId;
    await apiAs(stack.url, awarded.provider).post(`${path}/report`, {
      evidence: 'Effluent audit done at both units on 4 March; readings and the attendance sheet attached.',
      attendedFirmIds: [awarded.firmWithMail, withoutMail],
    });
    await stack.drain();
  });

  afterAll(async () => {
    await Promise.all([firm?.close(), rep?.close()]);
  });

  it('lets the firm open its mailed link on a phone and confirm it attended', async () => {
    // Prepare: the link, as the local outbox shows it
    const { page } = firm;
    await page.setViewportSize(PHONE);
    const mail = await fetch(`${stack.url}/api/outbox?email=${encodeURIComponent(email)}`);
    const items = ((await mail.json()) as { items: { subject: string; text: string }[] }).items;
    const link = /(\S+\/attend#token=[A-Za-z0-9_-]+)/.exec(items.find((m) => m.subject.includes(title))?.text ?? '');
    expect(link, 'a confirmation link was mailed').toBeTruthy();

    // Act
    await page.goto(new URL(new URL(link![1]!).pathname + new URL(link![1]!).hash, stack.url).toString());
    await page.getByRole('heading', { name: 'Did you attend?' }).waitFor();

    // Assess: which service, which provider, which date
    const text = await textOf(page.locator('main'));
    expect(text).toContain(title);
    expect(text).toContain(firmName);
    expect(text).toMatch(/IST/);
    await expectAccessible(page, 'firm confirmation');
    await screenshot(page, 'attend');

    // Act: yes, then the consequence, then send
    await page.getByRole('button', { name: 'Yes, we attended' }).click();
    expect(await textOf(page.getByText(/^You are confirming that/))).toContain('You can answer only once');
    await expectAccessible(page, 'firm confirmation, confirm step');
    await page.getByRole('button', { name: 'Send my answer' }).click();

    // Assess
    await page.getByText(`Thank you: ${firmName} confirmed it attended.`).waitFor();
  });

  it('shows the association who confirmed before it accepts, and releases only the confirmed share', async () => {
    // Prepare
    const { page } = rep;
    const attendance = await apiAs(stack.url, awarded.knidgro).get<Attendance>(`${path}/attendance`);
    expect(attendance.count).toMatchObject({ listed: 2, confirmed: 1 });
    const { released, returned } = attendance.preview.confirmed;
    await signInUi(page, stack.url, DEMO.knidgro);

    // Act
    await page.goto(`${stack.url}/clusters/${awarded.clusterId}/requests/${awarded.requestId}`);
    const money = page.getByRole('region', { name: 'Money' });
    const answers = money.getByRole('region', { name: 'Did the firms attend?' });
    await answers.waitFor();

    // Assess: who confirmed, who has not answered
    expect(await textOf(answers)).toContain(`${firmName}: Confirmed`);
    expect(await textOf(answers)).toContain('No answer yet');
    await expectAccessible(page, 'money panel with the firms’ answers');
    await screenshot(page, 'money-attendance');

    // Act: accept, reading the consequence first
    await money.getByRole('button', { name: 'Accept “Installation”…' }).click();
    const question = money.getByText(/^Accept the delivery of “Installation”\?/);
    expect(await textOf(question)).toContain(
      `${rupees(released.amount)} will be released for 1 of 2 listed firms that confirmed; ` +
        `${rupees(returned.amount)} returns to the programmes`,
    );
    await money.getByRole('button', { name: 'Yes, accept and release' }).click();

    // Assess: released the confirmed share, the rest returned
    const item = money.getByRole('listitem').filter({ has: page.getByRole('heading', { name: '1. Installation' }) });
    await item.getByText('Released for 1 of 2 firms that confirmed').waitFor();
    const after = await apiAs(stack.url, awarded.knidgro).get<{
      milestones: { released: { amount: number }; returned: { amount: number }; held: { amount: number } }[];
    }>(`/api/clusters/${awarded.clusterId}/requests/${awarded.requestId}/money`);
    expect(after.milestones[0]!.released.amount).toBe(released.amount);
    expect(after.milestones[0]!.returned.amount).toBe(returned.amount);
    expect(released.amount + returned.amount).toBe(after.milestones[0]!.held.amount);
    expect(released.amount * 2).toBeLessThanOrEqual(after.milestones[0]!.held.amount);
  });
});
