import { t } from '../../i18n';
import { ROWS, defId } from './figures';

/** What each figure of Table 1 counts; every figure links here. */
export function Definitions() {
  return (
    <section aria-labelledby="defs-heading">
      <h2 id="defs-heading">{t('results.defsHeading')}</h2>
      <dl className="definitions">
        {ROWS.map((row) => (
          <div key={row} id={defId(row)} tabIndex={-1}>
            <dt>{t(`results.row.${row}`)}</dt>
            <dd>{t(`results.def.${row}`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
