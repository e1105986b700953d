import { useState } from 'react';
import { ApiError, useApi, type Cluster } from '../../api';
import { ErrorNotice } from '../../components';
import { t, tKey, tn } from '../../i18n';
import { Link, paths } from '../../router';

export type Standing = 'approved' | 'applied' | 'none';

interface Props {
  cluster: Cluster;
  standing: Standing;
  onApplied(clusterId: string): void;
}

/** One cluster as a provider sees it: approved (its requests are open to the provider), applied, or an Apply button. */
export function ApplyCard({ cluster: c, standing, onApplied }: Props) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const apply = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.applyToCluster(c.id);
      onApplied(c.id);
    } catch (e) {
      // Applied before (from another tab or visit): that is the state the provider wanted.
      if (e instanceof ApiError && e.code === 'REGISTRATION.EXISTS') onApplied(c.id);
      else setError(e);
    } finally {
      setBusy(false);
    }
  };
  const headingId = `apply-${c.id}`;
  return (
    <li className="card">
      <h2 className="card-title" id={headingId}>
        {standing === 'approved' ? <Link to={paths.cluster(c.id)}>{c.name}</Link> : c.name}
      </h2>
      <p className="card-sub">{c.sector}</p>
      <ul className="facts">
        <li>{t('home.clusterPlace', { district: c.district, state: c.state })}</li>
        <li>{t('home.clusterPhase', { phase: tKey('phase', c.phase) })}</li>
        <li>{tn('home.clusterFirms', c.firmCount)}</li>
      </ul>
      <div className="card-actions">
        {standing === 'approved' && (
          <p className="standing standing-ok">
            <span className="badge badge-open">{t('apply.approved')}</span>{' '}
            <Link to={paths.openRequests()}>{t('apply.seeRequests')}</Link>
          </p>
        )}
        {standing === 'applied' && (
          <p className="standing" role="status">
            <span className="badge badge-draft">{t('apply.pending')}</span> {t('apply.pendingNote')}
          </p>
        )}
        {standing === 'none' && c.status === 'active' && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => void apply()}
            disabled={busy}
            aria-busy={busy}
            aria-describedby={headingId}
          >
            {busy ? t('apply.applying') : t('apply.apply')}
          </button>
        )}
        {standing === 'none' && c.status !== 'active' && <p className="hint">{t('apply.closed')}</p>}
      </div>
      {error !== undefined && <ErrorNotice error={error} />}
    </li>
  );
}
