import { useSyncExternalStore } from 'react';

const CHANGE = 'bds:navigate';

/** Where the browser is; a string so `useSyncExternalStore` can compare snapshots. */
const snapshot = (): string => `${location.pathname}${location.search}`;

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

/**
 * Goes to a path within the portal without a page load.
 *
 * @example
 * navigate(paths.cluster(id));
 */
export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  if (to === snapshot()) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  window.dispatchEvent(new Event(CHANGE));
}

/** The current path and query; re-renders on every navigation, back and forward. */
export function useLocation(): { pathname: string; search: string } {
  const current = useSyncExternalStore(subscribe, snapshot, () => '/');
  const at = current.indexOf('?');
  return at < 0 ? { pathname: current, search: '' } : { pathname: current.slice(0, at), search: current.slice(at) };
}
