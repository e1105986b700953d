import { useState } from 'react';
import { useApi, type Registration } from '../../api';
import { ClusterShell, EmptyState, ErrorNotice, Loading } from '../../components';
import { useRequireUser, useResource } from '../../hooks';
import { t, tn } from '../../i18n';
import { paths } from '../../router';
import { isAdminOf } from '../../session';
import { RegistrationCard } from './RegistrationCard';

function Registrations({ clusterId, canDecide }: { clusterId: string; canDecide: boolean }) {
  const api = useApi();
  const [loaded, reload] = useResource((signal) => api.listRegistrations(clusterId, signal), [api, clusterId]);
  const [decided, setDecided] = useState<Record<string, Registration>>({});
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'error') return <ErrorNotice error={loaded.error} onRetry={reload} />;
  const items = loaded.data.items.map((r) => decided[r.providerId] ?? r);
  if (items.length === 0) return <EmptyState>{t('registrations.empty')}</EmptyState>;
  const pending = items.filter((r) => r.status === 'pending');
  const rest = items.filter((r) => r.status !== 'pending');
  const card = (r: Registration) => (
    <RegistrationCard
      key={r.providerId}
      registration={r}
      canDecide={canDecide}
      onDecided={(next) => setDecided((d) => ({ ...d, [next.providerId]: next }))}
    />
  );
  return (
    <>
      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading">{tn('registrations.pendingHeading', pending.length)}</h2>
        {pending.length === 0 ? (
          <EmptyState>{t('registrations.nonePending')}</EmptyState>
        ) : (
          <ul className="cards">{pending.map(card)}</ul>
        )}
      </section>
      {rest.length > 0 && (
        <section aria-labelledby="decided-heading">
          <h2 id="decided-heading">{t('registrations.decidedHeading')}</h2>
          <ul className="cards">{rest.map(card)}</ul>
        </section>
      )}
    </>
  );
}

/** Providers' applications to serve the cluster: its admins approve or refuse them. */
export function RegistrationsPage({ clusterId }: { clusterId: string }) {
  const user = useRequireUser(paths.registrations(clusterId));
  if (!user) return null;
  return (
    <ClusterShell clusterId={clusterId} title={t('registrations.title')}>
      {(cluster) =>
        isAdminOf(user, clusterId) ? (
          <>
            <p>{t('registrations.intro')}</p>
            <Registrations clusterId={clusterId} canDecide={cluster.status === 'active'} />
          </>
        ) : (
          <p className="notice">{t('registrations.notAllowed')}</p>
        )
      }
    </ClusterShell>
  );
}
