import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { RuntimeConfig } from '../config';
import { readSession, useSession } from '../session';
import { createClient } from './client';
import { endpoints, type Api } from './endpoints';

const ApiContext = createContext<Api | undefined>(undefined);

/** Builds the API client once per configuration; a 401 on a signed-in call signs the user out. */
export function ApiProvider({ config, children }: { config: RuntimeConfig; children: ReactNode }) {
  const { signOut } = useSession();
  const api = useMemo(
    () => endpoints(createClient({ baseUrl: config.apiUrl, getToken: () => readSession()?.accessToken, onUnauthorized: signOut })),
    [config.apiUrl, signOut],
  );
  return <ApiContext value={api}>{children}</ApiContext>;
}

/**
 * The typed API for components.
 *
 * @example
 * const api = useApi(); const cluster = await api.getCluster(id);
 */
export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi needs an <ApiProvider>');
  return api;
}
