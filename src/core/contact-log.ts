/**
 * The panel's contact form and the product's status moves as plans over the history sheet
 * (contact-history.ts): one row appended, and for a contact with a next-contact date, the client's
 * «Следующий контакт» set — the date «Сегодня» reads. A next-contact value the history does not already
 * hold (typed by hand on the clients sheet) is first copied to «Архив значений».
 */
import { FORMAT_DATE, type SheetOperation } from '../workbook/operations';
import { rowIndex, type CellValue, type WorkbookSnapshot } from '../workbook/snapshot';
import type { Plan } from '../workbook/workbook';
import type { Base } from './base';
import { clientCellOperation, FormError } from './client-forms';
import { clientHistoryRow, findContactKind, historyAppendOperations, historyNames, LOGGED_KINDS, readHistory, type ContactKind } from './contact-history';
import type { Client, DayNumber } from './model';
import { say } from './model';
import { message } from './messages/message';
import { dayToDate, isoToDay } from './normalise/date';
import { cellText } from './normalise/text';
import { findStatus } from './statuses';
import { valueArchiveOperations } from './value-archive';

/** What the contact form gives: the kind as a key or a word, text as typed, the next contact as ISO `yyyy-mm-dd`. */
export interface ContactInput {
  kind: string;
  result?: string;
  nextStep?: string;
  /** Empty or absent: the client's next contact stays as it is. */
  nextContact?: string | null;
  /** Who logged it; the client's manager when absent. */
  manager?: string;
}

/** `day` at the wall-clock time of `now` (both in the snapshot's convention: UTC fields are local time). */
export function momentOn(day: DayNumber, now: Date): Date {
  return new Date(dayToDate(day).getTime() + (now.getTime() % 86_400_000));
}

/** Whether a history row of this client (by ID, else by name for a row logged before IDs) holds `day` as its next contact. */
function historyHolds(snapshot: WorkbookSnapshot, client: Client, day: DayNumber): boolean {
  return readHistory(snapshot).some((entry) => historyNames(entry, client) && entry.nextContact === day);
}

/** The client's next-contact cell as the sheet holds it (null when the sheet has no such column). */
function nextContactCell(base: Base, snapshot: WorkbookSnapshot, client: Client): CellValue {
  const layout = base.layout.clients!;
  const at = layout.columns.nextContact;
  const sheet = snapshot.sheets.find((s) => s.name === layout.sheet);
  if (at === undefined || !sheet) return null;
  return sheet.rows[rowIndex(client.row, layout.headerRow)]?.[at] ?? null;
}

/** Setting the client's next contact to `day`; the value it replaces archived unless the history holds it. */
function nextContactOperations(base: Base, snapshot: WorkbookSnapshot, client: Client, day: DayNumber, when: Date): SheetOperation[] {
  const language = base.layout.language;
  if (client.nextContact === day) return [];
  const before = nextContactCell(base, snapshot, client);
  const typed = cellText(before).trim() !== '' && !(client.nextContact !== null && historyHolds(snapshot, client, client.nextContact));
  const layout = base.layout.clients!;
  const archive = typed
    ? valueArchiveOperations(
        [{ sheet: layout.sheet, row: client.row, column: layout.header[layout.columns.nextContact!], clientId: client.id, client: client.name, before, after: dayToDate(day) }],
        say(language, 'Записан контакт', 'Contact logged'),
        when,
        language,
      )
    : [];
  return [...archive, clientCellOperation(base, 'nextContact', client, dayToDate(day), FORMAT_DATE)];
}

/**
 * One contact with the client: a row of the history sheet (created when missing) and, with a next-contact
 * date, the client's «Следующий контакт». `now` is the moment logged.
 */
export function planLogContact(base: Base, snapshot: WorkbookSnapshot, client: Client, input: ContactInput, now: Date): Plan<null> {
  const language = base.layout.language;
  const kind: ContactKind | undefined = findContactKind(input.kind);
  if (!kind || !LOGGED_KINDS.includes(kind)) throw new FormError(message('history.badKind', { value: input.kind }), language);
  const nextText = input.nextContact?.trim() ?? '';
  const next = nextText ? isoToDay(nextText) : null;
  if (nextText && next === null) throw new FormError(message('history.badNextContact', { value: nextText }), language);
  const result = input.result?.trim() ?? '';
  const nextStep = input.nextStep?.trim() ?? '';
  if (!result && !nextStep && next === null) throw new FormError(message('history.empty'), language);
  const row = clientHistoryRow(client, now, kind, result, { manager: input.manager, nextStep, nextContact: next === null ? null : dayToDate(next) });
  const operations = historyAppendOperations(snapshot, [row], language);
  if (next !== null) operations.push(...nextContactOperations(base, snapshot, client, next, now));
  return { operations, report: null };
}

/**
 * The history row of a status move made through the product, «Белый → Серый» as the result; none when the
 * status does not change. `to` is the new status in any spelling; the row names it as the workbook writes it.
 */
export function statusEntryOperations(base: Base, snapshot: WorkbookSnapshot, client: Client, to: string, now: Date, manager?: string): SheetOperation[] {
  const from = client.status.trim();
  const known = (status: string) => findStatus(status)?.key ?? status.trim();
  if (known(from) === known(to)) return [];
  const language = base.layout.language;
  const row = clientHistoryRow(client, now, 'status', `${from || '—'} → ${findStatus(to)?.[language] ?? (to.trim() || '—')}`, { manager });
  return historyAppendOperations(snapshot, [row], language);
}
