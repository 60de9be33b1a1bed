/**
 * One read shared by the steps of a run: «Всё сразу» structures, checks, analyses and looks for
 * duplicates, and each step reads the workbook. Over a host where nothing changes the workbook but the
 * run's own writes (the page's worker: no one else types, no formulas are recalculated), a sheet read by
 * one step is what the next step would read again — unless the run has written it since. So the sheets
 * read are kept, and a read fetches from the host only the sheets not kept: those never read, created,
 * or changed since they were read. A big base is then copied out of the host once per run, not once per
 * step. A snapshot holds a sheet's values, hidden rows and merged ranges only, so an operation that sets
 * none of them (validations, colours, formats, charts: the structure step's work on the orders) keeps the
 * sheet; any other operation naming a sheet drops it.
 *
 * The kept snapshots are handed to every later step: the core plans from snapshots and never changes
 * them (test: a run over frozen snapshots).
 */
import { SETS_ONLY_FORMATS, type SheetOperation } from '../workbook/operations';
import type { SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot';
import type { ProgressListener, Workbook } from '../workbook/workbook';

export class SharedReadsWorkbook implements Workbook {
  private readonly kept = new Map<string, SheetSnapshot>();

  constructor(private readonly inner: Workbook) {}

  get limits() {
    return this.inner.limits;
  }

  sheetNames(): Promise<string[]> {
    return this.inner.sheetNames();
  }

  async read(sheets?: string[], onProgress?: ProgressListener): Promise<WorkbookSnapshot> {
    const names = await this.inner.sheetNames();
    const wanted = sheets ? names.filter((name) => sheets.includes(name)) : names;
    const missing = wanted.filter((name) => !this.kept.has(name));
    if (missing.length > 0) for (const sheet of (await this.inner.read(missing, onProgress)).sheets) this.kept.set(sheet.name, sheet);
    return { sheets: wanted.flatMap((name) => this.kept.get(name) ?? []) };
  }

  async apply(operations: SheetOperation[], onProgress?: ProgressListener): Promise<void> {
    // Dropped before writing: a write that fails half-way leaves no sheet kept as it was before.
    for (const op of operations) if (!SETS_ONLY_FORMATS[op.kind]) this.kept.delete(op.sheet);
    await this.inner.apply(operations, onProgress);
  }

  async select(sheet: string, row: number): Promise<void> {
    await this.inner.select?.(sheet, row);
  }
}
