import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, signInApi } from './support/api';
import { expectAccessible, openBrowser, screenshot, type BrowserUser } from './support/browser';
import { sharedStack } from './support/stack';
import { heading, signInUi, textOf, unique } from './support/ui';

/**
 * A person's own account: change the password, end another session, forget the password and
 * choose a new one by the mailed link. The journeys use a state admin this file invites, never a
 * demo account, so every other file still signs in with the demo password.
 */
describe('your account: password and sessions', () => {
  const stack = sharedStack();
  const email = `state.officer.${unique()}@goa.bds.example`;
  const first = 'monsoon over the konkan coast';
  const second = 'cashew feni and fish curry';
  const third = 'the mandovi at low tide';
  let person: BrowserUser;

  async function outboxText(to: string, subject: RegExp): Promise<string> {
    await stack.drain();
    const res = await fetch(`${stack.url}/api/outbox?email=${encodeURIComponent(to)}`);
    const { items } = (await res.json()) as { items: { subject: string; text: string }[] };
    const mail = items.find((m) => subject.test(m.subject));
    if (!mail) throw new Error(`no mail to ${to} matching ${subject}: ${items.map((m) => m.subject).join(', ')}`);
    return mail.text;
  }

  beforeAll(async () => {
    // Prepare (through the API, not the journey): a state admin of Goa, invited and accepted.
    const admin = await signInApi(stack.url, DEMO.nationalAdmin);
    const post = (path: string, body: unknown, token?: string) =>
      fetch(`${stack.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      }).then(async (r) => {
        if (!r.ok) throw new Error(`POST ${path} → ${r.status}: ${await r.text()}`);
      });
    await post('/api/invitations', { email, name: 'Goa Officer', role: 'state_admin', state: 'Goa' }, admin.token);
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(await outboxText(email, /invit/i))?.[1];
    await post(`/api/invitations/${token}/accept`, { password: first });
    person = await openBrowser();
  });
  afterAll(() => person?.close());

  it('lists the sessions, ends another one, and changes the password', async () => {
    // Prepare: signed in here, and on another device
    const { page } = person;
    const other = await fetch(`${stack.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Mozilla/5.0 (Windows NT 10.0) Firefox/128.0' },
      body: JSON.stringify({ email, password: first }),
    });
    expect(other.status).toBe(200);
    await signInUi(page, stack.url, email, first);

    // Act: the account page, from the header
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Your account' }).click();
    await heading(page, 'Your account').waitFor();
    const sessions = page.getByRole('region', { name: 'Your sessions' });
    await sessions.getByText('This device').waitFor();
    await sessions.getByText('Firefox on Windows').waitFor();
    await expectAccessible(page, 'account');
    await screenshot(page, 'account');
    const before = await sessions.getByRole('listitem').count();
    const firefox = sessions.getByRole('listitem').filter({ hasText: 'Firefox on Windows' });
    await firefox.getByRole('button', { name: /^End this session, signed in/ }).click();

    // Assess: that one is gone, this device stays
    await sessions.getByText('The session has ended.').waitFor();
    await expect.poll(() => sessions.getByRole('listitem').count(), { timeout: 15_000 }).toBe(before - 1);
    expect(await firefox.count()).toBe(0);
    await sessions.getByText('This device').waitFor();

    // Act: a wrong current password, a mismatch, then a good change
    const change = page.getByRole('region', { name: 'Change password' });
    await change.getByLabel('Current password').fill('not my password at all');
    await change.getByLabel('New password', { exact: true }).fill(second);
    await change.getByLabel('New password again').fill(`${second}!`);
    await change.getByRole('button', { name: 'Change password' }).click();
    expect(await textOf(page.locator('#password-again-error'))).toContain('The two new passwords are not the same');
    await change.getByLabel('New password again').fill(second);
    await change.getByRole('button', { name: 'Change password' }).click();
    expect(await textOf(page.locator('#currentPassword-error'))).toContain('The current password is wrong.');
    await change.getByLabel('Current password').fill(first);
    await change.getByRole('button', { name: 'Change password' }).click();

    // Assess: changed, still signed in here; then out, and in again with the new password only
    await change.getByText(/Your password is changed/).waitFor();
    await expectAccessible(page, 'account, password changed');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(`${stack.url}/sign-in`);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(first);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('#password-error').waitFor();
    await signInUi(page, stack.url, email, second);
    await page.getByRole('button', { name: 'Sign out' }).click();
  });

  it('mails a reset link, sets a new password with it once, and signs in with that', async () => {
    // Prepare
    const { page } = person;
    await page.goto(`${stack.url}/sign-in`);

    // Act: the request, from the sign-in page
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await heading(page, 'Forgot your password').waitFor();
    await expectAccessible(page, 'forgot password');
    await screenshot(page, 'forgot-password');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText(/If this email has an account/).waitFor();

    // Act: the mailed link, from the outbox page
    await stack.drain();
    await page.getByRole('link', { name: 'Read it in the outbox' }).click();
    const link = page
      .getByRole('article')
      .first()
      .getByRole('link', { name: /\/reset-password#token=/ });
    const href = new URL((await link.getAttribute('href')) ?? '', stack.url).toString();
    expect(href).toMatch(/\/reset-password#token=/);
    await page.goto(href);
    await heading(page, 'Choose a new password').waitFor();
    await expectAccessible(page, 'reset password');
    await screenshot(page, 'reset-password');
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Save the new password' }).click();
    expect(await textOf(page.locator('#password-error'))).toContain('Use at least 12 characters');
    await page.getByLabel('New password', { exact: true }).fill(third);
    await page.getByLabel('New password again').fill(third);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('Your password is changed. Sign in with it.').waitFor();

    // Assess: the link works once; the new password signs in
    await page.goto('about:blank');
    await page.goto(href);
    await page.getByLabel('New password', { exact: true }).fill(third);
    await page.getByLabel('New password again').fill(third);
    await page.getByRole('button', { name: 'Save the new password' }).click();
    await page.getByText('This link is not valid or has expired').waitFor();
    await expectAccessible(page, 'reset link used');
    await signInUi(page, stack.url, email, third);
  });

  it('answers a reset request for an unknown email as for a known one', async () => {
    // Prepare
    const { page } = person;
    await page.goto(`${stack.url}/forgot-password`);

    const nobody = `nobody.${unique()}@nowhere.bds.example`;

    // Act
    await page.getByLabel('Email').fill(nobody);
    await page.getByRole('button', { name: 'Send the link' }).click();

    // Assess: the same words, and no mail
    await page.getByText(/If this email has an account/).waitFor();
    await stack.drain();
    const res = await fetch(`${stack.url}/api/outbox?email=${encodeURIComponent(nobody)}`);
    expect(((await res.json()) as { items: unknown[] }).items).toEqual([]);
  });
});
