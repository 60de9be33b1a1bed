/**
 * A CSV file as a sheet snapshot: the header row and the data rows as text, ready for `readBase`,
 * which maps the columns by their header synonyms and parses `dd.mm.yyyy` dates and `1 234,56` amounts.
 *
 * 1C and bank exports often start with a title block ("Продажи за период …", "Организация: …")
 * before the table. The header is taken as the first record, among the first `HEADER_SEARCH` ones,
 * in which at least two cells are known column names (any table: orders, clients, services); failing
 * that, the first record with at least two non-empty cells that all contain a letter (numbers, dates
 * and amounts do not); failing that, the first record. The records above it are returned as
 * `preamble`, not lost.
 */
import type { CellValue, SheetSnapshot } from '../../workbook/snapshot';
import { type TableKind } from '../schema';
import { fieldOfHeader, matchSourceHeader } from '../header-match';
import { decodeBytes, type TextEncodingName } from './decode';
import { detectSeparator, parseCsv, type CsvSeparator } from './csv';

/** How many leading records may be a title block. */
const HEADER_SEARCH = 30;
const TABLE_KINDS: readonly TableKind[] = ['orders', 'clients', 'services'];
const LETTER = /\p{L}/u;

export interface CsvImport {
  sheet: SheetSnapshot;
  encoding: TextEncodingName;
  separator: CsvSeparator;
  /** Records above the header (a title block), as read. */
  preamble: string[][];
}

/** Cells that are a known column name: a synonym of any table's field, or an orders column in other words (`Клиент ID`). */
function knownHeaders(record: readonly string[]): number {
  return record.filter((cell) => TABLE_KINDS.some((kind) => fieldOfHeader(kind, cell) !== undefined) || (matchSourceHeader(cell)?.rank ?? 2) <= 1).length;
}

function looksLikeHeader(record: readonly string[]): boolean {
  const filled = record.filter((cell) => cell.trim() !== '');
  return filled.length >= 2 && filled.every((cell) => LETTER.test(cell));
}

/** Index of the header record (see the module comment). */
export function findHeaderRecord(records: readonly string[][]): number {
  const searched = records.slice(0, HEADER_SEARCH);
  const known = searched.findIndex((record) => knownHeaders(record) >= 2);
  if (known >= 0) return known;
  const likely = searched.findIndex(looksLikeHeader);
  return likely >= 0 ? likely : 0;
}

/** Fields as cells: an empty field is an empty cell. */
function cells(record: string[]): CellValue[] {
  const out: CellValue[] = record;
  for (let i = 0; i < out.length; i++) if (out[i] === '') out[i] = null;
  return out;
}

/** Decodes, splits and finds the table of a CSV file. `separator` overrides the detection. */
export function readCsv(bytes: Uint8Array, sheetName: string, separator?: CsvSeparator): CsvImport {
  const { text, encoding } = decodeBytes(bytes);
  const used = separator ?? detectSeparator(text);
  const records = parseCsv(text, used);
  const headerIndex = findHeaderRecord(records);
  const rows: CellValue[][] = new Array(Math.max(0, records.length - headerIndex - 1));
  for (let i = headerIndex + 1; i < records.length; i++) rows[i - headerIndex - 1] = cells(records[i]);
  return {
    sheet: { name: sheetName, header: records.length ? cells(records[headerIndex]) : [], rows },
    encoding,
    separator: used,
    preamble: records.slice(0, headerIndex),
  };
}

/** The table of a CSV file as a sheet named `sheetName`. */
export function csvToSheet(bytes: Uint8Array, sheetName: string): SheetSnapshot {
  return readCsv(bytes, sheetName).sheet;
}
