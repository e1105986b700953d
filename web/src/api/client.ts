import { networkError, toApiError, type ApiError } from './errors';

export type Query = Record<string, string | number | undefined | null>;

export interface ClientOptions {
  /** '' for the portal's own origin. */
  baseUrl: string;
  /** The access token to send, if signed in; may first renew an expired one. */
  getToken(): Promise<string | undefined> | string | undefined;
  /**
   * A signed-in call answered 401 although the token looked valid (revoked, rotated keys):
   * renew once and answer the new token, or undefined when the session is over.
   */
  renew?(rejected: string): Promise<string | undefined>;
  /** Called when a signed-in call answers 401 and the session cannot be renewed. */
  onUnauthorized?(): void;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Send no token, whether or not one is held (sign-in, refresh, sign-out, invitation links). */
  anonymous?: boolean;
}

/** A typed JSON client: Bearer token, problem+json errors as `ApiError`. */
export interface ApiClient {
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  put<T>(path: string, body: unknown, options?: RequestOptions): Promise<T>;
  delete<T>(path: string, options?: RequestOptions): Promise<T>;
  /** A GET whose answer is text (a CSV export), not JSON. */
  text(path: string, options?: RequestOptions): Promise<string>;
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

  async function send(method: string, path: string, token: string | undefined, { query, body, signal }: RequestOptions, accept = 'application/json'): Promise<Response> {
    const headers: Record<string, string> = { accept: `${accept}, application/problem+json` };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await doFetch(url(options.baseUrl, path, query), {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw networkError(error);
    }
  }

  async function respond(method: string, path: string, opts: RequestOptions, accept?: string): Promise<Response> {
    const token = opts.anonymous ? undefined : await options.getToken();
    let res = await send(method, path, token, opts, accept);
    if (res.status === 401 && token && options.renew) {
      // One renewal and one retry: a token refused for another reason is not retried in a loop.
      const renewed = await options.renew(token);
      if (renewed) res = await send(method, path, renewed, opts, accept);
    }
    if (!res.ok) {
      const error: ApiError = await toApiError(res);
      if (res.status === 401 && token) options.onUnauthorized?.();
      throw error;
    }
    return res;
  }

  async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
    const res = await respond(method, path, opts);
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  return {
    get: (path, opts) => request('GET', path, opts),
    post: (path, body, opts) => request('POST', path, { ...opts, body }),
    put: (path, body, opts) => request('PUT', path, { ...opts, body }),
    delete: (path, opts) => request('DELETE', path, opts),
    text: async (path, opts = {}) => (await respond('GET', path, opts, 'text/csv, text/plain')).text(),
  };
}
