/**
 * "Show only these rows" on a sheet that holds Excel tables (the user's "Format as Table", common for a
 * clients sheet). Excel refuses a sheet AutoFilter over a range that lies in a table, because a table has
 * its own filter, so such a sheet is filtered through its table when the column is one of the table's,
 * and by hiding rows directly when it is not (the product adds its ID column at the right of the user's
 * table; widening the user's table to take it in would change their table behind their back).
 */
import type { ApplyFilter } from '../../src/workbook/operations';
import { jsonBytes, type RequestBatch } from './batch';
import { blockRows, DEFAULT_BLOCK_CELLS } from './read';
import { runs } from './runs';

/** What the writer knows of a sheet with tables. */
export interface TableSheet {
  context: Excel.RequestContext;
  batch: RequestBatch;
  sheet: Excel.Worksheet;
  /** Names of the tables on the sheet. */
  tables: string[];
  /** The last row holding a value (0 on an empty sheet). */
  lastRow: number;
}

/** A table and where it lies, 1-based and inclusive, header row included. */
interface PlacedTable {
  table: Excel.Table;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * A value list larger than this share of a request is not sent as one filter criterion (it could pass
 * the ~4 MB limit alone); the rows are hidden by hand instead, in requests the batch keeps under budget.
 */
const CRITERIA_SHARE = 0.5;

/** Rows whose text is read per round trip when rows are hidden by hand (one column: the read blocks' row cap). */
const HIDE_BLOCK_ROWS = blockRows(1, DEFAULT_BLOCK_CELLS);

/** Where the sheet's tables lie: one round trip for all of them. */
async function placeTables(target: TableSheet): Promise<PlacedTable[]> {
  const loaded = target.tables.map((name) => {
    const table = target.context.workbook.tables.getItem(name);
    const range = table.getRange();
    range.load('rowIndex,rowCount,columnIndex,columnCount');
    return { table, range };
  });
  await target.context.sync();
  target.batch.sent();
  return loaded.map(({ table, range }) => ({
    table,
    top: range.rowIndex + 1,
    bottom: range.rowIndex + range.rowCount,
    left: range.columnIndex + 1,
    right: range.columnIndex + range.columnCount,
  }));
}

/** Whether a block (1-based, inclusive) overlaps one of the sheet's tables: Excel refuses a sheet AutoFilter there. */
export async function overlapsTable(target: TableSheet, block: { top: number; left: number; bottom: number; right: number }): Promise<boolean> {
  const placed = await placeTables(target);
  return placed.some((t) => t.left <= block.right && block.left <= t.right && t.top <= block.bottom && block.top <= t.bottom);
}

/**
 * Rows hidden by hand are shown and every table's criteria cleared first, so that the filter replaces
 * whatever was hidden before (a row hidden by any table's filter is hidden across the sheet). The table
 * whose header is the sheet's header row and which holds the column then filters on the values (`''`
 * selects blanks); data rows it does not cover (all of them when no table holds the column) are hidden
 * by hand.
 *
 * The filter goes through `table.columns.getItemAt(i).filter.apply` (ExcelApi 1.2) rather than
 * `table.autoFilter.apply` (ExcelApi 1.9): the column's filter takes only the criteria, so there is no
 * range to pass that could disagree with the table's own, and `table.clearFilters()` (1.2) is its
 * counterpart.
 */
export async function applyTableSheetFilter(target: TableSheet, op: ApplyFilter): Promise<void> {
  const placed = await placeTables(target);
  const lastRow = Math.max(target.lastRow, ...placed.map((t) => t.bottom));
  const headerRow = op.headerRow ?? 1;
  if (lastRow <= headerRow) return;
  const criteria: Excel.FilterCriteria = { filterOn: 'Values', values: op.values };
  const bytes = jsonBytes(criteria);
  const home = placed.find((t) => t.top === headerRow && t.left <= op.column && op.column <= t.right);
  const byTable = home && bytes <= target.batch.budget * CRITERIA_SHARE ? home : null;
  const data = target.sheet.getRangeByIndexes(1, 0, lastRow - 1, 1);
  await target.batch.add(byTable ? bytes : 0, () => {
    data.rowHidden = false;
    for (const t of placed) t.table.clearFilters();
    byTable?.table.columns.getItemAt(op.column - byTable.left).filter.apply(criteria);
  }, 1 + placed.length + (byTable ? 3 : 0));
  const from = byTable ? byTable.bottom + 1 : headerRow + 1;
  if (from <= lastRow) await hideRowsNotMatching(target, op.column, from, lastRow, new Set(op.values));
}

/** Every table's criteria cleared and every data row shown, those hidden by hand included. */
export async function clearTableSheetFilter(target: TableSheet): Promise<void> {
  const tables = target.tables.map((name) => target.context.workbook.tables.getItem(name));
  const data = target.lastRow >= 2 ? target.sheet.getRangeByIndexes(1, 0, target.lastRow - 1, 1) : null;
  await target.batch.add(0, () => {
    for (const table of tables) table.clearFilters();
    if (data) data.rowHidden = false;
  }, tables.length + 1);
}

/**
 * Hides rows `from..to` whose cell in the column is not one of the values. The cells' displayed text is
 * compared, as Excel's values filter does, read a block of rows per round trip; the rows are hidden a run
 * at a time, queued in the batch, so requests stay under budget and syncs grow with blocks, not rows.
 */
async function hideRowsNotMatching(target: TableSheet, column: number, from: number, to: number, wanted: Set<string>): Promise<void> {
  for (let start = from; start <= to; start += HIDE_BLOCK_ROWS) {
    const count = Math.min(HIDE_BLOCK_ROWS, to - start + 1);
    const cells = target.sheet.getRangeByIndexes(start - 1, column - 1, count, 1);
    cells.load('text');
    // One round trip per block of up to 20,000 rows, by design: it bounds each response's size.
    await target.context.sync();
    target.batch.sent();
    const misses: number[] = [];
    cells.text.forEach(([text], i) => {
      if (!wanted.has(text)) misses.push(start + i);
    });
    for (const [first, last] of runs(misses)) {
      const rows = target.sheet.getRangeByIndexes(first - 1, 0, last - first + 1, 1);
      await target.batch.add(0, () => (rows.rowHidden = true), 2);
    }
  }
}
