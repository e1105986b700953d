/** One CSV record: its fields and the 1-based line it starts on. */
export interface CsvRecord {
  line: number;
  fields: string[];
  /** Set when the record is malformed (an unterminated quote, text after a closing quote). */
  error?: string;
}

/**
 * Reads CSV records (RFC 4180): fields separated by commas; a field in double quotes may hold
 * commas, line breaks and doubled quotes (`""`). Accepts a leading BOM and CRLF, LF or CR line
 * ends. A quote inside an unquoted field is kept as text (`5" pipes`), as spreadsheets do.
 * Lazy, so a caller can stop once it has read enough.
 *
 * @example
 * [...csvRecords('name,employees\r\n"Gupta, Sons",12\r\n')].map((r) => r.fields)
 * // [['name', 'employees'], ['Gupta, Sons', '12']]
 */
export function* csvRecords(text: string): Generator<CsvRecord> {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let i = 0;
  let line = 1;
  while (i < src.length) {
    const start = line;
    const fields: string[] = [];
    let error: string | undefined;
    for (;;) {
      let field = '';
      if (src[i] === '"') {
        const open = line;
        i++;
        let closed = false;
        while (i < src.length) {
          const c = src[i];
          if (c === '"') {
            if (src[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\n' || (c === '\r' && src[i + 1] !== '\n')) line++;
          field += c;
          i++;
        }
        if (!closed) error ??= `A quoted field opened on line ${open} is never closed`;
        // Anything between a closing quote and the next separator is a malformed field.
        let junk = '';
        while (i < src.length && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') junk += src[i++];
        if (junk.trim() !== '') error ??= `Unexpected text after a closing quote: ${JSON.stringify(junk)}`;
      } else {
        while (i < src.length && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') field += src[i++];
      }
      fields.push(field);
      if (src[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (src[i] === '\r') i++;
    if (src[i] === '\n') i++;
    line++;
    yield error === undefined ? { line: start, fields } : { line: start, fields, error };
  }
}

/**
 * True for a record with nothing in it: a blank line, or the `,,,,` rows spreadsheets export.
 *
 * @example
 * isBlank({ line: 4, fields: ['', ' ', ''] }) // true
 */
export const isBlank = (record: CsvRecord): boolean =>
  record.error === undefined && record.fields.every((f) => f.trim() === '');
