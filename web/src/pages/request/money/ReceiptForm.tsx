import { useRef, useState, type FormEvent } from 'react';
import { useApi, type Money, type RequestMoney, type ServiceRequest } from '../../../api';
import { ErrorSummary, SubmitButton, SuccessNotice, TextInput } from '../../../components';
import { formatAmount, formatMoney } from '../../../format';
import { scoped, useForm, type Placed } from '../../../hooks';
import { t } from '../../../i18n';
import { toPaise } from '../../../money';
import { clientId } from '../../../clientId';

/**
 * The provider confirms receiving (part of) the private share from the firms. The receipt id
 * is chosen here once per attempt, so a retried call after a dropped connection counts once.
 */
export function ReceiptForm({
  request,
  owed,
  onConfirmed,
}: {
  request: ServiceRequest;
  owed: Money;
  onConfirmed(money: RequestMoney): void;
}) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState('');
  const [note, setNote] = useState('');
  const [done, setDone] = useState<string | undefined>(undefined);
  const receiptId = useRef(clientId('rcpt'));
  const ids = { amount: 'receipt-amount', note: 'receipt-note' };
  const form = useForm(Object.values(ids));
  const check = (): Placed => {
    const paise = toPaise(amount);
    return paise === undefined || paise <= 0 ? { [ids.amount]: [t('receipt.amountInvalid')] } : {};
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(check, async () => {
      const paise = toPaise(amount) ?? 0;
      const money = await scoped(
        'receipt',
        api.confirmPrivateShare(
          request.clusterId,
          request.id,
          receiptId.current,
          { amount: paise, currency: owed.currency },
          note.trim() || undefined,
        ),
      );
      receiptId.current = clientId('rcpt');
      setDone(formatMoney(paise, owed.currency));
      setAmount('');
      setNote('');
      setOpen(false);
      onConfirmed(money);
    });
  };
  if (!open) {
    return (
      <>
        {done && <SuccessNotice title={t('receipt.done', { amount: done })} />}
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            setDone(undefined);
            setOpen(true);
          }}
        >
          {t('receipt.open')}
        </button>
      </>
    );
  }
  return (
    <form
      className="confirm confirm-plain"
      onSubmit={submit}
      noValidate
      aria-labelledby="receipt-heading"
      aria-busy={form.busy}
    >
      <h4 className="notice-title" id="receipt-heading">
        {t('receipt.heading')}
      </h4>
      <ErrorSummary items={form.summary} />
      <TextInput
        id={ids.amount}
        label={t('receipt.amount')}
        hint={t('receipt.amountHint', { amount: formatAmount(owed) })}
        inputMode="decimal"
        value={amount}
        onValue={setAmount}
        errors={form.errors[ids.amount]}
        autoFocus
      />
      <TextInput
        id={ids.note}
        label={t('receipt.note')}
        value={note}
        onValue={setNote}
        errors={form.errors[ids.note]}
      />
      <div className="actions">
        <SubmitButton busy={form.busy} label={t('receipt.submit')} busyLabel={t('receipt.saving')} />
        <button type="button" className="button-secondary" onClick={() => setOpen(false)}>
          {t('confirm.back')}
        </button>
      </div>
    </form>
  );
}
