/**
 * The onEdit simple trigger's work: an edit in the Orders sheet updates the tracker columns of the clients
 * it changes, within the trigger's 30 s: read, plan (src/core/tracker-update.ts: only the cells whose value
 * changes), apply. Concurrent edits queue on the document lock; one that cannot get it in time leaves a note and returns
 * (the next edit, or the menu's «Обновить трекер», brings the tracker up to date).
 */
import { sheetKindOfName, type SheetKind } from '../../../src/core/schema';
import { planTrackerUpdate } from '../../../src/core/tracker-update';
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
