import { useState } from 'react';
import { useApi, type Notification } from '../../api';
import { EmptyState, ErrorNotice, Loading, LoadMore } from '../../components';
import { formatDateTime } from '../../format';
import { inboxChanged, isUnread, usePaged, useRequireUser, useTitle } from '../../hooks';
import { t } from '../../i18n';
import { Link, paths } from '../../router';

/** Where a notification leads: its own portal link, else its request. */
const linkOf = (n: Notification): string | undefined =>
  n.link?.startsWith('/') && !n.link.startsWith('//')
    ? n.link
    : n.requestId
      ? paths.request(n.clusterId, n.requestId)
      : undefined;

function Item({ n, onRead }: { n: Notification; onRead(id: string): Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const unread = isUnread(n);
  const to = linkOf(n);
  const headingId = `ntf-${n.id}`;
  const read = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onRead(n.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className={`card notification${unread ? ' notification-unread' : ''}`} aria-labelledby={headingId}>
      <h2 className="card-title" id={headingId}>
        {to ? <Link to={to}>{n.title}</Link> : n.title}
      </h2>
      <p className="card-sub">
        {unread && <span className="badge badge-pending">{t('inbox.unread')}</span>}{' '}
        <time dateTime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
      </p>
      {n.text && n.text !== n.title && <p className="prose">{n.text}</p>}
      {error !== undefined && <ErrorNotice error={error} />}
      {unread && (
        <div className="actions">
          <button
            type="button"
            className="button-secondary"
            onClick={() => void read()}
            disabled={busy}
            aria-busy={busy}
            aria-label={t('inbox.markReadOf', { title: n.title })}
          >
            {t('inbox.markRead')}
          </button>
        </div>
      )}
    </li>
  );
}

/** The organisation's notifications, newest first; each can be marked read. */
export function InboxPage() {
  const api = useApi();
  const user = useRequireUser(paths.inbox());
  const inbox = usePaged((cursor, signal) => api.inbox(cursor, signal), [api, user?.id]);
  const [read, setRead] = useState<Record<string, Notification>>({});
  useTitle(t('inbox.title'));
  if (!user) return null;
  const markRead = async (id: string) => {
    const n = await api.markRead(id);
    setRead((r) => ({ ...r, [id]: n }));
    inboxChanged();
  };
  const items = inbox.items.map((n) => read[n.id] ?? n);
  return (
    <div className="page">
      <h1>{t('inbox.title')}</h1>
      <p className="lede">{t('inbox.intro')}</p>
      {inbox.loading ? (
        <Loading />
      ) : inbox.error !== undefined && items.length === 0 ? (
        <ErrorNotice error={inbox.error} onRetry={inbox.reload} />
      ) : items.length === 0 ? (
        <EmptyState>{t('inbox.empty')}</EmptyState>
      ) : (
        <>
          <ol className="cards inbox-list">
            {items.map((n) => (
              <Item key={n.id} n={n} onRead={markRead} />
            ))}
          </ol>
          <LoadMore hasMore={inbox.hasMore} loading={inbox.loadingMore} onClick={inbox.loadMore} />
        </>
      )}
    </div>
  );
}
