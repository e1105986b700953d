import type { ReactNode } from 'react';
import { ApiError, useApi, type Cluster } from '../api';
import { useResource, useTitle } from '../hooks';
import { t } from '../i18n';
import { Link, paths } from '../router';
import { useSession } from '../session';
import { ClusterNav } from './ClusterNav';
import { EmptyState, ErrorNotice, Loading, errorMessage } from './Status';

interface Props {
  clusterId: string;
  /** The page's heading; the cluster's name is its breadcrumb. */
  title: string;
  children(cluster: Cluster, reload: () => void): ReactNode;
}

/**
 * The frame of a page under a cluster: the cluster's name as a link back, the heading, the
 * cluster's tabs, and the loading, missing and failed states of the cluster itself.
 *
 * @example
 * <ClusterShell clusterId={id} title={t('audit.title')}>{(cluster) => <AuditList cluster={cluster} />}</ClusterShell>
 */
export function ClusterShell({ clusterId, title, children }: Props) {
  const api = useApi();
  const { user } = useSession();
  const [cluster, reload] = useResource((signal) => api.getCluster(clusterId, signal), [api, clusterId]);
  useTitle(cluster.data ? t('clusterNav.pageTitle', { page: title, cluster: cluster.data.name }) : title);
  const missing = cluster.state === 'error' && cluster.error instanceof ApiError && cluster.error.status === 404;
  return (
    <div className="page">
      <p className="crumb">
        <Link to={paths.cluster(clusterId)}>{cluster.data?.name ?? t('common.loading')}</Link>
      </p>
      <h1>{missing ? t('notFound.title') : title}</h1>
      {cluster.data && <ClusterNav user={user} clusterId={clusterId} name={cluster.data.name} />}
      {cluster.data && cluster.data.status !== 'active' && (
        <p className="notice notice-warn">
          {t(cluster.data.status === 'suspended' ? 'cluster.suspendedNote' : 'cluster.archivedNote')}
        </p>
      )}
      {cluster.state === 'loading' && <Loading />}
      {missing && (
        <EmptyState action={<Link to={paths.home()}>{t('notFound.home')}</Link>}>
          {errorMessage(cluster.error)}
        </EmptyState>
      )}
      {cluster.state === 'error' && !missing && <ErrorNotice error={cluster.error} onRetry={reload} />}
      {cluster.state === 'ok' && children(cluster.data, reload)}
    </div>
  );
}
