/**
 * A job: the operations of one action still to be written, and where the writing stands. An operation is
 * written in steps: one step for a small operation, one per ROWS_PER_STEP rows for a long one (row-slices),
 * so that no step can take a large part of an execution's 6 minutes.
 */
import type { ActionName, ActionResult } from '../../../src/actions/panel';
import type { SheetOperation } from '../../../src/workbook/operations';
import type { ProgressStep } from '../../../src/workbook/workbook';
import { isRowOperation, rowCount, type RowOperation, type RowSlice } from '../gateway/row-slices';
import { ROWS_PER_BLOCK } from '../gateway/blocks';

/** One setValues block: a step of a long operation is one round trip's worth of rows. */
export const ROWS_PER_STEP = ROWS_PER_BLOCK;

export interface Cursor {
  /** Index of the operation being written. */
  operation: number;
  /** Data rows of that operation already written. */
  row: number;
  /** appendRows: the sheet row its first row goes to, fixed before the first slice is written. */
  appendAt?: number;
}

/** What is kept small enough to be rewritten after every step. */
export interface JobState {
  id: string;
  action: ActionName;
  /** Steps written and steps in all, for the progress bar. */
  done: number;
  total: number;
  cursor: Cursor;
  /** The message of the step that failed last; the job waits for a retry. */
  error?: string;
}

export interface Job {
  state: JobState;
  /** What the action reported; handed out when the last step is written. */
  result: ActionResult;
  operations: SheetOperation[];
}

export function stepsOf(op: SheetOperation): number {
  return isRowOperation(op) ? Math.max(1, Math.ceil(rowCount(op) / ROWS_PER_STEP)) : 1;
}

export function newJob(id: string, action: ActionName, result: ActionResult, operations: SheetOperation[]): Job {
  const total = operations.reduce((n, op) => n + stepsOf(op), 0);
  return { state: { id, action, done: 0, total, cursor: { operation: 0, row: 0 } }, result, operations };
}

export function isFinished(job: Job): boolean {
  return job.state.cursor.operation >= job.operations.length;
}

/** The operation at the cursor and, for a long one, the slice of rows its next step writes. */
export type Step = { op: RowOperation; slice: RowSlice } | { op: Exclude<SheetOperation, RowOperation>; slice?: undefined };

export function nextStep(job: Job): Step {
  const { cursor } = job.state;
  const op = job.operations[cursor.operation];
  if (!isRowOperation(op)) return { op };
  const to = Math.min(cursor.row + ROWS_PER_STEP, rowCount(op));
  return { op, slice: { from: cursor.row, to, appendAt: cursor.appendAt } };
}

/** Moves the cursor past the step `nextStep` gave. */
export function advance(job: Job, slice?: RowSlice): void {
  const { state } = job;
  const op = job.operations[state.cursor.operation];
  state.done = Math.min(state.done + 1, state.total);
  if (slice && isRowOperation(op) && slice.to < rowCount(op)) state.cursor = { ...state.cursor, row: slice.to };
  else state.cursor = { operation: state.cursor.operation + 1, row: 0 };
}

/** Drops the operations already written, so that a stored job holds only what is left. */
export function withoutWritten(job: Job): Job {
  const { cursor } = job.state;
  return { ...job, operations: job.operations.slice(cursor.operation), state: { ...job.state, cursor: { ...cursor, operation: 0 } } };
}

/** What the user is told the step does, e.g. «Запись «Клиенты»: строки 5001–10000 из 20000». */
export function stepLabel(op: SheetOperation, slice: RowSlice | undefined): ProgressStep {
  const rows = slice && isRowOperation(op) ? rowCount(op) : 0;
  if (!slice || rows <= ROWS_PER_STEP) return { key: 'step.write', params: { sheet: op.sheet } };
  return { key: 'step.writeRows', params: { sheet: op.sheet, range: `${slice.from + 1}–${slice.to}`, rows } };
}
