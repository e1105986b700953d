import { useEffect } from 'react';
import { useApi } from '../../api';
import { ErrorNotice, Loading } from '../../components';
import { useCategories, useResource, useTitle } from '../../hooks';
import { t } from '../../i18n';
import { Link, navigate, paths } from '../../router';
import { isRepOf, useSession } from '../../session';
import { RequestForm } from './RequestForm';

/** Posting a pooled request: association representatives of this cluster only. */
export function NewRequestPage({ clusterId }: { clusterId: string }) {
  const api = useApi();
  const { user } = useSession();
  const [cluster, reload] = useResource((signal) => api.getCluster(clusterId, signal), [api, clusterId]);
  const { categories, error: categoriesError } = useCategories();
  useTitle(t('newRequest.title'));
  useEffect(() => {
    if (!user) navigate(paths.signIn(paths.newRequest(clusterId)), { replace: true });
  }, [user, clusterId]);

  if (!user) return null;
  let body;
  if (!isRepOf(user, clusterId)) body = <p className="notice">{t('newRequest.notAllowed')}</p>;
  else if (cluster.state === 'error') body = <ErrorNotice error={cluster.error} onRetry={reload} />;
  else if (categoriesError !== undefined) body = <ErrorNotice error={categoriesError} />;
  else if (cluster.state === 'loading' || !categories) body = <Loading />;
  else
    body = (
      <>
        <p>{t('newRequest.intro', { cluster: cluster.data.name })}</p>
        <RequestForm
          cluster={cluster.data}
          categories={categories}
          onCreated={(r) => navigate(paths.request(clusterId, r.id))}
          onCancel={() => navigate(paths.cluster(clusterId))}
        />
      </>
    );
  return (
    <div className="page narrow">
      <p className="crumb">
        <Link to={paths.cluster(clusterId)}>{cluster.data?.name ?? t('common.loading')}</Link>
      </p>
      <h1>{t('newRequest.title')}</h1>
      {body}
    </div>
  );
}
