import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FirmCsvInvalidError, firmsOrThrow, parseFirmCsv, type FirmCsvResult } from '../../../packages/core/src/firm';
import { CLUSTER, LEAD, countingIds, created } from './fixtures';

const HEADER = 'name,employees,mechanised,women_led,sector_detail';
const opts = (extra: { maxRows?: number } = {}) => ({
  clusterId: CLUSTER,
  associationId: LEAD,
  ids: countingIds(),
  clock: created,
  ...extra,
});

/** Quotes a cell the way a spreadsheet does when it must. */
const cell = (v: string): string => (/[",\r\n]|^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

interface Row {
  name: string;
  employees: number;
  mechanised: boolean;
  womenLed: boolean;
  sectorDetail?: string;
}
const text = fc
  .string({
    unit: fc.constantFrom('a', 'B', 'ç', 'ह', ' ', ',', '"', '\n', '\r\n', '-', '&'),
    minLength: 1,
    maxLength: 30,
  })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);
const row: fc.Arbitrary<Row> = fc.record(
  {
    name: text,
    employees: fc.integer({ min: 1, max: 5000 }),
    mechanised: fc.boolean(),
    womenLed: fc.boolean(),
    sectorDetail: text,
  },
  { requiredKeys: ['name', 'employees', 'mechanised', 'womenLed'] },
);
const SPELLINGS = { true: ['yes', 'TRUE', '1', 'Yes'], false: ['no', 'False', '0', 'NO'] } as const;
const spell = (b: boolean, i: number): string => SPELLINGS[`${b}`][i % 4] ?? String(b);

function expectErrors(result: FirmCsvResult) {
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

describe('firm register CSV import', () => {
  it('round-trips any register: quoted commas, quotes and line breaks, BOM, CRLF, every flag spelling', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(row, fc.nat(), fc.nat()), { minLength: 1, maxLength: 25 }),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (rows, eol, bom) => {
          // Prepare
          const lines = rows.map(([r, m, w]) =>
            [
              cell(r.name),
              String(r.employees),
              spell(r.mechanised, m),
              spell(r.womenLed, w),
              cell(r.sectorDetail ?? ''),
            ].join(','),
          );
          const csv = (bom ? '\uFEFF' : '') + [HEADER, ...lines].join(eol) + eol;
          // Act
          const result = parseFirmCsv(csv, opts());
          // Assess
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(
            result.firms.map(({ name, employees, mechanised, womenLed, sectorDetail }) => ({
              name,
              employees,
              mechanised,
              womenLed,
              sectorDetail,
            })),
          ).toEqual(rows.map(([r]) => ({ ...r, sectorDetail: r.sectorDetail })));
          expect(result.firms.every((f) => f.clusterId === CLUSTER && f.associationId === LEAD)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reports every bad line by number and imports nothing', () => {
    const corruptions = [
      'Gupta,x12,yes,no,',
      'Gupta,0,yes,no,',
      'Gupta,1.5,yes,no,',
      'Gupta,12,maybe,no,',
      ',12,yes,no,',
      'Gupta,12,yes,no,x,extra',
      'Gupta,12,yes,sometimes,',
      '"Gupta,12,yes,no,',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...corruptions)), { minLength: 1, maxLength: 10 }),
        (n, picks) => {
          // Prepare: an unterminated quote swallows the rest of the file, so keep it last.
          const lines = Array.from({ length: n }, (_, i) => `Firm ${i},${i + 1},yes,no,knitwear`);
          const bad = new Map(picks.map(([i, c]) => [i % n, c]));
          const lastBad = Math.max(...bad.keys());
          for (const [i, c] of bad) lines[i] = c.startsWith('"') && i !== lastBad ? corruptions[0]! : c;
          if (bad.get(lastBad)?.startsWith('"')) lines.length = lastBad + 1;
          const ids = countingIds();
          // Act
          const errors = expectErrors(parseFirmCsv([HEADER, ...lines].join('\n'), { ...opts(), ids }));
          // Assess: the header is line 1, so row i is on line i + 2.
          expect(new Set(errors.map((e) => e.line))).toEqual(new Set([...bad.keys()].map((i) => i + 2)));
          expect(ids.issued).toBe(0);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('names the column of each bad cell, several per line', () => {
    const errors = expectErrors(parseFirmCsv(`${HEADER}\n,many,perhaps,no,\nGood,3,no,yes,\n`, opts()));
    expect(errors).toEqual([
      { line: 2, field: 'name', reason: expect.stringContaining('no name') },
      { line: 2, field: 'employees', reason: expect.stringContaining('"many"') },
      { line: 2, field: 'mechanised', reason: expect.stringContaining('"perhaps"') },
    ]);
  });

  it('counts physical lines through quoted line breaks, blank lines and spreadsheet padding', () => {
    const csv = `${HEADER}\r\n"Line one\r\nline two",4,no,yes,\r\n\r\n,,,,\r\nBad,none,no,no,\r\n`;
    const errors = expectErrors(parseFirmCsv(csv, opts()));
    expect(errors).toEqual([{ line: 6, field: 'employees', reason: expect.any(String) }]);
  });

  it('reads quoted commas and doubled quotes', () => {
    const result = parseFirmCsv(`${HEADER}\n"Gupta, Sons & ""Co""",12,Yes,0,"hosiery, socks"\n`, opts());
    expect(result).toMatchObject({
      ok: true,
      firms: [
        {
          name: 'Gupta, Sons & "Co"',
          employees: 12,
          mechanised: true,
          womenLed: false,
          sectorDetail: 'hosiery, socks',
        },
      ],
    });
  });

  it('accepts header variants, extra columns and a missing optional column', () => {
    const result = parseFirmCsv('Phone, Name ,Employees,Mechanized,Women-Led\n98140,Kaur Knits,7,no,yes\n', opts());
    expect(result).toMatchObject({
      ok: true,
      firms: [{ name: 'Kaur Knits', employees: 7, mechanised: false, womenLed: true }],
    });
    if (result.ok) expect(result.firms[0]).not.toHaveProperty('sectorDetail');
    expect(parseFirmCsv(`${HEADER}\rA,3,yes,no\r`, opts())).toMatchObject({
      ok: true,
      firms: [{ name: 'A', employees: 3 }],
    });
  });

  it('reports missing and repeated header columns on line 1', () => {
    const errors = expectErrors(parseFirmCsv('name,name,employees\nA,B,3\n', opts()));
    expect(errors).toEqual([
      { line: 1, field: 'name', reason: expect.stringContaining('twice') },
      { line: 1, field: 'mechanised', reason: expect.any(String) },
      { line: 1, field: 'women_led', reason: expect.any(String) },
    ]);
  });

  it('reports an unterminated quote and a misaligned row', () => {
    expect(expectErrors(parseFirmCsv(`${HEADER}\nA,1,yes,no,\n"Open,2,yes,no,\n`, opts()))).toEqual([
      { line: 3, reason: expect.stringContaining('never closed') },
    ]);
    expect(expectErrors(parseFirmCsv(`${HEADER}\nGupta, Sons,3,yes,no,\n`, opts()))).toEqual([
      { line: 2, reason: expect.stringContaining('Expected 5 fields, found 6') },
    ]);
  });

  it('refuses an empty file, a header alone, and more rows than the cap', () => {
    expect(expectErrors(parseFirmCsv('\uFEFF\r\n', opts()))[0]).toMatchObject({ line: 1 });
    expect(expectErrors(parseFirmCsv(`${HEADER}\n`, opts()))[0]).toMatchObject({
      line: 2,
      reason: expect.stringContaining('no firms'),
    });
    const rows = Array.from({ length: 4 }, (_, i) => `F${i},3,yes,no,`);
    const errors = expectErrors(parseFirmCsv([HEADER, ...rows].join('\n'), opts({ maxRows: 3 })));
    expect(errors).toEqual([{ line: 5, reason: expect.stringContaining('more than 3 firms') }]);
    expect(parseFirmCsv([HEADER, ...rows.slice(0, 3)].join('\n'), opts({ maxRows: 3 })).ok).toBe(true);
  });

  it('turns a refused import into FIRM.CSV_INVALID carrying every error', () => {
    const result = parseFirmCsv(`${HEADER}\nA,x,yes,no,\nB,y,yes,no,\n`, opts());
    let caught: unknown;
    try {
      firmsOrThrow(result);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FirmCsvInvalidError);
    expect(caught).toMatchObject({ code: 'FIRM.CSV_INVALID', kind: 'invalid', field: 'employees' });
    expect((caught as FirmCsvInvalidError).errors.map((e) => e.line)).toEqual([2, 3]);
  });
});
