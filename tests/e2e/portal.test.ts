import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expectAccessible, openBrowser, screenshot, type BrowserUser } from './support/browser';
import { sharedStack } from './support/stack';

/** Waits for the element and returns its text; playwright-core has no web-first assertions. */
async function textOf(locator: Locator): Promise<string> {
  await locator.waitFor({ state: 'visible' });
  return (await locator.innerText()).trim();
}

const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 1, name });

describe('the portal, as a newcomer and then an association rep', () => {
  const stack = sharedStack();
  let user: BrowserUser;
  const title = `ERP pilot for knitwear units ${Date.now().toString(36)}`;

  beforeAll(async () => {
    user = await openBrowser();
  });

  afterAll(async () => {
    await user?.close();
  });

  it('shows a newcomer what the exchange is, its clusters and the demo accounts', async () => {
    // Prepare
    const { page } = user;

    // Act
    await page.goto(stack.url);

    // Assess
    await heading(page, /pooled demand/i).waitFor();
    const clusters = page.getByRole('region', { name: 'Clusters' });
    for (const name of [
      'Ludhiana knitwear',
      'Tirupur cotton hosiery',
      'Jaipur hand-block printing',
      'Pune food processing',
    ]) {
      await clusters.getByRole('link', { name }).waitFor();
    }
    expect(await textOf(clusters.getByRole('listitem').filter({ hasText: 'Ludhiana knitwear' }).first())).toContain(
      '10,000 firms',
    );
    const demo = page.getByRole('region', { name: 'Demo accounts' });
    expect(await textOf(demo)).toContain('KNIDGRO');
    await expectAccessible(page, 'home');
    await screenshot(page, 'home');
  });

  it('signs in as the KNIDGRO rep with the email shown on the page', async () => {
    // Prepare: read the account as a person would, from the demo panel.
    const { page } = user;
    const account = page
      .getByRole('region', { name: 'Demo accounts' })
      .getByRole('listitem')
      .filter({ hasText: 'KNIDGRO' })
      .filter({ hasText: 'Association representative' });
    const email = await textOf(account.locator('.demo-email'));
    const password = await textOf(account.locator('.demo-password'));
    expect(email).toMatch(/@/);

    // Act: a wrong password first, then the right one.
    await page.getByRole('link', { name: 'Sign in' }).click();
    await heading(page, 'Sign in').waitFor();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(`${password}-wrong`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await textOf(page.locator('#password-error'))).toMatch(/not right/);
    await screenshot(page, 'sign-in');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    // Assess
    await heading(page, /welcome/i).waitFor();
    expect(await textOf(page.getByRole('navigation', { name: 'Account' }))).toContain('KNIDGRO');
    await screenshot(page, 'home-signed-in');
  });

  it('posts a request: a field error first, then a draft it opens for bidding', async () => {
    // Prepare
    const { page } = user;
    await page.getByRole('region', { name: 'Clusters' }).getByRole('link', { name: 'Ludhiana knitwear' }).click();
    await heading(page, 'Ludhiana knitwear').waitFor();
    await screenshot(page, 'cluster-before');
    await page.getByRole('link', { name: 'Post a request' }).first().click();
    await heading(page, 'Post a request').waitFor();

    // Act: min firms above max
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Category').selectOption('it-software');
    await page
      .getByLabel('Specification')
      .fill(
        'An ERP system for small knitwear units: orders, yarn stock, production ' +
          'planning and GST invoicing, with training for two staff per firm.',
      );
    await page
      .getByLabel('Deliverables')
      .fill('ERP installed at each member firm\nTwo staff trained per firm\nThree months of support');
    await page.getByLabel('Place of delivery').fill('KNIDGRO training centre, Ludhiana');
    await page.getByLabel('Minimum firms').fill('30');
    await page.getByLabel('Maximum firms').fill('20');
    await page.getByLabel('Milestone 1', { exact: true }).fill('Installation and training');
    await page.getByRole('button', { name: 'Save draft' }).click();

    // Assess: the API's problem+json error sits next to the field, and in the summary
    expect(await textOf(page.locator('#minFirms-error'))).toMatch(/minimum number of firms/i);
    expect(await page.getByLabel('Minimum firms').getAttribute('aria-invalid')).toBe('true');
    expect(await textOf(page.getByRole('alert').filter({ hasText: 'There is a problem' }))).toMatch(/minimum/i);
    await expectAccessible(page, 'new request with errors');
    await screenshot(page, 'new-request-errors');

    // Act: fix it, save, open for bidding
    await page.getByLabel('Maximum firms').fill('40');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await heading(page, title).waitFor();
    await page.getByRole('button', { name: 'Open for bidding' }).click();
    // The consequence is stated before the yes: who is told, until when, and that the terms are then fixed
    const question = page.getByRole('form', { name: 'Open this request for bidding?' });
    expect(await textOf(question)).toMatch(
      /for bidding until .+ IST: providers registered in the cluster for .+ are told now/,
    );
    await page.getByRole('button', { name: 'Yes, open for bidding' }).click();

    // Assess
    // The button says "Opening…" while it waits, so watch the draft notice go instead.
    await page.getByRole('heading', { name: 'This request is a draft' }).waitFor({ state: 'detached' });
    expect(await textOf(page.locator('.badge').first())).toBe('Open');
  });

  it('shows the request on the cluster page and the worker’s effect on the request page', async () => {
    // Prepare
    const { page } = user;
    await page.getByRole('link', { name: /back to ludhiana knitwear/i }).click();
    await heading(page, 'Ludhiana knitwear').waitFor();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
    expect(await textOf(card)).toContain('0 of 30 needed');
    await screenshot(page, 'cluster');

    // Act: the worker runs, then the user looks at the request
    await stack.drain();
    await card.getByRole('link', { name: title }).click();
    await heading(page, title).waitFor();

    // Assess
    const feed = page.getByRole('region', { name: 'Cluster activity' });
    const line = feed.getByRole('listitem').filter({ hasText: `Request “${title}” opened` });
    expect(await textOf(line)).toMatch(/opened for bidding; \d+ eligible providers? notified/);
    await expectAccessible(page, 'request');
    await screenshot(page, 'request');
  });
});
