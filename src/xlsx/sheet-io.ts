/**
 * One sheet between ExcelJS and a MemorySheet, in both directions.
 *
 * Reading rows (`readRow`) serves the whole-file ExcelJS model; sheet-level parts (`readSheetParts`) are
 * read from a whole-file model or from a skeleton without cells (node.ts). Writing serves both the
 * whole-file model and our streaming writer (sheet-writer.ts), through the methods of `SheetTarget`.
 *
 * A cell's ExcelJS style is split three ways: its number format goes to the formats layer, a plain solid
 * fill to the fills layer, and the rest (fonts, borders, alignment, fills we do not model) is carried
 * through untouched as the cell's host style, so the user's look survives a read-modify-write.
 */
import type * as ExcelJS from 'exceljs';
import { FORMAT_DATE, FORMAT_DATETIME, FORMAT_TEXT } from '../workbook/operations';
import type { CellValue } from '../workbook/snapshot';
import type { MemorySheet, Rect } from '../workbook/memory';
import { cellA1, formatRange, lastUsedRow, parseRange, setGridCell } from '../workbook/memory';
import {
  formulaText,
  fromExcelConditional,
  fromExcelValidation,
  inlineListFormula,
  looksLikeFormula,
  plainValue,
  solidFill,
  solidFillColour,
  toArgb,
  toExcelConditionalRules,
  toExcelValidation,
} from './convert';

export type Style = Partial<ExcelJS.Style>;

/** Parts of ExcelJS's worksheets (whole-file and streaming alike) that its typings leave out. */
interface WorksheetInternals {
  dataValidations: {
    model: Record<string, ExcelJS.DataValidation | undefined>;
    add(address: string, validation: ExcelJS.DataValidation): void;
  };
  conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[];
  tables?: Record<string, { table: { name: string; tableRef?: string; ref: string } }>;
  _merges?: Record<string, { range: string }>;
}

function internals(ws: ExcelJS.Worksheet): WorksheetInternals {
  return ws as unknown as WorksheetInternals;
}

/**
 * What `writeSheet` writes a sheet's parts into: an ExcelJS worksheet (whole-file model), or the
 * streaming writer's sheet (sheet-writer.ts).
 */
export interface SheetTarget {
  getColumn(column: number): { width?: number; hidden: boolean };
  autoFilter?: ExcelJS.AutoFilter;
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
  addConditionalFormatting(cf: ExcelJS.ConditionalFormattingOptions): void;
}

/** An ExcelJS worksheet as a target: its `dataValidations` has the `add` its typings leave out. */
export function worksheetTarget(ws: ExcelJS.Worksheet): SheetTarget {
  return ws as unknown as SheetTarget;
}

// ---------------------------------------------------------------------------------------------------
// Reading

interface SplitStyle {
  numFmt?: string;
  fill?: string;
  rest?: Style;
}

/** Splits styles once per distinct style object (ExcelJS shares one object per style id). */
export class StyleSplitter {
  private readonly cache = new Map<Style, SplitStyle>();

  split(style: Style | undefined): SplitStyle {
    if (!style) return {};
    let split = this.cache.get(style);
    if (!split) {
      const { numFmt, fill, ...rest } = style;
      const fillColour = solidFillColour(fill);
      const kept: Style = { ...rest };
      if (fill && !fillColour && fill.type === 'pattern' && fill.pattern !== 'none') kept.fill = fill;
      for (const key of Object.keys(kept) as (keyof Style)[]) if (kept[key] === undefined) delete kept[key];
      split = {
        numFmt: numFmt && numFmt !== 'General' ? numFmt : undefined,
        fill: fillColour,
        rest: Object.keys(kept).length ? kept : undefined,
      };
      this.cache.set(style, split);
    }
    return split;
  }
}

/** Copies one ExcelJS row's cells into the sheet's layers. */
export function readRow(row: ExcelJS.Row, sheet: MemorySheet, styles: StyleSplitter): void {
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    // A merged area's other cells report the top-left cell's value in the whole-file model: theirs is empty.
    const raw = cell.isMerged && cell.master !== cell ? null : cell.value;
    const value: CellValue = plainValue(raw);
    if (value !== null) setGridCell(sheet.values, row.number, column, value);
    // A shared formula's follower: the whole-file model translates the master's formula to this cell.
    const formula = formulaText(raw) ?? (raw && typeof raw === 'object' && 'sharedFormula' in raw ? cell.formula || undefined : undefined);
    if (formula) setGridCell(sheet.formulas, row.number, column, formula);
    const split = styles.split(cell.style as Style);
    if (split.numFmt) setGridCell(sheet.formats, row.number, column, split.numFmt);
    if (split.fill) setGridCell(sheet.fills, row.number, column, split.fill);
    if (split.rest) setGridCell(sheet.hostStyles, row.number, column, split.rest);
  });
  if (row.hidden) sheet.hiddenRows.add(row.number);
}

/** Address groups → A1 ranges: one range per column run of consecutive rows. */
function rangesOf(addresses: string[]): string[] {
  const byColumn = new Map<number, number[]>();
  for (const address of addresses) {
    const rect = parseRange(address);
    for (let c = rect.left; c <= rect.right; c++) {
      const rows = byColumn.get(c) ?? [];
      for (let r = rect.top; r <= rect.bottom; r++) rows.push(r);
      byColumn.set(c, rows);
    }
  }
  const rects: Rect[] = [];
  for (const [column, rows] of [...byColumn].sort((a, b) => a[0] - b[0])) {
    rows.sort((a, b) => a - b);
    let start = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      if (i === rows.length || rows[i] !== rows[i - 1] + 1) {
        rects.push({ top: start, bottom: rows[i - 1], left: column, right: column });
        start = rows[i];
      }
    }
  }
  return rects.map(formatRange);
}

/**
 * The sheet-level parts ExcelJS parsed: validations, conditional formats, frozen rows, autofilter, tables,
 * merges, column widths, tab colour and visibility. ExcelJS expands each validation to one entry per cell
 * (all sharing one object); they are grouped back into ranges here, or, when the package was prepared
 * with placeholders (package.ts), the placeholder's real ranges are used.
 */
export function readSheetParts(
  ws: ExcelJS.Worksheet,
  sheet: MemorySheet,
  helperList: (ref: { sheet: string; column: number; fromRow: number; toRow: number }) => string[] | undefined,
  validationRanges?: Map<string, string>,
): void {
  const { model } = internals(ws).dataValidations;
  const groups = new Map<ExcelJS.DataValidation, string[]>();
  for (const [address, dv] of Object.entries(model)) {
    if (!dv) continue;
    const list = groups.get(dv) ?? [];
    list.push(address);
    groups.set(dv, list);
  }
  for (const [dv, addresses] of groups) {
    const real = addresses.length === 1 ? validationRanges?.get(addresses[0]) : undefined;
    const ranges = real ? real.trim().split(/\s+/) : rangesOf(addresses);
    const converted = fromExcelValidation(dv, helperList);
    if (!converted) {
      for (const range of ranges) sheet.hostValidations.push({ range, host: dv });
      continue;
    }
    const messages = { ...(dv.error ? { errorMessage: dv.error } : {}), ...(dv.prompt ? { prompt: dv.prompt } : {}) };
    for (const range of ranges) sheet.validations.push({ range, rule: converted.rule, strict: converted.strict, ...messages });
  }
  for (const cf of internals(ws).conditionalFormattings ?? []) {
    const converted = fromExcelConditional(cf);
    if (!converted) {
      sheet.hostConditionalFormats.push({ range: cf.ref, host: cf.rules });
      continue;
    }
    sheet.conditionalFormats.push({ range: cf.ref, rules: converted.rules, ...(converted.testColumn ? { testColumn: converted.testColumn } : {}) });
  }
  const frozen = ws.views?.find((v) => v.state === 'frozen') as ExcelJS.WorksheetViewFrozen | undefined;
  sheet.frozenRows = frozen?.ySplit ?? 0;
  sheet.autoFilter = autoFilterRange(ws.autoFilter);
  for (const table of Object.values(internals(ws).tables ?? {})) {
    const t = table.table;
    sheet.tables.push({ name: t.name, range: t.tableRef ?? t.ref });
  }
  sheet.mergedRanges = Object.values(internals(ws)._merges ?? {}).map((m) => m.range);
  ws.columns?.forEach((column, i) => {
    if (column?.width !== undefined && column.width !== null) sheet.columnWidths.set(i + 1, column.width);
    if (column?.hidden) sheet.hiddenColumns.add(i + 1);
  });
  const tab = ws.properties?.tabColor?.argb;
  if (tab) sheet.tabColour = `#${tab.slice(-6).toUpperCase()}`;
  if (ws.state === 'hidden' || ws.state === 'veryHidden') sheet.hidden = true;
}

function autoFilterRange(filter: ExcelJS.AutoFilter | undefined): string | null {
  if (!filter) return null;
  if (typeof filter === 'string') return filter.replace(/\$/g, '');
  const cell = (c: string | { row: number; column: number }) => (typeof c === 'string' ? c : cellA1(c.row, c.column));
  return `${cell(filter.from)}:${cell(filter.to)}`;
}

// ---------------------------------------------------------------------------------------------------
// Writing

/** A column's last layers and the style composed of them. */
interface ColumnStyle {
  rest: Style | undefined;
  numFmt: string | undefined;
  fill: string | undefined;
  style: Style | undefined;
}

/**
 * Composes a cell's style from its layers, one object per distinct combination (ExcelJS caches by identity).
 * A column's cells mostly share their layers: the cell below gets the style above without a look-up.
 */
class StyleComposer {
  private readonly cache = new Map<unknown, Map<string, Style>>();
  private readonly byColumn: ColumnStyle[] = [];

  compose(column: number, rest: Style | undefined, numFmt: string | undefined, fill: string | undefined): Style | undefined {
    const last = this.byColumn[column];
    if (last && last.rest === rest && last.numFmt === numFmt && last.fill === fill) return last.style;
    const style = this.composed(rest, numFmt, fill);
    this.byColumn[column] = { rest, numFmt, fill, style };
    return style;
  }

  private composed(rest: Style | undefined, numFmt: string | undefined, fill: string | undefined): Style | undefined {
    if (!rest && !numFmt && !fill) return undefined;
    const key = `${numFmt ?? ''}\u0000${fill ?? ''}`;
    let byKey = this.cache.get(rest);
    if (!byKey) this.cache.set(rest, (byKey = new Map()));
    let style = byKey.get(key);
    if (!style) {
      style = { ...(rest ?? {}) };
      if (numFmt) style.numFmt = numFmt;
      if (fill) style.fill = solidFill(fill);
      byKey.set(key, style);
    }
    return style;
  }
}

/**
 * The style of a cell without one. ExcelJS gives each new cell a fresh empty style object and caches
 * style ids by object identity, so sharing one object saves a style lookup per cell (a third of the
 * time of writing 100,000 rows). Dates never get it: they always carry a date format.
 */
const NO_STYLE: Style = {};

const MS_PER_SECOND = 1000;
const MS_PER_DAY = 86_400_000;

/** The format a cell is written with when it has none: dates need one, formula-like text gets '@'. */
function defaultFormat(value: CellValue): string | undefined {
  if (value instanceof Date) {
    // 00:00:00 UTC, whatever the milliseconds: one read of the date, not three.
    const time = value.getTime();
    const midnight = time - Math.floor(time / MS_PER_DAY) * MS_PER_DAY < MS_PER_SECOND;
    return midnight ? FORMAT_DATE : FORMAT_DATETIME;
  }
  if (typeof value === 'string' && looksLikeFormula(value)) return FORMAT_TEXT;
  return undefined;
}

/** Where a list too long to inline lives, given by the workbook writer (see helpers.ts). */
export type ListPlacer = (values: string[]) => string;

/** The row of a layer holds something (an array of only empty entries holds nothing). */
function hasAny(cells: readonly unknown[] | undefined): boolean {
  return cells !== undefined && cells.some((cell) => cell !== undefined && cell !== null && cell !== '');
}

/**
 * Where `writeSheet` puts a sheet's merges and cells: ExcelJS's cells (`excelJsRows`, for the whole-file
 * model), or XML of our own (row-xml.ts, for the streaming writer).
 */
export interface RowSink {
  merge(range: string): void;
  /** A cell with a value, a formula or a style, in row order and, within a row, column order. */
  cell(row: number, column: number, value: CellValue, formula: string | undefined, style: Style): void;
  /** The row's cells are all given (a row with none is never started). */
  endRow(row: number, hidden: boolean): void;
}

/** Cells as ExcelJS cell values; ExcelJS stores strings as shared strings, never as formulas. */
export function excelJsRows(ws: ExcelJS.Worksheet): RowSink {
  return {
    merge: (range) => ws.mergeCells(range),
    cell(row, column, value, formula, style) {
      const cell = ws.getRow(row).getCell(column);
      if (formula) cell.value = { formula, result: value ?? undefined } as ExcelJS.CellFormulaValue;
      else if (value !== null) cell.value = value;
      cell.style = style;
    },
    endRow(row, hidden) {
      if (hidden) ws.getRow(row).hidden = true;
    },
  };
}

/**
 * Rows written between two calls of a streaming writer's `pace`: few enough that the XML waiting for the
 * zip stays small, many enough that the waits cost nothing.
 */
const ROWS_PER_PACE = 2000;

/** Waits until what was written has been taken further (the zip); see sheet-writer.ts. */
export type Pace = () => Promise<void>;

/**
 * Writes the sheet into an empty ExcelJS worksheet (whole-file or streaming) made with
 * `worksheetOptions(sheet)`: column widths and merges first (the streaming writer puts columns out with
 * the first row), then the rows in order, then the sheet-level parts. Formula-like strings also get the
 * text format, so retyping them in Excel keeps them text. Tables are written as an autofilter over the
 * table's range (ExcelJS's table writer is not used: the streaming writer has none, and one behaviour for
 * both is simpler to trust).
 */
export async function writeSheet(ws: SheetTarget, sheet: MemorySheet, placeList: ListPlacer, rows: RowSink, pace?: Pace): Promise<void> {
  for (const [column, width] of sheet.columnWidths) ws.getColumn(column).width = width;
  for (const column of sheet.hiddenColumns) ws.getColumn(column).hidden = true;
  for (const merge of sheet.mergedRanges) rows.merge(merge);
  const composer = new StyleComposer();
  let rowsWritten = 0;
  let lastRow = Math.max(lastUsedRow(sheet), sheet.formats.length, sheet.fills.length, sheet.hostStyles.length);
  for (const r of sheet.hiddenRows) lastRow = Math.max(lastRow, r);
  for (let r = 1; r <= lastRow; r++) {
    const values = sheet.values[r - 1];
    const formats = sheet.formats[r - 1];
    const fills = sheet.fills[r - 1];
    const formulas = sheet.formulas[r - 1];
    const hostStyles = sheet.hostStyles[r - 1];
    const hidden = sheet.hiddenRows.has(r);
    // A row with nothing in it is not written: a sheet that reaches row 1 048 576 through one stray cell
    // has a million such rows.
    if (!hasAny(values) && !hasAny(formats) && !hasAny(fills) && !hasAny(formulas) && !hasAny(hostStyles) && !hidden) continue;
    const width = Math.max(values?.length ?? 0, formats?.length ?? 0, fills?.length ?? 0, formulas?.length ?? 0, hostStyles?.length ?? 0);
    for (let c = 1; c <= width; c++) {
      const value = values?.[c - 1] ?? null;
      const formula = formulas?.[c - 1];
      const style = composer.compose(c, hostStyles?.[c - 1] as Style | undefined, formats?.[c - 1] ?? defaultFormat(value), fills?.[c - 1]);
      if (value === null && !formula && !style) continue;
      rows.cell(r, c, value, formula || undefined, style ?? NO_STYLE);
    }
    rows.endRow(r, hidden);
    if (pace && ++rowsWritten % ROWS_PER_PACE === 0) await pace();
  }
  writeSheetParts(ws, sheet, placeList);
}

/** The parts the streaming writer puts out when the sheet is committed, after its rows. */
function writeSheetParts(ws: SheetTarget, sheet: MemorySheet, placeList: ListPlacer): void {
  const filter = sheet.autoFilter ?? sheet.tables[0]?.range;
  if (filter) ws.autoFilter = filter;
  for (const v of sheet.validations) {
    const listRef = v.rule.type === 'list' && inlineListFormula(v.rule.values) === undefined ? placeList(v.rule.values) : undefined;
    ws.dataValidations.add(v.range, toExcelValidation(v.rule, { strict: v.strict, errorMessage: v.errorMessage, prompt: v.prompt }, listRef));
  }
  for (const cf of sheet.conditionalFormats) {
    ws.addConditionalFormatting({ ref: cf.range, rules: toExcelConditionalRules(cf.rules, parseRange(cf.range).top, cf.testColumn) });
  }
  for (const v of sheet.hostValidations) ws.dataValidations.add(v.range, v.host as ExcelJS.DataValidation);
  for (const cf of sheet.hostConditionalFormats) ws.addConditionalFormatting({ ref: cf.range, rules: cf.host as ExcelJS.ConditionalFormattingRule[] });
}

/** Options of addWorksheet: the streaming writer takes views (frozen rows) only here. */
export function worksheetOptions(sheet: MemorySheet): Partial<ExcelJS.AddWorksheetOptions> {
  const options: Partial<ExcelJS.AddWorksheetOptions> = {};
  if (sheet.frozenRows > 0) options.views = [{ state: 'frozen', xSplit: 0, ySplit: sheet.frozenRows, topLeftCell: `A${sheet.frozenRows + 1}` }];
  if (sheet.tabColour) options.properties = { tabColor: { argb: toArgb(sheet.tabColour) } };
  if (sheet.hidden) options.state = 'hidden';
  return options;
}
