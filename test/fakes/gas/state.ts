/**
 * The fake spreadsheet described as a WorkbookState (src/workbook/state.ts) from its own records, for the
 * contract suite. Sheets-specific encodings are read back here the way a person would read the sheet:
 * validation criteria, conditional-format conditions (whole-row rules are custom formulas), chart options.
 */
import { cellA1, formatRange, type Rect } from '../../../src/workbook/memory';
import type { ChartSeries, ChartSpec, ColourRule, ColumnRange, ValidationRule } from '../../../src/workbook/operations';
import type { CellValue } from '../../../src/workbook/snapshot';
import type { ConditionalFormatState, SheetState, ValidationState, WorkbookState } from '../../../src/workbook/state';
import { helpTextParts } from '../../../src/google/help-text';
import { wallClock } from './cells';
import type { FakeConditionalFormatRule, FakeDataValidation, FakeEmbeddedChart, FakeRange, FakeSheet, FakeSpreadsheet } from './spreadsheet';

function isoDay(instant: unknown, timeZone: string): string {
  return wallClock(instant as Date, timeZone).toISOString().slice(0, 10);
}

function columnRange(range: FakeRange): ColumnRange & { sheet: string } {
  return { sheet: range.sheet.name, column: range.rect.left, fromRow: range.rect.top, toRow: range.rect.bottom };
}

export function validationRule(v: FakeDataValidation, timeZone: string): ValidationRule {
  const [a, b] = v.values;
  switch (v.criteria) {
    case 'VALUE_IN_LIST':
      return { type: 'list', values: [...(a as string[])] };
    case 'VALUE_IN_RANGE':
      return { type: 'listRange', source: columnRange(a as FakeRange) };
    case 'DATE_IS_VALID_DATE':
      return { type: 'date' };
    case 'DATE_BETWEEN':
      return { type: 'date', min: isoDay(a, timeZone), max: isoDay(b, timeZone) };
    case 'DATE_ON_OR_AFTER':
      return { type: 'date', min: isoDay(a, timeZone) };
    case 'DATE_ON_OR_BEFORE':
      return { type: 'date', max: isoDay(a, timeZone) };
    case 'NUMBER_BETWEEN':
      return a === -Number.MAX_VALUE && b === Number.MAX_VALUE ? { type: 'number' } : { type: 'number', min: a as number, max: b as number };
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return { type: 'number', min: a as number };
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return { type: 'number', max: a as number };
    case 'CUSTOM_FORMULA':
      return { type: 'custom', formula: String(a).replace(/^=/, '') };
    default:
      throw new Error(`validation criteria the product does not use: ${v.criteria}`);
  }
}

const WHOLE_ROW_EQUALS = /^=\$([A-Z]+)\d+="((?:[^"]|"")*)"$/;
const WHOLE_ROW_COMPARE = /^=AND\(ISNUMBER\(\$([A-Z]+)\d+\),\$[A-Z]+\d+(>=|<=)(-?[\d.]+)\)$/;

/** A conditional-format rule as a ColourRule plus the column a whole-row rule tests. */
export function colourRule(rule: FakeConditionalFormatRule): { rule: ColourRule; testColumn?: string } {
  const c = rule.condition;
  const [value] = c.values;
  let when: ColourRule['when'];
  let testColumn: string | undefined;
  if (c.criteria === 'TEXT_EQUAL_TO') when = { equals: String(value) };
  else if (c.criteria === 'NUMBER_GREATER_THAN_OR_EQUAL_TO') when = { atLeast: Number(value) };
  else if (c.criteria === 'NUMBER_LESS_THAN_OR_EQUAL_TO') when = { atMost: Number(value) };
  else {
    const formula = String(value);
    const equals = WHOLE_ROW_EQUALS.exec(formula);
    const compare = WHOLE_ROW_COMPARE.exec(formula);
    if (equals) {
      testColumn = equals[1];
      when = { equals: equals[2].replace(/""/g, '"') };
    } else if (compare) {
      testColumn = compare[1];
      when = compare[2] === '>=' ? { atLeast: Number(compare[3]) } : { atMost: Number(compare[3]) };
    } else throw new Error(`conditional format the product does not write: ${formula}`);
  }
  const out: ColourRule = { when, fill: (c.background ?? '').toUpperCase() };
  if (c.fontColor) out.fontColour = c.fontColor.toUpperCase();
  return { rule: out, testColumn };
}

function conditionalFormats(sheet: FakeSheet): ConditionalFormatState[] {
  const states: ConditionalFormatState[] = [];
  let lastKey = '';
  for (const rule of sheet.conditionalFormatRules) {
    const { rule: colour, testColumn } = colourRule(rule);
    const range = rule.ranges.map((r) => formatRange(r.rect)).join(',');
    const key = `${range}|${testColumn ?? ''}`;
    if (key === lastKey) states[states.length - 1].rules.push(colour);
    else {
      const state: ConditionalFormatState = { range, rules: [colour] };
      if (testColumn) state.testColumn = testColumn;
      states.push(state);
    }
    lastKey = key;
  }
  return states;
}

const CHART_TYPES: Record<string, ChartSpec['type']> = { COLUMN: 'column', BAR: 'bar', PIE: 'pie', COMBO: 'pareto' };

export function chartSpec(chart: FakeEmbeddedChart): ChartSpec {
  const [categories, ...values] = chart.ranges;
  const seriesOptions = (chart.options.get('series') ?? {}) as Record<number, { labelInLegend?: string; type?: string; targetAxisIndex?: number }>;
  const series = values.map((range, i): ChartSeries => {
    const o = seriesOptions[i] ?? {};
    const s: ChartSeries = { name: o.labelInLegend ?? '', values: columnRange(range) };
    if (o.type === 'line') s.asLine = true;
    if (o.targetAxisIndex === 1) s.secondaryAxis = true;
    return s;
  });
  const spec: ChartSpec = {
    type: CHART_TYPES[chart.chartType],
    title: String(chart.options.get('title') ?? ''),
    categories: columnRange(categories),
    series,
    anchor: { ...chart.anchor },
  };
  if (chart.options.has('width')) spec.width = Number(chart.options.get('width'));
  if (chart.options.has('height')) spec.height = Number(chart.options.get('height'));
  return spec;
}

export function sheetState(sheet: FakeSheet): SheetState {
  const timeZone = sheet.spreadsheet.timeZone;
  const values: CellValue[][] = [];
  const formulaCells: string[] = [];
  const numberFormats: Record<string, string> = {};
  const fills: Record<string, string> = {};
  const lastRow = sheet.getLastRow();
  sheet.cells.forEach((row, r) =>
    row?.forEach((cell, c) => {
      const a1 = cellA1(r + 1, c + 1);
      if (cell.formula) formulaCells.push(a1);
      if (cell.format) numberFormats[a1] = cell.format;
      if (cell.background && cell.background !== '#ffffff') fills[a1] = cell.background.toUpperCase();
    }),
  );
  for (let r = 1; r <= lastRow; r++) {
    const row = (sheet.cells[r - 1] ?? []).map((cell): CellValue => {
      const v = cell?.value;
      if (v === undefined) return null;
      return v instanceof Date ? wallClock(v, timeZone) : v;
    });
    while (row.length && row[row.length - 1] === null) row.pop();
    values.push(Array.from(row, (v) => v ?? null));
  }
  const validations = sheet.validations.map((v) => {
    const state: ValidationState = { range: formatRange(v.rect), rule: validationRule(v.validation, timeZone), strict: !v.validation.allowInvalid };
    return Object.assign(state, helpTextParts(v.validation.helpText ?? ''));
  });
  const hidden = new Set([...sheet.hiddenByUser, ...(sheet.filter?.hiddenRows() ?? [])]);
  return {
    name: sheet.name,
    values,
    formulaCells,
    numberFormats,
    fills,
    validations,
    conditionalFormats: conditionalFormats(sheet),
    frozenRows: sheet.frozenRows,
    // Sheets has no named tables: the gateway's fallback is a filter with banding (see `lacks.tables`)
    tables: [],
    autoFilter: sheet.filter ? formatRange(sheet.filter.rect as Rect) : null,
    hiddenRows: [...hidden].sort((a, b) => a - b),
    hiddenColumns: [...sheet.hiddenColumns].sort((a, b) => a - b),
    charts: sheet.charts.map(chartSpec),
  };
}

export function workbookState(spreadsheet: FakeSpreadsheet): WorkbookState {
  return { sheets: spreadsheet.sheets.map(sheetState) };
}
