import createFetchClient, { type Client } from 'openapi-fetch';
import { networkError, toApiError } from './errors';
import type { paths } from './generated/openapi';

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
  fetch?: (request: Request) => Promise<Response>;
}

/** A client typed by the API's OpenAPI document: paths, parameters, bodies and answers. */
export type ApiClient = Client<paths>;

/**
 * The fetch under the typed client: adds the Bearer token, renews once on a 401, and throws
 * every failure as an `ApiError` (problem+json read), so a call that returns has succeeded.
 */
export function authorizedFetch(options: ClientOptions): (request: Request) => Promise<Response> {
  const doFetch = options.fetch ?? ((request: Request) => fetch(request));
  async function send(request: Request, token: string | undefined): Promise<Response> {
    // A clone per attempt: a retried request's body must not be spent.
    const attempt = request.clone();
    if (token) attempt.headers.set('authorization', `Bearer ${token}`);
    try {
      return await doFetch(attempt);
    } catch (error) {
      if (attempt.signal.aborted) throw error;
      throw networkError(error);
    }
  }
  return async (request) => {
    const token = await options.getToken();
    let res = await send(request, token);
    if (res.status === 401 && token && options.renew) {
      // One renewal and one retry: a token refused for another reason is not retried in a loop.
      const renewed = await options.renew(token);
      if (renewed) res = await send(request, renewed);
    }
    if (!res.ok) {
      const error = await toApiError(res);
      if (res.status === 401 && token) options.onUnauthorized?.();
      throw error;
    }
    return res;
  };
}

/**
 * Builds a typed client every page's calls go through.
 *
 * @example
 * const client = createClient({ baseUrl: '', getToken: () => readSession()?.accessToken });
 * const clusters = await data(client.GET('/api/clusters', { params: { query: { limit: 20 } } }));
 */
export function createClient(options: ClientOptions): ApiClient {
  return createFetchClient<paths>({
    baseUrl: options.baseUrl,
    fetch: authorizedFetch(options),
    headers: { accept: 'application/json, application/problem+json' },
  });
}

/** The answer of a call; failures were thrown as `ApiError` by `authorizedFetch`. */
export async function data<T>(call: Promise<{ data?: T }>): Promise<T> {
  return (await call).data as T;
}
