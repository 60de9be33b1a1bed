/**
 * The tracker brought up to date after an edit of the Orders sheet (Google Sheets' edit trigger, which has
 * 30 s): the whole tracker is planned — one pass over the orders is cheap — and cut down to the cells
 * whose value changes, so a single edit costs a few small writes. The settings sheet is rewritten only
 * when the tracker takes over a column it has just filled (computed-columns.ts): it must remember that
 * the column is its own, or the next run would take its figures for typed ones.
 */
import type { SheetOperation, WriteColumns } from '../workbook/operations';
import type { CellValue, WorkbookSnapshot } from '../workbook/snapshot';
import { sheetBelowHeader } from '../workbook/snapshot';
import type { Plan } from '../workbook/workbook';
import { planAnalysisWrites } from './analysis';
import { sheetKindOfName } from './schema';

function sameCell(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  const empty = (v: CellValue | undefined) => v === null || v === undefined || v === '';
  return (empty(a) && empty(b)) || a === b;
}

/** The writeColumns cut down to the cells whose value differs from the snapshot's; null when none does. */
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

/** The tracker's changed cells (and the settings, when they must remember a column); the report counts the cells. */
export function planTrackerUpdate(snapshot: WorkbookSnapshot, asOf?: number): Plan<{ cells: number }> {
  const operations = planAnalysisWrites(snapshot, { parts: ['tracker'], asOf }).flatMap((op): SheetOperation[] => {
    if (sheetKindOfName(op.sheet) === 'settings') return [op];
    if (op.kind !== 'writeColumns') return [];
    const changed = changedCellsOnly(op, snapshot);
    return changed ? [changed] : [];
  });
  const cells = operations.reduce((n, op) => (op.kind === 'writeColumns' ? n + op.columns.reduce((m, c) => m + c.values.filter((v) => v !== undefined).length + (c.header ? 1 : 0), 0) : n), 0);
  return { operations, report: { cells } };
}
