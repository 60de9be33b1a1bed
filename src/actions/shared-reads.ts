/**
 * One read shared by every action over a workbook that only the actions change: the page's worker, where
 * no one else types and no formulas are recalculated. A sheet read by one action (the first list of
 * clients) is what the next would read again (the steps of «Всё сразу», the list after it) — unless an
 * action has written it since. So the sheets read are kept, and a read fetches from the host only the
 * sheets not kept: those never read, created, or changed since they were read. A big base is then copied
 * out of the host once, not once per step and view, and the core's reading of a sheet (base.ts keeps the
 * clients and orders read from each snapshot) is done once too. A snapshot holds a sheet's values,
 * hidden rows and merged ranges only, so an operation that sets none of them (validations, colours,
 * formats, charts: the structure step's work on the orders) keeps the sheet; any other operation naming
 * a sheet drops it. A host that puts sheets back (a stopped run rolled back) says so with `forget`.
 *
 * The kept snapshots are handed to every later reader, so they are frozen: the core plans from snapshots
 * and never changes them (test: «Всё сразу» over frozen snapshots), and a change would fail loudly rather
 * than leave a kept sheet unlike the workbook.
 */
import { SETS_ONLY_FORMATS, type SheetOperation } from '../workbook/operations';
import type { SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot';
import type { ProgressListener, Workbook } from '../workbook/workbook';

function frozen(sheet: SheetSnapshot): SheetSnapshot {
  for (const row of sheet.rows) Object.freeze(row);
  Object.freeze(sheet.rows);
  Object.freeze(sheet.header);
  if (sheet.hiddenRows) Object.freeze(sheet.hiddenRows);
  if (sheet.mergedRanges) Object.freeze(sheet.mergedRanges);
  return Object.freeze(sheet);
}

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
    if (missing.length > 0) for (const sheet of (await this.inner.read(missing, onProgress)).sheets) this.kept.set(sheet.name, frozen(sheet));
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

  /** The host changed sheets by itself (put them back after a stopped run): nothing kept holds. */
  forget(): void {
    this.kept.clear();
  }
}
