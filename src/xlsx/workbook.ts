/**
 * The .xlsx gateway: a Workbook over an .xlsx file, on ExcelJS.
 *
 * The file is read into MemorySheets (src/workbook/memory.ts), operations run on them with the reference
 * semantics, and saving writes the sheets back out. This file uses ExcelJS's whole-file model and runs in
 * the browser as well as in Node; ./node.ts reads files with its own fast cell reader and writes them
 * with a streaming writer of our own (book-writer.ts), which big workbooks need (a 100,000-row sheet through the whole-file
 * model takes gigabytes).
 *
 * What survives a read-modify-write: values, formulas (shared ones included), number formats, solid fills, fonts, borders,
 * alignment, column widths, merges, frozen rows, autofilter, the validations and conditional formats we
 * model (list, range list, date, number, custom; equal / ≥ / ≤ colour rules), tab colours, hidden rows
 * and sheets, defined names, and validations and conditional formats of kinds we do not model (carried
 * as ExcelJS gave them), and the charts the plans ask for (drawn natively, chart-package.ts; their specs
 * recorded in a hidden sheet, see helpers.ts). Not kept: tables (written as an autofilter over their
 * range), charts and images of other origin, comments, data bars' extensions.
 */
import type * as ExcelJS from 'exceljs';
import { excelJs } from './exceljs-lazy';
import { MemoryWorkbook, emptySheet } from '../workbook/memory';
import type { MemorySheet, MemorySheets } from '../workbook/memory';
import type { SheetOperation } from '../workbook/operations';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { WorkbookState } from '../workbook/state';
import { EXCEL_LIMITS, type ProgressListener, type Workbook } from '../workbook/workbook';
import { CHARTS_SHEET, HELPER_SHEETS, LISTS_SHEET } from './convert';
import { attachCharts, chartsSheet, listResolver, ListSheetBuilder } from './helpers';
import { withCharts } from './chart-package';
import { withValidationPlaceholders } from './package';
import { excelJsRows, readRow, readSheetParts, StyleSplitter, worksheetOptions, worksheetTarget, writeSheet } from './sheet-io';

/**
 * Puts the sheet-level parts of `parts` (a whole-file model, or one loaded without cell data) onto the
 * sheets whose cells were read into `cells`, in tab order, and takes the helper sheets out.
 * `validationRanges` maps placeholder cells to the real ranges of validations (see node.ts).
 */
export function assembleSheets(parts: ExcelJS.Workbook, cells: Map<string, MemorySheet>, validationRanges?: Map<string, Map<string, string>>): MemorySheet[] {
  const resolve = listResolver(cells.get(LISTS_SHEET));
  const sheets: MemorySheet[] = [];
  for (const ws of parts.worksheets) {
    if (HELPER_SHEETS.includes(ws.name)) continue;
    const sheet = cells.get(ws.name) ?? emptySheet(ws.name);
    readSheetParts(ws, sheet, resolve, validationRanges?.get(ws.name));
    sheets.push(sheet);
  }
  attachCharts(sheets, cells.get(CHARTS_SHEET));
  return sheets;
}

/** Writes the sheets and the helper sheets into an empty ExcelJS workbook (the whole-file model). */
export async function writeSheets(target: ExcelJS.Workbook, sheets: MemorySheets, definedNames: DefinedNames): Promise<void> {
  if (definedNames.length) target.definedNames.model = definedNames as unknown as ExcelJS.DefinedNamesModel;
  const lists = new ListSheetBuilder();
  const write = (ws: ExcelJS.Worksheet, sheet: MemorySheet) => writeSheet(worksheetTarget(ws), sheet, lists.place, excelJsRows(ws));
  for (const sheet of sheets) await write(target.addWorksheet(sheet.name, worksheetOptions(sheet)), sheet);
  for (const helper of [lists.sheet(), chartsSheet(sheets)]) {
    if (helper) await write(target.addWorksheet(helper.name, { state: 'veryHidden' }), helper);
  }
}

/** The workbook's named ranges, as ExcelJS models them (kept so validations using them keep working). */
export type DefinedNames = Array<{ name: string; ranges: string[] }>;

/**
 * The named ranges of a workbook ExcelJS read, without the autofilter ones (`_xlnm._FilterDatabase`),
 * which ExcelJS derives from each sheet's autofilter when it writes.
 */
export function userDefinedNames(book: ExcelJS.Workbook): DefinedNames {
  return (book.definedNames.model as unknown as DefinedNames).filter((n) => n.name !== '_xlnm._FilterDatabase');
}

export class XlsxWorkbook implements Workbook {
  /** An .xlsx file is opened by Excel: its grid is the limit. */
  readonly limits = EXCEL_LIMITS;

  private constructor(
    private readonly memory: MemoryWorkbook,
    /** Carried from the file read to the file written, untouched. */
    readonly definedNames: DefinedNames = [],
  ) {}

  static empty(): XlsxWorkbook {
    return new XlsxWorkbook(new MemoryWorkbook());
  }

  /** A workbook holding a snapshot's values (for tests and for building a new file). */
  static fromSnapshot(snapshot: WorkbookSnapshot): XlsxWorkbook {
    return new XlsxWorkbook(new MemoryWorkbook(snapshot));
  }

  /** Over sheets already read (by ./node.ts's reader). */
  static fromSheets(sheets: MemorySheet[], definedNames: DefinedNames = []): XlsxWorkbook {
    return new XlsxWorkbook(MemoryWorkbook.fromSheets(sheets), definedNames);
  }

  /** Reads an .xlsx with ExcelJS's whole-file model (works in the browser; for big files see node.ts). */
  static async fromBuffer(data: ArrayBuffer | Uint8Array): Promise<XlsxWorkbook> {
    const prepared = await withValidationPlaceholders(data);
    const book = new (excelJs().Workbook)();
    await book.xlsx.load(prepared.data as unknown as ArrayBuffer);
    const styles = new StyleSplitter();
    const cells = new Map<string, MemorySheet>();
    for (const ws of book.worksheets) {
      const sheet = emptySheet(ws.name);
      ws.eachRow({ includeEmpty: true }, (row) => readRow(row, sheet, styles));
      cells.set(ws.name, sheet);
    }
    return XlsxWorkbook.fromSheets(assembleSheets(book, cells, prepared.validationRanges), userDefinedNames(book));
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

  /**
   * Hides a sheet when the file is written (it stays listed and read). For files the product makes whole,
   * such as a manager's part of a split base, whose record sheet the manager has no need to see.
   */
  hideSheet(name: string): void {
    const sheet = this.memory.model.find((s) => s.name === name);
    if (sheet) sheet.hidden = true;
  }

  /** What the workbook holds now, in host-neutral terms (what toBuffer will write). */
  state(): WorkbookState {
    return this.memory.state();
  }

  /** The .xlsx file, written with ExcelJS's whole-file model. */
  async toBuffer(): Promise<Uint8Array> {
    const book = new (excelJs().Workbook)();
    await writeSheets(book, this.memory.model, this.definedNames);
    return withCharts(new Uint8Array(await book.xlsx.writeBuffer()), this.memory.model);
  }
}
