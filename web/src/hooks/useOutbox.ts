import { useEffect, useState } from 'react';
import { ApiError, useApi, type Api } from '../api';

// Asked once per API client: a stage either has a local outbox or it does not.
const cache = new WeakMap<Api, Promise<boolean>>();
const PROBE = 'probe@outbox.bds.example';

function probe(api: Api): Promise<boolean> {
  let pending = cache.get(api);
  if (!pending) {
    pending = api.outbox(PROBE).then(
      () => true,
      (e: unknown) => {
        // Only a 404 says "no outbox here"; a network failure is asked again next time.
        if (!(e instanceof ApiError && e.status === 404)) cache.delete(api);
        return false;
      },
    );
    cache.set(api, pending);
  }
  return pending;
}

/**
 * Whether this stage keeps a local outbox (a local stack does; in AWS mail goes out by SES
 * and `GET /api/outbox` answers 404). False until known.
 *
 * @example
 * const hasOutbox = useOutboxAvailable(); hasOutbox && <Link to={paths.outbox()}>Outbox</Link>
 */
export function useOutboxAvailable(): boolean {
  const api = useApi();
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    let live = true;
    void probe(api).then((yes) => live && setAvailable(yes));
    return () => {
      live = false;
    };
  }, [api]);
  return available;
}
