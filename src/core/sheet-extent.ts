/**
 * How far a sheet's data reaches: its rows up to the last non-blank one, the columns in use, and stray
 * values far below the data, which are reported and not read.
 */
import type { CellValue, SheetSnapshot } from '../workbook/snapshot';
import { columnLetter } from '../workbook/a1';
import type { Problem } from './model';
import { message } from './messages/message';
import { cellText, isBlank } from './normalise/text';

/** The index of the last non-blank cell, -1 for a blank row. */
export function lastNonBlankIndex(cells: readonly CellValue[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (!isBlank(cells[i])) return i;
  return -1;
}

export function rowIsBlank(row: readonly CellValue[]): boolean {
  return lastNonBlankIndex(row) < 0;
}

/** More empty rows than this above the last few rows make those rows stray values far from the data. */
const STRAY_GAP = 1000;
/** At most this many rows beyond such a gap are taken for strays; more are data with a gap in it. */
const MOST_STRAY_ROWS = 10;

/**
 * The data of a sheet (rows below its header): how many rows it spans, and the indexes of stray rows — a
 * value or two far below the data (a cell typed at XFD1048576 by accident). Strays are reported and left
 * out of the data, so they change neither what is read nor how far the product's columns and rules reach.
 */
export function dataExtent(sheet: SheetSnapshot): DataExtent {
  let extent = extents.get(sheet);
  if (extent === undefined) extents.set(sheet, (extent = Object.freeze(measureExtent(sheet))));
  return extent;
}

export interface DataExtent {
  readonly rowCount: number;
  readonly stray: readonly number[];
}

/**
 * The extent of each snapshot of a sheet, measured once: snapshots never change, and the steps of a run
 * share the snapshot of a sheet none of them wrote (the 150,000 rows of the orders, each step scanned again).
 */
const extents = new WeakMap<SheetSnapshot, DataExtent>();
const widths = new WeakMap<SheetSnapshot, { rowCount: number; width: number }>();

function measureExtent(sheet: SheetSnapshot): DataExtent {
  const filled: number[] = [];
  for (let i = 0; i < sheet.rows.length; i++) if (!rowIsBlank(sheet.rows[i])) filled.push(i);
  for (let k = Math.max(0, filled.length - MOST_STRAY_ROWS); k < filled.length; k++) {
    const previous = k === 0 ? -1 : filled[k - 1];
    if (filled[k] - previous > STRAY_GAP) return { rowCount: previous + 1, stray: filled.slice(k) };
  }
  return { rowCount: filled.length ? filled[filled.length - 1] + 1 : 0, stray: [] };
}

/** Columns in use: up to the last non-blank header or the widest non-blank data cell of the first `rowCount` rows. */
export function usedWidth(sheet: SheetSnapshot, rowCount: number): number {
  const kept = widths.get(sheet);
  if (kept?.rowCount === rowCount) return kept.width;
  let width = lastNonBlankIndex(sheet.header) + 1;
  for (let i = 0; i < rowCount; i++) width = Math.max(width, lastNonBlankIndex(sheet.rows[i]) + 1);
  widths.set(sheet, { rowCount, width });
  return width;
}

/** One problem per value of a stray row, named by the cell's address. */
export function strayProblems(sheet: SheetSnapshot, name: string, headerRow: number, stray: readonly number[]): Problem[] {
  return stray.flatMap((index) => {
    const row = headerRow + 1 + index;
    return sheet.rows[index].flatMap((value, column) => {
      if (isBlank(value)) return [];
      const address = `${columnLetter(column + 1)}${row}`;
      return [{
        sheet: name,
        row,
        column: cellText(sheet.header[column]) || address,
        value: cellText(value),
        message: message('sheet.strayValue', { address }),
      }];
    });
  });
}
