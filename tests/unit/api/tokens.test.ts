import { describe, expect, it } from 'vitest';
import { SignJWT, UnsecuredJWT, importJWK, type JWK } from 'jose';
import type { Actor } from '@bds/core';
import { createTokenService } from '../../../functions/api/auth/tokens';
import { generateSigningJwk } from '../../../functions/adapters/secrets/signing-jwk';

const actor: Actor = { userId: 'usr_1', role: 'association_rep', organisationId: 'asc_1', clusterIds: ['clu_1'] };

async function service(overrides: { jwk?: JWK; now?: () => number; issuer?: string } = {}) {
  const jwk = overrides.jwk ?? (await generateSigningJwk('k1'));
  return {
    jwk,
    tokens: await createTokenService({
      privateJwk: jwk,
      issuer: overrides.issuer ?? 'bds-exchange',
      ...(overrides.now ? { now: overrides.now } : {}),
    }),
  };
}

describe('access tokens', () => {
  it('round-trips the actor (a token without session claims is of session version 0)', async () => {
    const { tokens } = await service();
    const { token } = await tokens.issue(actor);
    expect(await tokens.verify(token)).toEqual({ ...actor, session: { version: 0 } });
  });

  it('round-trips the session claims', async () => {
    const { tokens } = await service();
    const { token } = await tokens.issue(actor, { version: 7, id: 'ses_01J0000000000000000000000' });
    expect((await tokens.verify(token)).session).toEqual({ version: 7, id: 'ses_01J0000000000000000000000' });
  });

  it('refuses a token whose signature was tampered with', async () => {
    const { tokens } = await service();
    const { token } = await tokens.issue(actor);
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), role: 'national_admin' }),
    ).toString('base64url');
    await expect(tokens.verify(`${h}.${forged}.${s}`)).rejects.toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
  });

  it('refuses alg none', async () => {
    const { tokens } = await service();
    const unsigned = new UnsecuredJWT({ role: 'national_admin', org: 'x', clu: [] })
      .setSubject('usr_1')
      .setIssuer('bds-exchange')
      .setAudience('bds-exchange-api')
      .setExpirationTime('1h')
      .encode();
    await expect(tokens.verify(unsigned)).rejects.toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
  });

  it('refuses an expired token', async () => {
    let now = Date.UTC(2026, 0, 1);
    const { tokens } = await service({ now: () => now });
    const { token } = await tokens.issue(actor);
    now += 16 * 60 * 1000;
    await expect(tokens.verify(token)).rejects.toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
  });

  it('refuses a token signed by another key, another issuer or for another audience', async () => {
    const { tokens } = await service();
    const other = await service({ jwk: await generateSigningJwk('k1') });
    const foreignIssuer = await service({ issuer: 'someone-else' });
    await expect(tokens.verify((await other.tokens.issue(actor)).token)).rejects.toMatchObject({
      code: 'AUTH.INVALID_TOKEN',
    });
    await expect(tokens.verify((await foreignIssuer.tokens.issue(actor)).token)).rejects.toMatchObject({
      code: 'AUTH.INVALID_TOKEN',
    });
  });

  it('refuses the right key with the wrong audience or an unknown kid', async () => {
    const { tokens, jwk } = await service();
    const key = await importJWK(jwk, 'ES256');
    const sign = (kid: string, aud: string) =>
      new SignJWT({ role: 'provider', org: 'prv_1', clu: [] })
        .setProtectedHeader({ alg: 'ES256', kid })
        .setSubject('usr_1')
        .setIssuer('bds-exchange')
        .setAudience(aud)
        .setIssuedAt()
        .setExpirationTime('5m')
        .sign(key);
    await expect(tokens.verify(await sign('k1', 'another-api'))).rejects.toMatchObject({ code: 'AUTH.INVALID_TOKEN' });
    await expect(tokens.verify(await sign('k2', 'bds-exchange-api'))).rejects.toMatchObject({
      code: 'AUTH.INVALID_TOKEN',
    });
    expect((await tokens.verify(await sign('k1', 'bds-exchange-api'))).role).toBe('provider');
  });

  it('publishes only the public key', async () => {
    const { tokens } = await service();
    const { keys } = await tokens.jwks();
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toHaveProperty('d');
    expect(keys[0]).toMatchObject({ kid: 'k1', alg: 'ES256', kty: 'EC' });
  });
});
