/**
 * An in-memory Google Sheets behind a loopback HTTP server (127.0.0.1, random port): the endpoints the
 * REST gateway uses, with the API's semantics for the requests it sends — values as typed cells, 0-based
 * end-exclusive grid ranges, rows deleted with everything attached to them, a basic filter hiding rows by
 * shown text. It logs every request and can answer the next ones with an error (429, 503) or a broken
 * connection — before or after carrying the request out — to test backoff and interrupted plans.
 * Condition values from the gateway are parsed the way Google parses userEnteredValue, "as if the user
 * typed into a cell" (the SpreadsheetApp fake's interpretTyped): `=…`, `+…`, `-…`, `@…` are formulas, digits
 * numbers or dates, unless behind an apostrophe. `state()` describes the spreadsheet as a WorkbookState
 * from these records, for the contract suite.
 */
import http from 'http';
import type { AddressInfo } from 'net';
import type { sheets_v4 } from 'googleapis';
import { cellA1, formatRange, rectWithRowsInserted, subtractRect, type Rect } from '../../src/workbook/memory';
import type { ChartSeries, ChartSpec, ColourRule, ValidationRule } from '../../src/workbook/operations';
import type { CellValue, WorkbookSnapshot } from '../../src/workbook/snapshot';
import { columnNumber } from '../../src/workbook/a1';
import type { ConditionalFormatState, SheetState, ValidationState, WorkbookState } from '../../src/workbook/state';
import { hexColour } from '../../src/sheets-api/cells';
import { dateToSerial, serialToDate } from '../../src/workbook/serial';
import { helpTextParts } from '../../src/google/help-text';
import { displayText, interpretTyped } from '../fakes/gas/cells';

type GridRange = sheets_v4.Schema$GridRange;

interface Cell {
  value?: sheets_v4.Schema$ExtendedValue;
  format?: sheets_v4.Schema$NumberFormat;
  background?: sheets_v4.Schema$Color;
  note?: string;
}

interface EmuSheet {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  frozenRows: number;
  cells: Cell[][];
  validations: Array<{ rect: Rect; rule: sheets_v4.Schema$DataValidationRule }>;
  rules: sheets_v4.Schema$ConditionalFormatRule[];
  filter: { range: GridRange; criteria: Record<string, sheets_v4.Schema$FilterCriteria> } | null;
  bandings: Array<{ id: number; range: GridRange }>;
  charts: sheets_v4.Schema$EmbeddedChart[];
  hiddenByUser: Set<number>;
  /** Columns (1-based) hidden by the user or by a request. */
  hiddenColumns: Set<number>;
}

/** An HTTP error status, or `reset`: the connection breaks off with no answer. */
export type Fault = number | 'reset';

interface PlannedFailure {
  fault: Fault;
  /** Only batchUpdate calls fail (reads pass). */
  onlyBatchUpdate: boolean;
  /** Carry the request out, then fail: the answer is lost, the change is made. */
  afterApplying: boolean;
  /** Matching requests to let through first. */
  skip: number;
}

export interface FailureOptions {
  onlyBatchUpdate?: boolean;
  afterApplying?: boolean;
  skip?: number;
}

const STATUS_TEXT: Record<number, [string, string]> = {
  429: ['RESOURCE_EXHAUSTED', 'Quota exceeded'],
  500: ['INTERNAL', 'Internal error encountered.'],
  502: ['UNAVAILABLE', 'Bad Gateway'],
  503: ['UNAVAILABLE', 'The service is currently unavailable.'],
  504: ['DEADLINE_EXCEEDED', 'The request timed out.'],
};

/**
 * What a condition value typed as `text` stands for, as text: the typed text itself, a number or a
 * date as shown, and a formula as the error the emulator shows for every formula (it computes none).
 */
function typedCondition(text: string): string {
  return displayText(interpretTyped(text, undefined, 'UTC'), 'UTC');
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

const toRect = (g: GridRange, sheet: EmuSheet): Rect => ({
  top: (g.startRowIndex ?? 0) + 1,
  bottom: g.endRowIndex ?? sheet.rowCount,
  left: (g.startColumnIndex ?? 0) + 1,
  right: g.endColumnIndex ?? sheet.columnCount,
});

const isDateFormat = (f: sheets_v4.Schema$NumberFormat | undefined) => f?.type === 'DATE' || f?.type === 'DATE_TIME';

export class SheetsEmulator {
  sheets: EmuSheet[] = [];
  /** Developer metadata on the spreadsheet itself. */
  developerMetadata: sheets_v4.Schema$DeveloperMetadata[] = [];
  readonly log: LoggedRequest[] = [];
  private failures: PlannedFailure[] = [];
  private server: http.Server | null = null;
  private nextId = 100;

  constructor(readonly spreadsheetId = 'test-spreadsheet') {}

  /** The next `count` requests (after `skip` let through) fail with `fault`. */
  failNext(fault: Fault, count = 1, options: FailureOptions = {}): void {
    for (let i = 0; i < count; i++) {
      this.failures.push({ fault, onlyBatchUpdate: !!options.onlyBatchUpdate, afterApplying: !!options.afterApplying, skip: i === 0 ? options.skip ?? 0 : 0 });
    }
  }

  /** The note of a cell, by sheet title and 1-based row and column. */
  note(title: string, row = 1, column = 1): string | undefined {
    return this.byTitle(title).cells[row - 1]?.[column - 1]?.note;
  }

  /** Sheets holding a snapshot's values (dates formatted as dates, as if typed). */
  load(snapshot: WorkbookSnapshot): void {
    for (const s of snapshot.sheets) {
      const sheet = this.newSheet(s.name);
      [s.header, ...s.rows].forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === '') return;
          const cell = this.cell(sheet, r, c);
          if (v instanceof Date) {
            cell.value = { numberValue: dateToSerial(v) };
            cell.format = { type: v.getTime() % 86_400_000 === 0 ? 'DATE' : 'DATE_TIME', pattern: 'dd.mm.yyyy' };
          } else if (typeof v === 'string') cell.value = { stringValue: v };
          else if (typeof v === 'number') cell.value = { numberValue: v };
          else cell.value = { boolValue: v };
        }),
      );
    }
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  // ----------------------------------------------------------------------------------------------
  // HTTP

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = text ? JSON.parse(text) : undefined;
      this.log.push({ method: req.method ?? '', path: decodeURIComponent(url.pathname), query: url.searchParams, body });
      const reply = (status: number, data: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(data));
      };
      const path = decodeURIComponent(url.pathname);
      const failure = this.failureFor(path);
      const fail = (fault: Fault) => {
        if (fault === 'reset') return req.socket.destroy();
        const [status, message] = STATUS_TEXT[fault] ?? ['UNKNOWN', 'Error'];
        reply(fault, { error: { code: fault, message, status } });
      };
      if (failure && !failure.afterApplying) return fail(failure.fault);
      let answer: [number, unknown];
      try {
        if (path.endsWith(':batchUpdate')) answer = [200, this.batchUpdate(body.requests)];
        else if (path.endsWith('/values:batchGet')) answer = [200, this.batchGet(url.searchParams)];
        else answer = [200, this.get(url.searchParams)];
      } catch (error) {
        answer = [400, { error: { code: 400, message: (error as Error).message, status: 'INVALID_ARGUMENT' } }];
      }
      if (failure) return fail(failure.fault);
      reply(...answer);
    });
  }

  /** The planned failure this request meets, if any (taken off the list). */
  private failureFor(path: string): PlannedFailure | undefined {
    const index = this.failures.findIndex((f) => !f.onlyBatchUpdate || path.endsWith(':batchUpdate'));
    if (index < 0) return undefined;
    const failure = this.failures[index];
    if (failure.skip > 0) {
      failure.skip--;
      return undefined;
    }
    this.failures.splice(index, 1);
    return failure;
  }

  // ----------------------------------------------------------------------------------------------
  // model helpers

  private newSheet(title: string, sheetId = this.nextId++): EmuSheet {
    if (this.sheets.some((s) => s.title === title)) throw new Error(`A sheet with the name "${title}" already exists`);
    const sheet: EmuSheet = { sheetId, title, rowCount: 1000, columnCount: 26, frozenRows: 0, cells: [], validations: [], rules: [], filter: null, bandings: [], charts: [], hiddenByUser: new Set(), hiddenColumns: new Set() };
    this.sheets.push(sheet);
    return sheet;
  }

  private byId(id: number | null | undefined): EmuSheet {
    const sheet = this.sheets.find((s) => s.sheetId === (id ?? 0));
    if (!sheet) throw new Error(`No grid with id: ${id}`);
    return sheet;
  }

  private byTitle(title: string): EmuSheet {
    const sheet = this.sheets.find((s) => s.title === title);
    if (!sheet) throw new Error(`Unable to parse range: ${title}`);
    return sheet;
  }

  /** 0-based. */
  private cell(sheet: EmuSheet, r: number, c: number): Cell {
    if (r >= sheet.rowCount || c >= sheet.columnCount) throw new Error(`Range exceeds grid limits (row ${r + 1}, column ${c + 1} of ${sheet.rowCount}×${sheet.columnCount})`);
    const row = (sheet.cells[r] ??= []);
    return (row[c] ??= {});
  }

  private checkGrid(sheet: EmuSheet, g: GridRange): void {
    const rect = toRect(g, sheet);
    if (rect.bottom > sheet.rowCount || rect.right > sheet.columnCount) throw new Error(`Range ${formatRange(rect)} exceeds grid limits of «${sheet.title}»`);
  }

  private lastRow(sheet: EmuSheet): number {
    for (let r = sheet.cells.length; r >= 1; r--) if (sheet.cells[r - 1]?.some((c) => c?.value)) return r;
    return 0;
  }

  private shown(cell: Cell | undefined): string {
    const v = cell?.value;
    if (!v) return '';
    if (v.stringValue !== undefined && v.stringValue !== null) return v.stringValue;
    if (v.boolValue !== undefined && v.boolValue !== null) return v.boolValue ? 'TRUE' : 'FALSE';
    if (v.numberValue !== undefined && v.numberValue !== null) {
      if (!isDateFormat(cell?.format)) return String(v.numberValue);
      const d = serialToDate(v.numberValue);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
    }
    return '#ERROR!';
  }

  private unformatted(cell: Cell | undefined): unknown {
    const v = cell?.value;
    if (!v) return '';
    return v.stringValue ?? v.numberValue ?? v.boolValue ?? '#ERROR!';
  }

  private filterHidden(sheet: EmuSheet): number[] {
    if (!sheet.filter) return [];
    const rect = toRect(sheet.filter.range, sheet);
    const hidden: number[] = [];
    for (let r = rect.top + 1; r <= rect.bottom; r++) {
      for (const [column, criteria] of Object.entries(sheet.filter.criteria)) {
        if ((criteria.hiddenValues ?? []).includes(this.shown(sheet.cells[r - 1]?.[Number(column)]))) {
          hidden.push(r);
          break;
        }
      }
    }
    return hidden;
  }

  // ----------------------------------------------------------------------------------------------
  // GET endpoints

  private rangeOf(a1: string): { sheet: EmuSheet; rect: Rect } {
    const m = /^'((?:[^']|'')*)'(?:!([A-Z]+)(\d+):([A-Z]+)(\d*))?$/.exec(a1);
    if (!m) throw new Error(`Unable to parse range: ${a1}`);
    const sheet = this.byTitle(m[1].replace(/''/g, "'"));
    const rect: Rect = m[2]
      ? { top: Number(m[3]), left: columnNumber(m[2]), right: columnNumber(m[4]), bottom: m[5] ? Number(m[5]) : Math.max(this.lastRow(sheet), Number(m[3])) }
      : { top: 1, left: 1, bottom: this.lastRow(sheet), right: sheet.columnCount };
    return { sheet, rect };
  }

  private batchGet(query: URLSearchParams): sheets_v4.Schema$BatchGetValuesResponse {
    const formatted = query.get('valueRenderOption') === 'FORMATTED_VALUE';
    const columns = query.get('majorDimension') === 'COLUMNS';
    return {
      spreadsheetId: this.spreadsheetId,
      valueRanges: query.getAll('ranges').map((a1) => {
        const { sheet, rect } = this.rangeOf(a1);
        const rows: unknown[][] = [];
        for (let r = rect.top; r <= Math.min(rect.bottom, this.lastRow(sheet)); r++) {
          const row: unknown[] = [];
          for (let c = rect.left; c <= rect.right; c++) {
            const cell = sheet.cells[r - 1]?.[c - 1];
            row.push(formatted ? this.shown(cell) : this.unformatted(cell));
          }
          while (row.length && row[row.length - 1] === '') row.pop();
          rows.push(row);
        }
        while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
        const values = columns ? [rows.map((r) => r[0] ?? '')] : rows;
        return { range: a1, majorDimension: columns ? 'COLUMNS' : 'ROWS', values };
      }),
    };
  }

  private get(query: URLSearchParams): sheets_v4.Schema$Spreadsheet {
    const ranges = query.getAll('ranges');
    if (ranges.length) {
      return {
        sheets: ranges.map((a1) => {
          const { sheet } = this.rangeOf(a1);
          const hidden = new Set([...sheet.hiddenByUser, ...this.filterHidden(sheet).map((r) => r - 1)]);
          return {
            properties: { title: sheet.title },
            merges: [],
            data: [
              {
                startRow: 0,
                rowMetadata: Array.from({ length: sheet.rowCount }, (_, r) => ({ hiddenByFilter: this.filterHidden(sheet).includes(r + 1), hiddenByUser: sheet.hiddenByUser.has(r + 1) && hidden.has(r + 1) })),
                rowData: Array.from({ length: Math.max(this.lastRow(sheet), sheet.cells[0]?.[0]?.note ? 1 : 0) }, (_, r) => ({
                  values: (sheet.cells[r] ?? []).map((c) => ({
                    ...(c?.format ? { effectiveFormat: { numberFormat: { type: c.format.type } } } : {}),
                    ...(c?.note ? { note: c.note } : {}),
                  })),
                })),
              },
            ],
          };
        }),
      };
    }
    return {
      spreadsheetId: this.spreadsheetId,
      sheets: this.sheets.map((s, index) => ({
        properties: { sheetId: s.sheetId, title: s.title, index, gridProperties: { rowCount: s.rowCount, columnCount: s.columnCount } },
        conditionalFormats: s.rules,
        bandedRanges: s.bandings.map((b) => ({ bandedRangeId: b.id, range: b.range })),
        charts: s.charts.map((c) => ({ chartId: c.chartId })),
        ...(s.filter ? { basicFilter: { range: s.filter.range } } : {}),
      })),
      developerMetadata: this.developerMetadata,
    };
  }

  // ----------------------------------------------------------------------------------------------
  // batchUpdate

  private batchUpdate(requests: sheets_v4.Schema$Request[]): sheets_v4.Schema$BatchUpdateSpreadsheetResponse {
    // all or nothing, as the API does: work on a copy, keep it only when every request succeeds
    const saved = { sheets: this.sheets, developerMetadata: this.developerMetadata };
    this.sheets = structuredClone(saved.sheets);
    this.developerMetadata = structuredClone(saved.developerMetadata);
    try {
      for (const request of requests) this.one(request);
    } catch (error) {
      ({ sheets: this.sheets, developerMetadata: this.developerMetadata } = saved);
      throw error;
    }
    return { spreadsheetId: this.spreadsheetId, replies: requests.map(() => ({})) };
  }

  private one(q: sheets_v4.Schema$Request): void {
    if (q.addSheet) {
      const p = q.addSheet.properties ?? {};
      this.newSheet(p.title ?? 'Sheet', p.sheetId ?? undefined);
    } else if (q.updateCells) this.updateCells(q.updateCells);
    else if (q.repeatCell) {
      const { range, cell, fields } = q.repeatCell;
      const sheet = this.byId(range?.sheetId);
      this.checkGrid(sheet, range!);
      const rect = toRect(range!, sheet);
      for (let r = rect.top; r <= rect.bottom; r++)
        for (let c = rect.left; c <= rect.right; c++) {
          const target = this.cell(sheet, r - 1, c - 1);
          if (fields?.includes('numberFormat')) target.format = cell?.userEnteredFormat?.numberFormat ?? undefined;
          if (fields?.includes('backgroundColor')) target.background = cell?.userEnteredFormat?.backgroundColor ?? undefined;
        }
    } else if (q.appendDimension) {
      const sheet = this.byId(q.appendDimension.sheetId);
      if (q.appendDimension.dimension === 'ROWS') sheet.rowCount += q.appendDimension.length ?? 0;
      else sheet.columnCount += q.appendDimension.length ?? 0;
    } else if (q.deleteDimension) this.deleteRows(q.deleteDimension.range!);
    else if (q.insertDimension) this.insertRows(q.insertDimension);
    else if (q.setDataValidation) {
      const range = q.setDataValidation.range!;
      const sheet = this.byId(range.sheetId);
      this.checkGrid(sheet, range);
      const rect = toRect(range, sheet);
      sheet.validations = sheet.validations.flatMap((v) => subtractRect(v.rect, rect).map((r) => ({ ...v, rect: r })));
      if (q.setDataValidation.rule) sheet.validations.push({ rect, rule: q.setDataValidation.rule });
    } else if (q.addConditionalFormatRule) {
      const rule = q.addConditionalFormatRule.rule!;
      const sheet = this.byId(rule.ranges?.[0]?.sheetId);
      sheet.rules.splice(q.addConditionalFormatRule.index ?? sheet.rules.length, 0, rule);
    } else if (q.deleteConditionalFormatRule) {
      const sheet = this.byId(q.deleteConditionalFormatRule.sheetId);
      const index = q.deleteConditionalFormatRule.index ?? 0;
      if (index >= sheet.rules.length) throw new Error(`No conditional format on sheet ${sheet.sheetId} at index ${index}`);
      sheet.rules.splice(index, 1);
    } else if (q.setBasicFilter) {
      const filter = q.setBasicFilter.filter!;
      const sheet = this.byId(filter.range?.sheetId);
      this.checkGrid(sheet, filter.range!);
      sheet.filter = { range: filter.range!, criteria: filter.criteria ?? {} };
    } else if (q.clearBasicFilter) this.byId(q.clearBasicFilter.sheetId).filter = null;
    else if (q.addBanding) {
      const banded = q.addBanding.bandedRange!;
      const sheet = this.byId(banded.range?.sheetId);
      const rect = toRect(banded.range!, sheet);
      if (sheet.bandings.some((b) => subtractRect(toRect(b.range, sheet), rect).length !== 1)) throw new Error('You cannot add alternating colors to a range that already has alternating colors.');
      sheet.bandings.push({ id: banded.bandedRangeId ?? this.nextId++, range: banded.range! });
    } else if (q.deleteBanding) {
      for (const s of this.sheets) s.bandings = s.bandings.filter((b) => b.id !== q.deleteBanding!.bandedRangeId);
    } else if (q.addChart) {
      const chart = q.addChart.chart!;
      this.byId(chart.position?.overlayPosition?.anchorCell?.sheetId).charts.push(chart);
    } else if (q.deleteEmbeddedObject) {
      for (const s of this.sheets) s.charts = s.charts.filter((c) => c.chartId !== q.deleteEmbeddedObject!.objectId);
    } else if (q.updateSheetProperties) {
      const p = q.updateSheetProperties.properties!;
      const sheet = this.byId(p.sheetId);
      if (q.updateSheetProperties.fields?.includes('frozenRowCount')) sheet.frozenRows = p.gridProperties?.frozenRowCount ?? 0;
    } else if (q.updateDimensionProperties) {
      const { range, properties, fields } = q.updateDimensionProperties;
      const sheet = this.byId(range?.sheetId);
      if (fields?.includes('hiddenByUser') && (range?.dimension === 'ROWS' || range?.dimension === 'COLUMNS')) {
        const [hiddenSet, size] = range.dimension === 'ROWS' ? [sheet.hiddenByUser, sheet.rowCount] : [sheet.hiddenColumns, sheet.columnCount];
        const end = range.endIndex ?? size;
        if (end > size) throw new Error(`Invalid updateDimensionProperties: the ${range.dimension.toLowerCase()} range ends at ${end}, past the grid (${size})`);
        for (let n = (range.startIndex ?? 0) + 1; n <= end; n++) {
          if (properties?.hiddenByUser) hiddenSet.add(n);
          else hiddenSet.delete(n);
        }
      }
    } else if (q.createDeveloperMetadata) {
      const metadata = q.createDeveloperMetadata.developerMetadata!;
      if (!metadata.location?.spreadsheet) throw new Error('The emulator keeps developer metadata on the spreadsheet only');
      if (this.developerMetadata.some((m) => m.metadataId === metadata.metadataId)) throw new Error(`Developer metadata with id ${metadata.metadataId} already exists`);
      this.developerMetadata.push({ ...metadata, metadataId: metadata.metadataId ?? this.nextId++ });
    } else if (q.deleteDeveloperMetadata) {
      const lookup = q.deleteDeveloperMetadata.dataFilter?.developerMetadataLookup;
      if (!lookup?.metadataId) throw new Error('The emulator deletes developer metadata by id only');
      const kept = this.developerMetadata.filter((m) => m.metadataId !== lookup.metadataId);
      if (kept.length === this.developerMetadata.length) throw new Error(`No developer metadata with id ${lookup.metadataId}`);
      this.developerMetadata = kept;
    } else throw new Error(`The emulator does not know the request ${Object.keys(q).join(', ')}`);
  }

  private updateCells(u: sheets_v4.Schema$UpdateCellsRequest): void {
    const fields = u.fields ?? '';
    if (u.range && !u.rows) {
      // clearing a range (here: a whole sheet) of the fields named
      const sheet = this.byId(u.range.sheetId);
      const rect = toRect(u.range, sheet);
      for (let r = rect.top; r <= Math.min(rect.bottom, sheet.cells.length); r++) {
        for (let c = rect.left; c <= rect.right; c++) {
          const cell = sheet.cells[r - 1]?.[c - 1];
          if (!cell) continue;
          if (fields.includes('userEnteredValue')) delete cell.value;
          if (fields.includes('userEnteredFormat')) {
            delete cell.format;
            delete cell.background;
          }
          if (fields.includes('note')) delete cell.note;
        }
      }
      if (fields.includes('dataValidation')) sheet.validations = sheet.validations.flatMap((v) => subtractRect(v.rect, rect).map((x) => ({ ...v, rect: x })));
      return;
    }
    const start = u.start!;
    const sheet = this.byId(start.sheetId);
    (u.rows ?? []).forEach((row, i) =>
      (row.values ?? []).forEach((data, j) => {
        const cell = this.cell(sheet, (start.rowIndex ?? 0) + i, (start.columnIndex ?? 0) + j);
        if (fields.includes('userEnteredValue')) {
          const v = data.userEnteredValue;
          cell.value = v && Object.keys(v).length ? { ...v } : undefined;
        }
        if (fields.includes('note')) cell.note = data.note || undefined;
      }),
    );
  }

  /** Rows from startIndex down move down; ranges across the insertion grow, ranges at or below it move (as Sheets does). */
  private insertRows(request: sheets_v4.Schema$InsertDimensionRequest): void {
    const range = request.range!;
    const sheet = this.byId(range.sheetId);
    if (range.dimension !== 'ROWS') throw new Error('the emulator inserts rows only');
    const at = (range.startIndex ?? 0) + 1;
    const count = (range.endIndex ?? 0) - (range.startIndex ?? 0);
    if (count < 1 || at > sheet.rowCount) throw new Error(`Invalid insertDimension: rows ${at}..${at + count - 1} on a sheet of ${sheet.rowCount} rows`);
    if (at === 1 && request.inheritFromBefore) throw new Error('Cannot inherit from before the first row');
    if (sheet.cells.length >= at) sheet.cells.splice(at - 1, 0, ...Array.from({ length: count }, (): Cell[] => []));
    sheet.rowCount += count;
    const shift = (rect: Rect): Rect => rectWithRowsInserted(rect, at, count);
    const shiftGrid = (g: GridRange): GridRange => {
      const rect = shift(toRect(g, { ...sheet, rowCount: sheet.rowCount - count }));
      return { ...g, startRowIndex: rect.top - 1, endRowIndex: rect.bottom };
    };
    sheet.validations = sheet.validations.map((v) => ({ ...v, rect: shift(v.rect) }));
    sheet.rules = sheet.rules.map((rule) => ({ ...rule, ranges: (rule.ranges ?? []).map(shiftGrid) }));
    if (sheet.filter) sheet.filter = { ...sheet.filter, range: shiftGrid(sheet.filter.range) };
    sheet.bandings = sheet.bandings.map((b) => ({ ...b, range: shiftGrid(b.range) }));
    sheet.hiddenByUser = new Set([...sheet.hiddenByUser].map((r) => (r >= at ? r + count : r)));
  }

  private deleteRows(range: sheets_v4.Schema$DimensionRange): void {
    const sheet = this.byId(range.sheetId);
    const from = (range.startIndex ?? 0) + 1;
    const to = range.endIndex ?? from;
    const count = to - from + 1;
    sheet.cells.splice(from - 1, count);
    sheet.rowCount -= count;
    const shift = (rect: Rect): Rect | null => {
      const before = (row: number) => Math.max(0, Math.min(row, to) - from + 1);
      const top = rect.top - before(rect.top - 1);
      const bottom = rect.bottom - before(rect.bottom);
      return bottom < top ? null : { ...rect, top, bottom };
    };
    const shiftGrid = (g: GridRange): GridRange | null => {
      const rect = shift(toRect(g, { ...sheet, rowCount: sheet.rowCount + count }));
      return rect ? { ...g, startRowIndex: rect.top - 1, endRowIndex: rect.bottom } : null;
    };
    sheet.validations = sheet.validations.flatMap((v) => {
      const rect = shift(v.rect);
      return rect ? [{ ...v, rect }] : [];
    });
    sheet.rules = sheet.rules.flatMap((rule) => {
      const ranges = (rule.ranges ?? []).flatMap((g) => shiftGrid(g) ?? []);
      return ranges.length ? [{ ...rule, ranges }] : [];
    });
    if (sheet.filter) {
      const moved = shiftGrid(sheet.filter.range);
      sheet.filter = moved ? { ...sheet.filter, range: moved } : null;
    }
    sheet.bandings = sheet.bandings.flatMap((b) => {
      const moved = shiftGrid(b.range);
      return moved ? [{ ...b, range: moved }] : [];
    });
    sheet.hiddenByUser = new Set([...sheet.hiddenByUser].filter((r) => r < from || r > to).map((r) => (r > to ? r - count : r)));
  }

  // ----------------------------------------------------------------------------------------------
  // the spreadsheet as a WorkbookState

  state(): WorkbookState {
    return { sheets: this.sheets.map((s) => this.sheetState(s)) };
  }

  private validationRule(rule: sheets_v4.Schema$DataValidationRule): ValidationRule {
    const c = rule.condition!;
    const v = (c.values ?? []).map((x) => String(x.userEnteredValue ?? ''));
    switch (c.type) {
      case 'ONE_OF_LIST':
        return { type: 'list', values: v.map(typedCondition) };
      case 'ONE_OF_RANGE': {
        const m = /^='((?:[^']|'')*)'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(v[0])!;
        return { type: 'listRange', source: { sheet: m[1].replace(/''/g, "'"), column: columnNumber(m[2]), fromRow: Number(m[3]), toRow: Number(m[4]) } };
      }
      case 'DATE_IS_VALID':
        return { type: 'date' };
      case 'DATE_BETWEEN':
        return { type: 'date', min: v[0], max: v[1] };
      case 'DATE_ON_OR_AFTER':
        return { type: 'date', min: v[0] };
      case 'DATE_ON_OR_BEFORE':
        return { type: 'date', max: v[0] };
      case 'NUMBER_BETWEEN':
        return Number(v[0]) === -Number.MAX_VALUE && Number(v[1]) === Number.MAX_VALUE ? { type: 'number' } : { type: 'number', min: Number(v[0]), max: Number(v[1]) };
      case 'NUMBER_GREATER_THAN_EQ':
        return { type: 'number', min: Number(v[0]) };
      case 'NUMBER_LESS_THAN_EQ':
        return { type: 'number', max: Number(v[0]) };
      case 'CUSTOM_FORMULA':
        return { type: 'custom', formula: v[0].replace(/^=/, '') };
      default:
        throw new Error(`validation the product does not write: ${c.type}`);
    }
  }

  private colourRule(rule: sheets_v4.Schema$ConditionalFormatRule): { rule: ColourRule; testColumn?: string } {
    const c = rule.booleanRule!.condition!;
    const v = String(c.values?.[0]?.userEnteredValue ?? '');
    let when: ColourRule['when'];
    let testColumn: string | undefined;
    if (c.type === 'TEXT_EQ') when = { equals: typedCondition(v) };
    else if (c.type === 'NUMBER_GREATER_THAN_EQ') when = { atLeast: Number(v) };
    else if (c.type === 'NUMBER_LESS_THAN_EQ') when = { atMost: Number(v) };
    else {
      const equals = /^=\$([A-Z]+)\d+="((?:[^"]|"")*)"$/.exec(v);
      const compare = /^=AND\(ISNUMBER\(\$([A-Z]+)\d+\),\$[A-Z]+\d+(>=|<=)(-?[\d.]+)\)$/.exec(v);
      if (equals) [testColumn, when] = [equals[1], { equals: equals[2].replace(/""/g, '"') }];
      else if (compare) [testColumn, when] = [compare[1], compare[2] === '>=' ? { atLeast: Number(compare[3]) } : { atMost: Number(compare[3]) }];
      else throw new Error(`conditional format the product does not write: ${v}`);
    }
    const format = rule.booleanRule!.format!;
    const out: ColourRule = { when, fill: hexColour(format.backgroundColor ?? undefined) };
    if (format.textFormat?.foregroundColor) out.fontColour = hexColour(format.textFormat.foregroundColor);
    return { rule: out, testColumn };
  }

  private chartSpec(chart: sheets_v4.Schema$EmbeddedChart): ChartSpec {
    const spec = chart.spec!;
    const column = (data: sheets_v4.Schema$ChartData | undefined) => {
      const g = data!.sourceRange!.sources![0];
      const source = this.byId(g.sheetId);
      const header = source.cells[g.startRowIndex ?? 0]?.[g.startColumnIndex ?? 0];
      return { name: this.shown(header), range: { sheet: source.title, column: (g.startColumnIndex ?? 0) + 1, fromRow: (g.startRowIndex ?? 0) + 2, toRow: g.endRowIndex ?? 0 } };
    };
    const basic = spec.basicChart;
    const domain = column(basic ? basic.domains?.[0]?.domain ?? undefined : spec.pieChart?.domain ?? undefined);
    const series: ChartSeries[] = basic
      ? (basic.series ?? []).map((s) => {
          const c = column(s.series ?? undefined);
          const out: ChartSeries = { name: c.name, values: c.range };
          if (s.type === 'LINE') out.asLine = true;
          if (s.targetAxis === 'RIGHT_AXIS') out.secondaryAxis = true;
          return out;
        })
      : [{ name: column(spec.pieChart?.series ?? undefined).name, values: column(spec.pieChart?.series ?? undefined).range }];
    const type: ChartSpec['type'] = basic ? ({ COMBO: 'pareto', BAR: 'bar', COLUMN: 'column' } as const)[basic.chartType as 'COMBO' | 'BAR' | 'COLUMN'] : 'pie';
    const overlay = chart.position!.overlayPosition!;
    const out: ChartSpec = {
      type,
      title: spec.title ?? '',
      categories: domain.range,
      series,
      anchor: { row: (overlay.anchorCell?.rowIndex ?? 0) + 1, column: (overlay.anchorCell?.columnIndex ?? 0) + 1 },
    };
    if (overlay.widthPixels) out.width = overlay.widthPixels;
    if (overlay.heightPixels) out.height = overlay.heightPixels;
    return out;
  }

  private sheetState(sheet: EmuSheet): SheetState {
    const values: CellValue[][] = [];
    const formulaCells: string[] = [];
    const numberFormats: Record<string, string> = {};
    const fills: Record<string, string> = {};
    sheet.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        const a1 = cellA1(r + 1, c + 1);
        if (cell?.value?.formulaValue) formulaCells.push(a1);
        if (cell?.format?.pattern) numberFormats[a1] = cell.format.pattern;
        if (cell?.background) fills[a1] = hexColour(cell.background);
      }),
    );
    for (let r = 1; r <= this.lastRow(sheet); r++) {
      const row = Array.from(sheet.cells[r - 1] ?? [], (cell): CellValue => {
        const v = cell?.value;
        if (!v) return null;
        if (v.numberValue !== undefined && v.numberValue !== null) return isDateFormat(cell?.format) ? serialToDate(v.numberValue) : v.numberValue;
        return v.stringValue ?? v.boolValue ?? null;
      });
      while (row.length && row[row.length - 1] === null) row.pop();
      values.push(row);
    }
    const validations = sheet.validations.map((v) => {
      const state: ValidationState = { range: formatRange(v.rect), rule: this.validationRule(v.rule), strict: !!v.rule.strict };
      return Object.assign(state, helpTextParts(v.rule.inputMessage));
    });
    const conditionalFormats: ConditionalFormatState[] = [];
    let lastKey = '';
    for (const rule of sheet.rules) {
      const { rule: colour, testColumn } = this.colourRule(rule);
      const range = (rule.ranges ?? []).map((g) => formatRange(toRect(g, sheet))).join(',');
      const key = `${range}|${testColumn ?? ''}`;
      if (key === lastKey) conditionalFormats[conditionalFormats.length - 1].rules.push(colour);
      else conditionalFormats.push({ range, rules: [colour], ...(testColumn ? { testColumn } : {}) });
      lastKey = key;
    }
    return {
      name: sheet.title,
      values,
      formulaCells,
      numberFormats,
      fills,
      validations,
      conditionalFormats,
      frozenRows: sheet.frozenRows,
      tables: [],
      autoFilter: sheet.filter ? formatRange(toRect(sheet.filter.range, sheet)) : null,
      hiddenRows: [...new Set([...sheet.hiddenByUser, ...this.filterHidden(sheet)])].sort((a, b) => a - b),
      hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
      charts: sheet.charts.map((c) => this.chartSpec(c)),
    };
  }
}
