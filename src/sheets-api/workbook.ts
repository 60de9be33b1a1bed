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
import { sheetFromSnapshot } from '../workbook/memory';
import { operationStep, type ApplyFilter, type SheetOperation } from '../workbook/operations';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot';
import { GOOGLE_SHEETS_LIMITS, type ProgressListener, type Workbook } from '../workbook/workbook';
import { quoteSheet } from './cells';
import { serialToDate } from '../workbook/serial';
import { DEFAULT_BACKOFF, SheetsCallError, withBackoff, type BackoffOptions, type Fault } from './retry';
import { INCOMPLETE_NOTE, noteRequest, PartialWriteError, splitBatches, statusOf, withIncompleteNote, withoutIncompleteNote } from './batches';
import { conditionalRuleKey } from './rules';
import { columnLetter, rangeA1 } from '../workbook/a1';
import { RequestPlanner } from './request-planner';
import type { SheetMeta } from './grid-requests';

type Request = sheets_v4.Schema$Request;

/** Requests per batchUpdate: far below the API's 10 MB body limit for the value blocks a plan writes. */
export const REQUESTS_PER_BATCH = 5000;
/** The developer metadata key of the markers that tell whether a batch was written. */
export const BATCH_MARKER_KEY = 'crm-base.batch';
/** googleapis retries on its own by default; the backoff here is the one policy (bounded, jittered). */
const NO_LIBRARY_RETRY = { retry: false } as const;

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
    onProgress?.({ step: { key: 'step.readValues', params: { sheet: titles.join(', ') } }, done: 0, total: 2 });
    const ranges = titles.map(quoteSheet);
    const values = await this.call('чтение значений / reading the values', () =>
      this.sheets.spreadsheets.values.batchGet({ spreadsheetId: this.spreadsheetId, ranges, valueRenderOption: 'UNFORMATTED_VALUE', dateTimeRenderOption: 'SERIAL_NUMBER', majorDimension: 'ROWS' }, NO_LIBRARY_RETRY),
    );
    onProgress?.({ step: { key: 'step.readFormats', params: { sheet: titles.join(', ') } }, done: 1, total: 2 });
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
