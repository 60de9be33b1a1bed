/**
 * The vocabulary of sheet operations: everything a plan may ask a host to do.
 *
 * Operations are declarative and positional. Rows and columns are 1-based spreadsheet coordinates
 * (the header is row 1 unless an operation says `headerRow`: a user's sheet may have a title above its
 * header), computed by the core from the snapshot the plan was made from, including the columns the
 * same plan adds at the right. Gateways execute them in order, batching as their host
 * allows; they never reinterpret them.
 *
 * Every string value is literal text: a gateway must make sure `=HYPERLINK(...)`, `+7 912 …`, `-5`
 * or `@SUM(…)` given as a string is stored as that text, never as a formula or a number.
 */
import type { CellValue } from './snapshot';
import type { ProgressStep } from './workbook';

/** A colour as `#RRGGBB`. */
export type Colour = string;

/** Number formats in Excel's locale-independent codes (`dd.mm.yyyy`, `#,##0.00`, `0`, `@`). */
export const FORMAT_DATE = 'dd.mm.yyyy';
export const FORMAT_DATETIME = 'dd.mm.yyyy hh:mm';
export const FORMAT_MONEY = '#,##0.00';
export const FORMAT_INTEGER = '0';
export const FORMAT_PERCENT = '0.0%';
export const FORMAT_TEXT = '@';

export interface CellAddress {
  row: number;
  column: number;
}

/** A block of one column: rows `fromRow..toRow` inclusive. `sheet` defaults to the operation's sheet. */
export interface ColumnRange {
  sheet?: string;
  column: number;
  fromRow: number;
  toRow: number;
}

/** Create the sheet when it is missing (with `header` in row 1 if given); leave an existing one as it is. */
export interface EnsureSheet {
  kind: 'ensureSheet';
  sheet: string;
  header?: string[];
  tabColour?: Colour;
}

/**
 * Write a table at `anchor` (default A1): header row, then rows.
 * With `replace`, the whole sheet is cleared first (values, formats, validations, conditional formats,
 * tables, charts, filters): result sheets are regenerated whole on every run.
 */
export interface WriteTable {
  kind: 'writeTable';
  sheet: string;
  replace: boolean;
  anchor?: CellAddress;
  header: string[];
  rows: CellValue[][];
  /** One format per column (null = the host's default). */
  numberFormats?: (string | null)[];
  /** One width per column in characters (null = leave). */
  columnWidths?: (number | null)[];
  /** One flag per column: true hides the column (a stable key the product reads but the user need not see). */
  hiddenColumns?: boolean[];
  freezeHeader?: boolean;
  /** Make the block a host table (Excel table; in Sheets a banded range with a filter). */
  table?: { name: string };
  /** Put an autofilter on the block (ignored when `table` is given, which has its own). */
  autoFilter?: boolean;
  /** Fill of the header row. */
  headerFill?: Colour;
}

/**
 * Write whole columns of an existing sheet: the product's managed columns.
 * `values[i]` goes to row `headerRow + 1 + i`; `undefined` leaves that cell as it is (used e.g. to fill
 * only empty IDs). When `header` is given it is written to row `headerRow` (a new managed column is added
 * this way at the right).
 */
export interface WriteColumns {
  kind: 'writeColumns';
  sheet: string;
  /** The sheet's header row, 1-based (default 1): rows above it (a title, a note) are never written. */
  headerRow?: number;
  columns: Array<{
    column: number;
    header?: string;
    values: Array<CellValue | undefined>;
    numberFormat?: string;
  }>;
}

/** Append rows after the last non-empty row of the sheet, each row laid out in the sheet's column order. */
export interface AppendRows {
  kind: 'appendRows';
  sheet: string;
  rows: CellValue[][];
  numberFormats?: (string | null)[];
}

/**
 * Insert whole rows before spreadsheet row `at` (Excel's Insert ▸ Entire row, Sheets' insert rows above):
 * the rows at `at` and below move down with everything attached to them, and a range (a validation, a
 * colour rule, a filter, a table) that runs across row `at` grows by the rows inserted. `at` is at least 2
 * and at most the last used row + 1. Rows are laid out and written as appendRows writes them.
 */
export interface InsertRows {
  kind: 'insertRows';
  sheet: string;
  at: number;
  rows: CellValue[][];
  numberFormats?: (string | null)[];
}

/** Delete whole rows (spreadsheet numbers). Only after the same plan has archived them. */
export interface DeleteRows {
  kind: 'deleteRows';
  sheet: string;
  rows: number[];
}

export type ValidationRule =
  | { type: 'list'; values: string[] }
  | { type: 'listRange'; source: ColumnRange & { sheet: string } }
  | { type: 'date'; min?: string; max?: string }
  | { type: 'number'; min?: number; max?: number }
  /** A formula relative to the first cell of the range, English function names, A1 references. */
  | { type: 'custom'; formula: string };

/** A validation rule over one column, rows `fromRow..toRow`; replaces any rule already there. */
export interface SetValidation {
  kind: 'setValidation';
  sheet: string;
  column: number;
  fromRow: number;
  toRow: number;
  rule: ValidationRule;
  /** true: reject other input; false: warn but accept. */
  strict: boolean;
  /** Shown when the user enters a value the rule rejects. */
  errorMessage?: string;
  /** Shown when the cell is selected (help text). */
  prompt?: string;
}

export type ColourCondition =
  | { equals: string }
  | { atLeast: number }
  | { atMost: number };

export interface ColourRule {
  when: ColourCondition;
  fill: Colour;
  fontColour?: Colour;
}

/**
 * Conditional colouring of one column, rows `fromRow..toRow` (e.g. funnel-status fills, "cold" days).
 * With `wholeRow`, the fill applies to the whole row of the sheet's used columns. Replaces the product's
 * earlier rules on the same range.
 */
export interface ColourCells {
  kind: 'colourCells';
  sheet: string;
  column: number;
  fromRow: number;
  toRow: number;
  rules: ColourRule[];
  wholeRow?: boolean;
}

/** A static fill on whole rows (result sheets only: the user's own sheets get conditional colours). */
export interface HighlightRows {
  kind: 'highlightRows';
  sheet: string;
  rows: number[];
  fill: Colour;
}

/**
 * Freeze, filter, table and column formats on an existing (user's) sheet, without touching its values.
 * `freezeHeader` freezes rows 1..headerRow; the filter or table covers the used columns from the header
 * row down to the last used row (at least one row below the header).
 */
export interface FormatSheet {
  kind: 'formatSheet';
  sheet: string;
  /** The sheet's header row, 1-based (default 1). */
  headerRow?: number;
  freezeHeader?: boolean;
  autoFilter?: boolean;
  table?: { name: string };
  columnFormats?: Array<{ column: number; format: string; fromRow: number; toRow: number }>;
  columnWidths?: Array<{ column: number; width: number }>;
}

export interface ChartSeries {
  name: string;
  values: ColumnRange;
  /** Draw this series as a line (Pareto's cumulative share), on the secondary axis when asked. */
  asLine?: boolean;
  secondaryAxis?: boolean;
}

export interface ChartSpec {
  type: 'column' | 'bar' | 'pie' | 'pareto';
  title: string;
  categories: ColumnRange;
  series: ChartSeries[];
  anchor: CellAddress;
  /** In pixels. */
  width?: number;
  height?: number;
}

export interface AddChart {
  kind: 'addChart';
  sheet: string;
  chart: ChartSpec;
}

/**
 * Show only the data rows (below the header row) whose cell in `column` is one of `values` (the side
 * panel's "show only these"); the rows above and the header stay shown.
 */
export interface ApplyFilter {
  kind: 'applyFilter';
  sheet: string;
  /** The sheet's header row, 1-based (default 1). */
  headerRow?: number;
  column: number;
  values: string[];
}

export interface ClearFilter {
  kind: 'clearFilter';
  sheet: string;
}

export type SheetOperation =
  | EnsureSheet
  | WriteTable
  | WriteColumns
  | AppendRows
  | InsertRows
  | DeleteRows
  | SetValidation
  | ColourCells
  | HighlightRows
  | FormatSheet
  | AddChart
  | ApplyFilter
  | ClearFilter;

export type OperationKind = SheetOperation['kind'];

/**
 * Whether operations of a kind set only a sheet's validations, colours, formats or charts: never a cell's
 * value, a row's visibility or a sheet's existence. Every kind is decided here, so a new kind must be.
 */
export const SETS_ONLY_FORMATS: Readonly<Record<OperationKind, boolean>> = {
  ensureSheet: false,
  writeTable: false,
  writeColumns: false,
  appendRows: false,
  insertRows: false,
  deleteRows: false,
  applyFilter: false,
  clearFilter: false,
  setValidation: true,
  colourCells: true,
  highlightRows: true,
  formatSheet: true,
  addChart: true,
};

/** What a gateway says it is doing while it applies an operation (the progress step). */
export function operationStep(op: SheetOperation): ProgressStep {
  return { key: `step.${op.kind}`, params: { sheet: op.sheet } };
}
