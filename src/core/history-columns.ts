/**
 * What the tracker may write into the clients sheet's order-history columns (first and last order,
 * orders, revenue), cell by cell — the rule that keeps a typed value the user's truth:
 *
 * - a column the product fills itself (computed-columns.ts: one it added, or found entirely empty, listed
 *   in the settings' `computedColumns`) gets the tracker's figures; a cell with a value is never blanked.
 *   Such a column is the tracker's output and is never read back as typed history (base.ts);
 * - in the user's own column, an empty cell is filled when the Orders sheet has the client's orders (with
 *   a date or a figure above zero), a cell that agrees is left as it is, and a cell
 *   that differs from the tracker's figure is KEPT and reported ("differing"). Only with the user's
 *   confirmation (`replaceTyped`) is it replaced, and then the caller archives the old value first. A
 *   row with a kept differing cell gets none of its empty history cells filled, so the typed cells of a
 *   row — a count and the date it was true on — stay consistent with each other.
 *
 * Because the tracker combines the typed history with the orders monotonically (tracker.ts), its
 * figure for a typed cell is never less informed than the cell: a differing cell is one that newer
 * orders have moved on, or one the user typed differently from the Orders sheet.
 */
import type { CellValue } from '../workbook/snapshot';
import type { Client, ClientField, DayNumber } from './model';
import { dayToDate, parseDay } from './normalise/date';
import { parseAmount } from './normalise/amount';
import { isBlank } from './normalise/text';
import { columnOwnership, type ManagedColumnCells } from './computed-columns';
import type { TrackerRow } from './tracker';
import type { ArchivedValue } from './value-archive';

export const HISTORY_FIELDS = ['firstOrder', 'lastOrder', 'orders', 'revenue'] as const satisfies readonly ClientField[];
export type HistoryField = (typeof HISTORY_FIELDS)[number];

export function isHistoryField(field: ClientField): field is HistoryField {
  return (HISTORY_FIELDS as readonly ClientField[]).includes(field);
}

/** The tracker's figure for a history cell; null where it has none (no date, revenue unknown). */
export function trackedValue(field: HistoryField, row: TrackerRow): CellValue {
  switch (field) {
    case 'firstOrder':
      return row.firstOrder === null ? null : dayToDate(row.firstOrder);
    case 'lastOrder':
      return row.lastOrder === null ? null : dayToDate(row.lastOrder);
    case 'orders':
      return row.orders;
    case 'revenue':
      return row.revenueKnown ? row.revenue : null;
  }
}

function dayOf(value: CellValue): DayNumber | null {
  return parseDay(value, { serialNumbers: true }).day;
}

/** A typed cell and the tracker's figure say the same (a date as text and as a date alike). */
function agrees(field: HistoryField, typed: CellValue, tracked: CellValue): boolean {
  if (field === 'firstOrder' || field === 'lastOrder') {
    const day = dayOf(typed);
    return day !== null && day === dayOf(tracked);
  }
  const amount = parseAmount(typed).amount;
  return amount !== null && typeof tracked === 'number' && Math.abs(amount - tracked) < 1e-6;
}

export interface HistoryColumn extends ManagedColumnCells {
  field: HistoryField;
}

export interface HistoryColumnsInput {
  /** The history columns to write. */
  columns: readonly HistoryColumn[];
  sheet: string;
  /** The clients sheet's rows as the snapshot has them (index 0 is spreadsheet row 2). */
  rows: readonly (readonly CellValue[])[];
  /** The spreadsheet row of the first data row (the row below the header). */
  firstRow: number;
  rowCount: number;
  clients: readonly Client[];
  tracker: readonly TrackerRow[];
  /** Headers the settings name as filled by the product (`computedColumns`). */
  computedColumns: readonly string[];
  /** The user confirmed that differing typed values are to be replaced (and archived). */
  replaceTyped: boolean;
}

export interface HistoryColumnsValues {
  /** Per column (in `columns` order), per data row from `firstRow`: the value, undefined to leave the cell. */
  values: Array<Array<CellValue | undefined>>;
  /** Typed cells that differ from the tracker's figure: kept, or with `replaceTyped` replaced. */
  differing: ArchivedValue[];
  /** Headers of columns the product fills itself from now on (added or found empty) and the settings do not list. */
  newlyComputed: string[];
}

/** The values to write into the history columns, and the typed cells that differ (see the module comment). */
export function historyColumnsValues(input: HistoryColumnsInput): HistoryColumnsValues {
  const { columns, rows, clients, tracker } = input;
  const cellOf = (column: HistoryColumn, client: Client): CellValue => (column.index < 0 ? null : (rows[client.row - 2]?.[column.index] ?? null));
  const dataRows = clients.map((client) => client.row);
  const ownership = columns.map((column) => columnOwnership(column, input.computedColumns, rows, dataRows));

  // A client whose typed history is kept where it differs gets no other cell filled either: the typed
  // cells of one row are read together (a count with the date it was true on), and must stay consistent.
  const differing: ArchivedValue[] = [];
  const keptRow = new Uint8Array(clients.length);
  columns.forEach((column, k) => {
    if (ownership[k].computed) return;
    clients.forEach((client, i) => {
      const typed = cellOf(column, client);
      const figure = trackedValue(column.field, tracker[i]);
      if (isBlank(typed) || figure === null || agrees(column.field, typed, figure)) return;
      differing.push({ sheet: input.sheet, row: client.row, column: column.header, clientId: client.id, client: client.name, before: typed, after: figure });
      keptRow[i] = input.replaceTyped ? 0 : 1;
    });
  });

  const values = columns.map((column, k) => {
    const out: Array<CellValue | undefined> = new Array(input.rowCount).fill(undefined);
    clients.forEach((client, i) => {
      const typed = cellOf(column, client);
      const figure = trackedValue(column.field, tracker[i]);
      let value: CellValue | undefined;
      if (ownership[k].computed) {
        // The product's own column: its figures, but a value is never blanked.
        value = figure !== null || isBlank(typed) ? figure : undefined;
      } else if (keptRow[i] === 1) {
        value = undefined;
      } else if (isBlank(typed)) {
        // An empty cell of the user's column gets what the Orders sheet adds, never a guess from the other
        // typed cells nor a zero that would claim "no orders".
        value = tracker[i].fromOrders && figure !== 0 ? figure : undefined;
      } else {
        value = figure !== null && !agrees(column.field, typed, figure) ? figure : undefined;
      }
      out[client.row - input.firstRow] = value;
    });
    return out;
  });
  const newlyComputed = columns.filter((_, k) => ownership[k].newlyComputed).map((column) => column.header);
  return { values, differing, newlyComputed };
}
