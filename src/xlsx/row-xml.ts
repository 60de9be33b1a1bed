/**
 * A sheet's rows as XML, written straight into ExcelJS's streaming worksheet.
 *
 * ExcelJS's own row path builds a Row and a Cell object per cell, a model per cell, and an XML stream per
 * row; for a million-row orders sheet that was most of the time of writing the file, and its garbage kept
 * the heap large. Here each cell becomes its `<c>` element directly. Only the parts of the streaming
 * writer a cell needs are used, the same ones its row path uses: the shared-string table, the style table
 * (a cell's style id, by the style object, as ExcelJS caches it) and its functions for dates and XML text.
 * The rest of the sheet (columns, merges, validations, conditional formats, autofilter) is still written
 * by ExcelJS when the sheet is committed. Written for ExcelJS 4.4.0, the pinned release.
 */
import type * as ExcelJS from 'exceljs';
import type { CellValue } from '../workbook/snapshot';
import { cellA1 } from '../workbook/memory';
import type { RowSink, Style } from './sheet-io';

/* eslint-disable @typescript-eslint/no-require-imports -- ExcelJS internals, not in its typings */
const { ValueType } = require('exceljs/lib/doc/enums') as { ValueType: Record<'Number' | 'String' | 'Date' | 'Boolean', number> };
const { xmlEncode, dateToExcel } = require('exceljs/lib/utils/utils') as { xmlEncode(text: string): string; dateToExcel(date: Date, date1904?: boolean): number };
/* eslint-enable @typescript-eslint/no-require-imports */

/** The streaming worksheet's parts its own row writer uses (exceljs/lib/stream/xlsx/worksheet-writer.js). */
interface StreamingWorksheetInternals {
  startedData: boolean;
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  stream: { write(xml: string): void };
  /** Merged ranges, written at commit as `<mergeCell ref="${range}"/>`. */
  _merges: unknown[];
  _workbook: {
    styles: { addStyleModel(style: Style, cellType: number): number };
    sharedStrings: { add(text: string): number };
  };
}

/** The type ExcelJS files a cell's style under: a formula's is its result's. */
function valueType(value: CellValue): number {
  if (value instanceof Date) return ValueType.Date;
  if (typeof value === 'string') return ValueType.String;
  if (typeof value === 'boolean') return ValueType.Boolean;
  return ValueType.Number;
}

/** A number, date or boolean: the `<c>` element's type attribute and its `<v>`. */
function plainXml(value: number | boolean | Date): { type: string; xml: string } {
  if (value instanceof Date) return { type: '', xml: `<v>${dateToExcel(value)}</v>` };
  if (typeof value === 'boolean') return { type: ' t="b"', xml: `<v>${value ? 1 : 0}</v>` };
  return { type: '', xml: `<v>${value}</v>` };
}

/** A value (null: none); text goes to the shared strings. */
function valueXml(value: CellValue, sharedString: (text: string) => number): { type: string; xml: string } {
  if (value === null) return { type: '', xml: '' };
  if (typeof value === 'string') return { type: ' t="s"', xml: `<v>${sharedString(value)}</v>` };
  return plainXml(value);
}

/** A formula and its cached result; a text result is written inline, as Excel itself does. */
function formulaXml(formula: string, value: CellValue): { type: string; xml: string } {
  const f = `<f>${xmlEncode(formula)}</f>`;
  if (value === null) return { type: '', xml: f };
  if (typeof value === 'string') return { type: ' t="str"', xml: `${f}<v>${xmlEncode(value)}</v>` };
  const { type, xml } = plainXml(value);
  return { type, xml: f + xml };
}

export function streamingRows(ws: ExcelJS.Worksheet): RowSink {
  const sheet = ws as unknown as StreamingWorksheetInternals;
  const { styles, sharedStrings } = sheet._workbook;
  const sharedString = (text: string) => sharedStrings.add(text);
  let cells = '';
  return {
    // The streaming writer's own mergeCells creates the merged cells' rows, which would then be written
    // after ours; the range alone is what its commit writes.
    merge: (range) => sheet._merges.push(range),
    cell(row, column, value, formula, style) {
      const styleId = styles.addStyleModel(style, valueType(value));
      const { type, xml } = formula ? formulaXml(formula, value) : valueXml(value, sharedString);
      cells += `<c r="${cellA1(row, column)}"${styleId ? ` s="${styleId}"` : ''}${type}>${xml}</c>`;
    },
    endRow(row, hidden) {
      if (!sheet.startedData) {
        sheet._writeColumns();
        sheet._writeOpenSheetData();
        sheet.startedData = true;
      }
      sheet.stream.write(`<row r="${row}"${hidden ? ' hidden="1"' : ''}>${cells}</row>`);
      cells = '';
    },
  };
}
