import { useApi } from '../../api';
import { EmptyState, ErrorNotice, Loading, LoadMore } from '../../components';
import { usePaged, useRequireUser, useTitle } from '../../hooks';
import { t, tKey } from '../../i18n';
import { Link, paths } from '../../router';
import { ProgrammeFacts, fundsLine } from './ProgrammeFacts';

/** A funder's programmes (the national admin reads every funder's), with their funds. */
export function ProgrammesPage() {
  const api = useApi();
  const user = useRequireUser(paths.programmes());
  const allowed = user?.role === 'funder' || user?.role === 'national_admin';
  const programmes = usePaged(
    (cursor, signal) =>
      allowed ? api.listProgrammes(cursor, signal) : Promise.resolve({ items: [], nextCursor: null }),
    [api, user?.id, allowed],
  );
  useTitle(t('programmes.title'));
  if (!user) return null;
  const funder = user.role === 'funder';
  const create = funder && (
    <Link to={paths.newProgramme()} className="button">
      {t('programmes.new')}
    </Link>
  );
  return (
    <div className="page">
      <h1>{t('programmes.title')}</h1>
      {!allowed ? (
        <p className="notice">{t('programmes.notForRole')}</p>
      ) : (
        <>
          <p className="lede">{funder ? t('programmes.intro') : t('programmes.adminIntro')}</p>
          {create && programmes.items.length > 0 && <p className="actions">{create}</p>}
          {programmes.loading ? (
            <Loading />
          ) : programmes.error !== undefined && programmes.items.length === 0 ? (
            <ErrorNotice error={programmes.error} onRetry={programmes.reload} />
          ) : programmes.items.length === 0 ? (
            <EmptyState action={create || undefined}>{t('programmes.empty')}</EmptyState>
          ) : (
            <>
              <ul className="cards cluster-list">
                {programmes.items.map((p) => (
                  <li key={p.id} className="card">
                    <h2 className="card-title">
                      <Link to={paths.programme(p.id)}>{p.name}</Link>
                    </h2>
                    <p className="standing">
                      <span className={`badge badge-${p.status === 'open' ? 'open' : 'archived'}`}>
                        {tKey('programmeStatus', p.status)}
                      </span>
                    </p>
                    <p>{fundsLine(p)}</p>
                    <ProgrammeFacts p={p} />
                  </li>
                ))}
              </ul>
              <LoadMore hasMore={programmes.hasMore} loading={programmes.loadingMore} onClick={programmes.loadMore} />
            </>
          )}
        </>
      )}
    </div>
  );
}
