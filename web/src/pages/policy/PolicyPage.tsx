import { useState } from 'react';
import { useApi, type ClusterPolicy } from '../../api';
import { ClusterShell, ErrorNotice, Loading, SuccessNotice } from '../../components';
import { useCategories, useRequireUser, useResource } from '../../hooks';
import { t } from '../../i18n';
import { paths } from '../../router';
import { isAdminOf } from '../../session';
import { PolicyForm } from './PolicyForm';

function Policy({ clusterId, canEdit }: { clusterId: string; canEdit: boolean }) {
  const api = useApi();
  const { categories, error } = useCategories();
  const [policy, reload] = useResource((signal) => api.getClusterPolicy(clusterId, signal), [api, clusterId]);
  const [saved, setSaved] = useState<ClusterPolicy | undefined>(undefined);
  if (policy.state === 'error') return <ErrorNotice error={policy.error} onRetry={reload} />;
  if (error !== undefined) return <ErrorNotice error={error} />;
  if (policy.state === 'loading' || !categories) return <Loading />;
  return (
    <>
      {saved && <SuccessNotice title={t('policy.saved')} />}
      <PolicyForm
        clusterId={clusterId}
        policy={saved ?? policy.data}
        categories={categories}
        canEdit={canEdit}
        onSaved={setSaved}
      />
    </>
  );
}

/** The cluster's own policy within national bounds: eligible categories and size-class thresholds. */
export function PolicyPage({ clusterId }: { clusterId: string }) {
  const user = useRequireUser(paths.policy(clusterId));
  if (!user) return null;
  return (
    <ClusterShell clusterId={clusterId} title={t('policy.title')}>
      {(cluster) => (
        <>
          <p>{t('policy.intro')}</p>
          <Policy clusterId={clusterId} canEdit={isAdminOf(user, clusterId) && cluster.status === 'active'} />
        </>
      )}
    </ClusterShell>
  );
}
