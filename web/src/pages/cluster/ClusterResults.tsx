import { useApi } from '../../api';
import { ErrorNotice, Loading } from '../../components';
import { useResource } from '../../hooks';
import { t } from '../../i18n';
import { Link, paths } from '../../router';
import { KeyFigures } from '../results/KeyFigures';
import { formatPeriod } from '../results/figures';

/** The cluster's own results (the last 12 months), with the way to compare it with the others. */
export function ClusterResults({ clusterId }: { clusterId: string }) {
  const api = useApi();
  const [results, reload] = useResource((signal) => api.indicators({ clusterId }, signal), [api, clusterId]);
  return (
    <section aria-labelledby="results-heading" id="results">
      <h2 id="results-heading">{t('results.clusterHeading')}</h2>
      {results.state === 'loading' && <Loading />}
      {results.state === 'error' && <ErrorNotice error={results.error} onRetry={reload} />}
      {results.state === 'ok' && (
        <>
          <p className="hint">{formatPeriod(results.data.from, results.data.to)}</p>
          <KeyFigures indicators={results.data} definitionsAt={paths.results()} testId="cluster-results" />
          <p>
            <Link to={paths.results()}>{t('results.clusterLink')}</Link> ·{' '}
            <a href={api.indicatorsCsvUrl({ clusterId })} download>
              {t('results.csvCluster')}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
