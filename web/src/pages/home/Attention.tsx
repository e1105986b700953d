import { opensCluster } from '@bds/core/reach';
import type { Api, Cluster, ServiceRequest, User } from '../../api';
import { useApi } from '../../api';
import { EmptyState, ErrorNotice, Loading, RequestList } from '../../components';
import { useResource } from '../../hooks';
import { t, tn, type MessageKey } from '../../i18n';
import { Link, paths } from '../../router';

interface ClusterAttention {
  cluster: Pick<Cluster, 'id' | 'name'>;
  open: ServiceRequest[];
  more: boolean;
}

const PER_CLUSTER = 5;

const introKey = (role: User['role']): MessageKey =>
  role === 'association_rep' || role === 'provider' || role === 'funder'
    ? `home.attention.${role}`
    : 'home.attention.admin';

/**
 * The user's clusters; a national admin reaches them all, a state admin those of their state (the first page of the
 * registry, the API's tenant guard said by core's `opensCluster`).
 */
async function clustersOf(api: Api, user: User, signal: AbortSignal): Promise<Cluster[]> {
  if ((user.role === 'national_admin' || user.role === 'state_admin') && user.clusterIds.length === 0)
    return (await api.listClusters(undefined, signal)).items.filter((c) => opensCluster(user, c));
  return Promise.all(user.clusterIds.map((id) => api.getCluster(id, signal)));
}

type OpenPage = Awaited<ReturnType<Api['listMyOpenRequests']>>;

/** One call's open requests across clusters (soonest deadline first), grouped by cluster. */
function byCluster(page: OpenPage): ClusterAttention[] {
  return page.clusters
    .map((cluster) => {
      const all = page.items.filter((r) => r.clusterId === cluster.id);
      return { cluster, open: all.slice(0, PER_CLUSTER), more: all.length > PER_CLUSTER || page.nextCursor !== null };
    })
    .filter((a) => a.open.length > 0);
}

async function loadAttention(api: Api, user: User, signal: AbortSignal): Promise<ClusterAttention[]> {
  // A provider's clusters, and a funder's programmes' reach, in one call each (the funder's token lists no cluster).
  if (user.role === 'provider') return byCluster(await api.listMyOpenRequests({ limit: 4 * PER_CLUSTER }, signal));
  if (user.role === 'funder') return byCluster(await api.listProgrammeOpenRequests({ limit: 4 * PER_CLUSTER }, signal));
  const clusters = await clustersOf(api, user, signal);
  const pages = await Promise.all(
    clusters.map((c) => api.listRequests(c.id, { status: 'open', limit: PER_CLUSTER }, signal)),
  );
  return clusters
    .map((cluster, i) => ({ cluster, open: pages[i]?.items ?? [], more: (pages[i]?.nextCursor ?? null) !== null }))
    .filter((a) => a.open.length > 0);
}

/** What a signed-in user should look at first; for now, the open requests of their clusters. */
export function Attention({ user }: { user: User }) {
  const api = useApi();
  const [attention, reload] = useResource((signal) => loadAttention(api, user, signal), [api, user]);
  return (
    <section className="panel" aria-labelledby="attention-heading">
      <h2 id="attention-heading">{t('home.attentionHeading')}</h2>
      <p>{t(introKey(user.role))}</p>
      {attention.state === 'loading' && <Loading />}
      {attention.state === 'error' && <ErrorNotice error={attention.error} onRetry={reload} />}
      {attention.state === 'ok' && attention.data.length === 0 && (
        <EmptyState>{t(user.role === 'funder' ? 'home.attentionEmptyFunder' : 'home.attentionEmpty')}</EmptyState>
      )}
      {attention.state === 'ok' &&
        attention.data.map(({ cluster, open, more }) => {
          // Only the clusters the person may open are links; a funder reads the rest here.
          const linked = opensCluster(user, { id: cluster.id });
          const heading = tn('home.attentionCluster', open.length, { cluster: cluster.name });
          return (
            <div key={cluster.id} className="attention-cluster">
              <h3>{linked ? <Link to={paths.cluster(cluster.id)}>{heading}</Link> : heading}</h3>
              <RequestList requests={open} headingLevel={3} linked={linked} />
              {more && linked && (
                <p>
                  <Link to={paths.cluster(cluster.id)}>{t('home.attentionMore')}</Link>
                </p>
              )}
            </div>
          );
        })}
    </section>
  );
}
