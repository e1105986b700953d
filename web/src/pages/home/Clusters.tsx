import { useApi } from '../../api';
import { ClusterList, EmptyState, ErrorNotice, Loading, LoadMore } from '../../components';
import { usePaged } from '../../hooks';
import { t } from '../../i18n';

/** The national registry of clusters, a page at a time. */
export function Clusters() {
  const api = useApi();
  const clusters = usePaged((cursor, signal) => api.listClusters(cursor, signal), [api]);
  return (
    <section aria-labelledby="clusters-heading">
      <h2 id="clusters-heading">{t('home.clustersHeading')}</h2>
      {clusters.loading ? (
        <Loading />
      ) : clusters.error && clusters.items.length === 0 ? (
        <ErrorNotice error={clusters.error} onRetry={clusters.reload} />
      ) : clusters.items.length === 0 ? (
        <EmptyState>{t('home.clustersEmpty')}</EmptyState>
      ) : (
        <>
          <ClusterList clusters={clusters.items} />
          {clusters.error !== undefined && <ErrorNotice error={clusters.error} onRetry={clusters.loadMore} />}
          <LoadMore hasMore={clusters.hasMore} loading={clusters.loadingMore} onClick={clusters.loadMore} />
        </>
      )}
    </section>
  );
}
