import { useApi, type Api, type Cluster, type ServiceRequest, type User } from '../../api';
import { EmptyState, ErrorNotice, Loading, RequestList, SelectInput } from '../../components';
import { useCategories, useRequireUser, useResource, useTitle } from '../../hooks';
import { t, tn } from '../../i18n';
import { Link, navigate, paths } from '../../router';

interface ClusterRequests {
  cluster: Cluster;
  open: ServiceRequest[];
}

/** The open requests of every cluster the provider is approved in, soonest deadline first. */
async function load(
  api: Api,
  user: User,
  category: string | undefined,
  signal: AbortSignal,
): Promise<ClusterRequests[]> {
  return Promise.all(
    user.clusterIds.map(async (id) => {
      const [cluster, page] = await Promise.all([
        api.getCluster(id, signal),
        api.listRequests(id, { status: 'open', limit: 100, ...(category ? { category } : {}) }, signal),
      ]);
      const open = page.items.filter((r) => Date.parse(r.biddingDeadline) > Date.now());
      return { cluster, open: open.sort((a, b) => Date.parse(a.biddingDeadline) - Date.parse(b.biddingDeadline)) };
    }),
  );
}

/** A provider's marketplace: open requests in its clusters, filtered by category, with the time left to bid. */
export function OpenRequestsPage({ category }: { category: string | undefined }) {
  const api = useApi();
  const user = useRequireUser(paths.openRequests(category));
  const { categories } = useCategories();
  const [data, reload] = useResource(
    (signal) => (user ? load(api, user, category, signal) : Promise.resolve([])),
    [api, user, category],
  );
  useTitle(t('open.title'));
  if (!user) return null;
  if (user.role !== 'provider')
    return (
      <div className="page narrow">
        <h1>{t('open.title')}</h1>
        <p className="notice">{t('open.providersOnly')}</p>
      </div>
    );
  const options = (categories ?? []).map((c) => ({ value: c.slug, label: c.label }));
  const total = data.data?.reduce((n, c) => n + c.open.length, 0) ?? 0;
  return (
    <div className="page">
      <h1>{t('open.title')}</h1>
      <p>{t('open.intro')}</p>
      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label={t('open.filters')}>
        <SelectInput
          id="category"
          label={t('open.category')}
          value={category ?? ''}
          placeholder={t('open.allCategories')}
          options={options}
          onValue={(v) => navigate(paths.openRequests(v || undefined), { replace: true })}
        />
      </form>
      {user.clusterIds.length === 0 && (
        <EmptyState action={<Link to={paths.providerClusters()}>{t('home.task.applyLink')}</Link>}>
          {t('open.noClusters')}
        </EmptyState>
      )}
      {data.state === 'loading' && user.clusterIds.length > 0 && <Loading />}
      {data.state === 'error' && <ErrorNotice error={data.error} onRetry={reload} />}
      {data.state === 'ok' && user.clusterIds.length > 0 && total === 0 && (
        <EmptyState>{t(category ? 'open.emptyCategory' : 'open.empty')}</EmptyState>
      )}
      {data.state === 'ok' &&
        data.data
          .filter((c) => c.open.length > 0)
          .map(({ cluster, open }) => (
            <section key={cluster.id} aria-labelledby={`open-${cluster.id}`}>
              <h2 id={`open-${cluster.id}`}>{tn('open.clusterHeading', open.length, { cluster: cluster.name })}</h2>
              <RequestList requests={open} headingLevel={3} />
            </section>
          ))}
    </div>
  );
}
