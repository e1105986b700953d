import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/api/app';
import { createStores } from '../../../functions/adapters/dynamo/stores';
import { STANDING_CACHE_MS } from '../../../functions/api/security/session-check';
import { DEMO_PASSWORD, DEMO_USERS } from '../../../functions/local/seed/data';
import { seedId } from '../../../functions/local/seed/ids';
import { testApp, testClock, type TestApp } from '../support/test-app';

const email = (slug: string) => DEMO_USERS.find((u) => u.slug === slug)!.email;

describe('sessions you can end', () => {
  let t: TestApp;
  const clock = testClock();
  beforeAll(async () => {
    t = await testApp({ clock });
  });
  afterAll(() => t.stop());

  const signIn = async (slug: string, password = DEMO_PASSWORD) => {
    const res = await t.call('POST', '/api/auth/sign-in', {
      body: { email: email(slug), password },
      headers: { 'user-agent': `test-${slug}` },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { accessToken: string; refreshToken: string; user: { id: string } };
  };
  const me = (token: string) => t.call('GET', '/api/me', { token });
  const refresh = (refreshToken: string) => t.call('POST', '/api/auth/refresh', { body: { refreshToken } });
  const securityEvents = async () => {
    const nac = await t.deps.tokens.issue({
      userId: seedId('user', 'nac'),
      role: 'national_admin',
      organisationId: 'org_nac',
      clusterIds: [],
    });
    return (await t.call('GET', '/api/security-events?limit=100', { token: nac.token })).body.items as {
      action: string;
      subject: string;
    }[];
  };

  it('a replayed refresh token ends its whole family and every access token, and is recorded', async () => {
    // Prepare: sign in, then rotate once
    const first = await signIn('appeal');
    const second = (await refresh(first.refreshToken)).body;
    expect(second.refreshToken).toBeDefined();
    // Act: the rotated-out token comes back (a thief's copy)
    const replay = await refresh(first.refreshToken);
    // Assess
    expect(replay).toMatchObject({ status: 401, body: { code: 'AUTH.SESSION_REUSED' } });
    expect((await refresh(second.refreshToken)).status).toBe(401);
    expect((await me(second.accessToken)).body).toMatchObject({ status: 401, code: 'AUTH.SESSION_REVOKED' });
    expect(await securityEvents()).toContainEqual(
      expect.objectContaining({ action: 'auth.refresh_reuse', subject: first.user.id }),
    );
  });

  it('sign-out stops the access token at once on this instance', async () => {
    const s = await signIn('calico');
    expect((await me(s.accessToken)).status).toBe(200);
    expect((await t.call('POST', '/api/auth/sign-out', { body: { refreshToken: s.refreshToken } })).status).toBe(204);
    expect((await me(s.accessToken)).body).toMatchObject({ status: 401, code: 'AUTH.SESSION_REVOKED' });
    expect((await refresh(s.refreshToken)).status).toBe(401);
  });

  it(
    `another instance refuses the signed-out token within ` + `${STANDING_CACHE_MS} ms (the worst-case window)`,
    async () => {
      // Prepare: a second API process over the same table (its own cache), which has just seen the token
      // Its own hand-moved clock: under load, real time passing must not decide the assertion.
      let now = Date.now();
      const other = createApp({ ...t.deps, stores: createStores(t.stores.db), clock: { now: () => now } });
      const s = await signIn('jaipur-cda');
      const onOther = async () =>
        (await other.request('/api/me', { headers: { authorization: `Bearer ${s.accessToken}` } })).status;
      expect(await onOther()).toBe(200);
      // Act
      await t.call('POST', '/api/auth/sign-out', { body: { refreshToken: s.refreshToken } });
      // Assess: inside the window the other instance still trusts its cache; after it, it refuses
      now += STANDING_CACHE_MS - 1;
      expect(await onOther()).toBe(200);
      now += 1;
      expect(await onOther()).toBe(401);
    },
  );

  it(
    'a cluster admin disables a rep of their cluster: tokens, ' + 'refresh and sign-in stop; re-enabled, sign-in works',
    async () => {
      const rep = await signIn('knidgro');
      const cda = await signIn('ludhiana-cda');
      const jaipur = await signIn('jaipur-cda');
      const status = (token: string, disabled: boolean) =>
        t.call('POST', `/api/users/${rep.user.id}/status`, {
          token,
          body: { disabled, reason: 'Left the association in November' },
        });
      expect((await status(jaipur.accessToken, true)).body).toMatchObject({ status: 404, code: 'USER.NOT_FOUND' });
      expect((await status(cda.accessToken, true)).body).toEqual({ id: rep.user.id, disabled: true });
      expect((await me(rep.accessToken)).body).toMatchObject({ status: 401, code: 'AUTH.USER_DISABLED' });
      expect((await refresh(rep.refreshToken)).status).toBe(401);
      expect(
        (await t.call('POST', '/api/auth/sign-in', { body: { email: email('knidgro'), password: DEMO_PASSWORD } }))
          .status,
      ).toBe(401);
      expect((await securityEvents()).map((e) => e.action)).toContain('user.disable');
      expect((await status(cda.accessToken, false)).status).toBe(200);
      await signIn('knidgro');
    },
  );

  it('a cluster admin cannot disable a provider, nor an admin of another state', async () => {
    const cda = await signIn('ludhiana-cda');
    const provider = seedId('user', 'it-training');
    const res = await t.call('POST', `/api/users/${provider}/status`, {
      token: cda.accessToken,
      body: { disabled: true, reason: 'Not theirs to disable' },
    });
    expect(res.body).toMatchObject({ status: 404, code: 'USER.NOT_FOUND' });
  });

  it('a password change ends every other session and needs the current password', async () => {
    const elsewhere = await signIn('erp');
    const here = await signIn('erp');
    const change = (currentPassword: string) =>
      t.call('POST', '/api/me/password', {
        token: here.accessToken,
        body: { currentPassword, newPassword: 'a brand new passphrase' },
      });
    expect((await change('wrong-password')).body).toMatchObject({
      status: 422,
      errors: [{ field: 'currentPassword' }],
    });
    const changed = await change(DEMO_PASSWORD);
    expect(changed.status).toBe(200);
    expect((await me(elsewhere.accessToken)).status).toBe(401);
    expect((await refresh(elsewhere.refreshToken)).status).toBe(401);
    expect((await me(changed.body.accessToken)).status).toBe(200);
    await signIn('erp', 'a brand new passphrase');
  });

  it('a reset link: same answer for any email, works once, expires, ends every session', async () => {
    // Prepare
    const before = await signIn('nift');
    const ask = (address: string) => t.call('POST', '/api/auth/password-reset', { body: { email: address } });
    // Act
    const known = await ask(email('nift'));
    const unknown = await ask('nobody-here@example.org');
    // Assess: nothing tells the two apart
    expect(unknown).toMatchObject({ status: known.status, body: known.body });
    expect(known.status).toBe(202);
    const mail = (await t.deps.outbox!.list(email('nift')))[0]!;
    expect(mail.subject).toContain('Reset');
    const token = /#token=([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    const confirm = () =>
      t.call('POST', '/api/auth/password-reset/confirm', { body: { token, password: 'reset to something long' } });
    expect((await confirm()).status).toBe(204);
    expect((await confirm()).body).toMatchObject({
      status: 422,
      code: 'AUTH.RESET_INVALID',
      errors: [{ field: 'token' }],
    });
    expect((await me(before.accessToken)).status).toBe(401);
    await signIn('nift', 'reset to something long');
    expect((await securityEvents()).map((e) => e.action)).toContain('auth.password_reset');
  });

  it('a reset link expires after an hour', async () => {
    await t.call('POST', '/api/auth/password-reset', { body: { email: email('lab') } });
    const token = /#token=([A-Za-z0-9_-]+)/.exec((await t.deps.outbox!.list(email('lab')))[0]!.text)![1]!;
    clock.advance(61 * 60_000);
    const res = await t.call('POST', '/api/auth/password-reset/confirm', {
      body: { token, password: 'too late for this one' },
    });
    expect(res.body).toMatchObject({ status: 422, code: 'AUTH.RESET_INVALID' });
  });

  it("lists a user's sessions and ends one of them", async () => {
    const a = await signIn('punjab');
    const b = await signIn('punjab');
    const list = await t.call('GET', '/api/me/sessions', { token: a.accessToken });
    const items = list.body.items as { id: string; current: boolean; userAgent?: string }[];
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.filter((s) => s.current)).toHaveLength(1);
    expect(items[0]!.userAgent).toBe('test-punjab');
    const other = items.find((s) => !s.current)!;
    expect((await t.call('DELETE', `/api/me/sessions/${other.id}`, { token: a.accessToken })).status).toBe(204);
    expect((await refresh(b.refreshToken)).status).toBe(401);
    const nacSession = await signIn('nac');
    expect(
      (await t.call('DELETE', `/api/me/sessions/${nacSession.refreshToken.slice(0, 10)}`, { token: a.accessToken }))
        .status,
    ).toBeGreaterThanOrEqual(400);
  });

  it('the failure that reaches the account limit is a lockout in the security trail', async () => {
    for (let i = 0; i < 5; i++)
      await t.call('POST', '/api/auth/sign-in', { body: { email: email('sidbi'), password: 'not the password' } });
    const locked = await t.call('POST', '/api/auth/sign-in', {
      body: { email: email('sidbi'), password: DEMO_PASSWORD },
    });
    expect(locked.status).toBe(429);
    expect(await securityEvents()).toContainEqual(
      expect.objectContaining({ action: 'auth.lockout', subject: `acct#${email('sidbi')}` }),
    );
  });
});
