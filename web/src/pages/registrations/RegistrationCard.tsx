import { useState, type FormEvent } from 'react';
import { useApi, type Registration } from '../../api';
import { ErrorSummary, SubmitButton, TextArea } from '../../components';
import { formatDateTime } from '../../format';
import { useCategories, useForm, type Placed } from '../../hooks';
import { t, tKey } from '../../i18n';

/** The API's minimum for a refusal's reason, which the provider reads. */
const MIN_REASON = 5;

/** One application: who, for which services, and (while pending) approve, or refuse with a reason. */
export function RegistrationCard({
  registration: r,
  canDecide,
  onDecided,
}: {
  registration: Registration;
  canDecide: boolean;
  onDecided(r: Registration): void;
}) {
  const api = useApi();
  const { labelOf } = useCategories();
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const ids = { reason: `reason-${r.providerId}` };
  const form = useForm([ids.reason]);
  const decide = (decision: 'approve' | 'refuse') =>
    form.submit(
      (): Placed =>
        decision === 'refuse' && reason.trim().length < MIN_REASON
          ? { [ids.reason]: [t('form.atLeast', { min: MIN_REASON })] }
          : {},
      async () =>
        onDecided(
          await api.decideRegistration(
            r.clusterId,
            r.providerId,
            decision,
            decision === 'refuse' ? reason.trim() : undefined,
          ),
        ),
    );
  const refuse = (e: FormEvent) => {
    e.preventDefault();
    void decide('refuse');
  };
  const headingId = `registration-${r.providerId}`;
  return (
    <li className="card">
      <h3 className="card-title" id={headingId}>
        {r.providerName}
      </h3>
      <p className="card-sub">{r.categories.map(labelOf).join(t('common.separator'))}</p>
      <p className="standing">
        <span className={`badge badge-${r.status}`}>{tKey('registration', r.status)}</span>
        <span className="hint">
          <time dateTime={r.at}>{formatDateTime(r.at)}</time>
        </span>
      </p>
      {r.reason && <p>{t('registrations.reason', { reason: r.reason })}</p>}
      {!refusing && <ErrorSummary items={form.summary} />}
      {r.status === 'pending' && canDecide && !refusing && (
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={() => void decide('approve')}
            disabled={form.busy}
            aria-describedby={headingId}
          >
            {form.busy ? t('registrations.saving') : t('registrations.approve')}
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => setRefusing(true)}
            disabled={form.busy}
            aria-describedby={headingId}
          >
            {t('registrations.refuse')}
          </button>
        </div>
      )}
      {r.status === 'pending' && canDecide && refusing && (
        <form className="form" onSubmit={refuse} noValidate aria-busy={form.busy}>
          <ErrorSummary items={form.summary} />
          <TextArea
            id={ids.reason}
            label={t('registrations.refuseReason', { provider: r.providerName })}
            hint={t('registrations.refuseHint')}
            value={reason}
            onValue={setReason}
            errors={form.errors[ids.reason]}
            rows={3}
          />
          <div className="actions">
            <SubmitButton
              busy={form.busy}
              label={t('registrations.confirmRefuse')}
              busyLabel={t('registrations.saving')}
              className="button button-danger"
            />
            <button type="button" className="button-secondary" onClick={() => setRefusing(false)} disabled={form.busy}>
              {t('form.cancel')}
            </button>
          </div>
        </form>
      )}
    </li>
  );
}
