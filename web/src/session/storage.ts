import type { Session } from '../api/types';
import { onShared, shareCleared, shareSession, sharedGeneration, waitForTabs, type Shared } from './tabs';

const KEY = 'bds.session';
const GEN_KEY = 'bds.session.gen';
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
 * The signed-in session from session storage: it lasts as long as the tab, and the browser's other tabs of the portal
 * hand it to a new one (`./tabs.ts`, docs/identity.md). An expired access token is kept while a refresh token can
 * renew it; without one the session is over. The same object comes back until the stored session changes (a stable
 * React snapshot).
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

/** Which rotation of the shared session this tab holds (compared with `sharedGeneration()` before a renewal). */
export function heldGeneration(): string | null {
  try {
    return sessionStorage.getItem(GEN_KEY);
  } catch {
    return null;
  }
}

const changed = () => window.dispatchEvent(new Event(CHANGE));

function store(session: Session, generation: string): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
  sessionStorage.setItem(GEN_KEY, generation);
  changed();
}

function forget(): void {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(GEN_KEY);
  changed();
}

/** Keeps a session (signed in, or renewed) and gives it to the portal's other open tabs. */
export function writeSession(session: Session): void {
  store(session, shareSession(session));
}

/** Ends the session in this tab and in every other open tab of the portal. */
export function clearSession(): void {
  forget();
  shareCleared();
}

/** Another tab signed in, renewed or signed out: this tab follows. */
function follow(message: Shared): void {
  if (message.type === 'session') store(message.session, message.generation);
  else if (message.type === 'signed-out') forget();
}

/** What this tab answers a new tab asking for the session. */
const mine = (): { session: Session; generation: string } | undefined => {
  const session = readSession();
  const generation = heldGeneration();
  return session && generation ? { session, generation } : undefined;
};

let listening = false;

/** Starts following the other tabs (once per tab; the portal's boot calls it). */
export function listenToOtherTabs(): void {
  if (listening) return;
  listening = true;
  onShared(follow, mine);
}

/** True when another tab has renewed the shared session and its message has not reached this tab yet. */
export const behindOtherTabs = (): boolean => {
  const shared = sharedGeneration();
  return shared !== null && shared !== heldGeneration();
};

/** Calls `onChange` whenever this tab signs in, renews or signs out, or follows another tab doing so. */
export function subscribeSession(onChange: () => void): () => void {
  window.addEventListener(CHANGE, onChange);
  return () => window.removeEventListener(CHANGE, onChange);
}

/**
 * A tab opening: follows the other tabs from now on and, signed out here while another tab may hold the session, asks
 * them for it, waiting at most `timeoutMs` (a link opened in a new tab stays signed in).
 *
 * @example
 * await adoptSession(); // before the first render, so no page sends a signed-in person to sign in
 */
export async function adoptSession(timeoutMs = 400): Promise<void> {
  listenToOtherTabs();
  if (readSession() || sharedGeneration() === null) return;
  await waitForTabs(() => readSession() !== undefined, timeoutMs, true);
}
