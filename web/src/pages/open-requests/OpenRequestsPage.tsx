import { useApi, type Api, type Page, type ServiceRequest } from '../../api';
import { EmptyState, ErrorNotice, LoadMore, Loading, RequestList, SelectInput } from '../../components';
import { useCategories, usePaged, useRequireUser, useTitle } from '../../hooks';
import { t, tn } from '../../i18n';
import { Link, navigate, paths } from '../../router';

type OpenRequest = ServiceRequest & { clusterName: string };

/** One page of the provider's open requests across its clusters: one call, whatever the number of clusters. */
async function load(
  api: Api,
  category: string | undefined,
  cursor: string | undefined,
  signal: AbortSignal,
): Promise<Page<OpenRequest>> {
  const page = await api.listMyOpenRequests(
    { limit: 50, ...(category ? { category } : {}), ...(cursor ? { cursor } : {}) },
    signal,
  );
  const names = new Map(page.clusters.map((c) => [c.id, c.name]));
  return {
    items: page.items.map((r) => ({ ...r, clusterName: names.get(r.clusterId) ?? r.clusterId })),
    nextCursor: page.nextCursor,
  };
}

/** The requests grouped by cluster, in the order each cluster's soonest deadline comes (items arrive by deadline). */
function byCluster(items: OpenRequest[]): { id: string; name: string; open: OpenRequest[] }[] {
  const groups = new Map<string, { id: string; name: string; open: OpenRequest[] }>();
  for (const r of items) {
    const group = groups.get(r.clusterId) ?? { id: r.clusterId, name: r.clusterName, open: [] };
    group.open.push(r);
    groups.set(r.clusterId, group);
  }
  return [...groups.values()];
}

/** A provider's marketplace: open requests in its clusters, filtered by category, with the time left to bid. */
export function OpenRequestsPage({ category }: { category: string | undefined }) {
  const api = useApi();
  const user = useRequireUser(paths.openRequests(category));
  const { categories } = useCategories();
  const list = usePaged<OpenRequest>(
    (cursor, signal) =>
      user?.role === 'provider' && user.clusterIds.length > 0
        ? load(api, category, cursor, signal)
        : Promise.resolve({ items: [], nextCursor: null }),
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
      {list.loading && user.clusterIds.length > 0 && <Loading />}
      {list.error !== undefined && <ErrorNotice error={list.error} onRetry={list.reload} />}
      {!list.loading && list.error === undefined && user.clusterIds.length > 0 && list.items.length === 0 && (
        <EmptyState>{t(category ? 'open.emptyCategory' : 'open.empty')}</EmptyState>
      )}
      {byCluster(list.items).map(({ id, name, open }) => (
        <section key={id} aria-labelledby={`open-${id}`}>
          <h2 id={`open-${id}`}>{tn('open.clusterHeading', open.length, { cluster: name })}</h2>
          <RequestList requests={open} headingLevel={3} />
        </section>
      ))}
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onClick={list.loadMore} />
    </div>
  );
}
