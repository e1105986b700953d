import { networkError, toApiError, type ApiError } from './errors';

export type Query = Record<string, string | number | undefined | null>;

export interface ClientOptions {
  /** '' for the portal's own origin. */
  baseUrl: string;
  /** The current access token, if signed in. */
  getToken(): string | undefined;
  /** Called when a signed-in call answers 401: the token expired or was revoked. */
  onUnauthorized?(): void;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

/** A typed JSON client: Bearer token, problem+json errors as `ApiError`. */
export interface ApiClient {
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
}

function url(base: string, path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const search = params.toString();
  return `${base}${path}${search ? `?${search}` : ''}`;
}

/**
 * Builds the client every page uses.
 *
 * @example
 * const client = createClient({ baseUrl: '', getToken: () => readSession()?.accessToken });
 * const clusters = await client.get<Page<Cluster>>('/api/clusters');
 */
export function createClient(options: ClientOptions): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  async function request<T>(method: string, path: string, { query, body, signal }: RequestOptions = {}): Promise<T> {
    const token = options.getToken();
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await doFetch(url(options.baseUrl, path, query), {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw networkError(error);
    }
    if (!res.ok) {
      const error: ApiError = await toApiError(res);
      if (res.status === 401 && token) options.onUnauthorized?.();
      throw error;
    }
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  return {
    get: (path, opts) => request('GET', path, opts),
    post: (path, body, opts) => request('POST', path, { ...opts, body }),
  };
}
