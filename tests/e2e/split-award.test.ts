import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHONE, expectAccessible, openBrowser, screenshot, type BrowserUser } from './support/browser';
import { DEMO, NIFT, apiAs, bidTerms, requestTerms, signInApi, type ApiUser } from './support/api';
import { rupees } from './support/money';
import { sharedStack } from './support/stack';
import { heading, signInUi, textOf, unique } from './support/ui';

type Id = { id: string };
const APPEAL = 'secretary@appeal.bds.example';

/**
 * Journey (issue 13): no single bidder can serve the pledged volume, so the association awards a split. APPEAL
 * (whose purchases no other e2e file makes) buys design help for four firms; NIFT and the Ludhiana institute can each
 * take two. The association sees that a split is needed, previews each provider's contract and money, confirms it,
 * and each provider finds its own contract. The delivery window is months away, so the contracts overlap no other
 * journey's engagements. Set-up (request, pledges, bids, close) by API.
 */
describe('a split award across two providers', () => {
  const stack = sharedStack();
  let rep: BrowserUser;
  let nift: BrowserUser;
  let lict: BrowserUser;
  const title = `Design clinic split ${unique()}`;
  let api: { appeal: ApiUser; nift: ApiUser; lict: ApiUser };
  let page = '';

  beforeAll(async () => {
    [rep, nift, lict] = await Promise.all([openBrowser(), openBrowser(), openBrowser()]);
    const [appeal, niftApi, lictApi] = await Promise.all([
      signInApi(stack.url, APPEAL),
      signInApi(stack.url, NIFT),
      signInApi(stack.url, DEMO.lict),
    ]);
    api = { appeal, nift: niftApi, lict: lictApi };
    const clusterId = appeal.clusterIds[0] ?? '';
    const cluster = `/api/clusters/${clusterId}`;
    // Counted from the stack's clock, which other files move; it then jumps to the deadline.
    const deadline = (await stack.now()) + 60_000;
    const day = (n: number) => new Date(deadline + n * 86_400_000).toISOString().slice(0, 10);
    const a = apiAs(stack.url, appeal);
    const r = await a.post<Id>(`${cluster}/requests`, {
      ...requestTerms(title, deadline, 2),
      category: 'design',
      place: 'APPEAL hall, Ludhiana',
      deliveryWindow: { start: day(200), end: day(230) },
    });
    const path = `${cluster}/requests/${r.id}`;
    page = `${stack.url}${path.replace('/api', '')}`;
    await a.post(`${path}/publish`);
    for (const n of [1, 2, 3, 4]) {
      const firm = await a.post<Id>(`${cluster}/associations/${appeal.organisationId}/firms`, {
        name: `Split apparel unit ${n} ${unique()}`,
        employees: 8 + n,
        mechanised: true,
        womenLed: n % 2 === 0,
      });
      await a.post(`${path}/pledges`, { firmId: firm.id });
    }
    await apiAs(stack.url, niftApi).post(`${path}/bids`, bidTerms([[2, 8_000]], 2));
    await apiAs(stack.url, lictApi).post(`${path}/bids`, bidTerms([[2, 9_000]], 2));
    await stack.advanceTo(deadline + 500);
    // The scheduled close fired at the deadline; ours finds the request ranked already (or ranks it).
    await a.post(`${path}/close`).catch(() => undefined);
    await stack.drain();
  }, 60_000);
  afterAll(async () => {
    await Promise.all([rep?.close(), nift?.close(), lict?.close()]);
  });

  it('the association sees a split is needed, previews each provider’s contract and confirms it', async () => {
    // Act
    await signInUi(rep.page, stack.url, APPEAL);
    await rep.page.goto(page);
    await heading(rep.page, title).waitFor();
    const panel = rep.page.getByRole('region', { name: 'Ranking' });
    await panel.getByText('No single bidder can serve the 4 pledged firms.', { exact: false }).waitFor();
    await panel.getByRole('button', { name: 'Work out the split' }).click();
    const confirm = panel.getByRole('group', { name: 'Confirm the split award' });
    await confirm.waitFor();
    const text = await textOf(confirm);
    await expectAccessible(rep.page, 'the split’s confirmation');
    await rep.page.setViewportSize(PHONE);
    await expectAccessible(rep.page, 'the split’s confirmation at 360 px');
    await screenshot(rep.page, 'split-confirm-phone');
    await confirm.getByRole('button', { name: `Yes, award ${rupees(34_000_00)} split across 2 providers` }).click();
    await panel.getByText('Awarded as a split: 2 contracts', { exact: false }).waitFor();
    await stack.drain();
    // Assess: each provider's line states its firms, price and total; the sum is both.
    expect(text).toContain(`National Institute of Fashion Technology: 2 firms at ${rupees(8_000_00)} per firm`);
    expect(text).toContain(`Ludhiana Institute of Computer Training: 2 firms at ${rupees(9_000_00)} per firm`);
    expect(text).toContain(`Award ${rupees(34_000_00)} split across 2 providers`);
  }, 90_000);

  it('each provider sees its own contract, with its money, and not the other’s', async () => {
    for (const [user, email, firms, total, who] of [
      [nift, NIFT, 2, 16_000_00, 'nift'],
      [lict, DEMO.lict, 2, 18_000_00, 'lict'],
    ] as const) {
      // Act
      await signInUi(user.page, stack.url, email);
      await user.page.goto(page);
      await heading(user.page, title).waitFor();
      await user.page.getByText(`Your contract: ${firms} firms, ${rupees(total)}`).waitFor();
      await user.page.getByRole('link', { name: 'Open your contract' }).click();
      // Assess
      await user.page.getByText(/^Contract [12] of 2 of a split award\./).waitFor();
      await expectAccessible(user.page, `${who}’s contract`);
      const contract = user.page.url();
      expect(contract).not.toBe(page);
      const id = contract.split('/').pop() ?? '';
      const money = await apiAs(stack.url, api[who]).get<{ total: { amount: number } }>(
        `/api/clusters/${api.appeal.clusterIds[0]}/requests/${id}/money`,
      );
      expect(money.total.amount).toBe(total);
    }
    await screenshot(lict.page, 'split-contract');
  }, 90_000);
});
