import type { ReactNode } from 'react';
import { ApiError } from '../api/errors';
import { t } from '../i18n';

/** A polite "Loading…" that screen readers announce once. */
export function Loading({ label = t('common.loading') }: { label?: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

/** What to show when a list is empty: say so, and say what to do next. */
export function EmptyState({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div className="empty">
      <p>{children}</p>
      {action}
    </div>
  );
}

/** The words for a failure: the problem's detail when the API gave one. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('common.networkError');
    return error.detail || error.title;
  }
  return error instanceof Error ? error.message : String(error);
}

/** A failed load, with a way to try again. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">{t('common.errorTitle')}</p>
      <p>{errorMessage(error)}</p>
      {onRetry && (
        <button type="button" className="button-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

/** "Load more" under a paged list; disabled and relabelled while the next page loads. */
export function LoadMore({ hasMore, loading, onClick }: { hasMore: boolean; loading: boolean; onClick: () => void }) {
  if (!hasMore) return null;
  return (
    <div className="load-more">
      <button type="button" className="button-secondary" onClick={onClick} disabled={loading} aria-busy={loading}>
        {loading ? t('common.loadingMore') : t('common.loadMore')}
      </button>
    </div>
  );
}
