import { GetSecretValueCommand, PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { JWK } from 'jose';
import * as z from 'zod';
import { systemClock } from '../system';
import { generateSigningJwk } from './signing-jwk';

/** The key set: sign with `current`, still verify with `previous` (rotation without downtime). */
const KeySet = z.object({
  current: z.looseObject({ kty: z.literal('EC'), kid: z.string(), d: z.string() }),
  previous: z.array(z.looseObject({ kty: z.literal('EC'), kid: z.string() })).default([]),
});
export type KeySet = { current: JWK; previous: JWK[] };

/**
 * Loads the signing key set from Secrets Manager. The stack creates the secret with a random
 * placeholder; the first cold start replaces it with a generated key set. Concurrent cold
 * starts use the same ClientRequestToken, so only one key set is ever written: the losers
 * read the winner's.
 */
export async function loadSigningKeys(secretId: string, client = new SecretsManagerClient({})): Promise<KeySet> {
  const read = async () => client.send(new GetSecretValueCommand({ SecretId: secretId }));
  const first = await read();
  const parsed = parse(first.SecretString);
  if (parsed) return parsed;
  const generated = { current: await generateSigningJwk(`k-${systemClock.now().toString(36)}`), previous: [] };
  try {
    await client.send(
      new PutSecretValueCommand({
        SecretId: secretId,
        SecretString: JSON.stringify(generated),
        ClientRequestToken: `init-${first.VersionId ?? 'none'}`.padEnd(32, '0').slice(0, 64),
      }),
    );
    return generated;
  } catch {
    const winner = parse((await read()).SecretString);
    if (!winner) throw new Error(`Secret ${secretId} holds no signing key set and none could be written`);
    return winner;
  }
}

function parse(secret: string | undefined): KeySet | undefined {
  if (!secret) return undefined;
  try {
    const result = KeySet.safeParse(JSON.parse(secret));
    return result.success ? (result.data as KeySet) : undefined;
  } catch {
    return undefined;
  }
}
