/** India has one time zone and no daylight saving: IST is always UTC+05:30. */
const IST_OFFSET_MS = (5 * 60 + 30) * 60 * 1000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/**
 * An instant as people in India read it in a mail or an inbox, whatever the server's time zone.
 * Written out by hand rather than through `Intl`, so the words do not change with the runtime's ICU data.
 * An unreadable value comes back as given.
 *
 * @example
 * formatIst('2026-12-07T11:00:00.000Z') // '7 Dec 2026, 4:30 pm IST'
 * formatIst('2026-12-07T18:30:00.000Z') // '8 Dec 2026, 12:00 am IST'
 */
export function formatIst(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms + IST_OFFSET_MS);
  const hours = d.getUTCHours();
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  const minutes = String(d.getUTCMinutes()).padStart(2, '0');
  const meridiem = hours < 12 ? 'am' : 'pm';
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}, ${hour12}:${minutes} ${meridiem} IST`;
}
