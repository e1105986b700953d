import type { ProgrammeView } from '../../api';
import { formatAmount, formatDate, formatShare } from '../../format';
import { t } from '../../i18n';

/** The share schedule as a person reads it: '50% / 38% / 26% / 7%'. */
export const scheduleText = (schedule: number[]): string => schedule.map(formatShare).join(' / ');

/** The last day a programme is valid on: the API's `validUntil` is the exclusive end. */
export const lastDay = (validUntil: string): string => new Date(Date.parse(validUntil) - 1).toISOString();

/** A programme's funds in one line. */
export const fundsLine = (p: ProgrammeView): string =>
  t('programmes.funds', {
    available: formatAmount(p.funds.available),
    deposited: formatAmount(p.funds.deposited),
    held: formatAmount(p.funds.held),
    released: formatAmount(p.funds.released),
  });

/** Schedule and validity, the facts shared by the list and the programme's page. */
export function ProgrammeFacts({ p }: { p: ProgrammeView }) {
  return (
    <ul className="facts">
      <li>{t('programmes.schedule', { schedule: scheduleText(p.schedule) })}</li>
      <li>{t('programmes.valid', { from: formatDate(p.validFrom), until: formatDate(lastDay(p.validUntil)) })}</li>
    </ul>
  );
}
