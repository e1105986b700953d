export * from './schema';
export * from './size';
export * from './create';
export * from './csv/import';
export { FIRM_CSV_COLUMNS, type FirmCsvColumn } from './csv/columns';
export { csvRecords, type CsvRecord } from './csv/records';
export * from './csv/errors';
