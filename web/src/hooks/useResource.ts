import { useCallback, useEffect, useState, type DependencyList } from 'react';

export type Resource<T> =
  | { state: 'loading'; data?: undefined; error?: undefined }
  | { state: 'ok'; data: T; error?: undefined }
  | { state: 'error'; data?: undefined; error: unknown };

/**
 * Loads one thing when the component mounts or `deps` change; aborts a stale load.
 *
 * @example
 * const [cluster, reload] = useResource((signal) => api.getCluster(id, signal), [api, id]);
 */
export function useResource<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): [Resource<T>, () => void] {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setResource({ state: 'loading' });
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setResource({ state: 'ok', data }),
      (error: unknown) => !controller.signal.aborted && setResource({ state: 'error', error }),
    );
    return () => controller.abort();
    // `load` is a fresh closure on every render; `deps` say when it really changed.
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return [resource, reload];
}
