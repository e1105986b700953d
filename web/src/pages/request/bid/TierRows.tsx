import { Field } from '../../../components';
import { t } from '../../../i18n';
import { MAX_TIERS, type TierRow } from './tiers';

interface Props {
  rows: TierRow[];
  errors: Record<string, string[]>;
  currency: string;
  onChange(rows: TierRow[]): void;
}

/** The price curve as rows: from how many firms, which price per firm. Rows are added and removed in place. */
export function TierRows({ rows, errors, currency, onChange }: Props) {
  const group = errors.priceTiers ?? [];
  const update = (i: number, patch: Partial<TierRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const add = () => {
    const last = rows[rows.length - 1];
    const next = last && /^\d+$/.test(last.minFirms) ? String(Number(last.minFirms) + 10) : '';
    onChange([...rows, { key: Math.max(-1, ...rows.map((r) => r.key)) + 1, minFirms: next, price: '' }]);
  };
  const remove = (i: number) => {
    onChange(rows.filter((_, j) => j !== i));
    requestAnimationFrame(() => document.getElementById('add-tier')?.focus());
  };
  return (
    <fieldset
      className={`fieldset${group.length ? ' field-invalid' : ''}`}
      aria-describedby={`priceTiers-hint${group.length ? ' priceTiers-error' : ''}`}
      id="priceTiers"
      tabIndex={-1}
    >
      <legend>{t('bid.tiers')}</legend>
      <p className="hint" id="priceTiers-hint">
        {t('bid.tiersHint', { currency })}
      </p>
      {group.length > 0 && (
        <p className="field-error" id="priceTiers-error">
          {group.join(' ')}
        </p>
      )}
      <ol className="tiers">
        {rows.map((row, i) => (
          <li key={row.key} className="tier-row">
            <Field
              label={t('bid.tierFirms', { n: i + 1 })}
              id={`priceTiers-${i}-minFirms`}
              errors={errors[`priceTiers-${i}-minFirms`] ?? []}
            >
              {(ids) => (
                <input
                  {...ids}
                  type="number"
                  min={1}
                  inputMode="numeric"
                  value={row.minFirms}
                  onChange={(e) => update(i, { minFirms: e.target.value })}
                />
              )}
            </Field>
            <Field
              label={t('bid.tierPrice', { n: i + 1 })}
              id={`priceTiers-${i}-pricePerFirm`}
              errors={errors[`priceTiers-${i}-pricePerFirm`] ?? []}
            >
              {(ids) => (
                <input
                  {...ids}
                  type="text"
                  inputMode="decimal"
                  autoComplete="off"
                  value={row.price}
                  onChange={(e) => update(i, { price: e.target.value })}
                />
              )}
            </Field>
            {rows.length > 1 && (
              <button type="button" className="button-link remove" onClick={() => remove(i)}>
                {t('bid.removeTier', { n: i + 1 })}
              </button>
            )}
          </li>
        ))}
      </ol>
      {rows.length < MAX_TIERS && (
        <button type="button" id="add-tier" className="button-secondary" onClick={add}>
          {t('bid.addTier')}
        </button>
      )}
    </fieldset>
  );
}
