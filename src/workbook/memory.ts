/**
 * The in-memory Workbook: the reference interpreter of the plan language (apply-operation.ts) over
 * in-memory sheets (memory-sheet.ts), the engine of the .xlsx gateway, the page and the Apps Script
 * rehearsal. This module holds the Workbook itself and what it gives out: snapshots and states, copies
 * that no caller can change the workbook through. It also re-exports the pieces gateways and tests use.
 */
import { operationStep, type SheetOperation } from './operations';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from './snapshot';
import type { SheetState, ValidationState, WorkbookState } from './state';
import type { ProgressListener, Workbook } from './workbook';
import { applyOperation } from './apply-operation';
import { cellA1, parseRange } from './ranges';
import { copyCell, copyPlain, emptySheet, isEmptyCell, lastUsedRow, setLayer, type MemorySheet } from './memory-sheet';

export * from './ranges';
export { applyOperation } from './apply-operation';
export { cellText, CONTENT_LAYERS, copyCell, copyLayers, copyPlain, copySheet, emptySheet, isEmptyCell, lastUsedColumn, lastUsedRow, setGridCell, type HostRanged, type MemorySheet } from './memory-sheet';

/**
 * Rows 1..last used row, each cut after its last non-empty cell; cells are copies. A date shared by many
 * cells (an import makes one per day) is copied once per read, not once per cell: the workbook stays
 * untouched by whatever is done to the copies, and a million order dates do not become a million objects.
 */
function usedValues(sheet: MemorySheet): CellValue[][] {
  const rows: CellValue[][] = [];
  const dateCopies = new Map<Date, Date>();
  const copy = (value: CellValue): CellValue => {
    if (!(value instanceof Date)) return value;
    let copied = dateCopies.get(value);
    if (copied === undefined) dateCopies.set(value, (copied = copyCell(value) as Date));
    return copied;
  };
  const last = lastUsedRow(sheet);
  for (let r = 1; r <= last; r++) {
    const row = sheet.values[r - 1] ?? [];
    let end = row.length;
    while (end > 0 && isEmptyCell(row[end - 1])) end--;
    // Made at its size: grown by push, a million rows of seven cells took twice the memory.
    const out = new Array<CellValue>(end);
    for (let c = 0; c < end; c++) out[c] = row[c] === undefined ? null : copy(row[c]);
    rows.push(out);
  }
  return rows;
}

export function sheetSnapshot(sheet: MemorySheet): SheetSnapshot {
  const used = usedValues(sheet);
  const snapshot: SheetSnapshot = { name: sheet.name, header: used[0] ?? [], rows: used.slice(1) };
  if (sheet.hiddenRows.size) snapshot.hiddenRows = [...sheet.hiddenRows].sort((a, b) => a - b);
  if (sheet.mergedRanges.length) snapshot.mergedRanges = [...sheet.mergedRanges];
  return snapshot;
}

function cellRecord<T>(grid: (T | undefined)[][]): Record<string, T> {
  const record: Record<string, T> = {};
  grid.forEach((row, r) => row?.forEach((v, c) => {
    if (v !== undefined) record[cellA1(r + 1, c + 1)] = v;
  }));
  return record;
}

/** Validations are listed column by column, top to bottom: their order carries no meaning. */
function byPosition(a: ValidationState, b: ValidationState): number {
  const ra = parseRange(a.range);
  const rb = parseRange(b.range);
  return ra.left - rb.left || ra.top - rb.top || ra.right - rb.right || ra.bottom - rb.bottom;
}

export function sheetState(sheet: MemorySheet): SheetState {
  return {
    name: sheet.name,
    values: usedValues(sheet),
    formulaCells: Object.keys(cellRecord(sheet.formulas)),
    numberFormats: cellRecord(sheet.formats),
    fills: cellRecord(sheet.fills),
    validations: copyPlain(sheet.validations).sort(byPosition),
    conditionalFormats: copyPlain(sheet.conditionalFormats),
    frozenRows: sheet.frozenRows,
    tables: sheet.tables.map((t) => ({ ...t })),
    autoFilter: sheet.autoFilter,
    hiddenRows: [...sheet.hiddenRows].sort((a, b) => a - b),
    hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
    charts: copyPlain(sheet.charts),
  };
}

export function sheetFromSnapshot(snapshot: SheetSnapshot): MemorySheet {
  const sheet = emptySheet(snapshot.name);
  [snapshot.header, ...snapshot.rows].forEach((row, r) => row.forEach((v, c) => setLayer(sheet, 'values', r + 1, c + 1, copyCell(v))));
  snapshot.hiddenRows?.forEach((r) => sheet.hiddenRows.add(r));
  sheet.mergedRanges = [...(snapshot.mergedRanges ?? [])];
  return sheet;
}

/** Sheets in tab order, for gateways that serialise a MemoryWorkbook (the .xlsx writer). */
export type MemorySheets = readonly MemorySheet[];

export class MemoryWorkbook implements Workbook {
  private readonly sheets: MemorySheet[];

  /** An empty workbook, or one holding the snapshot's values. */
  constructor(initial: WorkbookSnapshot = { sheets: [] }) {
    this.sheets = initial.sheets.map(sheetFromSnapshot);
  }

  /** A workbook over sheets a gateway has read from its host (taken over, not copied). */
  static fromSheets(sheets: MemorySheet[]): MemoryWorkbook {
    const wb = new MemoryWorkbook();
    wb.sheets.push(...sheets);
    return wb;
  }

  /** The live sheets, for a gateway that writes them out; callers must not modify them. */
  get model(): MemorySheets {
    return this.sheets;
  }

  async sheetNames(): Promise<string[]> {
    return this.sheets.map((s) => s.name);
  }

  async read(names?: string[], onProgress?: ProgressListener): Promise<WorkbookSnapshot> {
    const chosen = this.sheets.filter((s) => !names || names.includes(s.name));
    const sheets = chosen.map((s, i) => {
      onProgress?.({ step: { key: 'step.readSheet', params: { sheet: s.name } }, done: i, total: chosen.length });
      return sheetSnapshot(s);
    });
    return { sheets };
  }

  async apply(operations: SheetOperation[], onProgress?: ProgressListener): Promise<void> {
    operations.forEach((op, i) => {
      onProgress?.({ step: operationStep(op), done: i, total: operations.length });
      applyOperation(this.sheets, op);
    });
  }

  /** A deep copy of the whole workbook in host-neutral terms. */
  state(): WorkbookState {
    return { sheets: this.sheets.map(sheetState) };
  }
}
