import { SignJWT, importJWK, jwtVerify, type CryptoKey, type JWK } from 'jose';
import * as z from 'zod';
import { DomainError, type Actor } from '@bds/core';
import { SIGNING_ALG as ALG } from '../../adapters/secrets/signing-jwk';
import { systemClock } from '../../adapters/system';

const AUDIENCE = 'bds-exchange-api';

const Claims = z.object({
  sub: z.string(),
  role: z.enum(['national_admin', 'state_admin', 'cluster_admin', 'association_rep', 'provider', 'funder']),
  org: z.string(),
  clu: z.array(z.string()),
  st: z.string().optional(),
  /** The account's session version when the token was issued (absent: 0). */
  sv: z.number().int().nonnegative().optional(),
  /** The session (refresh-token family) the token belongs to. */
  sid: z.string().max(40).optional(),
});

/** Which session a token belongs to, and the account's session version it was issued under. */
export interface SessionClaims {
  version: number;
  id?: string;
}
/** The caller, as a verified token says, with its session claims. */
export type VerifiedActor = Actor & { session: SessionClaims };

export interface TokenService {
  issue(actor: Actor, session?: SessionClaims): Promise<{ token: string; expiresAt: string }>;
  verify(token: string): Promise<VerifiedActor>;
  jwks(): Promise<{ keys: JWK[] }>;
}

/**
 * Signs and verifies access tokens. Verification pins the algorithm, issuer, audience and
 * expiry, so `alg: none`, a foreign key or a stale token are all refused.
 */
export async function createTokenService(opts: {
  privateJwk: JWK;
  previousJwks?: JWK[];
  issuer: string;
  ttlSeconds?: number;
  now?: () => number;
}): Promise<TokenService> {
  const publicOf = ({ d: _d, ...rest }: JWK): JWK => rest;
  const kid = opts.privateJwk.kid ?? 'default';
  const privateKey = (await importJWK(opts.privateJwk, ALG)) as CryptoKey;
  // Rotation without downtime: sign with the current key, verify with it and the previous ones.
  const verifying = [opts.privateJwk, ...(opts.previousJwks ?? [])].map(publicOf);
  const publicKeys = new Map<string, CryptoKey>();
  for (const jwk of verifying) publicKeys.set(jwk.kid ?? 'default', (await importJWK(jwk, ALG)) as CryptoKey);
  const ttl = opts.ttlSeconds ?? 15 * 60;
  const now = opts.now ?? systemClock.now;
  const unauthenticated = (message: string, cause?: unknown) =>
    new DomainError('AUTH.INVALID_TOKEN', 'unauthenticated', message, undefined, { cause });
  return {
    async issue(actor, session) {
      const iat = Math.floor(now() / 1000);
      const claims = {
        role: actor.role,
        org: actor.organisationId,
        clu: actor.clusterIds,
        ...(actor.state ? { st: actor.state } : {}),
        ...(session ? { sv: session.version, ...(session.id ? { sid: session.id } : {}) } : {}),
      };
      const token = await new SignJWT(claims)
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
        const { payload } = await jwtVerify(
          token,
          (header) => {
            const key = header.kid ? publicKeys.get(header.kid) : undefined;
            if (!key) throw unauthenticated('Unknown signing key');
            return key;
          },
          {
            algorithms: [ALG],
            issuer: opts.issuer,
            audience: AUDIENCE,
            currentDate: new Date(now()),
          },
        );
        const claims = Claims.parse(payload);
        const session = { version: claims.sv ?? 0, ...(claims.sid ? { id: claims.sid } : {}) };
        return {
          userId: claims.sub,
          role: claims.role,
          organisationId: claims.org,
          clusterIds: claims.clu,
          ...(claims.st ? { state: claims.st } : {}),
          session,
        };
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
