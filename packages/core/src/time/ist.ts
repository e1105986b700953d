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

/**
 * The instants an Indian calendar day (`YYYY-MM-DD`, IST) starts and ends at, as ISO strings: what a
 * person means by "from 1 Dec to 7 Dec". Undefined for a day that does not exist.
 *
 * @example
 * istDay('2026-12-07') // { start: '2026-12-06T18:30:00.000Z', end: '2026-12-07T18:29:59.999Z' }
 */
export function istDay(day: string): { start: string; end: string } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const midnight = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 31 Feb over to March: a day that does not read back is not a day.
  if (new Date(midnight).toISOString().slice(0, 10) !== day) return undefined;
  const start = midnight - IST_OFFSET_MS;
  return { start: new Date(start).toISOString(), end: new Date(start + 86_400_000 - 1).toISOString() };
}
