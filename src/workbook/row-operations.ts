/**
 * The row operations of the plan language over in-memory sheets: appending, inserting and deleting rows.
 * Inserting and deleting splice every layer at once, so whatever belongs to a cell moves with it, and
 * ranges grow and shrink the way Excel and Sheets change theirs.
 */
import type { AppendRows, DeleteRows, InsertRows } from './operations';
import type { CellValue } from './snapshot';
import { formatRange, parseRange, rectWithRowsInserted } from './ranges';
import { lastUsedRow, setLayer, writeCell, type MemorySheet } from './memory-sheet';
import { ColumnRepeats } from './column-repeats';

/** A text with its own characters, not a view of the file's (a concatenation, flattened by the slice). */
function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

/**
 * One copy of each distinct text, per column. The rows of an import repeat a few managers, services and
 * clients a million times, and each text parsed from a file may be a slice of the file's whole text, which
 * a single kept slice keeps alive (200 MB for a 1,000,000-line export): the workbook keeps a fresh copy of
 * each distinct text instead, so it holds neither the repeats nor the file.
 *
 * A column whose texts do not repeat (order numbers, comments; see ColumnRepeats) is not pooled further:
 * each of its texts is copied. In one pool for all columns, a 500,000-line import looked up half a million
 * order numbers that never repeat among a million texts, which cost more than copying them; per-column
 * pools keep the repeating columns' look-ups in small tables.
 */
class TextPool {
  private readonly columns: Map<string, string>[] = [];
  private readonly repeats = new ColumnRepeats();

  get(column: number, text: string): string {
    if (!this.repeats.worthKeeping(column)) return ownCopy(text);
    const pool = (this.columns[column] ??= new Map());
    let kept = pool.get(text);
    this.repeats.count(column, kept !== undefined);
    if (kept !== undefined) return kept;
    kept = ownCopy(text);
    if (this.repeats.worthKeeping(column)) pool.set(kept, kept);
    else pool.clear();
    return kept;
  }

  row(row: readonly CellValue[]): CellValue[] {
    return row.map((value, column) => (typeof value === 'string' ? this.get(column, value) : value));
  }
}

/** Rows written from row `first` down, as appendRows and insertRows write them. */
function writeRows(sheet: MemorySheet, first: number, op: AppendRows | InsertRows): void {
  const formats = (op.numberFormats ?? []).flatMap((format, j) => (format ? [{ j, format }] : []));
  // Rows as wide as the formats take them as one frozen row, shared (setGridCell copies it on change).
  const sharedFormats = frozenFormatsRow(op.numberFormats ?? []);
  const pool = new TextPool();
  op.rows.forEach((row, i) => {
    const r = first + i;
    if (sheet.values[r - 1] === undefined) sheet.values[r - 1] = pool.row(row);
    else pool.row(row).forEach((value, j) => writeCell(sheet, r, j + 1, value));
    if (sharedFormats && sheet.formats[r - 1] === undefined && row.length >= sharedFormats.length) sheet.formats[r - 1] = sharedFormats;
    else for (const { j, format } of formats) if (j < row.length) setLayer(sheet, 'formats', r, j + 1, format);
  });
}

/**
 * The formats layer's row for the given column formats, the first of them in column `left`: cut after
 * the last format, no format a hole, frozen to be shared by many rows. Null when there is no format.
 */
export function frozenFormatsRow(numberFormats: readonly (string | null | undefined)[], left = 1): (string | undefined)[] | null {
  const row: (string | undefined)[] = [];
  numberFormats.forEach((format, j) => {
    if (format) row[left - 1 + j] = format;
  });
  return row.length === 0 ? null : (Object.freeze(row) as (string | undefined)[]);
}

/**
 * Rows start in column A right below the last row with a value or formula (row 1 on an empty sheet).
 * Below that row there are no formulas and no values, so a row that is not there yet is taken whole (an
 * import appends a million rows), its texts pooled.
 */
export function applyAppendRows(sheet: MemorySheet, op: AppendRows): void {
  writeRows(sheet, lastUsedRow(sheet) + 1, op);
}

/**
 * Every range kept on the sheet (validations, conditional formats, tables, autofilter, merges), moved
 * as rows come or go; a range `move` returns null for is gone.
 */
function moveRanges(sheet: MemorySheet, move: (a1: string) => string | null): void {
  const moveAll = <T extends { range: string }>(items: T[]): T[] =>
    items.flatMap((item) => {
      const range = move(item.range);
      return range ? [{ ...item, range }] : [];
    });
  sheet.validations = moveAll(sheet.validations);
  sheet.conditionalFormats = moveAll(sheet.conditionalFormats);
  sheet.hostValidations = moveAll(sheet.hostValidations);
  sheet.hostConditionalFormats = moveAll(sheet.hostConditionalFormats);
  sheet.tables = moveAll(sheet.tables);
  sheet.autoFilter = sheet.autoFilter ? move(sheet.autoFilter) : null;
  sheet.mergedRanges = sheet.mergedRanges.flatMap((m) => move(m) ?? []);
}

/** The grid with `count` empty rows before row `at` (1-based); a grid that ends above `at` is left as it is. */
function withRowsInserted<T>(grid: T[][], at: number, count: number): T[][] {
  if (grid.length < at) return grid;
  const moved: T[][] = [];
  for (let r = 0; r < grid.length; r++) if (grid[r]) moved[r < at - 1 ? r : r + count] = grid[r];
  return moved;
}

/**
 * Rows from `at` down move down, with everything attached to their cells. Ranges grow the way Excel and
 * Sheets grow them: one running across row `at` (starting above it) takes the new rows in, one starting
 * at or below it moves down. Frozen rows stay.
 */
export function applyInsertRows(sheet: MemorySheet, op: InsertRows): void {
  const count = op.rows.length;
  if (count === 0) return;
  if (op.at < 2 || op.at > lastUsedRow(sheet) + 1) throw new RangeError(`insertRows on «${op.sheet}»: row ${op.at} is outside 2..${lastUsedRow(sheet) + 1}`);
  sheet.values = withRowsInserted(sheet.values, op.at, count);
  sheet.formats = withRowsInserted(sheet.formats, op.at, count);
  sheet.fills = withRowsInserted(sheet.fills, op.at, count);
  sheet.formulas = withRowsInserted(sheet.formulas, op.at, count);
  sheet.hostStyles = withRowsInserted(sheet.hostStyles, op.at, count);
  moveRanges(sheet, (a1) => formatRange(rectWithRowsInserted(parseRange(a1), op.at, count)));
  sheet.hiddenRows = new Set([...sheet.hiddenRows].map((row) => (row >= op.at ? row + count : row)));
  writeRows(sheet, op.at, op);
}

/** The grid without the given rows (1-based), in one pass; empty rows stay holes. */
function withoutRows<T>(grid: T[][], deleted: Set<number>): T[][] {
  const kept: T[][] = [];
  let target = 0;
  for (let r = 0; r < grid.length; r++) {
    if (deleted.has(r + 1)) continue;
    if (grid[r]) kept[target] = grid[r];
    target++;
  }
  return kept;
}

/**
 * Rows below move up, with everything attached to their cells. Ranges (validations, conditional formats,
 * tables, autofilter, merges) shrink the way Excel shrinks them: rows deleted inside a range are taken out
 * of it, rows deleted above it shift it up; a range left with no rows disappears. Frozen rows stay.
 */
export function applyDeleteRows(sheet: MemorySheet, op: DeleteRows): void {
  const deleted = new Set(op.rows.filter((r) => r >= 1));
  if (deleted.size === 0) return;
  sheet.values = withoutRows(sheet.values, deleted);
  sheet.formats = withoutRows(sheet.formats, deleted);
  sheet.fills = withoutRows(sheet.fills, deleted);
  sheet.formulas = withoutRows(sheet.formulas, deleted);
  sheet.hostStyles = withoutRows(sheet.hostStyles, deleted);
  const ascending = [...deleted].sort((a, b) => a - b);
  const deletedUpTo = (row: number) => {
    let n = 0;
    for (const r of ascending) if (r <= row) n++;
    return n;
  };
  moveRanges(sheet, (a1) => {
    const rect = parseRange(a1);
    const top = rect.top - deletedUpTo(rect.top - 1);
    const bottom = rect.bottom - deletedUpTo(rect.bottom);
    return bottom < top ? null : formatRange({ ...rect, top, bottom });
  });
  sheet.hiddenRows = new Set([...sheet.hiddenRows].filter((r) => !deleted.has(r)).map((r) => r - deletedUpTo(r)));
}
