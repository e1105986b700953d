import { exportJWK, generateKeyPair, type JWK } from 'jose';

/**
 * The algorithm of every key that signs access tokens. The key stores (Secrets Manager, the local
 * data folder) generate keys with it and the API's token service signs and verifies with it, so it
 * lives here, below both.
 */
export const SIGNING_ALG = 'ES256';

/**
 * Generates a fresh ES256 key pair as a private JWK with a `kid` (first cold start, local runs, tests).
 *
 * @example
 * const jwk = await generateSigningJwk('k-1'); // { kty: 'EC', crv: 'P-256', d: '…', kid: 'k-1', alg: 'ES256' }
 */
export async function generateSigningJwk(kid: string): Promise<JWK> {
  const { privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALG, use: 'sig' };
}
