/** Importing orders and clients from CSV files (1C, banks, Excel, Google Sheets). */
export { decodeBytes, type DecodedText, type TextEncodingName } from './decode';
export { detectSeparator, parseCsv, type CsvSeparator } from './csv';
export { csvToSheet, findHeaderRecord, readCsv, type CsvImport, type CsvReadOptions } from './sheet';
export { NotTextError, type NotTextKind } from './not-text';
export { MappingError, planSheetMapping, type SheetColumnMapping, type SourceColumnMapping } from './mapping';
