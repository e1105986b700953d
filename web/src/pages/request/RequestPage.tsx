import { useEffect, useState } from 'react';
import { ApiError, useApi, type ServiceRequest } from '../../api';
import { ActivityFeed, EmptyState, ErrorNotice, Loading, LoadMore, errorMessage } from '../../components';
import { useCategories, usePaged, useResource, useTitle, type Resource } from '../../hooks';
import { t } from '../../i18n';
import { Link, navigate, paths } from '../../router';
import { useSession } from '../../session';
import { Publish } from './Publish';
import { RequestFacts } from './RequestFacts';
import { Stepper } from './Stepper';
import { Work } from './Work';

/** The cluster's feed: where the workers' effects show ("Request … opened; 3 providers notified"). */
function Activity({ clusterId, requestId, status }: { clusterId: string; requestId: string; status: string }) {
  const api = useApi();
  // Reloaded when the request changes state: its effects appear here once the worker ran.
  const feed = usePaged((cursor, signal) => api.listActivity(clusterId, cursor, signal), [api, clusterId, status]);
  return (
    <section className="panel" aria-labelledby="activity-heading">
      <div className="section-head">
        <h2 id="activity-heading">{t('request.activityHeading')}</h2>
        <button type="button" className="button-secondary" onClick={feed.reload} disabled={feed.loading}>
          {t('common.refresh')}
        </button>
      </div>
      {feed.loading ? (
        <Loading />
      ) : feed.error !== undefined && feed.items.length === 0 ? (
        <ErrorNotice error={feed.error} onRetry={feed.reload} />
      ) : feed.items.length === 0 ? (
        <EmptyState>{t('request.activityEmpty')}</EmptyState>
      ) : (
        <>
          <ActivityFeed items={feed.items} highlight={requestId} />
          <LoadMore hasMore={feed.hasMore} loading={feed.loadingMore} onClick={feed.loadMore} />
        </>
      )}
    </section>
  );
}

/** One request: all it says, and what has happened in its cluster since. */
export function RequestPage({ clusterId, requestId }: { clusterId: string; requestId: string }) {
  const api = useApi();
  const { user } = useSession();
  const { labelOf } = useCategories();
  // The API's answer after an action (publish, pledge, close, award) is the request as it now is.
  const [updated, setUpdated] = useState<ServiceRequest | undefined>(undefined);
  const [loaded, reload] = useResource(
    (signal) => api.getRequest(clusterId, requestId, signal),
    [api, clusterId, requestId, user?.id],
  );
  const [cluster] = useResource((signal) => api.getCluster(clusterId, signal), [api, clusterId]);
  const request: Resource<ServiceRequest> = updated ? { state: 'ok', data: updated } : loaded;
  // Pledges change the counter: read the request again without blanking the page.
  const refresh = () => void api.getRequest(clusterId, requestId).then(setUpdated, () => undefined);
  useTitle(request.data?.title);
  useEffect(() => {
    if (!user) navigate(paths.signIn(paths.request(clusterId, requestId)), { replace: true });
  }, [user, clusterId, requestId]);
  if (!user) return null;

  const back = (
    <p className="crumb">
      <Link to={paths.cluster(clusterId)}>
        {t('request.back', { cluster: cluster.data?.name ?? t('common.loading') })}
      </Link>
    </p>
  );
  if (request.state !== 'ok') {
    const missing = request.state === 'error' && request.error instanceof ApiError && request.error.status === 404;
    return (
      <div className="page">
        {back}
        <h1>
          {request.state === 'loading' ? t('common.loading') : missing ? t('notFound.title') : t('common.errorTitle')}
        </h1>
        {request.state === 'loading' ? (
          <Loading />
        ) : missing ? (
          <EmptyState>{errorMessage(request.error)}</EmptyState>
        ) : (
          <ErrorNotice error={request.error} onRetry={reload} />
        )}
      </div>
    );
  }
  return (
    <div className="page">
      {back}
      <h1>{request.data.title}</h1>
      <Stepper request={request.data} />
      <Publish request={request.data} onPublished={setUpdated} />
      <div className="detail-grid">
        <div>
          <Work request={request.data} onChanged={setUpdated} refresh={refresh} />
          <RequestFacts request={request.data} categoryLabel={labelOf(request.data.category)} />
        </div>
        <Activity clusterId={clusterId} requestId={requestId} status={request.data.status} />
      </div>
    </div>
  );
}
