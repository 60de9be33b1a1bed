/**
 * What the page's grid draws, made where the workbook is (the worker) and sent to the page: the sheet
 * tabs, and of the shown sheet its column widths, the numbers of its rows not hidden by a filter, its
 * header and the cells of a window of rows as text and colours. Never the whole workbook: a 150,000-row
 * orders sheet crosses as its row numbers and the few dozen rows in view.
 */
import type { Language } from '../core/model';
import { lastUsedColumn, lastUsedRow, type MemorySheet, type MemorySheets } from '../workbook/memory';
import { cellText, SheetPaint } from './cells';

export interface GridCell {
  text: string;
  fill?: string;
  fontColour?: string;
  /** A number: aligned right. */
  numeric?: boolean;
}

/** Cells of consecutive shown rows, from the `first`-th shown row. */
export interface RowWindow {
  sheet: string;
  /** The workbook's change count the cells are of: a window of an older version is dropped. */
  version: number;
  first: number;
  cells: GridCell[][];
}

export interface SheetPicture extends RowWindow {
  /** Names of the sheets not hidden, in tab order. */
  tabs: string[];
  /** Widths of the sheet's columns in pixels (its last used column is the last). */
  widths: number[];
  /** Spreadsheet row numbers (2…) not hidden by a filter, in order. */
  rows: Int32Array;
  /** Data rows, hidden ones included. */
  total: number;
  /** Columns (1-based) with a validation rule: their headers carry a dropdown mark. */
  validated: number[];
  header: GridCell[];
}

/** Spreadsheet rows 2..last that are not hidden. */
function shownRows(sheet: MemorySheet): Int32Array {
  const last = lastUsedRow(sheet);
  const rows = new Int32Array(Math.max(0, last - 1));
  let n = 0;
  for (let row = 2; row <= last; row++) if (!sheet.hiddenRows.has(row)) rows[n++] = row;
  return rows.slice(0, n);
}

/** Rows looked at to size a column the sheet gives no width: enough to see typical values, cheap to scan. */
const SIZING_ROWS = 200;
const CHAR_PX = 7;
const MIN_WIDTH_PX = 44;
const MAX_WIDTH_PX = 280;

/** Widths in pixels: the sheet's own (Excel counts characters) or, without one, fitted to the text. */
function columnWidths(sheet: MemorySheet, width: number, language: Language): number[] {
  const rows = Math.min(lastUsedRow(sheet), SIZING_ROWS + 1);
  return Array.from({ length: width }, (_, i) => {
    const column = i + 1;
    const chars = sheet.columnWidths.get(column);
    if (chars) return Math.min(MAX_WIDTH_PX, Math.round(chars * CHAR_PX + 12));
    let longest = 0;
    for (let row = 1; row <= rows; row++) {
      const text = cellText(sheet.values[row - 1]?.[column - 1], sheet.formats[row - 1]?.[column - 1], language);
      // The header is bold and may carry the dropdown mark.
      longest = Math.max(longest, row === 1 ? text.length + 2 : text.length);
    }
    return Math.max(MIN_WIDTH_PX, Math.min(MAX_WIDTH_PX, Math.round(longest * CHAR_PX + 14)));
  });
}

/** The grid's pictures of a workbook's sheets; one per sheet and version is kept, for the scrolling that follows. */
export class GridPainter {
  private kept: { sheet: MemorySheet; version: number; rows: Int32Array; width: number; paint: SheetPaint } | null = null;

  constructor(private readonly language: Language) {}

  /** The sheet named (the first shown one when there is none such), with `count` rows from the `first`-th. */
  picture(sheets: MemorySheets, version: number, name: string | null, first: number, count: number): SheetPicture {
    const visible = sheets.filter((s) => !s.hidden);
    const sheet = visible.find((s) => s.name === name) ?? visible[0];
    const tabs = visible.map((s) => s.name);
    if (!sheet) return { sheet: '', version, tabs, widths: [], rows: new Int32Array(0), total: 0, validated: [], header: [], first: 0, cells: [] };
    const { rows, width, paint } = this.prepare(sheet, version);
    const start = Math.max(0, Math.min(first, rows.length - count));
    return {
      ...this.cellsOf(sheet, version, start, count),
      tabs,
      widths: columnWidths(sheet, width, this.language),
      rows,
      total: Math.max(0, lastUsedRow(sheet) - 1),
      validated: [...paint.validatedColumns()],
      header: this.rowCells(sheet, 1),
    };
  }

  /** Cells of `count` shown rows from the `first`-th; null when the sheet is gone. */
  window(sheets: MemorySheets, version: number, name: string, first: number, count: number): RowWindow | null {
    const sheet = sheets.find((s) => s.name === name);
    if (!sheet) return null;
    this.prepare(sheet, version);
    return this.cellsOf(sheet, version, first, count);
  }

  private prepare(sheet: MemorySheet, version: number) {
    if (this.kept?.sheet !== sheet || this.kept.version !== version) {
      this.kept = { sheet, version, rows: shownRows(sheet), width: lastUsedColumn(sheet), paint: new SheetPaint(sheet) };
    }
    return this.kept;
  }

  private cellsOf(sheet: MemorySheet, version: number, first: number, count: number): RowWindow {
    const { rows } = this.prepare(sheet, version);
    const start = Math.max(0, first);
    const cells: GridCell[][] = [];
    for (let i = start; i < Math.min(rows.length, start + count); i++) cells.push(this.rowCells(sheet, rows[i]));
    return { sheet: sheet.name, version, first: start, cells };
  }

  private rowCells(sheet: MemorySheet, row: number): GridCell[] {
    const { width, paint } = this.kept!;
    const cells: GridCell[] = [];
    for (let column = 1; column <= width; column++) {
      const value = sheet.values[row - 1]?.[column - 1];
      const cell: GridCell = { text: cellText(value, sheet.formats[row - 1]?.[column - 1], this.language) };
      const colours = paint.paint(row, column);
      if (colours?.fill) cell.fill = colours.fill;
      if (colours?.fontColour) cell.fontColour = colours.fontColour;
      if (typeof value === 'number') cell.numeric = true;
      cells.push(cell);
    }
    return cells;
  }
}
