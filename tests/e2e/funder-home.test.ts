import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, DEMO, requestTerms, signInApi } from './support/api';
import { expectAccessible, openBrowser, screenshot, type BrowserUser } from './support/browser';
import { sharedStack } from './support/stack';
import { heading, navLink, signInUi, unique } from './support/ui';

/**
 * A funder's daily work (issue 18): its home lists the open requests its programmes may co-finance (its token lists
 * no cluster, so "your clusters" meant nothing to it), as text, not links into clusters it cannot open; its payouts
 * page shows what its programmes paid, not every provider's payout batches.
 */
describe('a funder’s home and payouts', () => {
  const stack = sharedStack();
  let funder: BrowserUser;
  const title = `Knitwear ERP for SIDBI's eyes ${unique()}`;

  beforeAll(async () => {
    // Prepare: KNIDGRO opens an IT request (SIDBI's national programme pays for IT), closing soon so it comes first.
    const knidgro = await signInApi(stack.url, DEMO.knidgro);
    const cluster = `/api/clusters/${knidgro.clusterIds[0] ?? ''}`;
    const rep = apiAs(stack.url, knidgro);
    const r = await rep.post<{ id: string }>(`${cluster}/requests`, requestTerms(title, (await stack.now()) + 90_000));
    await rep.post(`${cluster}/requests/${r.id}/publish`);
    funder = await openBrowser();
  });
  afterAll(() => funder?.close());

  it('home: the open requests its programmes may co-finance, unlinked', async () => {
    // Act
    const { page } = funder;
    await signInUi(page, stack.url, DEMO.sidbi);
    const attention = page.getByRole('region', { name: 'Needs your attention' });
    await attention.getByText(title).waitFor();

    // Assess
    expect(await attention.getByText(/No open request is in the scope/).count()).toBe(0);
    expect(await attention.getByRole('link', { name: title }).count()).toBe(0);
    await page.getByRole('region', { name: 'What your programmes paid' }).waitFor();
    await expectAccessible(page, 'funder home');
    await screenshot(page, 'home-funder-attention');
  });

  it('payouts: what its programmes paid, not the payout batches', async () => {
    // Act
    const { page } = funder;
    await navLink(page, 'Payouts').click();
    await heading(page, 'Payouts').waitFor();
    const paid = page.getByRole('region', { name: 'What your programmes paid' });
    await paid.getByRole('link', { name: 'SIDBI cluster BDS co-financing (national)' }).waitFor();

    // Assess
    expect(await paid.getByText(/Paid to providers in all: ₹/).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Payout batches' }).count()).toBe(0);
    await expectAccessible(page, 'funder payouts');
    await screenshot(page, 'payouts-funder');
  });
});
