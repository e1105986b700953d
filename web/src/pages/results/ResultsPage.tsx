import { useApi } from '../../api';
import { ErrorNotice, Loading } from '../../components';
import { formatDateTime } from '../../format';
import { usePaged, useTitle } from '../../hooks';
import { t } from '../../i18n';
import { navigate, paths } from '../../router';
import { Controls, type Filter } from './Controls';
import { Definitions } from './Definitions';
import { KeyFigures } from './KeyFigures';
import { ProvidersChart } from './ProvidersChart';
import { SourcesChart } from './SourcesChart';
import { Table1 } from './Table1';
import { TrendChart } from './TrendChart';
import { formatPeriod } from './figures';
import { useResults } from './useResults';
import '../../styles/results.css';

/**
 * The public Results page: Table 1 for the clusters of a state or the whole country, the
 * charts people would rather look at, and the CSV. No sign-in; loaded only when opened.
 */
export default function ResultsPage({ state = '', from = '', to = '' }: Partial<Filter>) {
  const api = useApi();
  useTitle(t('results.title'));
  const clusters = usePaged((cursor, signal) => api.listClusters(cursor, signal, 100), [api]);
  const states = [...new Set(clusters.items.map((c) => c.state))].sort();
  const query = { ...(state ? { state } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) };
  const results = useResults(query);
  const onFilter = (f: Filter) => navigate(paths.results(f), { replace: true });
  const data = results.data;
  const period = data ? formatPeriod(data.scope.from, data.scope.to) : '';
  // The inputs show the months the figures cover, also when the API chose them (the last 12).
  const month = (date: string | undefined) => date?.slice(0, 7) ?? '';
  const shown = { state, from: from || month(data?.scope.from), to: to || month(data?.scope.to) };
  return (
    <div className="page results">
      <h1>{t('results.title')}</h1>
      <p className="lede">{t('results.lede')}</p>
      <Controls
        filter={shown}
        states={states}
        onFilter={onFilter}
        onRefresh={results.refresh}
        refreshing={results.loading}
      />
      {results.error !== undefined && <ErrorNotice error={results.error} onRetry={results.refresh} />}
      {!data ? (
        results.error === undefined && <Loading />
      ) : (
        <>
          <p className="hint" data-testid="results-updated">
            {results.at && t('results.updated', { time: formatDateTime(results.at.toISOString()) })}{' '}
            <a href={api.indicatorsCsvUrl(query)} download>
              {t('results.csv')}
            </a>
          </p>
          <section aria-labelledby="summary-heading">
            <h2 id="summary-heading">{t('results.summaryHeading', { scope: state || t('results.scopeNational') })}</h2>
            <p className="hint">{period}</p>
            <KeyFigures indicators={data.scope} testId="summary" />
          </section>
          <section aria-labelledby="table1-heading">
            <h2 id="table1-heading">{t('results.tableHeading')}</h2>
            <Table1 columns={data.table.columns} period={period} />
          </section>
          <SourcesChart columns={data.table.columns} />
          <TrendChart monthly={data.monthly} />
          <ProvidersChart market={data.scope.market} />
          <Definitions />
        </>
      )}
    </div>
  );
}
