/**
 * The onEdit simple trigger's work: an edit in the Orders sheet updates the tracker columns of the clients
 * it changes, within the trigger's 30 s: read, plan (src/core/tracker-update.ts: only the cells whose value
 * changes), apply. Concurrent edits queue on the document lock; one that cannot get it in time leaves a note and returns
 * (the next edit, or the menu's «Обновить трекер», brings the tracker up to date).
 *
 * An edit of one client's status cell is logged to «История» as «from → to» at once, with the old value the
 * event gives (src/core/status-edit.ts). A paste (into one cell or several) or a fill carries no old values: those
 * changes, and one whose log could not get the lock in time, are logged by the next read's diff
 * (src/core/status-diff.ts), with the moment marked unknown.
 */
import { sheetKindOfName, type SheetKind } from '../../../src/core/schema';
import { planTrackerUpdate } from '../../../src/core/tracker-update';
import { planStatusEdit, type CellEdit } from '../../../src/core/status-edit';
import type { Workbook } from '../../../src/workbook/workbook';

/** Sheets the tracker reads. */
const BASE_KINDS: ReadonlySet<SheetKind> = new Set<SheetKind>(['services', 'clients', 'orders', 'settings']);

/** Wait at most this long for another edit's update to finish (the trigger has 30 s in all). */
export const LOCK_WAIT_MS = 10_000;

export function isOrdersSheet(name: string): boolean {
  return sheetKindOfName(name) === 'orders';
}

/** Reads the base sheets, plans the tracker's changed cells (core), writes them; returns how many cells changed. */
export async function updateTrackerAfterEdit(workbook: Workbook): Promise<number> {
  const names = (await workbook.sheetNames()).filter((n) => BASE_KINDS.has(sheetKindOfName(n) as SheetKind));
  const snapshot = await workbook.read(names.length ? names : undefined);
  const plan = planTrackerUpdate(snapshot);
  await workbook.apply(plan.operations);
  return plan.report.cells;
}

/** Sheets a status edit's log reads besides the edited one: the settings (mappings, language) and the history. */
const STATUS_KINDS: ReadonlySet<SheetKind> = new Set<SheetKind>(['clients', 'settings', 'history']);

/**
 * Whether an edit may be a client's status: one cell, in the clients sheet or in a sheet the product does
 * not name (a clients sheet of the user's own name). Edits of the product's other sheets are not read.
 */
export function mayBeStatusEdit(sheet: string, rows: number, columns: number): boolean {
  const kind = sheetKindOfName(sheet);
  return rows === 1 && columns === 1 && (kind === undefined || kind === 'clients');
}

/** Reads the edited sheet, the settings and the history, and plans the status row (core). */
async function statusEditPlan(workbook: Workbook, edit: CellEdit, now: Date) {
  const names = (await workbook.sheetNames()).filter((n) => n === edit.sheet || STATUS_KINDS.has(sheetKindOfName(n) as SheetKind));
  return planStatusEdit(await workbook.read(names), edit, now);
}

/**
 * Logs a status edit; true when a row was written. The lock is taken only for a real status change (most
 * edits are not one), and the plan is made again under it, so two edits at once each append their own row.
 */
export async function logStatusEdit(workbook: Workbook, edit: CellEdit, now: Date, lock: GoogleAppsScript.Lock.Lock): Promise<boolean> {
  if (!(await statusEditPlan(workbook, edit, now)).report.logged) return false;
  if (!lock.tryLock(LOCK_WAIT_MS)) return false;
  try {
    const plan = await statusEditPlan(workbook, edit, now);
    await workbook.apply(plan.operations);
    return plan.report.logged;
  } finally {
    lock.releaseLock();
  }
}
