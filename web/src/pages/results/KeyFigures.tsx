import { useCategories } from '../../hooks';
import { t } from '../../i18n';
import { defId, figure, type Indicators, type Row } from './figures';

const KEY_ROWS: Row[] = ['scale', 'outreach', 'delivered', 'costRecovery', 'leverage'];

interface Props {
  indicators: Indicators;
  /** Where each figure's definition is: this page (`#def-…`) or the Results page. */
  definitionsAt?: string;
  rows?: readonly Row[];
  testId?: string;
}

/** A few headline figures of one scope, each linked to what it counts. */
export function KeyFigures({ indicators, definitionsAt = '', rows = KEY_ROWS, testId }: Props) {
  const { labelOf } = useCategories();
  return (
    <dl className="meta meta-wide key-figures" data-testid={testId}>
      {rows.map((row) => (
        <div key={row} data-figure={row}>
          <dt>{t(`results.row.${row}`)}</dt>
          <dd>
            <a href={`${definitionsAt}#${defId(row)}`}>{figure(row, indicators, labelOf)}</a>
          </dd>
        </div>
      ))}
    </dl>
  );
}
