/**
 * Applying a plan through Office.js. Cell data goes out in blocks whose requests are kept under the size
 * budget by RequestBatch; the writer syncs only to send a full request or to learn something from the
 * host (the sheet list at the start, a sheet's used range or its conditional formats when an operation
 * depends on them), so the number of syncs grows with the data's megabytes and the plan's operations,
 * never with its rows.
 */
import type {
  AddChart,
  AppendRows,
  InsertRows,
  ApplyFilter,
  ColourCells,
  ColumnRange,
  DeleteRows,
  FormatSheet,
  HighlightRows,
  SetValidation,
  SheetOperation,
  WriteColumns,
  WriteTable,
} from '../../src/workbook/operations';
import type { CellValue } from '../../src/workbook/snapshot';
import { columnLetter, rangeA1 } from '../../src/workbook/a1';
import { jsonBytes } from './batch';
import { inlineListSource, ListColumns, LISTS_SHEET } from './lists';
import { chartType, colourFormula, POINTS_PER_PIXEL, validationRule } from './rules';
import { runs } from './runs';
import { applyTableSheetFilter, clearTableSheetFilter } from './table-filter';
import { SheetWriter, type KnownFormat } from './sheet-writer';

function formatKey(range: string, testColumn: string | null): string {
  return `${range}|${testColumn ?? ''}`;
}

/** Reads back what colourFormula wrote for whole rows: the `$F` of `=$F2=…`. */
function testColumnOf(formula: string): string | null {
  const m = /^=(?:AND\(ISNUMBER\()?\$([A-Z]+)\d+/.exec(formula);
  return m ? m[1] : null;
}

/** The plan's operations, each as Office.js requests through the sheets and cells the writer knows. */
export class PlanWriter extends SheetWriter {
  private lists: ListColumns | null = null;

  async apply(op: SheetOperation): Promise<void> {
    switch (op.kind) {
      case 'ensureSheet':
        return this.ensureSheet(op.sheet, op.header, op.tabColour);
      case 'writeTable':
        return this.writeTable(op);
      case 'writeColumns':
        return this.writeColumns(op);
      case 'appendRows':
        return this.appendRows(op);
      case 'insertRows':
        return this.insertRows(op);
      case 'deleteRows':
        return this.deleteRows(op);
      case 'setValidation':
        return this.setValidation(op);
      case 'colourCells':
        return this.colourCells(op);
      case 'highlightRows':
        return this.highlightRows(op);
      case 'formatSheet':
        return this.formatSheet(op);
      case 'addChart':
        return this.addChart(op);
      case 'applyFilter':
        return this.applyFilter(op);
      case 'clearFilter':
        return this.clearFilter(op.sheet);
    }
  }

  private async writeTable(op: WriteTable): Promise<void> {
    const exists = this.sheets.has(op.sheet);
    const ws = exists ? (op.replace ? await this.replaceSheet(op.sheet) : this.sheet(op.sheet, op.kind)) : await this.addSheet(op.sheet);
    const top = op.anchor?.row ?? 1;
    const left = op.anchor?.column ?? 1;
    // reduce, not Math.max(...rows): a million-row spread overflows the call stack
    const width = op.rows.reduce((w, r) => Math.max(w, r.length), op.header.length);
    const padded = (row: CellValue[]) => Array.from({ length: width }, (_, j) => row[j] ?? null);
    await this.writeBlock(ws, op.sheet, top, left, [padded(op.header)]);
    await this.writeBlock(ws, op.sheet, top + 1, left, op.rows.map(padded), op.numberFormats);
    if (op.headerFill && op.header.length) {
      const header = ws.getRangeByIndexes(top - 1, left - 1, 1, op.header.length);
      await this.batch.add(0, () => (header.format.fill.color = op.headerFill!));
    }
    for (const [j, characters] of (op.columnWidths ?? []).entries()) {
      if (characters !== null) await this.setColumnWidth(ws, left + j, characters);
    }
    for (const [j, hidden] of (op.hiddenColumns ?? []).entries()) {
      if (hidden) await this.hideColumn(ws, left + j);
    }
    if (op.freezeHeader) await this.batch.add(0, () => ws.freezePanes.freezeRows(top));
    const bottom = top + Math.max(op.rows.length, 1);
    const right = left + Math.max(op.header.length, 1) - 1;
    if (op.table) await this.makeTable(ws, op.sheet, rangeA1(top, left, bottom, right), op.table.name);
    else if (op.autoFilter) await this.putAutoFilter(ws, op.sheet, { top, left, bottom, right });
  }

  private async writeColumns(op: WriteColumns): Promise<void> {
    const ws = this.sheet(op.sheet, op.kind);
    const headerRow = op.headerRow ?? 1;
    for (const column of op.columns) {
      if (column.header !== undefined) await this.writeBlock(ws, op.sheet, headerRow, column.column, [[column.header]]);
      const defined: number[] = [];
      column.values.forEach((value, i) => value !== undefined && defined.push(i));
      for (const [first, last] of runs(defined)) {
        const cells = column.values.slice(first, last + 1).map((value) => [value as CellValue]);
        await this.writeBlock(ws, op.sheet, headerRow + 1 + first, column.column, cells, [column.numberFormat]);
      }
    }
  }

  private async appendRows(op: AppendRows): Promise<void> {
    if (op.rows.length === 0) return;
    const ws = this.sheet(op.sheet, op.kind);
    const { rows } = await this.extent(op.sheet);
    await this.writeBlock(ws, op.sheet, rows + 1, 1, op.rows, op.numberFormats);
  }

  /** Whole rows shifted down (ranges across the row grow, as Excel does), then written as appendRows writes. */
  private async insertRows(op: InsertRows): Promise<void> {
    if (op.rows.length === 0) return;
    const ws = this.sheet(op.sheet, op.kind);
    const rows = ws.getRange(`${op.at}:${op.at + op.rows.length - 1}`);
    await this.batch.add(0, () => rows.insert('Down'), 2);
    this.extents.delete(op.sheet);
    this.formats.delete(op.sheet);
    await this.writeBlock(ws, op.sheet, op.at, 1, op.rows, op.numberFormats);
  }

  /** Bottom-up, a run of consecutive rows at a time, so the numbers of rows still to delete hold. */
  private async deleteRows(op: DeleteRows): Promise<void> {
    const ws = this.sheet(op.sheet, op.kind);
    for (const [first, last] of runs(op.rows.filter((r) => r >= 1)).reverse()) {
      const rows = ws.getRange(`${first}:${last}`);
      await this.batch.add(0, () => rows.delete('Up'), 2);
    }
    this.extents.delete(op.sheet);
    this.formats.delete(op.sheet);
  }

  private async setValidation(op: SetValidation): Promise<void> {
    const ws = this.sheet(op.sheet, op.kind);
    let listSource: string | null = null;
    if (op.rule.type === 'list') {
      listSource = inlineListSource(op.rule.values) ?? (await this.storeList(`${op.sheet}!${rangeA1(op.fromRow, op.column, op.toRow, op.column)}`, op.rule.values));
    }
    const rule = validationRule(op.rule, () => listSource!);
    const range = ws.getRangeByIndexes(op.fromRow - 1, op.column - 1, op.toRow - op.fromRow + 1, 1);
    await this.batch.add(jsonBytes(rule) + jsonBytes([op.errorMessage, op.prompt]), () => {
      range.dataValidation.clear();
      range.dataValidation.rule = rule;
      range.dataValidation.errorAlert = { showAlert: true, style: op.strict ? 'Stop' : 'Warning', message: op.errorMessage ?? '', title: '' };
      if (op.prompt) range.dataValidation.prompt = { showPrompt: true, message: op.prompt, title: '' };
    }, 4);
  }

  /** Put a list on the helper sheet under its key; returns the rule's source. */
  private async storeList(key: string, values: string[]): Promise<string> {
    const ws = await this.listsSheet();
    const column = this.lists!.columnFor(key);
    const letter = columnLetter(column);
    const whole = ws.getRange(`${letter}:${letter}`);
    await this.batch.add(0, () => whole.clear('Contents'));
    await this.writeBlock(ws, LISTS_SHEET, 1, column, [[key], ...values.map((v) => [v])]);
    return `='${LISTS_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`;
  }

  private async listsSheet(): Promise<Excel.Worksheet> {
    const existing = this.sheets.get(LISTS_SHEET);
    if (existing && this.lists) return existing;
    if (existing) {
      const context = this.context;
      const keys = existing.getRange('1:1').getUsedRangeOrNullObject(true);
      keys.load('values,columnIndex');
      await context.sync();
      this.batch.sent();
      const row = keys.isNullObject ? [] : [...Array(keys.columnIndex).fill(''), ...keys.values[0]];
      this.lists = new ListColumns(row);
      return existing;
    }
    const ws = await this.addSheet(LISTS_SHEET);
    await this.batch.add(0, () => (ws.visibility = 'VeryHidden'));
    this.lists = new ListColumns([]);
    return ws;
  }

  /** The product's conditional formats on a sheet, read once per plan (two round trips). */
  private async knownFormats(name: string): Promise<KnownFormat[]> {
    const known = this.formats.get(name);
    if (known) return known;
    const collection = this.sheet(name, 'colourCells').getRange().conditionalFormats;
    collection.load('items/type');
    await this.context.sync();
    this.batch.sent();
    const custom = collection.items.filter((cf) => cf.type === 'Custom');
    const details = custom.map((cf) => {
      const range = cf.getRange();
      range.load('address');
      cf.custom.rule.load('formula');
      return { cf, range };
    });
    await this.context.sync();
    this.batch.sent();
    const list = details.map(({ cf, range }) => ({ format: cf, key: formatKey(range.address.slice(range.address.lastIndexOf('!') + 1), testColumnOf(cf.custom.rule.formula)) }));
    this.formats.set(name, list);
    return list;
  }

  /**
   * Earlier rules over exactly this range (testing the same column) are deleted; the new rules are added
   * last rule first, because Excel puts each new format at the top of the priority order.
   */
  private async colourCells(op: ColourCells): Promise<void> {
    const ws = this.sheet(op.sheet, op.kind);
    const right = op.wholeRow ? Math.max((await this.extent(op.sheet)).columns, op.column) : op.column;
    const left = op.wholeRow ? 1 : op.column;
    const address = rangeA1(op.fromRow, left, op.toRow, right);
    const key = formatKey(address, op.wholeRow ? columnLetter(op.column) : null);
    const known = await this.knownFormats(op.sheet);
    const stale = known.filter((k) => k.key === key);
    const range = ws.getRange(address);
    const added: KnownFormat[] = [];
    await this.batch.add(jsonBytes(op.rules), () => {
      for (const k of stale) k.format.delete();
      for (const rule of [...op.rules].reverse()) {
        const cf = range.conditionalFormats.add('Custom');
        cf.custom.rule.formula = colourFormula(rule.when, op.column, op.fromRow, !!op.wholeRow);
        cf.custom.format.fill.color = rule.fill;
        if (rule.fontColour) cf.custom.format.font.color = rule.fontColour;
        added.push({ format: cf, key });
      }
    }, stale.length + op.rules.length * 4);
    this.formats.set(op.sheet, [...known.filter((k) => k.key !== key), ...added]);
  }

  private async highlightRows(op: HighlightRows): Promise<void> {
    const ws = this.sheet(op.sheet, op.kind);
    const right = Math.max((await this.extent(op.sheet)).columns, 1);
    for (const [first, last] of runs(op.rows)) {
      const range = ws.getRangeByIndexes(first - 1, 0, last - first + 1, right);
      await this.batch.add(0, () => (range.format.fill.color = op.fill));
    }
  }

  private async formatSheet(op: FormatSheet): Promise<void> {
    const ws = this.sheet(op.sheet, op.kind);
    const headerRow = op.headerRow ?? 1;
    if (op.freezeHeader) await this.batch.add(0, () => ws.freezePanes.freezeRows(headerRow));
    if (op.table || op.autoFilter) {
      const extent = await this.extent(op.sheet);
      const block = { top: headerRow, left: 1, bottom: Math.max(extent.rows, headerRow + 1), right: Math.max(extent.columns, 1) };
      if (op.table) await this.makeTable(ws, op.sheet, rangeA1(block.top, block.left, block.bottom, block.right), op.table.name);
      else await this.putAutoFilter(ws, op.sheet, block);
    }
    for (const f of op.columnFormats ?? []) if (f.toRow >= f.fromRow) await this.setFormat(ws, f.fromRow, f.column, f.toRow - f.fromRow + 1, f.format);
    for (const w of op.columnWidths ?? []) await this.setColumnWidth(ws, w.column, w.width);
  }

  private columnRange(range: ColumnRange, sheet: string): Excel.Range {
    return this.sheet(range.sheet ?? sheet, 'addChart').getRangeByIndexes(range.fromRow - 1, range.column - 1, range.toRow - range.fromRow + 1, 1);
  }

  private async addChart(op: AddChart): Promise<void> {
    const ws = this.sheet(op.sheet, op.kind);
    const spec = op.chart;
    if (spec.series.length === 0) return;
    const categories = this.columnRange(spec.categories, op.sheet);
    await this.batch.add(0, () => {
      const chart = ws.charts.add(chartType(spec.type), this.columnRange(spec.series[0].values, op.sheet), 'Columns');
      chart.title.text = spec.title;
      chart.setPosition(rangeA1(spec.anchor.row, spec.anchor.column, spec.anchor.row, spec.anchor.column));
      if (spec.width) chart.width = spec.width * POINTS_PER_PIXEL;
      if (spec.height) chart.height = spec.height * POINTS_PER_PIXEL;
      spec.series.forEach((s, i) => {
        const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
        if (i > 0) series.setValues(this.columnRange(s.values, op.sheet));
        series.name = s.name;
        series.setXAxisValues(categories);
        if (s.asLine) series.chartType = 'Line';
        if (s.secondaryAxis) series.axisGroup = 'Secondary';
      });
    }, 6 + spec.series.length * 6);
  }

  /**
   * Excel's own filter over the used range from the header row down: rows hidden by hand are shown first,
   * earlier criteria are cleared, then the column is filtered on the values (`''` selects blanks).
   * A sheet with tables is filtered through them instead.
   */
  private async applyFilter(op: ApplyFilter): Promise<void> {
    const withTables = await this.tableSheet(op.sheet, op.kind);
    if (withTables) return applyTableSheetFilter(withTables, op);
    const ws = this.sheet(op.sheet, op.kind);
    const extent = await this.extent(op.sheet);
    const headerRow = op.headerRow ?? 1;
    if (extent.rows <= headerRow) return;
    const address = rangeA1(headerRow, 1, extent.rows, Math.max(extent.columns, op.column));
    const data = ws.getRangeByIndexes(1, 0, extent.rows - 1, 1);
    // '' stands for blank cells, as in the plan.
    const criteria: Excel.FilterCriteria = { filterOn: 'Values', values: op.values };
    await this.batch.add(jsonBytes(criteria), () => {
      data.rowHidden = false;
      ws.autoFilter.apply(address);
      ws.autoFilter.clearCriteria();
      ws.autoFilter.apply(address, op.column - 1, criteria);
    }, 4);
  }

  private async clearFilter(name: string): Promise<void> {
    const withTables = await this.tableSheet(name, 'clearFilter');
    if (withTables) return clearTableSheetFilter(withTables);
    const ws = this.sheet(name, 'clearFilter');
    const extent = await this.extent(name);
    await this.batch.add(0, () => {
      if (extent.rows >= 2) ws.getRangeByIndexes(1, 0, extent.rows - 1, 1).rowHidden = false;
      ws.autoFilter.clearCriteria();
    }, 2);
  }
}
