import type { Clock } from './clock';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Prefixes say what an id names; every id in the system uses one of these. */
export const ID_PREFIXES = {
  cluster: 'clu',
  association: 'asc',
  firm: 'frm',
  provider: 'prv',
  funder: 'fnd',
  user: 'usr',
  request: 'req',
  pledge: 'plg',
  bid: 'bid',
  event: 'evt',
  activity: 'act',
  invitation: 'inv',
  audit: 'aud',
  session: 'ses',
  mail: 'msg',
  evaluation: 'evl',
  programme: 'prg',
  transfer: 'trf',
  account: 'acc',
  milestone: 'mil',
  payout: 'pay',
  notification: 'ntf',
  complaint: 'cmp',
} as const;
export type IdKind = keyof typeof ID_PREFIXES;

/** A source of random bytes; `crypto.getRandomValues` in production, a seeded one in tests. */
export type RandomBytes = (length: number) => Uint8Array;

/**
 * Builds a ULID (48-bit time, 80-bit randomness, Crockford base 32): ids sort by creation time.
 *
 * @example
 * ulid(fixedClock(0), () => new Uint8Array(10)) // '00000000000000000000000000'
 */
export function ulid(clock: Clock, random: RandomBytes): string {
  let time = clock.now();
  let head = '';
  for (let i = 0; i < 10; i++) {
    head = CROCKFORD[time % 32] + head;
    time = Math.floor(time / 32);
  }
  const bytes = random(10);
  let tail = '';
  // 80 bits → 16 characters of 5 bits each.
  let acc = 0;
  let bits = 0;
  for (const byte of bytes) {
    acc = (acc << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      tail += CROCKFORD[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  return head + tail;
}

/** Creates prefixed ids (`req_01J…`). */
export interface IdGenerator {
  next(kind: IdKind): string;
}

/** The id generator used everywhere: prefixed ULIDs from a clock and a random source. */
export const idGenerator = (clock: Clock, random: RandomBytes): IdGenerator => ({
  next: (kind) => `${ID_PREFIXES[kind]}_${ulid(clock, random)}`,
});

/** A pattern that accepts an id of one kind; for zod schemas. */
export const idPattern = (kind: IdKind): RegExp => new RegExp(`^${ID_PREFIXES[kind]}_[0-9A-HJKMNP-TV-Z]{26}$`);
