import type { ScryptParams } from '../../functions/api/auth/passwords';

/**
 * The scrypt cost the integration and e2e harnesses hash with: N=2^10 instead of OWASP's 2^17.
 * One OWASP hash is ~0.3 s of CPU and 128 MiB on an idle 2-core machine, and a test run hashes or
 * checks hundreds of passwords (every seed, sign-up, sign-in and reset). The cost is a parameter
 * of the hasher, not of the flows: the same code runs, and tests/unit/api/passwords.test.ts pins
 * that deployments and `npm start` hash at OWASP's cost.
 */
export const TEST_SCRYPT: ScryptParams = { N: 2 ** 10, r: 8, p: 1 };
