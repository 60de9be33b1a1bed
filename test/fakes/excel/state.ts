/**
 * Describes the fake Excel as a WorkbookState, from what the host holds (cells, rules, objects), not from
 * the gateway's memory. The gateway's conventions are read back the way a person reading the workbook
 * would read them: a list validation pointing at the helper sheet is that list; a clustered column chart
 * with a line series is a Pareto chart; a custom format formula `=$F2="да"` colours whole rows by F.
 */
import { isDateFormat } from '../../../addin/gateway/cells';
import { serialToDate } from '../../../src/workbook/serial';
import { LISTS_SHEET } from '../../../addin/gateway/lists';
import type { ChartSeries, ChartSpec, ColourRule, ColumnRange, ValidationRule } from '../../../src/workbook/operations';
import type { CellValue } from '../../../src/workbook/snapshot';
import type { ConditionalFormatState, SheetState, ValidationState, WorkbookState } from '../../../src/workbook/state';
import { type FakeCell, type FakeSheet, type FakeValidation, cellAt, formatAddress, hiddenRows, parseAddress, usedExtent } from './host';
import { columnLetter } from '../../../src/workbook/a1';

function cellValue(cell: FakeCell | undefined): CellValue {
  if (!cell || cell.value === '') return null;
  if (typeof cell.value === 'number' && isDateFormat(cell.format)) return serialToDate(cell.value);
  return cell.value;
}

function usedValues(sheet: FakeSheet): CellValue[][] {
  const { rows } = usedExtent(sheet);
  const out: CellValue[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = sheet.cells[r - 1] ?? [];
    const line = Array.from({ length: row.length }, (_, c) => cellValue(row[c]));
    while (line.length && line[line.length - 1] === null) line.pop();
    out.push(line);
  }
  return out;
}

function perCell<T>(sheet: FakeSheet, pick: (cell: FakeCell) => T | undefined): Record<string, T> {
  const out: Record<string, T> = {};
  sheet.cells.forEach((row, r) => row?.forEach((cell, c) => {
    const value = cell && pick(cell);
    if (value !== undefined) out[`${columnLetter(c + 1)}${r + 1}`] = value;
  }));
  return out;
}

function isoOf(operand: unknown): string {
  const m = /^=DATE\((\d+),(\d+),(\d+)\)$/.exec(String(operand));
  if (!m) throw new Error(`unexpected date operand ${String(operand)}`);
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

function bounds<T>(rule: { formula1?: unknown; formula2?: unknown; operator?: string }, read: (v: unknown) => T): { min?: T; max?: T } {
  switch (rule.operator) {
    case 'Between':
      return { min: read(rule.formula1), max: read(rule.formula2) };
    case 'GreaterThanOrEqualTo':
      return { min: read(rule.formula1) };
    case 'LessThanOrEqualTo':
      return { max: read(rule.formula1) };
  }
  throw new Error(`unexpected operator ${rule.operator}`);
}

function columnRangeOf(address: string): ColumnRange & { sheet: string } {
  const { sheet, rect } = parseAddress(address);
  if (!sheet || rect.left !== rect.right) throw new Error(`not a column block: ${address}`);
  return { sheet, column: rect.left, fromRow: rect.top, toRow: rect.bottom };
}

function ruleOf(v: FakeValidation, sheets: FakeSheet[]): ValidationRule {
  const { list, date, decimal, custom } = v.rule;
  if (list) {
    const source = String(list.source);
    if (!source.startsWith('=')) return { type: 'list', values: source.split(',') };
    const range = columnRangeOf(source.slice(1));
    if (range.sheet !== LISTS_SHEET) return { type: 'listRange', source: range };
    const helper = sheets.find((s) => s.name === LISTS_SHEET)!;
    const values: string[] = [];
    for (let r = range.fromRow; r <= range.toRow; r++) values.push(String(cellAt(helper, r, range.column)?.value ?? ''));
    return { type: 'list', values };
  }
  if (date) return { type: 'date', ...bounds(date, isoOf) };
  if (decimal) return { type: 'number', ...bounds(decimal, Number) };
  if (custom) return { type: 'custom', formula: String(custom.formula).replace(/^=/, '') };
  throw new Error(`unexpected rule ${JSON.stringify(v.rule)}`);
}

function validationState(v: FakeValidation, sheets: FakeSheet[]): ValidationState {
  const state: ValidationState = { range: formatAddress(v.rect), rule: ruleOf(v, sheets), strict: (v.errorAlert?.style ?? 'Stop') === 'Stop' };
  if (v.errorAlert?.showAlert && v.errorAlert.message) state.errorMessage = v.errorAlert.message;
  if (v.prompt?.showPrompt && v.prompt.message) state.prompt = v.prompt.message;
  return state;
}

/** The rule and the tested column of a formula the gateway writes. */
function colourRuleOf(formula: string, fill: string | undefined, fontColor: string | undefined): { rule: ColourRule; testColumn?: string } {
  const equals = /^=(\$?)([A-Z]+)\d+="((?:[^"]|"")*)"$/.exec(formula);
  const threshold = /^=AND\(ISNUMBER\((\$?)([A-Z]+)\d+\),\$?[A-Z]+\d+(>=|<=)(.+)\)$/.exec(formula);
  const m = equals ?? threshold;
  if (!m) throw new Error(`unexpected conditional format formula ${formula}`);
  const when = equals ? { equals: equals[3].replace(/""/g, '"') } : threshold![3] === '>=' ? { atLeast: Number(threshold![4]) } : { atMost: Number(threshold![4]) };
  const rule: ColourRule = { when, fill: fill ?? '' };
  if (fontColor) rule.fontColour = fontColor;
  return m[1] ? { rule, testColumn: m[2] } : { rule };
}

/** Formats over the same range and tested column are one rule set, in priority order. */
function conditionalFormats(sheet: FakeSheet): ConditionalFormatState[] {
  const groups = new Map<string, ConditionalFormatState>();
  const oldestFirst = [...sheet.conditionalFormats].reverse();
  for (const cf of oldestFirst) {
    const { rule, testColumn } = colourRuleOf(cf.formula, cf.fill, cf.fontColor);
    const range = formatAddress(cf.rect);
    const key = `${range}|${testColumn ?? ''}`;
    let group = groups.get(key);
    if (!group) {
      group = { range, rules: [] };
      if (testColumn) group.testColumn = testColumn;
      groups.set(key, group);
    }
    group.rules.unshift(rule);
  }
  return [...groups.values()];
}

function chartSpec(chart: FakeSheet['charts'][number]): ChartSpec {
  const hasLine = chart.series.some((s) => s.chartType === 'Line');
  const type: ChartSpec['type'] = chart.type === 'Pie' ? 'pie' : chart.type === 'BarClustered' ? 'bar' : hasLine ? 'pareto' : 'column';
  const series = chart.series.map((s) => {
    const out: ChartSeries = { name: s.name, values: columnRangeOf(s.values!) };
    if (s.chartType === 'Line') out.asLine = true;
    if (s.axisGroup === 'Secondary') out.secondaryAxis = true;
    return out;
  });
  const anchor = parseAddress(chart.position ?? 'A1').rect;
  return {
    type,
    title: chart.title,
    categories: columnRangeOf(chart.series[0].xValues!),
    series,
    anchor: { row: anchor.top, column: anchor.left },
    width: Math.round(chart.width / 0.75),
    height: Math.round(chart.height / 0.75),
  };
}

export function fakeSheetState(sheet: FakeSheet, sheets: FakeSheet[]): SheetState {
  return {
    name: sheet.name,
    values: usedValues(sheet),
    formulaCells: Object.keys(perCell(sheet, (cell) => cell.formula)),
    numberFormats: perCell(sheet, (cell) => (cell.format === 'General' ? undefined : cell.format)),
    fills: perCell(sheet, (cell) => cell.fill),
    validations: sheet.validations.map((v) => validationState(v, sheets)),
    conditionalFormats: conditionalFormats(sheet),
    frozenRows: sheet.frozenRows,
    tables: sheet.tables.map((t) => ({ name: t.name, range: formatAddress(t.rect) })),
    autoFilter: sheet.autoFilter ? formatAddress(sheet.autoFilter.rect) : null,
    hiddenRows: [...hiddenRows(sheet)].sort((a, b) => a - b),
    hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
    charts: sheet.charts.map(chartSpec),
  };
}

/** The workbook as the user sees it: the very hidden helper sheet is not part of it. */
export function fakeWorkbookState(sheets: FakeSheet[]): WorkbookState {
  return { sheets: sheets.filter((s) => s.name !== LISTS_SHEET).map((s) => fakeSheetState(s, sheets)) };
}
