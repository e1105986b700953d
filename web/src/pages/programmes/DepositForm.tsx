import { useState } from 'react';
import { useApi, type ProgrammeView } from '../../api';
import { ConfirmAction, SuccessNotice, TextInput } from '../../components';
import { formatMoney } from '../../format';
import { requiredMessage, type Placed } from '../../hooks';
import { t } from '../../i18n';
import { toPaise } from '../../money';

/** What a bank statement shows as the transfer's reference (a UTR): letters and digits. */
const REFERENCE = /^[A-Z0-9]{6,35}$/;
const normalise = (reference: string) => reference.replace(/\s+/g, '').toUpperCase();

/**
 * A deposit into the programme's pool, with the bank's transaction reference, confirmed after
 * the consequence is stated. The reference names the deposit, so entering the same bank transfer
 * twice (or pressing again after a dropped connection) records it once.
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
  const [reference, setReference] = useState('');
  const [done, setDone] = useState<string | undefined>(undefined);
  const paise = toPaise(amount);
  const shown = formatMoney(paise ?? 0, programme.currency);
  const check = (): Placed => {
    const placed: Placed = {};
    if (paise === undefined || paise <= 0) placed.amount = [t('programme.amountInvalid')];
    if (reference.trim() === '') placed.bankReference = [requiredMessage(t('programme.bankReference'))];
    else if (!REFERENCE.test(normalise(reference))) placed.bankReference = [t('programme.bankReferenceInvalid')];
    return placed;
  };
  return (
    <section aria-labelledby="deposit-heading">
      <h3 id="deposit-heading">{t('programme.depositHeading')}</h3>
      {done && <SuccessNotice title={t('programme.deposited.done', { amount: done })} />}
      <ConfirmAction
        id="deposit"
        openLabel={t('programme.depositOpen')}
        heading={t('programme.depositHeading')}
        headingLevel={4}
        known={['amount', 'bankReference']}
        check={check}
        fields={(errors) => (
          <>
            <TextInput
              id="amount"
              label={t('programme.depositAmount')}
              inputMode="decimal"
              value={amount}
              onValue={setAmount}
              errors={errors.amount}
            />
            <TextInput
              id="bankReference"
              label={t('programme.bankReference')}
              hint={t('programme.bankReferenceHint')}
              autoComplete="off"
              value={reference}
              onValue={setReference}
              errors={errors.bankReference}
            />
          </>
        )}
        confirmText={() =>
          t('programme.depositConfirm', { amount: shown, programme: programme.name, reference: normalise(reference) })
        }
        yesLabel={t('programme.depositSubmit')}
        busyLabel={t('programme.depositSaving')}
        openClassName="button"
        act={async () => {
          setDone(undefined);
          const next = await api.deposit(programme.id, normalise(reference), {
            amount: paise ?? 0,
            currency: programme.currency,
          });
          setAmount('');
          setReference('');
          setDone(shown);
          onDeposited(next);
        }}
      />
    </section>
  );
}
