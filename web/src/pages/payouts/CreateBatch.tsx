import { useEffect, useRef, useState } from 'react';
import { useApi, type Payables, type PayoutBatch } from '../../api';
import { ErrorNotice } from '../../components';
import { formatAmount } from '../../format';
import { t, tn } from '../../i18n';
import { clientId } from '../../clientId';

/** The lines a batch would pay, by provider name, and the total. */
function Preview({ payables }: { payables: Payables }) {
  return (
    <>
      <p>{t('payouts.previewIntro')}</p>
      <ul className="bullets" aria-label={t('payouts.previewHeading')}>
        {payables.lines.map((l) => (
          <li key={l.providerId}>
            {t('payouts.batchLine', { provider: l.providerName, amount: formatAmount(l.amount) })}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * Creates a batch of every provider with money payable, after showing its lines and what creating
 * it does. The id is chosen once, so a retry after a dropped connection creates nothing twice; the
 * batch pays what is payable when it is created (a release in between joins it), which the
 * preview read moments before.
 */
export function CreateBatch({ onCreated }: { onCreated(b: PayoutBatch): void }) {
  const api = useApi();
  const [payoutId, setPayoutId] = useState(() => clientId('pay'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [payables, setPayables] = useState<Payables | undefined>(undefined);
  const questionRef = useRef<HTMLParagraphElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (payables) questionRef.current?.focus();
  }, [payables]);
  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await step();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setPayables(undefined);
    setTimeout(() => openRef.current?.focus(), 0);
  };
  if (!payables) {
    return (
      <>
        {error !== undefined && <ErrorNotice error={error} />}
        <button
          type="button"
          ref={openRef}
          className="button"
          onClick={() => void run(async () => setPayables(await api.listPayables()))}
          disabled={busy}
          aria-busy={busy}
        >
          {busy ? t('payouts.previewing') : t('payouts.create')}
        </button>
      </>
    );
  }
  const count = payables.lines.length;
  const total = payables.totals.map(formatAmount).join(t('common.separator'));
  return (
    <section className="confirm" aria-labelledby="payout-confirm-heading" aria-busy={busy}>
      <h3 className="notice-title" id="payout-confirm-heading">
        {t('payouts.previewHeading')}
      </h3>
      {error !== undefined && <ErrorNotice error={error} />}
      {count === 0 ? (
        <p tabIndex={-1} ref={questionRef} role="status">
          {t('payouts.nothingPayable')}
        </p>
      ) : (
        <>
          <Preview payables={payables} />
          {payables.withoutBankDetails.length > 0 && (
            <p className="notice notice-warn">
              {tn('payouts.withoutBank', payables.withoutBankDetails.length, {
                names: payables.withoutBankDetails.join(', '),
              })}
            </p>
          )}
          <p tabIndex={-1} ref={questionRef}>
            {tn('payouts.confirm', count, { total })}
          </p>
        </>
      )}
      <div className="actions">
        {count > 0 && (
          <button
            type="button"
            className="button button-danger"
            disabled={busy}
            aria-busy={busy}
            onClick={() =>
              void run(async () => {
                const batch = await api.createPayout(payoutId);
                setPayoutId(clientId('pay'));
                setPayables(undefined);
                onCreated(batch);
              })
            }
          >
            {busy ? t('payouts.creating') : t('payouts.yes')}
          </button>
        )}
        <button type="button" className="button-secondary" onClick={close}>
          {t('confirm.back')}
        </button>
      </div>
    </section>
  );
}
