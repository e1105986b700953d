import type { ReactNode } from 'react';
import { t } from '../../i18n';

interface Props {
  caption: string;
  head: string[];
  rows: { key: string; cells: ReactNode[] }[];
}

/** A chart's figures as a table, one click away: the chart's text alternative for every reader. */
export function ChartTable({ caption, head, rows }: Props) {
  return (
    <details className="chart-table">
      <summary>{t('results.chartTable')}</summary>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              {head.map((h, i) => (
                <th scope="col" key={i}>
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                {r.cells.map((c, i) =>
                  i === 0 ? (
                    <th scope="row" key={i}>
                      {c}
                    </th>
                  ) : (
                    <td key={i}>{c}</td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}

/** The colour key of a chart; each series also differs by pattern or dash, not by colour alone. */
export function Legend({ items }: { items: { key: string; label: string }[] }) {
  return (
    <ul className="legend" aria-hidden="true">
      {items.map((i) => (
        <li key={i.key}>
          <span className={`swatch swatch-${i.key}`} />
          {i.label}
        </li>
      ))}
    </ul>
  );
}
