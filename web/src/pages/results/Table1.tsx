import { opensCluster } from '@bds/core/reach';
import { useCategories } from '../../hooks';
import { t } from '../../i18n';
import { Link, paths } from '../../router';
import { useSession } from '../../session';
import { ROWS, defId, figure, type Column } from './figures';

/**
 * The paper's Table 1: one row per indicator, one column per cluster. On a phone the table
 * scrolls inside its own focusable region, so the page itself never scrolls sideways.
 */
export function Table1({ columns, period }: { columns: Column[]; period: string }) {
  const { labelOf } = useCategories();
  const { user } = useSession();
  // Signed out, a cluster's page offers sign-in; signed in, only the clusters the person may open link.
  const linked = (c: Column) => !user || opensCluster(user, { id: c.clusterId, state: c.state });
  if (columns.length === 0) return <p className="empty">{t('results.tableEmpty')}</p>;
  return (
    <div className="table-scroll" role="region" aria-labelledby="table1-caption" tabIndex={0}>
      <table className="table1">
        <caption id="table1-caption">{t('results.tableCaption', { period })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.indicator')}</th>
            {columns.map((c) => (
              <th scope="col" key={c.clusterId}>
                {linked(c) ? <Link to={paths.cluster(c.clusterId)}>{c.name}</Link> : c.name}
                <span className="table1-sub">{c.state}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row} data-row={row}>
              <th scope="row">{t(`results.row.${row}`)}</th>
              {columns.map((c) => (
                <td key={c.clusterId} data-cluster={c.clusterId}>
                  <a href={`#${defId(row)}`}>{figure(row, c.indicators, labelOf)}</a>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
