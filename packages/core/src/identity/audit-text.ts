// Zod-free: the portal runs it (`@bds/core/audit-text`) and so does the API's CSV export, so the
// page and the file say the same words.
import { csvText } from '../csv';
import { moneyText } from '../money-text';
import { formatIst } from '../time/ist';

/** What an id names, by its prefix (ids.ts), for an id no name was found for. */
const KINDS: Record<string, string> = {
  clu: 'a cluster',
  asc: 'an association',
  frm: 'a firm',
  prv: 'a provider',
  fnd: 'a funder',
  usr: 'a user',
  req: 'a request',
  plg: 'a pledge',
  bid: 'a bid',
  inv: 'an invitation',
  prg: 'a programme',
  mil: 'a milestone',
  pay: 'a payout batch',
  cmp: 'a complaint',
};
const ID = /^([a-z]{3})_[0-9A-HJKMNP-TV-Z]{26}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

/** Names by id, as the API resolves them for a page of entries. */
export type Names = Readonly<Record<string, string>>;

/** Every id an entry mentions (actor, subject, and any value in before or after), to resolve to names. */
export function idsInEntry(entry: { actorId: string; subject: string; before?: unknown; after?: unknown }): string[] {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') {
      if (ID.test(v)) found.add(v);
    } else if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(walk);
  };
  [entry.actorId, entry.subject, entry.before, entry.after].forEach(walk);
  return [...found];
}

/**
 * A field's key as a person reads it: words, not camelCase, and no "Id" suffix (the value is a name).
 *
 * @example
 * fieldLabel('recommendedBidId') // 'Recommended bid'
 */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/BasisPoints$/, '')
    .replace(/Ids?$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An id as a name: its resolved name, or what kind of thing it is. */
export const idText = (id: string, names: Names): string => names[id] ?? KINDS[ID.exec(id)?.[1] ?? ''] ?? 'an item';

const isMoney = (v: object): v is { amount: number; currency: string } =>
  Object.keys(v).length === 2 &&
  'amount' in v &&
  Number.isSafeInteger(v.amount) &&
  'currency' in v &&
  typeof v.currency === 'string';

/**
 * A recorded value as a person reads it: ids as names, instants in IST, money in ₹, records as
 * "Label: value" pairs, never JSON.
 *
 * @example
 * valueText({ amount: 5_280_000, currency: 'INR' }, {}) // '₹52,800'
 */
export function valueText(v: unknown, names: Names): string {
  if (v === undefined || v === null || v === '') return '—';
  if (typeof v === 'string') return ID.test(v) ? idText(v, names) : ISO.test(v) ? formatIst(v) : v;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? 'none' : v.map((x) => valueText(x, names)).join(', ');
  if (typeof v === 'object') {
    if (isMoney(v)) return moneyText(v);
    return Object.entries(v)
      .map(([k, x]) => `${fieldLabel(k)}: ${valueText(x, names)}`)
      .join('; ');
  }
  return String(v);
}

export interface Change {
  field: string;
  from: string;
  to: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What an entry changed, field by field, before → after in words; a creation lists what was set.
 *
 * @example
 * auditChanges({ status: 'open' }, { status: 'awarded', providerId: 'prv_…' }, { 'prv_…': 'LICT' })
 * // [{ field: 'Status', from: 'open', to: 'awarded' }, { field: 'Provider', from: '—', to: 'LICT' }]
 * auditChanges({ size: { microBelow: 10 } }, { size: { microBelow: 12 } }, {})
 * // [{ field: 'Size › Micro below', from: '10', to: '12' }]
 */
export function auditChanges(before: unknown, after: unknown, names: Names, prefix = ''): Change[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (before === undefined && after === undefined) return [];
    return [{ field: prefix || 'Value', from: valueText(before, names), to: valueText(after, names) }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .flatMap((k) => {
      const field = prefix ? `${prefix} › ${fieldLabel(k)}` : fieldLabel(k);
      // A record inside (a policy's size thresholds) reads field by field, not as one long value.
      const nested = [b[k], a[k]].every((v) => v === undefined || (isRecord(v) && !isMoney(v)));
      return nested
        ? auditChanges(b[k], a[k], names, field)
        : [{ field, from: valueText(b[k], names), to: valueText(a[k], names) }];
    });
}

/** The trail's actions in words: one list for the portal and the CSV export. */
export const ACTION_LABELS: Readonly<Record<string, string>> = {
  'cluster.onboard': 'Cluster onboarded',
  'cluster.active': 'Cluster reactivated',
  'cluster.suspended': 'Cluster suspended',
  'cluster.archived': 'Cluster archived',
  'cluster.policy': 'Cluster policy changed',
  'invitation.create': 'Invitation sent',
  'association.create': 'Association registered',
  'registration.approve': 'Provider approved',
  'registration.refuse': 'Provider refused',
  'provider.standing': 'Provider accreditation changed',
  'funder.kind': 'Funder kind changed',
  'request.cancelled': 'Request cancelled',
  'request.awarded': 'Request awarded',
  'request.delivering': 'Delivery under way',
  'request.completed': 'Request completed',
  'request.disputed': 'Delivery disputed',
  'complaint.filed': 'Complaint filed against the ranking',
  'complaint.dismissed': 'Complaint dismissed',
  'complaint.upheld': 'Complaint upheld',
  'screen.reviewed': 'Collusion screen flag reviewed',
  'auth.lockout': 'Account locked after failed sign-ins',
  'auth.refresh_reuse': 'Stolen session suspected and ended',
  'auth.password_reset': 'Password reset',
  'auth.password_change': 'Password changed',
  'auth.sign_up_taken': 'Sign-up tried with a registered address',
  'user.disable': 'Account disabled',
  'user.enable': 'Account enabled',
};

/**
 * An action in words: its label, or its code made readable for an action added since
 * ('complaint.upheld' → 'Complaint upheld').
 */
export const actionText = (action: string): string => ACTION_LABELS[action] ?? fieldLabel(action.replace(/\./g, ' '));

/** A role in words: 'cluster_admin' → 'Cluster admin'. */
export const roleText = (role: string): string => fieldLabel(role);

/** The fields of an entry the CSV export and the page read. */
export interface AuditLine {
  at: string;
  actorId: string;
  actorRole: string;
  action: string;
  subject: string;
  clusterId: string;
  reason?: string | undefined;
  before?: unknown;
  after?: unknown;
}

/**
 * The trail as a spreadsheet reads it: one row per entry, in words (IST times, names, before → after).
 *
 * @example
 * auditCsv(entries, names) // 'When (IST),Who,Role,Action,On,Reason,What changed\r\n7 Dec 2026, 4:30 pm IST,…'
 */
export function auditCsv(entries: readonly AuditLine[], names: Names): string {
  const rows = [['When (IST)', 'Who', 'Role', 'Action', 'On', 'Reason', 'What changed']];
  for (const e of entries)
    rows.push([
      formatIst(e.at),
      idText(e.actorId, names),
      roleText(e.actorRole),
      actionText(e.action),
      e.subject === e.clusterId ? 'the cluster itself' : valueText(e.subject, names),
      e.reason ?? '',
      auditChanges(e.before, e.after, names)
        .map((c) => (e.before === undefined ? `${c.field}: ${c.to}` : `${c.field}: ${c.from} → ${c.to}`))
        .join('; '),
    ]);
  return csvText(rows);
}
