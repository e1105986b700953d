import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { JWK } from 'jose';
import { generateSigningJwk } from '../adapters/secrets/signing-jwk';
import { systemClock } from '../adapters/system';

/** The local signing key: generated once into the data folder, so sessions survive restarts. */
export async function localSigningKey(dataDir: string): Promise<JWK> {
  const file = join(dataDir, 'keys', 'jwt-signing-key.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as JWK;
  } catch {
    const jwk = await generateSigningJwk(`local-${systemClock.now().toString(36)}`);
    await mkdir(join(dataDir, 'keys'), { recursive: true });
    await writeFile(file, JSON.stringify(jwk), { mode: 0o600 });
    return jwk;
  }
}
