/**
 * A full description of the parts of a workbook the product touches. The in-memory Workbook keeps its
 * data in this form, and each gateway's test harness describes its host (fake or file) in these terms,
 * so one contract suite can check every gateway against the same expectations.
 */
import type { CellValue } from './snapshot';
import type { ChartSpec, Colour, ColourRule, ValidationRule } from './operations';

export interface ValidationState {
  /** A1 range, e.g. `K2:K5001`. */
  range: string;
  rule: ValidationRule;
  strict: boolean;
  /** Shown when a value is rejected (SetValidation.errorMessage), when set. */
  errorMessage?: string;
  /** Help shown when the cell is selected (SetValidation.prompt), when set. */
  prompt?: string;
}

export interface ConditionalFormatState {
  range: string;
  rules: ColourRule[];
  /**
   * Column letters of the cells the conditions test when the fill covers whole rows (`colourCells` with
   * `wholeRow`); absent when each cell of `range` is tested itself.
   */
  testColumn?: string;
}

export interface SheetState {
  name: string;
  /** Values from A1, row-major; rows and columns past the used range are omitted. */
  values: CellValue[][];
  /** A1 addresses of cells holding a formula (a user string must never end up here). */
  formulaCells: string[];
  /** Number format by A1 address, for cells with a non-default format. */
  numberFormats: Record<string, string>;
  /** Static fills by A1 address. */
  fills: Record<string, Colour>;
  validations: ValidationState[];
  conditionalFormats: ConditionalFormatState[];
  frozenRows: number;
  tables: Array<{ name: string; range: string }>;
  /** A1 range of the sheet's autofilter, if any. */
  autoFilter: string | null;
  /** Spreadsheet rows hidden by a filter or by hand. */
  hiddenRows: number[];
  /** Columns (1-based) hidden by the product or by hand. */
  hiddenColumns: number[];
  charts: ChartSpec[];
}

export interface WorkbookState {
  sheets: SheetState[];
}
