import { opensCluster } from '@bds/core/reach';
import { useApi } from '../../api';
import { ClusterList, EmptyState, ErrorNotice, Loading, LoadMore } from '../../components';
import { usePaged } from '../../hooks';
import { t } from '../../i18n';
import { useSession } from '../../session';

/**
 * The national registry of clusters, a page at a time. Signed in, the clusters the person may
 * open come first, as links; the rest are the registry's public facts, with no link into a page
 * the API would refuse them (core's `opensCluster` is the API's tenant guard).
 */
export function Clusters() {
  const api = useApi();
  const { user } = useSession();
  const clusters = usePaged((cursor, signal) => api.listClusters(cursor, signal), [api]);
  const mine = user ? clusters.items.filter((c) => opensCluster(user, c)) : clusters.items;
  const others = user ? clusters.items.filter((c) => !opensCluster(user, c)) : [];
  const more = (
    <>
      {clusters.error !== undefined && <ErrorNotice error={clusters.error} onRetry={clusters.loadMore} />}
      <LoadMore hasMore={clusters.hasMore} loading={clusters.loadingMore} onClick={clusters.loadMore} />
    </>
  );
  return (
    <>
      <section aria-labelledby="clusters-heading">
        <h2 id="clusters-heading">{user ? t('home.yourClustersHeading') : t('home.clustersHeading')}</h2>
        {clusters.loading ? (
          <Loading />
        ) : clusters.error && clusters.items.length === 0 ? (
          <ErrorNotice error={clusters.error} onRetry={clusters.reload} />
        ) : mine.length === 0 ? (
          <EmptyState>{user ? t('home.yourClustersEmpty') : t('home.clustersEmpty')}</EmptyState>
        ) : (
          <ClusterList clusters={mine} />
        )}
        {!user && more}
      </section>
      {user && others.length + (clusters.hasMore ? 1 : 0) > 0 && (
        <section aria-labelledby="registry-heading">
          <h2 id="registry-heading">{t('home.registryHeading')}</h2>
          <p>{t('home.registryIntro')}</p>
          <ClusterList clusters={others} linked={false} />
          {more}
        </section>
      )}
    </>
  );
}
