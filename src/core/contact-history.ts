/**
 * The contact history: the sheet «История» ("History"), created when the first contact is logged, one row
 * per contact — when, the client's ID and name, the manager, the kind (звонок, встреча, письмо,
 * сообщение, заметка, поздравление — a birthday greeting, the «поздравлен в этом году» mark of
 * greetings.ts — and «статус» for a funnel move made through the product), the result, the next step,
 * the next-contact date. The sheet is the user's record: it is appended to, never rewritten, and read by
 * its headers (either language), so a user who moved or added columns keeps them.
 */
import type { AppendRows, SheetOperation } from '../workbook/operations';
import { FORMAT_DATE, FORMAT_DATETIME } from '../workbook/operations';
import { sourceRowNumber, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from '../workbook/snapshot';
import { lastNonBlankIndex } from './sheet-extent';
import type { Client, DayNumber, Language } from './model';
import { dayToDate, parseDay } from './normalise/date';
import { cellText } from './normalise/text';
import { headerKey, sheetName, sheetNameMatches } from './schema';

/** What a history row records; `status` is written by the product when it moves a client along the funnel. */
export const CONTACT_KINDS = ['call', 'meeting', 'letter', 'message', 'note', 'greeting', 'status'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
/** The kinds a manager logs by hand (a status move is logged by the status change itself). */
export const LOGGED_KINDS: readonly ContactKind[] = ['call', 'meeting', 'letter', 'message', 'note', 'greeting'];

/** The word the sheet holds for each kind, in the workbook's language. */
export const CONTACT_KIND_WORDS: Record<ContactKind, Record<Language, string>> = {
  call: { ru: 'звонок', en: 'call' },
  meeting: { ru: 'встреча', en: 'meeting' },
  letter: { ru: 'письмо', en: 'letter' },
  message: { ru: 'сообщение', en: 'message' },
  note: { ru: 'заметка', en: 'note' },
  greeting: { ru: 'поздравление', en: 'greeting' },
  status: { ru: 'статус', en: 'status' },
};

export const HISTORY_FIELDS = ['when', 'clientId', 'client', 'manager', 'kind', 'result', 'nextStep', 'nextContact'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

const HISTORY_HEADERS: Record<HistoryField, Record<Language, string>> = {
  when: { ru: 'Дата и время', en: 'Date and time' },
  clientId: { ru: 'ID клиента', en: 'Client ID' },
  client: { ru: 'Клиент', en: 'Client' },
  manager: { ru: 'Менеджер', en: 'Manager' },
  kind: { ru: 'Вид', en: 'Kind' },
  result: { ru: 'Результат', en: 'Result' },
  nextStep: { ru: 'Следующий шаг', en: 'Next step' },
  nextContact: { ru: 'Следующий контакт', en: 'Next contact' },
};

const FIELD_FORMATS: Partial<Record<HistoryField, string>> = { when: FORMAT_DATETIME, nextContact: FORMAT_DATE };

/** The kind a word names (either language, any case), or the key itself. */
export function findContactKind(text: string): ContactKind | undefined {
  const key = headerKey(text);
  if (!key) return undefined;
  return CONTACT_KINDS.find((kind) => kind === text || headerKey(CONTACT_KIND_WORDS[kind].ru) === key || headerKey(CONTACT_KIND_WORDS[kind].en) === key);
}

/** The history sheet's name in a workbook of `language`. */
export function historySheetName(language: Language): string {
  return sheetName('history', language);
}

/** The history sheet of a workbook and where each field's column is (0-based), by its header in either language. */
export interface HistorySheet {
  sheet: SheetSnapshot;
  columns: Partial<Record<HistoryField, number>>;
}

export function findHistorySheet(snapshot: WorkbookSnapshot): HistorySheet | undefined {
  const sheet = snapshot.sheets.find((s) => sheetNameMatches('history', s.name));
  if (!sheet) return undefined;
  const columns: Partial<Record<HistoryField, number>> = {};
  sheet.header.forEach((cell, at) => {
    const key = headerKey(cellText(cell));
    const field = HISTORY_FIELDS.find((f) => headerKey(HISTORY_HEADERS[f].ru) === key || headerKey(HISTORY_HEADERS[f].en) === key);
    if (field && columns[field] === undefined) columns[field] = at;
  });
  return { sheet, columns };
}

/** One row of the history sheet as read. */
export interface HistoryEntry {
  /** Spreadsheet row. */
  row: number;
  /** The moment, as a Date whose UTC fields are the wall-clock time (the snapshot's convention); null when unreadable. */
  when: Date | null;
  clientId: string;
  client: string;
  manager: string;
  /** The kind the cell names, null for a word of the user's own. */
  kind: ContactKind | null;
  /** The kind as the cell has it. */
  kindText: string;
  result: string;
  nextStep: string;
  nextContact: DayNumber | null;
}

function momentOf(value: CellValue | undefined): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  const day = parseDay(value, { serialNumbers: true }).day;
  return day === null ? null : dayToDate(day);
}

/** Every row of the history sheet, in sheet order; none when there is no such sheet. */
export function readHistory(snapshot: WorkbookSnapshot): HistoryEntry[] {
  const found = findHistorySheet(snapshot);
  if (!found) return [];
  const { sheet, columns } = found;
  const entries: HistoryEntry[] = [];
  sheet.rows.forEach((cells, index) => {
    const at = (field: HistoryField): CellValue | undefined => (columns[field] === undefined ? undefined : cells[columns[field]!]);
    const text = (field: HistoryField) => cellText(at(field) ?? null).trim();
    if (!text('clientId') && !text('client')) return;
    entries.push({
      row: sourceRowNumber(sheet, index),
      when: momentOf(at('when')),
      clientId: text('clientId'),
      client: text('client'),
      manager: text('manager'),
      kind: findContactKind(text('kind')) ?? null,
      kindText: text('kind'),
      result: text('result'),
      nextStep: text('nextStep'),
      nextContact: parseDay(at('nextContact'), { serialNumbers: true }).day,
    });
  });
  return entries;
}

/** Whether a history row is the client's: by its ID, else (a row logged before the client had one, or typed by hand) by name. */
export function historyNames(entry: HistoryEntry, client: Pick<Client, 'id' | 'name'>): boolean {
  return entry.clientId ? entry.clientId === client.id : entry.client === client.name;
}

/** A row to log: the kind as a key (written as the workbook's word); text fields as typed. */
export interface HistoryRow {
  when: Date;
  /** The client's ID; empty before the base has IDs (never a `row:N`, which means nothing once rows move). */
  clientId: string;
  client: string;
  manager: string;
  kind: ContactKind;
  result: string;
  nextStep: string;
  nextContact: Date | null;
}

/** A history row about `client`: its ID (empty before the base has IDs) and name; the manager given, else the client's. */
export function clientHistoryRow(
  client: Pick<Client, 'id' | 'name' | 'manager'>,
  when: Date,
  kind: ContactKind,
  result: string,
  details: { manager?: string; nextStep?: string; nextContact?: Date | null } = {},
): HistoryRow {
  return {
    when,
    clientId: client.id ?? '',
    client: client.name,
    manager: details.manager?.trim() || client.manager,
    kind,
    result,
    nextStep: details.nextStep ?? '',
    nextContact: details.nextContact ?? null,
  };
}

/**
 * Operations that append `rows` to the history sheet: the sheet is created with its header when missing,
 * a field the user's sheet has no column for gets one at the right, and the rows go below the last one, so
 * no row already there is written.
 */
export function historyAppendOperations(snapshot: WorkbookSnapshot, rows: readonly HistoryRow[], language: Language): SheetOperation[] {
  if (rows.length === 0) return [];
  const found = findHistorySheet(snapshot);
  const operations: SheetOperation[] = [];
  let sheet: string;
  let columns: Partial<Record<HistoryField, number>>;
  if (!found) {
    sheet = historySheetName(language);
    columns = Object.fromEntries(HISTORY_FIELDS.map((field, at) => [field, at]));
    operations.push({ kind: 'ensureSheet', sheet, header: HISTORY_FIELDS.map((field) => HISTORY_HEADERS[field][language]) });
  } else {
    sheet = found.sheet.name;
    columns = { ...found.columns };
    let next = lastNonBlankIndex(found.sheet.header) + 1;
    const added = HISTORY_FIELDS.filter((field) => columns[field] === undefined).map((field) => {
      columns[field] = next++;
      return { column: columns[field]! + 1, header: HISTORY_HEADERS[field][language], values: [] };
    });
    if (added.length > 0) operations.push({ kind: 'writeColumns', sheet, columns: added });
  }
  const width = Math.max(...HISTORY_FIELDS.map((field) => columns[field]!)) + 1;
  const formats: (string | null)[] = new Array(width).fill(null);
  for (const [field, format] of Object.entries(FIELD_FORMATS) as Array<[HistoryField, string]>) formats[columns[field]!] = format;
  const laidOut = rows.map((row) => {
    const cells: CellValue[] = new Array(width).fill(null);
    const values: Record<HistoryField, CellValue> = { ...row, kind: CONTACT_KIND_WORDS[row.kind][language] };
    for (const field of HISTORY_FIELDS) {
      const value = values[field];
      cells[columns[field]!] = typeof value === 'string' && value.trim() === '' ? null : value;
    }
    return cells;
  });
  const append: AppendRows = { kind: 'appendRows', sheet, rows: laidOut, numberFormats: formats };
  operations.push(append);
  if (!found) operations.push({ kind: 'formatSheet', sheet, freezeHeader: true, columnWidths: [{ column: 1, width: 17 }, { column: 6, width: 40 }, { column: 7, width: 30 }] });
  return operations;
}
