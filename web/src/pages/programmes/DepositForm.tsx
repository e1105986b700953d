import { useRef, useState, type FormEvent } from 'react';
import { useApi, type ProgrammeView } from '../../api';
import { ErrorSummary, SubmitButton, SuccessNotice, TextInput } from '../../components';
import { formatMoney } from '../../format';
import { useForm, type Placed } from '../../hooks';
import { t } from '../../i18n';
import { toPaise } from '../../money';
import { clientId } from '../../clientId';

/**
 * A deposit into the programme's pool. Its id is chosen when the form is filled and kept until
 * the deposit succeeds, so pressing again after a dropped connection replays, never doubles.
 */
export function DepositForm({
  programme,
  onDeposited,
}: {
  programme: ProgrammeView;
  onDeposited(p: ProgrammeView): void;
}) {
  const api = useApi();
  const [amount, setAmount] = useState('');
  const [done, setDone] = useState<string | undefined>(undefined);
  const depositId = useRef(clientId('dep'));
  const form = useForm(['amount', 'depositId']);
  const check = (): Placed => {
    const paise = toPaise(amount);
    return paise === undefined || paise <= 0 ? { amount: [t('programme.amountInvalid')] } : {};
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(undefined);
    void form.submit(check, async () => {
      const paise = toPaise(amount) ?? 0;
      const next = await api.deposit(programme.id, depositId.current, { amount: paise, currency: programme.currency });
      depositId.current = clientId('dep');
      setAmount('');
      setDone(formatMoney(paise, programme.currency));
      onDeposited(next);
    });
  };
  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="deposit-heading" aria-busy={form.busy}>
      <h3 id="deposit-heading">{t('programme.depositHeading')}</h3>
      <ErrorSummary items={form.summary} />
      {done && <SuccessNotice title={t('programme.deposited.done', { amount: done })} />}
      <div className="inline-form">
        <TextInput
          id="amount"
          label={t('programme.depositAmount')}
          hint={t('programme.depositHint')}
          inputMode="decimal"
          value={amount}
          onValue={setAmount}
          errors={form.errors.amount}
        />
        <SubmitButton busy={form.busy} label={t('programme.depositSubmit')} busyLabel={t('programme.depositSaving')} />
      </div>
    </form>
  );
}
