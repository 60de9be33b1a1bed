/**
 * The page's workbook: an .xlsx workbook whose changes the grid watches. The panel's actions write
 * through `apply`; every listener hears what changed, so the grid redraws after each action and can
 * bring a freshly written result sheet (ABC, RFM, …) into view.
 *
 * A run of a named action is a unit (`begin`, then `commit` or `rollback`): before an operation first
 * touches a sheet, that sheet is copied; a run stopped by the user, or failing half-way, puts every
 * touched sheet back as it was and drops the sheets it created, so the workbook is as before the run.
 * Listeners hear of a run's changes once, when it ends, not after each of its plans: the grid then
 * never shows what a stopped run takes back, and the page's thread does not redraw while the run goes
 * on («Всё сразу» applies five plans; each redraw took 50–150 ms of the page's thread, on a 2-core
 * machine taken from the run and from the duplicate matching beside it).
 */
import { sheetKindOfName } from '../core/schema';
import { SETS_ONLY_FORMATS, type SheetOperation } from '../workbook/operations';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { ProgressListener, Workbook } from '../workbook/workbook';
import { CONTENT_LAYERS, copyLayers, copySheet, type MemorySheet, type MemorySheets } from '../workbook/memory';
import { XlsxWorkbook } from '../xlsx/workbook';

export type WorkbookEvent =
  /** Operations were applied; `resultSheets` are sheets regenerated whole (analysis results), in plan order. */
  | { kind: 'changed'; resultSheets: string[] }
  /** The panel asked to select a row (a client was opened). */
  | { kind: 'selected'; sheet: string; row: number };

export type WorkbookListener = (event: WorkbookEvent) => void;

export class WatchedWorkbook implements Workbook {
  private readonly listeners = new Set<WorkbookListener>();
  /** Grows by one with every applied plan, so views can tell an old picture from a new one. */
  private changes = 0;
  /**
   * While a run is open: the sheets in their order before it, copies of those it has touched (null: created
   * by it), and the names of the copies that still share the live sheet's cell contents (see `keep`).
   */
  private journal: { order: MemorySheet[]; saved: Map<string, MemorySheet | null>; sharingContents: Set<string> } | null = null;
  /** The change the open run has made, told when it ends: the result sheets of its last plan that has any. */
  private held: WorkbookEvent | null = null;

  constructor(private current: XlsxWorkbook) {}

  /** The .xlsx as it is now (a rollback puts another in its place). */
  get file(): XlsxWorkbook {
    return this.current;
  }

  /** Opens a run: what it writes can be put back until `commit`. */
  begin(): void {
    this.journal = { order: [...this.current.sheets], saved: new Map(), sharingContents: new Set() };
  }

  commit(): void {
    this.journal = null;
    this.release();
  }

  /** Puts back the sheets the open run touched and drops those it created; listeners hear of the change. */
  rollback(): void {
    const journal = this.journal;
    this.journal = null;
    this.held = null;
    if (!journal || journal.saved.size === 0) return;
    const sheets = journal.order.map((sheet) => journal.saved.get(sheet.name) ?? sheet);
    this.current = XlsxWorkbook.fromSheets(sheets, this.current.definedNames);
    this.changes++;
    this.emit({ kind: 'changed', resultSheets: [] });
  }

  /**
   * Keeps the sheets the operations touch, each as it was before the run's first touch of it: a copy whose
   * rows are copied and whose cells are shared (`copySheet`). Two touches need no copy of the cells' rows:
   * - a replacing table write puts a fresh sheet in its place and leaves the old one untouched, so a rerun
   *   of an analysis does not pay for a copy of its results;
   * - an operation that sets only formats (validations, colours, charts) leaves the cells' contents as they
   *   are, so the copy shares those grids with the sheet until an operation that may write a cell comes:
   *   they are copied then, still unchanged. «Всё сразу» gives the orders, the biggest sheet, their formats
   *   and dropdowns and writes no value there: their 150,000 rows of contents are then not copied.
   */
  private keep(operations: SheetOperation[]): void {
    const journal = this.journal;
    if (!journal) return;
    for (const op of operations) {
      const name = op.sheet;
      const detached = op.kind === 'writeTable' && op.replace;
      const saved = journal.saved.get(name);
      if (saved !== undefined) {
        // A copy sharing the contents takes its own before an operation that may write a cell (a replacing
        // write leaves the old grids as they are).
        if (saved && journal.sharingContents.has(name) && !SETS_ONLY_FORMATS[op.kind]) {
          if (!detached) Object.assign(saved, copyLayers(saved, CONTENT_LAYERS));
          journal.sharingContents.delete(name);
        }
        continue;
      }
      const sheet = this.current.sheets.find((s) => s.name === name);
      if (!sheet || detached) journal.saved.set(name, sheet ?? null);
      else if (SETS_ONLY_FORMATS[op.kind]) {
        journal.saved.set(name, copySheet(sheet, CONTENT_LAYERS));
        journal.sharingContents.add(name);
      } else journal.saved.set(name, copySheet(sheet));
    }
  }

  /** The sheets as they are now, for drawing (read-only). */
  get sheets(): MemorySheets {
    return this.current.sheets;
  }

  get version(): number {
    return this.changes;
  }

  subscribe(listener: WorkbookListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  sheetNames(): Promise<string[]> {
    return this.current.sheetNames();
  }

  read(sheets?: string[], onProgress?: ProgressListener): Promise<WorkbookSnapshot> {
    return this.current.read(sheets, onProgress);
  }

  async apply(operations: SheetOperation[], onProgress?: ProgressListener): Promise<void> {
    this.keep(operations);
    try {
      await this.current.apply(operations, onProgress);
    } finally {
      // Even a plan that failed half-way may have changed sheets: the grid must show what is there.
      this.changes++;
      // The settings sheet is rewritten to remember things (the computed columns, a mapping): not a result to show.
      const resultSheets = [...new Set(operations.filter((op) => op.kind === 'writeTable' && op.replace && sheetKindOfName(op.sheet) !== 'settings').map((op) => op.sheet))];
      const change: WorkbookEvent = { kind: 'changed', resultSheets };
      if (!this.journal) this.emit(change);
      else if (resultSheets.length > 0 || !this.held) this.held = change;
    }
  }

  async select(sheet: string, row: number): Promise<void> {
    this.release();
    this.emit({ kind: 'selected', sheet, row });
  }

  /** Tells the change held back so far (a selection comes after it). */
  private release(): void {
    const held = this.held;
    this.held = null;
    if (held) this.emit(held);
  }

  private emit(event: WorkbookEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
