import { describe, expect, it } from 'vitest';
import {
  OWASP_SCRYPT,
  createPasswordHasher,
  hashPassword,
  verifyPassword,
} from '../../../functions/api/auth/passwords';

const FAST = { N: 2 ** 12, r: 8, p: 1 } as const;

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery', FAST);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same', FAST)).not.toBe(await hashPassword('same', FAST));
  });

  // OWASP cost is ~0.3 s a hash when idle, seconds on a busy machine: these two get room.
  it('stores its parameters, OWASP strength by default', { timeout: 30_000 }, async () => {
    const stored = await hashPassword('pw');
    expect(stored.split('$').slice(0, 4)).toEqual(['scrypt', String(OWASP_SCRYPT.N), '8', '1']);
    expect(await verifyPassword('pw', stored)).toBe(true);
  });

  it("the routes' hasher is OWASP strength unless told otherwise", { timeout: 30_000 }, async () => {
    const passwords = createPasswordHasher();
    expect((await passwords.hash('pw')).split('$').slice(0, 4)).toEqual(['scrypt', String(OWASP_SCRYPT.N), '8', '1']);
    // The dummy hash checked for an unknown email costs what a real one costs, and matches nothing.
    expect(passwords.dummyHash.split('$').slice(0, 4)).toEqual(['scrypt', String(OWASP_SCRYPT.N), '8', '1']);
  });

  it('a cheaper hasher records its own cost, and its dummy hash never verifies', async () => {
    const passwords = createPasswordHasher(FAST);
    const stored = await passwords.hash('pw');
    expect(stored.split('$').slice(0, 4)).toEqual(['scrypt', String(FAST.N), '8', '1']);
    expect(await passwords.verify('pw', stored)).toBe(true);
    expect(passwords.dummyHash.split('$').slice(0, 4)).toEqual(['scrypt', String(FAST.N), '8', '1']);
    expect(await passwords.verify('', passwords.dummyHash)).toBe(false);
    expect(await passwords.verify('pw', passwords.dummyHash)).toBe(false);
  });

  it('never matches a malformed hash', async () => {
    for (const bad of ['', 'plain', 'bcrypt$1$2$3$4$5', 'scrypt$$$$$'])
      expect(await verifyPassword('pw', bad)).toBe(false);
  });
});
