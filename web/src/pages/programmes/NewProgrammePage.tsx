import { useState, type FormEvent } from 'react';
import { useApi } from '../../api';
import { ErrorSummary, Loading, SelectInput, StateSelect, SubmitButton, TextInput } from '../../components';
import { useCategories, useForm, useRequireUser, useResource, useTitle } from '../../hooks';
import { t } from '../../i18n';
import { Link, navigate, paths } from '../../router';
import { checkDraft, emptyDraft, toProgramme, type ProgrammeDraft, type ScopeKind } from './form';

const KNOWN = [
  'name',
  'scope',
  'scope-state',
  'scope-clusterId',
  'budget',
  'capPerAward',
  'eligibleCategories',
  'schedule',
  'innovativeSchedule',
  'validFrom',
  'validUntil',
  'priority',
];
const SCOPES: ScopeKind[] = ['national', 'state', 'cluster'];

/** A group of checkboxes whose first box carries the group's id, so the error summary can jump to it. */
function Checks({
  id,
  legend,
  options,
  chosen,
  errors,
  onChange,
}: {
  id: string;
  legend: string;
  options: { value: string; label: string }[];
  chosen: string[];
  errors: string[] | undefined;
  onChange(next: string[]): void;
}) {
  const invalid = !!errors?.length;
  return (
    <fieldset
      className={`fieldset${invalid ? ' field-invalid' : ''}`}
      aria-describedby={invalid ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      {invalid && (
        <p className="field-error" id={`${id}-error`}>
          {errors.join(' ')}
        </p>
      )}
      <ul className="checks">
        {options.map((o, i) => (
          <li key={o.value}>
            <input
              type="checkbox"
              id={i === 0 ? id : `${id}-${o.value}`}
              checked={chosen.includes(o.value)}
              onChange={(e) => onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))}
            />
            <label htmlFor={i === 0 ? id : `${id}-${o.value}`}>{o.label}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** A funder opens a subsidy programme: scope, budget, the tapering share schedule, validity. */
export function NewProgrammePage() {
  const api = useApi();
  const user = useRequireUser(paths.newProgramme());
  const { categories } = useCategories();
  const [clusters] = useResource((signal) => api.listClusters(undefined, signal, 100), [api]);
  const [d, setD] = useState<ProgrammeDraft>(emptyDraft);
  const form = useForm(KNOWN);
  useTitle(t('programme.newTitle'));
  if (!user) return null;
  const set =
    <K extends keyof ProgrammeDraft>(key: K) =>
    (value: ProgrammeDraft[K]) =>
      setD((prev) => ({ ...prev, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(
      () => checkDraft(d),
      async () => {
        const created = await api.createProgramme(toProgramme(d));
        navigate(`${paths.programme(created.id)}?created=1`);
      },
    );
  };
  const e = form.errors;
  return (
    <div className="page narrow">
      <p className="crumb">
        <Link to={paths.programmes()}>{t('programmes.back')}</Link>
      </p>
      <h1>{t('programme.newTitle')}</h1>
      {user.role !== 'funder' ? (
        <p className="notice">{t('programmes.notForRole')}</p>
      ) : (
        <form className="form" onSubmit={submit} noValidate aria-busy={form.busy}>
          <ErrorSummary items={form.summary} />
          <TextInput id="name" label={t('programme.name')} value={d.name} onValue={set('name')} errors={e.name} />
          <fieldset className={`fieldset${e.scope ? ' field-invalid' : ''}`}>
            <legend>{t('programme.scope')}</legend>
            {e.scope && <p className="field-error">{e.scope.join(' ')}</p>}
            <ul className="checks">
              {SCOPES.map((s, i) => (
                <li key={s}>
                  <input
                    type="radio"
                    name="scope"
                    id={i === 0 ? 'scope' : `scope-kind-${s}`}
                    checked={d.scope === s}
                    onChange={() => set('scope')(s)}
                  />
                  <label htmlFor={i === 0 ? 'scope' : `scope-kind-${s}`}>{t(`programme.scope.${s}`)}</label>
                </li>
              ))}
            </ul>
          </fieldset>
          {d.scope === 'state' && (
            <StateSelect
              id="scope-state"
              label={t('programme.state')}
              value={d.state}
              onValue={set('state')}
              errors={e['scope-state']}
            />
          )}
          {d.scope === 'cluster' &&
            (clusters.state === 'loading' ? (
              <Loading />
            ) : (
              <SelectInput
                id="scope-clusterId"
                label={t('programme.cluster')}
                placeholder={t('programme.chooseCluster')}
                value={d.clusterId}
                onValue={set('clusterId')}
                options={(clusters.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
                errors={e['scope-clusterId']}
              />
            ))}
          <div className="row">
            <TextInput
              id="budget"
              label={t('programme.budget')}
              inputMode="decimal"
              value={d.budget}
              onValue={set('budget')}
              errors={e.budget}
            />
            <TextInput
              id="capPerAward"
              label={t('programme.cap')}
              inputMode="decimal"
              value={d.cap}
              onValue={set('cap')}
              errors={e.capPerAward}
            />
          </div>
          {categories ? (
            <Checks
              id="eligibleCategories"
              legend={t('programme.categories')}
              options={categories.map((c) => ({ value: c.slug, label: c.label }))}
              chosen={d.categories}
              errors={e.eligibleCategories}
              onChange={set('categories')}
            />
          ) : (
            <Loading />
          )}
          <TextInput
            id="schedule"
            label={t('programme.schedule')}
            hint={t('programme.scheduleHint')}
            value={d.schedule}
            onValue={set('schedule')}
            errors={e.schedule}
          />
          <TextInput
            id="innovativeSchedule"
            label={t('programme.innovative')}
            hint={t('programme.innovativeHint')}
            value={d.innovative}
            onValue={set('innovative')}
            errors={e.innovativeSchedule}
          />
          <div className="row">
            <TextInput
              id="validFrom"
              type="date"
              label={t('programme.validFrom')}
              value={d.validFrom}
              onValue={set('validFrom')}
              errors={e.validFrom}
            />
            <TextInput
              id="validUntil"
              type="date"
              label={t('programme.validUntil')}
              value={d.validUntil}
              onValue={set('validUntil')}
              errors={e.validUntil}
            />
          </div>
          <TextInput
            id="priority"
            label={t('programme.priority')}
            hint={t('programme.priorityHint')}
            inputMode="numeric"
            value={d.priority}
            onValue={set('priority')}
            errors={e.priority}
          />
          <div className="actions">
            <SubmitButton busy={form.busy} label={t('programme.submit')} busyLabel={t('programme.saving')} />
          </div>
        </form>
      )}
    </div>
  );
}
