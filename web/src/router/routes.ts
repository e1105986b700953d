/** Every page of the portal, as data: the router matches a path to one of these. */
export type Route =
  | { name: 'home' }
  | { name: 'signIn'; next: string | undefined }
  | { name: 'outbox'; email: string | undefined }
  | { name: 'account' }
  | { name: 'forgotPassword' }
  | { name: 'resetPassword' }
  | { name: 'attend' }
  | { name: 'invitation'; token: string }
  | { name: 'invite'; role: string | undefined; clusterId: string | undefined; associationId: string | undefined }
  | { name: 'providerSignUp' }
  | { name: 'providerSignUpConfirm' }
  | { name: 'providerClusters' }
  | { name: 'openRequests'; category: string | undefined }
  | { name: 'myBids' }
  | { name: 'onboardCluster' }
  | { name: 'cluster'; clusterId: string }
  | { name: ClusterTab; clusterId: string }
  | { name: 'newRequest'; clusterId: string }
  | { name: 'request'; clusterId: string; requestId: string }
  | { name: 'inbox' }
  | { name: 'deliveries' }
  | { name: 'payouts' }
  | { name: 'programmes' }
  | { name: 'newProgramme' }
  | { name: 'programme'; programmeId: string }
  | { name: 'deadLetters'; queue: string | undefined }
  | { name: 'results'; state: string | undefined; from: string | undefined; to: string | undefined }
  | { name: 'notFound' };

/** The pages under a cluster that sit beside its requests, by their path segment. */
const TABS = {
  manage: 'clusterManage',
  associations: 'associations',
  providers: 'registrations',
  audit: 'audit',
  firms: 'firms',
  policy: 'policy',
} as const;
export type ClusterTab = (typeof TABS)[keyof typeof TABS];

const seg = encodeURIComponent;
const withQuery = (path: string, query: Record<string, string | undefined>): string => {
  const params = new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => !!e[1]));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
};

/** Builds the path of each page, so no component spells a URL by hand. */
export const paths = {
  home: () => '/',
  signIn: (next?: string) => (next && next !== '/' ? `/sign-in?next=${seg(next)}` : '/sign-in'),
  outbox: (email?: string) => withQuery('/outbox', { email }),
  account: () => '/account',
  forgotPassword: () => '/forgot-password',
  /** The mailed link's page; the link itself carries `#token=…` (functions/api/auth/mail.ts). */
  resetPassword: () => '/reset-password',
  /** A firm's mailed confirmation link (`#token=…`): "Did you attend?", no sign-in. */
  attend: () => '/attend',
  invitation: (token: string) => `/invitations/${seg(token)}`,
  invite: (q: { role?: string; clusterId?: string; associationId?: string } = {}) => withQuery('/invitations/new', q),
  providerSignUp: () => '/providers/sign-up',
  /** The mailed link's page; the link itself carries `#token=…`, which never reaches a server. */
  providerSignUpConfirm: () => '/providers/sign-up/confirm',
  providerClusters: () => '/providers/clusters',
  openRequests: (category?: string) => withQuery('/requests', { category }),
  myBids: () => '/bids',
  onboardCluster: () => '/clusters/new',
  cluster: (clusterId: string) => `/clusters/${seg(clusterId)}`,
  clusterManage: (clusterId: string) => `/clusters/${seg(clusterId)}/manage`,
  associations: (clusterId: string) => `/clusters/${seg(clusterId)}/associations`,
  registrations: (clusterId: string) => `/clusters/${seg(clusterId)}/providers`,
  audit: (clusterId: string, filters: { actor?: string; action?: string; from?: string; to?: string } = {}) =>
    withQuery(`/clusters/${seg(clusterId)}/audit`, filters),
  firms: (clusterId: string, q?: string) => withQuery(`/clusters/${seg(clusterId)}/firms`, { q }),
  policy: (clusterId: string) => `/clusters/${seg(clusterId)}/policy`,
  newRequest: (clusterId: string) => `/clusters/${seg(clusterId)}/requests/new`,
  request: (clusterId: string, requestId: string) => `/clusters/${seg(clusterId)}/requests/${seg(requestId)}`,
  inbox: () => '/inbox',
  deliveries: () => '/deliveries',
  payouts: () => '/payouts',
  programmes: () => '/programmes',
  newProgramme: () => '/programmes/new',
  programme: (programmeId: string) => `/programmes/${seg(programmeId)}`,
  deadLetters: (queue?: string) => withQuery('/admin/dead-letters', { queue }),
  results: (q: { state?: string; from?: string; to?: string } = {}) => withQuery('/results', q),
};

const decode = (s: string | undefined): string => {
  try {
    return decodeURIComponent(s ?? '');
  } catch {
    return s ?? '';
  }
};

/** Only same-site paths may be a `next`: never send a user off to another origin after sign-in. */
const safeNext = (next: string | null): string | undefined =>
  next && next.startsWith('/') && !next.startsWith('//') ? next : undefined;

/** Pages with a fixed path. */
const FIXED: Record<string, (q: URLSearchParams) => Route> = {
  'sign-in': (q) => ({ name: 'signIn', next: safeNext(q.get('next')) }),
  outbox: (q) => ({ name: 'outbox', email: q.get('email') ?? undefined }),
  account: () => ({ name: 'account' }),
  'forgot-password': () => ({ name: 'forgotPassword' }),
  'reset-password': () => ({ name: 'resetPassword' }),
  attend: () => ({ name: 'attend' }),
  'invitations/new': (q) => ({
    name: 'invite',
    role: q.get('role') ?? undefined,
    clusterId: q.get('clusterId') ?? undefined,
    associationId: q.get('associationId') ?? undefined,
  }),
  'providers/sign-up': () => ({ name: 'providerSignUp' }),
  'providers/sign-up/confirm': () => ({ name: 'providerSignUpConfirm' }),
  'providers/clusters': () => ({ name: 'providerClusters' }),
  requests: (q) => ({ name: 'openRequests', category: q.get('category') ?? undefined }),
  bids: () => ({ name: 'myBids' }),
  'clusters/new': () => ({ name: 'onboardCluster' }),
  inbox: () => ({ name: 'inbox' }),
  deliveries: () => ({ name: 'deliveries' }),
  payouts: () => ({ name: 'payouts' }),
  programmes: () => ({ name: 'programmes' }),
  'programmes/new': () => ({ name: 'newProgramme' }),
  'admin/dead-letters': (q) => ({ name: 'deadLetters', queue: q.get('queue') ?? undefined }),
  results: (q) => ({
    name: 'results',
    state: q.get('state') ?? undefined,
    from: q.get('from') ?? undefined,
    to: q.get('to') ?? undefined,
  }),
};

function clusterRoute(clusterId: string, c: string | undefined, d: string | undefined): Route {
  if (!c) return { name: 'cluster', clusterId };
  if (Object.hasOwn(TABS, c) && !d) return { name: TABS[c as keyof typeof TABS], clusterId };
  if (c !== 'requests' || !d) return { name: 'notFound' };
  if (d === 'new') return { name: 'newRequest', clusterId };
  return { name: 'request', clusterId, requestId: decode(d) };
}

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
  const fixed = FIXED[parts.join('/')];
  if (fixed) return fixed(new URLSearchParams(search));
  if (a === 'invitations' && b && !c) return { name: 'invitation', token: decode(b) };
  if (a === 'programmes' && b && !c) return { name: 'programme', programmeId: decode(b) };
  if (a !== 'clusters' || !b) return { name: 'notFound' };
  return clusterRoute(decode(b), c, d);
}
