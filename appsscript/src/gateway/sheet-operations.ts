/**
 * What the SpreadsheetApp gateway does to one sheet that exists: blocks of values (strings as literal
 * text, cells.ts; dates in the spreadsheet's zone, clock.ts), number formats, rows inserted and deleted,
 * validations, colour rules, filters and "tables" (a filter plus alternating colours, since Sheets has no
 * named tables), charts, and the clearing of a result sheet before it is written again.
 */
import type { AddChart, AppendRows, ApplyFilter, ColourCells, DeleteRows, FormatSheet, HighlightRows, InsertRows, SetValidation } from '../../../src/workbook/operations';
import { cellText, formatRange, type Rect } from '../../../src/workbook/memory';
import { rowRuns, type CellValue } from '../../../src/workbook/snapshot';
import { columnLetter } from '../../../src/workbook/a1';
import { buildChart } from './charts';
import { fromSheetValue, toSheetValue, type SheetValue } from './cells';
import type { FormatDate, SpreadsheetClock } from './clock';
import { columnRange, ensureGridSize } from './grid';
import { buildColourRules, buildValidation, replaceColourRules, type RuleFactories } from './rules';
import { ROWS_PER_BLOCK } from './blocks';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Pixels per character of column width (Sheets measures columns in pixels, the plan in characters). */
const PIXELS_PER_CHARACTER = 7;

/** What the gateway is built from: the spreadsheet, the SpreadsheetApp factories it needs, Utilities.formatDate. */
export interface SpreadsheetAppServices {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  app: RuleFactories & Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'newFilterCriteria' | 'BandingTheme'>;
  formatDate: FormatDate;
}

/** A row as wide as `width`, its missing cells undefined (left as they are). */
export function pad(row: readonly (CellValue | undefined)[], width: number): (CellValue | undefined)[] {
  return Array.from({ length: width }, (_, j) => row[j]);
}

export class SheetOperations {
  constructor(
    private readonly services: SpreadsheetAppServices,
    private readonly clock: SpreadsheetClock,
  ) {}

  private get spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return this.services.spreadsheet;
  }

  /** One setValues per ROWS_PER_BLOCK rows of a rectangle; `undefined` cells must not occur here. */
  writeBlock(sheet: Sheet, top: number, left: number, rows: (CellValue | undefined)[][]): void {
    if (rows.length === 0) return;
    const width = rows[0].length;
    ensureGridSize(sheet, top + rows.length - 1, left + width - 1);
    for (let start = 0; start < rows.length; start += ROWS_PER_BLOCK) {
      const chunk = rows.slice(start, start + ROWS_PER_BLOCK).map((row) => row.map((v): SheetValue => toSheetValue(v, this.clock)));
      sheet.getRange(top + start, left, chunk.length, width).setValues(chunk);
    }
  }

  columnFormat(sheet: Sheet, column: number, fromRow: number, toRow: number, format: string): void {
    if (toRow >= fromRow) columnRange(sheet, column, fromRow, toRow).setNumberFormat(format);
  }

  /** A column's width, given in characters. */
  columnWidth(sheet: Sheet, column: number, characters: number): void {
    sheet.setColumnWidth(column, Math.round(characters * PIXELS_PER_CHARACTER));
  }

  hideColumn(sheet: Sheet, column: number): void {
    ensureGridSize(sheet, 1, column);
    sheet.hideColumns(column);
  }

  rangeOf(sheet: Sheet, rect: Rect): GoogleAppsScript.Spreadsheet.Range {
    ensureGridSize(sheet, rect.bottom, rect.right);
    return sheet.getRange(rect.top, rect.left, rect.bottom - rect.top + 1, rect.right - rect.left + 1);
  }

  /** Sheets allows one filter per sheet: the new one replaces it. */
  putFilter(sheet: Sheet, rect: Rect): GoogleAppsScript.Spreadsheet.Filter {
    sheet.getFilter()?.remove();
    return this.rangeOf(sheet, rect).createFilter();
  }

  /** A "table": filter plus alternating colours (which Sheets refuses over existing ones, so those go first). */
  putTable(sheet: Sheet, rect: Rect): void {
    this.putFilter(sheet, rect);
    for (const banding of sheet.getBandings()) {
      const r = banding.getRange();
      const overlaps = r.getRow() <= rect.bottom && rect.top < r.getRow() + r.getNumRows() && r.getColumn() <= rect.right && rect.left < r.getColumn() + r.getNumColumns();
      if (overlaps) banding.remove();
    }
    this.rangeOf(sheet, rect).applyRowBanding(this.services.app.BandingTheme.LIGHT_GREY);
  }

  /** Everything a result sheet holds, for `replace`; the sheet itself (and its id and tab colour) stays. */
  clearSheet(sheet: Sheet): void {
    sheet.clear();
    sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).clearDataValidations();
    sheet.clearConditionalFormatRules();
    sheet.getFilter()?.remove();
    sheet.getBandings().forEach((b) => b.remove());
    sheet.getCharts().forEach((c) => sheet.removeChart(c));
    sheet.setFrozenRows(0);
    sheet.showColumns(1, sheet.getMaxColumns());
    sheet.showRows(1, sheet.getMaxRows());
  }

  /** Rows from `top` down, each as wide as the widest, with the columns' number formats. */
  writeRows(sheet: Sheet, top: number, rows: Array<Array<CellValue | undefined>>, numberFormats: AppendRows['numberFormats']): void {
    this.writeBlock(sheet, top, 1, rows);
    numberFormats?.forEach((format, j) => {
      if (format) this.columnFormat(sheet, j + 1, top, top + rows.length - 1, format);
    });
  }

  /** Whole rows inserted before `at` (ranges across it grow, as Sheets grows them), then written as appendRows writes. */
  insertRows(sheet: Sheet, op: InsertRows): void {
    if (op.rows.length === 0) return;
    // a row past the grid's end needs no insert: writing it grows the grid
    if (op.at <= sheet.getMaxRows()) sheet.insertRowsBefore(op.at, op.rows.length);
    const width = op.rows.reduce((w, r) => Math.max(w, r.length), 1);
    this.writeRows(sheet, op.at, op.rows.map((r) => pad(r, width)), op.numberFormats);
  }

  /** Bottom-up, one call per run of adjacent rows, so the row numbers still to delete stay valid. */
  deleteRows(sheet: Sheet, op: DeleteRows): void {
    const rows = [...new Set(op.rows)].filter((r) => r >= 1 && r <= sheet.getMaxRows()).sort((a, b) => a - b);
    for (const [from, to] of rowRuns(rows).reverse()) sheet.deleteRows(from, to - from + 1);
  }

  setValidation(sheet: Sheet, op: SetValidation): void {
    const range = this.rangeOf(sheet, { top: op.fromRow, bottom: op.toRow, left: op.column, right: op.column });
    range.setDataValidation(buildValidation(op, this.services.app, this.spreadsheet, this.clock));
  }

  colourCells(sheet: Sheet, op: ColourCells): void {
    const right = op.wholeRow ? Math.max(sheet.getLastColumn(), op.column) : op.column;
    const left = op.wholeRow ? 1 : op.column;
    const rect: Rect = { top: op.fromRow, bottom: op.toRow, left, right };
    const range = this.rangeOf(sheet, rect);
    const key = `${formatRange(rect)}|${op.wholeRow ? columnLetter(op.column) : ''}`;
    replaceColourRules(sheet, key, buildColourRules(op, range, this.services.app));
  }

  highlightRows(sheet: Sheet, op: HighlightRows): void {
    const right = Math.max(sheet.getLastColumn(), 1);
    const rows = [...new Set(op.rows)].sort((a, b) => a - b);
    for (const [from, to] of rowRuns(rows)) this.rangeOf(sheet, { top: from, bottom: to, left: 1, right }).setBackground(op.fill);
  }

  formatSheet(sheet: Sheet, op: FormatSheet): void {
    const headerRow = op.headerRow ?? 1;
    if (op.freezeHeader) sheet.setFrozenRows(headerRow);
    const used: Rect = { top: headerRow, left: 1, bottom: Math.max(sheet.getLastRow(), headerRow + 1), right: Math.max(sheet.getLastColumn(), 1) };
    if (op.table) this.putTable(sheet, used);
    else if (op.autoFilter) this.putFilter(sheet, used);
    for (const f of op.columnFormats ?? []) this.columnFormat(sheet, f.column, f.fromRow, f.toRow, f.format);
    for (const w of op.columnWidths ?? []) this.columnWidth(sheet, w.column, w.width);
  }

  addChart(sheet: Sheet, op: AddChart): void {
    sheet.insertChart(buildChart(this.spreadsheet, sheet, op.chart));
  }

  /**
   * A filter on the column hiding the shown texts of the rows that do not match (Sheets filters compare
   * what cells show). Rows hidden before, by hand or by other columns' criteria, are shown again: the filter
   * replaces what was hidden, as in the in-memory reference.
   */
  applyFilter(sheet: Sheet, op: ApplyFilter): void {
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
  clearFilter(sheet: Sheet): void {
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
