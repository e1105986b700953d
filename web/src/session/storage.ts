import type { Session } from '../api/types';

const KEY = 'bds.session';
const CHANGE = 'bds:session';

/** Seconds of slack so a token about to expire is renewed rather than sent for one last failing call. */
const SKEW_MS = 30_000;

const isSession = (v: unknown): v is Session => {
  const s = v as Partial<Session> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.accessToken === 'string' &&
    typeof s.expiresAt === 'string' &&
    typeof s.user === 'object' &&
    s.user !== null
  );
};

/** True while the access token can still be sent. */
export const accessValid = (session: Session, now = Date.now()): boolean =>
  Date.parse(session.expiresAt) - SKEW_MS > now;

let cached: { raw: string | null; session: Session | undefined } = { raw: null, session: undefined };

function parse(raw: string | null): Session | undefined {
  if (raw === cached.raw) return cached.session;
  let session: Session | undefined;
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    session = isSession(parsed) ? parsed : undefined;
  } catch {
    session = undefined;
  }
  cached = { raw, session };
  return session;
}

/**
 * The signed-in session from session storage: it lasts as long as the tab. An expired access
 * token is kept while a refresh token can renew it; without one the session is over.
 * The same object comes back until the stored session changes (a stable React snapshot).
 */
export function readSession(now = Date.now()): Session | undefined {
  let raw: string | null;
  try {
    raw = sessionStorage.getItem(KEY);
  } catch {
    return undefined;
  }
  const session = parse(raw);
  if (session && !session.refreshToken && !accessValid(session, now)) return undefined;
  return session;
}

const changed = () => window.dispatchEvent(new Event(CHANGE));

export function writeSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
  changed();
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
  changed();
}

/** Calls `onChange` whenever this tab signs in, renews or signs out. */
export function subscribeSession(onChange: () => void): () => void {
  window.addEventListener(CHANGE, onChange);
  return () => window.removeEventListener(CHANGE, onChange);
}
