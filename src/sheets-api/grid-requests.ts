/**
 * The Sheets API requests for one sheet's grid — add a sheet, grow the grid, write a block of values
 * after its date formats, fill, freeze, widths, filters, bandings, clear — queued in order, with what
 * apply must know of each sheet (its id, size, rules, bandings, charts, filter) kept up to date.
 */
import type { sheets_v4 } from 'googleapis';
import type { CellValue } from '../workbook/snapshot';
import { cellData, colour, dateFormatOf, gridRange } from './cells';

export type Request = sheets_v4.Schema$Request;

const PIXELS_PER_CHARACTER = 7;

/** What apply needs to know of each sheet beyond its values, kept up to date as requests are queued. */
export interface SheetMeta {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  /** conditionalRuleKey of each conditional-format rule, in the sheet's order (indices matter). */
  ruleKeys: string[];
  bandings: Array<{ id: number; range: sheets_v4.Schema$GridRange }>;
  chartIds: number[];
  filter: sheets_v4.Schema$GridRange | null;
}

function overlaps(a: sheets_v4.Schema$GridRange, b: sheets_v4.Schema$GridRange): boolean {
  return (a.startRowIndex ?? 0) < (b.endRowIndex ?? Infinity) && (b.startRowIndex ?? 0) < (a.endRowIndex ?? Infinity) &&
    (a.startColumnIndex ?? 0) < (b.endColumnIndex ?? Infinity) && (b.startColumnIndex ?? 0) < (a.endColumnIndex ?? Infinity);
}

export class GridRequests {
  readonly requests: Request[] = [];
  /** The index of the addSheet request of each sheet the plan adds. */
  private readonly added = new Map<string, number>();
  protected nextId: number;

  constructor(protected readonly meta: SheetMeta[]) {
    this.nextId = Math.max(0, ...meta.flatMap((m) => [m.sheetId, ...m.chartIds, ...m.bandings.map((b) => b.id)])) + 1;
  }

  sheetIdOf(title: string): number {
    return this.sheet(title).sheetId;
  }

  /** Whether the sheet exists once the requests before `index` are carried out. */
  existsAfter(title: string, index: number): boolean {
    const added = this.added.get(title);
    return this.meta.some((m) => m.title === title) && (added === undefined || added < index);
  }

  protected sheet(title: string): SheetMeta {
    const sheet = this.meta.find((m) => m.title === title);
    if (!sheet) throw new Error(`no sheet named «${title}»`);
    return sheet;
  }

  protected addSheet(title: string, tabColour?: string): SheetMeta {
    const sheet: SheetMeta = { sheetId: this.nextId++, title, rowCount: 1000, columnCount: 26, ruleKeys: [], bandings: [], chartIds: [], filter: null };
    const properties: sheets_v4.Schema$SheetProperties = { sheetId: sheet.sheetId, title, index: this.meta.length };
    if (tabColour) properties.tabColor = colour(tabColour);
    this.added.set(title, this.requests.length);
    this.requests.push({ addSheet: { properties } });
    this.meta.push(sheet);
    return sheet;
  }

  protected ensureGrid(sheet: SheetMeta, rows: number, columns: number): void {
    if (rows > sheet.rowCount) {
      this.requests.push({ appendDimension: { sheetId: sheet.sheetId, dimension: 'ROWS', length: rows - sheet.rowCount } });
      sheet.rowCount = rows;
    }
    if (columns > sheet.columnCount) {
      this.requests.push({ appendDimension: { sheetId: sheet.sheetId, dimension: 'COLUMNS', length: columns - sheet.columnCount } });
      sheet.columnCount = columns;
    }
  }

  protected range(sheet: SheetMeta, top: number, left: number, bottom: number, right: number): sheets_v4.Schema$GridRange {
    this.ensureGrid(sheet, bottom, right);
    return gridRange(sheet.sheetId, top, left, bottom, right);
  }

  /**
   * A block of values (undefined = leave the cell), after the date formats its Date cells need in the
   * columns whose format the plan does not give (`planned`, one per column of the block). Formats
   * go first: a plan cut between the two leaves formatted empty cells, which the next run fills, rather
   * than dates shown as bare serial numbers, which the next run would take as already there.
   */
  protected writeBlock(sheet: SheetMeta, top: number, left: number, rows: Array<Array<CellValue | undefined>>, planned: ReadonlyArray<string | null> = []): void {
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (rows.length === 0 || width === 0) return;
    this.ensureGrid(sheet, top + rows.length - 1, left + width - 1);
    // one repeatCell per run of dates of one kind (date / date and time) in a column
    for (let j = 0; j < width; j++) {
      // a column whose format the plan gives keeps it: a midnight in a date-and-time column is still a moment
      if (planned[j]) continue;
      let run: { from: number; to: number; format: sheets_v4.Schema$NumberFormat } | null = null;
      const flush = () => run && this.format(sheet, left + j, run.from, run.to, run.format);
      rows.forEach((row, i) => {
        const value = row[j];
        const format = value instanceof Date ? dateFormatOf(value) : null;
        if (run && format && format.type === run.format.type && run.to === top + i - 1) run.to = top + i;
        else {
          flush();
          run = format ? { from: top + i, to: top + i, format } : null;
        }
      });
      flush();
    }
    this.requests.push({
      updateCells: {
        start: { sheetId: sheet.sheetId, rowIndex: top - 1, columnIndex: left - 1 },
        rows: rows.map((row) => ({ values: Array.from({ length: width }, (_, j) => cellData(row[j])) })),
        fields: 'userEnteredValue',
      },
    });
  }

  protected format(sheet: SheetMeta, column: number, fromRow: number, toRow: number, format: sheets_v4.Schema$NumberFormat): void {
    if (toRow < fromRow) return;
    this.requests.push({
      repeatCell: { range: this.range(sheet, fromRow, column, toRow, column), cell: { userEnteredFormat: { numberFormat: format } }, fields: 'userEnteredFormat.numberFormat' },
    });
  }

  protected fill(range: sheets_v4.Schema$GridRange, hex: string): void {
    this.requests.push({ repeatCell: { range, cell: { userEnteredFormat: { backgroundColor: colour(hex) } }, fields: 'userEnteredFormat.backgroundColor' } });
  }

  protected freeze(sheet: SheetMeta, rows: number): void {
    this.requests.push({ updateSheetProperties: { properties: { sheetId: sheet.sheetId, gridProperties: { frozenRowCount: rows } }, fields: 'gridProperties.frozenRowCount' } });
  }

  protected width(sheet: SheetMeta, column: number, characters: number): void {
    this.requests.push({
      updateDimensionProperties: {
        range: { sheetId: sheet.sheetId, dimension: 'COLUMNS', startIndex: column - 1, endIndex: column },
        properties: { pixelSize: Math.round(characters * PIXELS_PER_CHARACTER) },
        fields: 'pixelSize',
      },
    });
  }

  protected showAllRows(sheet: SheetMeta): void {
    this.setHidden(sheet, 'ROWS', 0, sheet.rowCount, false);
  }

  protected showAllColumns(sheet: SheetMeta): void {
    this.setHidden(sheet, 'COLUMNS', 0, sheet.columnCount, false);
  }

  protected hideColumn(sheet: SheetMeta, column: number): void {
    this.setHidden(sheet, 'COLUMNS', column - 1, column, true);
  }

  /** Rows or columns `startIndex` (0-based) up to `endIndex` (exclusive) hidden or shown, as the user would. */
  private setHidden(sheet: SheetMeta, dimension: 'ROWS' | 'COLUMNS', startIndex: number, endIndex: number, hidden: boolean): void {
    this.requests.push({
      updateDimensionProperties: { range: { sheetId: sheet.sheetId, dimension, startIndex, endIndex }, properties: { hiddenByUser: hidden }, fields: 'hiddenByUser' },
    });
  }

  protected setFilter(sheet: SheetMeta, range: sheets_v4.Schema$GridRange, criteria?: Record<string, sheets_v4.Schema$FilterCriteria>): void {
    this.requests.push({ setBasicFilter: { filter: criteria ? { range, criteria } : { range } } });
    sheet.filter = range;
  }

  /** Sheets has no named tables: a filter plus alternating colours (existing ones in the way go first). */
  protected table(sheet: SheetMeta, range: sheets_v4.Schema$GridRange): void {
    this.setFilter(sheet, range);
    for (const banding of sheet.bandings.filter((b) => overlaps(b.range, range))) this.requests.push({ deleteBanding: { bandedRangeId: banding.id } });
    sheet.bandings = sheet.bandings.filter((b) => !overlaps(b.range, range));
    const id = this.nextId++;
    this.requests.push({
      addBanding: {
        bandedRange: {
          bandedRangeId: id,
          range,
          rowProperties: { headerColor: colour('#D9E1F2'), firstBandColor: colour('#FFFFFF'), secondBandColor: colour('#F3F3F3') },
        },
      },
    });
    sheet.bandings.push({ id, range });
  }

  protected clearSheet(sheet: SheetMeta): void {
    this.requests.push({ updateCells: { range: { sheetId: sheet.sheetId }, fields: 'userEnteredValue,userEnteredFormat,dataValidation,note' } });
    for (let i = sheet.ruleKeys.length - 1; i >= 0; i--) this.requests.push({ deleteConditionalFormatRule: { sheetId: sheet.sheetId, index: i } });
    sheet.ruleKeys = [];
    if (sheet.filter) this.requests.push({ clearBasicFilter: { sheetId: sheet.sheetId } });
    sheet.filter = null;
    for (const b of sheet.bandings) this.requests.push({ deleteBanding: { bandedRangeId: b.id } });
    sheet.bandings = [];
    for (const id of sheet.chartIds) this.requests.push({ deleteEmbeddedObject: { objectId: id } });
    sheet.chartIds = [];
    this.freeze(sheet, 0);
    this.showAllRows(sheet);
    this.showAllColumns(sheet);
  }
}
