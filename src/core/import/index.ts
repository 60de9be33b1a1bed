/** Importing orders and clients from CSV files (1C, banks, Excel, Google Sheets). */
export { decodeBytes, type DecodedText, type TextEncodingName } from './decode';
export { detectSeparator, parseCsv, type CsvSeparator } from './csv';
export { csvToSheet, findHeaderRecord, readCsv, type CsvImport } from './sheet';
export { MappingError, planSheetMapping, type SheetColumnMapping, type SourceColumnMapping } from './mapping';
