import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, openBrowser, screenshot, type BrowserUser } from './support/browser';
import { DEMO } from './support/api';
import { sharedStack } from './support/stack';
import { heading, navLink, signInUi, textOf, unique } from './support/ui';

/**
 * Journey (a): a national admin onboards a cluster; its first admin reads the invitation in
 * the local outbox, accepts it and lands signed in, registers an association and invites its
 * representative; the national admin then suspends the cluster and the audit trail says why.
 */
describe('onboarding a cluster', () => {
  const stack = sharedStack();
  let nac: BrowserUser;
  let cda: BrowserUser;
  const id = unique();
  const cluster = `Moradabad brassware ${id}`;
  const adminEmail = `cda-${id}@moradabad.example`;
  const repEmail = `rep-${id}@brass.example`;
  let invitationPath = '';

  beforeAll(async () => {
    [nac, cda] = await Promise.all([openBrowser(), openBrowser()]);
  });

  afterAll(async () => {
    await Promise.all([nac?.close(), cda?.close()]);
  });

  it('lets a national admin onboard a cluster with its first admin, errors first', async () => {
    // Prepare
    const { page } = nac;
    await signInUi(page, stack.url, DEMO.nationalAdmin);
    await page.getByRole('region', { name: 'To do' }).getByRole('link', { name: 'Invite someone' }).waitFor();
    await expectAccessible(page, 'national admin home');
    await screenshot(page, 'home-national-admin');
    await navLink(page, 'Onboard a cluster').click();
    await heading(page, 'Onboard a cluster').waitFor();

    // Act: nothing filled in, then an end of support in the past (the API's rule)
    await page.getByRole('button', { name: 'Onboard the cluster and invite its admin' }).click();
    expect(await textOf(page.locator('#name-error'))).toBe('Name is required');
    await page.getByLabel('Name', { exact: true }).fill(cluster);
    await page.getByLabel('Sector').fill('Brass and metal handicrafts');
    await page.getByLabel('State').selectOption('Uttar Pradesh');
    await page.getByLabel('District').fill('Moradabad');
    await page.getByLabel('Number of firms').fill('2500');
    await page.getByLabel('Phase').selectOption('diagnostic');
    await page.getByLabel('End of the supported period').fill('2020-03-31');
    await page.getByLabel('Admin’s name').fill('Ravi Kumar');
    await page.getByLabel('Admin’s email').fill(adminEmail);
    await page.getByRole('button', { name: 'Onboard the cluster and invite its admin' }).click();

    // Assess: the problem+json error sits by its field
    expect(await textOf(page.locator('#supportedUntil-error'))).toMatch(/future/);
    await expectAccessible(page, 'onboard with errors');
    await screenshot(page, 'onboard-errors');

    // Act: fix it
    await page.getByLabel('End of the supported period').fill('2029-03-31');
    await page.getByRole('button', { name: 'Onboard the cluster and invite its admin' }).click();

    // Assess
    expect(await textOf(page.getByRole('status').filter({ hasText: 'is onboarded' }))).toContain(adminEmail);
    await screenshot(page, 'onboard-done');
  });

  it('lets the new cluster admin read the invitation in the outbox, accept it once and land signed in', async () => {
    // Prepare: a different person, at another browser
    const { page } = cda;
    await page.goto(stack.url);

    // Act: the outbox, from the navigation
    await navLink(page, 'Outbox').click();
    await page.getByLabel('Email address').fill(adminEmail);
    await page.getByRole('button', { name: 'Show mail' }).click();
    const mail = page.getByRole('article').filter({ hasText: `cluster admin of ${cluster}` });
    const link = mail.getByRole('link', { name: /\/invitations\// });
    invitationPath = (await link.getAttribute('href')) ?? '';
    await expectAccessible(page, 'outbox');
    await screenshot(page, 'outbox');
    await link.click();

    // Assess: who and what, before accepting
    await heading(page, 'Accept your invitation').waitFor();
    expect(await textOf(page.locator('.lede'))).toBe(
      `You are invited to BDS Exchange as Cluster admin of ${cluster} Local Committee.`,
    );
    await expectAccessible(page, 'invitation');
    await screenshot(page, 'invitation');

    // Act: a short password, then a good one
    await page.getByLabel('Choose a password').fill('brass');
    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    expect(await textOf(page.locator('#password-error'))).toBe('Use at least 12 characters');
    await page.getByLabel('Choose a password').fill('brass lamps of moradabad');
    await page.getByLabel('Type the password again').fill('brass lamps of moradabad');
    await page.getByRole('button', { name: 'Accept and sign in' }).click();

    // Assess: signed in as the cluster admin; the link does not work twice
    await heading(page, 'Welcome, Ravi Kumar').waitFor();
    expect(await textOf(page.getByRole('navigation', { name: 'Account' }))).toContain(`${cluster} Local Committee`);
    await page.getByText('Nothing is waiting for you.').waitFor();
    await expectAccessible(page, 'cluster admin home');
    await screenshot(page, 'home-cluster-admin');
    await page.goto(`${stack.url}${invitationPath}`);
    await page.getByText('This invitation has already been used').waitFor();
  });

  it('lets the cluster admin register an association and invite its representative', async () => {
    // Prepare
    const { page } = cda;
    await page.goto(stack.url);
    await navLink(page, 'Associations').click();
    await heading(page, 'Associations').waitFor();

    // Act
    await page.getByLabel('Full name').fill('Moradabad Brassware Exporters Association');
    await page.getByLabel('Short name').fill('MBEA');
    await page.getByLabel('Members').fill('60');
    await page.getByRole('button', { name: 'Register the association' }).click();
    await page.getByRole('status').filter({ hasText: 'MBEA is registered' }).waitFor();
    await expectAccessible(page, 'associations');
    await screenshot(page, 'associations');
    await page.getByRole('link', { name: 'Invite a representative of MBEA' }).click();
    await heading(page, 'Invite someone').waitFor();
    await page.getByLabel('Association').selectOption({ label: 'MBEA — Moradabad Brassware Exporters Association' });
    await page.getByLabel('Their name').fill('Imran Qureshi');
    await page.getByLabel('Their email').fill(repEmail);
    await page.getByRole('button', { name: 'Send the invitation' }).click();

    // Assess: invited as the association's representative; the mail is in the outbox
    expect(await textOf(page.getByRole('status').filter({ hasText: 'is invited' }))).toContain(
      'Imran Qureshi is invited as Association representative of MBEA',
    );
    expect(await page.getByLabel('Invite as').inputValue()).toBe('association_rep');
    await expectAccessible(page, 'invite');
    await screenshot(page, 'invite');
    await page.getByRole('link', { name: 'Read it in the outbox' }).click();
    await page.getByRole('article').filter({ hasText: 'association representative of MBEA' }).waitFor();
  });

  it('lets the national admin suspend the cluster after a confirmation, and the audit trail records why', async () => {
    // Prepare
    const { page } = nac;
    await page.getByRole('link', { name: `Open ${cluster}` }).click();
    await page
      .getByRole('navigation', { name: `${cluster} pages` })
      .getByRole('link', { name: 'Manage' })
      .click();
    await heading(page, 'Manage the cluster').waitFor();

    // Act
    await page.getByLabel('Suspend it (read-only)').check();
    await page.getByLabel('Reason').fill('Accounts of the first year are under review');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: `Suspend ${cluster}?` }).waitFor();
    await expectAccessible(page, 'manage confirmation');
    await screenshot(page, 'manage-confirm');
    await page.getByRole('button', { name: 'Yes, suspend the cluster' }).click();

    // Assess
    await page
      .getByRole('status')
      .filter({ hasText: `${cluster} is now Suspended` })
      .waitFor();
    await page.getByRole('link', { name: 'Audit trail' }).click();
    const entry = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Cluster suspended' }) });
    expect(await textOf(entry)).toContain('Reason: Accounts of the first year are under review');
    expect(await textOf(page.getByRole('heading', { name: 'Invitation sent' }).first())).toBe('Invitation sent');
    // In words: who by name, and what changed before → after.
    expect(await textOf(entry)).toContain('by Asha Menon (National admin)');
    await entry.getByText('What changed').click();
    expect(await textOf(entry)).toContain('active → suspended');
    await expectAccessible(page, 'audit trail');
    await screenshot(page, 'audit');

    // Act: only the suspensions, then the same as a spreadsheet
    await page.getByLabel('Action').selectOption({ label: 'Cluster suspended' });
    await page.getByRole('button', { name: 'Show matching entries' }).click();
    await page.getByText('Showing only: Cluster suspended.').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as CSV' }).click(),
    ]);
    // The browser runs apart from the test (one Chromium for the run): read the file over its stream.
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const csv = Buffer.concat(chunks).toString('utf8');

    // Assess: the filter is in the address, the list and the file hold only the suspension
    expect(new URL(page.url()).searchParams.get('action')).toBe('cluster.suspended');
    expect(await page.getByRole('heading', { name: 'Invitation sent' }).count()).toBe(0);
    expect(await page.locator('li.audit-entry').count()).toBe(1);
    const rows = csv.trim().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('Asha Menon,National admin,Cluster suspended');
    expect(rows[1]).toContain('Accounts of the first year are under review');
  });
});
