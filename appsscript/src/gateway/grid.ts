/** Ranges on a sheet's grid, which SpreadsheetApp refuses to address past its last row or column. */
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Grow the grid (rows and columns appended at the end) to hold `rows` × `columns`. */
export function ensureGridSize(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** Rows fromRow..toRow of one column, the grid grown first when they lie beyond it. */
export function columnRange(sheet: Sheet, column: number, fromRow: number, toRow: number): GoogleAppsScript.Spreadsheet.Range {
  ensureGridSize(sheet, toRow, column);
  return sheet.getRange(fromRow, column, toRow - fromRow + 1, 1);
}
