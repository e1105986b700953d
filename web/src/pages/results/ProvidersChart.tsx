import { useCategories } from '../../hooks';
import { t, tn } from '../../i18n';
import { ChartTable } from './ChartTable';
import { percent, type Indicators } from './figures';

/** Providers per service category, as bars: a market with one provider per service is a warning sign. */
export function ProvidersChart({ market }: { market: Indicators['market'] }) {
  const { labelOf } = useCategories();
  const max = Math.max(1, ...market.map((m) => m.providers));
  type Item = { category: string };
  const byName = (a: Item, b: Item) => labelOf(a.category).localeCompare(labelOf(b.category));
  const sorted = [...market].sort((a, b) => b.providers - a.providers || byName(a, b));
  return (
    <section aria-labelledby="providers-heading" className="chart">
      <h2 id="providers-heading">{t('results.providersHeading')}</h2>
      <p className="hint">{t('results.providersCaption')}</p>
      {sorted.length === 0 ? (
        <p className="empty">{t('results.providersEmpty')}</p>
      ) : (
        <>
          <ul className="bars">
            {sorted.map((m) => (
              <li key={m.category}>
                <span className="bar-label">
                  {tn('results.providersLine', m.providers, { category: labelOf(m.category) })}
                </span>
                <span className="bar" aria-hidden="true">
                  <span className="bar-fill" style={{ width: `${(m.providers / max) * 100}%` }} />
                </span>
              </li>
            ))}
          </ul>
          <ChartTable
            caption={t('results.providersCaption')}
            head={[t('results.service'), t('results.providers'), t('results.largestShare')]}
            rows={sorted.map((m) => ({
              key: m.category,
              cells: [labelOf(m.category), String(m.providers), percent(m.largestShare)],
            }))}
          />
        </>
      )}
    </section>
  );
}
