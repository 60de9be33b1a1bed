/**
 * The snapshot: what a gateway reads from a host, as plain data the core can plan over.
 *
 * Cells are plain values. A gateway converts its host's dates to `Date` objects whose UTC fields carry
 * the calendar date and time the user sees (Excel serials and Apps Script's local dates alike), so the
 * core never deals with a time zone.
 */
export type CellValue = string | number | boolean | Date | null;

export interface SheetSnapshot {
  /** The sheet's name as the host shows it. */
  name: string;
  /** Row 1 of the sheet: the header cells, as read (not trimmed). */
  header: CellValue[];
  /**
   * Rows 2..n of the used range, each padded or cut to the header's width by the gateway is NOT assumed:
   * rows may be shorter than the header (trailing empties) or longer (values under no header).
   * `rows[i]` is spreadsheet row `i + 2`.
   */
  rows: CellValue[][];
  /** Spreadsheet row numbers (1-based) that are hidden by the user or by a filter, when the host tells. */
  hiddenRows?: number[];
  /** Merged areas touching the data, in A1 notation, when the host tells. */
  mergedRanges?: string[];
  /**
   * The line each of `rows` came from, when it is not `i + 2`: a CSV file's own line numbers, below a
   * title block or after a field that spans lines. What is said about a row names this line.
   */
  rowNumbers?: readonly number[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

/**
 * Spreadsheet row number (1-based) of the data row at index `index` below a header in row `headerRow`:
 * with the default, the row of `SheetSnapshot.rows[index]`; with a located sheet's header row, the row
 * of `values[index]` of a `writeColumns` (or of a `sheetBelowHeader` view's rows).
 */
export function sheetRowNumber(index: number, headerRow = 1): number {
  return index + headerRow + 1;
}

/** The row or line a user finds `sheet.rows[index]` at: `rowNumbers` when the sheet has them. */
export function sourceRowNumber(sheet: Pick<SheetSnapshot, 'rowNumbers'>, index: number): number {
  return sheet.rowNumbers?.[index] ?? sheetRowNumber(index);
}

/** Index of spreadsheet row `row` among the data rows below a header in row `headerRow`; see `sheetRowNumber`. */
export function rowIndex(row: number, headerRow = 1): number {
  return row - headerRow - 1;
}

/**
 * The sheet as if its header were in row `headerRow` (1-based): that row becomes `header`, the rows below
 * it `rows`, and what is above (a title, a note, empty rows) is left out. Hidden rows and merged ranges
 * keep their spreadsheet coordinates.
 */
export function sheetBelowHeader(sheet: SheetSnapshot, headerRow: number): SheetSnapshot {
  if (headerRow <= 1) return sheet;
  return { ...sheet, header: sheet.rows[headerRow - 2] ?? [], rows: sheet.rows.slice(headerRow - 1) };
}

/** Consecutive runs of sorted row numbers, for hosts that act on row ranges: [2,3,4,7] → [[2,4],[7,7]]. */
export function rowRuns(sorted: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const n of sorted) {
    const last = out[out.length - 1];
    if (last && n === last[1] + 1) last[1] = n;
    else out.push([n, n]);
  }
  return out;
}

export function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => s.name === name);
}

/** Now, as a Date whose UTC fields carry the local wall-clock time where the code runs (the snapshot's convention). */
export function wallClockNow(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getMinutes(), now.getSeconds()));
}
