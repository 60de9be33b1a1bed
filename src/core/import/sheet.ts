/**
 * A CSV file as a sheet snapshot: the header row and the data rows as text, ready for `readBase`,
 * which maps the columns by their header synonyms and parses `dd.mm.yyyy` dates and `1 234,56` amounts.
 *
 * 1C and bank exports often start with a title block ("Продажи за период …", "Организация: …")
 * before the table. The header is taken as the first record, among the first `HEADER_SEARCH` ones,
 * in which at least two cells are known column names (any table: orders, clients, services); failing
 * that, the first record with at least two non-empty cells that all contain a letter (numbers, dates
 * and amounts do not); failing that, the first record. The records above it are returned as
 * `preamble`, not lost, and reported.
 *
 * Every field is kept as written. Values in a column the header does not name (a line with more fields
 * than the header, a blank header cell) give that column a name, «Столбец 12», so they reach the
 * import like any other column; each such column is reported once. A file that is not text (an .xlsx,
 * a PDF, binary data) is refused with `NotTextError`.
 */
import type { CellValue, SheetSnapshot } from '../../workbook/snapshot';
import { sheetRowNumber, sourceRowNumber } from '../../workbook/snapshot';
import type { Language, Problem } from '../model';
import { say } from '../base';
import { message } from '../messages/message';
import { type TableKind } from '../schema';
import { fieldOfHeader, matchSourceHeader } from '../header-match';
import { isBlank } from '../normalise/text';
import { decodeBytes, type TextEncodingName } from './decode';
import { detectSeparator, parseCsv, type CsvSeparator } from './csv';
import { refuseNonText } from './not-text';

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
  /** What the reading changed for the import to see every field: the title block left out, columns named. */
  problems: Problem[];
}

export interface CsvReadOptions {
  /** Overrides the detection. */
  separator?: CsvSeparator;
  /** Of the messages. */
  language?: Language;
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

/** The name given to the `index`-th column (0-based) when the file's header does not name it. */
function generatedHeader(index: number, language: Language): string {
  return say(language, `Столбец ${index + 1}`, `Column ${index + 1}`);
}

/**
 * Names the columns that hold values under no header (in place), so the import lists them instead of
 * dropping their values, and reports each once: where its first value is and how many lines have one.
 */
function nameUnheadedColumns(sheet: SheetSnapshot, language: Language): Problem[] {
  const { header, rows } = sheet;
  const blankHeaders = header.flatMap((cell, index) => (isBlank(cell) ? [index] : []));
  const found = new Map<number, { first: number; lines: number }>();
  const note = (column: number, row: number) => {
    const seen = found.get(column);
    if (seen) seen.lines++;
    else found.set(column, { first: row, lines: 1 });
  };
  rows.forEach((cells, row) => {
    for (const column of blankHeaders) if (!isBlank(cells[column])) note(column, row);
    for (let column = header.length; column < cells.length; column++) if (!isBlank(cells[column])) note(column, row);
  });
  const problems: Problem[] = [];
  for (const [column, { first, lines }] of [...found].sort(([a], [b]) => a - b)) {
    while (header.length < column) header.push(null);
    const name = generatedHeader(column, language);
    header[column] = name;
    const row = sourceRowNumber(sheet, first);
    problems.push({
      sheet: sheet.name,
      row,
      column: name,
      value: String(rows[first][column]),
      message: message('import.headerlessColumn', { lines, row, name }),
    });
  }
  return problems;
}

/** The title block above the table, reported once: its lines are not order lines. */
function preambleProblem(sheetName: string, preamble: readonly string[][]): Problem[] {
  if (preamble.length === 0) return [];
  const first = preamble.find((record) => record.some((field) => field.trim() !== '')) ?? preamble[0];
  return [
    {
      sheet: sheetName,
      row: 1,
      column: '',
      value: first.filter((field) => field.trim() !== '').join(' '),
      message: message('import.preamble', { lines: preamble.length }),
    },
  ];
}

/** Decodes, splits and finds the table of a CSV file; refuses a file that is not text (`NotTextError`). */
export function readCsv(bytes: Uint8Array, sheetName: string, options: CsvReadOptions = {}): CsvImport {
  const language = options.language ?? 'ru';
  const { text, encoding } = decodeBytes(bytes);
  refuseNonText(bytes, text, sheetName, language);
  const used = options.separator ?? detectSeparator(text);
  const firstLines: number[] = [];
  const records = parseCsv(text, used, firstLines);
  const headerIndex = findHeaderRecord(records);
  const rows: CellValue[][] = new Array(Math.max(0, records.length - headerIndex - 1));
  for (let i = headerIndex + 1; i < records.length; i++) rows[i - headerIndex - 1] = cells(records[i]);
  const header = records.length ? cells(records[headerIndex]) : [];
  // The file's own line numbers, when they are not the sheet's (a title block, a field over several lines)
  const dataLines = firstLines.slice(headerIndex + 1);
  const shifted = dataLines.some((line, i) => line !== sheetRowNumber(i));
  const sheet: SheetSnapshot = { name: sheetName, header, rows, ...(shifted ? { rowNumbers: dataLines } : {}) };
  const preamble = records.slice(0, headerIndex);
  return {
    sheet,
    encoding,
    separator: used,
    preamble,
    problems: [...preambleProblem(sheetName, preamble), ...nameUnheadedColumns(sheet, language)],
  };
}

/** The table of a CSV file as a sheet named `sheetName`. */
export function csvToSheet(bytes: Uint8Array, sheetName: string): SheetSnapshot {
  return readCsv(bytes, sheetName).sheet;
}
