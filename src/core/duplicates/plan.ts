/**
 * The duplicates action: find the groups, write the «Дубликаты» sheet (regenerated whole) and the
 * duplicate-group column of the clients sheet (empty for clients in no group).
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../workbook/snapshot';
import { rowIndex, wallClockNow } from '../../workbook/snapshot';
import type { SheetOperation } from '../../workbook/operations';
import type { Plan } from '../../workbook/workbook';
import { readBase, say, type Base } from '../base';
import { message, render, type Message } from '../messages/message';
import { headerRowOf, lastDataRow, managedColumns } from '../layout';
import type { Language, Problem } from '../model';
import { clientRef } from '../client-ref';
import { sheetName } from '../schema';
import type { DuplicateSensitivity, Settings } from '../settings';
import { isBlank } from '../normalise/text';
import { keepUsersSheets } from '../result-sheets';
import { columnOwnership, computedColumnsSettingOperations, userColumnKeptProblem } from '../computed-columns';
import { reasonMessage, reasonText, type ConflictCode, type ReasonCode } from './evidence';
import { evidenceMessage } from './evidence-words';
import type { MatchResult } from './match';
import { answerMatchRequest, matchRequest } from './match-request';

export interface DuplicateGroupReport {
  /** `Д-1`, `Д-2`… (`D-1` in English workbooks), numbered in sheet order. */
  id: string;
  /** Client IDs (the ID column's value; `row:N` for a client whose ID cell is empty). */
  members: string[];
  /** Spreadsheet rows of the members, in the same order. */
  rows: number[];
  reason: string;
  reasons: ReasonCode[];
  score: number;
  /** The member suggested to keep: the most complete, then the most recent. */
  suggestedKeep: string;
  /**
   * Two members proven different clients: the group is no one-click merge (nothing recommended, no merge
   * button); null when every two members agree.
   */
  disagreement: { members: [string, string]; conflict: ConflictCode } | null;
  /** Each field of the group's weakest link in words, by the base's match weights (evidence-words.ts); null when not weighed. */
  evidence: Message | null;
}

/** Clients who share a phone or e-mail but are different people by their names: never a merge. */
export interface SharedContactReport {
  /** `О-1`, `О-2`… (`S-1` in English workbooks). */
  id: string;
  members: string[];
  rows: number[];
  /** What they share, in words, and why it is no duplicate. */
  reason: string;
  reasons: ReasonCode[];
}

export interface DuplicatesReport {
  groups: DuplicateGroupReport[];
  /** Shared contacts (a family, an office switchboard), reported apart from the groups. */
  sharedContacts: SharedContactReport[];
  /** Clients in some group. */
  duplicateClients: number;
  /** The sheet written, null when the workbook has no clients sheet. */
  sheet: string | null;
  problems: Problem[];
}

export interface DuplicatesOptions {
  /** Settings to use instead of the workbook's settings sheet. */
  settings?: Settings;
  /** Overrides the settings' sensitivity. */
  sensitivity?: DuplicateSensitivity;
  /** The moment written to the value archive when the settings sheet changes; the wall clock by default. */
  now?: Date;
  /** `readBase(snapshot, settings)` when the caller has already done it: a big base is not read twice. */
  base?: Base;
  /**
   * The matches of `matchRequest(snapshot, base, sensitivity)` when the caller has them already (found on
   * another core, or for an equal request before): they are not looked for again.
   */
  matches?: MatchResult;
}

/** Non-empty cells of a client's row: the measure of "most complete". */
function filledCells(sheet: SheetSnapshot, row: number): number {
  return (sheet.rows[rowIndex(row)] ?? []).filter((cell) => !isBlank(cell)).length;
}

/** Last order day of each client, from the orders linked to it. */
function lastOrderDays(base: Base): Array<number | null> {
  const last: Array<number | null> = base.clients.map(() => null);
  base.orders.forEach((order, k) => {
    const client = base.orderClient[k];
    if (client === null || order.date === null) return;
    const current = last[client];
    if (current === null || order.date > current) last[client] = order.date;
  });
  return last;
}

/** The member to keep: most filled cells, then the latest order, then the latest first contact, then the upper row. */
export function suggestKeep(base: Base, clientsSheet: SheetSnapshot, members: readonly number[], lastOrder = lastOrderDays(base)): number {
  const rank = (i: number) => [filledCells(clientsSheet, base.clients[i].row), lastOrder[i] ?? -Infinity, base.clients[i].firstContact ?? -Infinity];
  return [...members].sort((x, y) => {
    const [a, b] = [rank(x), rank(y)];
    for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return b[k] - a[k];
    return base.clients[x].row - base.clients[y].row;
  })[0];
}

const HEADERS: Record<Language, string[]> = {
  ru: ['Группа', 'ID клиента', 'Строка', 'Клиент', 'Телефон', 'E-mail', 'Город', 'Причина', 'Оценка', 'Оставить', 'По полям'],
  en: ['Group', 'Client ID', 'Row', 'Client', 'Phone', 'E-mail', 'City', 'Reason', 'Score', 'Keep', 'Field by field'],
};

/** The block of shared contacts below the groups: the same columns up to the reason. */
const SHARED_HEADERS: Record<Language, string[]> = {
  ru: ['Общий контакт', 'ID клиента', 'Строка', 'Клиент', 'Телефон', 'E-mail', 'Город', 'Почему не дубликат'],
  en: ['Shared contact', 'Client ID', 'Row', 'Client', 'Phone', 'E-mail', 'City', 'Why not a duplicate'],
};

/** Why a group is no one-click merge, in words. */
export function disagreementMessage(disagreement: NonNullable<DuplicateGroupReport['disagreement']>): Message {
  const [first, second] = disagreement.members;
  return message('duplicates.notAgreed', { first, second, why: message(`conflict.${disagreement.conflict}`) });
}

/** What shared contacts share and why they are no duplicate, in words. */
export function sharedContactMessage(reasons: readonly ReasonCode[]): Message {
  return message('duplicates.sharedContactReason', { shared: reasonMessage(reasons) });
}

export function planDuplicates(snapshot: WorkbookSnapshot, options: DuplicatesOptions = {}): Plan<DuplicatesReport> {
  const base = options.base ?? readBase(snapshot, options.settings);
  const language = base.layout.language;
  const layout = base.layout.clients;
  const clientsSheet = layout && snapshot.sheets.find((s) => s.name === layout.sheet);
  if (!layout || !clientsSheet) {
    const problem: Problem = {
      sheet: '',
      row: 0,
      column: '',
      value: '',
      message: message('duplicates.noClientsSheet'),
    };
    return { operations: [], report: { groups: [], sharedContacts: [], duplicateClients: 0, sheet: null, problems: [...base.problems, problem] } };
  }

  const clients = base.clients;
  const { groups, sharedContacts } = options.matches ?? answerMatchRequest(matchRequest(snapshot, base, options.sensitivity));
  const lastOrder = lastOrderDays(base);
  const prefix = language === 'ru' ? 'Д' : 'D';
  const groupOfRow = new Map<number, string>();
  const tableRows: CellValue[][] = [];
  const reports: DuplicateGroupReport[] = groups.map((group, k) => {
    const id = `${prefix}-${k + 1}`;
    const keep = suggestKeep(base, clientsSheet, group.members, lastOrder);
    const disagreement = group.disagreement && { members: group.disagreement.members.map((m) => clientRef(clients[m])) as [string, string], conflict: group.disagreement.conflict };
    const reason = reasonText(group.reasons, language);
    // A group of clients proven different suggests no row to keep: the sheet says why instead.
    const shownReason = disagreement ? `${reason}. ${render(disagreementMessage(disagreement), language)}` : reason;
    const evidence = group.evidence && evidenceMessage(group.evidence);
    // The fields once per group, on its first row: the same words on every member's row only crowd the sheet.
    group.members.forEach((m, k) => {
      const c = clients[m];
      groupOfRow.set(c.row, id);
      const fields = k === 0 && evidence ? render(evidence, language) : '';
      tableRows.push([id, c.id ?? '', c.row, c.name, c.phone, c.email, c.city, shownReason, group.score, m === keep && !disagreement ? say(language, 'да', 'yes') : '', fields]);
    });
    return {
      id,
      members: group.members.map((m) => clientRef(clients[m])),
      rows: group.members.map((m) => clients[m].row),
      reason,
      reasons: group.reasons,
      score: group.score,
      suggestedKeep: clientRef(clients[keep]),
      disagreement,
      evidence,
    };
  });
  const sharedPrefix = language === 'ru' ? 'О' : 'S';
  const sharedRows: CellValue[][] = [];
  const sharedReports: SharedContactReport[] = sharedContacts.map((shared, k) => {
    const id = `${sharedPrefix}-${k + 1}`;
    const reason = render(sharedContactMessage(shared.reasons), language);
    for (const m of shared.members) {
      const c = clients[m];
      sharedRows.push([id, c.id ?? '', c.row, c.name, c.phone, c.email, c.city, reason]);
    }
    return { id, members: shared.members.map((m) => clientRef(clients[m])), rows: shared.members.map((m) => clients[m].row), reason, reasons: shared.reasons };
  });

  const sheet = sheetName('duplicates', language);
  const column = managedColumns(layout, language).find((c) => c.field === 'duplicateGroup');
  const operations: SheetOperation[] = [
    {
      kind: 'writeTable',
      sheet,
      replace: true,
      header: HEADERS[language],
      rows: tableRows,
      numberFormats: [null, '@', '0', '@', '@', '@', '@', null, '0.00', null, null],
      columnWidths: [10, 12, 8, 36, 18, 28, 18, 40, 8, 10, 80],
      freezeHeader: true,
      autoFilter: true,
    },
  ];
  // Shared contacts below the groups, a blank row between: the same sheet, never a merge.
  if (sharedRows.length > 0) {
    operations.push({
      kind: 'writeTable',
      sheet,
      replace: false,
      anchor: { row: tableRows.length + 3, column: 1 },
      header: SHARED_HEADERS[language],
      rows: sharedRows,
      numberFormats: [null, '@', '0', '@', '@', '@', '@', null],
    });
  }
  // The group column is written only where the product fills it itself (computed-columns.ts).
  const ownership = column && columnOwnership({ header: column.header, index: column.isNew ? -1 : column.column - 1 }, base.settings.computedColumns, clientsSheet.rows, clients.map((c) => c.row));
  const problems = [...base.problems];
  if (column && ownership?.computed) {
    const values: CellValue[] = [];
    for (let row = layout.headerRow + 1; row <= lastDataRow(layout); row++) values.push(groupOfRow.get(row) ?? null);
    if (ownership.newlyComputed) operations.push(...computedColumnsSettingOperations(snapshot, [column.header], options.now ?? wallClockNow()));
    operations.push({
      kind: 'writeColumns',
      sheet: layout.sheet,
      ...headerRowOf(layout),
      columns: [{ column: column.column, ...(column.isNew ? { header: column.header } : {}), values }],
    });
  } else if (column) {
    problems.push(userColumnKeptProblem(layout.sheet, column.header, sheet));
  }
  const kept = keepUsersSheets(snapshot, operations);
  return {
    operations: kept.operations,
    report: { groups: reports, sharedContacts: sharedReports, duplicateClients: groupOfRow.size, sheet: kept.names.get(sheet) ?? sheet, problems: [...kept.problems, ...problems] },
  };
}
