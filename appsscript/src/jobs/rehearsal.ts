/**
 * The Workbook an action runs against before anything is written to the spreadsheet: an in-memory copy
 * of it (MemoryWorkbook, the reference semantics every gateway is contract-tested against) that records
 * the operations applied to it.
 *
 * Why not defer the writes of the real gateway instead: an action such as «all» reads the workbook again
 * after each of its writes (structure, then the check, the analyses, the duplicates), so once writing is
 * deferred its later reads would plan on a spreadsheet that lacks the earlier results. Reading the copy,
 * every later read sees every earlier write; the spreadsheet itself is read once, not once per part.
 *
 * The copy receives only the operations that change what a read returns (values, hidden rows, sheets):
 * validations, colours, formats and charts are for the spreadsheet alone, and copying them would only cost
 * time. (MemoryWorkbook copies rules and charts without `structuredClone`, which Apps Script lacks.)
 */
import { MemoryWorkbook } from '../../../src/workbook/memory';
import type { OperationKind, SheetOperation } from '../../../src/workbook/operations';
import type { WorkbookSnapshot } from '../../../src/workbook/snapshot';
import type { HostLimits, ProgressListener, Workbook } from '../../../src/workbook/workbook';

const CHANGES_READS: ReadonlySet<OperationKind> = new Set<OperationKind>(['ensureSheet', 'writeTable', 'writeColumns', 'appendRows', 'insertRows', 'deleteRows', 'applyFilter', 'clearFilter']);

export class RehearsalWorkbook implements Workbook {
  /** Everything applied, in order: what the spreadsheet must receive. */
  readonly operations: SheetOperation[] = [];
  private readonly memory: MemoryWorkbook;

  /**
   * `limits`: the spreadsheet's, so that a plan it could not hold is refused while rehearsing, before
   * the first step is written (the action's runner checks every plan against its workbook's limits).
   */
  constructor(
    snapshot: WorkbookSnapshot,
    readonly limits?: HostLimits,
  ) {
    this.memory = new MemoryWorkbook(snapshot);
  }

  sheetNames(): Promise<string[]> {
    return this.memory.sheetNames();
  }

  /** No progress: reading the copy is instant, and the sidebar shows the real reading and writing. */
  read(names?: string[], _onProgress?: ProgressListener): Promise<WorkbookSnapshot> {
    return this.memory.read(names);
  }

  async apply(operations: SheetOperation[], _onProgress?: ProgressListener): Promise<void> {
    for (const op of operations) this.operations.push(op);
    await this.memory.apply(operations.filter((op) => CHANGES_READS.has(op.kind)));
  }
}
