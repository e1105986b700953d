import type { Cluster } from '../api';
import { formatCount, formatDate } from '../format';
import { t, tKey } from '../i18n';

/** A cluster's key facts; its status is shown too, so a suspended cluster says so wherever it appears. */
export function ClusterFacts({ cluster }: { cluster: Cluster }) {
  return (
    <dl className="meta meta-wide">
      <div>
        <dt>{t('cluster.status')}</dt>
        <dd>
          <span className={`badge badge-${cluster.status}`}>{tKey('clusterStatus', cluster.status)}</span>
        </dd>
      </div>
      <div>
        <dt>{t('cluster.place')}</dt>
        <dd>{t('home.clusterPlace', { district: cluster.district, state: cluster.state })}</dd>
      </div>
      <div>
        <dt>{t('cluster.phase')}</dt>
        <dd>{tKey('phase', cluster.phase)}</dd>
      </div>
      <div>
        <dt>{t('cluster.firmCount')}</dt>
        <dd>{formatCount(cluster.firmCount)}</dd>
      </div>
      <div>
        <dt>{t('cluster.supportedUntil')}</dt>
        <dd>{formatDate(cluster.supportedUntil)}</dd>
      </div>
    </dl>
  );
}
