import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { RuntimeConfig } from '../config';
import { accessValid, readSession, renewSession, useSession } from '../session';
import { createClient, data } from './client';
import { endpoints, type Api } from './endpoints';
import type { Session } from './types';

const ApiContext = createContext<Api | undefined>(undefined);
const ConfigContext = createContext<RuntimeConfig | undefined>(undefined);

/**
 * Builds the API client once per configuration. An expired access token is renewed with the
 * refresh token before a call goes out; a call refused with 401 renews once and retries; a
 * session that cannot be renewed signs the user out.
 */
export function ApiProvider({ config, children }: { config: RuntimeConfig; children: ReactNode }) {
  const { signOut } = useSession();
  const api = useMemo(() => {
    const anon = createClient({ baseUrl: config.apiUrl, getToken: () => undefined });
    const exchange = (refreshToken: string): Promise<Session> =>
      data(anon.POST('/api/auth/refresh', { body: { refreshToken } }));
    const renew = () => renewSession(exchange);
    const client = createClient({
      baseUrl: config.apiUrl,
      async getToken() {
        const session = readSession();
        if (!session) return undefined;
        return accessValid(session) ? session.accessToken : (await renew())?.accessToken;
      },
      async renew(rejected) {
        const session = readSession();
        // Another call renewed it meanwhile: use that token rather than spending the refresh token again.
        if (session && session.accessToken !== rejected && accessValid(session)) return session.accessToken;
        return (await renew())?.accessToken;
      },
      onUnauthorized: signOut,
    });
    return endpoints(client, { anon, baseUrl: config.apiUrl, session: { renew } });
  }, [config.apiUrl, signOut]);
  return (
    <ConfigContext value={config}>
      <ApiContext value={api}>{children}</ApiContext>
    </ConfigContext>
  );
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

/**
 * The stage's runtime configuration (`/config.json`), read at boot.
 *
 * @example
 * const { stage } = useRuntimeConfig();
 */
export function useRuntimeConfig(): RuntimeConfig {
  const config = useContext(ConfigContext);
  if (!config) throw new Error('useRuntimeConfig needs an <ApiProvider>');
  return config;
}
