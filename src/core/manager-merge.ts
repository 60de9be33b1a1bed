/**
 * Merging a manager's file (made by manager-split.ts) back into the main book, by client ID and cell,
 * three ways: the value at the split (the file's hidden record, split-record.ts), the main book's now,
 * the file's now.
 * - Changed in the file only: the file's value is written; the main book's old value is archived first.
 * - Changed in both, to different values: a conflict; the main book's value stays, the conflict is listed.
 * - Changed in both to the same value, or in the main book only: nothing to do.
 * - A client the record lacks: appended when its ID is new to the main book (an ID is given to a row
 *   without one); listed and not merged when the main book already has that ID for another client.
 * - A client in the record but no longer in the file: kept in the main book, listed.
 * - A client in the record but no longer in the main book: not brought back, listed.
 * - Orders and history rows of the file that were not there at the split, and that the main book does not
 *   already hold (the same cells under the same headers), are appended.
 * - A column of the file the main book does not have is not merged; it is listed.
 * Nothing of the main book is deleted. Columns are matched by header (headerKey), so the owner and the
 * managers may have moved columns around.
 */
import type { SheetOperation, WriteColumns } from '../workbook/operations';
import { FORMAT_DATE, FORMAT_DATETIME } from '../workbook/operations';
import type { CellValue, WorkbookSnapshot } from '../workbook/snapshot';
import type { Plan } from '../workbook/workbook';
import { readBase, type Base } from './base';
import { findHistorySheet } from './contact-history';
import { locatedTable } from './manager-split';
import { message, render, type Message } from './messages/message';
import type { Language } from './model';
import { cellText, isBlank } from './normalise/text';
import { headerKey, ORDER_HEADERS, sheetName } from './schema';
import { rowIsBlank } from './sheet-extent';
import { readSplitRecord, type RecordedTable, type RecordTable } from './split-record';
import { assignIds } from './structure';
import { valueArchiveOperations, type ArchivedValue } from './value-archive';
import { headerRowOf } from './layout';
import { keepUsersSheets, type KeptSheets } from './result-sheets';

export const MERGE_KINDS = ['conflict', 'changed', 'newClient', 'newOrder', 'newHistory', 'deletedInPart', 'goneFromMain', 'idTaken', 'notMerged', 'notPart'] as const;
export type MergeKind = (typeof MERGE_KINDS)[number];

/** One line of the merge's list: a cell, a row or a file, and what was done with it. */
export interface MergeEntry {
  file: string;
  kind: MergeKind;
  clientId: string;
  client: string;
  /** The column's header (the main book's), or the sheet for a row; '' for the file as a whole. */
  column: string;
  main: CellValue;
  part: CellValue;
  /** Why, for `notMerged` and `notPart`. */
  note?: Message;
}

export interface PartMergeReport {
  file: string;
  /** The manager the file was split for ('' for the clients with no manager); null when the file is no part. */
  manager: string | null;
  entries: MergeEntry[];
}

/** Cells compare by type and value; a date to the second, as a file stores it; empty and blank text alike. */
function cellKey(value: CellValue | undefined): string {
  if (isBlank(value ?? null)) return '';
  if (value instanceof Date) return `d${Math.round(value.getTime() / 1000)}`;
  return `${typeof value}:${String(value)}`;
}

const sameCell = (a: CellValue | undefined, b: CellValue | undefined) => cellKey(a) === cellKey(b);

/** Column index by header key (the first of a repeated header; blank headers are no key). */
function columnIndex(header: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((text, at) => {
    const key = headerKey(text);
    if (key && !index.has(key)) index.set(key, at);
  });
  return index;
}

/** A row laid out in another table's columns, by header; the part's cells under headers that table lacks are returned apart. */
function laidOut(row: readonly CellValue[], header: readonly string[], target: Map<string, number>, width: number): { cells: CellValue[]; left: string[] } {
  const cells: CellValue[] = new Array<CellValue>(width).fill(null);
  const left: string[] = [];
  header.forEach((text, at) => {
    const value = row[at] ?? null;
    const to = target.get(headerKey(text));
    if (to !== undefined) cells[to] = value;
    else if (!isBlank(value)) left.push(text);
  });
  return { cells, left };
}

/** A row's identity for "was it already there": its non-blank cells by header key, in any column order. */
function rowKey(row: readonly CellValue[], header: readonly string[]): string {
  return header
    .map((text, at) => [headerKey(text), cellKey(row[at])])
    .filter(([key, value]) => key && value)
    .map(([key, value]) => `${key}\u0002${value}`)
    .sort()
    .join('\u0001');
}

/** Number formats for appended rows: a column of dates gets a date (with the time when a value has one). */
function dateFormats(rows: readonly CellValue[][], width: number): (string | null)[] {
  return Array.from({ length: width }, (_, column) => {
    const dates = rows.map((row) => row[column]).filter((value): value is Date => value instanceof Date);
    if (dates.length === 0) return null;
    return dates.some((date) => date.getTime() % 86_400_000 !== 0) ? FORMAT_DATETIME : FORMAT_DATE;
  });
}

interface Table {
  sheet: string;
  header: string[];
  rows: CellValue[][];
}

function tableOf(snapshot: WorkbookSnapshot, base: Base, name: RecordTable): Table | undefined {
  if (name === 'history') {
    const found = findHistorySheet(snapshot);
    return found && { sheet: found.sheet.name, header: found.sheet.header.map((cell) => cellText(cell).trim()), rows: found.sheet.rows };
  }
  const located = base.layout[name];
  if (!located) return undefined;
  const table = locatedTable(snapshot, located);
  return { sheet: located.sheet, header: table.header, rows: table.rows.slice(0, located.rowCount) };
}

/** Who a row of the orders or history sheet is about: its «ID клиента» and «Клиент» cells (either language). */
function whoseRows(header: readonly string[]): (row: readonly CellValue[]) => { clientId: string; client: string } {
  const index = columnIndex(header);
  const columnOf = (headers: readonly string[]) => headers.map((text) => index.get(headerKey(text))).find((at) => at !== undefined);
  const idAt = columnOf([...ORDER_HEADERS.clientId.ru, ...ORDER_HEADERS.clientId.en]);
  const nameAt = columnOf([...ORDER_HEADERS.client.ru, ...ORDER_HEADERS.client.en]);
  const text = (row: readonly CellValue[], at: number | undefined) => (at === undefined ? '' : cellText(row[at] ?? null).trim());
  return (row) => ({ clientId: text(row, idAt), client: text(row, nameAt) });
}

const ROW_KINDS = { orders: 'newOrder', history: 'newHistory' } as const;

/** The orders or history rows of the file that are new: not in the record (as many times) and not in the main book. */
function newRows(
  name: 'orders' | 'history',
  file: string,
  main: Table | undefined,
  part: Table | undefined,
  recorded: RecordedTable | undefined,
  entries: MergeEntry[],
): SheetOperation[] {
  if (!part) return [];
  const atSplit = new Map<string, number>();
  for (const row of recorded?.rows ?? []) {
    const key = rowKey(row, recorded!.header);
    atSplit.set(key, (atSplit.get(key) ?? 0) + 1);
  }
  const inMain = new Set((main?.rows ?? []).map((row) => rowKey(row, main!.header)));
  const fresh = part.rows.filter((row) => {
    if (rowIsBlank(row)) return false;
    const key = rowKey(row, part.header);
    const before = atSplit.get(key) ?? 0;
    if (before > 0) {
      atSplit.set(key, before - 1);
      return false;
    }
    return !inMain.has(key);
  });
  if (fresh.length === 0) return [];
  const whose = whoseRows(part.header);
  if (!main) {
    for (const row of fresh) entries.push({ file, kind: 'notMerged', ...whose(row), column: part.sheet, main: null, part: null, note: message('merge.noSheet', { sheet: part.sheet }) });
    return [];
  }
  const target = columnIndex(main.header);
  const left = new Set<string>();
  const rows = fresh.map((row) => {
    const placed = laidOut(row, part.header, target, main.header.length);
    placed.left.forEach((text) => left.add(text));
    entries.push({ file, kind: ROW_KINDS[name], ...whose(row), column: main.sheet, main: null, part: null });
    return placed.cells;
  });
  for (const text of left) entries.push({ file, kind: 'notMerged', clientId: '', client: '', column: text, main: null, part: null, note: message('merge.noColumn', { sheet: main.sheet, column: text }) });
  return [{ kind: 'appendRows', sheet: main.sheet, rows, numberFormats: dateFormats(rows, main.header.length) }];
}

/**
 * The plan of merging one manager's file into the main book as it is now. A file without a split record
 * plans nothing and says so in its one entry.
 */
export function planPartMerge(mainSnapshot: WorkbookSnapshot, partSnapshot: WorkbookSnapshot, file: string, when: Date): Plan<PartMergeReport> {
  const record = readSplitRecord(partSnapshot);
  const notPart = (note: Message): Plan<PartMergeReport> => ({
    operations: [],
    report: { file, manager: null, entries: [{ file, kind: 'notPart', clientId: '', client: '', column: '', main: null, part: null, note }] },
  });
  if (!record) return notPart(message('merge.notPart', { file }));
  const main = readBase(mainSnapshot);
  const part = readBase(partSnapshot);
  const mainClients = main.layout.clients;
  const partClients = part.layout.clients;
  if (!mainClients || mainClients.columns.id === undefined) return notPart(message('merge.mainNoIds'));
  if (!partClients || partClients.columns.id === undefined) return notPart(message('merge.partNoIds', { file }));

  const language = main.layout.language;
  const entries: MergeEntry[] = [];
  const recorded = record.tables.clients!;
  const mainTable = tableOf(mainSnapshot, main, 'clients')!;
  const partTable = tableOf(partSnapshot, part, 'clients')!;
  const mainIndex = columnIndex(mainTable.header);
  const recordIndex = columnIndex(recorded.header);
  const idKey = headerKey(partTable.header[partClients.columns.id]);
  const mainIdAt = mainClients.columns.id;
  const mainNameAt = mainClients.columns.name;
  const recordIdAt = recordIndex.get(idKey) ?? recordIndex.get(headerKey(mainTable.header[mainIdAt]));
  const idOf = (row: readonly CellValue[] | undefined, at: number | undefined) => (row && at !== undefined ? cellText(row[at] ?? null).trim() : '');

  const mainById = new Map<string, number>();
  mainTable.rows.forEach((row, index) => {
    const id = idOf(row, mainIdAt);
    if (id && !mainById.has(id)) mainById.set(id, index);
  });
  const recordById = new Map(recorded.rows.map((row) => [idOf(row, recordIdAt), row]));
  const partNameAt = partClients.columns.name;
  const recordNameAt = partNameAt === undefined ? undefined : recordIndex.get(headerKey(partTable.header[partNameAt]));

  // The columns both books have, but the ID: a new client's row is already in the main book when these agree.
  const shared = partTable.header.flatMap((text, at) => {
    const mainAt = mainIndex.get(headerKey(text));
    return at === partClients.columns.id || mainAt === undefined || mainAt === mainIdAt ? [] : [[at, mainAt] as const];
  });
  const partColumns = shared.map(([at]) => at);
  const sharedKey = (row: readonly CellValue[], columns: readonly number[]) => columns.map((at) => cellKey(row[at])).join('\u0001');
  const mainRowKeys = new Set(mainTable.rows.map((row) => sharedKey(row, shared.map(([, mainAt]) => mainAt))));

  const changes = new Map<number, Map<number, CellValue>>();
  const archived: ArchivedValue[] = [];
  const appended: CellValue[][] = [];
  const leftColumns = new Set<string>();
  const seen = new Set<string>();

  partTable.rows.forEach((row) => {
    if (rowIsBlank(row)) return;
    const id = idOf(row, partClients.columns.id);
    const name = idOf(row, partNameAt);
    const atSplit = id ? recordById.get(id) : undefined;
    const inMain = id ? mainById.get(id) : undefined;
    if (!atSplit) {
      // A file merged twice: its new client is in the main book already (with the ID the first merge gave it).
      if (mainRowKeys.has(sharedKey(row, partColumns))) return;
      if (inMain !== undefined) {
        entries.push({ file, kind: 'idTaken', clientId: id, client: name, column: mainTable.header[mainIdAt], main: idOf(mainTable.rows[inMain], mainNameAt), part: name });
        return;
      }
      const placed = laidOut(row, partTable.header, mainIndex, mainTable.header.length);
      placed.left.forEach((text) => leftColumns.add(text));
      appended.push(placed.cells);
      entries.push({ file, kind: 'newClient', clientId: id, client: name, column: '', main: null, part: null });
      return;
    }
    seen.add(id);
    if (inMain === undefined) {
      entries.push({ file, kind: 'goneFromMain', clientId: id, client: name, column: '', main: null, part: null });
      return;
    }
    const mainRow = mainTable.rows[inMain];
    const client = idOf(mainRow, mainNameAt) || name;
    partTable.header.forEach((text, at) => {
      const key = headerKey(text);
      if (!key || at === partClients.columns.id) return;
      const theirs = row[at] ?? null;
      const recordAt = recordIndex.get(key);
      const base = recordAt === undefined ? null : (atSplit[recordAt] ?? null);
      if (sameCell(theirs, base)) return;
      const mainAt = mainIndex.get(key);
      if (mainAt === undefined) {
        leftColumns.add(text);
        return;
      }
      const mine = mainRow[mainAt] ?? null;
      const column = mainTable.header[mainAt];
      if (sameCell(mine, theirs)) return;
      if (!sameCell(mine, base)) {
        entries.push({ file, kind: 'conflict', clientId: id, client, column, main: mine, part: theirs });
        return;
      }
      let columnChanges = changes.get(mainAt);
      if (!columnChanges) changes.set(mainAt, (columnChanges = new Map()));
      columnChanges.set(inMain, theirs);
      if (!isBlank(mine)) archived.push({ sheet: mainTable.sheet, row: mainClients.headerRow + 1 + inMain, column, clientId: id, client, before: mine, after: theirs });
      entries.push({ file, kind: 'changed', clientId: id, client, column, main: mine, part: theirs });
    });
  });

  for (const [id, row] of recordById) {
    if (!id || seen.has(id) || !mainById.has(id)) continue;
    entries.push({ file, kind: 'deletedInPart', clientId: id, client: idOf(row, recordNameAt), column: '', main: null, part: null });
  }
  for (const text of leftColumns) entries.push({ file, kind: 'notMerged', clientId: '', client: '', column: text, main: null, part: null, note: message('merge.noColumn', { sheet: mainTable.sheet, column: text }) });

  const operations: SheetOperation[] = [];
  // The old values go to the archive before any cell is written.
  operations.push(...valueArchiveOperations(archived, render(message('merge.action', { file }), language), when, language));
  if (changes.size > 0) {
    const columns: WriteColumns['columns'] = [...changes].map(([at, rows]) => {
      const values = new Array<CellValue | undefined>(mainClients.rowCount).fill(undefined);
      for (const [index, value] of rows) values[index] = value;
      return { column: at + 1, values };
    });
    operations.push({ kind: 'writeColumns', sheet: mainTable.sheet, ...headerRowOf(mainClients), columns });
  }
  if (appended.length > 0) {
    const ids = assignIds(
      [...main.clients, ...appended.map((cells, i) => ({ id: idOf(cells, mainIdAt) || null, row: -1 - i }))],
      language,
    );
    appended.forEach((cells, i) => {
      const id = ids.get(-1 - i);
      if (id !== undefined) cells[mainIdAt] = id;
    });
    entries.filter((entry) => entry.kind === 'newClient').forEach((entry, i) => (entry.clientId = idOf(appended[i], mainIdAt)));
    operations.push({ kind: 'appendRows', sheet: mainTable.sheet, rows: appended, numberFormats: dateFormats(appended, mainTable.header.length) });
  }
  for (const name of ['orders', 'history'] as const) {
    operations.push(...newRows(name, file, tableOf(mainSnapshot, main, name), tableOf(partSnapshot, part, name), record.tables[name], entries));
  }
  return { operations, report: { file, manager: record.manager, entries } };
}

/** How many entries of each kind a report has. */
export function mergeCounts(report: PartMergeReport): Record<MergeKind, number> {
  const counts = Object.fromEntries(MERGE_KINDS.map((kind) => [kind, 0])) as Record<MergeKind, number>;
  for (const entry of report.entries) counts[entry.kind]++;
  return counts;
}

/** The words the result sheet and the summary use for each kind of entry. */
export function mergeKindMessage(kind: MergeKind): Message {
  return message(`merge.kind.${kind}`);
}

const RESULT_HEADER: Record<Language, string[]> = {
  ru: ['Файл', 'Что', 'ID клиента', 'Клиент', 'Столбец или лист', 'В основной книге', 'В файле менеджера', 'Пояснение'],
  en: ['File', 'What', 'Client ID', 'Client', 'Column or sheet', 'In the main book', 'In the manager\'s file', 'Note'],
};

/**
 * The result sheet «Слияние»: every entry of every file, conflicts first; rewritten whole on every merge,
 * but never over a sheet of the user's that has the name (result-sheets.ts).
 */
export function mergeResultOperations(snapshot: WorkbookSnapshot, reports: readonly PartMergeReport[], language: Language): KeptSheets {
  const sheet = sheetName('merge', language);
  const rank = (kind: MergeKind) => MERGE_KINDS.indexOf(kind);
  const entries = reports.flatMap((report) => report.entries).sort((a, b) => rank(a.kind) - rank(b.kind));
  const rows: CellValue[][] = entries.map((entry) => [
    entry.file,
    render(mergeKindMessage(entry.kind), language),
    entry.clientId,
    entry.client,
    entry.column,
    entry.main,
    entry.part,
    entry.note ? render(entry.note, language) : '',
  ]);
  return keepUsersSheets(snapshot, [
    { kind: 'ensureSheet', sheet },
    { kind: 'writeTable', sheet, replace: true, header: RESULT_HEADER[language], rows, freezeHeader: true, autoFilter: true, columnWidths: [28, 34, 12, 28, 22, 24, 24, 50] },
  ]);
}

/** The line the owner reads per file. */
export function mergeSummary(report: PartMergeReport): Message {
  const counts = mergeCounts(report);
  if (counts.notPart > 0) return report.entries[0].note!;
  return message('merge.summary', {
    file: report.file,
    changed: counts.changed,
    conflicts: counts.conflict,
    clients: counts.newClient,
    orders: counts.newOrder,
    history: counts.newHistory,
    kept: counts.deletedInPart + counts.goneFromMain + counts.idTaken + counts.notMerged,
  });
}
