/** What differs between stages; fetched at boot so one build serves every stage. */
export interface RuntimeConfig {
  /** Base URL of the API; '' means the portal's own origin. */
  apiUrl: string;
  /** 'local', 'dev', 'prod', … — shown in the header when it is not production. */
  stage: string;
}

export const DEFAULT_CONFIG: RuntimeConfig = { apiUrl: '', stage: 'local' };

function isConfig(value: unknown): value is RuntimeConfig {
  const v = value as Partial<RuntimeConfig> | null;
  return typeof v === 'object' && v !== null && typeof v.apiUrl === 'string' && typeof v.stage === 'string';
}

/**
 * Reads `/config.json`; without one (or with a malformed one) the API is on the same origin.
 *
 * @example
 * const config = await loadConfig(); // { apiUrl: '', stage: 'local' }
 */
export async function loadConfig(fetchImpl: typeof fetch = fetch): Promise<RuntimeConfig> {
  try {
    const res = await fetchImpl('/config.json', { cache: 'no-store', headers: { accept: 'application/json' } });
    if (!res.ok) return DEFAULT_CONFIG;
    const body: unknown = await res.json();
    if (!isConfig(body)) return DEFAULT_CONFIG;
    return { apiUrl: body.apiUrl.replace(/\/+$/, ''), stage: body.stage };
  } catch {
    // No config (a dev server, a static preview): same origin is the right default.
    return DEFAULT_CONFIG;
  }
}
