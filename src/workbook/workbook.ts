/**
 * The port between the core and the hosts. Every host (in memory, .xlsx, Office.js, SpreadsheetApp,
 * Sheets REST) implements `Workbook`; every action reads a snapshot, lets the core plan, applies the plan.
 */
import type { SheetOperation } from './operations';
import type { WorkbookSnapshot } from './snapshot';

export interface Progress {
  /** What is being done, for the user (e.g. "Запись листа «Клиенты»"). */
  step: string;
  done: number;
  total: number;
}

export type ProgressListener = (progress: Progress) => void;

export interface Workbook {
  /** Names of the sheets, in tab order. */
  sheetNames(): Promise<string[]>;
  /** Read the named sheets (all when omitted); names that do not exist are skipped. */
  read(sheets?: string[], onProgress?: ProgressListener): Promise<WorkbookSnapshot>;
  /** Execute the operations in order. */
  apply(operations: SheetOperation[], onProgress?: ProgressListener): Promise<void>;
  /** Move the host's selection to a row (hosts without a selection do nothing). */
  select?(sheet: string, row: number): Promise<void>;
  /**
   * For hosts where the user edits the workbook while a session keeps what it read (the Excel task pane):
   * a token that differs from an earlier one when the workbook changed since, by the user's hand or any
   * other. Cheap: it never reads the sheets' values. Hosts with no such edits during a session (a file, one
   * Apps Script execution per call) leave it out.
   */
  changeToken?(): Promise<string>;
}

/** What the core returns for an action: the operations to apply and a report for the UI or the CLI. */
export interface Plan<Report> {
  operations: SheetOperation[];
  report: Report;
}
