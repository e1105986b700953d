import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) =>
    scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );

/** scrypt's cost parameters: N (CPU and memory), r (block size), p (parallelism). */
export interface ScryptParams {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** OWASP's scrypt floor: N=2^17, r=8, p=1 (128·N·r bytes = 128 MiB, so maxmem is raised). */
export const OWASP_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;

/**
 * Hashes a password as `scrypt$N$r$p$salt$hash` (base64url), so parameters can rise later
 * without breaking stored hashes.
 *
 * @example
 * const stored = await hashPassword('correct horse');
 * await verifyPassword('correct horse', stored) // true
 */
export async function hashPassword(password: string, params: ScryptParams = OWASP_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, {
    ...params,
    maxmem: 256 * params.N * params.r,
  });
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** Checks a password against a stored hash in constant time; a malformed hash never matches. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const N = Number(n);
  const params = { N, r: Number(r), p: Number(p), maxmem: 256 * N * Number(r) };
  const expected = Buffer.from(hash, 'base64url');
  const actual = await scrypt(password.normalize('NFKC'), Buffer.from(salt, 'base64url'), expected.length, params);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** How routes hash and check passwords: one cost for every hash, and a dummy hash of that cost. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
  /** Checked when no account has the email, so a refusal takes as long whether or not it exists. */
  readonly dummyHash: string;
}

/**
 * The hasher at a given cost: OWASP's in every deployment and on `npm start`. Only the test
 * harnesses pass a cheaper cost (one OWASP hash is ~0.3 s of CPU and 128 MiB; a test run makes
 * hundreds); hashes record their parameters, so verification is always at the stored cost.
 *
 * @example
 * const passwords = createPasswordHasher();
 * await passwords.verify('x', await passwords.hash('x')) // true
 */
export function createPasswordHasher(params: ScryptParams = OWASP_SCRYPT): PasswordHasher {
  const zeros = (bytes: number) => Buffer.alloc(bytes).toString('base64url');
  return {
    hash: (password) => hashPassword(password, params),
    verify: verifyPassword,
    dummyHash: ['scrypt', params.N, params.r, params.p, zeros(16), zeros(KEY_LENGTH)].join('$'),
  };
}
