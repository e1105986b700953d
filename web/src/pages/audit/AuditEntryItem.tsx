import type { AuditEntry } from '../../api';
import { formatDateTime } from '../../format';
import { t, tKey } from '../../i18n';

type Flat = Record<string, unknown>;
const isObject = (v: unknown): v is Flat => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string =>
  v === undefined ? t('audit.none') : typeof v === 'string' ? v : JSON.stringify(v);

/** The fields that changed between before and after; for a creation, everything after. */
function changes(before: unknown, after: unknown): [string, string, string][] {
  if (!isObject(after) && !isObject(before))
    return before === undefined && after === undefined ? [] : [['', show(before), show(after)]];
  const b = isObject(before) ? before : {};
  const a = isObject(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).map((k) => [k, show(b[k]), show(a[k])]);
}

/** One privileged action: what, when, by whom (role and id), on what, why, and what changed. */
export function AuditEntryItem({ entry: e }: { entry: AuditEntry }) {
  const rows = changes(e.before, e.after);
  return (
    <li className="card audit-entry">
      <h2 className="card-title">{tKey('audit.action', e.action)}</h2>
      <p className="card-sub">
        <time dateTime={e.at}>{formatDateTime(e.at)}</time> ·{' '}
        {t('audit.by', { role: tKey('role', e.actorRole), actor: e.actorId })}
      </p>
      <p className="audit-subject">
        {e.subject === e.clusterId ? t('audit.subjectCluster') : t('audit.subject', { subject: e.subject })}
      </p>
      {e.reason && <p>{t('audit.reason', { reason: e.reason })}</p>}
      {rows.length > 0 && (
        <details>
          <summary>{t('audit.changes', { count: rows.length })}</summary>
          <dl className="changes">
            {rows.map(([field, from, to]) => (
              <div key={field || 'value'}>
                <dt>{field || t('audit.value')}</dt>
                <dd>{e.before === undefined ? to : t('audit.fromTo', { from, to })}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </li>
  );
}
