import { useCallback, useEffect, useRef, useState, type DependencyList } from 'react';
import type { Page } from '../api';

export interface Paged<T> {
  items: T[];
  /** The first page is loading (nothing to show yet). */
  loading: boolean;
  /** A further page is loading (the list stays on screen). */
  loadingMore: boolean;
  error: unknown;
  hasMore: boolean;
  loadMore(): void;
  reload(): void;
}

/**
 * A list fetched a page at a time with an opaque cursor; "Load more" appends the next page.
 *
 * @example
 * const requests = usePaged((cursor, signal) => api.listRequests(id, { cursor }, signal), [api, id]);
 */
export function usePaged<T>(
  load: (cursor: string | undefined, signal: AbortSignal) => Promise<Page<T>>,
  deps: DependencyList,
): Paged<T> {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [round, setRound] = useState(0);
  const controller = useRef<AbortController | undefined>(undefined);
  // The latest `load` closure, read when a page is fetched; `deps` say when to start over.
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });

  const fetchPage = useCallback((from: string | undefined) => {
    controller.current?.abort();
    const mine = new AbortController();
    controller.current = mine;
    setError(undefined);
    if (from) setLoadingMore(true);
    else setLoading(true);
    loadRef.current(from, mine.signal).then(
      (page) => {
        if (mine.signal.aborted) return;
        setItems((prev) => (from ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
        setLoading(false);
        setLoadingMore(false);
      },
      (e: unknown) => {
        if (mine.signal.aborted) return;
        setError(e);
        setLoading(false);
        setLoadingMore(false);
      },
    );
  }, []);

  useEffect(() => {
    setItems([]);
    setCursor(null);
    fetchPage(undefined);
    return () => controller.current?.abort();
  }, [...deps, round, fetchPage]);

  const loadMore = useCallback(() => {
    if (cursor) fetchPage(cursor);
  }, [cursor, fetchPage]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { items, loading, loadingMore, error, hasMore: cursor !== null, loadMore, reload };
}
