import { Field } from '../../components';
import { t } from '../../i18n';
import type { MilestoneRow } from './form';

interface Props {
  rows: MilestoneRow[];
  errors: Record<string, string[]>;
  onChange(rows: MilestoneRow[]): void;
}

const MAX_MILESTONES = 12;

/** Payment milestones: a name and a share of the price each, rows added and removed in place. */
export function Milestones({ rows, errors, onChange }: Props) {
  const groupErrors = errors.milestones ?? [];
  const update = (i: number, patch: Partial<MilestoneRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const add = () => onChange([...rows, { key: Math.max(...rows.map((r) => r.key)) + 1, name: '', share: '' }]);
  const remove = (i: number) => {
    onChange(rows.filter((_, j) => j !== i));
    // The removed row had focus; the add button is the stable place to land.
    requestAnimationFrame(() => document.getElementById('add-milestone')?.focus());
  };
  return (
    <fieldset
      className={`fieldset${groupErrors.length ? ' field-invalid' : ''}`}
      aria-describedby={`milestones-hint${groupErrors.length ? ' milestones-error' : ''}`}
    >
      <legend>{t('newRequest.milestones')}</legend>
      <p className="hint" id="milestones-hint">
        {t('newRequest.hint.milestones')}
      </p>
      {groupErrors.length > 0 && (
        <p className="field-error" id="milestones-error">
          {groupErrors.join(' ')}
        </p>
      )}
      <ol className="milestones">
        {rows.map((row, i) => (
          <li key={row.key} className="milestone-row">
            <Field
              label={t('newRequest.field.milestoneName', { n: i + 1 })}
              id={`milestone-${i}-name`}
              errors={errors[`milestone-${i}-name`]}
              className="grow"
            >
              {(ids) => (
                <input
                  {...ids}
                  type="text"
                  value={row.name}
                  onChange={(e) => update(i, { name: e.target.value })}
                  maxLength={120}
                />
              )}
            </Field>
            <Field
              label={t('newRequest.field.milestoneShare', { n: i + 1 })}
              id={`milestone-${i}-share`}
              errors={errors[`milestone-${i}-share`]}
              className="narrow-field"
            >
              {(ids) => (
                <input
                  {...ids}
                  type="text"
                  inputMode="decimal"
                  value={row.share}
                  onChange={(e) => update(i, { share: e.target.value })}
                />
              )}
            </Field>
            {rows.length > 1 && (
              <button type="button" className="button-link remove" onClick={() => remove(i)}>
                {t('newRequest.removeMilestone', { n: i + 1 })}
              </button>
            )}
          </li>
        ))}
      </ol>
      {rows.length < MAX_MILESTONES && (
        <button type="button" id="add-milestone" className="button-secondary" onClick={add}>
          {t('newRequest.addMilestone')}
        </button>
      )}
    </fieldset>
  );
}
