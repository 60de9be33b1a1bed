/**
 * A named action's run, paced: the workbook it reads and writes through gives the event loop a turn
 * before every read, after every read (before the core plans) and before every write, so a task pane
 * or a page running the core on its own thread redraws and hears a click on «Cancel»; and its progress
 * is one bar over the whole action (reads, planning, writes), not one per read or write.
 *
 * Cancelling (the user's word, an AbortSignal) is honoured at those pauses only, never inside a write:
 * - by default only before the action's first write, so the action is written whole or not at all;
 *   a cancel that comes later lets the action finish (a half-written plan could lose data);
 * - with `rollsBack` (a host that puts back every sheet a failed run touched: the browser page) at any
 *   pause, the host then restoring the workbook as it was before the run.
 */
import type { SheetOperation } from '../workbook/operations';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { Progress, ProgressListener, Workbook } from '../workbook/workbook';
import type { ActionName } from './panel';

/** The run stopped on the user's word; `written`: part of it had been written (a host that rolls back has put it back). */
export class ActionCancelledError extends Error {
  constructor(readonly written: boolean) {
    super('The action was cancelled');
    this.name = 'ActionCancelledError';
  }
}

/**
 * One turn of the event loop: a timer, so rendering and input (not only promise callbacks) get their turn.
 * Apps Script has no timers (nor a screen to redraw): there the pause is just the next microtask.
 */
export const pause = (): Promise<void> => new Promise((resolve) => (typeof setTimeout === 'function' ? setTimeout(resolve, 0) : resolve()));

/** Progress units of one read, of the planning after it, and of one write (a phase: all three). */
const UNIT = 100;

/** The bar's length in the progress reported. */
const BAR = 1000;

/** How many reads and writes an action usually takes (a base to structure first takes two more). */
const PHASES: Partial<Record<ActionName, number>> = { all: 4 };

export interface PacingOptions {
  onProgress?: ProgressListener;
  signal?: AbortSignal;
  /** The host undoes every write of a run that fails: a cancel may then stop a run that has written. */
  rollsBack?: boolean;
}

/** The workbook a named action runs over: the host's, paced, reporting one progress over the whole action. */
export class PacedWorkbook implements Workbook {
  /** Units done in finished phases. */
  private done = 0;
  private total: number;
  private written = false;
  /** The share of the bar last shown: it never moves back, even when the action takes more phases than expected. */
  private shown = 0;

  constructor(
    private readonly inner: Workbook,
    action: ActionName,
    private readonly options: PacingOptions = {},
  ) {
    // Each phase: a read, the planning over it, a write.
    this.total = (PHASES[action] ?? 1) * 3 * UNIT;
  }

  get limits() {
    return this.inner.limits;
  }

  sheetNames(): Promise<string[]> {
    return this.inner.sheetNames();
  }

  async read(sheets?: string[]): Promise<WorkbookSnapshot> {
    await this.checkpoint();
    const snapshot = await this.inner.read(sheets, (p) => this.report(p));
    this.finishPhase();
    this.report({ step: { key: 'step.calculating' }, done: 0, total: 1 });
    // The planning that follows is one long step: the bar and its name are drawn before it.
    await this.checkpoint();
    this.finishPhase();
    return snapshot;
  }

  async apply(operations: SheetOperation[]): Promise<void> {
    await this.checkpoint();
    if (operations.length > 0) this.written = true;
    await this.inner.apply(operations, (p) => this.report(p));
    this.finishPhase();
  }

  async select(sheet: string, row: number): Promise<void> {
    await this.inner.select?.(sheet, row);
  }

  private async checkpoint(): Promise<void> {
    await pause();
    if (this.options.signal?.aborted && (!this.written || this.options.rollsBack)) throw new ActionCancelledError(this.written);
  }

  private finishPhase(): void {
    this.done += UNIT;
    // An action that reads or writes more often than expected (a base structured first) stretches the bar.
    if (this.done >= this.total) this.total = this.done + UNIT;
  }

  /** A read's or a write's own progress, placed within the whole action's. */
  private report(progress: Progress): void {
    const within = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
    this.shown = Math.max(this.shown, (this.done + within * UNIT) / this.total);
    this.options.onProgress?.({ step: progress.step, done: Math.round(this.shown * BAR), total: BAR });
  }
}
