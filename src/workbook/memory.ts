/**
 * The in-memory Workbook: the reference semantics of every SheetOperation.
 *
 * Every gateway must leave its host in the state this class computes for the same operations (the
 * contract suite in test/contract checks it). Where operations.ts is silent, the rule chosen here is
 * written next to the code that implements it, and the other gateways follow it.
 *
 * Internally a sheet is a set of aligned grids ("layers": values, number formats, static fills, formula
 * texts, and an opaque per-cell style a host gateway may carry through, e.g. the user's fonts and borders
 * read from an .xlsx) plus the sheet-level parts of SheetState. Deleting rows splices every layer at
 * once, so whatever belongs to a cell moves with it.
 */
import type {
  AddChart,
  AppendRows,
  ApplyFilter,
  CellAddress,
  Colour,
  ColourCells,
  DeleteRows,
  InsertRows,
  EnsureSheet,
  FormatSheet,
  HighlightRows,
  SetValidation,
  SheetOperation,
  ValidationRule,
  WriteColumns,
  WriteTable,
} from './operations';
import { operationStep } from './operations';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from './snapshot';
import { columnLetter, columnNumber } from './a1';
import type { ConditionalFormatState, SheetState, ValidationState, WorkbookState } from './state';
import type { ProgressListener, Workbook } from './workbook';

// ---------------------------------------------------------------------------------------------------
// A1 ranges

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

function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

/**
 * A deep copy of plain data (rules, charts, states: objects, arrays, dates, primitives). Not
 * `structuredClone`: this module also runs inside Apps Script's V8, which lacks it (a test runs the
 * in-memory workbook without it).
 */
export function copyPlain<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map((item) => copyPlain(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyPlain(item)])) as T;
  }
  return value;
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

// ---------------------------------------------------------------------------------------------------
// Cells

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

// ---------------------------------------------------------------------------------------------------
// The sheet model

/** Per-cell grids, indexed [row - 1][column - 1]; holes are "nothing there". */
interface Layers {
  values: CellValue[][];
  formats: (string | undefined)[][];
  fills: (Colour | undefined)[][];
  formulas: (string | undefined)[][];
  hostStyles: unknown[][];
}

type LayerName = keyof Layers;

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
    charts: [],
    mergedRanges: [],
    columnWidths: new Map(),
  };
}

/** Sets a cell of a layer grid (1-based row and column), making the row when it is a hole. */
export function setGridCell<T>(grid: (T | undefined)[][], row: number, column: number, value: T | undefined): void {
  (grid[row - 1] ??= [])[column - 1] = value;
}

function setLayer<K extends LayerName>(sheet: MemorySheet, layer: K, row: number, column: number, value: Layers[K][number][number]): void {
  setGridCell(sheet[layer] as unknown[][], row, column, value);
}

function getLayer<K extends LayerName>(sheet: MemorySheet, layer: K, row: number, column: number): Layers[K][number][number] | undefined {
  return (sheet[layer] as Layers[K])[row - 1]?.[column - 1];
}

/**
 * Write a value as literal data: it replaces a formula that was there; the cell's number format, fill and
 * host style stay (a value written into the user's formatted column keeps the user's look).
 */
function writeCell(sheet: MemorySheet, row: number, column: number, value: CellValue): void {
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
  for (const row of sheet.values) {
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

function usedRange(sheet: MemorySheet): Rect {
  return { top: 1, left: 1, bottom: Math.max(lastUsedRow(sheet), 1), right: Math.max(lastUsedColumn(sheet), 1) };
}

// ---------------------------------------------------------------------------------------------------
// The operations

function ensureSheet(sheets: MemorySheet[], name: string): MemorySheet {
  let sheet = sheets.find((s) => s.name === name);
  if (!sheet) {
    sheet = emptySheet(name);
    sheets.push(sheet);
  }
  return sheet;
}

function existingSheet(sheets: MemorySheet[], name: string, op: SheetOperation): MemorySheet {
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`${op.kind}: no sheet named «${name}»`);
  return sheet;
}

/** Only creates; an existing sheet (its header included) is left exactly as it is. */
function applyEnsureSheet(sheets: MemorySheet[], op: EnsureSheet): void {
  if (sheets.some((s) => s.name === op.sheet)) return;
  const sheet = ensureSheet(sheets, op.sheet);
  sheet.tabColour = op.tabColour;
  op.header?.forEach((h, i) => writeCell(sheet, 1, i + 1, h));
}

/**
 * The block is header.length columns wide (wider where a row is longer) and rows.length + 1 high; cells of
 * the block a short row does not reach are cleared. A missing sheet is created. The table or autofilter
 * range covers the header and the data rows, and at least one data row (Excel tables need one).
 * freezeHeader freezes the rows down to the header row. Column widths are a host concern, kept but not
 * part of SheetState.
 */
function applyWriteTable(sheets: MemorySheet[], op: WriteTable): void {
  let sheet = ensureSheet(sheets, op.sheet);
  if (op.replace) {
    const fresh = emptySheet(op.sheet);
    fresh.tabColour = sheet.tabColour;
    fresh.hidden = sheet.hidden;
    sheets[sheets.indexOf(sheet)] = fresh;
    sheet = fresh;
  }
  const top = op.anchor?.row ?? 1;
  const left = op.anchor?.column ?? 1;
  const width = op.rows.reduce((w, r) => Math.max(w, r.length), op.header.length);
  op.header.forEach((h, j) => writeCell(sheet, top, left + j, h));
  op.rows.forEach((row, i) => {
    for (let j = 0; j < width; j++) writeCell(sheet, top + 1 + i, left + j, row[j] === undefined ? null : row[j]);
  });
  op.numberFormats?.forEach((format, j) => {
    if (format === null) return;
    for (let i = 0; i < op.rows.length; i++) setLayer(sheet, 'formats', top + 1 + i, left + j, format);
  });
  if (op.headerFill) for (let j = 0; j < op.header.length; j++) setLayer(sheet, 'fills', top, left + j, op.headerFill);
  op.columnWidths?.forEach((w, j) => {
    if (w !== null) sheet.columnWidths.set(left + j, w);
  });
  if (op.freezeHeader) sheet.frozenRows = top;
  const block = formatRange({ top, left, bottom: top + Math.max(op.rows.length, 1), right: left + Math.max(op.header.length, 1) - 1 });
  if (op.table) setTable(sheet, op.table.name, block);
  else if (op.autoFilter) sheet.autoFilter = block;
}

/** A table of the same name is replaced (table names are unique in a workbook, and reruns reuse them). */
function setTable(sheet: MemorySheet, name: string, range: string): void {
  sheet.tables = sheet.tables.filter((t) => t.name !== name);
  sheet.tables.push({ name, range });
}

/** numberFormat applies to the cells written (an `undefined` value leaves its cell alone entirely). */
function applyWriteColumns(sheet: MemorySheet, op: WriteColumns): void {
  const headerRow = op.headerRow ?? 1;
  for (const column of op.columns) {
    if (column.header !== undefined) writeCell(sheet, headerRow, column.column, column.header);
    column.values.forEach((value, i) => {
      if (value === undefined) return;
      const row = headerRow + 1 + i;
      writeCell(sheet, row, column.column, value);
      if (column.numberFormat) setLayer(sheet, 'formats', row, column.column, column.numberFormat);
    });
  }
}

/**
 * One copy of each distinct text. The rows of an import repeat a few managers and services a million
 * times, and each text parsed from a file may be a slice of the file's whole text, which a single kept
 * slice keeps alive (200 MB for a 1,000,000-line export): the workbook keeps a fresh copy of each
 * distinct text instead, so it holds neither the repeats nor the file.
 */
class TextPool {
  private readonly texts = new Map<string, string>();

  get(text: string): string {
    let kept = this.texts.get(text);
    if (kept === undefined) {
      // A concatenation flattened by the slice: a new string with its own characters, not a view of the file's.
      kept = ` ${text}`.slice(1);
      this.texts.set(kept, kept);
    }
    return kept;
  }

  row(row: readonly CellValue[]): CellValue[] {
    return row.map((value) => (typeof value === 'string' ? this.get(value) : value));
  }
}

/**
 * Rows start in column A right below the last row with a value or formula (row 1 on an empty sheet).
 * Below that row there are no formulas and no values, so a row that is not there yet is taken whole (an
 * import appends a million rows), its texts pooled.
 */
/** Rows written from row `first` down, as appendRows and insertRows write them. */
function writeRows(sheet: MemorySheet, first: number, op: AppendRows | InsertRows): void {
  const formats = (op.numberFormats ?? []).flatMap((format, j) => (format ? [{ j, format }] : []));
  const pool = new TextPool();
  op.rows.forEach((row, i) => {
    const r = first + i;
    if (sheet.values[r - 1] === undefined) sheet.values[r - 1] = pool.row(row);
    else pool.row(row).forEach((value, j) => writeCell(sheet, r, j + 1, value));
    for (const { j, format } of formats) if (j < row.length) setLayer(sheet, 'formats', r, j + 1, format);
  });
}

function applyAppendRows(sheet: MemorySheet, op: AppendRows): void {
  writeRows(sheet, lastUsedRow(sheet) + 1, op);
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
function applyInsertRows(sheet: MemorySheet, op: InsertRows): void {
  const count = op.rows.length;
  if (count === 0) return;
  if (op.at < 2 || op.at > lastUsedRow(sheet) + 1) throw new RangeError(`insertRows on «${op.sheet}»: row ${op.at} is outside 2..${lastUsedRow(sheet) + 1}`);
  sheet.values = withRowsInserted(sheet.values, op.at, count);
  sheet.formats = withRowsInserted(sheet.formats, op.at, count);
  sheet.fills = withRowsInserted(sheet.fills, op.at, count);
  sheet.formulas = withRowsInserted(sheet.formulas, op.at, count);
  sheet.hostStyles = withRowsInserted(sheet.hostStyles, op.at, count);
  const shift = (a1: string): string => formatRange(rectWithRowsInserted(parseRange(a1), op.at, count));
  const shiftAll = <T extends { range: string }>(items: T[]): T[] => items.map((item) => ({ ...item, range: shift(item.range) }));
  sheet.validations = shiftAll(sheet.validations);
  sheet.conditionalFormats = shiftAll(sheet.conditionalFormats);
  sheet.hostValidations = shiftAll(sheet.hostValidations);
  sheet.hostConditionalFormats = shiftAll(sheet.hostConditionalFormats);
  sheet.tables = shiftAll(sheet.tables);
  sheet.autoFilter = sheet.autoFilter ? shift(sheet.autoFilter) : null;
  sheet.mergedRanges = sheet.mergedRanges.map(shift);
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
function applyDeleteRows(sheet: MemorySheet, op: DeleteRows): void {
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
  const shift = (a1: string): string | null => {
    const rect = parseRange(a1);
    const top = rect.top - deletedUpTo(rect.top - 1);
    const bottom = rect.bottom - deletedUpTo(rect.bottom);
    return bottom < top ? null : formatRange({ ...rect, top, bottom });
  };
  const shiftAll = <T extends { range: string }>(items: T[]): T[] =>
    items.flatMap((item) => {
      const range = shift(item.range);
      return range ? [{ ...item, range }] : [];
    });
  sheet.validations = shiftAll(sheet.validations);
  sheet.conditionalFormats = shiftAll(sheet.conditionalFormats);
  sheet.hostValidations = shiftAll(sheet.hostValidations);
  sheet.hostConditionalFormats = shiftAll(sheet.hostConditionalFormats);
  sheet.tables = shiftAll(sheet.tables);
  sheet.autoFilter = sheet.autoFilter ? shift(sheet.autoFilter) : null;
  sheet.mergedRanges = sheet.mergedRanges.flatMap((m) => shift(m) ?? []);
  sheet.hiddenRows = new Set([...sheet.hiddenRows].filter((r) => !deleted.has(r)).map((r) => r - deletedUpTo(r)));
}

/** Custom formulas are kept without a leading `=` (the form .xlsx stores and every host accepts). */
function canonicalRule(rule: ValidationRule): ValidationRule {
  if (rule.type === 'custom') return { type: 'custom', formula: rule.formula.replace(/^=/, '') };
  return copyPlain(rule);
}

/** The new rule wins on its cells; the parts of older rules outside them stay (as in Excel). */
function applySetValidation(sheet: MemorySheet, op: SetValidation): void {
  const target: Rect = { top: op.fromRow, bottom: op.toRow, left: op.column, right: op.column };
  const outside = <T extends { range: string }>(items: T[]): T[] =>
    items.flatMap((v) => subtractRect(parseRange(v.range), target).map((rect) => ({ ...v, range: formatRange(rect) })));
  sheet.validations = outside(sheet.validations);
  sheet.hostValidations = outside(sheet.hostValidations);
  const validation: ValidationState = { range: formatRange(target), rule: canonicalRule(op.rule), strict: op.strict };
  if (op.errorMessage) validation.errorMessage = op.errorMessage;
  if (op.prompt) validation.prompt = op.prompt;
  sheet.validations.push(validation);
}

/**
 * A rule set over the column's rows; with wholeRow it covers columns A..last used column and records the
 * tested column in `testColumn`. Earlier rules on exactly the same range are replaced.
 */
function applyColourCells(sheet: MemorySheet, op: ColourCells): void {
  const range = op.wholeRow
    ? formatRange({ top: op.fromRow, bottom: op.toRow, left: 1, right: Math.max(lastUsedColumn(sheet), op.column) })
    : formatRange({ top: op.fromRow, bottom: op.toRow, left: op.column, right: op.column });
  const testColumn = op.wholeRow ? columnLetter(op.column) : undefined;
  sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !(cf.range === range && cf.testColumn === testColumn));
  const state: ConditionalFormatState = { range, rules: op.rules.map((r) => ({ ...r, when: { ...r.when } })) };
  if (testColumn) state.testColumn = testColumn;
  sheet.conditionalFormats.push(state);
}

/** Static fill on columns A..last used column of each row. */
function applyHighlightRows(sheet: MemorySheet, op: HighlightRows): void {
  const right = Math.max(lastUsedColumn(sheet), 1);
  for (const row of op.rows) for (let c = 1; c <= right; c++) setLayer(sheet, 'fills', row, c, op.fill);
}

/**
 * Freeze rows 1..headerRow; filter or table over the used columns from the header row to the last used
 * row, at least two rows high.
 */
function applyFormatSheet(sheet: MemorySheet, op: FormatSheet): void {
  const headerRow = op.headerRow ?? 1;
  if (op.freezeHeader) sheet.frozenRows = headerRow;
  const used = usedRange(sheet);
  const range = formatRange({ ...used, top: headerRow, bottom: Math.max(used.bottom, headerRow + 1) });
  if (op.table) setTable(sheet, op.table.name, range);
  else if (op.autoFilter) sheet.autoFilter = range;
  for (const f of op.columnFormats ?? []) for (let r = f.fromRow; r <= f.toRow; r++) setLayer(sheet, 'formats', r, f.column, f.format);
  for (const w of op.columnWidths ?? []) sheet.columnWidths.set(w.column, w.width);
}

function applyAddChart(sheet: MemorySheet, op: AddChart): void {
  sheet.charts.push(copyPlain(op.chart));
}

/**
 * Hides the data rows (2..last used row) whose cell in the column, as text (see cellText), is not one of
 * the values, and shows the others: the filter replaces whatever was hidden before. `''` selects blanks.
 */
function applyFilter(sheet: MemorySheet, op: ApplyFilter): void {
  const wanted = new Set(op.values);
  sheet.hiddenRows = new Set();
  for (let r = (op.headerRow ?? 1) + 1; r <= lastUsedRow(sheet); r++) {
    if (!wanted.has(cellText(getLayer(sheet, 'values', r, op.column)))) sheet.hiddenRows.add(r);
  }
}

export function applyOperation(sheets: MemorySheet[], op: SheetOperation): void {
  switch (op.kind) {
    case 'ensureSheet':
      return applyEnsureSheet(sheets, op);
    case 'writeTable':
      return applyWriteTable(sheets, op);
    case 'writeColumns':
      return applyWriteColumns(existingSheet(sheets, op.sheet, op), op);
    case 'appendRows':
      return applyAppendRows(existingSheet(sheets, op.sheet, op), op);
    case 'insertRows':
      return applyInsertRows(existingSheet(sheets, op.sheet, op), op);
    case 'deleteRows':
      return applyDeleteRows(existingSheet(sheets, op.sheet, op), op);
    case 'setValidation':
      return applySetValidation(existingSheet(sheets, op.sheet, op), op);
    case 'colourCells':
      return applyColourCells(existingSheet(sheets, op.sheet, op), op);
    case 'highlightRows':
      return applyHighlightRows(existingSheet(sheets, op.sheet, op), op);
    case 'formatSheet':
      return applyFormatSheet(existingSheet(sheets, op.sheet, op), op);
    case 'addChart':
      return applyAddChart(existingSheet(sheets, op.sheet, op), op);
    case 'applyFilter':
      return applyFilter(existingSheet(sheets, op.sheet, op), op);
    case 'clearFilter':
      existingSheet(sheets, op.sheet, op).hiddenRows = new Set();
      return;
  }
}

// ---------------------------------------------------------------------------------------------------
// Snapshots and state

/**
 * Rows 1..last used row, each cut after its last non-empty cell; cells are copies. A date shared by many
 * cells (an import makes one per day) is copied once per read, not once per cell: the workbook stays
 * untouched by whatever is done to the copies, and a million order dates do not become a million objects.
 */
function usedValues(sheet: MemorySheet): CellValue[][] {
  const rows: CellValue[][] = [];
  const dateCopies = new Map<Date, Date>();
  const copy = (value: CellValue): CellValue => {
    if (!(value instanceof Date)) return value;
    let copied = dateCopies.get(value);
    if (copied === undefined) dateCopies.set(value, (copied = copyCell(value) as Date));
    return copied;
  };
  const last = lastUsedRow(sheet);
  for (let r = 1; r <= last; r++) {
    const row = sheet.values[r - 1] ?? [];
    let end = row.length;
    while (end > 0 && isEmptyCell(row[end - 1])) end--;
    const out: CellValue[] = [];
    for (let c = 0; c < end; c++) out.push(row[c] === undefined ? null : copy(row[c]));
    rows.push(out);
  }
  return rows;
}

export function sheetSnapshot(sheet: MemorySheet): SheetSnapshot {
  const [header = [], ...rows] = usedValues(sheet);
  const snapshot: SheetSnapshot = { name: sheet.name, header, rows };
  if (sheet.hiddenRows.size) snapshot.hiddenRows = [...sheet.hiddenRows].sort((a, b) => a - b);
  if (sheet.mergedRanges.length) snapshot.mergedRanges = [...sheet.mergedRanges];
  return snapshot;
}

function cellRecord<T>(grid: (T | undefined)[][]): Record<string, T> {
  const record: Record<string, T> = {};
  grid.forEach((row, r) => row?.forEach((v, c) => {
    if (v !== undefined) record[cellA1(r + 1, c + 1)] = v;
  }));
  return record;
}

/** Validations are listed column by column, top to bottom: their order carries no meaning. */
function byPosition(a: ValidationState, b: ValidationState): number {
  const ra = parseRange(a.range);
  const rb = parseRange(b.range);
  return ra.left - rb.left || ra.top - rb.top || ra.right - rb.right || ra.bottom - rb.bottom;
}

export function sheetState(sheet: MemorySheet): SheetState {
  return {
    name: sheet.name,
    values: usedValues(sheet),
    formulaCells: Object.keys(cellRecord(sheet.formulas)),
    numberFormats: cellRecord(sheet.formats),
    fills: cellRecord(sheet.fills),
    validations: copyPlain(sheet.validations).sort(byPosition),
    conditionalFormats: copyPlain(sheet.conditionalFormats),
    frozenRows: sheet.frozenRows,
    tables: sheet.tables.map((t) => ({ ...t })),
    autoFilter: sheet.autoFilter,
    hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b),
    charts: copyPlain(sheet.charts),
  };
}

export function sheetFromSnapshot(snapshot: SheetSnapshot): MemorySheet {
  const sheet = emptySheet(snapshot.name);
  [snapshot.header, ...snapshot.rows].forEach((row, r) => row.forEach((v, c) => setLayer(sheet, 'values', r + 1, c + 1, copyCell(v))));
  snapshot.hiddenRows?.forEach((r) => sheet.hiddenRows.add(r));
  sheet.mergedRanges = [...(snapshot.mergedRanges ?? [])];
  return sheet;
}

/** Sheets in tab order, for gateways that serialise a MemoryWorkbook (the .xlsx writer). */
export type MemorySheets = readonly MemorySheet[];

export class MemoryWorkbook implements Workbook {
  private readonly sheets: MemorySheet[];

  /** An empty workbook, or one holding the snapshot's values. */
  constructor(initial: WorkbookSnapshot = { sheets: [] }) {
    this.sheets = initial.sheets.map(sheetFromSnapshot);
  }

  /** A workbook over sheets a gateway has read from its host (taken over, not copied). */
  static fromSheets(sheets: MemorySheet[]): MemoryWorkbook {
    const wb = new MemoryWorkbook();
    wb.sheets.push(...sheets);
    return wb;
  }

  /** The live sheets, for a gateway that writes them out; callers must not modify them. */
  get model(): MemorySheets {
    return this.sheets;
  }

  async sheetNames(): Promise<string[]> {
    return this.sheets.map((s) => s.name);
  }

  async read(names?: string[], onProgress?: ProgressListener): Promise<WorkbookSnapshot> {
    const chosen = this.sheets.filter((s) => !names || names.includes(s.name));
    const sheets = chosen.map((s, i) => {
      onProgress?.({ step: `Чтение листа «${s.name}»`, done: i, total: chosen.length });
      return sheetSnapshot(s);
    });
    return { sheets };
  }

  async apply(operations: SheetOperation[], onProgress?: ProgressListener): Promise<void> {
    operations.forEach((op, i) => {
      onProgress?.({ step: operationStep(op), done: i, total: operations.length });
      applyOperation(this.sheets, op);
    });
  }

  /** A deep copy of the whole workbook in host-neutral terms. */
  state(): WorkbookState {
    return { sheets: this.sheets.map(sheetState) };
  }
}
