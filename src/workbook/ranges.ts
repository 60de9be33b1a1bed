/**
 * A1 ranges of the in-memory workbook: parsing and writing `K2:K5001`, and the arithmetic that moves and
 * cuts them when rows are inserted or deleted or a rule replaces part of another.
 */
import { columnLetter, columnNumber } from './a1';
import type { CellAddress } from './operations';

/** A rectangle of cells, 1-based and inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A range after `count` whole rows are inserted before row `at`, as Excel and Sheets move it: a range that
 * runs across row `at` (starting above it) grows, one starting at or below it moves down.
 */
export function rectWithRowsInserted<R extends Rect>(rect: R, at: number, count: number): R {
  return { ...rect, top: rect.top >= at ? rect.top + count : rect.top, bottom: rect.bottom >= at ? rect.bottom + count : rect.bottom };
}

/** `A1`, `K2:K5001`, `$A$2:$A$21` (absolute markers and a `'Sheet'!` prefix are ignored). */
export function parseRange(a1: string): Rect {
  const bare = a1.includes('!') ? a1.slice(a1.lastIndexOf('!') + 1) : a1;
  const [first, second = first] = bare.replace(/\$/g, '').split(':');
  const cell = (ref: string): CellAddress => {
    const m = /^([A-Za-z]+)(\d+)$/.exec(ref);
    if (!m) throw new Error(`Not an A1 cell reference: ${ref} (in ${a1})`);
    return { column: columnNumber(m[1]), row: Number(m[2]) };
  };
  const a = cell(first);
  const b = cell(second);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

export function cellA1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** `K2:K9`, or `K2` for a single cell. */
export function formatRange(rect: Rect): string {
  const start = cellA1(rect.top, rect.left);
  const end = cellA1(rect.bottom, rect.right);
  return start === end ? start : `${start}:${end}`;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}


/** The parts of `a` outside `b` as at most four rectangles (above, below, left, right). */
export function subtractRect(a: Rect, b: Rect): Rect[] {
  if (!overlaps(a, b)) return [a];
  const parts: Rect[] = [];
  if (a.top < b.top) parts.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) parts.push({ ...a, top: b.bottom + 1 });
  const middle = { top: Math.max(a.top, b.top), bottom: Math.min(a.bottom, b.bottom) };
  if (a.left < b.left) parts.push({ ...middle, left: a.left, right: b.left - 1 });
  if (a.right > b.right) parts.push({ ...middle, left: b.right + 1, right: a.right });
  return parts;
}
