import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApi, type Cluster, type ClusterStatus } from '../../api';
import { ErrorSummary, SubmitButton, TextArea } from '../../components';
import { useForm, type Placed } from '../../hooks';
import { t, type MessageKey } from '../../i18n';

/** The API's minimum for a reason kept in the audit trail. */
const MIN_REASON = 10;

/** What each status can become (an archived cluster never changes again). */
const NEXT: Record<ClusterStatus, ClusterStatus[]> = {
  active: ['suspended', 'archived'],
  suspended: ['active', 'archived'],
  archived: [],
};
const VERB: Record<ClusterStatus, MessageKey> = {
  active: 'manage.to.active',
  suspended: 'manage.to.suspended',
  archived: 'manage.to.archived',
};

/**
 * Suspend, reactivate or archive a cluster: choose, give a reason, then confirm in a second
 * step that says what will happen. Nothing is sent before the confirmation.
 */
export function StatusForm({ cluster, onChanged }: { cluster: Cluster; onChanged(cluster: Cluster): void }) {
  const api = useApi();
  const choices = NEXT[cluster.status];
  const [target, setTarget] = useState<ClusterStatus | ''>('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const form = useForm(['status', 'reason']);
  const confirmRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  if (choices.length === 0) return <p className="notice">{t('manage.final')}</p>;

  const check = (): Placed => {
    const placed: Placed = {};
    if (!target) placed.status = [t('manage.chooseAction')];
    if (reason.trim().length < MIN_REASON) placed.reason = [t('form.atLeast', { min: MIN_REASON })];
    return placed;
  };
  const proceed = (e: FormEvent) => {
    e.preventDefault();
    const placed = check();
    form.show(placed);
    if (Object.keys(placed).length === 0) setConfirming(true);
  };
  const confirm = () =>
    void form.submit(check, async () => {
      if (!target) return;
      onChanged(await api.setClusterStatus(cluster.id, target, reason.trim()));
      setConfirming(false);
      setTarget('');
      setReason('');
    });

  if (confirming && target) {
    return (
      <section
        className="confirm"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-body"
        tabIndex={-1}
        ref={confirmRef}
      >
        <h2 className="notice-title" id="confirm-title">
          {t(`manage.confirm.${target}`, { cluster: cluster.name })}
        </h2>
        <p id="confirm-body">{t(`manage.effect.${target}`)}</p>
        <p>{t('manage.reasonQuoted', { reason: reason.trim() })}</p>
        <ErrorSummary items={form.summary} />
        <div className="actions">
          <button
            type="button"
            className={target === 'active' ? 'button' : 'button button-danger'}
            onClick={confirm}
            disabled={form.busy}
            aria-busy={form.busy}
          >
            {form.busy ? t('manage.saving') : t(`manage.yes.${target}`)}
          </button>
          <button type="button" className="button-secondary" onClick={() => setConfirming(false)} disabled={form.busy}>
            {t('form.back')}
          </button>
        </div>
      </section>
    );
  }
  return (
    <form className="form" onSubmit={proceed} noValidate>
      <ErrorSummary items={form.summary} />
      <fieldset
        className={`fieldset${form.errors.status ? ' field-invalid' : ''}`}
        aria-describedby={form.errors.status ? 'status-error' : undefined}
      >
        <legend>{t('manage.action')}</legend>
        {form.errors.status && (
          <p className="field-error" id="status-error">
            {form.errors.status.join(' ')}
          </p>
        )}
        <ul className="checks">
          {choices.map((s, i) => (
            <li key={s}>
              <input
                type="radio"
                name="status"
                id={i === 0 ? 'status' : `status-${s}`}
                value={s}
                checked={target === s}
                onChange={() => setTarget(s)}
              />
              <label htmlFor={i === 0 ? 'status' : `status-${s}`}>{t(VERB[s])}</label>
            </li>
          ))}
        </ul>
      </fieldset>
      <TextArea
        id="reason"
        label={t('manage.reason')}
        hint={t('manage.reasonHint', { min: MIN_REASON })}
        value={reason}
        onValue={setReason}
        errors={form.errors.reason}
        rows={3}
      />
      <div className="actions">
        <SubmitButton busy={false} label={t('manage.continue')} busyLabel={t('manage.continue')} />
      </div>
    </form>
  );
}
