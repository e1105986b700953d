import { webcrypto } from 'node:crypto';
import { idGenerator, type Clock, type IdGenerator, type RandomBytes } from '@bds/core';

/**
 * The system clock: every instant the marketplace records or decides by (stored timestamps, deadlines,
 * token expiry, schedules, ids, TTLs) is read here. ESLint refuses `Date.now()` and `new Date()` in
 * the rest of functions/ except the few files that time the machinery itself (docs/architecture.md).
 *
 * @example
 * const deps = { clock: systemClock, ids: systemIds };
 */
export const systemClock: Clock = { now: () => Date.now() };

/** The random source of ids (secrets and password salts take theirs from node:crypto directly). */
export const systemRandom: RandomBytes = (n) => webcrypto.getRandomValues(new Uint8Array(n));

/** Prefixed ULIDs from the system clock and random source. */
export const systemIds: IdGenerator = idGenerator(systemClock, systemRandom);
