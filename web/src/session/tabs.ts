import type { Session } from '../api/types';

/**
 * The session shared by the portal's open tabs (docs/identity.md, "Sessions across tabs"). Each tab keeps the session
 * in its own session storage; the tabs tell each other over a BroadcastChannel (same origin only, by the platform's
 * rule) when one signs in, renews or signs out, and answer a new tab that asks. Nothing secret is written anywhere that
 * outlives the tabs: local storage holds only the generation, a random marker of the latest rotation, so that a tab
 * knows when it is behind and a new tab knows whether anyone could answer.
 */
export type Shared =
  { type: 'ask' } | { type: 'session'; session: Session; generation: string } | { type: 'signed-out' };

const CHANNEL = 'bds.session';
const GENERATION = 'bds.session.generation';

let channel: BroadcastChannel | undefined;
const open = (): BroadcastChannel | undefined => {
  if (typeof BroadcastChannel === 'undefined') return undefined;
  channel ??= new BroadcastChannel(CHANNEL);
  return channel;
};

const post = (message: Shared) => open()?.postMessage(message);

/** The generation of the latest session any tab holds, or null when signed out everywhere. */
export function sharedGeneration(): string | null {
  try {
    return localStorage.getItem(GENERATION);
  } catch {
    return null;
  }
}

/** Tells the other tabs about a new session; answers its new generation. */
export function shareSession(session: Session): string {
  const generation = crypto.randomUUID();
  try {
    localStorage.setItem(GENERATION, generation);
  } catch {
    // Storage refused (private mode quota): the tabs still hear the message.
  }
  post({ type: 'session', session, generation });
  return generation;
}

/** Tells the other tabs the session is over. */
export function shareCleared(): void {
  try {
    localStorage.removeItem(GENERATION);
  } catch {
    // as above
  }
  post({ type: 'signed-out' });
}

/**
 * Follows the other tabs' messages, and answers a tab that asks with this tab's session (`mine`), if any.
 * Called once per tab.
 */
export function onShared(
  follow: (m: Shared) => void,
  mine: () => { session: Session; generation: string } | undefined,
) {
  open()?.addEventListener('message', (event: MessageEvent<Shared>) => {
    const message = event.data;
    if (message.type === 'ask') {
      const held = mine();
      if (held) post({ type: 'session', ...held });
    } else follow(message);
  });
}

/**
 * Waits until `done()` holds after a message from another tab, or `timeoutMs` passes; answers `done()` then.
 *
 * @example
 * await waitForTabs(() => readSession() !== undefined, 400, true); // a new tab asks for the session
 */
export function waitForTabs(done: () => boolean, timeoutMs: number, ask = false): Promise<boolean> {
  const ch = open();
  if (done() || !ch) return Promise.resolve(done());
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      ch.removeEventListener('message', check);
      resolve(done());
    };
    // The message is handled by `onShared`'s listener first (registered earlier), so `done()` sees it.
    const check = () => queueMicrotask(() => done() && finish());
    const timer = setTimeout(finish, timeoutMs);
    ch.addEventListener('message', check);
    if (ask) post({ type: 'ask' });
  });
}
