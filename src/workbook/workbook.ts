/**
 * The port between the core and the hosts. Every host (in memory, .xlsx, Office.js, SpreadsheetApp,
 * Sheets REST) implements `Workbook`; every action reads a snapshot, lets the core plan, applies the plan.
 */
import type { OperationKind, SheetOperation } from './operations';
import type { WorkbookSnapshot } from './snapshot';

/**
 * What is being done, for the user: a message key of the core's catalogs (core/messages, «Запись таблицы:
 * «Клиенты»») and the sheet, so that the panel says it in its own language.
 */
export interface ProgressStep {
  key: `step.${OperationKind}` | 'step.done' | 'step.calculating' | 'step.readSheet' | 'step.readValues' | 'step.readFormats' | 'step.write' | 'step.writeRows';
  params?: { sheet: string } & Record<string, string | number>;
}

export interface Progress {
  step: ProgressStep;
  done: number;
  total: number;
}

export type ProgressListener = (progress: Progress) => void;

/** The size limits of a host; an absent field is no limit. */
export interface HostLimits {
  /** The host's name for the user: "Excel", "Google Sheets". */
  host: string;
  /** Rows of one sheet. */
  rows?: number;
  /** Columns of one sheet. */
  columns?: number;
  /** Cells of all sheets together (rows × columns of each sheet's grid). */
  cells?: number;
}

/** Excel's grid: 1,048,576 rows × 16,384 columns per sheet (an .xlsx file and Office.js alike). */
export const EXCEL_LIMITS: HostLimits = { host: 'Excel', rows: 1_048_576, columns: 16_384 };

/** Google Sheets: 10,000,000 cells per spreadsheet and 18,278 columns per sheet (Apps Script and the Sheets API alike). */
export const GOOGLE_SHEETS_LIMITS: HostLimits = { host: 'Google Sheets', columns: 18_278, cells: 10_000_000 };

export interface Workbook {
  /** Names of the sheets, in tab order. */
  sheetNames(): Promise<string[]>;
  /** Read the named sheets (all when omitted); names that do not exist are skipped. */
  read(sheets?: string[], onProgress?: ProgressListener): Promise<WorkbookSnapshot>;
  /** Execute the operations in order. */
  apply(operations: SheetOperation[], onProgress?: ProgressListener): Promise<void>;
  /** Move the host's selection to a row (hosts without a selection do nothing). */
  select?(sheet: string, row: number): Promise<void>;
  /** How big the host lets a sheet or a workbook grow; a plan that would outgrow it is refused before apply. */
  readonly limits?: HostLimits;
  /**
   * For hosts where the user edits the workbook while a session keeps what it read (the Excel task pane):
   * a token that differs from an earlier one when the workbook changed since, by the user's hand or any
   * other. Cheap: it never reads the sheets' values. Null where the host cannot tell cheaply: the session
   * then reads afresh on every call. Hosts with no such edits during a session (a file, one Apps Script
   * execution per call) leave it out.
   */
  changeToken?(): Promise<string | null>;
}

/** What the core returns for an action: the operations to apply and a report for the UI or the CLI. */
export interface Plan<Report> {
  operations: SheetOperation[];
  report: Report;
}
