import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useApi, type ServiceRequest } from '../../api';
import { ErrorNotice, ErrorSummary, SubmitButton, TextArea } from '../../components';
import { formatDateTime } from '../../format';
import { useForm } from '../../hooks';
import { t } from '../../i18n';

type Changed = (request: ServiceRequest) => void;

/** Before the deadline the sponsoring associations are told why they see no bids. */
export function SealedNotice({ request }: { request: ServiceRequest }) {
  return (
    <section className="notice" aria-labelledby="sealed-heading">
      <h2 className="notice-title" id="sealed-heading">
        {t('sealed.heading')}
      </h2>
      <p>{t('sealed.body', { deadline: formatDateTime(request.biddingDeadline) })}</p>
    </section>
  );
}

/** A one-click step with its own busy and error state (close bidding, join as co-sponsor). */
function Step({
  heading,
  body,
  label,
  busyLabel,
  act,
}: {
  heading: string;
  body: string;
  label: string;
  busyLabel: string;
  act(): Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await act();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-label={heading}>
      <h2>{heading}</h2>
      <p>{body}</p>
      {error !== undefined && <ErrorNotice error={error} />}
      <button type="button" className="button" onClick={() => void run()} disabled={busy} aria-busy={busy}>
        {busy ? busyLabel : label}
      </button>
    </section>
  );
}

/**
 * After the deadline the lead association (or an admin) closes bidding: the bids are ranked, or the request ends
 * unsuccessful.
 */
export function CloseBidding({ request, onChanged }: { request: ServiceRequest; onChanged: Changed }) {
  const api = useApi();
  return (
    <Step
      heading={t('close.heading')}
      body={t('close.body')}
      label={t('close.submit')}
      busyLabel={t('close.saving')}
      act={async () => onChanged((await api.closeRequest(request.clusterId, request.id)).request)}
    />
  );
}

/** Another association of the cluster joins the request, so its members can pledge too. */
export function JoinRequest({ request, onChanged }: { request: ServiceRequest; onChanged: Changed }) {
  const api = useApi();
  return (
    <Step
      heading={t('join.heading')}
      body={t('join.body')}
      label={t('join.submit')}
      busyLabel={t('join.saving')}
      act={async () => onChanged(await api.joinRequest(request.clusterId, request.id))}
    />
  );
}

/** Cancelling is final: a reason (kept in the audit trail) and a confirmation first. */
export function CancelRequest({ request, onChanged }: { request: ServiceRequest; onChanged: Changed }) {
  const api = useApi();
  const [step, setStep] = useState<'closed' | 'reason' | 'confirm'>('closed');
  const [reason, setReason] = useState('');
  const form = useForm(['reason']);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (step === 'confirm') confirmRef.current?.focus();
  }, [step]);
  const next = (e: FormEvent) => {
    e.preventDefault();
    if (step === 'reason') {
      const empty = reason.trim() === '';
      form.show(empty ? { reason: [t('cancel.reasonRequired')] } : {});
      if (!empty) setStep('confirm');
      return;
    }
    void form.submit(
      () => ({}),
      async () => onChanged(await api.cancelRequest(request.clusterId, request.id, reason.trim())),
    );
  };
  if (step === 'closed') {
    return (
      <p>
        <button type="button" className="button-link" onClick={() => setStep('reason')}>
          {t('cancel.open')}
        </button>
      </p>
    );
  }
  return (
    <form className="confirm" onSubmit={next} noValidate aria-labelledby="cancel-heading">
      <h2 className="notice-title" id="cancel-heading">
        {t('cancel.heading')}
      </h2>
      <ErrorSummary items={form.summary} />
      {step === 'reason' && (
        <TextArea
          id="reason"
          label={t('cancel.reason')}
          rows={3}
          value={reason}
          onValue={setReason}
          errors={form.errors.reason}
        />
      )}
      {step === 'confirm' && (
        <p tabIndex={-1} ref={confirmRef}>
          {t('cancel.confirm', { reason: reason.trim() })}
        </p>
      )}
      <div className="actions">
        <SubmitButton
          busy={form.busy}
          label={step === 'reason' ? t('manage.continue') : t('cancel.yes')}
          busyLabel={t('manage.saving')}
          className={step === 'confirm' ? 'button button-danger' : 'button'}
        />
        <button type="button" className="button-secondary" onClick={() => setStep('closed')}>
          {t('form.back')}
        </button>
      </div>
    </form>
  );
}
