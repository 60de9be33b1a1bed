/**
 * The in-memory workbook's sheet: a set of aligned per-cell grids ("layers": values, number formats,
 * static fills, formula texts, and an opaque per-cell style a host gateway may carry through, e.g. the
 * user's fonts and borders read from an .xlsx) plus the sheet-level parts of SheetState; and the cell
 * values it holds, copied out so no reader can change them.
 */
import type { CellValue } from './snapshot';
import type { Colour } from './operations';
import type { ConditionalFormatState, SheetState, ValidationState } from './state';
import type { Rect } from './ranges';

/**
 * A deep copy of plain data (rules, charts, states, whole sheets: objects, arrays with their holes, dates,
 * maps, sets, primitives); an object shared inside the value (a cell style) stays shared in the copy. Not
 * `structuredClone`: this module also runs inside Apps Script's V8, which lacks it (a test runs the
 * in-memory workbook without it), and in a worker its dates would belong to another realm, while the
 * core tells a date by `instanceof Date`.
 */
export function copyPlain<T>(value: T): T {
  return copyShared(value, new Map()) as T;
}

function copyShared(value: unknown, copies: Map<object, unknown>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return new Date(value.getTime());
  const known = copies.get(value);
  if (known !== undefined) return known;
  if (Array.isArray(value)) {
    const items: unknown[] = new Array(value.length);
    copies.set(value, items);
    for (let i = 0; i < value.length; i++) if (i in value) items[i] = copyShared(value[i], copies);
    return items;
  }
  if (value instanceof Map) {
    const entries = new Map();
    copies.set(value, entries);
    for (const [k, v] of value) entries.set(k, copyShared(v, copies));
    return entries;
  }
  if (value instanceof Set) {
    const members = new Set();
    copies.set(value, members);
    for (const member of value) members.add(copyShared(member, copies));
    return members;
  }
  const fields: Record<string, unknown> = {};
  copies.set(value, fields);
  for (const [k, v] of Object.entries(value)) fields[k] = copyShared(v, copies);
  return fields;
}

/** The layers whose cells say what a cell holds, not how it looks: what a write of values may change. */
export const CONTENT_LAYERS = ['values', 'formulas', 'hostStyles'] as const satisfies readonly LayerName[];
/** A sheet's layers, all of them (the type says so), empty. */
const NO_LAYERS: { [L in LayerName]: [] } = { values: [], formats: [], fills: [], formulas: [], hostStyles: [] };
const LAYERS = Object.keys(NO_LAYERS) as LayerName[];

/**
 * A copy of a grid that later writes to the grid leave as it is: its rows are copied, the cells in them
 * shared. Sound because a cell is only ever replaced, never changed in place: no code of the product
 * changes a date (lint forbids the Date setters) or a host style it holds. A frozen row is shared as it
 * is: it is already copied before any write (`setGridCell`).
 */
function copyGrid<T>(grid: readonly (T | undefined)[][]): (T | undefined)[][] {
  return grid.map((row) => (row === undefined || Object.isFrozen(row) ? row : row.slice()));
}

/**
 * A copy of a sheet that later operations on it leave as it is, for putting it back. The grids' rows are
 * copied with their cells shared (`copyGrid`): a deep copy of a 20,000-row sheet took 0.2 s and as
 * much again in garbage collection. The `shared` layers are not copied at all: the copy shares them
 * with the sheet until the caller copies them (`copyLayers`).
 */
export function copySheet(sheet: MemorySheet, shared: readonly LayerName[] = []): MemorySheet {
  const withoutLayers = copyPlain({ ...sheet, ...NO_LAYERS });
  const layers = Object.fromEntries(LAYERS.map((layer) => [layer, shared.includes(layer) ? sheet[layer] : copyGrid(sheet[layer] as unknown[][])]));
  return { ...withoutLayers, ...layers };
}

/** Copies (`copyGrid`) of some of a sheet's layers. */
export function copyLayers(sheet: MemorySheet, layers: readonly LayerName[]): Partial<Layers> {
  return Object.fromEntries(layers.map((layer) => [layer, copyGrid(sheet[layer] as unknown[][])]));
}

export function isEmptyCell(value: CellValue | undefined): boolean {
  return value === null || value === undefined || value === '';
}

export function copyCell(value: CellValue): CellValue {
  return value instanceof Date ? new Date(value.getTime()) : value;
}

/** The text a filter compares: what the cell shows, roughly (dates as dd.mm.yyyy, blanks as ''). */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(value.getUTCDate())}.${pad(value.getUTCMonth() + 1)}.${value.getUTCFullYear()}`;
  }
  return String(value);
}

/** Per-cell grids, indexed [row - 1][column - 1]; holes are "nothing there". */
export interface Layers {
  values: CellValue[][];
  formats: (string | undefined)[][];
  fills: (Colour | undefined)[][];
  formulas: (string | undefined)[][];
  hostStyles: unknown[][];
}

export type LayerName = keyof Layers;

export interface HostRanged {
  range: string;
  host: unknown;
}

/** Everything a sheet holds; exported for gateways that build a MemoryWorkbook from their host's data. */
export interface MemorySheet extends Layers {
  name: string;
  validations: ValidationState[];
  conditionalFormats: ConditionalFormatState[];
  /**
   * A host's validations and conditional formats of kinds SheetState cannot describe (a list from a named
   * range, a colour scale, …), kept as the host's own objects so writing the sheet back keeps them. They
   * move and shrink with deleted rows, yield to a new validation on their cells, and go with `replace`.
   */
  hostValidations: HostRanged[];
  hostConditionalFormats: HostRanged[];
  frozenRows: number;
  tables: Array<{ name: string; range: string }>;
  autoFilter: string | null;
  hiddenRows: Set<number>;
  /** Columns (1-based) hidden by the product or by hand. */
  hiddenColumns: Set<number>;
  charts: SheetState['charts'];
  mergedRanges: string[];
  /** Width in characters by column number. */
  columnWidths: Map<number, number>;
  tabColour?: Colour;
  /** Sheet hidden by the user: still listed and read (it is the user's), and kept hidden when written back. */
  hidden?: boolean;
}

export function emptySheet(name: string): MemorySheet {
  return {
    name,
    values: [],
    formats: [],
    fills: [],
    formulas: [],
    hostStyles: [],
    validations: [],
    conditionalFormats: [],
    hostValidations: [],
    hostConditionalFormats: [],
    frozenRows: 0,
    tables: [],
    autoFilter: null,
    hiddenRows: new Set(),
    hiddenColumns: new Set(),
    charts: [],
    mergedRanges: [],
    columnWidths: new Map(),
  };
}

/** Sets a cell of a layer grid (1-based row and column), making the row when it is a hole. */
export function setGridCell<T>(grid: (T | undefined)[][], row: number, column: number, value: T | undefined): void {
  let cells = grid[row - 1];
  if (cells === undefined) cells = grid[row - 1] = [];
  // A frozen row is shared by many rows (the number formats of an import's million rows are one row):
  // the row that changes gets its own copy.
  else if (Object.isFrozen(cells)) cells = grid[row - 1] = cells.slice();
  cells[column - 1] = value;
}

export function setLayer<K extends LayerName>(sheet: MemorySheet, layer: K, row: number, column: number, value: Layers[K][number][number]): void {
  setGridCell(sheet[layer] as unknown[][], row, column, value);
}

export function getLayer<K extends LayerName>(sheet: MemorySheet, layer: K, row: number, column: number): Layers[K][number][number] | undefined {
  return (sheet[layer] as Layers[K])[row - 1]?.[column - 1];
}

/**
 * Write a value as literal data: it replaces a formula that was there; the cell's number format, fill and
 * host style stay (a value written into the user's formatted column keeps the user's look).
 */
export function writeCell(sheet: MemorySheet, row: number, column: number, value: CellValue): void {
  setLayer(sheet, 'values', row, column, value);
  if (getLayer(sheet, 'formulas', row, column) !== undefined) setLayer(sheet, 'formulas', row, column, undefined);
}

/** The last row holding a non-empty value or a formula (0 for an empty sheet). */
export function lastUsedRow(sheet: MemorySheet): number {
  for (let r = Math.max(sheet.values.length, sheet.formulas.length); r >= 1; r--) {
    if (sheet.values[r - 1]?.some((v) => !isEmptyCell(v))) return r;
    if (sheet.formulas[r - 1]?.some((f) => f !== undefined)) return r;
  }
  return 0;
}

/** The last column holding a non-empty value in any row (0 for an empty sheet). */
export function lastUsedColumn(sheet: MemorySheet): number {
  let last = 0;
  // Indexed, as the other loops over every row of a sheet: run once per read, a `for…of` over 150,000
  // rows is not optimised before it ends, and makes an iterator result per row.
  for (let r = 0; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    if (!row) continue;
    for (let c = row.length; c > last; c--) {
      if (!isEmptyCell(row[c - 1])) {
        last = c;
        break;
      }
    }
  }
  return last;
}

export function usedRange(sheet: MemorySheet): Rect {
  return { top: 1, left: 1, bottom: Math.max(lastUsedRow(sheet), 1), right: Math.max(lastUsedColumn(sheet), 1) };
}
