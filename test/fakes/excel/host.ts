/**
 * What the fake Excel holds: sheets of cells plus the sheet-level objects the gateway creates. It is
 * deliberately as hostile as Excel: a string written through `Range.values` is parsed the way Excel
 * parses typed input (`=…`, `+…`, `-…`, `@…` become formulas, numeric and date-like text becomes a
 * number, TRUE/FALSE a boolean) unless it starts with an apostrophe, which is dropped. `null` in a
 * written array leaves its cell alone, as in Office.js; a JS Date is refused (Excel takes serials).
 */
import { columnLetter, columnNumber } from '../../../src/workbook/a1';
import { rectWithRowsInserted } from '../../../src/workbook/memory';

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type StoredValue = string | number | boolean;

export interface FakeCell {
  value: StoredValue;
  formula?: string;
  format: string;
  fill?: string;
}

export interface FakeValidation {
  rect: Rect;
  rule: Excel.DataValidationRule;
  errorAlert?: Excel.DataValidationErrorAlert;
  prompt?: Excel.DataValidationPrompt;
}

export interface StoredConditionalFormat {
  id: number;
  rect: Rect;
  type: string;
  formula: string;
  fill?: string;
  fontColor?: string;
}

export interface FakeSeries {
  name: string;
  values: string | null;
  xValues: string | null;
  chartType?: string;
  axisGroup: string;
}

export interface FakeChart {
  id: number;
  name: string;
  type: string;
  title: string;
  /** A1 of the top-left cell the chart was positioned at. */
  position: string | null;
  /** Points, as Office.js has them. */
  width: number;
  height: number;
  series: FakeSeries[];
}

export interface FakeTable {
  name: string;
  /** The whole table, header row included. */
  rect: Rect;
  /** The table's own filter: criteria by 0-based column index within the table (a table ignores the sheet's AutoFilter). */
  criteria: Map<number, Excel.FilterCriteria>;
}

export interface FakeAutoFilter {
  rect: Rect;
  /** Criteria by 0-based column index within the filtered range. */
  criteria: Map<number, Excel.FilterCriteria>;
}

export interface FakeSheet {
  name: string;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  tabColor: string;
  /** [row - 1][column - 1] */
  cells: (FakeCell | undefined)[][];
  /** Rows hidden by hand (a filter's hidden rows are computed from its criteria). */
  manuallyHidden: Set<number>;
  frozenRows: number;
  validations: FakeValidation[];
  /** In priority order: index 0 is applied first. */
  conditionalFormats: StoredConditionalFormat[];
  tables: FakeTable[];
  autoFilter: FakeAutoFilter | null;
  charts: FakeChart[];
  columnWidths: Map<number, number>;
  hiddenColumns: Set<number>;
  /** Merged areas (set up by tests). */
  merged: Rect[];
}

export function newSheet(name: string): FakeSheet {
  return {
    name,
    visibility: 'Visible',
    tabColor: '',
    cells: [],
    manuallyHidden: new Set(),
    frozenRows: 0,
    validations: [],
    conditionalFormats: [],
    tables: [],
    autoFilter: null,
    charts: [],
    columnWidths: new Map(),
    hiddenColumns: new Set(),
    merged: [],
  };
}

// ---------------------------------------------------------------------------------------------------
// A1

/** `A1`, `A1:C5`, `2:5` (whole rows), `B:B` (whole columns), with or without `'Sheet'!` and `$`. */
export function parseAddress(address: string): { sheet?: string; rect: Rect } {
  let sheet: string | undefined;
  let ref = address;
  const bang = address.lastIndexOf('!');
  if (bang >= 0) {
    sheet = address.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    ref = address.slice(bang + 1);
  }
  const [a, b = a] = ref.replace(/\$/g, '').split(':');
  const part = (p: string) => {
    const m = /^([A-Za-z]*)(\d*)$/.exec(p);
    if (!m || (!m[1] && !m[2])) throw new Error(`InvalidArgument: bad address ${address}`);
    return { column: m[1] ? columnNumber(m[1]) : 0, row: m[2] ? Number(m[2]) : 0 };
  };
  const p = part(a);
  const q = part(b);
  return {
    sheet,
    rect: {
      top: p.row || 1,
      left: p.column || 1,
      bottom: q.row || MAX_ROWS,
      right: q.column || MAX_COLUMNS,
    },
  };
}

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export function formatAddress(rect: Rect): string {
  const a = `${columnLetter(rect.left)}${rect.top}`;
  const b = `${columnLetter(rect.right)}${rect.bottom}`;
  return a === b ? a : `${a}:${b}`;
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function subtract(a: Rect, b: Rect): Rect[] {
  if (!overlaps(a, b)) return [a];
  const parts: Rect[] = [];
  if (a.top < b.top) parts.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) parts.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) parts.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) parts.push({ top, bottom, left: b.right + 1, right: a.right });
  return parts;
}

// ---------------------------------------------------------------------------------------------------
// Cells

export function cellAt(sheet: FakeSheet, row: number, column: number): FakeCell | undefined {
  return sheet.cells[row - 1]?.[column - 1];
}

export function cellFor(sheet: FakeSheet, row: number, column: number): FakeCell {
  const r = (sheet.cells[row - 1] ??= []);
  return (r[column - 1] ??= { value: '', format: 'General' });
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const RU_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** Excel's reading of a typed string: what a careless gateway would get. */
export function parseInput(text: string): { value: StoredValue; formula?: string; dateFormat?: string } {
  if (text.startsWith("'")) return { value: text.slice(1) };
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed) };
  if (/^[=+\-@]/.test(text)) return { value: '#NAME?', formula: text.startsWith('=') ? text : `=${text}` };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const date = RU_DATE.exec(trimmed);
  if (date) return { value: Date.UTC(+date[3], +date[2] - 1, +date[1]) / 86400000 + 25569, dateFormat: 'dd.mm.yyyy' };
  return { value: text };
}

/** Write one element of a `values` array the way Excel would. */
export function writeInput(sheet: FakeSheet, row: number, column: number, input: unknown): void {
  if (input === null || input === undefined) return;
  if (input instanceof Date) throw new Error('InvalidArgument: a Date object is not a cell value (write a serial)');
  const cell = cellFor(sheet, row, column);
  delete cell.formula;
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  if (typeof input !== 'string') throw new Error(`InvalidArgument: ${typeof input} is not a cell value`);
  const parsed = parseInput(input);
  cell.value = parsed.value;
  if (parsed.formula) cell.formula = parsed.formula;
  if (parsed.dateFormat && cell.format === 'General') cell.format = parsed.dateFormat;
}

/** The last row and column holding a value or formula, 0 when the sheet is empty. */
export function usedExtent(sheet: FakeSheet): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  sheet.cells.forEach((row, r) => row?.forEach((cell, c) => {
    if (cell && (cell.value !== '' || cell.formula)) {
      rows = Math.max(rows, r + 1);
      columns = Math.max(columns, c + 1);
    }
  }));
  return { rows, columns };
}

/** The text a filter compares: the displayed value, dates by their `dd.mm.yyyy` style formats. */
export function displayText(cell: FakeCell | undefined): string {
  if (!cell || cell.value === '') return '';
  if (typeof cell.value === 'number' && /[dy]/i.test(cell.format.replace(/"[^"]*"/g, ''))) {
    const d = new Date(Math.round((cell.value - 25569) * 86400000));
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
  }
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  return String(cell.value);
}

/** Data rows (below the header row of `rect`) whose cells fail any of the criteria: what a values filter hides. */
function filteredOut(sheet: FakeSheet, rect: Rect, criteria: Map<number, Excel.FilterCriteria>, hidden: Set<number>): void {
  const wanted = [...criteria].map(([index, criterion]) => ({ index, values: new Set((criterion.values ?? []) as string[]) }));
  for (let r = rect.top + 1; r <= rect.bottom; r++) {
    for (const { index, values } of wanted) {
      if (!values.has(displayText(cellAt(sheet, r, rect.left + index)))) hidden.add(r);
    }
  }
}

/** Rows hidden by hand, by the sheet's filter or by a table's filter (a hidden row is hidden sheet-wide). */
export function hiddenRows(sheet: FakeSheet): Set<number> {
  const hidden = new Set(sheet.manuallyHidden);
  if (sheet.autoFilter) filteredOut(sheet, sheet.autoFilter.rect, sheet.autoFilter.criteria, hidden);
  for (const table of sheet.tables) filteredOut(sheet, table.rect, table.criteria, hidden);
  return hidden;
}

// ---------------------------------------------------------------------------------------------------
// Deleting rows: everything attached to the cells moves up, ranges shrink (as Excel does).

export function deleteRows(sheet: FakeSheet, top: number, bottom: number): void {
  const count = bottom - top + 1;
  sheet.cells.splice(top - 1, count);
  const shift = (rect: Rect): Rect | null => {
    const above = (row: number) => Math.max(0, Math.min(row, bottom) - top + 1);
    const newTop = rect.top - above(rect.top - 1);
    const newBottom = rect.bottom - above(rect.bottom);
    return newBottom < newTop ? null : { ...rect, top: newTop, bottom: newBottom };
  };
  const shiftAll = <T extends { rect: Rect }>(items: T[]): T[] =>
    items.flatMap((item) => {
      const rect = shift(item.rect);
      return rect ? [{ ...item, rect }] : [];
    });
  sheet.validations = shiftAll(sheet.validations);
  sheet.conditionalFormats = shiftAll(sheet.conditionalFormats);
  sheet.tables = shiftAll(sheet.tables);
  if (sheet.autoFilter) {
    const rect = shift(sheet.autoFilter.rect);
    sheet.autoFilter = rect ? { ...sheet.autoFilter, rect } : null;
  }
  sheet.manuallyHidden = new Set([...sheet.manuallyHidden].filter((r) => r < top || r > bottom).map((r) => (r > bottom ? r - count : r)));
}

/** Whole rows inserted before row `top`: everything from there down moves down, ranges across it grow (as Excel does). */
export function insertRows(sheet: FakeSheet, top: number, count: number): void {
  if (sheet.cells.length >= top) sheet.cells.splice(top - 1, 0, ...new Array<undefined>(count).fill(undefined).map(() => []));
  const shiftAll = <T extends { rect: Rect }>(items: T[]): T[] => items.map((item) => ({ ...item, rect: rectWithRowsInserted(item.rect, top, count) }));
  sheet.validations = shiftAll(sheet.validations);
  sheet.conditionalFormats = shiftAll(sheet.conditionalFormats);
  sheet.tables = shiftAll(sheet.tables);
  if (sheet.autoFilter) sheet.autoFilter = { ...sheet.autoFilter, rect: rectWithRowsInserted(sheet.autoFilter.rect, top, count) };
  sheet.manuallyHidden = new Set([...sheet.manuallyHidden].map((r) => (r >= top ? r + count : r)));
}

export function clearRect(sheet: FakeSheet, rect: Rect, what: 'All' | 'Contents' | 'Formats'): void {
  for (let r = rect.top; r <= Math.min(rect.bottom, sheet.cells.length); r++) {
    const row = sheet.cells[r - 1];
    if (!row) continue;
    for (let c = rect.left; c <= Math.min(rect.right, row.length); c++) {
      const cell = row[c - 1];
      if (!cell) continue;
      if (what !== 'Formats') {
        cell.value = '';
        delete cell.formula;
      }
      if (what !== 'Contents') {
        cell.format = 'General';
        delete cell.fill;
      }
    }
  }
  if (what !== 'Contents') {
    sheet.conditionalFormats = sheet.conditionalFormats.flatMap((cf) => subtract(cf.rect, rect).map((part) => ({ ...cf, rect: part })));
  }
}
