import { actionText, auditChanges, idText, roleText, valueText, type Names } from '@bds/core/audit-text';
import type { AuditEntry } from '../../api';
import { formatDateTime } from '../../format';
import { t } from '../../i18n';

/** One privileged action in words: what, when, by whom, on what, why, and what changed (before → after). */
export function AuditEntryItem({ entry: e, names }: { entry: AuditEntry; names: Names }) {
  const rows = auditChanges(e.before, e.after, names);
  const created = e.before === undefined;
  return (
    <li className="card audit-entry">
      <h2 className="card-title">{actionText(e.action)}</h2>
      <p className="card-sub">
        <time dateTime={e.at}>{formatDateTime(e.at)}</time> ·{' '}
        {t('audit.by', { actor: idText(e.actorId, names), role: roleText(e.actorRole) })}
      </p>
      <p className="audit-subject">
        {e.subject === e.clusterId
          ? t('audit.subjectCluster')
          : t('audit.subject', { subject: valueText(e.subject, names) })}
      </p>
      {e.reason && <p>{t('audit.reason', { reason: e.reason })}</p>}
      {rows.length > 0 && (
        <details>
          <summary>{t(created ? 'audit.recorded' : 'audit.changes', { count: rows.length })}</summary>
          <dl className="changes">
            {rows.map(({ field, from, to }) => (
              <div key={field}>
                <dt>{field}</dt>
                <dd>{created ? to : t('audit.fromTo', { from, to })}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </li>
  );
}
