import { formatAmount } from '../../format';
import { t } from '../../i18n';
import { ChartTable, Legend } from './ChartTable';
import { percent, type Column } from './figures';

const SOURCES = ['private', 'supportInstitutions', 'programme'] as const;

/** Sources of support as one stacked bar per cluster: who paid what share of what was delivered. */
export function SourcesChart({ columns }: { columns: Column[] }) {
  const label = (s: (typeof SOURCES)[number]) => t(`results.row.${s}`);
  const delivered = columns.filter((c) => c.indicators.delivered.amount > 0);
  return (
    <section aria-labelledby="sources-heading" className="chart">
      <h2 id="sources-heading">{t('results.sourcesHeading')}</h2>
      <p className="hint">{t('results.sourcesCaption')}</p>
      {delivered.length === 0 ? (
        <p className="empty">{t('results.sourcesEmpty')}</p>
      ) : (
        <>
          <Legend items={SOURCES.map((s) => ({ key: s, label: label(s) }))} />
          <ul className="stacks">
            {delivered.map((c) => {
              const s = c.indicators.sources;
              const alt = t('results.sourcesAlt', {
                cluster: c.name,
                private: percent(s.private.share),
                institutions: percent(s.supportInstitutions.share),
                programme: percent(s.programme.share),
              });
              return (
                <li key={c.clusterId}>
                  <span className="stack-label">{c.name}</span>
                  <div className="stack" role="img" aria-label={alt} data-cluster={c.clusterId}>
                    {SOURCES.map((k) => (
                      <span key={k} className={`seg swatch-${k}`} style={{ width: `${(s[k].share ?? 0) * 100}%` }} />
                    ))}
                  </div>
                </li>
              );
            })}
          </ul>
          <ChartTable
            caption={t('results.sourcesCaption')}
            head={['', ...SOURCES.map(label)]}
            rows={delivered.map((c) => ({
              key: c.clusterId,
              cells: [
                c.name,
                ...SOURCES.map((k) =>
                  t('results.amountShare', {
                    amount: formatAmount(c.indicators.sources[k].amount),
                    share: percent(c.indicators.sources[k].share),
                  }),
                ),
              ],
            }))}
          />
        </>
      )}
    </section>
  );
}
