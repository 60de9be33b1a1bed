/**
 * Long operations written a slice of rows at a time, so that a resumable job (jobs/) can stop between
 * slices: writing the slices of an operation in order leaves the sheet exactly as writing it whole.
 */
import type { AppendRows, SheetOperation, WriteColumns, WriteTable } from '../../../src/workbook/operations';

/** The operations whose size grows with the rows of the base. */
export type RowOperation = WriteTable | WriteColumns | AppendRows;

/**
 * Data rows `from..to-1` (0-based indexes into `rows`, or into `values` of writeColumns). The first slice
 * (`from` 0) also writes the header and clears a `replace`d sheet; the last one adds formats, filter and
 * freeze. `appendAt` is the sheet row of an appendRows' first row: fixed before its first slice, since the
 * sheet's last row moves as slices land.
 */
export interface RowSlice {
  from: number;
  to: number;
  appendAt?: number;
}

export function isRowOperation(op: SheetOperation): op is RowOperation {
  return op.kind === 'writeTable' || op.kind === 'writeColumns' || op.kind === 'appendRows';
}

/** Data rows of the operation (header excluded). */
export function rowCount(op: RowOperation): number {
  if (op.kind === 'writeColumns') return op.columns.reduce((n, c) => Math.max(n, c.values.length), 0);
  return op.rows.length;
}

export function wholeRows(op: RowOperation): RowSlice {
  return { from: 0, to: rowCount(op) };
}
