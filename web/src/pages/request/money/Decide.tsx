import { useState } from 'react';
import { useApi, type AttendanceList, type MilestoneMoney, type RequestMoney, type ServiceRequest } from '../../../api';
import { ConfirmAction, TextArea } from '../../../components';
import { formatAmount } from '../../../format';
import { scoped } from '../../../hooks';
import { t } from '../../../i18n';

/** The API's rule: a dispute, and a release in full, are explained in 20 characters or more. */
const MIN_REASON = 20;

/** What accepting releases, in words: the confirmed firms' share (and what returns), or all when none was listed. */
function acceptText(m: MilestoneMoney, attendance: AttendanceList | undefined): string {
  const p = attendance?.preview;
  if (!attendance || !p || attendance.count.listed === 0)
    return t('accept.confirm', { name: m.name, amount: formatAmount(m.held) });
  return t('accept.confirmProportional', {
    name: m.name,
    released: formatAmount(p.confirmed.released),
    returned: formatAmount(p.confirmed.returned),
    confirmed: attendance.count.confirmed,
    listed: attendance.count.listed,
  });
}

/** A reason of 20 characters or more, for a dispute or a release in full. */
function ReasonField(props: {
  id: string;
  label: string;
  hint: string;
  value: string;
  onValue(v: string): void;
  errors?: string[] | undefined;
}) {
  return <TextArea rows={3} {...props} />;
}

/**
 * The lead association answers a reported delivery: accept (the confirmed firms' share is
 * released, the rest returns), release in full with a reason, or dispute (it stays held).
 */
export function Decide({
  request,
  milestone: m,
  attendance,
  onDecided,
}: {
  request: ServiceRequest;
  milestone: MilestoneMoney;
  attendance: AttendanceList | undefined;
  onDecided(money: RequestMoney): void;
}) {
  const api = useApi();
  const [reason, setReason] = useState('');
  const [fullReason, setFullReason] = useState('');
  const reasonId = `m${m.index}-reason`;
  const fullId = `m${m.index}-full-reason`;
  const unconfirmed = attendance ? attendance.count.listed - attendance.count.confirmed : 0;
  return (
    <div className="decide">
      <ConfirmAction
        id={`accept-${m.index}`}
        openLabel={t('accept.open', { name: m.name })}
        openClassName="button"
        heading={t('accept.open', { name: m.name }).replace(/…$/, '')}
        headingLevel={5}
        confirmText={() => acceptText(m, attendance)}
        yesLabel={t('accept.yes')}
        busyLabel={t('accept.saving')}
        act={async () => onDecided(await api.acceptMilestone(request.clusterId, request.id, m.index))}
      />
      {attendance && unconfirmed > 0 && (
        <ConfirmAction
          id={`accept-full-${m.index}`}
          openLabel={t('acceptFull.open', { name: m.name })}
          heading={t('acceptFull.open', { name: m.name }).replace(/…$/, '')}
          headingLevel={5}
          known={[fullId]}
          fields={(errors) => (
            <ReasonField
              id={fullId}
              label={t('acceptFull.reason')}
              hint={t('acceptFull.reasonHint', { min: MIN_REASON })}
              value={fullReason}
              onValue={setFullReason}
              errors={errors[fullId]}
            />
          )}
          check={() =>
            fullReason.trim().length < MIN_REASON
              ? { [fullId]: [t('acceptFull.reasonRequired', { min: MIN_REASON })] }
              : {}
          }
          confirmText={() =>
            t('acceptFull.confirm', {
              name: m.name,
              released: formatAmount(m.held),
              listed: attendance.count.listed,
              unconfirmed,
              reason: fullReason.trim(),
            })
          }
          yesLabel={t('acceptFull.yes')}
          busyLabel={t('acceptFull.saving')}
          danger
          act={async () =>
            onDecided(
              await scoped(
                `m${m.index}-full`,
                api.acceptMilestoneInFull(request.clusterId, request.id, m.index, fullReason.trim()),
              ),
            )
          }
        />
      )}
      <ConfirmAction
        id={`dispute-${m.index}`}
        openLabel={t('dispute.open', { name: m.name })}
        heading={t('dispute.open', { name: m.name }).replace(/…$/, '')}
        headingLevel={5}
        known={[reasonId]}
        fields={(errors) => (
          <ReasonField
            id={reasonId}
            label={t('dispute.reason')}
            hint={t('dispute.reasonHint', { min: MIN_REASON })}
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
