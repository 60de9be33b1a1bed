/**
 * How cell values cross Office.js: Excel stores dates as serial numbers shown through a date format, and
 * parses every string it is given as if the user typed it. These pure helpers convert both ways.
 */
import type { CellValue } from '../../src/workbook/snapshot';
import { FORMAT_DATE, FORMAT_DATETIME } from '../../src/workbook/operations';
import { literalCellInput } from '../../src/workbook/literal-text';
import { dateToSerial, serialToDate } from '../../src/workbook/serial';


/** Whether a number format shows a date or a time (`dd.mm.yyyy`, `m/d/yy h:mm`, `[$-419]d mmmm`). */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string' || format === 'General' || format === '@') return false;
  const bare = format
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .split(';')[0];
  return /[dmyhs]/i.test(bare);
}

/** The format a Date gets when the operation names none: a date, or a date and time. */
export function defaultDateFormat(date: Date): string {
  return date.getUTCHours() || date.getUTCMinutes() || date.getUTCSeconds() ? FORMAT_DATETIME : FORMAT_DATE;
}

/**
 * The value to put into `Range.values` for a cell. User strings stay literal text through Excel's
 * quote prefix: `'=1+1` is stored as the text `=1+1` and read back without the apostrophe, and the cell's
 * number format is left as the user had it (a text format `@` would also work, but would change the
 * format of the user's cells and turn numbers typed there later into text).
 * Empty cells are written as '' (in Office.js a null in a written array means "leave the cell").
 */
export function excelInput(value: CellValue): string | number | boolean {
  if (value === null) return '';
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === 'string') return literalCellInput(value);
  if (typeof value === 'number' && !Number.isFinite(value)) return '';
  return value;
}

/** A cell as read: '' is empty, a number under a date format is a Date. */
export function snapshotValue(value: unknown, format: unknown): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'number') return isDateFormat(format) ? serialToDate(value) : value;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  return String(value);
}
