import { useState, type FormEvent } from 'react';
import { useApi, type Category, type ClusterPolicy } from '../../api';
import { ErrorSummary, SubmitButton, TextInput } from '../../components';
import { useForm, type Placed } from '../../hooks';
import { t } from '../../i18n';

type SizeKey = keyof ClusterPolicy['size'];
const SIZES: SizeKey[] = ['microBelow', 'smallBelow', 'nonMechanisedUnderServedBelow'];
const ids = { categories: 'eligibleCategories', size: (k: SizeKey) => `size-${k}` };

interface Props {
  clusterId: string;
  policy: ClusterPolicy;
  categories: Category[];
  canEdit: boolean;
  onSaved(policy: ClusterPolicy): void;
}

/**
 * Which categories the cluster takes requests in, and where its size classes start; the API holds the national bounds.
 */
export function PolicyForm({ clusterId, policy, categories, canEdit, onSaved }: Props) {
  const api = useApi();
  const [eligible, setEligible] = useState<string[]>(policy.eligibleCategories);
  const [size, setSize] = useState<Record<SizeKey, string>>(() => ({
    microBelow: String(policy.size.microBelow),
    smallBelow: String(policy.size.smallBelow),
    nonMechanisedUnderServedBelow: String(policy.size.nonMechanisedUnderServedBelow),
  }));
  const form = useForm([ids.categories, ...SIZES.map(ids.size)]);
  const check = (): Placed => {
    const placed: Placed = {};
    if (eligible.length === 0) placed[ids.categories] = [t('policy.categoriesRequired')];
    for (const k of SIZES) if (!/^\s*\d+\s*$/.test(size[k])) placed[ids.size(k)] = [t('form.wholeNumber')];
    return placed;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(check, async () => {
      const body: ClusterPolicy = {
        ...policy,
        eligibleCategories: eligible as ClusterPolicy['eligibleCategories'],
        size: {
          microBelow: Number(size.microBelow),
          smallBelow: Number(size.smallBelow),
          nonMechanisedUnderServedBelow: Number(size.nonMechanisedUnderServedBelow),
        },
      };
      onSaved(await api.setClusterPolicy(clusterId, body));
    });
  };
  const catErrors = form.errors[ids.categories];
  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={form.busy}>
      <ErrorSummary items={form.summary} />
      <fieldset
        className={`fieldset${catErrors ? ' field-invalid' : ''}`}
        disabled={!canEdit}
        aria-describedby={catErrors ? 'eligibleCategories-error' : undefined}
      >
        <legend>{t('policy.categories')}</legend>
        {catErrors && (
          <p className="field-error" id="eligibleCategories-error">
            {catErrors.join(' ')}
          </p>
        )}
        <ul className="checks">
          {categories.map((c, i) => (
            <li key={c.slug}>
              <input
                type="checkbox"
                id={i === 0 ? ids.categories : `eligible-${c.slug}`}
                checked={eligible.includes(c.slug)}
                onChange={(e) =>
                  setEligible((list) => (e.target.checked ? [...list, c.slug] : list.filter((s) => s !== c.slug)))
                }
              />
              <label htmlFor={i === 0 ? ids.categories : `eligible-${c.slug}`}>{c.label}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className="fieldset" disabled={!canEdit}>
        <legend>{t('policy.size')}</legend>
        <p className="hint">{t('policy.sizeHint')}</p>
        {SIZES.map((k) => (
          <TextInput
            key={k}
            id={ids.size(k)}
            label={t(`policy.${k}`)}
            type="number"
            min={1}
            value={size[k]}
            onValue={(v) => setSize((s) => ({ ...s, [k]: v }))}
            errors={form.errors[ids.size(k)]}
          />
        ))}
      </fieldset>
      {canEdit && (
        <div className="actions">
          <SubmitButton busy={form.busy} label={t('policy.save')} busyLabel={t('manage.saving')} />
        </div>
      )}
    </form>
  );
}
