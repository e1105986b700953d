import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Role } from '@bds/core';
import { allRoutes } from '../../../functions/api/routes';
import type { AnyRoute } from '../../../functions/api/route';
import { API_SECURITY_HEADERS } from '../../../functions/api/security/headers';
import { createLogger } from '../../../functions/observability/logger';
import type { TestApp } from '../support/test-app';
import { demoActor, LUDHIANA, marketApp, newRequest, providerActor, tokenOf } from './support';

const ACTORS: Record<Role, Actor> = {
  association_rep: demoActor('knidgro'),
  provider: providerActor('itTraining'),
  cluster_admin: demoActor('ludhiana-cda'),
  state_admin: demoActor('punjab'),
  national_admin: demoActor('nac'),
  funder: demoActor('sidbi'),
};
const roleFor = (route: AnyRoute): Role | undefined =>
  route.access === 'public' ? undefined : route.access === 'signed-in' ? 'association_rep' : (route.access[0] as Role);

describe('hostile input', () => {
  let t: TestApp;
  const tokens = {} as Record<Role, string>;
  beforeAll(async () => {
    t = await marketApp();
    for (const [role, actor] of Object.entries(ACTORS)) tokens[role as Role] = await tokenOf(t, actor);
  });
  afterAll(() => t.stop());

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])(
    'a body field named %s is refused as unknown',
    async (field) => {
      // Prepare: raw JSON, so the key is an own property as JSON.parse makes it
      const valid = JSON.stringify(newRequest(Date.now()));
      const body = `{"${field}":{"role":"national_admin"},${valid.slice(1)}`;
      // Act
      const res = await t.call('POST', `/api/clusters/${LUDHIANA}/requests`, { token: tokens.association_rep, body });
      // Assess
      expect(res.status).toBe(400);
      expect(res.type).toContain('application/problem+json');
      expect(res.body.errors).toContainEqual({ field, message: expect.stringContaining('Unknown field') });
    },
  );

  it.each([2_049, 3_000, 10_240])(
    'a %i-character cluster id is a 400 naming clusterId, before any read',
    async (length) => {
      const id = `clu_${'A'.repeat(length - 4)}`;
      const res = await t.call('PUT', `/api/clusters/${id}/policy`, { token: tokens.national_admin, body: {} });
      expect(res.status).toBe(400);
      expect(res.body.errors).toContainEqual(expect.objectContaining({ field: 'clusterId' }));
    },
  );

  it('the API log names the route, never the invitation token in the path', async () => {
    // Prepare
    const lines: string[] = [];
    const previous = t.deps.log;
    t.deps.log = createLogger({ level: 'debug', write: (line) => lines.push(line) });
    const token = 'SeCrEtInViTaTiOnToKeN0123456789abcdef';
    try {
      // Act
      await t.call('GET', `/api/invitations/${token}`);
      await t.call('POST', `/api/invitations/${token}/accept`, { body: { password: 'a long enough password' } });
    } finally {
      t.deps.log = previous;
    }
    // Assess
    expect(lines.join('\n')).toContain('/api/invitations/:token');
    expect(lines.join('\n')).not.toContain(token);
  });

  it('every route answers with the security headers, whatever its status', async () => {
    const missing: string[] = [];
    const paths = [
      ...allRoutes.map(
        (r) =>
          [r.method, r.path.replace(/:clusterId/, LUDHIANA).replace(/:([A-Za-z]+)/g, 'abc_1'), roleFor(r)] as const,
      ),
      ['get', '/docs', undefined],
      ['get', '/openapi.json', undefined],
      ['get', '/api/no-such-route', undefined],
    ] as const;
    for (const [method, path, role] of paths) {
      const res = await t.app.request(path, {
        method: method.toUpperCase(),
        headers: { ...(role ? { authorization: `Bearer ${tokens[role]}` } : {}), 'content-type': 'application/json' },
        ...(method === 'get' ? {} : { body: '{}' }),
      });
      for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) {
        const got = res.headers.get(name);
        const ok = name === 'content-security-policy' ? got?.includes("default-src 'none'") : got === value;
        if (!ok) missing.push(`${method} ${path} → ${res.status}: ${name}=${got}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
