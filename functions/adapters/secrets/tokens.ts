import { createHash, randomBytes } from 'node:crypto';
import { ATTENDANCE_CODE_ALPHABET, ATTENDANCE_CODE_LENGTH } from '@bds/core';

/** A fresh secret for a link or a refresh token: 256 random bits, URL-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** What the table stores instead of a secret: its SHA-256, hex. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/**
 * A firm's short attendance code, derived from a fresh secret (never from the link's token
 * alone, so knowing the code tells nothing of the link): 6 characters from an alphabet without
 * look-alikes, about 10⁹ values.
 *
 * @example
 * attendanceCode(newSecret()) // 'K7P3QX'
 */
export function attendanceCode(secret: string): string {
  const bytes = createHash('sha256').update(`code:${secret}`).digest();
  let code = '';
  for (let i = 0; i < ATTENDANCE_CODE_LENGTH; i++)
    code += ATTENDANCE_CODE_ALPHABET[bytes[i]! % ATTENDANCE_CODE_ALPHABET.length];
  return code;
}
