import { useState } from 'react';
import { useApi, type AttendanceFirm, type AttendanceList, type ServiceRequest } from '../../../api';
import { ConfirmAction, SelectInput, TextInput } from '../../../components';
import { scoped } from '../../../hooks';
import { t } from '../../../i18n';

function statusOf(f: AttendanceFirm): string {
  if (!f.answer) return t('attendance.status.silent');
  if (f.answer.attended) return t(f.answer.onBehalf ? 'attendance.status.onBehalf' : 'attendance.status.confirmed');
  return t(f.answer.onBehalf ? 'attendance.status.deniedOnBehalf' : 'attendance.status.denied');
}

/** The rep enters the answer a firm without mail gave, with the firm's code: confirmed before it is recorded. */
function OnBehalf({
  request,
  index,
  firm,
  onAnswered,
}: {
  request: ServiceRequest;
  index: number;
  firm: AttendanceFirm;
  onAnswered(list: AttendanceList): void;
}) {
  const api = useApi();
  const [code, setCode] = useState('');
  const [answer, setAnswer] = useState('yes');
  const id = `m${index}-${firm.firmId}`;
  return (
    <ConfirmAction
      id={`behalf-${id}`}
      openLabel={t('attendance.enter.open', { firm: firm.firmName })}
      heading={t('attendance.enter.open', { firm: firm.firmName }).replace(/…$/, '')}
      headingLevel={5}
      known={[`${id}-code`, `${id}-attended`]}
      fields={(errors) => (
        <>
          <TextInput
            id={`${id}-code`}
            label={t('attendance.enter.code')}
            hint={t('attendance.enter.codeHint')}
            value={code}
            onValue={setCode}
            errors={errors[`${id}-code`]}
            autoComplete="off"
            autoCapitalize="characters"
          />
          <SelectInput
            id={`${id}-attended`}
            label={t('attendance.enter.answer')}
            value={answer}
            onValue={setAnswer}
            options={[
              { value: 'yes', label: t('attendance.enter.attended') },
              { value: 'no', label: t('attendance.enter.absent') },
            ]}
            errors={errors[`${id}-attended`]}
          />
        </>
      )}
      check={() => (code.trim() ? {} : { [`${id}-code`]: [t('attendance.enter.codeRequired')] })}
      confirmText={() =>
        t(answer === 'yes' ? 'attendance.enter.confirm.yes' : 'attendance.enter.confirm.no', { firm: firm.firmName })
      }
      yesLabel={t('attendance.enter.yes')}
      busyLabel={t('attendance.enter.saving')}
      act={async () =>
        onAnswered(
          await scoped(
            id,
            api.answerAttendanceOnBehalf(request.clusterId, request.id, index, code.trim(), answer === 'yes'),
          ),
        )
      }
    />
  );
}

/**
 * Who of the firms the provider listed confirmed, said no, or has not answered — what the
 * association reads before it accepts. A rep may enter the answer of a firm without mail.
 */
export function Attendance({
  request,
  index,
  list,
  canAnswer,
  onAnswered,
}: {
  request: ServiceRequest;
  index: number;
  list: AttendanceList;
  canAnswer: boolean;
  onAnswered(list: AttendanceList): void;
}) {
  const headingId = `attendance-${index}`;
  if (list.count.listed === 0) return <p className="hint">{t('attendance.none')}</p>;
  return (
    <section className="attendance" aria-labelledby={headingId}>
      <h5 id={headingId}>{t('attendance.heading')}</h5>
      <p className="hint">
        {t('attendance.summary', {
          confirmed: list.count.confirmed,
          denied: list.count.denied,
          silent: list.count.silent,
        })}
      </p>
      <ul className="attendance-list">
        {list.firms.map((f) => (
          <li key={f.firmId}>
            <span className="attendance-firm">{f.firmName}</span>
            {': '}
            <strong>{statusOf(f)}</strong>
            {f.byMail && !f.answer && <span className="hint"> ({t('attendance.byMail')})</span>}
            {!f.byMail && !f.answer && f.code && (
              <span className="hint"> ({t('attendance.code', { code: f.code })})</span>
            )}
            {canAnswer && !f.answer && f.code && (
              <OnBehalf request={request} index={index} firm={f} onAnswered={onAnswered} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
