/**
 * A status cell edited by hand, logged the moment it happens (Google Sheets' onEdit trigger): the edit
 * event carries the cell's old value, so the history row has the real moment and the real «from», unlike
 * a change the next read finds (status-diff.ts), whose moment is unknown. The event carries an old value
 * only for a single-cell edit; a paste or a fill over several cells is left to the next read's diff. The
 * edited cell is only read.
 */
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { Plan } from '../workbook/workbook';
import { readBase } from './base';
import { statusEntryOperations } from './contact-log';

/** One edited cell: its sheet, its 1-based row and column, and what it held before (`''` for an empty cell). */
export interface CellEdit {
  sheet: string;
  row: number;
  column: number;
  oldValue: string;
}

/**
 * The «from → to» history row for an edit of a client's status cell, `to` being what the cell holds now;
 * nothing for any other cell, or when the status is the same in other words («серый» for «Серый»).
 */
export function planStatusEdit(snapshot: WorkbookSnapshot, edit: CellEdit, now: Date): Plan<{ logged: boolean }> {
  const base = readBase(snapshot);
  const clients = base.layout.clients;
  const status = clients?.columns.status;
  const none = { operations: [], report: { logged: false } };
  if (!clients || clients.sheet !== edit.sheet || status === undefined || status + 1 !== edit.column) return none;
  const client = base.clients.find((c) => c.row === edit.row);
  if (!client) return none;
  const operations = statusEntryOperations(base, snapshot, { ...client, status: edit.oldValue }, client.status, now);
  return { operations, report: { logged: operations.length > 0 } };
}
