import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IndexedHeap } from '../../../packages/core/src/matching/heap';

describe('IndexedHeap', () => {
  it('pops in key order after any mix of pushes and decreases', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.nat({ max: 49 }), { minLength: 1 }),
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 50, maxLength: 50 }),
        fc.array(fc.tuple(fc.nat({ max: 49 }), fc.nat({ max: 500 }))),
        (nodes, keys, decreases) => {
          // Prepare
          const heap = new IndexedHeap(50, new Int32Array(50 * 2), 2, 1);
          const key = [...keys];
          nodes.forEach((n) => heap.push(n, key[n]!));
          // Act: lower some keys of nodes in the heap
          for (const [n, by] of decreases) {
            if (!nodes.includes(n)) continue;
            key[n] = key[n]! - by;
            heap.decrease(n, key[n]!);
          }
          const popped: number[] = [];
          const left = new Set(nodes);
          while (!heap.isEmpty) {
            expect(heap.minKey).toBe(Math.min(...[...left].map((n) => key[n]!)));
            const n = heap.pop();
            left.delete(n);
            popped.push(n);
          }
          // Assess
          expect([...popped].sort((a, b) => a - b)).toEqual([...nodes].sort((a, b) => a - b));
          popped.forEach((n, i) => i > 0 && expect(key[popped[i - 1]!]!).toBeLessThanOrEqual(key[n]!));
        },
      ),
    );
  });
});
