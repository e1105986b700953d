import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECURITY_TRAIL } from '@bds/core';
import { DEMO_USERS } from '../../../functions/local/seed/data';
import { testClock, testApp, type TestApp } from '../support/test-app';

const PASSWORD = 'a long enough passphrase';
const TAKEN = DEMO_USERS.find((u) => u.role === 'provider')!.email;
const fresh = (slug: string) => `${slug}-${Math.random().toString(36).slice(2, 8)}@providers.example`;
const form = (email: string, name = `Kutch Testing Lab ${Math.random().toString(36).slice(2, 6)}`) => ({
  name,
  city: 'Bhuj',
  categories: ['testing'],
  contactName: 'Nisha Joshi',
  email,
  password: PASSWORD,
});

/**
 * Sign-up by mailed link (docs/security.md): the request answers alike for every email, the link
 * creates the provider and its account once, and a link that cannot be used records nothing.
 */
describe('provider sign-up by mailed link', () => {
  let t: TestApp;
  const clock = testClock();
  beforeAll(async () => {
    t = await testApp({ clock });
  });
  afterAll(() => t.stop());

  const signUp = (body: ReturnType<typeof form>) => t.call('POST', '/api/providers', { body });
  const confirm = (token: string) => t.call('POST', '/api/providers/sign-up/confirm', { body: { token } });
  const mails = (to: string) => t.deps.outbox!.list(to);
  const linkIn = async (to: string) => /#token=([A-Za-z0-9_-]+)/.exec((await mails(to))[0]!.text)![1]!;
  /** Every provider and user item that names this email (a test table of its own: a Scan is fine). */
  const recorded = async (email: string) => {
    const out = await t.stores.db.doc.send(
      new ScanCommand({
        TableName: t.tableName,
        FilterExpression: '(entity = :p AND contactEmail = :e) OR (entity = :u AND email = :e)',
        ExpressionAttributeValues: { ':p': 'provider', ':u': 'user', ':e': email.toLowerCase() },
      }),
    );
    return (out.Items ?? []).map((i) => i.entity as string).sort();
  };

  it('answers a taken and a new email with the same status and body (a taken email was 409 before)', async () => {
    // Prepare
    const email = fresh('new');
    const before = await recorded(TAKEN);

    // Act
    const taken = await signUp(form(TAKEN));
    const open = await signUp(form(email));

    // Assess: nothing in the answer tells them apart
    expect(taken.status).toBe(202);
    expect(open.status).toBe(taken.status);
    expect(open.body).toEqual(taken.body);
    expect(taken.type).toBe(open.type);
    // Assess: the owner of the taken address is told; the new address gets its link; neither has a new account yet
    const notice = (await mails(TAKEN))[0]!;
    expect(notice.subject).toBe('Someone tried to sign up for BDS Exchange with your address');
    expect(notice.text).not.toMatch(/token/);
    expect((await mails(email))[0]!.text).toMatch(/\/providers\/sign-up\/confirm#token=[A-Za-z0-9_-]{43}\n/);
    expect(await recorded(TAKEN)).toEqual(before);
    expect(await recorded(email)).toEqual([]);
  });

  it('records a sign-up attempt with a taken email as a security event', async () => {
    // Act
    await signUp(form(TAKEN));

    // Assess
    const nac = await t.signIn(DEMO_USERS.find((u) => u.slug === 'nac')!.email);
    const events = await t.call('GET', '/api/security-events', { token: nac });
    const user = await t.stores.users.byEmail(TAKEN);
    expect(events.body.items[0]).toMatchObject({ action: 'auth.sign_up_taken', subject: user!.id });
    expect(events.body.items[0].clusterId).toBe(SECURITY_TRAIL);
  });

  it('creates the provider and its account from the link once, signed in, ready to apply to clusters', async () => {
    // Prepare
    const email = fresh('once');
    await signUp(form(email, 'Kutch Energy Auditors'));
    const token = await linkIn(email);

    // Act
    const done = await confirm(token);
    const again = await confirm(token);

    // Assess: signed in as the new provider, which can apply at once
    expect(done.status).toBe(201);
    expect(done.body.user).toMatchObject({
      email,
      name: 'Nisha Joshi',
      role: 'provider',
      organisationName: 'Kutch Energy Auditors',
      clusterIds: [],
    });
    const provider = await t.stores.providers.get(done.body.user.organisationId);
    expect(provider).toMatchObject({ name: 'Kutch Energy Auditors', accredited: false, contactEmail: email });
    const apply = await t.call('POST', '/api/registrations', {
      token: done.body.accessToken,
      body: { clusterId: DEMO_USERS.find((u) => u.slug === 'ludhiana-cda')!.clusterIds[0] },
    });
    expect(apply.status).toBe(201);
    const signIn = await t.call('POST', '/api/auth/sign-in', { body: { email, password: PASSWORD } });
    expect(signIn.status).toBe(200);
    // Assess: the link works once; the second use creates nothing
    expect(again.status).toBe(422);
    expect(again.type).toContain('application/problem+json');
    expect(again.body).toMatchObject({ code: 'SIGNUP.LINK_INVALID', errors: [{ field: 'token' }] });
    expect(await recorded(email)).toEqual(['provider', 'user']);
  });

  it('refuses a link after 24 hours, and records nothing', async () => {
    // Prepare
    const email = fresh('late');
    await signUp(form(email));
    const token = await linkIn(email);
    clock.advance(24 * 60 * 60 * 1000 + 1000);

    // Act
    const late = await confirm(token);

    // Assess
    expect(late.status).toBe(422);
    expect(late.body.code).toBe('SIGNUP.LINK_INVALID');
    expect(await recorded(email)).toEqual([]);
  });

  it('refuses a forged or mangled token, and records nothing', async () => {
    // Prepare
    const email = fresh('forged');
    await signUp(form(email));
    const real = await linkIn(email);
    const forged = `${real.slice(0, -1)}${real.endsWith('A') ? 'B' : 'A'}`;

    // Act
    const wellFormed = await confirm(forged);
    const mangled = await confirm('not a token');

    // Assess
    expect(wellFormed.status).toBe(422);
    expect(wellFormed.body.code).toBe('SIGNUP.LINK_INVALID');
    expect(mangled.status).toBe(400);
    expect(mangled.body.errors[0].field).toBe('token');
    expect(await recorded(email)).toEqual([]);
  });

  it('two links to one address: the first followed wins, the second finds the email taken', async () => {
    // Prepare
    const email = fresh('twice');
    await signUp(form(email, 'First Try Labs'));
    const first = await linkIn(email);
    await signUp(form(email, 'Second Try Labs'));
    const second = await linkIn(email);

    // Act
    const won = await confirm(second);
    const lost = await confirm(first);

    // Assess
    expect(won.body.user.organisationName).toBe('Second Try Labs');
    expect(lost.status).toBe(409);
    expect(lost.body.code).toBe('USER.EMAIL_TAKEN');
    expect(await recorded(email)).toEqual(['provider', 'user']);
  });
});
