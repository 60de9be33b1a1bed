/** Validation rules, colour rules and charts as Sheets API requests. */
import type { sheets_v4 } from 'googleapis';
import type { ChartSpec, ColourCells, ColourRule, ColumnRange, SetValidation, ValidationRule } from '../workbook/operations';
import { columnLetter } from '../workbook/a1';
import { colour, gridRange, quoteSheet } from './cells';
import { validationHelpText } from '../google/help-text';
import { literalCellInput } from '../workbook/literal-text';

type SheetIdOf = (name: string) => number;

/** A value the product makes (a bound, a range, a formula of its own). */
const value = (v: string | number) => ({ userEnteredValue: String(v) });

/**
 * A string from user data (a list item, a status to colour). The API parses userEnteredValue "as if the
 * user typed into a cell" — formulas begin with = or +, and numbers, dates and booleans are recognised —
 * so the string goes the way a typed cell keeps text: behind an apostrophe when it needs one.
 */
const literal = (text: string) => ({ userEnteredValue: literalCellInput(text) });

function condition(rule: ValidationRule): sheets_v4.Schema$BooleanCondition {
  switch (rule.type) {
    case 'list':
      return { type: 'ONE_OF_LIST', values: rule.values.map(literal) };
    case 'listRange': {
      const s = rule.source;
      return { type: 'ONE_OF_RANGE', values: [value(`=${quoteSheet(s.sheet)}!$${columnLetter(s.column)}$${s.fromRow}:$${columnLetter(s.column)}$${s.toRow}`)] };
    }
    case 'date':
      if (rule.min && rule.max) return { type: 'DATE_BETWEEN', values: [value(rule.min), value(rule.max)] };
      if (rule.min) return { type: 'DATE_ON_OR_AFTER', values: [value(rule.min)] };
      if (rule.max) return { type: 'DATE_ON_OR_BEFORE', values: [value(rule.max)] };
      return { type: 'DATE_IS_VALID' };
    case 'number':
      if (rule.min !== undefined && rule.max !== undefined) return { type: 'NUMBER_BETWEEN', values: [value(rule.min), value(rule.max)] };
      if (rule.min !== undefined) return { type: 'NUMBER_GREATER_THAN_EQ', values: [value(rule.min)] };
      if (rule.max !== undefined) return { type: 'NUMBER_LESS_THAN_EQ', values: [value(rule.max)] };
      // "any number": Sheets has no bound-less number rule
      return { type: 'NUMBER_BETWEEN', values: [value(-Number.MAX_VALUE), value(Number.MAX_VALUE)] };
    case 'custom':
      return { type: 'CUSTOM_FORMULA', values: [value(rule.formula.startsWith('=') ? rule.formula : `=${rule.formula}`)] };
  }
}

export function setValidationRequest(op: SetValidation, sheetId: number): sheets_v4.Schema$Request {
  const help = validationHelpText(op.prompt, op.errorMessage);
  const rule: sheets_v4.Schema$DataValidationRule = { condition: condition(op.rule), strict: op.strict, showCustomUi: op.rule.type === 'list' || op.rule.type === 'listRange' };
  if (help) rule.inputMessage = help;
  return { setDataValidation: { range: gridRange(sheetId, op.fromRow, op.column, op.toRow, op.column), rule } };
}

function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Whole-row rules test their column with a formula anchored on it, as the SpreadsheetApp gateway does. */
function colourCondition(rule: ColourRule, op: ColourCells): sheets_v4.Schema$BooleanCondition {
  const w = rule.when;
  if (op.wholeRow) {
    const cell = `$${columnLetter(op.column)}${op.fromRow}`;
    if ('equals' in w) return { type: 'CUSTOM_FORMULA', values: [value(`=${cell}=${formulaString(w.equals)}`)] };
    const compare = 'atLeast' in w ? `>=${w.atLeast}` : `<=${w.atMost}`;
    return { type: 'CUSTOM_FORMULA', values: [value(`=AND(ISNUMBER(${cell}),${cell}${compare})`)] };
  }
  if ('equals' in w) return { type: 'TEXT_EQ', values: [literal(w.equals)] };
  if ('atLeast' in w) return { type: 'NUMBER_GREATER_THAN_EQ', values: [value(w.atLeast)] };
  return { type: 'NUMBER_LESS_THAN_EQ', values: [value(w.atMost)] };
}

export function colourRules(op: ColourCells, range: sheets_v4.Schema$GridRange): sheets_v4.Schema$ConditionalFormatRule[] {
  return op.rules.map((rule) => {
    const format: sheets_v4.Schema$CellFormat = { backgroundColor: colour(rule.fill) };
    if (rule.fontColour) format.textFormat = { foregroundColor: colour(rule.fontColour) };
    return { ranges: [range], booleanRule: { condition: colourCondition(rule, op), format } };
  });
}

/** What identifies the product's rules on a range: the range and, for whole-row rules, the tested column. */
export function conditionalRuleKey(rule: sheets_v4.Schema$ConditionalFormatRule): string {
  const r = rule.ranges?.[0];
  const formula = rule.booleanRule?.condition?.type === 'CUSTOM_FORMULA' ? String(rule.booleanRule.condition.values?.[0]?.userEnteredValue ?? '') : '';
  const tested = /^=(?:AND\(ISNUMBER\()?\$([A-Z]+)\d+/.exec(formula)?.[1] ?? '';
  return `${r?.startRowIndex}:${r?.endRowIndex}:${r?.startColumnIndex}:${r?.endColumnIndex}|${tested}`;
}

/**
 * Sheets names a series after the cell above its values (headerCount 1), so each source range starts one
 * row higher; the plan's series names are the headers of the table it charts.
 */
function source(r: ColumnRange, sheetIdOf: SheetIdOf, defaultSheet: string): sheets_v4.Schema$ChartData {
  const withHeader = Math.max(1, r.fromRow - 1);
  return { sourceRange: { sources: [gridRange(sheetIdOf(r.sheet ?? defaultSheet), withHeader, r.column, r.toRow, r.column)] } };
}

export function addChartRequest(spec: ChartSpec, sheet: string, sheetIdOf: SheetIdOf, chartId: number): sheets_v4.Schema$Request {
  const domain = source(spec.categories, sheetIdOf, sheet);
  const chartSpec: sheets_v4.Schema$ChartSpec = { title: spec.title };
  if (spec.type === 'pie') {
    chartSpec.pieChart = { domain, series: source(spec.series[0].values, sheetIdOf, sheet), legendPosition: 'RIGHT_LEGEND' };
  } else {
    const combo = spec.type === 'pareto' || spec.series.some((s) => s.asLine);
    chartSpec.basicChart = {
      chartType: combo ? 'COMBO' : spec.type === 'bar' ? 'BAR' : 'COLUMN',
      headerCount: 1,
      legendPosition: 'BOTTOM_LEGEND',
      domains: [{ domain }],
      series: spec.series.map((s) => ({
        series: source(s.values, sheetIdOf, sheet),
        type: s.asLine ? 'LINE' : spec.type === 'bar' ? 'BAR' : 'COLUMN',
        targetAxis: s.secondaryAxis ? 'RIGHT_AXIS' : spec.type === 'bar' ? 'BOTTOM_AXIS' : 'LEFT_AXIS',
      })),
    };
  }
  const overlay: sheets_v4.Schema$OverlayPosition = { anchorCell: { sheetId: sheetIdOf(sheet), rowIndex: spec.anchor.row - 1, columnIndex: spec.anchor.column - 1 } };
  if (spec.width) overlay.widthPixels = spec.width;
  if (spec.height) overlay.heightPixels = spec.height;
  return { addChart: { chart: { chartId, spec: chartSpec, position: { overlayPosition: overlay } } } };
}
