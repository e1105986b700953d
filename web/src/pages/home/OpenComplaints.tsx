import { formatIst } from '@bds/core/ist';
import { useApi, type User } from '../../api';
import { EmptyState, ErrorNotice, Loading } from '../../components';
import { useResource } from '../../hooks';
import { t } from '../../i18n';
import { Link, paths } from '../../router';

const ADMINS: readonly User['role'][] = ['cluster_admin', 'state_admin', 'national_admin'];

/** An admin's to-do: the open complaints of its clusters, each blocking an award until decided. */
export function OpenComplaints({ user }: { user: User }) {
  const api = useApi();
  const admin = ADMINS.includes(user.role);
  const [open, reload] = useResource(
    async (signal) =>
      admin
        ? (await Promise.all(user.clusterIds.map((c) => api.listOpenComplaints(c, signal)))).flatMap((p) => p.items)
        : [],
    [api, user, admin],
  );
  if (!admin || user.clusterIds.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="complaints-todo-heading">
      <h2 id="complaints-todo-heading">{t('home.complaintsHeading')}</h2>
      <p>{t('home.complaintsIntro')}</p>
      {open.state === 'loading' && <Loading />}
      {open.state === 'error' && <ErrorNotice error={open.error} onRetry={reload} />}
      {open.state === 'ok' && open.data.length === 0 && <EmptyState>{t('home.complaintsEmpty')}</EmptyState>}
      {open.state === 'ok' && open.data.length > 0 && (
        <ul className="bullets">
          {open.data.map((c) => (
            <li key={c.id}>
              <Link to={paths.request(c.clusterId, c.requestId)}>
                {t('home.complaintLine', {
                  request: c.requestTitle,
                  provider: c.providerName,
                  time: formatIst(c.filedAt),
                })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
