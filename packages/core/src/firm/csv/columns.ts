import type { NewFirm } from '../schema';
import { FIRM_NAME_MAX, SECTOR_DETAIL_MAX } from '../schema';

/** The register's columns, as named in the header row. */
export const FIRM_CSV_COLUMNS = ['name', 'employees', 'mechanised', 'women_led', 'sector_detail'] as const;
export type FirmCsvColumn = (typeof FIRM_CSV_COLUMNS)[number];
export const REQUIRED_FIRM_CSV_COLUMNS: readonly FirmCsvColumn[] = ['name', 'employees', 'mechanised', 'women_led'];

// Spellings seen in paper registers typed up by different hands.
const ALIASES: Record<string, FirmCsvColumn> = {
  name: 'name',
  firm_name: 'name',
  employees: 'employees',
  mechanised: 'mechanised',
  mechanized: 'mechanised',
  women_led: 'women_led',
  sector_detail: 'sector_detail',
};

/**
 * Maps a header cell to its column: case, spaces and hyphens do not matter; unknown headers
 * give `undefined` (the importer ignores those columns).
 *
 * @example
 * columnOf(' Women-Led ') // 'women_led'
 */
export const columnOf = (header: string): FirmCsvColumn | undefined =>
  ALIASES[
    header
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_')
  ];

const TRUE = new Set(['yes', 'true', '1']);
const FALSE = new Set(['no', 'false', '0']);

/** A cell's value, or why it is not acceptable. */
export type Cell<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * yes/no, true/false, 1/0 in any case.
 *
 * @example
 * parseFlag(' YES ') // { ok: true, value: true }
 */
export function parseFlag(raw: string): Cell<boolean> {
  const v = raw.trim().toLowerCase();
  if (TRUE.has(v)) return { ok: true, value: true };
  if (FALSE.has(v)) return { ok: true, value: false };
  return { ok: false, reason: `${JSON.stringify(raw)} is not yes/no, true/false or 1/0` };
}

/**
 * A whole number of employees, at least 1.
 *
 * @example
 * parseEmployees('1.5') // { ok: false, reason: '"1.5" is not a whole number …' }
 */
export function parseEmployees(raw: string): Cell<number> {
  const v = raw.trim();
  const n = /^\d{1,7}$/.test(v) ? Number(v) : Number.NaN;
  if (!(n >= 1 && n <= 1_000_000))
    return { ok: false, reason: `${JSON.stringify(raw)} is not a whole number of employees between 1 and 1,000,000` };
  return { ok: true, value: n };
}

/**
 * A non-empty name within the limit.
 *
 * @example
 * parseName('  Gupta Knits ') // { ok: true, value: 'Gupta Knits' }
 */
export function parseName(raw: string): Cell<string> {
  const v = raw.trim();
  if (v === '') return { ok: false, reason: 'The firm has no name' };
  if (v.length > FIRM_NAME_MAX) return { ok: false, reason: `The name is longer than ${FIRM_NAME_MAX} characters` };
  return { ok: true, value: v };
}

/**
 * Optional free text; empty means absent.
 *
 * @example
 * parseSectorDetail('  ') // { ok: true, value: undefined }
 */
export function parseSectorDetail(raw: string | undefined): Cell<string | undefined> {
  const v = (raw ?? '').trim();
  if (v.length > SECTOR_DETAIL_MAX)
    return { ok: false, reason: `The sector detail is longer than ${SECTOR_DETAIL_MAX} characters` };
  return { ok: true, value: v === '' ? undefined : v };
}

/**
 * Builds the firm from cells that all parsed, leaving out an absent sector detail.
 *
 * @example
 * toNewFirm('Kaur Knits', 7, false, true, undefined) // { name: 'Kaur Knits', employees: 7, mechanised: false,
 * womenLed: true }
 */
export const toNewFirm = (
  name: string,
  employees: number,
  mechanised: boolean,
  womenLed: boolean,
  sectorDetail: string | undefined,
): NewFirm =>
  sectorDetail === undefined
    ? { name, employees, mechanised, womenLed }
    : { name, employees, mechanised, womenLed, sectorDetail };
