/** Every page of the portal, as data: the router matches a path to one of these. */
export type Route =
  | { name: 'home' }
  | { name: 'signIn'; next: string | undefined }
  | { name: 'cluster'; clusterId: string }
  | { name: 'newRequest'; clusterId: string }
  | { name: 'request'; clusterId: string; requestId: string }
  | { name: 'notFound' };

const seg = encodeURIComponent;

/** Builds the path of each page, so no component spells a URL by hand. */
export const paths = {
  home: () => '/',
  signIn: (next?: string) => (next && next !== '/' ? `/sign-in?next=${seg(next)}` : '/sign-in'),
  cluster: (clusterId: string) => `/clusters/${seg(clusterId)}`,
  newRequest: (clusterId: string) => `/clusters/${seg(clusterId)}/requests/new`,
  request: (clusterId: string, requestId: string) => `/clusters/${seg(clusterId)}/requests/${seg(requestId)}`,
};

const decode = (s: string | undefined): string => {
  try {
    return decodeURIComponent(s ?? '');
  } catch {
    return s ?? '';
  }
};

/** Only same-site paths may be a `next`: never send a user off to another origin after sign-in. */
const safeNext = (next: string | null): string | undefined => (next && next.startsWith('/') && !next.startsWith('//') ? next : undefined);

/**
 * Matches a location to a page.
 *
 * @example
 * matchRoute('/clusters/clu_1/requests/new', '') // { name: 'newRequest', clusterId: 'clu_1' }
 */
export function matchRoute(pathname: string, search: string): Route {
  const parts = pathname.split('/').filter(Boolean);
  const [a, b, c, d, ...rest] = parts;
  if (rest.length > 0) return { name: 'notFound' };
  if (parts.length === 0) return { name: 'home' };
  if (a === 'sign-in' && parts.length === 1) return { name: 'signIn', next: safeNext(new URLSearchParams(search).get('next')) };
  if (a !== 'clusters' || !b) return { name: 'notFound' };
  const clusterId = decode(b);
  if (!c) return { name: 'cluster', clusterId };
  if (c !== 'requests' || !d) return { name: 'notFound' };
  if (d === 'new') return { name: 'newRequest', clusterId };
  return { name: 'request', clusterId, requestId: decode(d) };
}
