import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, openBrowser, screenshot, type BrowserUser } from './support/browser';
import { DEMO, apiAs } from './support/api';
import { awardedRequest, confirmAttendance, rupees, type Awarded } from './support/money';
import { sharedStack } from './support/stack';
import { heading, navLink, signInUi, textOf, unique } from './support/ui';

type Money = { amount: number; currency: string };
type Column = { clusterId: string; name: string; indicators: { delivered: Money; scale: number } };

/**
 * Journey: a newcomer opens the public Results page from the sign-in page (no sign-in), the
 * association accepts a delivered milestone in its own browser, and the newcomer's page — not
 * reloaded — shows the cluster's figures moved after the page's own refresh.
 */
describe('the public Results page', () => {
  const stack = sharedStack();
  let visitor: BrowserUser;
  let rep: BrowserUser;
  let awarded: Awarded;
  let cluster: Column;
  let milestoneValue: number;
  const title = `Export marketing clinic ${unique()}`;

  beforeAll(async () => {
    [visitor, rep] = await Promise.all([openBrowser(), openBrowser()]);
    awarded = await awardedRequest(stack, title);
    // The provider reports the first milestone, with the first pledged firm attending.
    const path = `/api/clusters/${awarded.clusterId}/requests/${awarded.requestId}`;
    const pledged = await apiAs(stack.url, awarded.knidgro).get<{ items: { firmId: string }[] }>(`${path}/pledges`);
    await apiAs(stack.url, awarded.provider).post(`${path}/milestones/0/report`, {
      evidence: 'Clinic held on 3 March with the buyers’ panel; attendance sheet attached.',
      attendedFirmIds: pledged.items.slice(0, 1).map((p) => p.firmId),
    });
    // The firm confirms (its association enters its code): accepting then releases the milestone in full.
    await confirmAttendance(stack, awarded);
    const money = await apiAs(stack.url, awarded.knidgro).get<{ milestones: { total: Money }[] }>(`${path}/money`);
    milestoneValue = money.milestones[0]?.total.amount ?? 0;
    const table = (await (await fetch(`${stack.url}/api/indicators/table`)).json()) as { columns: Column[] };
    cluster = table.columns.find((c) => c.clusterId === awarded.clusterId)!;
  });

  afterAll(async () => {
    await Promise.all([visitor?.close(), rep?.close()]);
  });

  const cell = (row: string) =>
    visitor.page.locator(`.table1 tr[data-row="${row}"] td[data-cluster="${cluster.clusterId}"]`);

  it('opens from the sign-in page with no sign-in: Table 1, charts with tables, CSV', async () => {
    // Prepare
    const { page } = visitor;
    expect(milestoneValue, 'the milestone has a value').toBeGreaterThan(0);
    await page.goto(`${stack.url}/sign-in`);

    // Act
    await page.getByRole('link', { name: /results of every cluster/i }).click();

    // Assess
    await heading(page, 'Programme results').waitFor();
    expect(await textOf(cell('delivered'))).toBe(rupees(cluster.indicators.delivered.amount));
    await page.getByRole('columnheader', { name: new RegExp(cluster.name) }).waitFor();
    for (const name of ['Who paid for the services', 'Month by month', 'Providers per service']) {
      await page.getByRole('heading', { level: 2, name }).waitFor();
    }
    const csv = await page.getByRole('link', { name: 'Download these figures (CSV)' }).getAttribute('href');
    const res = await page.request.get(`${stack.url}${csv}`);
    expect(res.headers()['content-type']).toContain('text/csv');
    expect(await navLink(page, 'Results').getAttribute('aria-current')).toBe('page');
    await expectAccessible(page, 'results');
    await screenshot(page, 'results');
  });

  it('moves the cluster’s figures after a milestone is accepted in another browser, without a reload', async () => {
    // Prepare
    const { page } = rep;
    await signInUi(page, stack.url, DEMO.knidgro);
    type Marked = { marker?: number };
    const marker = await visitor.page.evaluate(() => ((window as unknown as Marked).marker = Math.random()));

    // Act: the association accepts the reported milestone in the portal
    const task = `Delivery of “Installation” for “${title}” is reported: accept or dispute it`;
    await page.getByRole('link', { name: task }).click();
    const money = page.getByRole('region', { name: 'Money' });
    await money.getByRole('button', { name: 'Accept “Installation”…' }).click();
    await money.getByRole('button', { name: 'Yes, accept and release' }).click();
    await money.getByText('Accepted: released').first().waitFor();
    await stack.drain();

    // Assess: the visitor's page, refreshed by its own button, shows the delivery
    const expected = rupees(cluster.indicators.delivered.amount + milestoneValue);
    let shown = '';
    for (let i = 0; i < 20 && shown !== expected; i++) {
      await visitor.page.getByRole('button', { name: 'Refresh the figures' }).click();
      await visitor.page.getByRole('button', { name: 'Refresh the figures' }).waitFor();
      shown = await textOf(cell('delivered'));
      if (shown !== expected) await visitor.page.waitForTimeout(500);
    }
    expect(shown).toBe(expected);
    // The firm that attended may have been served before in the period: a firm counts once.
    expect(Number(await textOf(cell('scale')))).toBeGreaterThanOrEqual(Math.max(1, cluster.indicators.scale));
    const same = await visitor.page.evaluate(() => (window as unknown as Marked).marker);
    expect(same, 'the page was not reloaded').toBe(marker);
    await visitor.page.locator(`.stack[data-cluster="${cluster.clusterId}"]`).waitFor();
    await visitor.page.getByRole('button', { name: 'Refresh the figures' }).waitFor();
    await expectAccessible(visitor.page, 'results after the acceptance');
  });

  it('shows the cluster its own results on its page, and a funder its leverage and graduation', async () => {
    // Prepare
    const { page } = visitor;

    // Act
    await page
      .getByRole('columnheader', { name: new RegExp(cluster.name) })
      .getByRole('link')
      .click();

    // Assess
    const own = page.getByTestId('cluster-results');
    expect(await textOf(own.locator('[data-figure="delivered"]'))).toContain(
      rupees(cluster.indicators.delivered.amount + milestoneValue),
    );
    await expectAccessible(page, 'cluster page with results');

    // Act
    const sidbi = await openBrowser();
    try {
      await signInUi(sidbi.page, stack.url, DEMO.sidbi);

      // Assess
      const funder = sidbi.page.getByTestId('funder-results');
      await funder.getByRole('heading', { name: 'What your programmes achieve' }).waitFor();
      await funder.locator('[data-figure="leverage"]').waitFor();
      expect(await textOf(funder)).toMatch(/award no\. \d+/);
      await expectAccessible(sidbi.page, 'funder home with results');
      await screenshot(sidbi.page, 'funder-results');
    } finally {
      await sidbi.close();
    }
  });
});
