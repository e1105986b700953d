import { useApi } from '../../api';
import { ClusterShell, EmptyState, ErrorNotice, Loading, LoadMore } from '../../components';
import { usePaged, useRequireUser } from '../../hooks';
import { t } from '../../i18n';
import { paths } from '../../router';
import { isAdminOf } from '../../session';
import { AuditEntryItem } from './AuditEntryItem';

function AuditList({ clusterId }: { clusterId: string }) {
  const api = useApi();
  const list = usePaged((cursor, signal) => api.listAudit(clusterId, cursor, signal), [api, clusterId]);
  if (list.loading) return <Loading />;
  if (list.error !== undefined && list.items.length === 0)
    return <ErrorNotice error={list.error} onRetry={list.reload} />;
  if (list.items.length === 0) return <EmptyState>{t('audit.empty')}</EmptyState>;
  return (
    <>
      <ol className="cards">
        {list.items.map((e) => (
          <AuditEntryItem key={e.id} entry={e} />
        ))}
      </ol>
      {list.error !== undefined && <ErrorNotice error={list.error} onRetry={list.loadMore} />}
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onClick={list.loadMore} />
    </>
  );
}

/** The cluster's audit trail: every privileged action, newest first. */
export function AuditPage({ clusterId }: { clusterId: string }) {
  const user = useRequireUser(paths.audit(clusterId));
  if (!user) return null;
  return (
    <ClusterShell clusterId={clusterId} title={t('audit.title')}>
      {() =>
        isAdminOf(user, clusterId) ? (
          <>
            <p>{t('audit.intro')}</p>
            <AuditList clusterId={clusterId} />
          </>
        ) : (
          <p className="notice">{t('audit.notAllowed')}</p>
        )
      }
    </ClusterShell>
  );
}
