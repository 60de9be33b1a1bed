/**
 * The Office.js gateway: the Workbook port over the open Excel workbook. This folder is the only code
 * that calls `Excel.run`; each call of the port is one `Excel.run` batch, and no request context outlives
 * its batch.
 */
import { operationStep, type SheetOperation } from '../../src/workbook/operations';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { EXCEL_LIMITS, type ProgressListener, type Workbook } from '../../src/workbook/workbook';
import { ChangeWatch } from './change-watch';
import { type ApiCheck, type ExcelRunner, excelCapabilities, officeApiCheck } from './requirements';
import { DEFAULT_BLOCK_CELLS, listSheets, readSheets } from './read';
import { PlanWriter } from './write';
import type { WriteOptions } from './sheet-writer';


export interface OfficeWorkbookOptions extends WriteOptions {
  /** `Excel.run` (tests pass a fake's). */
  run?: ExcelRunner;
  /** The requirement-set check (default: Office's isSetSupported). */
  supports?: ApiCheck;
  /** Cells per read block (default 100,000). */
  readBlockCells?: number;
}

const officeRun: ExcelRunner = (batch) => Excel.run(batch);

export class OfficeWorkbook implements Workbook {
  readonly limits = EXCEL_LIMITS;
  private readonly run: ExcelRunner;
  private readonly supports: ApiCheck;
  private readonly changes: ChangeWatch;

  constructor(private readonly options: OfficeWorkbookOptions = {}) {
    this.run = options.run ?? officeRun;
    this.supports = options.supports ?? officeApiCheck;
    this.changes = new ChangeWatch(this.run, this.supports);
  }

  /** The user edits the open workbook while the task pane is open: see change-watch.ts. */
  changeToken(): Promise<string | null> {
    return this.changes.token();
  }

  sheetNames(): Promise<string[]> {
    return this.run((context) => listSheets(context));
  }

  async read(sheets?: string[], onProgress?: ProgressListener): Promise<WorkbookSnapshot> {
    const options = { blockCells: this.options.readBlockCells ?? DEFAULT_BLOCK_CELLS, mergedAreas: excelCapabilities(this.supports).mergedAreas };
    return { sheets: await this.run((context) => readSheets(context, sheets, options, onProgress)) };
  }

  async apply(operations: SheetOperation[], onProgress?: ProgressListener): Promise<void> {
    if (operations.length === 0) return;
    await this.run(async (context) => {
      const writer = new PlanWriter(context, this.options);
      await writer.prepare();
      for (const [index, op] of operations.entries()) {
        onProgress?.({ step: operationStep(op), done: index, total: operations.length });
        await writer.apply(op);
      }
      await writer.finish();
      onProgress?.({ step: { key: 'step.done' }, done: operations.length, total: operations.length });
    });
  }

  /** Activate the sheet and select the row (the side panel's "go to this client"). */
  select(sheet: string, row: number): Promise<void> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(`${row}:${row}`).select();
      await context.sync();
    });
  }
}
