import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../packages/core/src/clock';
import { ID_PREFIXES, idGenerator, idPattern, ulid, type IdKind } from '../../../packages/core/src/ids';

const MAX_TIME = 2 ** 48 - 1;
const bytes = fc.uint8Array({ minLength: 10, maxLength: 10 });
const kinds = Object.keys(ID_PREFIXES) as IdKind[];

describe('ids', () => {
  it('ULIDs sort by time whatever their random part', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_TIME }),
        fc.integer({ min: 0, max: MAX_TIME }),
        bytes,
        bytes,
        (t1, t2, r1, r2) => {
          fc.pre(t1 !== t2);
          // Act
          const a = ulid(fixedClock(t1), () => r1);
          const b = ulid(fixedClock(t2), () => r2);
          // Assess
          expect(a < b).toBe(t1 < t2);
          expect(a).toHaveLength(26);
        },
      ),
    );
  });

  it('prefixed ids match their own kind pattern and no other', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.constantFrom(...kinds),
        fc.integer({ min: 0, max: MAX_TIME }),
        bytes,
        (kind, other, t, r) => {
          const id = idGenerator(fixedClock(t), () => r).next(kind);
          expect(id.startsWith(`${ID_PREFIXES[kind]}_`)).toBe(true);
          expect(idPattern(kind).test(id)).toBe(true);
          expect(idPattern(other).test(id)).toBe(kind === other);
        },
      ),
    );
  });

  it('the pattern rejects lowercase and ambiguous letters', () => {
    expect(idPattern('bid').test('bid_01arz3ndektsv4rrffq69g5fav')).toBe(false);
    expect(idPattern('bid').test('bid_01ARZ3NDEKTSV4RRFFQ69G5FAU')).toBe(false); // U is not Crockford
    expect(idPattern('bid').test('bid_01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBe(true);
  });
});
