import { describe, expect, it } from 'vitest';
import { OWASP_SCRYPT, hashPassword, verifyPassword } from '../../../functions/api/auth/passwords';

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

  it('stores its parameters, OWASP strength by default', async () => {
    const stored = await hashPassword('pw');
    expect(stored.split('$').slice(0, 4)).toEqual(['scrypt', String(OWASP_SCRYPT.N), '8', '1']);
    expect(await verifyPassword('pw', stored)).toBe(true);
  });

  it('never matches a malformed hash', async () => {
    for (const bad of ['', 'plain', 'bcrypt$1$2$3$4$5', 'scrypt$$$$$'])
      expect(await verifyPassword('pw', bad)).toBe(false);
  });
});
