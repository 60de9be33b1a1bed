/**
 * The page's workbook: an .xlsx workbook whose changes the grid watches. The panel's actions write
 * through `apply`; every listener hears what changed, so the grid redraws after each action and can
 * bring a freshly written result sheet (ABC, RFM, …) into view.
 */
import { sheetKindOfName } from '../core/schema';
import type { SheetOperation } from '../workbook/operations';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { ProgressListener, Workbook } from '../workbook/workbook';
import type { MemorySheets } from '../workbook/memory';
import type { XlsxWorkbook } from '../xlsx/workbook';

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

  constructor(readonly file: XlsxWorkbook) {}

  /** The sheets as they are now, for drawing (read-only). */
  get sheets(): MemorySheets {
    return this.file.sheets;
  }

  get version(): number {
    return this.changes;
  }

  subscribe(listener: WorkbookListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  sheetNames(): Promise<string[]> {
    return this.file.sheetNames();
  }

  read(sheets?: string[], onProgress?: ProgressListener): Promise<WorkbookSnapshot> {
    return this.file.read(sheets, onProgress);
  }

  async apply(operations: SheetOperation[], onProgress?: ProgressListener): Promise<void> {
    try {
      await this.file.apply(operations, onProgress);
    } finally {
      // Even a plan that failed half-way may have changed sheets: the grid must show what is there.
      this.changes++;
      // The settings sheet is rewritten to remember things (the computed columns, a mapping): not a result to show.
      const resultSheets = [...new Set(operations.filter((op) => op.kind === 'writeTable' && op.replace && sheetKindOfName(op.sheet) !== 'settings').map((op) => op.sheet))];
      this.emit({ kind: 'changed', resultSheets });
    }
  }

  async select(sheet: string, row: number): Promise<void> {
    this.emit({ kind: 'selected', sheet, row });
  }

  private emit(event: WorkbookEvent): void {
    for (const listener of [...this.listeners]) listener(event);
  }
}
