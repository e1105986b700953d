import { SignJWT, exportJWK, generateKeyPair, importJWK, jwtVerify, type CryptoKey, type JWK } from 'jose';
import { z } from 'zod';
import { DomainError, type Actor } from '@bds/core';

const ALG = 'ES256';
const AUDIENCE = 'bds-exchange-api';

const Claims = z.object({
  sub: z.string(),
  role: z.enum(['national_admin', 'state_admin', 'cluster_admin', 'association_rep', 'provider', 'funder']),
  org: z.string(),
  clu: z.array(z.string()),
  st: z.string().optional(),
});

export interface TokenService {
  issue(actor: Actor): Promise<{ token: string; expiresAt: string }>;
  verify(token: string): Promise<Actor>;
  jwks(): Promise<{ keys: JWK[] }>;
}

/** Generates a fresh ES256 key pair as a private JWK with a `kid` (local runs, tests). */
export async function generateSigningJwk(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair(ALG, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: ALG, use: 'sig' };
}

/**
 * Signs and verifies access tokens. Verification pins the algorithm, issuer, audience and
 * expiry, so `alg: none`, a foreign key or a stale token are all refused.
 */
export async function createTokenService(opts: { privateJwk: JWK; previousJwks?: JWK[]; issuer: string; ttlSeconds?: number; now?: () => number }): Promise<TokenService> {
  const publicOf = ({ d: _d, ...rest }: JWK): JWK => rest;
  const kid = opts.privateJwk.kid ?? 'default';
  const privateKey = (await importJWK(opts.privateJwk, ALG)) as CryptoKey;
  // Rotation without downtime: sign with the current key, verify with it and the previous ones.
  const verifying = [opts.privateJwk, ...(opts.previousJwks ?? [])].map(publicOf);
  const publicKeys = new Map<string, CryptoKey>();
  for (const jwk of verifying) publicKeys.set(jwk.kid ?? 'default', (await importJWK(jwk, ALG)) as CryptoKey);
  const ttl = opts.ttlSeconds ?? 15 * 60;
  const now = opts.now ?? Date.now;
  const unauthenticated = (message: string, cause?: unknown) => new DomainError('AUTH.INVALID_TOKEN', 'unauthenticated', message, undefined, { cause });
  return {
    async issue(actor) {
      const iat = Math.floor(now() / 1000);
      const token = await new SignJWT({ role: actor.role, org: actor.organisationId, clu: actor.clusterIds, ...(actor.state ? { st: actor.state } : {}) })
        .setProtectedHeader({ alg: ALG, kid, typ: 'JWT' })
        .setSubject(actor.userId)
        .setIssuer(opts.issuer)
        .setAudience(AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttl)
        .sign(privateKey);
      return { token, expiresAt: new Date((iat + ttl) * 1000).toISOString() };
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, (header) => {
          const key = header.kid ? publicKeys.get(header.kid) : undefined;
          if (!key) throw unauthenticated('Unknown signing key');
          return key;
        }, {
          algorithms: [ALG],
          issuer: opts.issuer,
          audience: AUDIENCE,
          currentDate: new Date(now()),
        });
        const claims = Claims.parse(payload);
        return { userId: claims.sub, role: claims.role, organisationId: claims.org, clusterIds: claims.clu, ...(claims.st ? { state: claims.st } : {}) };
      } catch (error) {
        if (error instanceof DomainError) throw error;
        throw unauthenticated('The access token is invalid or has expired; sign in again.', error);
      }
    },
    async jwks() {
      return { keys: verifying.map((jwk) => ({ ...jwk, alg: ALG, use: 'sig' })) };
    },
  };
}
