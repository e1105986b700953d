import { useState } from 'react';
import type { MilestoneMoney, RequestMoney, Resolution, ResolveOutcome } from '../../../api';
import { ConfirmAction, TextArea, TextInput } from '../../../components';
import { formatAmount, formatMoney } from '../../../format';
import { scoped, type Placed } from '../../../hooks';
import { t } from '../../../i18n';
import { toPaise } from '../../../money';

const OUTCOMES: ResolveOutcome[] = ['release', 'partial', 'void'];

/**
 * A cluster admin settles a disputed milestone: release what is held, release part of it and
 * return the rest, or void it back to the programmes. Always with a reason, always confirmed.
 */
export function ResolveForm({
  milestone: m,
  resolve,
  onResolved,
}: {
  milestone: MilestoneMoney;
  resolve(r: Resolution): Promise<RequestMoney>;
  onResolved(money: RequestMoney): void;
}) {
  const [outcome, setOutcome] = useState<ResolveOutcome | ''>('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const p = `m${m.index}`;
  const ids = { outcome: `${p}-outcome`, amount: `${p}-amount`, reason: `${p}-reason` };
  const held = m.held;
  const max = formatAmount(held);
  const paise = toPaise(amount);
  const check = (): Placed => {
    const placed: Placed = {};
    if (!outcome) placed[ids.outcome] = [t('resolve.outcomeRequired')];
    if (outcome === 'partial' && (paise === undefined || paise <= 0 || paise > held.amount))
      placed[ids.amount] = [t('resolve.amountInvalid', { max })];
    if (reason.trim() === '') placed[ids.reason] = [t('resolve.reasonRequired')];
    return placed;
  };
  const consequence = (): string => {
    if (outcome === 'release') return t('resolve.confirmRelease', { amount: max });
    if (outcome === 'void') return t('resolve.confirmVoid', { amount: max });
    const part = paise ?? 0;
    return t('resolve.confirmPartial', {
      amount: formatMoney(part, held.currency),
      rest: formatMoney(held.amount - part, held.currency),
    });
  };
  const body = (): Resolution => ({
    outcome: outcome as ResolveOutcome,
    reason: reason.trim(),
    ...(outcome === 'partial' && paise !== undefined ? { amount: { amount: paise, currency: held.currency } } : {}),
  });
  return (
    <ConfirmAction
      id={`resolve-${m.index}`}
      openLabel={t('resolve.open', { name: m.name })}
      openClassName="button"
      heading={t('resolve.open', { name: m.name }).replace(/…$/, '')}
      headingLevel={5}
      known={Object.values(ids)}
      fields={(errors) => (
        <>
          <fieldset
            className={`fieldset${errors[ids.outcome] ? ' field-invalid' : ''}`}
            aria-describedby={errors[ids.outcome] ? `${ids.outcome}-error` : undefined}
          >
            <legend>{t('resolve.outcome')}</legend>
            {errors[ids.outcome] && (
              <p className="field-error" id={`${ids.outcome}-error`}>
                {errors[ids.outcome]?.join(' ')}
              </p>
            )}
            <ul className="checks">
              {OUTCOMES.map((o, i) => (
                <li key={o}>
                  <input
                    type="radio"
                    name={ids.outcome}
                    id={i === 0 ? ids.outcome : `${ids.outcome}-${o}`}
                    value={o}
                    checked={outcome === o}
                    onChange={() => setOutcome(o)}
                  />
                  <label htmlFor={i === 0 ? ids.outcome : `${ids.outcome}-${o}`}>
                    {t(`resolve.${o}`, { amount: max })}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          {outcome === 'partial' && (
            <TextInput
              id={ids.amount}
              label={t('resolve.amount')}
              hint={t('resolve.amountHint', { max })}
              inputMode="decimal"
              value={amount}
              onValue={setAmount}
              errors={errors[ids.amount]}
            />
          )}
          <TextArea
            id={ids.reason}
            label={t('resolve.reason')}
            hint={t('resolve.reasonHint')}
            rows={3}
            value={reason}
            onValue={setReason}
            errors={errors[ids.reason]}
          />
        </>
      )}
      check={check}
      confirmText={() => t('resolve.confirm', { name: m.name, outcome: consequence(), reason: reason.trim() })}
      yesLabel={t('resolve.yes')}
      busyLabel={t('resolve.saving')}
      danger
      act={async () => onResolved(await scoped(p, resolve(body())))}
    />
  );
}
