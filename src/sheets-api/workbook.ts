/**
 * The Google Sheets REST gateway (googleapis, Sheets API v4): a spreadsheet by id, from Node.
 *
 * Reading is two calls: `values.batchGet` (UNFORMATTED_VALUE, SERIAL_NUMBER) for the values, and one
 * `spreadsheets.get` limited by a field mask for what values do not tell — which numbers are dates, hidden
 * rows, merges. Writing a plan is ONE `spreadsheets.batchUpdate` holding values, formats, validations,
 * colours, filters and charts in plan order (cut between operations when huge, batches.ts). Row positions
 * the plan leaves to the host (appendRows' first row, a sheet's used range) come from a local mirror of the
 * values — the in-memory Workbook, the reference semantics — fed with the values read at the start of `apply`.
 *
 * Every call is retried with bounded backoff on quota, server and network faults (retry.ts). A batchUpdate
 * is not safe to repeat blindly (rows deleted twice are the user's rows), so each one also writes a
 * marker — developer metadata on the spreadsheet, invisible to users — and after a fault that may have
 * left it carried out the marker says whether it was. The next batch removes the previous marker, the
 * next run the last one. A plan that stops part way ends in a PartialWriteError naming what was written.
 */
import type { sheets_v4 } from 'googleapis';
import { applyOperation, cellText, lastUsedColumn, lastUsedRow, sheetFromSnapshot, type MemorySheet } from '../workbook/memory';
import { operationStep, type AppendRows, type ApplyFilter, type ColourCells, type InsertRows, type SheetOperation, type WriteTable } from '../workbook/operations';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot';
import { rowRuns } from '../workbook/snapshot';
import { GOOGLE_SHEETS_LIMITS, type ProgressListener, type Workbook } from '../workbook/workbook';
import { cellData, colour, dateFormatOf, gridRange, numberFormat, quoteSheet } from './cells';
import { serialToDate } from '../workbook/serial';
import { DEFAULT_BACKOFF, SheetsCallError, withBackoff, type BackoffOptions, type Fault } from './retry';
import { INCOMPLETE_NOTE, noteRequest, PartialWriteError, splitBatches, statusOf, withIncompleteNote, withoutIncompleteNote, type OperationSpan } from './batches';
import { addChartRequest, colourRules, conditionalRuleKey, setValidationRequest } from './rules';
import { columnLetter, rangeA1 } from '../workbook/a1';

type Request = sheets_v4.Schema$Request;

/** Requests per batchUpdate: far below the API's 10 MB body limit for the value blocks a plan writes. */
export const REQUESTS_PER_BATCH = 5000;
/** The developer metadata key of the markers that tell whether a batch was written. */
export const BATCH_MARKER_KEY = 'crm-base.batch';
const PIXELS_PER_CHARACTER = 7;
/** googleapis retries on its own by default; the backoff here is the one policy (bounded, jittered). */
const NO_LIBRARY_RETRY = { retry: false } as const;

/** What apply needs to know of each sheet beyond its values, kept up to date as requests are queued. */
interface SheetMeta {
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

const META_FIELDS =
  'sheets(properties(sheetId,title,index,gridProperties(rowCount,columnCount)),conditionalFormats,bandedRanges(bandedRangeId,range),charts(chartId),basicFilter(range)),' +
  'developerMetadata(metadataId,metadataKey)';
const READ_FIELDS = 'sheets(properties(title),merges,data(startRow,rowMetadata(hiddenByFilter,hiddenByUser),rowData(values(effectiveFormat(numberFormat(type)),note))))';

export interface SheetsApiOptions {
  backoff: BackoffOptions;
  /** Requests per batchUpdate call. */
  requestsPerBatch: number;
}

function createMarker(metadataId: number): Request {
  return { createDeveloperMetadata: { developerMetadata: { metadataId, metadataKey: BATCH_MARKER_KEY, metadataValue: 'written', location: { spreadsheet: true }, visibility: 'DOCUMENT' } } };
}

function deleteMarker(metadataId: number): Request {
  return { deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId } } } };
}

/** A fresh marker id (positive 31-bit, as the API's ids are). */
function markerId(): number {
  return 1 + Math.floor(Math.random() * 0x7ffffffe);
}


/** A grid range in A1 notation (a merge: never a single cell). */
function a1(range: sheets_v4.Schema$GridRange): string {
  return rangeA1((range.startRowIndex ?? 0) + 1, (range.startColumnIndex ?? 0) + 1, range.endRowIndex ?? 0, range.endColumnIndex ?? 0);
}

function overlaps(a: sheets_v4.Schema$GridRange, b: sheets_v4.Schema$GridRange): boolean {
  return (a.startRowIndex ?? 0) < (b.endRowIndex ?? Infinity) && (b.startRowIndex ?? 0) < (a.endRowIndex ?? Infinity) &&
    (a.startColumnIndex ?? 0) < (b.endColumnIndex ?? Infinity) && (b.startColumnIndex ?? 0) < (a.endColumnIndex ?? Infinity);
}

export class SheetsApiWorkbook implements Workbook {
  readonly limits = GOOGLE_SHEETS_LIMITS;
  private readonly options: SheetsApiOptions;

  constructor(
    private readonly spreadsheetId: string,
    private readonly sheets: sheets_v4.Sheets,
    options: Partial<SheetsApiOptions> = {},
  ) {
    this.options = { backoff: DEFAULT_BACKOFF, requestsPerBatch: REQUESTS_PER_BATCH, ...options };
  }

  /** `what` names the call in the error when it fails for good. */
  private call<T>(what: string, request: () => Promise<{ data: T }>, settled?: (fault: Fault) => Promise<{ value: T } | null>): Promise<T> {
    return withBackoff(async () => (await request()).data, this.options.backoff, { call: what, settled });
  }

  private async metadata(): Promise<{ sheets: SheetMeta[]; markers: number[] }> {
    const data = await this.call('чтение списка листов / reading the list of sheets', () =>
      this.sheets.spreadsheets.get({ spreadsheetId: this.spreadsheetId, fields: META_FIELDS }, NO_LIBRARY_RETRY),
    );
    const markers = (data.developerMetadata ?? []).flatMap((m) => (m.metadataKey === BATCH_MARKER_KEY && m.metadataId ? [m.metadataId] : []));
    const sheets = (data.sheets ?? []).map((s) => ({
      sheetId: s.properties?.sheetId ?? 0,
      title: s.properties?.title ?? '',
      rowCount: s.properties?.gridProperties?.rowCount ?? 1000,
      columnCount: s.properties?.gridProperties?.columnCount ?? 26,
      ruleKeys: (s.conditionalFormats ?? []).map(conditionalRuleKey),
      bandings: (s.bandedRanges ?? []).map((b) => ({ id: b.bandedRangeId ?? 0, range: b.range ?? {} })),
      chartIds: (s.charts ?? []).map((c) => c.chartId ?? 0),
      filter: s.basicFilter?.range ?? null,
    }));
    return { sheets, markers };
  }

  async sheetNames(): Promise<string[]> {
    return (await this.metadata()).sheets.map((s) => s.title);
  }

  async read(names?: string[], onProgress?: ProgressListener): Promise<WorkbookSnapshot> {
    return (await this.readSheets((await this.sheetNames()).filter((t) => !names || names.includes(t)), onProgress)).snapshot;
  }

  /** The sheets' snapshot, and the note on A1 of each sheet that has one. */
  private async readSheets(titles: string[], onProgress?: ProgressListener): Promise<{ snapshot: WorkbookSnapshot; a1Notes: Map<string, string> }> {
    const a1Notes = new Map<string, string>();
    if (titles.length === 0) return { snapshot: { sheets: [] }, a1Notes };
    onProgress?.({ step: `Чтение листов: ${titles.join(', ')}`, done: 0, total: 2 });
    const ranges = titles.map(quoteSheet);
    const values = await this.call('чтение значений / reading the values', () =>
      this.sheets.spreadsheets.values.batchGet({ spreadsheetId: this.spreadsheetId, ranges, valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'SERIAL_NUMBER', majorDimension: 'ROWS' }, NO_LIBRARY_RETRY),
    );
    onProgress?.({ step: `Чтение форматов: ${titles.join(', ')}`, done: 1, total: 2 });
    const grid = await this.call('чтение форматов / reading the formats', () =>
      this.sheets.spreadsheets.get({ spreadsheetId: this.spreadsheetId, ranges, fields: READ_FIELDS }, NO_LIBRARY_RETRY),
    );
    const sheets = titles.map((title, i) => {
      const gridSheet = grid.sheets?.find((s) => s.properties?.title === title);
      const data = gridSheet?.data?.[0];
      const note = !data?.startRow ? data?.rowData?.[0]?.values?.[0]?.note : undefined;
      if (note) a1Notes.set(title, note);
      return this.snapshotOf(title, values.valueRanges?.[i]?.values ?? [], gridSheet);
    });
    return { snapshot: { sheets }, a1Notes };
  }

  private snapshotOf(name: string, raw: unknown[][], grid: sheets_v4.Schema$Sheet | undefined): SheetSnapshot {
    const data = grid?.data?.[0];
    const formats = data?.rowData ?? [];
    const rows: CellValue[][] = raw.map((row, r) => {
      const out = row.map((v, c): CellValue => {
        if (v === '' || v === null || v === undefined) return null;
        const type = formats[r]?.values?.[c]?.effectiveFormat?.numberFormat?.type;
        if (typeof v === 'number' && (type === 'DATE' || type === 'DATE_TIME')) return serialToDate(v);
        return v as CellValue;
      });
      while (out.length && out[out.length - 1] === null) out.pop();
      return out;
    });
    const [header = [], ...rest] = rows;
    const snapshot: SheetSnapshot = { name, header, rows: rest };
    const start = data?.startRow ?? 0;
    const hidden = (data?.rowMetadata ?? []).flatMap((m, i) => (m.hiddenByFilter || m.hiddenByUser ? [start + i + 1] : [])).filter((r) => r >= 2 && r <= rows.length);
    if (hidden.length) snapshot.hiddenRows = hidden;
    const merges = (grid?.merges ?? []).map(a1);
    if (merges.length) snapshot.mergedRanges = merges;
    return snapshot;
  }

  async apply(operations: SheetOperation[], onProgress?: ProgressListener): Promise<void> {
    if (operations.length === 0) return;
    const { sheets: meta, markers } = await this.metadata();
    const touched = [...new Set(operations.map((op) => op.sheet))].filter((t) => meta.some((m) => m.title === t));
    const { snapshot, a1Notes } = await this.readSheets(touched);
    const filtered = operations.filter((op): op is ApplyFilter => op.kind === 'applyFilter');
    const shown = filtered.length ? await this.shownTexts(filtered) : new Map<string, string[]>();
    const plan = new RequestPlanner(meta, snapshot.sheets.map(sheetFromSnapshot), shown);
    operations.forEach((op, i) => {
      onProgress?.({ step: operationStep(op), done: i, total: operations.length });
      plan.add(op);
    });
    await this.send(plan, a1Notes, markers);
  }

  private batchUpdate(requests: Request[]): Promise<{ data: sheets_v4.Schema$BatchUpdateSpreadsheetResponse }> {
    return this.sheets.spreadsheets.batchUpdate({ spreadsheetId: this.spreadsheetId, requestBody: { requests } }, NO_LIBRARY_RETRY);
  }

  /**
   * The plan's batches in order, each with its marker. The notes an interrupted run left on the sheets
   * this plan writes are taken off in the first batch; should this plan stop too, they are put back.
   */
  private async send(plan: RequestPlanner, a1Notes: Map<string, string>, leftoverMarkers: number[]): Promise<void> {
    const batches = splitBatches(plan.spans, this.options.requestsPerBatch);
    const written = new Set(plan.spans.map((s) => s.op.sheet));
    const cleared = [...a1Notes]
      .filter(([title, note]) => written.has(title) && note.includes(INCOMPLETE_NOTE))
      .map(([title, note]) => noteRequest(plan.sheetIdOf(title), withoutIncompleteNote(note)));
    let previous = leftoverMarkers;
    for (const [i, batch] of batches.entries()) {
      const marker = markerId();
      const requests = [...previous.map(deleteMarker), ...(i === 0 ? cleared : []), ...plan.requests.slice(batch.start, batch.end), createMarker(marker)];
      const part = `запись, часть ${i + 1} из ${batches.length} / writing part ${i + 1} of ${batches.length}`;
      try {
        await this.call(part, () => this.batchUpdate(requests), async () => ((await this.markerWritten(marker, i, batches.length)) ? { value: {} } : null));
      } catch (error) {
        if (!(error instanceof SheetsCallError)) throw error;
        throw await this.stopped(plan, batches, i, error, a1Notes);
      }
      previous = [marker];
    }
  }

  /** Whether the batch that wrote `marker` was carried out (its answer may have been lost on the way). */
  private async markerWritten(marker: number, index: number, count: number): Promise<boolean> {
    const data = await this.call(`проверка части ${index + 1} из ${count} / checking part ${index + 1} of ${count}`, () =>
      this.sheets.spreadsheets.get({ spreadsheetId: this.spreadsheetId, fields: 'developerMetadata(metadataId)' }, NO_LIBRARY_RETRY),
    );
    return (data.developerMetadata ?? []).some((m) => m.metadataId === marker);
  }

  /**
   * The error for a plan stopped at batch `index`. When something was (or may have been) written, each
   * sheet the plan did not finish gets the note on A1 saying it is incomplete (sheets the plan was still
   * to add do not exist, and need none).
   */
  private async stopped(plan: RequestPlanner, batches: Array<{ start: number; end: number }>, index: number, failure: SheetsCallError, a1Notes: Map<string, string>): Promise<PartialWriteError> {
    const batch = batches[index];
    const stop = { written: batch.start, unknownEnd: failure.outcomeUnknown ? batch.end : batch.start };
    const short = stop.unknownEnd === 0 ? [] : [...new Set(plan.spans.filter((s) => statusOf(s, stop) !== 'written').map((s) => s.op.sheet))].filter((t) => plan.existsAfter(t, stop.written));
    const noted: string[] = [];
    const notNoted: string[] = [];
    if (short.length) {
      const requests = short.map((title) => noteRequest(plan.sheetIdOf(title), withIncompleteNote(a1Notes.get(title) ?? '')));
      try {
        await this.call('заметка о незаконченной записи / the note on the unfinished write', () => this.batchUpdate(requests));
        noted.push(...short);
      } catch (error) {
        if (!(error instanceof SheetsCallError)) throw error;
        notNoted.push(...short);
      }
    }
    return new PartialWriteError(plan.spans, stop, { index, count: batches.length }, failure, noted, notNoted);
  }

  /** What the filtered columns show (Sheets filters compare shown text), by `sheet|column`. */
  private async shownTexts(filters: ApplyFilter[]): Promise<Map<string, string[]>> {
    const keys = [...new Set(filters.map((f) => `${f.sheet}|${f.column}`))];
    const ranges = keys.map((k) => {
      const [sheet, column] = k.split('|');
      const letter = columnLetter(Number(column));
      return `${quoteSheet(sheet)}!${letter}2:${letter}`;
    });
    const data = await this.call('чтение отфильтрованных столбцов / reading the filtered columns', () =>
      this.sheets.spreadsheets.values.batchGet({ spreadsheetId: this.spreadsheetId, ranges, valueRenderOption: 'FORMATTED_VALUE', majorDimension: 'COLUMNS' }, NO_LIBRARY_RETRY),
    );
    return new Map(keys.map((k, i) => [k, ((data.valueRanges?.[i]?.values ?? [])[0] ?? []).map(String)]));
  }
}

/** Turns operations into batchUpdate requests, in order, against the mirror of the values. */
class RequestPlanner {
  readonly requests: Request[] = [];
  readonly spans: OperationSpan[] = [];
  /** The index of the addSheet request of each sheet the plan adds. */
  private readonly added = new Map<string, number>();
  private nextId: number;

  constructor(
    private readonly meta: SheetMeta[],
    private readonly mirror: MemorySheet[],
    private readonly shown: Map<string, string[]>,
  ) {
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

  private sheet(title: string): SheetMeta {
    const sheet = this.meta.find((m) => m.title === title);
    if (!sheet) throw new Error(`no sheet named «${title}»`);
    return sheet;
  }

  private mirrorOf(title: string): MemorySheet | undefined {
    return this.mirror.find((s) => s.name === title);
  }

  private addSheet(title: string, tabColour?: string): SheetMeta {
    const sheet: SheetMeta = { sheetId: this.nextId++, title, rowCount: 1000, columnCount: 26, ruleKeys: [], bandings: [], chartIds: [], filter: null };
    const properties: sheets_v4.Schema$SheetProperties = { sheetId: sheet.sheetId, title, index: this.meta.length };
    if (tabColour) properties.tabColor = colour(tabColour);
    this.added.set(title, this.requests.length);
    this.requests.push({ addSheet: { properties } });
    this.meta.push(sheet);
    return sheet;
  }

  private ensureGrid(sheet: SheetMeta, rows: number, columns: number): void {
    if (rows > sheet.rowCount) {
      this.requests.push({ appendDimension: { sheetId: sheet.sheetId, dimension: 'ROWS', length: rows - sheet.rowCount } });
      sheet.rowCount = rows;
    }
    if (columns > sheet.columnCount) {
      this.requests.push({ appendDimension: { sheetId: sheet.sheetId, dimension: 'COLUMNS', length: columns - sheet.columnCount } });
      sheet.columnCount = columns;
    }
  }

  private range(sheet: SheetMeta, top: number, left: number, bottom: number, right: number): sheets_v4.Schema$GridRange {
    this.ensureGrid(sheet, bottom, right);
    return gridRange(sheet.sheetId, top, left, bottom, right);
  }

  /** The rows of an appendRows or insertRows from row `first` down, the columns' number formats first (see writeBlock). */
  private writeRows(sheet: SheetMeta, first: number, op: AppendRows | InsertRows): void {
    if (op.rows.length === 0) return;
    op.numberFormats?.forEach((f, j) => {
      if (f) this.format(sheet, j + 1, first, first + op.rows.length - 1, numberFormat(f));
    });
    this.writeBlock(sheet, first, 1, op.rows);
  }

  /**
   * A block of values (undefined = leave the cell), after the date formats its Date cells need. Formats
   * go first: a plan cut between the two leaves formatted empty cells, which the next run fills, rather
   * than dates shown as bare serial numbers, which the next run would take as already there.
   */
  private writeBlock(sheet: SheetMeta, top: number, left: number, rows: Array<Array<CellValue | undefined>>): void {
    const width = Math.max(0, ...rows.map((r) => r.length));
    if (rows.length === 0 || width === 0) return;
    this.ensureGrid(sheet, top + rows.length - 1, left + width - 1);
    // one repeatCell per run of dates of one kind (date / date and time) in a column
    for (let j = 0; j < width; j++) {
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

  private format(sheet: SheetMeta, column: number, fromRow: number, toRow: number, format: sheets_v4.Schema$NumberFormat): void {
    if (toRow < fromRow) return;
    this.requests.push({
      repeatCell: { range: this.range(sheet, fromRow, column, toRow, column), cell: { userEnteredFormat: { numberFormat: format } }, fields: 'userEnteredFormat.numberFormat' },
    });
  }

  private fill(range: sheets_v4.Schema$GridRange, hex: string): void {
    this.requests.push({ repeatCell: { range, cell: { userEnteredFormat: { backgroundColor: colour(hex) } }, fields: 'userEnteredFormat.backgroundColor' } });
  }

  private freeze(sheet: SheetMeta, rows: number): void {
    this.requests.push({ updateSheetProperties: { properties: { sheetId: sheet.sheetId, gridProperties: { frozenRowCount: rows } }, fields: 'gridProperties.frozenRowCount' } });
  }

  private width(sheet: SheetMeta, column: number, characters: number): void {
    this.requests.push({
      updateDimensionProperties: {
        range: { sheetId: sheet.sheetId, dimension: 'COLUMNS', startIndex: column - 1, endIndex: column },
        properties: { pixelSize: Math.round(characters * PIXELS_PER_CHARACTER) },
        fields: 'pixelSize',
      },
    });
  }

  private showAllRows(sheet: SheetMeta): void {
    this.requests.push({
      updateDimensionProperties: { range: { sheetId: sheet.sheetId, dimension: 'ROWS', startIndex: 0, endIndex: sheet.rowCount }, properties: { hiddenByUser: false }, fields: 'hiddenByUser' },
    });
  }

  private setFilter(sheet: SheetMeta, range: sheets_v4.Schema$GridRange, criteria?: Record<string, sheets_v4.Schema$FilterCriteria>): void {
    this.requests.push({ setBasicFilter: { filter: criteria ? { range, criteria } : { range } } });
    sheet.filter = range;
  }

  /** Sheets has no named tables: a filter plus alternating colours (existing ones in the way go first). */
  private table(sheet: SheetMeta, range: sheets_v4.Schema$GridRange): void {
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

  private clearSheet(sheet: SheetMeta): void {
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
  }

  add(op: SheetOperation): void {
    const start = this.requests.length;
    this.plan(op);
    this.spans.push({ op, start, end: this.requests.length });
    this.mirrorOperation(op);
  }

  private plan(op: SheetOperation): void {
    const before = this.mirrorOf(op.sheet);
    switch (op.kind) {
      case 'ensureSheet':
        if (!this.meta.some((m) => m.title === op.sheet)) {
          const sheet = this.addSheet(op.sheet, op.tabColour);
          if (op.header?.length) this.writeBlock(sheet, 1, 1, [op.header]);
        }
        break;
      case 'writeTable':
        this.writeTable(op);
        break;
      case 'writeColumns': {
        const sheet = this.sheet(op.sheet);
        const headerRow = op.headerRow ?? 1;
        for (const column of op.columns) {
          // cells[i] is row headerRow + i: the header, then the values
          const cells: Array<CellValue | undefined> = [column.header, ...column.values];
          const defined = cells.flatMap((v, i) => (v === undefined ? [] : [headerRow + i]));
          for (const [from, to] of rowRuns(defined)) {
            if (column.numberFormat) this.format(sheet, column.column, Math.max(from, headerRow + 1), to, numberFormat(column.numberFormat));
            this.writeBlock(sheet, from, column.column, cells.slice(from - headerRow, to - headerRow + 1).map((v) => [v]));
          }
        }
        break;
      }
      case 'appendRows':
        this.writeRows(this.sheet(op.sheet), (before ? lastUsedRow(before) : 0) + 1, op);
        break;
      case 'insertRows': {
        const sheet = this.sheet(op.sheet);
        if (op.rows.length === 0) break;
        // a row past the grid's end needs no insert: writing it grows the grid
        if (op.at <= sheet.rowCount) {
          const range = { sheetId: sheet.sheetId, dimension: 'ROWS', startIndex: op.at - 1, endIndex: op.at - 1 + op.rows.length };
          this.requests.push({ insertDimension: { range, inheritFromBefore: false } });
          sheet.rowCount += op.rows.length;
        }
        this.writeRows(sheet, op.at, op);
        break;
      }
      case 'deleteRows': {
        const sheet = this.sheet(op.sheet);
        const rows = [...new Set(op.rows)].filter((r) => r >= 1 && r <= sheet.rowCount).sort((a, b) => a - b);
        for (const [from, to] of rowRuns(rows).reverse()) {
          this.requests.push({ deleteDimension: { range: { sheetId: sheet.sheetId, dimension: 'ROWS', startIndex: from - 1, endIndex: to } } });
          sheet.rowCount -= to - from + 1;
        }
        break;
      }
      case 'setValidation': {
        const sheet = this.sheet(op.sheet);
        this.ensureGrid(sheet, op.toRow, op.column);
        if (op.rule.type === 'listRange') this.ensureGrid(this.sheet(op.rule.source.sheet), op.rule.source.toRow, op.rule.source.column);
        this.requests.push(setValidationRequest(op, sheet.sheetId));
        break;
      }
      case 'colourCells':
        this.colourCells(op, before);
        break;
      case 'highlightRows': {
        const sheet = this.sheet(op.sheet);
        const right = Math.max(before ? lastUsedColumn(before) : 1, 1);
        for (const [from, to] of rowRuns([...new Set(op.rows)].sort((a, b) => a - b))) this.fill(this.range(sheet, from, 1, to, right), op.fill);
        break;
      }
      case 'formatSheet': {
        const sheet = this.sheet(op.sheet);
        const headerRow = op.headerRow ?? 1;
        if (op.freezeHeader) this.freeze(sheet, headerRow);
        const used = this.range(sheet, headerRow, 1, Math.max(before ? lastUsedRow(before) : 0, headerRow + 1), Math.max(before ? lastUsedColumn(before) : 0, 1));
        if (op.table) this.table(sheet, used);
        else if (op.autoFilter) this.setFilter(sheet, used);
        for (const f of op.columnFormats ?? []) this.format(sheet, f.column, f.fromRow, f.toRow, numberFormat(f.format));
        for (const w of op.columnWidths ?? []) this.width(sheet, w.column, w.width);
        break;
      }
      case 'addChart': {
        const sheet = this.sheet(op.sheet);
        const id = this.nextId++;
        this.requests.push(addChartRequest(op.chart, op.sheet, (t) => this.sheet(t).sheetId, id));
        sheet.chartIds.push(id);
        break;
      }
      case 'applyFilter':
        this.applyFilter(op, before);
        break;
      case 'clearFilter': {
        const sheet = this.sheet(op.sheet);
        if (sheet.filter) this.setFilter(sheet, sheet.filter);
        this.showAllRows(sheet);
        break;
      }
    }
  }

  /** The mirror follows every operation, so later operations see the positions the plan expects. */
  private mirrorOperation(op: SheetOperation): void {
    if (op.kind === 'ensureSheet' || op.kind === 'writeTable' || this.mirrorOf(op.sheet)) applyOperation(this.mirror, op);
  }

  private writeTable(op: WriteTable): void {
    const existing = this.meta.find((m) => m.title === op.sheet);
    const sheet = existing ?? this.addSheet(op.sheet);
    if (op.replace && existing) this.clearSheet(sheet);
    const top = op.anchor?.row ?? 1;
    const left = op.anchor?.column ?? 1;
    const width = Math.max(op.header.length, ...op.rows.map((r) => r.length), 1);
    const pad = (row: readonly CellValue[]) => Array.from({ length: width }, (_, j) => (j < row.length ? row[j] : null));
    op.numberFormats?.forEach((f, j) => {
      if (f !== null) this.format(sheet, left + j, top + 1, top + op.rows.length, numberFormat(f));
    });
    this.writeBlock(sheet, top, left, [op.header.map((h) => h as CellValue), ...op.rows.map(pad)]);
    if (op.headerFill && op.header.length) this.fill(this.range(sheet, top, left, top, left + op.header.length - 1), op.headerFill);
    op.columnWidths?.forEach((w, j) => {
      if (w !== null) this.width(sheet, left + j, w);
    });
    if (op.freezeHeader) this.freeze(sheet, top);
    const block = this.range(sheet, top, left, top + Math.max(op.rows.length, 1), left + Math.max(op.header.length, 1) - 1);
    if (op.table) this.table(sheet, block);
    else if (op.autoFilter) this.setFilter(sheet, block);
  }

  private colourCells(op: ColourCells, before: MemorySheet | undefined): void {
    const sheet = this.sheet(op.sheet);
    const left = op.wholeRow ? 1 : op.column;
    const right = op.wholeRow ? Math.max(before ? lastUsedColumn(before) : 0, op.column) : op.column;
    const rules = colourRules(op, this.range(sheet, op.fromRow, left, op.toRow, right));
    const key = conditionalRuleKey(rules[0] ?? { ranges: [this.range(sheet, op.fromRow, left, op.toRow, right)] });
    for (let i = sheet.ruleKeys.length - 1; i >= 0; i--) {
      if (sheet.ruleKeys[i] !== key) continue;
      this.requests.push({ deleteConditionalFormatRule: { sheetId: sheet.sheetId, index: i } });
      sheet.ruleKeys.splice(i, 1);
    }
    for (const rule of rules) {
      this.requests.push({ addConditionalFormatRule: { rule, index: sheet.ruleKeys.length } });
      sheet.ruleKeys.push(key);
    }
  }

  /**
   * A basic filter over the used range from the header row down hiding, in the column, the shown texts of
   * the data rows that do not match; it replaces other criteria and rows hidden by hand, as the in-memory
   * reference does.
   */
  private applyFilter(op: ApplyFilter, before: MemorySheet | undefined): void {
    const sheet = this.sheet(op.sheet);
    const headerRow = op.headerRow ?? 1;
    const lastRow = Math.max(before ? lastUsedRow(before) : 0, headerRow + 1);
    const range = this.range(sheet, headerRow, 1, lastRow, Math.max(before ? lastUsedColumn(before) : 0, op.column));
    const shown = this.shown.get(`${op.sheet}|${op.column}`) ?? [];
    const wanted = new Set(op.values);
    const hide = new Set<string>();
    const keep = new Set<string>();
    for (let r = headerRow + 1; r <= lastRow; r++) {
      const value = before?.values[r - 1]?.[op.column - 1];
      (wanted.has(cellText(value)) ? keep : hide).add(shown[r - 2] ?? '');
    }
    for (const text of keep) hide.delete(text);
    this.showAllRows(sheet);
    this.setFilter(sheet, range, hide.size ? { [op.column - 1]: { hiddenValues: [...hide] } } : undefined);
  }
}
