import { useState, type FormEvent } from 'react';
import { ApiError, useApi, type Category, type Cluster, type ServiceRequest } from '../../api';
import { ErrorSummary, Field, errorMessage, type SummaryItem } from '../../components';
import { t } from '../../i18n';
import { checkState, focusTarget, initialState, placeErrors, toPayload, type RequestFormState } from './form';
import { Milestones } from './Milestones';

interface Props {
  cluster: Cluster;
  categories: Category[];
  onCreated(request: ServiceRequest): void;
  onCancel(): void;
}

type TextKey = Exclude<keyof RequestFormState, 'milestones'>;

function summaryOf(placed: Record<string, string[]>): SummaryItem[] {
  return Object.entries(placed).flatMap(([slot, messages]) =>
    messages.map((message) => (slot ? { target: focusTarget(slot), message } : { message })),
  );
}

/** The new-request form: checks what it can, sends, and puts the API's field errors by their fields. */
export function RequestForm({ cluster, categories, onCreated, onCancel }: Props) {
  const api = useApi();
  const [state, setState] = useState<RequestFormState>(() => initialState());
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [summary, setSummary] = useState<SummaryItem[]>([]);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<RequestFormState>) => setState((s) => ({ ...s, ...patch }));
  const show = (placed: Record<string, string[]>) => {
    setErrors(placed);
    setSummary(summaryOf(placed));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = checkState(state);
    if (local.length > 0) return show(placeErrors(local));
    setBusy(true);
    try {
      onCreated(await api.createRequest(cluster.id, toPayload(state, cluster.currency)));
    } catch (error) {
      setBusy(false);
      show(
        error instanceof ApiError && error.errors.length > 0
          ? placeErrors(error.errors)
          : { '': [errorMessage(error)] },
      );
    }
  };

  const text = (key: TextKey, label: string, hint?: string, type = 'text') => (
    <Field label={label} id={key} errors={errors[key]} {...(hint ? { hint } : {})}>
      {(ids) => (
        <input {...ids} name={key} type={type} value={state[key]} onChange={(e) => set({ [key]: e.target.value })} />
      )}
    </Field>
  );
  const area = (key: 'specification' | 'deliverables', label: string, hint: string, rows: number) => (
    <Field label={label} id={key} errors={errors[key]} hint={hint}>
      {(ids) => (
        <textarea {...ids} name={key} rows={rows} value={state[key]} onChange={(e) => set({ [key]: e.target.value })} />
      )}
    </Field>
  );

  return (
    <form className="form" onSubmit={submit} noValidate aria-busy={busy}>
      <ErrorSummary items={summary} />
      {text('title', t('newRequest.field.title'))}
      <Field label={t('newRequest.field.category')} id="category" errors={errors.category}>
        {(ids) => (
          <select {...ids} name="category" value={state.category} onChange={(e) => set({ category: e.target.value })}>
            <option value="">{t('newRequest.field.categoryChoose')}</option>
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.innovative ? t('newRequest.field.innovative', { label: c.label }) : c.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {area('specification', t('newRequest.field.specification'), t('newRequest.hint.specification'), 5)}
      {area('deliverables', t('newRequest.field.deliverables'), t('newRequest.hint.deliverables'), 4)}
      {text('place', t('newRequest.field.place'))}
      <div className="row">
        {text('windowStart', t('newRequest.field.windowStart'), undefined, 'date')}
        {text('windowEnd', t('newRequest.field.windowEnd'), undefined, 'date')}
      </div>
      {text('deadline', t('newRequest.field.deadline'), t('newRequest.hint.deadline'), 'datetime-local')}
      <div className="row">
        {text('minFirms', t('newRequest.field.minFirms'), t('newRequest.hint.minFirms'), 'number')}
        {text('maxFirms', t('newRequest.field.maxFirms'), undefined, 'number')}
      </div>
      <fieldset
        className={`fieldset${errors.weights ? ' field-invalid' : ''}`}
        aria-describedby={`weights-hint${errors.weights ? ' weights-error' : ''}`}
      >
        <legend>{t('newRequest.weights')}</legend>
        <p className="hint" id="weights-hint">
          {t('newRequest.hint.weights')}
        </p>
        {errors.weights && (
          <p className="field-error" id="weights-error">
            {errors.weights.join(' ')}
          </p>
        )}
        <div className="row">
          {text('weightPrice', t('newRequest.field.weightPrice'), undefined, 'number')}
          {text('weightQuality', t('newRequest.field.weightQuality'), undefined, 'number')}
        </div>
      </fieldset>
      <Milestones rows={state.milestones} errors={errors} onChange={(milestones) => set({ milestones })} />
      <p className="hint">{t('newRequest.currency', { currency: cluster.currency })}</p>
      <p className="hint">{t('newRequest.draftNote')}</p>
      <div className="actions">
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('newRequest.submitting') : t('newRequest.submit')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('newRequest.cancel')}
        </button>
      </div>
    </form>
  );
}
