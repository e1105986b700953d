import { useState } from 'react';
import type { Cluster } from '../../api';
import { ClusterFacts, ClusterShell, SuccessNotice } from '../../components';
import { useRequireUser } from '../../hooks';
import { t, tKey } from '../../i18n';
import { paths } from '../../router';
import { isNationalOrState } from '../../session';
import { StatusForm } from './StatusForm';

/** National and state admins: suspend (read-only), reactivate or archive a cluster, with a reason. */
export function ManageClusterPage({ clusterId }: { clusterId: string }) {
  const user = useRequireUser(paths.clusterManage(clusterId));
  const [changed, setChanged] = useState<Cluster | undefined>(undefined);
  if (!user) return null;
  return (
    <ClusterShell clusterId={clusterId} title={t('manage.title')}>
      {(loaded, reload) => {
        const cluster = changed ?? loaded;
        if (!isNationalOrState(user)) return <p className="notice">{t('manage.notAllowed')}</p>;
        return (
          <>
            {changed && (
              <SuccessNotice
                title={t('manage.done', { cluster: cluster.name, status: tKey('clusterStatus', cluster.status) })}
              />
            )}
            <ClusterFacts cluster={cluster} />
            <h2>{t('manage.statusHeading')}</h2>
            <p>{t('manage.intro')}</p>
            <StatusForm
              key={cluster.status}
              cluster={cluster}
              onChanged={(next) => {
                setChanged(next);
                reload();
              }}
            />
          </>
        );
      }}
    </ClusterShell>
  );
}
