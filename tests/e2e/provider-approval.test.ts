import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, openBrowser, screenshot, type BrowserUser } from './support/browser';
import { DEMO } from './support/api';
import { sharedStack } from './support/stack';
import { heading, navLink, signInUi, textOf, unique } from './support/ui';

/**
 * Journey (b): a provider signs itself up, finishes with the link mailed to it (read in the local
 * outbox) and applies to Ludhiana; the cluster admin finds
 * the application on the home page and approves it; the provider then sees the cluster's
 * open requests (and until then sees none).
 */
describe('a provider signs up and is approved in a cluster', () => {
  const stack = sharedStack();
  let provider: BrowserUser;
  let admin: BrowserUser;
  const name = `Punjab Skills Institute ${unique()}`;
  const email = `manpreet-${unique()}@skills.example`;

  beforeAll(async () => {
    [provider, admin] = await Promise.all([openBrowser(), openBrowser()]);
  });

  afterAll(async () => {
    await Promise.all([provider?.close(), admin?.close()]);
  });

  it('lets a provider sign itself up and apply to a cluster', async () => {
    // Prepare
    const { page } = provider;
    await page.goto(stack.url);
    await navLink(page, 'Sign up as a provider').click();
    await heading(page, 'Sign up as a service provider').waitFor();

    // Act: no service chosen first
    await page.getByLabel('Organisation name').fill(name);
    await page.getByLabel('City').fill('Ludhiana');
    await page.getByLabel('Your name').fill('Manpreet Kaur');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Choose a password').fill('knit one purl one');
    await page.getByRole('button', { name: 'Sign up' }).click();
    expect(await textOf(page.locator('#categories-error'))).toBe('Choose at least one service');
    await expectAccessible(page, 'provider sign-up with errors');
    await screenshot(page, 'provider-sign-up');
    await page.getByLabel('Training', { exact: true }).check();
    await page.getByLabel('IT and software', { exact: true }).check();
    await page.getByRole('button', { name: 'Sign up' }).click();

    // Assess: no account yet, a link in the mail
    expect(await textOf(page.getByRole('status').filter({ hasText: 'Check your mail' }))).toContain(email);
    await expectAccessible(page, 'provider sign-up, check your mail');
    await screenshot(page, 'provider-sign-up-sent');

    // Act: the link in the outbox, then finish
    await page.getByRole('link', { name: 'Read it in the outbox' }).click();
    const mail = page.getByRole('article').filter({ hasText: 'Finish signing up for BDS Exchange' });
    const link = mail.getByRole('link', { name: /\/providers\/sign-up\/confirm#token=/ });
    const linkUrl = (await link.getAttribute('href')) ?? '';
    await link.click();
    await heading(page, 'Finish signing up').waitFor();
    await expectAccessible(page, 'provider sign-up confirmation');
    await screenshot(page, 'provider-sign-up-confirm');
    await page.getByRole('button', { name: 'Finish signing up' }).click();

    // Assess: signed in, on the clusters to apply to; nothing open to it yet
    await heading(page, 'Clusters you can serve').waitFor();
    const ludhiana = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Ludhiana knitwear' }) });
    await ludhiana.getByRole('button', { name: 'Apply to serve this cluster' }).click();
    await ludhiana.getByText('Waiting for the cluster admin.').waitFor();
    await expectAccessible(page, 'provider clusters');
    await screenshot(page, 'provider-clusters');
    await navLink(page, 'Open requests').click();
    await page.getByText('You are not approved in any cluster yet').waitFor();

    // Assess: the link worked once
    await page.goto(`${stack.url}${linkUrl}`);
    await page.getByRole('button', { name: 'Finish signing up' }).click();
    await page.getByText('This sign-up link cannot be used').waitFor();
  });

  it('lets the cluster admin find the application on the home page and approve it', async () => {
    // Prepare
    const { page } = admin;
    await signInUi(page, stack.url, DEMO.ludhianaAdmin);

    // Act
    await page.getByRole('link', { name: '1 provider application is waiting for your decision' }).click();
    await heading(page, 'Provider applications').waitFor();
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
    expect(await textOf(card)).toContain('Training · IT and software');
    await expectAccessible(page, 'provider applications');
    await screenshot(page, 'registrations');
    await card.getByRole('button', { name: 'Approve' }).click();

    // Assess
    await page.getByRole('region', { name: 'Decided' }).getByRole('heading', { name }).waitFor();
    expect(await textOf(page.getByRole('heading', { name: '0 applications waiting' }))).toBeTruthy();

    // Assess: the cluster's other admin page, its policy within national bounds
    await page
      .getByRole('navigation', { name: 'Ludhiana knitwear pages' })
      .getByRole('link', { name: 'Policy' })
      .click();
    await heading(page, 'Cluster policy').waitFor();
    expect(await page.getByLabel('Micro: fewer employees than').inputValue()).toBe('10');
    await expectAccessible(page, 'cluster policy');
    await screenshot(page, 'policy');
  });

  it('shows the provider the open requests of the cluster it was approved in', async () => {
    // Prepare: the provider's token predates the approval; the next page renews it
    const { page } = provider;

    // Act
    await navLink(page, 'Clusters').click();
    await heading(page, 'Clusters you can serve').waitFor();
    await navLink(page, 'Open requests').click();

    // Assess
    await page.getByRole('heading', { name: /^Ludhiana knitwear: \d+ open requests?$/ }).waitFor();
    await page.getByRole('link', { name: 'IT training for 17 member units' }).waitFor();
    await page.getByRole('link', { name: 'ERP pilot in six units, then a roll-out to twenty more' }).waitFor();
    await expectAccessible(page, 'open requests');
    await screenshot(page, 'open-requests');

    // Act: only training
    await page.getByLabel('Category').selectOption({ label: 'Training' });

    // Assess
    await page
      .getByRole('link', { name: 'ERP pilot in six units, then a roll-out to twenty more' })
      .waitFor({ state: 'detached' });
    await page.getByRole('link', { name: 'IT training for 17 member units' }).waitFor();
  });

  it('renews an expired access token with the refresh token, and signing out revokes it', async () => {
    // Prepare: the access token has expired (as it does after 15 minutes)
    const { page } = provider;
    const read = () =>
      page.evaluate(
        () =>
          JSON.parse(sessionStorage.getItem('bds.session') ?? '{}') as { accessToken?: string; refreshToken?: string },
      );
    const before = await read();
    await page.evaluate(() => {
      const session = JSON.parse(sessionStorage.getItem('bds.session') ?? '{}') as Record<string, unknown>;
      sessionStorage.setItem(
        'bds.session',
        JSON.stringify({ ...session, expiresAt: new Date(Date.now() - 60_000).toISOString() }),
      );
    });

    // Act: the next call goes out with a renewed token
    await navLink(page, 'My bids').click();

    // Assess
    await heading(page, 'My bids').waitFor();
    await page.getByText('You have not bid yet.').waitFor();
    const after = await read();
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.accessToken).not.toBe(before.accessToken);

    // Act: sign out
    await page.getByRole('button', { name: 'Sign out' }).click();

    // Assess: signed out, and the refresh token no longer works
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Sign in' }).waitFor();
    const res = await fetch(`${stack.url}/api/auth/refresh`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken: after.refreshToken }),
    });
    expect(res.status).toBe(401);
  });
});
