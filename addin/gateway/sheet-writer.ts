/**
 * The workbook's sheets as the plan writer knows them — names, tab colours, visibility, tables, used
 * extents, the product's conditional formats — and the cells it writes to them: blocks of values cut to
 * fit a request (every value through excelInput, so user strings stay literal text), their number
 * formats, column widths, filters and tables. A result sheet is replaced whole, never edited in place.
 */
import type { CellValue } from '../../src/workbook/snapshot';
import { columnLetter, rangeA1 } from '../../src/workbook/a1';
import { jsonBytes, RequestBatch } from './batch';
import { defaultDateFormat, excelInput } from './cells';
import { columnWidthPoints } from './rules';
import { runs } from './runs';
import { overlapsTable, type TableSheet } from './table-filter';

export interface WriteOptions {
  /** Request budget in bytes (default 4 MB). */
  requestBudget?: number;
  /** Rows per written block at most (default 20,000; blocks are also cut by size). */
  blockRows?: number;
}

const DEFAULT_WRITE_BLOCK_ROWS = 20_000;
/** A block's share of a request: two blocks (values + formats) fit in one budget. */
const BLOCK_SHARE = 0.4;

interface Extent {
  rows: number;
  columns: number;
}

/** A conditional format the writer knows on a sheet: what it covers and which column it tests. */
export interface KnownFormat {
  format: Excel.ConditionalFormat;
  key: string;
}

export class SheetWriter {
  protected readonly batch: RequestBatch;
  protected readonly blockRows: number;
  /** Worksheets by name, in tab order. */
  protected readonly sheets = new Map<string, Excel.Worksheet>();
  private readonly visibility = new Map<string, string>();
  private readonly tabColours = new Map<string, string>();
  /** Table name → sheet name (table names are unique in a workbook). */
  protected readonly tables = new Map<string, string>();
  /** Used extents known to be current; a write to a sheet forgets its entry. */
  protected readonly extents = new Map<string, Extent>();
  protected readonly formats = new Map<string, KnownFormat[]>();
  private replaced = 0;

  constructor(
    protected readonly context: Excel.RequestContext,
    options: WriteOptions = {},
  ) {
    this.batch = new RequestBatch(context, options.requestBudget);
    this.blockRows = options.blockRows ?? DEFAULT_WRITE_BLOCK_ROWS;
  }

  get syncs(): number {
    return this.batch.syncs;
  }

  /** One round trip: the sheets (with what a replace must carry over) and the workbook's tables. */
  async prepare(): Promise<void> {
    const worksheets = this.context.workbook.worksheets;
    worksheets.load('items/name,items/visibility,items/tabColor');
    const tables = this.context.workbook.tables;
    tables.load('items/name,items/worksheet/name');
    await this.context.sync();
    this.batch.sent();
    for (const ws of worksheets.items) {
      this.sheets.set(ws.name, ws);
      this.visibility.set(ws.name, ws.visibility);
      this.tabColours.set(ws.name, ws.tabColor);
    }
    for (const table of tables.items) this.tables.set(table.name, table.worksheet.name);
  }

  async finish(): Promise<void> {
    await this.batch.flush();
  }

  protected sheet(name: string, op: string): Excel.Worksheet {
    const ws = this.sheets.get(name);
    if (!ws) throw new Error(`${op}: no sheet named «${name}»`);
    return ws;
  }

  protected async addSheet(name: string): Promise<Excel.Worksheet> {
    let ws!: Excel.Worksheet;
    await this.batch.add(0, () => (ws = this.context.workbook.worksheets.add(name)));
    this.sheets.set(name, ws);
    this.visibility.set(name, 'Visible');
    this.extents.set(name, { rows: 0, columns: 0 });
    this.formats.set(name, []);
    return ws;
  }

  protected async ensureSheet(name: string, header?: string[], tabColour?: string): Promise<void> {
    if (this.sheets.has(name)) return;
    const ws = await this.addSheet(name);
    if (tabColour) await this.batch.add(0, () => (ws.tabColor = tabColour));
    if (header?.length) await this.writeBlock(ws, name, 1, 1, [header]);
  }

  /**
   * A result sheet regenerated whole: a fresh sheet takes the old one's place, name, tab colour and
   * visibility, and the old one is deleted with everything on it (values, formats, validations,
   * conditional formats, tables, charts, filters, frozen panes). Result sheets are not referenced by the
   * user's formulas; the user's own sheets are never replaced.
   */
  protected async replaceSheet(name: string): Promise<Excel.Worksheet> {
    const old = this.sheet(name, 'writeTable');
    const position = [...this.sheets.keys()].indexOf(name);
    const temporary = `~crm${Date.now() % 100000}-${++this.replaced}`;
    let fresh!: Excel.Worksheet;
    await this.batch.add(0, () => {
      fresh = this.context.workbook.worksheets.add(temporary);
      fresh.position = position;
      old.delete();
      fresh.name = name;
      const colour = this.tabColours.get(name);
      if (colour) fresh.tabColor = colour;
      const visibility = this.visibility.get(name);
      if (visibility && visibility !== 'Visible') fresh.visibility = visibility as Excel.SheetVisibility;
    }, 6);
    this.sheets.set(name, fresh);
    for (const [table, sheet] of this.tables) if (sheet === name) this.tables.delete(table);
    this.extents.set(name, { rows: 0, columns: 0 });
    this.formats.set(name, []);
    return fresh;
  }

  /** The used extent of a sheet, from the host when the writer's knowledge is stale. */
  protected async extent(name: string): Promise<Extent> {
    const known = this.extents.get(name);
    if (known) return known;
    const context = this.context;
    const used = this.sheet(name, 'extent').getUsedRangeOrNullObject(true);
    used.load('rowIndex,rowCount,columnIndex,columnCount');
    await context.sync();
    this.batch.sent();
    const extent = used.isNullObject ? { rows: 0, columns: 0 } : { rows: used.rowIndex + used.rowCount, columns: used.columnIndex + used.columnCount };
    this.extents.set(name, extent);
    return extent;
  }

  /**
   * Write rows of cells at (top, left), cut into blocks that fit a request. Every value goes through
   * excelInput (user strings stay literal text). Dates in columns without a given format get a date
   * format so that they read back as dates.
   */
  protected async writeBlock(ws: Excel.Worksheet, name: string, top: number, left: number, rows: CellValue[][], formats?: (string | null | undefined)[]): Promise<void> {
    if (rows.length === 0) return;
    this.extents.delete(name);
    const width = rows.reduce((w, r) => Math.max(w, r.length), 1);
    let start = 0;
    while (start < rows.length) {
      let bytes = 0;
      let end = start;
      const values: Array<Array<string | number | boolean>> = [];
      while (end < rows.length && end - start < this.blockRows && (end === start || bytes < this.batch.budget * BLOCK_SHARE)) {
        const line: Array<string | number | boolean> = [];
        for (let j = 0; j < width; j++) line.push(excelInput(rows[end][j] ?? null));
        bytes += jsonBytes(line);
        values.push(line);
        end++;
      }
      const range = ws.getRangeByIndexes(top - 1 + start, left - 1, end - start, width);
      await this.batch.add(bytes, () => (range.values = values));
      await this.writeFormats(ws, top + start, left, rows.slice(start, end), width, formats);
      start = end;
    }
  }

  /** Number formats of a written block: per column, and per run of date cells in columns without one. */
  protected async writeFormats(ws: Excel.Worksheet, top: number, left: number, rows: CellValue[][], width: number, formats?: (string | null | undefined)[]): Promise<void> {
    for (let j = 0; j < width; j++) {
      const format = formats?.[j];
      if (format) {
        await this.setFormat(ws, top, left + j, rows.length, format);
        continue;
      }
      const dateRows: number[] = [];
      rows.forEach((row, i) => row[j] instanceof Date && dateRows.push(i));
      for (const [first, last] of runs(dateRows)) {
        const date = rows[first][j] as Date;
        await this.setFormat(ws, top + first, left + j, last - first + 1, defaultDateFormat(date));
      }
    }
  }

  protected async setFormat(ws: Excel.Worksheet, top: number, column: number, count: number, format: string): Promise<void> {
    const grid = Array.from({ length: count }, () => [format]);
    const range = ws.getRangeByIndexes(top - 1, column - 1, count, 1);
    await this.batch.add(count * (format.length + 5), () => (range.numberFormat = grid));
  }

  protected async setColumnWidth(ws: Excel.Worksheet, column: number, characters: number): Promise<void> {
    const letter = columnLetter(column);
    const range = ws.getRange(`${letter}:${letter}`);
    await this.batch.add(0, () => (range.format.columnWidth = columnWidthPoints(characters)));
  }

  protected async hideColumn(ws: Excel.Worksheet, column: number): Promise<void> {
    const letter = columnLetter(column);
    const range = ws.getRange(`${letter}:${letter}`);
    await this.batch.add(0, () => (range.columnHidden = true));
  }

  /**
   * A sheet AutoFilter over the block, unless the block overlaps a table: Excel refuses that, and the
   * table's header already has its filter buttons (a clients sheet the user formatted as a table).
   */
  protected async putAutoFilter(ws: Excel.Worksheet, name: string, block: { top: number; left: number; bottom: number; right: number }): Promise<void> {
    const withTables = await this.tableSheet(name, 'autoFilter');
    if (withTables && (await overlapsTable(withTables, block))) return;
    await this.batch.add(0, () => ws.autoFilter.apply(rangeA1(block.top, block.left, block.bottom, block.right)));
  }

  /** A table of the same name elsewhere is turned back into a plain range first (its data stays). */
  protected async makeTable(ws: Excel.Worksheet, sheet: string, address: string, name: string): Promise<void> {
    await this.batch.add(0, () => {
      if (this.tables.has(name)) this.context.workbook.tables.getItem(name).convertToRange();
      const table = ws.tables.add(`${address}`, true);
      table.name = name;
    }, 3);
    this.tables.set(name, sheet);
  }

  /** A sheet holding tables, which refuses a sheet AutoFilter over them: see table-filter.ts. */
  protected async tableSheet(name: string, op: string): Promise<TableSheet | null> {
    const tables = [...this.tables].filter(([, sheet]) => sheet === name).map(([table]) => table);
    if (tables.length === 0) return null;
    const sheet = this.sheet(name, op);
    return { context: this.context, batch: this.batch, sheet, tables, lastRow: (await this.extent(name)).rows };
  }
}
