import { useState } from 'react';
import { useApi, type Association } from '../../api';
import { ClusterShell, EmptyState, ErrorNotice, Loading, LoadMore, SuccessNotice } from '../../components';
import { formatCount } from '../../format';
import { usePaged, useRequireUser } from '../../hooks';
import { t, tKey } from '../../i18n';
import { Link, paths } from '../../router';
import { isAdminOf } from '../../session';
import { NewAssociationForm } from './NewAssociationForm';

function AssociationList({
  clusterId,
  canInvite,
  added,
}: {
  clusterId: string;
  canInvite: boolean;
  added: Association[];
}) {
  const api = useApi();
  const list = usePaged((cursor, signal) => api.listAssociations(clusterId, cursor, signal), [api, clusterId]);
  // Ones just created are shown at once, without waiting for a reload.
  const items = [...added.filter((a) => !list.items.some((b) => b.id === a.id)), ...list.items];
  if (list.loading) return <Loading />;
  if (list.error !== undefined && items.length === 0) return <ErrorNotice error={list.error} onRetry={list.reload} />;
  if (items.length === 0) return <EmptyState>{t('associations.empty')}</EmptyState>;
  return (
    <>
      <ul className="cards cluster-list">
        {items.map((a) => (
          <li key={a.id} className="card">
            <h3 className="card-title">{a.shortName}</h3>
            <p className="card-sub">{a.name}</p>
            <ul className="facts">
              <li>{tKey('associationKind', a.kind)}</li>
              <li>{t('associations.members', { count: formatCount(a.memberCount) })}</li>
            </ul>
            {canInvite && (
              <p className="card-actions">
                <Link to={paths.invite({ role: 'association_rep', clusterId, associationId: a.id })}>
                  {t('associations.inviteRep', { association: a.shortName })}
                </Link>
              </p>
            )}
          </li>
        ))}
      </ul>
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onClick={list.loadMore} />
    </>
  );
}

/** A cluster's associations; its admins register new ones and invite their representatives. */
export function AssociationsPage({ clusterId }: { clusterId: string }) {
  const user = useRequireUser(paths.associations(clusterId));
  const [added, setAdded] = useState<Association[]>([]);
  if (!user) return null;
  const admin = isAdminOf(user, clusterId);
  // Only cluster admins invite association representatives (national admins invite others).
  const canInvite = user.role === 'cluster_admin' && admin;
  return (
    <ClusterShell clusterId={clusterId} title={t('associations.title')}>
      {(cluster) => (
        <>
          <p>{t('associations.intro', { cluster: cluster.name })}</p>
          {added[0] && <SuccessNotice title={t('associations.created', { association: added[0].shortName })} />}
          <h2>{t('associations.listHeading')}</h2>
          <AssociationList clusterId={clusterId} canInvite={canInvite} added={added} />
          {admin && cluster.status === 'active' && (
            <NewAssociationForm clusterId={clusterId} onCreated={(a) => setAdded((list) => [a, ...list])} />
          )}
        </>
      )}
    </ClusterShell>
  );
}
