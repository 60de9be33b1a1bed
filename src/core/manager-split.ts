/**
 * Splitting the base into one file per manager (`crm-base split`): neither Excel nor Google Sheets can
 * show a user only some rows of one file, so each manager gets a file of their own clients, and the owner
 * merges the files back (manager-merge.ts), matched by client ID.
 *
 * Each file holds the services and settings sheets as they are; the manager's clients (every column, in
 * the user's order, with their IDs); their orders and their contact-history rows; and the split record
 * (split-record.ts), hidden, with those rows as they were, for the merge. Cells are copied as values:
 * a formula's result, never the formula; text stays literal text.
 */
import type { SheetOperation } from '../workbook/operations';
import { rowIndex, sheetBelowHeader, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from '../workbook/snapshot';
import type { Base } from './base';
import { findHistorySheet, historyNames, readHistory } from './contact-history';
import type { LocatedSheet } from './layout';
import { message, MessageError, type Message } from './messages/message';
import type { Client, Language } from './model';
import { cellText } from './normalise/text';
import { recordTable, SPLIT_RECORD_SHEET, type RecordedTable, type RecordTable } from './split-record';
import { managerKey } from './today';

/** A located table's header (the user's texts, trimmed) and its rows below the header, as the snapshot has them. */
export function locatedTable(snapshot: WorkbookSnapshot, located: Pick<LocatedSheet<string>, 'sheet' | 'header' | 'headerRow'>): { sheet: SheetSnapshot; header: string[]; rows: CellValue[][] } {
  const sheet = snapshot.sheets.find((s) => s.name === located.sheet) as SheetSnapshot;
  return { sheet, header: located.header, rows: sheetBelowHeader(sheet, located.headerRow).rows };
}

/** What the owner is told about one manager's file. */
export interface SplitPartReport {
  /** The manager as typed (first spelling); '' for the clients with no manager. */
  manager: string;
  file: string;
  clients: number;
  orders: number;
  history: number;
}

export interface SplitPart extends SplitPartReport {
  /** The file's sheets, to apply to an empty workbook; the record sheet is the last and is to be hidden. */
  operations: SheetOperation[];
}

export interface SplitPlan {
  parts: SplitPart[];
  /** Orders and history rows that name no client of the base: they stay in the main book only. */
  unlinkedOrders: number;
  unlinkedHistory: number;
  language: Language;
}

const NO_MANAGER: Record<Language, string> = { ru: 'без менеджера', en: 'no manager' };
const FILE_PREFIX: Record<Language, string> = { ru: 'База', en: 'Base' };
/** Characters no file name may hold on Windows, macOS or Linux, and control characters. */
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;
const NAME_LENGTH = 80;

/** A file name for a manager's part, safe on every system: «База — Анна Петрова.xlsx». */
export function partFileName(manager: string, language: Language): string {
  const name = (manager.trim() || NO_MANAGER[language]).replace(UNSAFE_IN_FILE_NAME, '_').replace(/\s+/g, ' ').slice(0, NAME_LENGTH).replace(/[. ]+$/, '');
  return `${FILE_PREFIX[language]} — ${name || '_'}.xlsx`;
}

/** The same name made distinct from those already taken (case-insensitively, as Windows and macOS compare): «… (2).xlsx». */
function distinctName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = name.replace(/\.xlsx$/, ` (${n}).xlsx`);
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Stops the split when the clients cannot be matched back by ID: no ID column, clients without one, an ID used twice. */
function idProblem(base: Base): Message | null {
  const clients = base.layout.clients as LocatedSheet<'id'>;
  if (clients.columns.id === undefined) return message('split.noIdColumn', { sheet: clients.sheet });
  const missing = base.clients.filter((client) => !client.id);
  if (missing.length > 0) return message('split.missingIds', { sheet: clients.sheet, count: missing.length, rows: shortList(missing.map((c) => String(c.row))) });
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const client of base.clients) (seen.has(client.id!) ? repeated : seen).add(client.id!);
  return repeated.size > 0 ? message('split.duplicateIds', { sheet: clients.sheet, ids: shortList([...repeated]) }) : null;
}

function shortList(items: string[], shown = 10): string {
  return items.length > shown ? `${items.slice(0, shown).join(', ')}, …` : items.join(', ');
}

/** One manager's rows, gathered while the sheets are walked. */
interface Group {
  manager: string;
  clients: number[];
  orders: number[];
  history: number[];
}

/** The operations writing one table as a new sheet of the part, values only, in the user's column order. */
function tableOperations(sheet: string, header: readonly string[], rows: CellValue[][]): SheetOperation[] {
  return [
    { kind: 'ensureSheet', sheet },
    { kind: 'writeTable', sheet, replace: true, header: [...header], rows, freezeHeader: true },
  ];
}

/**
 * The plan of a split: one part per manager (and one for the clients with no manager), in the order the
 * managers first appear on the clients sheet. Throws a MessageError when the base is not ready to be split.
 */
export function planSplit(snapshot: WorkbookSnapshot, base: Base, when: Date): SplitPlan {
  const language = base.layout.language;
  const located = base.layout.clients;
  if (!located) throw new MessageError(base.problems[0]?.message ?? message('split.noIdColumn', { sheet: '—' }), language);
  const problem = idProblem(base);
  if (problem) throw new MessageError(problem, language);

  const groups = new Map<string, Group>();
  const groupOfClient: Group[] = base.clients.map((client) => {
    const key = managerKey(client.manager);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { manager: client.manager.trim(), clients: [], orders: [], history: [] }));
    group.clients.push(rowIndex(client.row, located.headerRow));
    return group;
  });

  let unlinkedOrders = 0;
  base.orders.forEach((order, i) => {
    const client = base.orderClient[i];
    if (client === null) unlinkedOrders++;
    else groupOfClient[client].orders.push(rowIndex(order.row, base.layout.orders!.headerRow));
  });

  const historySheet = findHistorySheet(snapshot);
  let unlinkedHistory = 0;
  if (historySheet) {
    const byId = new Map(base.clients.map((client, i) => [client.id!, i]));
    const byName = new Map<string, number>();
    base.clients.forEach((client, i) => byName.has(client.name) || byName.set(client.name, i));
    for (const entry of readHistory(snapshot)) {
      const index = entry.clientId ? byId.get(entry.clientId) : byName.get(entry.client);
      if (index === undefined || !historyNames(entry, base.clients[index] as Client)) unlinkedHistory++;
      else groupOfClient[index].history.push(rowIndex(entry.row));
    }
  }

  const tables: Record<RecordTable, { sheet: SheetSnapshot; header: string[]; rows: CellValue[][] } | undefined> = {
    clients: locatedTable(snapshot, located),
    orders: base.layout.orders ? locatedTable(snapshot, base.layout.orders) : undefined,
    history: historySheet ? { sheet: historySheet.sheet, header: historySheet.sheet.header.map((cell) => cellText(cell).trim()), rows: historySheet.sheet.rows } : undefined,
  };
  const copied = (sheet: SheetSnapshot): SheetOperation[] => tableOperations(sheet.name, sheet.header.map((cell) => cellText(cell)), sheet.rows);
  const asIs = [base.layout.services?.sheet, base.layout.settingsSheet].filter((name): name is string => name !== undefined);
  const taken = new Set<string>();

  const parts = [...groups.values()].map((group): SplitPart => {
    const picked: Record<RecordTable, number[]> = { clients: group.clients, orders: group.orders, history: group.history };
    const recorded: Partial<Record<RecordTable, RecordedTable>> = {};
    const operations: SheetOperation[] = [];
    // The sheets in the book's own tab order.
    for (const sheet of snapshot.sheets) {
      if (asIs.includes(sheet.name)) operations.push(...copied(sheet));
      for (const name of ['clients', 'orders', 'history'] as const) {
        const table = tables[name];
        if (table?.sheet !== sheet) continue;
        const rows = picked[name].map((index) => table.rows[index] ?? []);
        recorded[name] = { header: table.header, rows };
        operations.push(...tableOperations(sheet.name, table.header, rows));
      }
    }
    const record = recordTable({ manager: group.manager, splitAt: when, tables: recorded });
    operations.push(...tableOperations(SPLIT_RECORD_SHEET, record.header, record.rows));
    return {
      manager: group.manager,
      file: distinctName(partFileName(group.manager, language), taken),
      clients: group.clients.length,
      orders: group.orders.length,
      history: group.history.length,
      operations,
    };
  });
  return { parts, unlinkedOrders, unlinkedHistory, language };
}

/** What the split says to the owner: a line per file, then the rows left in the main book only. */
export function splitSummary(plan: SplitPlan): Message[] {
  const lines = plan.parts.map((part) => message('split.part', { file: part.file, clients: part.clients, orders: part.orders, history: part.history }));
  if (plan.unlinkedOrders > 0) lines.push(message('split.unlinkedOrders', { count: plan.unlinkedOrders }));
  if (plan.unlinkedHistory > 0) lines.push(message('split.unlinkedHistory', { count: plan.unlinkedHistory }));
  return lines;
}
