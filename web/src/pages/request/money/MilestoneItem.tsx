import { useEffect, useState } from 'react';
import {
  useApi,
  type AttendanceList,
  type MilestoneMoney,
  type Rating,
  type RequestMoney,
  type ServiceRequest,
} from '../../../api';
import { formatAmount, formatDate, formatDateTime } from '../../../format';
import { t, tKey, tn } from '../../../i18n';
import { Attendance } from './Attendance';
import { Decide } from './Decide';
import { MilestoneRating } from './Rating';
import { ReportForm } from './ReportForm';
import { ResolveForm } from './ResolveForm';

/** What the reader is to this request: each may act on a milestone in one state only. */
export interface Roles {
  /** The awarded provider: reports delivery, confirms the private share. */
  provider: boolean;
  /** The lead association: accepts or disputes a reported delivery. */
  lead: boolean;
  /** An admin of the cluster: resolves a dispute. */
  admin: boolean;
}

const BADGE: Record<MilestoneMoney['status'], string> = {
  awaiting_delivery: 'badge-draft',
  reported: 'badge-pending',
  disputed: 'badge-cancelled',
  accepted: 'badge-approved',
  resolved: 'badge-approved',
  voided: 'badge-withdrawn',
};

function Amounts({ m }: { m: MilestoneMoney }) {
  const rows: [string, string][] = [
    [t('money.price'), formatAmount(m.total)],
    [t('money.milestoneSubsidy'), formatAmount(m.subsidy)],
    [t('money.held'), formatAmount(m.held)],
    [t('money.released'), formatAmount(m.released)],
    [t('money.returned'), formatAmount(m.returned)],
    ...(m.pending ? ([[t('money.pending.amount'), formatAmount(m.pending)]] as [string, string][]) : []),
  ];
  return (
    <dl className="meta money-amounts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What was said about the delivery: the report, a dispute, a resolution. */
function History({ m }: { m: MilestoneMoney }) {
  return (
    <>
      {m.report && (
        <div className="milestone-note">
          <p className="hint">
            {t('money.reported', { at: formatDateTime(m.report.at) })}
            {m.report.attendedFirmIds.length > 0 && (
              <>
                {t('common.separator')}
                {tn('money.attended', m.report.attendedFirmIds.length)}
              </>
            )}
          </p>
          <p className="prose">{m.report.evidence}</p>
        </div>
      )}
      {m.dispute && (
        <p className="milestone-note">
          {t('money.disputed', { at: formatDateTime(m.dispute.at), reason: m.dispute.reason })}
        </p>
      )}
      {m.resolution && (
        <p className="milestone-note">
          {t('money.resolved', {
            at: formatDateTime(m.resolution.at),
            outcome: tKey('outcome', m.resolution.outcome),
            reason: m.resolution.reason,
          })}
          {m.resolution.amount && (
            <>
              {t('common.separator')}
              {t('money.resolvedAmount', { amount: formatAmount(m.resolution.amount) })}
            </>
          )}
        </p>
      )}
      {m.acceptance?.basis && (
        <p className="milestone-note">
          {m.acceptance.basis === 'full'
            ? t('money.basis.full', { reason: m.acceptance.reason ?? '' })
            : t(`money.basis.${m.acceptance.basis}`, {
                paid: m.acceptance.paidFirms ?? 0,
                listed: m.acceptance.listedFirms ?? 0,
              })}
        </p>
      )}
      {m.status === 'reported' && m.autoAcceptAt && (
        <p className="hint">{t('money.autoAccept', { at: formatDate(m.autoAcceptAt) })}</p>
      )}
    </>
  );
}

/** One milestone's escrow: its amounts, its history, and the one action its state allows this reader. */
export function MilestoneItem({
  request,
  milestone: m,
  roles,
  escrowReady,
  onChanged,
  rating,
  onRated,
}: {
  request: ServiceRequest;
  milestone: MilestoneMoney;
  roles: Roles;
  escrowReady: boolean;
  onChanged(money: RequestMoney): void;
  /** The lead association's rating of this milestone, once given. */
  rating: Rating | undefined;
  onRated(rating: Rating): void;
}) {
  const api = useApi();
  const name = m.name;
  // The firms' answers are for the sponsoring association and the admins (never the provider).
  const [attendance, setAttendance] = useState<AttendanceList | undefined>();
  const listed = m.attendanceCount?.listed ?? 0;
  const showAttendance = (roles.lead || roles.admin) && listed > 0;
  useEffect(() => {
    if (!showAttendance) return;
    const controller = new AbortController();
    api.listAttendance(request.clusterId, request.id, m.index, controller.signal).then(
      (list) => !controller.signal.aborted && setAttendance(list),
      () => undefined,
    );
    return () => controller.abort();
  }, [api, request.clusterId, request.id, m.index, m.status, showAttendance]);
  const headingId = `milestone-${m.index}`;
  return (
    <li className="card" aria-labelledby={headingId}>
      <h4 className="card-title" id={headingId}>
        {t('money.milestone', { n: m.index + 1, name })}
      </h4>
      <p className="standing">
        <span className={`badge ${BADGE[m.status]}`}>{tKey('milestoneStatus', m.status)}</span>
      </p>
      <Amounts m={m} />
      <History m={m} />
      {showAttendance && attendance && (
        <Attendance
          request={request}
          index={m.index}
          list={attendance}
          canAnswer={roles.lead && (m.status === 'reported' || m.status === 'disputed')}
          onAnswered={setAttendance}
        />
      )}
      <MilestoneRating request={request} milestone={m} roles={roles} rating={rating} onChanged={onRated} />
      <div className="card-actions">
        {roles.provider && m.status === 'awaiting_delivery' && escrowReady && (
          <ReportForm request={request} milestone={m} onReported={onChanged} />
        )}
        {roles.lead && m.status === 'reported' && (
          <Decide request={request} milestone={m} attendance={attendance} onDecided={onChanged} />
        )}
        {roles.admin && m.status === 'disputed' && (
          <ResolveForm
            milestone={m}
            resolve={(r) => api.resolveMilestone(request.clusterId, request.id, m.index, r)}
            onResolved={onChanged}
          />
        )}
      </div>
    </li>
  );
}
