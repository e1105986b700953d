import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { User } from '../api';
import { useOutboxAvailable, useUnread } from '../hooks';
import { t, type MessageKey } from '../i18n';
import { Link, paths, useLocation } from '../router';

type Item = { key: MessageKey; to: string };

/** The places each role works in; every role starts at home. */
function itemsFor(user: User | undefined): Item[] {
  const home: Item = { key: 'nav.home', to: paths.home() };
  const firstCluster = user?.clusterIds[0];
  switch (user?.role) {
    case undefined:
      return [home, { key: 'nav.providerSignUp', to: paths.providerSignUp() }];
    case 'national_admin':
      return [
        home,
        { key: 'nav.onboard', to: paths.onboardCluster() },
        { key: 'nav.invite', to: paths.invite() },
        { key: 'nav.programmes', to: paths.programmes() },
        { key: 'nav.payouts', to: paths.payouts() },
        { key: 'nav.deadLetters', to: paths.deadLetters() },
      ];
    case 'state_admin':
      return [home, { key: 'nav.onboard', to: paths.onboardCluster() }, { key: 'nav.invite', to: paths.invite() }];
    case 'cluster_admin':
      return firstCluster
        ? [
            home,
            { key: 'nav.myCluster', to: paths.cluster(firstCluster) },
            { key: 'nav.applications', to: paths.registrations(firstCluster) },
            { key: 'nav.associations', to: paths.associations(firstCluster) },
          ]
        : [home];
    case 'association_rep':
      return firstCluster
        ? [
            home,
            { key: 'nav.myCluster', to: paths.cluster(firstCluster) },
            { key: 'nav.firms', to: paths.firms(firstCluster) },
          ]
        : [home];
    case 'provider':
      return [
        home,
        { key: 'nav.openRequests', to: paths.openRequests() },
        { key: 'nav.myBids', to: paths.myBids() },
        { key: 'nav.deliveries', to: paths.deliveries() },
        { key: 'nav.payouts', to: paths.payouts() },
        { key: 'nav.providerClusters', to: paths.providerClusters() },
      ];
    case 'funder':
      return [home, { key: 'nav.programmes', to: paths.programmes() }, { key: 'nav.payouts', to: paths.payouts() }];
  }
}

/**
 * The main navigation: the user's places, the inbox with its unread count, and the local outbox on a stage that has one
 * (where invitation mails can be read without a mail server). On a phone the places sit behind a Menu button (the
 * stylesheet shows the button and hides the list below 40rem), which closes again on a navigation or Escape.
 */
export function SiteNav({ user }: { user: User | undefined }) {
  const { pathname } = useLocation();
  const hasOutbox = useOutboxAvailable();
  const unread = useUnread(user !== undefined);
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => setOpen(false), [pathname]);
  const items = itemsFor(user);
  items.push({ key: 'nav.results', to: paths.results() });
  if (user) items.push({ key: 'nav.inbox', to: paths.inbox() });
  if (hasOutbox) items.push({ key: 'nav.outbox', to: paths.outbox() });
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !open) return;
    setOpen(false);
    toggle.current?.focus();
  };
  const badge = unread !== undefined && unread > 0;
  return (
    <nav className="site-nav" aria-label={t('nav.main')} onKeyDown={onKeyDown}>
      <button
        ref={toggle}
        type="button"
        className="nav-toggle"
        aria-expanded={open}
        aria-controls="site-nav-list"
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true" className="nav-toggle-icon">
          ☰
        </span>{' '}
        {t('nav.menu')}
        {badge && (
          <>
            {' '}
            <span className="nav-badge" aria-hidden="true">
              {unread}
            </span>
            <span className="visually-hidden">({t('nav.inboxUnread', { count: unread })})</span>
          </>
        )}
      </button>
      <ul id="site-nav-list" className={open ? 'open' : undefined}>
        {items.map((item) => (
          <li key={item.key}>
            <Link to={item.to} aria-current={pathname === item.to.split('?')[0] ? 'page' : undefined}>
              {t(item.key)}
              {item.key === 'nav.inbox' && badge && (
                <>
                  {' '}
                  <span className="nav-badge" aria-hidden="true">
                    {unread}
                  </span>
                  <span className="visually-hidden">({t('nav.inboxUnread', { count: unread })})</span>
                </>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
