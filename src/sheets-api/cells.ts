/**
 * Values, formats and colours in the Sheets API's terms.
 *
 * Strings go as `stringValue`, which the API stores as literal text (the batchUpdate counterpart of the
 * values API's `RAW` input): `=HYPERLINK(…)`, `+7 912…` or `-5` can never become a formula or a number.
 * Dates cross as serial numbers (days since 1899-12-30) whose wall-clock time is the Date's UTC fields,
 * so no time zone is involved either way.
 */
import type { sheets_v4 } from 'googleapis';
import type { CellValue } from '../workbook/snapshot';
import { dateToSerial } from '../workbook/serial';


export function cellData(value: CellValue | undefined): sheets_v4.Schema$CellData {
  if (value === null || value === undefined || value === '') return {};
  if (typeof value === 'string') return { userEnteredValue: { stringValue: value } };
  if (typeof value === 'number') return { userEnteredValue: { numberValue: value } };
  if (typeof value === 'boolean') return { userEnteredValue: { boolValue: value } };
  return { userEnteredValue: { numberValue: dateToSerial(value) } };
}

export const DATE_PATTERN = 'dd.mm.yyyy';
export const DATE_TIME_PATTERN = 'dd.mm.yyyy hh:mm';

/** The format a date value needs to show as a date: date only at midnight, else date and time. */
export function dateFormatOf(date: Date): sheets_v4.Schema$NumberFormat {
  return Number.isInteger(dateToSerial(date)) ? { type: 'DATE', pattern: DATE_PATTERN } : { type: 'DATE_TIME', pattern: DATE_TIME_PATTERN };
}

/** A plan's number format (Excel codes) as the API's typed pattern. */
export function numberFormat(pattern: string): sheets_v4.Schema$NumberFormat {
  if (pattern === '@') return { type: 'TEXT', pattern };
  if (/y/i.test(pattern) && /h/i.test(pattern)) return { type: 'DATE_TIME', pattern };
  if (/[dy]/i.test(pattern)) return { type: 'DATE', pattern };
  if (pattern.includes('%')) return { type: 'PERCENT', pattern };
  return { type: 'NUMBER', pattern };
}

export function colour(hex: string): sheets_v4.Schema$Color {
  const n = parseInt(hex.replace('#', ''), 16);
  return { red: ((n >> 16) & 255) / 255, green: ((n >> 8) & 255) / 255, blue: (n & 255) / 255 };
}

export function hexColour(c: sheets_v4.Schema$Color | undefined): string {
  const part = (x: number | null | undefined) => Math.round((x ?? 0) * 255).toString(16).padStart(2, '0');
  return `#${part(c?.red)}${part(c?.green)}${part(c?.blue)}`.toUpperCase();
}

/** A 1-based inclusive rectangle as the API's 0-based, end-exclusive GridRange. */
export function gridRange(sheetId: number, top: number, left: number, bottom: number, right: number): sheets_v4.Schema$GridRange {
  return { sheetId, startRowIndex: top - 1, endRowIndex: bottom, startColumnIndex: left - 1, endColumnIndex: right };
}

/** `'Лист 1'!A1` style quoting of a sheet name in a formula or an A1 range. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
