import { ApiError, useApi } from '../../api';
import {
  ClusterFacts,
  ClusterNav,
  EmptyState,
  ErrorNotice,
  Loading,
  LoadMore,
  RequestList,
  errorMessage,
} from '../../components';
import { usePaged, useResource, useTitle } from '../../hooks';
import { t } from '../../i18n';
import { Link, paths } from '../../router';
import { isRepOf, useSession } from '../../session';
import { ClusterResults } from './ClusterResults';

function Requests({ clusterId, canPost }: { clusterId: string; canPost: boolean }) {
  const api = useApi();
  const { user } = useSession();
  // Requests are for signed-in users only: signed out, there is nothing to ask for.
  const requests = usePaged(
    (cursor, signal) =>
      user ? api.listRequests(clusterId, { cursor }, signal) : Promise.resolve({ items: [], nextCursor: null }),
    [api, clusterId, user?.id],
  );
  const post = canPost && (
    <Link to={paths.newRequest(clusterId)} className="button">
      {t('cluster.postRequest')}
    </Link>
  );
  let body;
  if (!user) {
    body = (
      <EmptyState action={<Link to={paths.signIn(paths.cluster(clusterId))}>{t('nav.signIn')}</Link>}>
        {t('cluster.signInToSee')}
      </EmptyState>
    );
  } else if (requests.loading) body = <Loading />;
  // The tenant guard answers 404 for a cluster outside the user's reach: say so plainly.
  else if (requests.error instanceof ApiError && requests.error.status === 404)
    body = <EmptyState>{t('cluster.requestsHidden')}</EmptyState>;
  else if (requests.error !== undefined && requests.items.length === 0)
    body = <ErrorNotice error={requests.error} onRetry={requests.reload} />;
  else if (requests.items.length === 0)
    body = <EmptyState action={post}>{t(canPost ? 'cluster.requestsEmptyRep' : 'cluster.requestsEmpty')}</EmptyState>;
  else
    body = (
      <>
        <RequestList requests={requests.items} />
        {requests.error !== undefined && <ErrorNotice error={requests.error} onRetry={requests.loadMore} />}
        <LoadMore hasMore={requests.hasMore} loading={requests.loadingMore} onClick={requests.loadMore} />
      </>
    );
  return (
    <section aria-labelledby="requests-heading">
      <div className="section-head">
        <h2 id="requests-heading">{t('cluster.requestsHeading')}</h2>
        {requests.items.length > 0 && post}
      </div>
      {body}
    </section>
  );
}

/** One cluster: its facts and its open and recent requests. */
export function ClusterPage({ clusterId }: { clusterId: string }) {
  const api = useApi();
  const { user } = useSession();
  const [cluster, reload] = useResource((signal) => api.getCluster(clusterId, signal), [api, clusterId]);
  useTitle(cluster.data?.name);
  if (cluster.state === 'loading') {
    return (
      <div className="page">
        <h1>{t('common.loading')}</h1>
        <Loading />
      </div>
    );
  }
  if (cluster.state === 'error') {
    const missing = cluster.error instanceof ApiError && cluster.error.status === 404;
    return (
      <div className="page">
        <h1>{missing ? t('notFound.title') : t('common.errorTitle')}</h1>
        {missing ? (
          <EmptyState action={<Link to={paths.home()}>{t('notFound.home')}</Link>}>
            {errorMessage(cluster.error)}
          </EmptyState>
        ) : (
          <ErrorNotice error={cluster.error} onRetry={reload} />
        )}
      </div>
    );
  }
  return (
    <div className="page">
      <h1>{cluster.data.name}</h1>
      <p className="lede">{cluster.data.sector}</p>
      <ClusterNav user={user} clusterId={clusterId} name={cluster.data.name} />
      {cluster.data.status !== 'active' && (
        <p className="notice notice-warn">
          {t(cluster.data.status === 'suspended' ? 'cluster.suspendedNote' : 'cluster.archivedNote')}
        </p>
      )}
      {user?.role === 'provider' && !user.clusterIds.includes(clusterId) && (
        <p className="notice">
          {t('cluster.providerNotApproved')} <Link to={paths.providerClusters()}>{t('cluster.applyLink')}</Link>
        </p>
      )}
      <ClusterFacts cluster={cluster.data} />
      <ClusterResults clusterId={clusterId} />
      <Requests clusterId={clusterId} canPost={isRepOf(user, clusterId)} />
    </div>
  );
}
