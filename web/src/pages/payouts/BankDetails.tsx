import { useState } from 'react';
import { useApi, type BankView } from '../../api';
import { ConfirmAction, ErrorNotice, Loading, SuccessNotice, TextInput } from '../../components';
import { requiredMessage, useResource, type Placed } from '../../hooks';
import { t } from '../../i18n';

/** The core's rules, checked here first so a person sees the field's problem before sending. */
const IFSC = /^[A-Z]{4}0[A-Z0-9]{6}$/;
const ACCOUNT = /^\d{9,18}$/;
const ifscOf = (s: string) => s.replace(/\s+/g, '').toUpperCase();
const accountOf = (s: string) => s.replace(/[\s-]+/g, '');

/** The details as they are on file: the account only by its last four digits. */
function OnFile({ view }: { view: BankView }) {
  const b = view.bankDetails;
  if (!b) return <p className="notice notice-warn">{t('bank.none')}</p>;
  return (
    <dl className="meta" aria-label={t('bank.heading')}>
      <div>
        <dt>{t('bank.beneficiary')}</dt>
        <dd>{b.beneficiaryName}</dd>
      </div>
      <div>
        <dt>{t('bank.ifsc')}</dt>
        <dd>{b.ifsc}</dd>
      </div>
      <div>
        <dt>{t('bank.account')}</dt>
        <dd data-testid="account-masked">{t('bank.accountEnding', { last4: b.accountEnding })}</dd>
      </div>
    </dl>
  );
}

/**
 * Where the provider's payouts go: shown masked, and given or changed after the consequence is
 * stated (the next batch pays this account). Only the provider and national admins can read it.
 */
export function BankDetails({ providerId }: { providerId: string }) {
  const api = useApi();
  const [loaded, reload] = useResource((signal) => api.getBankDetails(providerId, signal), [api, providerId]);
  const [saved, setSaved] = useState<BankView | undefined>(undefined);
  const [beneficiaryName, setName] = useState('');
  const [ifsc, setIfsc] = useState('');
  const [accountNumber, setAccount] = useState('');
  const view = saved ?? loaded.data;
  const check = (): Placed => {
    const placed: Placed = {};
    if (beneficiaryName.trim().length < 2) placed.beneficiaryName = [requiredMessage(t('bank.beneficiary'))];
    if (!IFSC.test(ifscOf(ifsc))) placed.ifsc = [t('bank.ifscInvalid')];
    if (!ACCOUNT.test(accountOf(accountNumber))) placed.accountNumber = [t('bank.accountInvalid')];
    return placed;
  };
  return (
    <section className="panel" aria-labelledby="bank-heading">
      <h2 id="bank-heading">{t('bank.heading')}</h2>
      <p className="hint">{t('bank.who')}</p>
      {view ? (
        <OnFile view={view} />
      ) : loaded.state === 'error' ? (
        <ErrorNotice error={loaded.error} onRetry={reload} />
      ) : (
        <Loading />
      )}
      {saved && <SuccessNotice title={t('bank.saved')} />}
      {view && (
        <ConfirmAction
          id="bank"
          openLabel={view.bankDetails ? t('bank.change') : t('bank.add')}
          heading={t('bank.formHeading')}
          known={['beneficiaryName', 'ifsc', 'accountNumber']}
          check={check}
          fields={(errors) => (
            <>
              <TextInput
                id="beneficiaryName"
                label={t('bank.beneficiary')}
                hint={t('bank.beneficiaryHint')}
                autoComplete="off"
                value={beneficiaryName}
                onValue={setName}
                errors={errors.beneficiaryName}
              />
              <TextInput
                id="ifsc"
                label={t('bank.ifsc')}
                hint={t('bank.ifscHint')}
                autoComplete="off"
                value={ifsc}
                onValue={setIfsc}
                errors={errors.ifsc}
              />
              <TextInput
                id="accountNumber"
                label={t('bank.account')}
                inputMode="numeric"
                autoComplete="off"
                value={accountNumber}
                onValue={setAccount}
                errors={errors.accountNumber}
              />
            </>
          )}
          confirmText={() =>
            t('bank.confirm', {
              name: beneficiaryName.trim(),
              ifsc: ifscOf(ifsc),
              last4: accountOf(accountNumber).slice(-4),
            })
          }
          yesLabel={t('bank.yes')}
          busyLabel={t('bank.saving')}
          act={async () => {
            setSaved(
              await api.putBankDetails(providerId, {
                beneficiaryName: beneficiaryName.trim(),
                ifsc: ifscOf(ifsc),
                accountNumber: accountOf(accountNumber),
              }),
            );
            setAccount('');
          }}
        />
      )}
    </section>
  );
}
