import { formatIst } from '@bds/core/ist';
import { useState, type FormEvent } from 'react';
import { useApi, type PayoutBatch, type PayoutLine } from '../../api';
import { ErrorNotice, ErrorSummary, Loading, SubmitButton, TextInput } from '../../components';
import { formatAmount } from '../../format';
import { useForm, useResource, type Placed } from '../../hooks';
import { t, tKey, tn } from '../../i18n';
import { saveFile } from '../../download';

export const batchId = (b: PayoutBatch): string => b.payoutId;

/**
 * A batch as people name it: by when it was made ("Payout of 7 Dec 2026, 10:40 pm IST"), never by
 * the id the portal chose for retries.
 *
 * @example
 * batchName({ createdAt: '2026-12-07T17:10:00.000Z' }) // 'Payout of 7 Dec 2026, 10:40 pm IST'
 */
export const batchName = (b: { createdAt: string }): string => t('payouts.batch', { at: formatIst(b.createdAt) });

/** The file the bank gets: named by the batch's date and time in IST, like the batch. */
const csvName = (b: { createdAt: string }): string =>
  `payout-${formatIst(b.createdAt)
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/-+$/, '')}.csv`;

const BADGE: Record<PayoutBatch['status'], string> = {
  preparing: 'badge-draft',
  exported: 'badge-pending',
  paid: 'badge-approved',
};

/** The batch's lines: a listed batch comes without them, so they are read when it is shown. */
function Lines({ batch }: { batch: PayoutBatch }) {
  const api = useApi();
  const [detail, reload] = useResource(
    (signal) => (batch.lines ? Promise.resolve(batch) : api.getPayout(batch.payoutId, signal)),
    [api, batch],
  );
  if (detail.state === 'loading') return <Loading />;
  if (detail.state === 'error') return <ErrorNotice error={detail.error} onRetry={reload} />;
  const lines: PayoutLine[] = detail.data.lines ?? [];
  const first = lines[0];
  const total = first
    ? { amount: lines.reduce((a, l) => a + l.amount.amount, 0), currency: first.amount.currency }
    : undefined;
  return (
    <>
      {total && <p>{tn('payouts.batchTotal', lines.length, { total: formatAmount(total) })}</p>}
      <ul className="bullets">
        {lines.map((l) => (
          <li key={l.providerId}>
            {t('payouts.batchLine', { provider: l.providerName, amount: formatAmount(l.amount) })}
          </li>
        ))}
      </ul>
    </>
  );
}

/** The bank's reference, then the batch is paid; the API answers the same batch for the same reference again. */
function MarkPaid({ batch, onPaid }: { batch: PayoutBatch; onPaid(b: PayoutBatch): void }) {
  const api = useApi();
  const id = batchId(batch);
  const field = `reference-${id}`;
  const [reference, setReference] = useState('');
  const form = useForm([field]);
  const check = (): Placed => (reference.trim() === '' ? { [field]: [t('payouts.referenceRequired')] } : {});
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(check, async () => onPaid(await api.markPaid(id, reference.trim())));
  };
  const errors = [...(form.errors[field] ?? []), ...(form.errors[''] ?? [])];
  return (
    <form className="form inline-form" onSubmit={submit} noValidate aria-busy={form.busy}>
      <ErrorSummary items={form.summary.filter((s) => s.target)} />
      <TextInput
        id={field}
        label={t('payouts.reference', { at: formatIst(batch.createdAt) })}
        hint={t('payouts.referenceHint')}
        value={reference}
        onValue={setReference}
        errors={errors}
      />
      <SubmitButton
        busy={form.busy}
        label={t('payouts.markPaid', { at: formatIst(batch.createdAt) })}
        busyLabel={t('payouts.marking')}
      />
    </form>
  );
}

/** One payout batch: its lines by provider name, its CSV, and (for the national admin) marking it paid. */
export function BatchCard({
  batch,
  canPay,
  onChanged,
}: {
  batch: PayoutBatch;
  canPay: boolean;
  onChanged(b: PayoutBatch): void;
}) {
  const api = useApi();
  const id = batchId(batch);
  const name = batchName(batch);
  const [csvError, setCsvError] = useState<unknown>(undefined);
  const [downloading, setDownloading] = useState(false);
  const download = async () => {
    setCsvError(undefined);
    setDownloading(true);
    try {
      saveFile(csvName(batch), await api.payoutCsv(id));
    } catch (e) {
      setCsvError(e);
    } finally {
      setDownloading(false);
    }
  };
  const headingId = `batch-${id}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h3 className="card-title" id={headingId}>
        {name}
      </h3>
      <p className="standing">
        <span className={`badge ${BADGE[batch.status]}`}>{tKey('payoutStatus', batch.status)}</span>
      </p>
      <Lines batch={batch} />
      {batch.status === 'paid' && (
        <p className="notice notice-ok">
          {t('payouts.paidOn', {
            at: batch.paidAt ? formatIst(batch.paidAt) : '',
            reference: batch.reference ?? '',
          })}
        </p>
      )}
      {csvError !== undefined && <ErrorNotice error={csvError} />}
      {batch.status !== 'preparing' && (
        <div className="actions">
          <button
            type="button"
            className="button-secondary"
            onClick={() => void download()}
            disabled={downloading}
            aria-busy={downloading}
          >
            {t('payouts.csv', { at: formatIst(batch.createdAt) })}
          </button>
        </div>
      )}
      {canPay && batch.status === 'exported' && <MarkPaid batch={batch} onPaid={onChanged} />}
    </li>
  );
}
