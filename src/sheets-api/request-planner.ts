/**
 * A plan's operations as Sheets API batchUpdate requests, in plan order. Row positions the plan leaves to
 * the host (appendRows' first row, a sheet's used range) come from a mirror of the values — the in-memory
 * workbook, the reference semantics — that each operation is applied to as it is planned.
 */
import { applyOperation, cellText, lastUsedColumn, lastUsedRow, type MemorySheet } from '../workbook/memory';
import { type AppendRows, type ApplyFilter, type ColourCells, type InsertRows, type SheetOperation, type WriteTable } from '../workbook/operations';
import { rowRuns, type CellValue } from '../workbook/snapshot';
import { numberFormat } from './cells';
import type { OperationSpan } from './batches';
import { addChartRequest, colourRules, conditionalRuleKey, setValidationRequest } from './rules';
import { GridRequests, type SheetMeta } from './grid-requests';

/** Turns operations into batchUpdate requests, in order, against the mirror of the values. */
export class RequestPlanner extends GridRequests {
  readonly spans: OperationSpan[] = [];

  constructor(
    meta: SheetMeta[],
    private readonly mirror: MemorySheet[],
    private readonly shown: Map<string, string[]>,
  ) {
    super(meta);
  }

  private mirrorOf(title: string): MemorySheet | undefined {
    return this.mirror.find((s) => s.name === title);
  }

  /** The rows of an appendRows or insertRows from row `first` down, the columns' number formats first (see writeBlock). */
  private writeRows(sheet: SheetMeta, first: number, op: AppendRows | InsertRows): void {
    if (op.rows.length === 0) return;
    op.numberFormats?.forEach((f, j) => {
      if (f) this.format(sheet, j + 1, first, first + op.rows.length - 1, numberFormat(f));
    });
    this.writeBlock(sheet, first, 1, op.rows, op.numberFormats);
  }

  add(op: SheetOperation): void {
    const start = this.requests.length;
    this.plan(op);
    this.spans.push({ op, start, end: this.requests.length });
    this.mirrorOperation(op);
  }

  private plan(op: SheetOperation): void {
    const before = this.mirrorOf(op.sheet);
    switch (op.kind) {
      case 'ensureSheet':
        if (!this.meta.some((m) => m.title === op.sheet)) {
          const sheet = this.addSheet(op.sheet, op.tabColour);
          if (op.header?.length) this.writeBlock(sheet, 1, 1, [op.header]);
        }
        break;
      case 'writeTable':
        this.writeTable(op);
        break;
      case 'writeColumns': {
        const sheet = this.sheet(op.sheet);
        const headerRow = op.headerRow ?? 1;
        for (const column of op.columns) {
          // cells[i] is row headerRow + i: the header, then the values
          const cells: Array<CellValue | undefined> = [column.header, ...column.values];
          const defined = cells.flatMap((v, i) => (v === undefined ? [] : [headerRow + i]));
          for (const [from, to] of rowRuns(defined)) {
            if (column.numberFormat) this.format(sheet, column.column, Math.max(from, headerRow + 1), to, numberFormat(column.numberFormat));
            this.writeBlock(sheet, from, column.column, cells.slice(from - headerRow, to - headerRow + 1).map((v) => [v]));
          }
        }
        break;
      }
      case 'appendRows':
        this.writeRows(this.sheet(op.sheet), (before ? lastUsedRow(before) : 0) + 1, op);
        break;
      case 'insertRows': {
        const sheet = this.sheet(op.sheet);
        if (op.rows.length === 0) break;
        // a row past the grid's end needs no insert: writing it grows the grid
        if (op.at <= sheet.rowCount) {
          const range = { sheetId: sheet.sheetId, dimension: 'ROWS', startIndex: op.at - 1, endIndex: op.at - 1 + op.rows.length };
          this.requests.push({ insertDimension: { range, inheritFromBefore: false } });
          sheet.rowCount += op.rows.length;
        }
        this.writeRows(sheet, op.at, op);
        break;
      }
      case 'deleteRows': {
        const sheet = this.sheet(op.sheet);
        const rows = [...new Set(op.rows)].filter((r) => r >= 1 && r <= sheet.rowCount).sort((a, b) => a - b);
        for (const [from, to] of rowRuns(rows).reverse()) {
          this.requests.push({ deleteDimension: { range: { sheetId: sheet.sheetId, dimension: 'ROWS', startIndex: from - 1, endIndex: to } } });
          sheet.rowCount -= to - from + 1;
        }
        break;
      }
      case 'setValidation': {
        const sheet = this.sheet(op.sheet);
        this.ensureGrid(sheet, op.toRow, op.column);
        if (op.rule.type === 'listRange') this.ensureGrid(this.sheet(op.rule.source.sheet), op.rule.source.toRow, op.rule.source.column);
        this.requests.push(setValidationRequest(op, sheet.sheetId));
        break;
      }
      case 'colourCells':
        this.colourCells(op, before);
        break;
      case 'highlightRows': {
        const sheet = this.sheet(op.sheet);
        const right = Math.max(before ? lastUsedColumn(before) : 1, 1);
        for (const [from, to] of rowRuns([...new Set(op.rows)].sort((a, b) => a - b))) this.fill(this.range(sheet, from, 1, to, right), op.fill);
        break;
      }
      case 'formatSheet': {
        const sheet = this.sheet(op.sheet);
        const headerRow = op.headerRow ?? 1;
        if (op.freezeHeader) this.freeze(sheet, headerRow);
        const used = this.range(sheet, headerRow, 1, Math.max(before ? lastUsedRow(before) : 0, headerRow + 1), Math.max(before ? lastUsedColumn(before) : 0, 1));
        if (op.table) this.table(sheet, used);
        else if (op.autoFilter) this.setFilter(sheet, used);
        for (const f of op.columnFormats ?? []) this.format(sheet, f.column, f.fromRow, f.toRow, numberFormat(f.format));
        for (const w of op.columnWidths ?? []) this.width(sheet, w.column, w.width);
        break;
      }
      case 'addChart': {
        const sheet = this.sheet(op.sheet);
        const id = this.nextId++;
        this.requests.push(addChartRequest(op.chart, op.sheet, (t) => this.sheet(t).sheetId, id));
        sheet.chartIds.push(id);
        break;
      }
      case 'applyFilter':
        this.applyFilter(op, before);
        break;
      case 'clearFilter': {
        const sheet = this.sheet(op.sheet);
        if (sheet.filter) this.setFilter(sheet, sheet.filter);
        this.showAllRows(sheet);
        break;
      }
    }
  }

  /** The mirror follows every operation, so later operations see the positions the plan expects. */
  private mirrorOperation(op: SheetOperation): void {
    if (op.kind === 'ensureSheet' || op.kind === 'writeTable' || this.mirrorOf(op.sheet)) applyOperation(this.mirror, op);
  }

  private writeTable(op: WriteTable): void {
    const existing = this.meta.find((m) => m.title === op.sheet);
    const sheet = existing ?? this.addSheet(op.sheet);
    if (op.replace && existing) this.clearSheet(sheet);
    const top = op.anchor?.row ?? 1;
    const left = op.anchor?.column ?? 1;
    const width = Math.max(op.header.length, ...op.rows.map((r) => r.length), 1);
    const pad = (row: readonly CellValue[]) => Array.from({ length: width }, (_, j) => (j < row.length ? row[j] : null));
    op.numberFormats?.forEach((f, j) => {
      if (f !== null) this.format(sheet, left + j, top + 1, top + op.rows.length, numberFormat(f));
    });
    this.writeBlock(sheet, top, left, [op.header.map((h) => h as CellValue), ...op.rows.map(pad)]);
    if (op.headerFill && op.header.length) this.fill(this.range(sheet, top, left, top, left + op.header.length - 1), op.headerFill);
    op.columnWidths?.forEach((w, j) => {
      if (w !== null) this.width(sheet, left + j, w);
    });
    op.hiddenColumns?.forEach((hidden, j) => {
      if (hidden) this.hideColumn(sheet, left + j);
    });
    if (op.freezeHeader) this.freeze(sheet, top);
    const block = this.range(sheet, top, left, top + Math.max(op.rows.length, 1), left + Math.max(op.header.length, 1) - 1);
    if (op.table) this.table(sheet, block);
    else if (op.autoFilter) this.setFilter(sheet, block);
  }

  private colourCells(op: ColourCells, before: MemorySheet | undefined): void {
    const sheet = this.sheet(op.sheet);
    const left = op.wholeRow ? 1 : op.column;
    const right = op.wholeRow ? Math.max(before ? lastUsedColumn(before) : 0, op.column) : op.column;
    const rules = colourRules(op, this.range(sheet, op.fromRow, left, op.toRow, right));
    const key = conditionalRuleKey(rules[0] ?? { ranges: [this.range(sheet, op.fromRow, left, op.toRow, right)] });
    for (let i = sheet.ruleKeys.length - 1; i >= 0; i--) {
      if (sheet.ruleKeys[i] !== key) continue;
      this.requests.push({ deleteConditionalFormatRule: { sheetId: sheet.sheetId, index: i } });
      sheet.ruleKeys.splice(i, 1);
    }
    for (const rule of rules) {
      this.requests.push({ addConditionalFormatRule: { rule, index: sheet.ruleKeys.length } });
      sheet.ruleKeys.push(key);
    }
  }

  /**
   * A basic filter over the used range from the header row down hiding, in the column, the shown texts of
   * the data rows that do not match; it replaces other criteria and rows hidden by hand, as the in-memory
   * reference does.
   */
  private applyFilter(op: ApplyFilter, before: MemorySheet | undefined): void {
    const sheet = this.sheet(op.sheet);
    const headerRow = op.headerRow ?? 1;
    const lastRow = Math.max(before ? lastUsedRow(before) : 0, headerRow + 1);
    const range = this.range(sheet, headerRow, 1, lastRow, Math.max(before ? lastUsedColumn(before) : 0, op.column));
    const shown = this.shown.get(`${op.sheet}|${op.column}`) ?? [];
    const wanted = new Set(op.values);
    const hide = new Set<string>();
    const keep = new Set<string>();
    for (let r = headerRow + 1; r <= lastRow; r++) {
      const value = before?.values[r - 1]?.[op.column - 1];
      (wanted.has(cellText(value)) ? keep : hide).add(shown[r - 2] ?? '');
    }
    for (const text of keep) hide.delete(text);
    this.showAllRows(sheet);
    this.setFilter(sheet, range, hide.size ? { [op.column - 1]: { hiddenValues: [...hide] } } : undefined);
  }
}
