import * as z from 'zod';
import { invalid } from '@bds/core';

const Key = z.record(z.string(), z.union([z.string(), z.number()]));

/** An opaque page cursor: the last evaluated key, base64url JSON. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | null {
  return key ? Buffer.from(JSON.stringify(key)).toString('base64url') : null;
}

/**
 * Decodes a cursor and checks it belongs to the partition being read, so a cursor can't
 * be forged to read another tenant's items.
 */
export function decodeCursor(
  cursor: string | undefined,
  expected: { attribute: string; value: string },
): Record<string, string | number> | undefined {
  if (!cursor) return undefined;
  const bad = () => invalid('PAGE.BAD_CURSOR', 'The cursor is not one this list returned', 'cursor');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const key = Key.safeParse(parsed);
  if (!key.success || key.data[expected.attribute] !== expected.value) throw bad();
  return key.data;
}

/** One page of a list and the cursor of the next one (null at the end). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
