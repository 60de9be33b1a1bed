/**
 * The SpreadsheetApp gateway: the only code of the add-on that calls SpreadsheetApp.
 *
 * Values cross in blocks — one getValues per block of up to ROWS_PER_BLOCK rows when reading, one setValues
 * per rectangular block when writing — never per cell. Strings are written as literal text (cells.ts), dates
 * as the instant of their wall-clock time in the spreadsheet's zone (clock.ts). Sheets has no named tables:
 * a `table` becomes a filter plus alternating row colours over the block (the contract's documented
 * fallback, `lacks.tables`).
 *
 * The add-on's own hidden sheet of a pending job (jobs/job-sheet.ts) is not part of the workbook: it is neither
 * listed nor read. Long operations can also be written a slice of rows at a time (`applyRows`), which is how
 * a job stays within Apps Script's 6 minutes per execution.
 */
import type { AppendRows, EnsureSheet, SheetOperation, WriteColumns, WriteTable } from '../../../src/workbook/operations';
import { operationStep } from '../../../src/workbook/operations';
import type { Rect } from '../../../src/workbook/memory';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/workbook/snapshot';
import { rowRuns } from '../../../src/workbook/snapshot';
import { GOOGLE_SHEETS_LIMITS, type ProgressListener, type Workbook } from '../../../src/workbook/workbook';
import { fromSheetValue, trimRow } from './cells';
import { SpreadsheetClock } from './clock';
import { isInternalSheet } from './internal-sheets';
import { isRowOperation, wholeRows, type RowOperation, type RowSlice } from './row-slices';
import { ROWS_PER_BLOCK } from './blocks';
import { pad, SheetOperations, type SpreadsheetAppServices } from './sheet-operations';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export class SpreadsheetAppWorkbook implements Workbook {
  readonly limits = GOOGLE_SHEETS_LIMITS;
  private readonly spreadsheet: Spreadsheet;
  private readonly clock: SpreadsheetClock;
  private readonly sheets: SheetOperations;

  constructor(services: SpreadsheetAppServices) {
    this.spreadsheet = services.spreadsheet;
    this.clock = new SpreadsheetClock(services.spreadsheet.getSpreadsheetTimeZone(), services.formatDate);
    this.sheets = new SheetOperations(services, this.clock);
  }

  /** The spreadsheet the add-on is bound to, through Apps Script's globals. */
  static active(): SpreadsheetAppWorkbook {
    return new SpreadsheetAppWorkbook({
      spreadsheet: SpreadsheetApp.getActiveSpreadsheet(),
      app: SpreadsheetApp,
      formatDate: (date, timeZone, format) => Utilities.formatDate(date, timeZone, format),
    });
  }

  private userSheets(): Sheet[] {
    return this.spreadsheet.getSheets().filter((s) => !isInternalSheet(s.getName()));
  }

  async sheetNames(): Promise<string[]> {
    return this.userSheets().map((s) => s.getName());
  }

  async read(names?: string[], onProgress?: ProgressListener): Promise<WorkbookSnapshot> {
    const chosen = this.userSheets().filter((s) => !names || names.includes(s.getName()));
    return {
      sheets: chosen.map((sheet, i) => {
        onProgress?.({ step: { key: 'step.readSheet', params: { sheet: sheet.getName() } }, done: i, total: chosen.length });
        return this.readSheet(sheet);
      }),
    };
  }

  private readSheet(sheet: Sheet): SheetSnapshot {
    const name = sheet.getName();
    const lastRow = sheet.getLastRow();
    const lastColumn = sheet.getLastColumn();
    if (lastRow === 0 || lastColumn === 0) return { name, header: [], rows: [] };
    const values: CellValue[][] = [];
    for (let top = 1; top <= lastRow; top += ROWS_PER_BLOCK) {
      const height = Math.min(ROWS_PER_BLOCK, lastRow - top + 1);
      for (const row of sheet.getRange(top, 1, height, lastColumn).getValues()) values.push(trimRow(row.map((v) => fromSheetValue(v, this.clock))));
    }
    const [header, ...rows] = values;
    const snapshot: SheetSnapshot = { name, header, rows };
    const hidden = this.hiddenRows(sheet, lastRow);
    if (hidden.length) snapshot.hiddenRows = hidden;
    const merged = sheet.getRange(1, 1, lastRow, lastColumn).getMergedRanges().map((r) => r.getA1Notation());
    if (merged.length) snapshot.mergedRanges = merged;
    return snapshot;
  }

  /**
   * SpreadsheetApp tells hidden rows only one row at a time; the answers come from the sheet's metadata the
   * service already holds, not from a round trip per row, but on very large sheets this is the slow part.
   */
  private hiddenRows(sheet: Sheet, lastRow: number): number[] {
    const filtered = sheet.getFilter() !== null;
    const hidden: number[] = [];
    for (let r = 2; r <= lastRow; r++) if ((filtered && sheet.isRowHiddenByFilter(r)) || sheet.isRowHiddenByUser(r)) hidden.push(r);
    return hidden;
  }

  async apply(operations: SheetOperation[], onProgress?: ProgressListener): Promise<void> {
    operations.forEach((op, i) => {
      onProgress?.({ step: operationStep(op), done: i, total: operations.length });
      this.applyOne(op);
    });
  }

  /**
   * Rows `slice.from..slice.to-1` of a long operation; the slices in order leave the sheet as applying the
   * operation whole. A later slice of an appendRows needs `appendAt` (see `appendRowOf`).
   */
  applyRows(op: RowOperation, slice: RowSlice): void {
    switch (op.kind) {
      case 'writeTable':
        return this.writeTable(op, slice);
      case 'writeColumns':
        return this.writeColumns(this.existing(op.sheet, op.kind), op, slice);
      case 'appendRows':
        return this.appendRows(this.existing(op.sheet, op.kind), op, slice);
    }
  }

  /** The sheet row an appendRows on this sheet starts at, as things are now. */
  appendRowOf(sheetName: string): number {
    return this.existing(sheetName, 'appendRows').getLastRow() + 1;
  }

  async select(sheetName: string, row: number): Promise<void> {
    this.existing(sheetName, 'select').getRange(row, 1).activate();
  }

  private applyOne(op: SheetOperation): void {
    if (isRowOperation(op)) return this.applyRows(op, wholeRows(op));
    switch (op.kind) {
      case 'ensureSheet':
        return this.ensureSheet(op);
      case 'insertRows':
        return this.sheets.insertRows(this.existing(op.sheet, op.kind), op);
      case 'deleteRows':
        return this.sheets.deleteRows(this.existing(op.sheet, op.kind), op);
      case 'setValidation':
        return this.sheets.setValidation(this.existing(op.sheet, op.kind), op);
      case 'colourCells':
        return this.sheets.colourCells(this.existing(op.sheet, op.kind), op);
      case 'highlightRows':
        return this.sheets.highlightRows(this.existing(op.sheet, op.kind), op);
      case 'formatSheet':
        return this.sheets.formatSheet(this.existing(op.sheet, op.kind), op);
      case 'addChart':
        return this.sheets.addChart(this.existing(op.sheet, op.kind), op);
      case 'applyFilter':
        return this.sheets.applyFilter(this.existing(op.sheet, op.kind), op);
      case 'clearFilter':
        return this.sheets.clearFilter(this.existing(op.sheet, op.kind));
    }
  }

  private existing(name: string, kind: string): Sheet {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`${kind}: no sheet named «${name}»`);
    return sheet;
  }

  private ensureSheet(op: EnsureSheet): void {
    if (this.spreadsheet.getSheetByName(op.sheet)) return;
    const sheet = this.spreadsheet.insertSheet(op.sheet, this.spreadsheet.getSheets().length);
    if (op.tabColour) sheet.setTabColor(op.tabColour);
    if (op.header?.length) this.sheets.writeBlock(sheet, 1, 1, [op.header]);
  }

  /** The first slice writes the header (after clearing, with `replace`); the last one formats the block. */
  private writeTable(op: WriteTable, slice: RowSlice): void {
    const first = slice.from === 0;
    const sheet = first
      ? this.spreadsheet.getSheetByName(op.sheet) ?? this.spreadsheet.insertSheet(op.sheet, this.spreadsheet.getSheets().length)
      : this.existing(op.sheet, op.kind);
    if (first && op.replace) this.sheets.clearSheet(sheet);
    const top = op.anchor?.row ?? 1;
    const left = op.anchor?.column ?? 1;
    const width = op.rows.reduce((w, r) => Math.max(w, r.length), Math.max(op.header.length, 1));
    const rows = op.rows.slice(slice.from, slice.to).map((r) => pad(r, width));
    this.sheets.writeBlock(sheet, first ? top : top + 1 + slice.from, left, first ? [pad(op.header, width), ...rows] : rows);
    if (slice.to < op.rows.length) return;
    op.numberFormats?.forEach((format, j) => {
      if (format !== null) this.sheets.columnFormat(sheet, left + j, top + 1, top + op.rows.length, format);
    });
    if (op.headerFill && op.header.length) sheet.getRange(top, left, 1, op.header.length).setBackground(op.headerFill);
    op.columnWidths?.forEach((w, j) => {
      if (w !== null) this.sheets.columnWidth(sheet, left + j, w);
    });
    op.hiddenColumns?.forEach((hidden, j) => {
      if (hidden) this.sheets.hideColumn(sheet, left + j);
    });
    if (op.freezeHeader) sheet.setFrozenRows(top);
    const block: Rect = { top, left, bottom: top + Math.max(op.rows.length, 1), right: left + Math.max(op.header.length, 1) - 1 };
    if (op.table) this.sheets.putTable(sheet, block);
    else if (op.autoFilter) this.sheets.putFilter(sheet, block);
  }

  /**
   * Adjacent columns whose written rows are the same go out together: the tracker's six columns are one
   * setValues per run of rows, not six. A slice writes the header (with its first rows) and its own rows.
   */
  private writeColumns(sheet: Sheet, op: WriteColumns, slice: RowSlice): void {
    // cell k of a column is row headerRow + k: the header, then values[k - 1]
    const headerRow = op.headerRow ?? 1;
    const inSlice = (k: number) => (k === 0 ? slice.from === 0 : k - 1 >= slice.from && k - 1 < slice.to);
    const columns = [...op.columns].sort((a, b) => a.column - b.column);
    const cellsOf = (c: WriteColumns['columns'][number]): Array<CellValue | undefined> => [c.header, ...c.values];
    const mask = (c: WriteColumns['columns'][number]) => cellsOf(c).map((v) => (v === undefined ? '0' : '1')).join('');
    const groups: Array<typeof columns> = [];
    for (const column of columns) {
      const group = groups[groups.length - 1];
      const previous = group?.[group.length - 1];
      if (previous && previous.column + 1 === column.column && mask(previous) === mask(column)) group.push(column);
      else groups.push([column]);
    }
    for (const group of groups) {
      const cells = group.map(cellsOf);
      const defined = cells[0].flatMap((v, k) => (v === undefined || !inSlice(k) ? [] : [headerRow + k]));
      for (const [from, to] of rowRuns(defined)) {
        const block = Array.from({ length: to - from + 1 }, (_, i) => cells.map((column) => column[from - headerRow + i] ?? null));
        this.sheets.writeBlock(sheet, from, group[0].column, block);
        for (const column of group) if (column.numberFormat) this.sheets.columnFormat(sheet, column.column, Math.max(from, headerRow + 1), to, column.numberFormat);
      }
    }
  }

  private appendRows(sheet: Sheet, op: AppendRows, slice: RowSlice): void {
    if (slice.to <= slice.from) return;
    const width = op.rows.reduce((w, r) => Math.max(w, r.length), 1);
    this.sheets.writeRows(sheet, (slice.appendAt ?? sheet.getLastRow() + 1) + slice.from, op.rows.slice(slice.from, slice.to).map((r) => pad(r, width)), op.numberFormats);
  }
}
