import type { Firm, NewFirm } from '../schema';
import { createFirm, type FirmContext } from '../create';
import { csvRecords, isBlank, type CsvRecord } from './records';
import {
  columnOf,
  parseEmployees,
  parseFlag,
  parseName,
  parseSectorDetail,
  toNewFirm,
  REQUIRED_FIRM_CSV_COLUMNS,
  type Cell,
  type FirmCsvColumn,
} from './columns';

/** Rows one import may hold; a bigger register is split into several files. */
export const FIRM_CSV_MAX_ROWS = 5_000;

export interface FirmCsvOptions extends FirmContext {
  maxRows?: number;
}

/** One problem in the file: the 1-based line (the header is line 1) and the column at fault. */
export interface FirmCsvError {
  line: number;
  field?: FirmCsvColumn;
  reason: string;
}

export type FirmCsvResult = { ok: true; firms: Firm[] } | { ok: false; errors: FirmCsvError[] };

type Columns = Map<FirmCsvColumn, number>;

/**
 * Imports an association's existing register. All or nothing: when any row is bad the result
 * lists every problem of every row (line and column) and no firm is created, so an association
 * fixes its file once instead of importing half of it twice.
 *
 * @example
 * parseFirmCsv('name,employees,mechanised,women_led\n"Gupta, Sons",12,yes,no\n', ctx)
 * // { ok: true, firms: [{ name: 'Gupta, Sons', employees: 12, mechanised: true, womenLed: false, … }] }
 */
export function parseFirmCsv(text: string, opts: FirmCsvOptions): FirmCsvResult {
  const maxRows = opts.maxRows ?? FIRM_CSV_MAX_ROWS;
  const records = csvRecords(text);
  // Read the header by hand: breaking out of a for-of would close the generator.
  let header: CsvRecord | undefined;
  for (let next = records.next(); !next.done; next = records.next()) {
    if (!isBlank(next.value)) {
      header = next.value;
      break;
    }
  }
  if (!header)
    return fail([
      {
        line: 1,
        reason: 'The file is empty: expected a header row (name, employees, mechanised, women_led, sector_detail)',
      },
    ]);
  const columns = readHeader(header);
  if (!(columns instanceof Map)) return fail(columns);

  const errors: FirmCsvError[] = [];
  const drafts: NewFirm[] = [];
  let rows = 0;
  for (const record of records) {
    if (isBlank(record)) continue;
    if (++rows > maxRows) {
      return fail([
        {
          line: record.line,
          reason: `The file has more than ${maxRows} firms: split it into files of at most ${maxRows} rows`,
        },
      ]);
    }
    const row = readRow(record, columns, header.fields.length);
    if (Array.isArray(row)) errors.push(...row);
    else drafts.push(row);
  }
  if (errors.length > 0) return fail(errors);
  if (drafts.length === 0) return fail([{ line: header.line + 1, reason: 'The file has a header but no firms' }]);
  return { ok: true, firms: drafts.map((d) => createFirm(d, opts)) };
}

const fail = (errors: FirmCsvError[]): FirmCsvResult => ({ ok: false, errors });

function readHeader(header: CsvRecord): Columns | FirmCsvError[] {
  if (header.error) return [{ line: header.line, reason: header.error }];
  const columns: Columns = new Map();
  const errors: FirmCsvError[] = [];
  header.fields.forEach((cell, index) => {
    const column = columnOf(cell);
    if (!column) return; // extra columns (phone, address…) are ignored
    if (columns.has(column))
      errors.push({ line: header.line, field: column, reason: `The column ${column} appears twice` });
    else columns.set(column, index);
  });
  for (const column of REQUIRED_FIRM_CSV_COLUMNS) {
    if (!columns.has(column))
      errors.push({ line: header.line, field: column, reason: `The header has no ${column} column` });
  }
  return errors.length > 0 ? errors : columns;
}

function readRow(record: CsvRecord, columns: Columns, width: number): NewFirm | FirmCsvError[] {
  const { line, fields } = record;
  if (record.error) return [{ line, reason: record.error }];
  const extra = fields.length > width;
  const missingRequired = REQUIRED_FIRM_CSV_COLUMNS.some((c) => (columns.get(c) ?? 0) >= fields.length);
  if (extra || missingRequired) {
    // Usually a name with an unquoted comma; the cells no longer line up, so stop here.
    return [{ line, reason: `Expected ${width} fields, found ${fields.length} (quote values that contain commas)` }];
  }
  const errors: FirmCsvError[] = [];
  const take = <T>(column: FirmCsvColumn, cell: Cell<T>): T | undefined => {
    if (cell.ok) return cell.value;
    errors.push({ line, field: column, reason: cell.reason });
    return undefined;
  };
  const raw = (column: FirmCsvColumn): string => fields[columns.get(column) ?? -1] ?? '';
  const name = take('name', parseName(raw('name')));
  const employees = take('employees', parseEmployees(raw('employees')));
  const mechanised = take('mechanised', parseFlag(raw('mechanised')));
  const womenLed = take('women_led', parseFlag(raw('women_led')));
  const sector = take(
    'sector_detail',
    parseSectorDetail(columns.has('sector_detail') ? raw('sector_detail') : undefined),
  );
  if (
    errors.length > 0 ||
    name === undefined ||
    employees === undefined ||
    mechanised === undefined ||
    womenLed === undefined
  )
    return errors;
  return toNewFirm(name, employees, mechanised, womenLed, sector);
}
