import { actionText, idText } from '@bds/core/audit-text';
import { formatDate } from '../../format';
import { useState } from 'react';
import { useApi } from '../../api';
import type { AuditFilters } from '../../api/operations/admin';
import { ClusterShell, EmptyState, ErrorNotice, Loading, LoadMore } from '../../components';
import { saveFile } from '../../download';
import { usePaged, useRequireUser } from '../../hooks';
import { t } from '../../i18n';
import { navigate, paths, useLocation } from '../../router';
import { isAdminOf } from '../../session';
import { AuditEntryItem } from './AuditEntryItem';
import { AuditFilterForm } from './AuditFilterForm';

const KEYS = ['actor', 'action', 'from', 'to'] as const;

/** The filters in the page's address (`?actor=…&action=…&from=YYYY-MM-DD&to=…`). */
function filtersOf(search: string): AuditFilters {
  const q = new URLSearchParams(search);
  return Object.fromEntries(KEYS.flatMap((k) => (q.get(k) ? [[k, q.get(k)]] : []))) as AuditFilters;
}

/** The filters in words, for the line that says the list is narrowed. */
function describe(f: AuditFilters, names: Readonly<Record<string, string>>): string {
  return [
    f.actor && idText(f.actor, names),
    f.action && actionText(f.action),
    f.from && `${t('audit.from')} ${formatDate(f.from)}`,
    f.to && `${t('audit.to')} ${formatDate(f.to)}`,
  ]
    .filter(Boolean)
    .join(', ');
}

function AuditList({ clusterId, filters }: { clusterId: string; filters: AuditFilters }) {
  const api = useApi();
  const key = JSON.stringify(filters);
  const list = usePaged(
    (cursor, signal) => api.listAudit(clusterId, filters, cursor, signal),
    // The filters' content, not their object, says when to start over (`key` is their JSON).
    [api, clusterId, key],
  );
  const [csvBusy, setCsvBusy] = useState(false);
  const [csvError, setCsvError] = useState<unknown>(undefined);
  const names = Object.assign({}, ...list.items.map((i) => i.names)) as Record<string, string>;
  const actors = Object.fromEntries(list.items.map(({ entry }) => [entry.actorId, idText(entry.actorId, names)]));
  const filtered = Object.keys(filters).length > 0;
  const download = async () => {
    setCsvBusy(true);
    setCsvError(undefined);
    try {
      saveFile(`audit-${clusterId}.csv`, await api.auditCsv(clusterId, filters));
    } catch (e) {
      setCsvError(e);
    } finally {
      setCsvBusy(false);
    }
  };
  return (
    <>
      <AuditFilterForm
        key={key}
        filters={filters}
        actors={actors}
        onFilter={(next) => navigate(paths.audit(clusterId, next), { replace: true })}
      />
      {filtered && (
        <p className="hint">
          {t('audit.filtered', { filters: describe(filters, names) })}{' '}
          <a
            href={paths.audit(clusterId)}
            onClick={(e) => {
              e.preventDefault();
              navigate(paths.audit(clusterId), { replace: true });
            }}
          >
            {t('audit.clear')}
          </a>
        </p>
      )}
      <p>
        <button type="button" className="button-secondary" disabled={csvBusy} onClick={() => void download()}>
          {csvBusy ? t('audit.csvBusy') : t('audit.csv')}
        </button>
      </p>
      {csvError !== undefined && <ErrorNotice error={csvError} />}
      {list.loading ? (
        <Loading />
      ) : list.error !== undefined && list.items.length === 0 ? (
        <ErrorNotice error={list.error} onRetry={list.reload} />
      ) : list.items.length === 0 ? (
        <EmptyState>{filtered ? t('audit.emptyFiltered') : t('audit.empty')}</EmptyState>
      ) : (
        <>
          <ol className="cards">
            {list.items.map(({ entry, names: mine }) => (
              <AuditEntryItem key={entry.id} entry={entry} names={mine} />
            ))}
          </ol>
          {list.error !== undefined && <ErrorNotice error={list.error} onRetry={list.loadMore} />}
          <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onClick={list.loadMore} />
        </>
      )}
    </>
  );
}

/** The cluster's audit trail: every privileged action, newest first, in words, filtered and exportable. */
export function AuditPage({ clusterId }: { clusterId: string }) {
  const user = useRequireUser(paths.audit(clusterId));
  const { search } = useLocation();
  if (!user) return null;
  return (
    <ClusterShell clusterId={clusterId} title={t('audit.title')}>
      {() =>
        isAdminOf(user, clusterId) ? (
          <>
            <p>{t('audit.intro')}</p>
            <AuditList clusterId={clusterId} filters={filtersOf(search)} />
          </>
        ) : (
          <p className="notice">{t('audit.notAllowed')}</p>
        )
      }
    </ClusterShell>
  );
}
