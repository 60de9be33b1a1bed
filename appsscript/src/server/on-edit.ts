/**
 * The onEdit simple trigger's work: an edit in the Orders sheet updates the tracker columns of the clients
 * it changes, within the trigger's 30 s. The whole tracker is planned (it is cheap: one pass over the
 * orders), then only the cells whose value changes are written — the edited order's client, or both
 * clients when an order moved from one to another — so a single edit costs a few small setValues.
 * Concurrent edits queue on the document lock; one that cannot get it in time leaves a note and returns
 * (the next edit, or the menu's «Обновить трекер», brings the tracker up to date).
 */
import { planAnalysis } from '../../../src/core/analysis';
import { sheetKindOfName, type SheetKind } from '../../../src/core/schema';
import type { SheetOperation, WriteColumns } from '../../../src/workbook/operations';
import type { CellValue, WorkbookSnapshot } from '../../../src/workbook/snapshot';
import { sheetBelowHeader } from '../../../src/workbook/snapshot';
import type { Workbook } from '../../../src/workbook/workbook';

/** Sheets the tracker reads. */
const BASE_KINDS: ReadonlySet<SheetKind> = new Set<SheetKind>(['services', 'clients', 'orders', 'settings']);

/** Wait at most this long for another edit's update to finish (the trigger has 30 s in all). */
export const LOCK_WAIT_MS = 10_000;

function sameCell(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  const empty = (v: CellValue | undefined) => v === null || v === undefined || v === '';
  return (empty(a) && empty(b)) || a === b;
}

/** The writeColumns cut down to the cells whose value differs from the snapshot's. */
export function changedCellsOnly(op: WriteColumns, snapshot: WorkbookSnapshot): WriteColumns | null {
  const found = snapshot.sheets.find((s) => s.name === op.sheet);
  // Compared row for row with what the write addresses: its header row and the rows below it.
  const sheet = found && sheetBelowHeader(found, op.headerRow ?? 1);
  const columns = op.columns.flatMap((column) => {
    const at = column.column - 1;
    const header = column.header !== undefined && !sameCell(sheet?.header[at], column.header) ? column.header : undefined;
    const values = column.values.map((v, i) => (v === undefined || sameCell(sheet?.rows[i]?.[at], v) ? undefined : v));
    return header !== undefined || values.some((v) => v !== undefined) ? [{ ...column, header, values }] : [];
  });
  return columns.length ? { ...op, columns } : null;
}

export function isOrdersSheet(name: string): boolean {
  return sheetKindOfName(name) === 'orders';
}

/** Reads the base sheets, plans the tracker, writes the changed cells; returns how many cells changed. */
export async function updateTrackerAfterEdit(workbook: Workbook): Promise<number> {
  const names = (await workbook.sheetNames()).filter((n) => BASE_KINDS.has(sheetKindOfName(n) as SheetKind));
  const snapshot = await workbook.read(names.length ? names : undefined);
  const plan = planAnalysis(snapshot, { parts: ['tracker'] });
  const writes = plan.operations.flatMap((op): SheetOperation[] => {
    // The settings sheet is rewritten only when the tracker takes over a column it filled: it must then
    // remember that the column is its own, or the next run would take its figures for typed ones.
    if (sheetKindOfName(op.sheet) === 'settings') return [op];
    if (op.kind !== 'writeColumns') return [];
    const changed = changedCellsOnly(op, snapshot);
    return changed ? [changed] : [];
  });
  await workbook.apply(writes);
  return writes.reduce((n, op) => (op.kind === 'writeColumns' ? n + op.columns.reduce((m, c) => m + c.values.filter((v) => v !== undefined).length + (c.header ? 1 : 0), 0) : n), 0);
}
