import { createHash } from 'node:crypto';
import { ID_PREFIXES, fixedClock, ulid, type IdKind } from '@bds/core';

// 1 April 2000: the programme's year. Seeded ids are fixed, so seeding twice writes the same rows.
const SEED_TIME = Date.UTC(2000, 3, 1);

/** A deterministic prefixed ULID for a seeded object, named by a stable slug. */
export function seedId(kind: IdKind, slug: string): string {
  const bytes = createHash('sha256').update(`${kind}:${slug}`).digest().subarray(0, 10);
  return `${ID_PREFIXES[kind]}_${ulid(fixedClock(SEED_TIME), () => new Uint8Array(bytes))}`;
}
