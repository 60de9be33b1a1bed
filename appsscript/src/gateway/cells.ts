/**
 * Cell values across SpreadsheetApp.
 *
 * `setValues` treats a string as if the user typed it: `=…` becomes a formula, `+7 912…` a formula error,
 * `-5` and `1 234,56` numbers, `01.02.2024` a date. Every string from user data must stay literal text, so a
 * string Sheets could reinterpret is written with a leading apostrophe, which Sheets takes as "this is text"
 * and drops: the cell holds exactly the string and `getValues` gives it back unchanged.
 *
 * Why not the `@` (plain text) number format: it changes the cell for good — a number or date the user later
 * types into a client's phone or amount cell would stay text — and it would add a format to every string cell.
 * The apostrophe affects only the value written. Strings that no parser would touch (`ООО «Ромашка»`) are
 * written as they are, so the formula bar shows no apostrophe for them.
 */
import { literalCellInput } from '../../../src/workbook/literal-text';
import type { CellValue } from '../../../src/workbook/snapshot';
import type { SpreadsheetClock } from './clock';

export type SheetValue = string | number | boolean | Date;

export function toSheetValue(value: CellValue | undefined, clock: SpreadsheetClock): SheetValue {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return clock.toInstant(value);
  if (typeof value === 'string') return literalCellInput(value);
  return value;
}

/** A value from `getValues`: '' is an empty cell, dates become wall-clock dates. */
export function fromSheetValue(value: unknown, clock: SpreadsheetClock): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (value instanceof Date) return clock.toWall(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

/** A row cut after its last non-empty cell. */
export function trimRow(row: CellValue[]): CellValue[] {
  let end = row.length;
  while (end > 0 && (row[end - 1] === null || row[end - 1] === '')) end--;
  return row.slice(0, end);
}
