/**
 * A small per-process cache with a time to live and a hard cap on entries. Lookups keyed by
 * caller-supplied strings (cluster ids, user ids) must not grow without bound: at the cap the
 * oldest entry goes (a Map iterates in insertion order, and a hit re-inserts, so that is the
 * least recently used one).
 *
 * @example
 * const clusters = boundedCache<Cluster | undefined>({ ttlMs: 30_000, maxEntries: 1_000, now: clock.now });
 * const cluster = await clusters.get(id, () => stores.clusters.get(id));
 */
export function boundedCache<T>(opts: { ttlMs: number; maxEntries: number; now: () => number }) {
  const entries = new Map<string, { value: T; at: number }>();
  const remember = (key: string, value: T): void => {
    entries.delete(key);
    entries.set(key, { value, at: opts.now() });
    while (entries.size > opts.maxEntries) entries.delete(entries.keys().next().value as string);
  };
  return {
    /** The cached value while fresh, else what `load` answers (then cached). */
    async get(key: string, load: () => Promise<T>): Promise<T> {
      const hit = entries.get(key);
      if (hit && opts.now() - hit.at < opts.ttlMs) {
        remember(key, hit.value);
        entries.get(key)!.at = hit.at;
        return hit.value;
      }
      const value = await load();
      remember(key, value);
      return value;
    },
    /** Forgets one key, so this process sees a change it made itself at once. */
    delete: (key: string): void => void entries.delete(key),
    get size(): number {
      return entries.size;
    },
  };
}
export type BoundedCache<T> = ReturnType<typeof boundedCache<T>>;
