/**
 * Reading sheets into a snapshot: one round trip for the sheet list and used ranges, then one per block
 * of rows (values, number formats to recognise dates, and whether rows are hidden). Blocks are sized by
 * cells, so a wide sheet reads fewer rows per block and every response stays well under the 5 MB limit.
 */
import type { CellValue, SheetSnapshot } from '../../src/workbook/snapshot';
import type { ProgressListener } from '../../src/workbook/workbook';
import { snapshotValue } from './cells';
import { LISTS_SHEET } from './lists';

export interface ReadOptions {
  /** Cells per block (default 100,000: 5,000 rows of 20 columns). */
  blockCells: number;
  /** Report merged areas (ExcelApi 1.13). */
  mergedAreas: boolean;
}

export const DEFAULT_BLOCK_CELLS = 100_000;
export const MAX_BLOCK_ROWS = 20_000;

/** Rows per block for a sheet this wide. */
export function blockRows(columns: number, blockCells: number): number {
  return Math.max(1, Math.min(MAX_BLOCK_ROWS, Math.floor(blockCells / Math.max(columns, 1))));
}

/** Sheet names in tab order, without the product's hidden helper sheet. */
export async function listSheets(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  return sheets.items.map((s) => s.name).filter((name) => name !== LISTS_SHEET);
}

function trimRow(row: CellValue[]): CellValue[] {
  let end = row.length;
  while (end > 0 && row[end - 1] === null) end--;
  return end === row.length ? row : row.slice(0, end);
}

interface SheetExtent {
  name: string;
  sheet: Excel.Worksheet;
  used: Excel.Range;
  merged: Excel.RangeAreas | null;
}

export async function readSheets(
  context: Excel.RequestContext,
  names: string[] | undefined,
  options: ReadOptions,
  onProgress?: ProgressListener,
): Promise<SheetSnapshot[]> {
  const all = context.workbook.worksheets;
  all.load('items/name');
  await context.sync();
  const extents: SheetExtent[] = all.items
    .filter((ws) => ws.name !== LISTS_SHEET && (!names || names.includes(ws.name)))
    .map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('rowIndex,rowCount,columnIndex,columnCount');
      const merged = options.mergedAreas ? ws.getRange().getMergedAreasOrNullObject() : null;
      merged?.load('address');
      return { name: ws.name, sheet: ws, used, merged };
    });
  await context.sync();

  const snapshots: SheetSnapshot[] = [];
  for (const [index, extent] of extents.entries()) {
    onProgress?.({ step: { key: 'step.readSheet', params: { sheet: extent.name } }, done: index, total: extents.length });
    snapshots.push(await readSheet(context, extent, options.blockCells));
  }
  return snapshots;
}

async function readSheet(context: Excel.RequestContext, extent: SheetExtent, blockCells: number): Promise<SheetSnapshot> {
  const snapshot: SheetSnapshot = { name: extent.name, header: [], rows: [] };
  if (extent.merged && !extent.merged.isNullObject) {
    snapshot.mergedRanges = extent.merged.address.split(',').map((a) => a.slice(a.lastIndexOf('!') + 1).trim());
  }
  if (extent.used.isNullObject) return snapshot;
  const lastRow = extent.used.rowIndex + extent.used.rowCount;
  const columns = extent.used.columnIndex + extent.used.columnCount;
  const step = blockRows(columns, blockCells);
  const rows: CellValue[][] = [];
  const hidden: number[] = [];
  // One round trip per block is the point of reading in blocks: it bounds each response's size.
  for (let start = 0; start < lastRow; start += step) {
    const count = Math.min(step, lastRow - start);
    const block = extent.sheet.getRangeByIndexes(start, 0, count, columns);
    block.load('values,numberFormat,rowHidden');
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per block of up to 20,000 rows, by design
    await context.sync();
    const formats = block.numberFormat;
    block.values.forEach((line, i) => rows.push(trimRow(line.map((value, j) => snapshotValue(value, formats[i][j])))));
    if (block.rowHidden === true) for (let i = 0; i < count; i++) hidden.push(start + i + 1);
    else if (block.rowHidden === null) hidden.push(...(await hiddenRowsOf(context, extent.sheet, start, count)));
  }
  const [header = [], ...data] = rows;
  snapshot.header = header;
  snapshot.rows = data;
  const hiddenData = hidden.filter((row) => row > 1);
  if (hiddenData.length) snapshot.hiddenRows = hiddenData;
  return snapshot;
}

/** Rows asked about per round trip when a block has some hidden rows (about 1 MB of request). */
const HIDDEN_ROWS_PER_SYNC = 5_000;

/** A block with some rows hidden: ask row by row, a few thousand rows per round trip. */
async function hiddenRowsOf(context: Excel.RequestContext, sheet: Excel.Worksheet, start: number, count: number): Promise<number[]> {
  const hidden: number[] = [];
  for (let from = start; from < start + count; from += HIDDEN_ROWS_PER_SYNC) {
    const cells: Excel.Range[] = [];
    for (let row = from; row < Math.min(from + HIDDEN_ROWS_PER_SYNC, start + count); row++) {
      const cell = sheet.getRangeByIndexes(row, 0, 1, 1);
      cell.load('rowHidden');
      cells.push(cell);
    }
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per few thousand rows, only for blocks with hidden rows
    await context.sync();
    cells.forEach((cell, i) => cell.rowHidden && hidden.push(from + i + 1));
  }
  return hidden;
}
