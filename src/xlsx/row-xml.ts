/**
 * A sheet's rows as the XML of `<sheetData>`, for the streaming writer (sheet-writer.ts).
 *
 * ExcelJS's own row path builds a Row and a Cell object per cell, a model per cell, and an XML stream per
 * row; for a million-row orders sheet that was most of the time of writing the file, and its garbage kept
 * the heap large. Here each cell becomes its `<c>` element directly: text as an index into the shared
 * strings, the style as an index into the style table (both given by the writer), dates as serials.
 */
import type { CellValue } from '../workbook/snapshot';
import { columnLetter } from '../workbook/a1';
import type { RowSink, Style } from './sheet-io';
import { ColumnRepeats } from '../workbook/column-repeats';
import { textElement } from './shared-strings-part';

/* eslint-disable-next-line @typescript-eslint/no-require-imports -- ExcelJS's XML text escaping, a small module */
const { xmlEncode: xmlText } = require('exceljs/lib/utils/utils') as { xmlEncode(text: string): string };

/** The type a cell's style is filed under (ExcelJS's ValueType numbers): a formula's is its result's. */
export const VALUE_TYPE = { number: 2, string: 3, date: 4, boolean: 9 } as const;

export function valueType(value: CellValue): number {
  if (value instanceof Date) return VALUE_TYPE.date;
  if (typeof value === 'string') return VALUE_TYPE.string;
  if (typeof value === 'boolean') return VALUE_TYPE.boolean;
  return VALUE_TYPE.number;
}

/** What the rows refer to: the workbook's style table and shared strings. */
export interface RowTables {
  styleId(style: Style, value: CellValue): number;
  /** The text's index in the shared strings, added if it is new. */
  sharedString(text: string): number;
  /** How many shared strings there are so far. */
  sharedStringCount(): number;
}

const MS_PER_DAY = 86_400_000;
/** The serial of 1970-01-01 in Excel's 1900 date system. */
const UNIX_EPOCH_SERIAL = 25569;

/** A date as Excel's serial of its UTC fields, computed as ExcelJS computes it (the same last digits). */
export function dateSerial(date: Date): number {
  return UNIX_EPOCH_SERIAL + date.getTime() / MS_PER_DAY;
}

/** A number, date or boolean: the `<c>` element's type attribute and its `<v>`. */
function plainXml(value: number | boolean | Date): string {
  if (value instanceof Date) return `><v>${dateSerial(value)}</v>`;
  if (typeof value === 'boolean') return ` t="b"><v>${value ? 1 : 0}</v>`;
  return `><v>${value}</v>`;
}

/** A formula and its cached result; a text result is written inline, as Excel itself does. */
function formulaXml(formula: string, value: CellValue): string {
  const f = `<f>${xmlText(formula)}</f>`;
  if (value === null) return `>${f}`;
  if (typeof value === 'string') return ` t="str">${f}<v>${xmlText(value)}</v>`;
  const plain = plainXml(value);
  const close = plain.indexOf('><v>');
  return `${plain.slice(0, close)}>${f}${plain.slice(close + 1)}`;
}

/**
 * The rows' XML, handed to `write` a row at a time. Merged ranges are collected in `merges`, for the
 * writer to put after the rows.
 *
 * Texts go into the shared strings, except in a column whose texts do not repeat (order numbers): there
 * they are written in the cell (`inlineStr`). Looking up half a million order numbers that never repeat,
 * in a table of 600,000 texts, took longer than writing the whole sheet's XML, and sharing them saves
 * nothing.
 */
export function xmlRows(tables: RowTables, write: (xml: string) => void, merges: string[]): RowSink {
  const letters: string[] = [];
  const letter = (column: number) => letters[column] ?? (letters[column] = columnLetter(column));
  const repeats = new ColumnRepeats();
  const textXml = (column: number, text: string) => {
    if (!repeats.worthKeeping(column)) return ` t="inlineStr"><is>${textElement(text)}</is>`;
    const count = tables.sharedStringCount();
    const index = tables.sharedString(text);
    repeats.count(column, index < count);
    return ` t="s"><v>${index}</v>`;
  };
  // A column's cells mostly share their style: the cell below reuses the id found for the one above.
  const lastStyles: Style[] = [];
  const lastTypes: number[] = [];
  const lastStyleIds: number[] = [];
  let cells = '';
  return {
    merge: (range) => merges.push(range),
    cell(row, column, value, formula, style) {
      const type = valueType(value);
      let styleId = lastStyleIds[column];
      if (lastStyles[column] !== style || lastTypes[column] !== type) {
        styleId = lastStyleIds[column] = tables.styleId(style, value);
        lastStyles[column] = style;
        lastTypes[column] = type;
      }
      let body: string;
      if (formula) body = formulaXml(formula, value);
      else if (value === null) body = '>';
      else if (typeof value === 'string') body = textXml(column, value);
      else body = plainXml(value);
      cells += `<c r="${letter(column)}${row}"${styleId ? ` s="${styleId}"` : ''}${body}</c>`;
    },
    endRow(row, hidden) {
      write(`<row r="${row}"${hidden ? ' hidden="1"' : ''}>${cells}</row>`);
      cells = '';
    },
  };
}
