import type { Activity } from '../api';
import { formatDateTime } from '../format';
import { t } from '../i18n';

/**
 * A cluster's activity, newest first: what the workers did, in words. Lines about
 * `highlight` (the request on screen) are marked.
 */
export function ActivityFeed({ items, highlight }: { items: readonly Activity[]; highlight?: string }) {
  return (
    <ol className="feed">
      {items.map((a) => {
        const mine = highlight !== undefined && a.requestId === highlight;
        return (
          <li key={a.id} className={mine ? 'feed-item feed-mine' : 'feed-item'}>
            <time dateTime={a.at}>{formatDateTime(a.at)}</time>
            <p className="feed-message">
              {mine && <span className="tag">{t('request.activityThis')}</span>}
              {a.message}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
