/**
 * The SpreadsheetApp gateway: the only code of the add-on that calls SpreadsheetApp.
 *
 * Values cross in blocks — one getValues per block of up to ROWS_PER_BLOCK rows when reading, one setValues
 * per rectangular block when writing — never per cell. Strings are written as literal text (cells.ts), dates
 * as the instant of their wall-clock time in the spreadsheet's zone (clock.ts). Sheets has no named tables:
 * a `table` becomes a filter plus alternating row colours over the block (the contract's documented
 * fallback, `lacks.tables`).
 *
 * The add-on's own hidden sheet of a pending job (job-sheet.ts) is not part of the workbook: it is neither
 * listed nor read. Long operations can also be written a slice of rows at a time (`applyRows`), which is how
 * a job stays within Apps Script's 6 minutes per execution.
 */
import type {
  AddChart,
  AppendRows,
  InsertRows,
  ApplyFilter,
  ColourCells,
  DeleteRows,
  EnsureSheet,
  FormatSheet,
  HighlightRows,
  SetValidation,
  SheetOperation,
  WriteColumns,
  WriteTable,
} from '../../../src/workbook/operations';
import { operationStep } from '../../../src/workbook/operations';
import { cellText, formatRange, type Rect } from '../../../src/workbook/memory';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/workbook/snapshot';
import { rowRuns } from '../../../src/workbook/snapshot';
import { columnLetter } from '../../../src/workbook/a1';
import { GOOGLE_SHEETS_LIMITS, type ProgressListener, type Workbook } from '../../../src/workbook/workbook';
import { buildChart } from './charts';
import { fromSheetValue, toSheetValue, trimRow, type SheetValue } from './cells';
import { SpreadsheetClock, type FormatDate } from './clock';
import { columnRange, ensureGridSize } from './grid';
import { isInternalSheet } from './job-sheet';
import { isRowOperation, wholeRows, type RowOperation, type RowSlice } from './row-slices';
import { buildColourRules, buildValidation, replaceColourRules, type RuleFactories } from './rules';
import { ROWS_PER_BLOCK } from './blocks';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Pixels per character of column width (Sheets measures columns in pixels, the plan in characters). */
const PIXELS_PER_CHARACTER = 7;

export interface SpreadsheetAppServices {
  spreadsheet: Spreadsheet;
  app: RuleFactories & Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'newFilterCriteria' | 'BandingTheme'>;
  formatDate: FormatDate;
}

function pad(row: readonly (CellValue | undefined)[], width: number): (CellValue | undefined)[] {
  return Array.from({ length: width }, (_, j) => row[j]);
}

export class SpreadsheetAppWorkbook implements Workbook {
  readonly limits = GOOGLE_SHEETS_LIMITS;
  private readonly spreadsheet: Spreadsheet;
  private readonly clock: SpreadsheetClock;

  constructor(private readonly services: SpreadsheetAppServices) {
    this.spreadsheet = services.spreadsheet;
    this.clock = new SpreadsheetClock(services.spreadsheet.getSpreadsheetTimeZone(), services.formatDate);
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
        onProgress?.({ step: `Чтение листа «${sheet.getName()}»`, done: i, total: chosen.length });
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
        return this.insertRows(this.existing(op.sheet, op.kind), op);
      case 'deleteRows':
        return this.deleteRows(this.existing(op.sheet, op.kind), op);
      case 'setValidation':
        return this.setValidation(this.existing(op.sheet, op.kind), op);
      case 'colourCells':
        return this.colourCells(this.existing(op.sheet, op.kind), op);
      case 'highlightRows':
        return this.highlightRows(this.existing(op.sheet, op.kind), op);
      case 'formatSheet':
        return this.formatSheet(this.existing(op.sheet, op.kind), op);
      case 'addChart':
        return this.addChart(this.existing(op.sheet, op.kind), op);
      case 'applyFilter':
        return this.applyFilter(this.existing(op.sheet, op.kind), op);
      case 'clearFilter':
        return this.clearFilter(this.existing(op.sheet, op.kind));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  private existing(name: string, kind: string): Sheet {
    const sheet = this.spreadsheet.getSheetByName(name);
    if (!sheet) throw new Error(`${kind}: no sheet named «${name}»`);
    return sheet;
  }

  /** One setValues per ROWS_PER_BLOCK rows of a rectangle; `undefined` cells must not occur here. */
  private writeBlock(sheet: Sheet, top: number, left: number, rows: (CellValue | undefined)[][]): void {
    if (rows.length === 0) return;
    const width = rows[0].length;
    ensureGridSize(sheet, top + rows.length - 1, left + width - 1);
    for (let start = 0; start < rows.length; start += ROWS_PER_BLOCK) {
      const chunk = rows.slice(start, start + ROWS_PER_BLOCK).map((row) => row.map((v): SheetValue => toSheetValue(v, this.clock)));
      sheet.getRange(top + start, left, chunk.length, width).setValues(chunk);
    }
  }

  private columnFormat(sheet: Sheet, column: number, fromRow: number, toRow: number, format: string): void {
    if (toRow >= fromRow) columnRange(sheet, column, fromRow, toRow).setNumberFormat(format);
  }

  private rangeOf(sheet: Sheet, rect: Rect): GoogleAppsScript.Spreadsheet.Range {
    ensureGridSize(sheet, rect.bottom, rect.right);
    return sheet.getRange(rect.top, rect.left, rect.bottom - rect.top + 1, rect.right - rect.left + 1);
  }

  /** Sheets allows one filter per sheet: the new one replaces it. */
  private putFilter(sheet: Sheet, rect: Rect): GoogleAppsScript.Spreadsheet.Filter {
    sheet.getFilter()?.remove();
    return this.rangeOf(sheet, rect).createFilter();
  }

  /** A "table": filter plus alternating colours (which Sheets refuses over existing ones, so those go first). */
  private putTable(sheet: Sheet, rect: Rect): void {
    this.putFilter(sheet, rect);
    for (const banding of sheet.getBandings()) {
      const r = banding.getRange();
      const overlaps = r.getRow() <= rect.bottom && rect.top < r.getRow() + r.getNumRows() && r.getColumn() <= rect.right && rect.left < r.getColumn() + r.getNumColumns();
      if (overlaps) banding.remove();
    }
    this.rangeOf(sheet, rect).applyRowBanding(this.services.app.BandingTheme.LIGHT_GREY);
  }

  /** Everything a result sheet holds, for `replace`; the sheet itself (and its id and tab colour) stays. */
  private clearSheet(sheet: Sheet): void {
    sheet.clear();
    sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).clearDataValidations();
    sheet.clearConditionalFormatRules();
    sheet.getFilter()?.remove();
    sheet.getBandings().forEach((b) => b.remove());
    sheet.getCharts().forEach((c) => sheet.removeChart(c));
    sheet.setFrozenRows(0);
    sheet.showRows(1, sheet.getMaxRows());
  }

  // ---------------------------------------------------------------------------------------------
  // operations

  private ensureSheet(op: EnsureSheet): void {
    if (this.spreadsheet.getSheetByName(op.sheet)) return;
    const sheet = this.spreadsheet.insertSheet(op.sheet, this.spreadsheet.getSheets().length);
    if (op.tabColour) sheet.setTabColor(op.tabColour);
    if (op.header?.length) this.writeBlock(sheet, 1, 1, [op.header]);
  }

  /** The first slice writes the header (after clearing, with `replace`); the last one formats the block. */
  private writeTable(op: WriteTable, slice: RowSlice): void {
    const first = slice.from === 0;
    const sheet = first
      ? this.spreadsheet.getSheetByName(op.sheet) ?? this.spreadsheet.insertSheet(op.sheet, this.spreadsheet.getSheets().length)
      : this.existing(op.sheet, op.kind);
    if (first && op.replace) this.clearSheet(sheet);
    const top = op.anchor?.row ?? 1;
    const left = op.anchor?.column ?? 1;
    const width = op.rows.reduce((w, r) => Math.max(w, r.length), Math.max(op.header.length, 1));
    const rows = op.rows.slice(slice.from, slice.to).map((r) => pad(r, width));
    this.writeBlock(sheet, first ? top : top + 1 + slice.from, left, first ? [pad(op.header, width), ...rows] : rows);
    if (slice.to < op.rows.length) return;
    op.numberFormats?.forEach((format, j) => {
      if (format !== null) this.columnFormat(sheet, left + j, top + 1, top + op.rows.length, format);
    });
    if (op.headerFill && op.header.length) sheet.getRange(top, left, 1, op.header.length).setBackground(op.headerFill);
    op.columnWidths?.forEach((w, j) => {
      if (w !== null) sheet.setColumnWidth(left + j, Math.round(w * PIXELS_PER_CHARACTER));
    });
    if (op.freezeHeader) sheet.setFrozenRows(top);
    const block: Rect = { top, left, bottom: top + Math.max(op.rows.length, 1), right: left + Math.max(op.header.length, 1) - 1 };
    if (op.table) this.putTable(sheet, block);
    else if (op.autoFilter) this.putFilter(sheet, block);
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
        this.writeBlock(sheet, from, group[0].column, block);
        for (const column of group) if (column.numberFormat) this.columnFormat(sheet, column.column, Math.max(from, headerRow + 1), to, column.numberFormat);
      }
    }
  }

  private appendRows(sheet: Sheet, op: AppendRows, slice: RowSlice): void {
    if (slice.to <= slice.from) return;
    const width = op.rows.reduce((w, r) => Math.max(w, r.length), 1);
    this.writeRows(sheet, (slice.appendAt ?? sheet.getLastRow() + 1) + slice.from, op.rows.slice(slice.from, slice.to).map((r) => pad(r, width)), op.numberFormats);
  }

  /** Rows from `top` down, each as wide as the widest, with the columns' number formats. */
  private writeRows(sheet: Sheet, top: number, rows: Array<Array<CellValue | undefined>>, numberFormats: AppendRows['numberFormats']): void {
    this.writeBlock(sheet, top, 1, rows);
    numberFormats?.forEach((format, j) => {
      if (format) this.columnFormat(sheet, j + 1, top, top + rows.length - 1, format);
    });
  }

  /** Whole rows inserted before `at` (ranges across it grow, as Sheets grows them), then written as appendRows writes. */
  private insertRows(sheet: Sheet, op: InsertRows): void {
    if (op.rows.length === 0) return;
    // a row past the grid's end needs no insert: writing it grows the grid
    if (op.at <= sheet.getMaxRows()) sheet.insertRowsBefore(op.at, op.rows.length);
    const width = op.rows.reduce((w, r) => Math.max(w, r.length), 1);
    this.writeRows(sheet, op.at, op.rows.map((r) => pad(r, width)), op.numberFormats);
  }

  /** Bottom-up, one call per run of adjacent rows, so the row numbers still to delete stay valid. */
  private deleteRows(sheet: Sheet, op: DeleteRows): void {
    const rows = [...new Set(op.rows)].filter((r) => r >= 1 && r <= sheet.getMaxRows()).sort((a, b) => a - b);
    for (const [from, to] of rowRuns(rows).reverse()) sheet.deleteRows(from, to - from + 1);
  }

  private setValidation(sheet: Sheet, op: SetValidation): void {
    const range = this.rangeOf(sheet, { top: op.fromRow, bottom: op.toRow, left: op.column, right: op.column });
    range.setDataValidation(buildValidation(op, this.services.app, this.spreadsheet, this.clock));
  }

  private colourCells(sheet: Sheet, op: ColourCells): void {
    const right = op.wholeRow ? Math.max(sheet.getLastColumn(), op.column) : op.column;
    const left = op.wholeRow ? 1 : op.column;
    const rect: Rect = { top: op.fromRow, bottom: op.toRow, left, right };
    const range = this.rangeOf(sheet, rect);
    const key = `${formatRange(rect)}|${op.wholeRow ? columnLetter(op.column) : ''}`;
    replaceColourRules(sheet, key, buildColourRules(op, range, this.services.app));
  }

  private highlightRows(sheet: Sheet, op: HighlightRows): void {
    const right = Math.max(sheet.getLastColumn(), 1);
    const rows = [...new Set(op.rows)].sort((a, b) => a - b);
    for (const [from, to] of rowRuns(rows)) this.rangeOf(sheet, { top: from, bottom: to, left: 1, right }).setBackground(op.fill);
  }

  private formatSheet(sheet: Sheet, op: FormatSheet): void {
    const headerRow = op.headerRow ?? 1;
    if (op.freezeHeader) sheet.setFrozenRows(headerRow);
    const used: Rect = { top: headerRow, left: 1, bottom: Math.max(sheet.getLastRow(), headerRow + 1), right: Math.max(sheet.getLastColumn(), 1) };
    if (op.table) this.putTable(sheet, used);
    else if (op.autoFilter) this.putFilter(sheet, used);
    for (const f of op.columnFormats ?? []) this.columnFormat(sheet, f.column, f.fromRow, f.toRow, f.format);
    for (const w of op.columnWidths ?? []) sheet.setColumnWidth(w.column, Math.round(w.width * PIXELS_PER_CHARACTER));
  }

  private addChart(sheet: Sheet, op: AddChart): void {
    sheet.insertChart(buildChart(this.spreadsheet, sheet, op.chart));
  }

  /**
   * A filter on the column hiding the shown texts of the rows that do not match (Sheets filters compare
   * what cells show). Rows hidden before, by hand or by other columns' criteria, are shown again: the filter
   * replaces what was hidden, as in the in-memory reference.
   */
  private applyFilter(sheet: Sheet, op: ApplyFilter): void {
    const headerRow = op.headerRow ?? 1;
    const lastRow = Math.max(sheet.getLastRow(), headerRow + 1);
    const lastColumn = Math.max(sheet.getLastColumn(), op.column);
    sheet.showRows(1, sheet.getMaxRows());
    const block = sheet.getRange(headerRow + 1, op.column, lastRow - headerRow, 1);
    const values = block.getValues();
    const shown = block.getDisplayValues();
    const wanted = new Set(op.values);
    const hide = new Set<string>();
    const keep = new Set<string>();
    values.forEach((row, i) => (wanted.has(cellText(fromSheetValue(row[0], this.clock))) ? keep : hide).add(shown[i][0]));
    for (const text of keep) hide.delete(text);
    const filter = this.putFilter(sheet, { top: headerRow, left: 1, bottom: lastRow, right: lastColumn });
    if (hide.size) filter.setColumnFilterCriteria(op.column, this.services.app.newFilterCriteria().setHiddenValues([...hide]).build());
  }

  /** Shows every row again; the filter itself (its buttons in the header) stays. */
  private clearFilter(sheet: Sheet): void {
    const filter = sheet.getFilter();
    if (filter) {
      const range = filter.getRange();
      for (let c = range.getColumn(); c < range.getColumn() + range.getNumColumns(); c++) {
        if (filter.getColumnFilterCriteria(c)) filter.removeColumnFilterCriteria(c);
      }
    }
    sheet.showRows(1, sheet.getMaxRows());
  }
}
