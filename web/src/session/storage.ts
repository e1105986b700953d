import type { Session } from '../api/types';

const KEY = 'bds.session';

/** Seconds of slack so a token about to expire is not used for one last failing call. */
const SKEW_MS = 30_000;

const isSession = (v: unknown): v is Session => {
  const s = v as Partial<Session> | null;
  return typeof s === 'object' && s !== null && typeof s.accessToken === 'string' && typeof s.expiresAt === 'string' && typeof s.user === 'object' && s.user !== null;
};

/**
 * The signed-in session from session storage: it lasts as long as the tab, and an expired
 * one is dropped rather than sent.
 */
export function readSession(now = Date.now()): Session | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return undefined;
    const parsed: unknown = JSON.parse(raw);
    if (!isSession(parsed) || Date.parse(parsed.expiresAt) - SKEW_MS <= now) {
      sessionStorage.removeItem(KEY);
      return undefined;
    }
    return parsed;
  } catch {
    return undefined;
  }
}

export function writeSession(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}
