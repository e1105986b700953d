import { useState } from 'react';
import { useApi } from '../../api';
import { EmptyState, ErrorNotice, Loading, LoadMore } from '../../components';
import { usePaged, useRequireUser, useTitle } from '../../hooks';
import { t } from '../../i18n';
import { paths } from '../../router';
import { ApplyCard, type Standing } from './ApplyCard';
import { readApplied, rememberApplied } from './applied';

/** Every cluster, and for each whether this provider serves it, has applied, or may apply. */
export function ProviderClustersPage() {
  const api = useApi();
  const user = useRequireUser(paths.providerClusters());
  const clusters = usePaged((cursor, signal) => api.listClusters(cursor, signal), [api]);
  const [applied, setApplied] = useState<string[]>(() => (user ? readApplied(user.id) : []));
  useTitle(t('apply.title'));
  if (!user) return null;
  if (user.role !== 'provider') {
    return (
      <div className="page narrow">
        <h1>{t('apply.title')}</h1>
        <p className="notice">{t('apply.providersOnly')}</p>
      </div>
    );
  }
  const standing = (id: string): Standing =>
    user.clusterIds.includes(id) ? 'approved' : applied.includes(id) ? 'applied' : 'none';
  const onApplied = (id: string) => {
    rememberApplied(user.id, id);
    setApplied((a) => [...a, id]);
  };
  return (
    <div className="page">
      <h1>{t('apply.title')}</h1>
      <p>{t('apply.intro')}</p>
      {clusters.loading ? (
        <Loading />
      ) : clusters.error !== undefined && clusters.items.length === 0 ? (
        <ErrorNotice error={clusters.error} onRetry={clusters.reload} />
      ) : clusters.items.length === 0 ? (
        <EmptyState>{t('home.clustersEmpty')}</EmptyState>
      ) : (
        <>
          <ul className="cards cluster-list">
            {clusters.items.map((c) => (
              <ApplyCard key={c.id} cluster={c} standing={standing(c.id)} onApplied={onApplied} />
            ))}
          </ul>
          <LoadMore hasMore={clusters.hasMore} loading={clusters.loadingMore} onClick={clusters.loadMore} />
        </>
      )}
    </div>
  );
}
