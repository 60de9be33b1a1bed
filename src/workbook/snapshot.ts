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
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

/** Spreadsheet row number (1-based, header = 1) of the data row at index `index` of `SheetSnapshot.rows`. */
export function sheetRowNumber(index: number): number {
  return index + 2;
}

/** Index into `SheetSnapshot.rows` of spreadsheet row `row`. */
export function rowIndex(row: number): number {
  return row - 2;
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

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 1-based column number of column letters: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => s.name === name);
}
