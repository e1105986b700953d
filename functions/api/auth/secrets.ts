import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret for a link or a refresh token: 256 random bits, URL-safe. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** What the table stores instead of a secret: its SHA-256, hex. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');
