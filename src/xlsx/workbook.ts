/**
 * The .xlsx gateway: a Workbook over an .xlsx file, on ExcelJS.
 *
 * The file is read into MemorySheets (src/workbook/memory.ts), operations run on them with the reference
 * semantics, and saving writes the sheets back out. This file uses ExcelJS's whole-file model and runs in
 * the browser as well as in Node; ./node.ts reads and writes files with ExcelJS's streaming reader and
 * writer, which big workbooks need (a 100,000-row sheet through the whole-file model takes gigabytes).
 *
 * What survives a read-modify-write: values, formulas (master cells; followers of a shared formula in
 * the streaming reader are kept as their values), number formats, solid fills, fonts, borders,
 * alignment, column widths, merges, frozen rows, autofilter, the validations and conditional formats we
 * model (list, range list, date, number, custom; equal / ≥ / ≤ colour rules), tab colours, hidden rows
 * and sheets. Not kept: other validation and conditional-format kinds, tables (written as an autofilter
 * over their range), charts and images (chart requests are recorded in a hidden sheet, see helpers.ts),
 * defined names, comments.
 */
import * as ExcelJS from 'exceljs';
import { MemoryWorkbook, emptySheet } from '../workbook/memory';
import type { MemorySheet, MemorySheets } from '../workbook/memory';
import type { SheetOperation } from '../workbook/operations';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { WorkbookState } from '../workbook/state';
import type { ProgressListener, Workbook } from '../workbook/workbook';
import { CHARTS_SHEET, HELPER_SHEETS, LISTS_SHEET } from './convert';
import { attachCharts, chartsSheet, listResolver, ListSheetBuilder } from './helpers';
import { readRow, readSheetParts, StyleSplitter, worksheetOptions, writeSheet } from './sheet-io';

/**
 * Puts the sheet-level parts of `parts` (a whole-file model, or one loaded without cell data) onto the
 * sheets whose cells were read into `cells`, in tab order, and takes the helper sheets out.
 */
export function assembleSheets(parts: ExcelJS.Workbook, cells: Map<string, MemorySheet>): MemorySheet[] {
  const resolve = listResolver(cells.get(LISTS_SHEET));
  const sheets: MemorySheet[] = [];
  for (const ws of parts.worksheets) {
    if (HELPER_SHEETS.includes(ws.name)) continue;
    const sheet = cells.get(ws.name) ?? emptySheet(ws.name);
    readSheetParts(ws, sheet, resolve);
    sheets.push(sheet);
  }
  attachCharts(sheets, cells.get(CHARTS_SHEET));
  return sheets;
}

/**
 * Writes the sheets and the helper sheets into an empty ExcelJS workbook (whole-file or streaming);
 * `finish` commits a streaming worksheet.
 */
export function writeSheets(target: ExcelJS.Workbook, sheets: MemorySheets, finish: (ws: ExcelJS.Worksheet) => void = () => undefined): void {
  const lists = new ListSheetBuilder();
  for (const sheet of sheets) {
    const ws = target.addWorksheet(sheet.name, worksheetOptions(sheet));
    writeSheet(ws, sheet, lists.place);
    finish(ws);
  }
  for (const helper of [lists.sheet(), chartsSheet(sheets)]) {
    if (!helper) continue;
    const ws = target.addWorksheet(helper.name, { state: 'veryHidden' });
    writeSheet(ws, helper, lists.place);
    finish(ws);
  }
}

export class XlsxWorkbook implements Workbook {
  private constructor(private readonly memory: MemoryWorkbook) {}

  static empty(): XlsxWorkbook {
    return new XlsxWorkbook(new MemoryWorkbook());
  }

  /** A workbook holding a snapshot's values (for tests and for building a new file). */
  static fromSnapshot(snapshot: WorkbookSnapshot): XlsxWorkbook {
    return new XlsxWorkbook(new MemoryWorkbook(snapshot));
  }

  /** Over sheets already read (by ./node.ts's streaming reader). */
  static fromSheets(sheets: MemorySheet[]): XlsxWorkbook {
    return new XlsxWorkbook(MemoryWorkbook.fromSheets(sheets));
  }

  /** Reads an .xlsx with ExcelJS's whole-file model (works in the browser; for big files see node.ts). */
  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(data as ArrayBuffer);
    const styles = new StyleSplitter();
    const cells = new Map<string, MemorySheet>();
    for (const ws of book.worksheets) {
      const sheet = emptySheet(ws.name);
      ws.eachRow({ includeEmpty: true }, (row) => readRow(row, sheet, styles));
      cells.set(ws.name, sheet);
    }
    return XlsxWorkbook.fromSheets(assembleSheets(book, cells));
  }

  /** The sheets as they will be written, for ./node.ts's streaming writer. */
  get sheets(): MemorySheets {
    return this.memory.model;
  }

  sheetNames(): Promise<string[]> {
    return this.memory.sheetNames();
  }

  read(sheets?: string[], onProgress?: ProgressListener): Promise<WorkbookSnapshot> {
    return this.memory.read(sheets, onProgress);
  }

  apply(operations: SheetOperation[], onProgress?: ProgressListener): Promise<void> {
    return this.memory.apply(operations, onProgress);
  }

  /** What the workbook holds now, in host-neutral terms (what toBuffer will write). */
  state(): WorkbookState {
    return this.memory.state();
  }

  /** The .xlsx file, written with ExcelJS's whole-file model. */
  async toBuffer(): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    writeSheets(book, this.memory.model);
    return new Uint8Array(await book.xlsx.writeBuffer());
  }
}
