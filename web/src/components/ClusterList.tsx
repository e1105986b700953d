import type { Cluster } from '../api';
import { t, tKey, tn } from '../i18n';
import { Link, paths } from '../router';

/**
 * Clusters as cards: name, sector, where, phase, how many firms. The name links to the cluster
 * unless `linked` is false: the registry view of clusters the person cannot open.
 *
 * @example
 * <ClusterList clusters={page.items} />
 */
export function ClusterList({ clusters, linked = true }: { clusters: readonly Cluster[]; linked?: boolean }) {
  return (
    <ul className="cards cluster-list">
      {clusters.map((c) => (
        <li key={c.id} className="card">
          <h3 className="card-title">{linked ? <Link to={paths.cluster(c.id)}>{c.name}</Link> : c.name}</h3>
          <p className="card-sub">{c.sector}</p>
          <ul className="facts">
            <li>{t('home.clusterPlace', { district: c.district, state: c.state })}</li>
            <li>{t('home.clusterPhase', { phase: tKey('phase', c.phase) })}</li>
            <li>{tn('home.clusterFirms', c.firmCount)}</li>
          </ul>
        </li>
      ))}
    </ul>
  );
}
