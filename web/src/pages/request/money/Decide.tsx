import { useState } from 'react';
import { useApi, type MilestoneMoney, type RequestMoney, type ServiceRequest } from '../../../api';
import { ConfirmAction, TextArea } from '../../../components';
import { formatAmount } from '../../../format';
import { scoped } from '../../../hooks';
import { t } from '../../../i18n';

/** The API's rule: a dispute is explained in 20 characters or more. */
const MIN_REASON = 20;

/** The lead association answers a reported delivery: accept (the escrow is released) or dispute (it stays held). */
export function Decide({
  request,
  milestone: m,
  onDecided,
}: {
  request: ServiceRequest;
  milestone: MilestoneMoney;
  onDecided(money: RequestMoney): void;
}) {
  const api = useApi();
  const [reason, setReason] = useState('');
  const reasonId = `m${m.index}-reason`;
  return (
    <div className="decide">
      <ConfirmAction
        id={`accept-${m.index}`}
        openLabel={t('accept.open', { name: m.name })}
        openClassName="button"
        heading={t('accept.open', { name: m.name }).replace(/…$/, '')}
        headingLevel={5}
        confirmText={() => t('accept.confirm', { name: m.name, amount: formatAmount(m.held) })}
        yesLabel={t('accept.yes')}
        busyLabel={t('accept.saving')}
        act={async () => onDecided(await api.acceptMilestone(request.clusterId, request.id, m.index))}
      />
      <ConfirmAction
        id={`dispute-${m.index}`}
        openLabel={t('dispute.open', { name: m.name })}
        heading={t('dispute.open', { name: m.name }).replace(/…$/, '')}
        headingLevel={5}
        known={[reasonId]}
        fields={(errors) => (
          <TextArea
            id={reasonId}
            label={t('dispute.reason')}
            hint={t('dispute.reasonHint', { min: MIN_REASON })}
            rows={3}
            value={reason}
            onValue={setReason}
            errors={errors[reasonId]}
          />
        )}
        check={() =>
          reason.trim().length < MIN_REASON ? { [reasonId]: [t('dispute.reasonRequired', { min: MIN_REASON })] } : {}
        }
        confirmText={() => t('dispute.confirm', { name: m.name, reason: reason.trim() })}
        yesLabel={t('dispute.yes')}
        busyLabel={t('dispute.saving')}
        danger
        act={async () =>
          onDecided(
            await scoped(`m${m.index}`, api.disputeMilestone(request.clusterId, request.id, m.index, reason.trim())),
          )
        }
      />
    </div>
  );
}
