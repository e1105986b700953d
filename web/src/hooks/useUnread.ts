import { useEffect, useState } from 'react';
import { useApi, type Notification } from '../api';
import { useLocation } from '../router';

const CHANGED = 'bds:inbox-changed';

/** A notification not read yet. */
export const isUnread = (n: Notification): boolean => !n.readAt;

/** Tells the unread badge to count again (after marking read). */
export const inboxChanged = (): void => {
  window.dispatchEvent(new Event(CHANGED));
};

/**
 * How many notifications of the first inbox page are unread, for the navigation's badge:
 * counted again on every navigation, after marking read, and every minute. Undefined while
 * unknown or when the API has no inbox, so the badge is simply not there.
 *
 * @example
 * const unread = useUnread(user !== undefined);
 */
export function useUnread(signedIn: boolean): number | undefined {
  const api = useApi();
  const { pathname } = useLocation();
  const [count, setCount] = useState<number | undefined>(undefined);
  const [round, setRound] = useState(0);
  useEffect(() => {
    const bump = () => setRound((r) => r + 1);
    window.addEventListener(CHANGED, bump);
    const timer = setInterval(bump, 60_000);
    return () => {
      window.removeEventListener(CHANGED, bump);
      clearInterval(timer);
    };
  }, []);
  useEffect(() => {
    if (!signedIn) return setCount(undefined);
    const controller = new AbortController();
    api.inbox(undefined, controller.signal).then(
      (page) => !controller.signal.aborted && setCount(page.items.filter(isUnread).length),
      () => !controller.signal.aborted && setCount(undefined),
    );
    return () => controller.abort();
  }, [api, signedIn, pathname, round]);
  return count;
}
