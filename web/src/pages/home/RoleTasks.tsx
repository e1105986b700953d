import type { Api, ServiceRequest, User } from '../../api';
import { useApi } from '../../api';
import { ErrorNotice, Loading } from '../../components';
import { useResource } from '../../hooks';
import { t, tn } from '../../i18n';
import { Link, paths } from '../../router';
import { moneyTasks, type Task } from './moneyTasks';

/** Applications waiting in each of a cluster admin's clusters. */
async function adminTasks(api: Api, user: User, signal: AbortSignal): Promise<Task[]> {
  const lists = await Promise.all(user.clusterIds.map((id) => api.listRegistrations(id, signal)));
  return user.clusterIds.flatMap((id, i) => {
    const pending = (lists[i]?.items ?? []).filter((r) => r.status === 'pending').length;
    return pending > 0
      ? [{ key: `reg-${id}`, to: paths.registrations(id), text: tn('home.task.applications', pending) }]
      : [];
  });
}

/** The rep's own requests that wait for the association: a draft to open, bidding to close, an award to make. */
function repTask(r: ServiceRequest, now: number): Task | undefined {
  const to = paths.request(r.clusterId, r.id);
  if (r.status === 'draft') return { key: r.id, to, text: t('home.task.draft', { title: r.title }) };
  if (r.status === 'open' && Date.parse(r.biddingDeadline) <= now)
    return { key: r.id, to, text: t('home.task.close', { title: r.title }) };
  if (r.status === 'evaluating') return { key: r.id, to, text: t('home.task.award', { title: r.title }) };
  return undefined;
}

async function repTasks(api: Api, user: User, signal: AbortSignal): Promise<Task[]> {
  const pages = await Promise.all(user.clusterIds.map((id) => api.listRequests(id, { limit: 50 }, signal)));
  const now = Date.now();
  return pages.flatMap((p) =>
    p.items.filter((r) => r.associationId === user.organisationId).flatMap((r) => repTask(r, now) ?? []),
  );
}

function marketTasks(api: Api, user: User, signal: AbortSignal): Promise<Task[]> {
  if (user.role === 'cluster_admin') return adminTasks(api, user, signal);
  if (user.role === 'association_rep') return repTasks(api, user, signal);
  return Promise.resolve([]);
}

async function loadTasks(api: Api, user: User, signal: AbortSignal): Promise<Task[]> {
  const [market, money] = await Promise.all([marketTasks(api, user, signal), moneyTasks(api, user, signal)]);
  return [...market, ...money];
}

/** Links for what the role starts from, whatever is waiting. */
function Shortcuts({ user }: { user: User }) {
  const links: [string, string][] = [];
  if (user.role === 'national_admin' || user.role === 'state_admin')
    links.push([paths.onboardCluster(), t('nav.onboard')], [paths.invite(), t('home.inviteSomeone')]);
  if (user.role === 'provider')
    links.push(
      [paths.openRequests(), t('nav.openRequests')],
      [paths.myBids(), t('nav.myBids')],
      [paths.deliveries(), t('nav.deliveries')],
    );
  if (user.role === 'funder')
    links.push([paths.programmes(), t('nav.programmes')], [paths.newProgramme(), t('programmes.new')]);
  if (links.length === 0) return null;
  return (
    <ul className="quick-actions">
      {links.map(([to, label]) => (
        <li key={to}>
          <Link to={to} className="button-secondary">
            {label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * What this role must act on first: applications to decide, requests to open, close or award, money to report, accept
 * or pay; a provider with no cluster yet.
 */
export function RoleTasks({ user }: { user: User }) {
  const api = useApi();
  const [tasks, reload] = useResource((signal) => loadTasks(api, user, signal), [api, user]);
  const noCluster = user.role === 'provider' && user.clusterIds.length === 0;
  return (
    <section className="panel" aria-labelledby="tasks-heading">
      <h2 id="tasks-heading">{t('home.tasksHeading')}</h2>
      {noCluster && (
        <p className="notice">
          {t('home.task.apply')} <Link to={paths.providerClusters()}>{t('home.task.applyLink')}</Link>
        </p>
      )}
      {tasks.state === 'loading' && <Loading />}
      {tasks.state === 'error' && <ErrorNotice error={tasks.error} onRetry={reload} />}
      {tasks.state === 'ok' && tasks.data.length > 0 && (
        <ul className="tasks">
          {tasks.data.map((task) => (
            <li key={task.key}>
              <Link to={task.to}>{task.text}</Link>
            </li>
          ))}
        </ul>
      )}
      {tasks.state === 'ok' && tasks.data.length === 0 && !noCluster && <p>{t('home.tasksNone')}</p>}
      <Shortcuts user={user} />
    </section>
  );
}
