/**
 * Translations between ExcelJS's models and ours: cell values, colours, data validations and conditional
 * formats. Shared by the reader (file → MemorySheet), the writer (MemorySheet → file) and the inspector
 * (file → WorkbookState), so the three agree on every detail.
 */
import type * as ExcelJS from 'exceljs';
import type { Colour, ColourCondition, ColourRule, ValidationRule } from '../workbook/operations';
import type { CellValue } from '../workbook/snapshot';
import { columnLetter } from '../workbook/a1';
import { parseRange } from '../workbook/memory';
import { serialToDate } from '../workbook/serial';

/** A veryHidden sheet holding dropdown lists too long (or too comma-laden) for an inline list. */
export const LISTS_SHEET = '_crm_lists';
/** A veryHidden sheet recording the charts asked for (ExcelJS reads no chart back): sheet name, JSON spec. */
export const CHARTS_SHEET = '_crm_charts';
export const HELPER_SHEETS: readonly string[] = [LISTS_SHEET, CHARTS_SHEET];

/** Excel refuses an inline list whose formula (quotes and commas included) is longer than this. */
export const INLINE_LIST_LIMIT = 255;

// ---------------------------------------------------------------------------------------------------
// Values

/** A plain cell value from whatever ExcelJS read: formulas give their cached result, rich text its text. */
export function plainValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return null;
    if (typeof result === 'object' && !(result instanceof Date)) return 'error' in result ? result.error : null;
    return result;
  }
  if ('text' in value) {
    const text = (value as ExcelJS.CellHyperlinkValue).text as unknown;
    return typeof text === 'string' ? text : plainValue(text as ExcelJS.CellValue);
  }
  return null;
}

/** The formula text of a formula cell (without `=`), undefined for any other value. */
export function formulaText(value: ExcelJS.CellValue | undefined): string | undefined {
  if (value && typeof value === 'object' && 'formula' in value && value.formula) return value.formula;
  return undefined;
}

/** A string Excel would take for a formula, a number or a date prefix if typed: kept as text by format '@'. */
export function looksLikeFormula(text: string): boolean {
  const first = text.charCodeAt(0);
  return first === 61 /* = */ || first === 43 /* + */ || first === 45 /* - */ || first === 64 /* @ */;
}

// ---------------------------------------------------------------------------------------------------
// Colours

export function toArgb(colour: Colour): string {
  return `FF${colour.replace('#', '').toUpperCase()}`;
}

export function fromArgb(argb: string | undefined): Colour | undefined {
  if (!argb || !/^[0-9A-Fa-f]{6,8}$/.test(argb)) return undefined;
  return `#${argb.slice(-6).toUpperCase()}`;
}

export function solidFill(colour: Colour): ExcelJS.FillPattern {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: toArgb(colour) } };
}

/** The colour of a plain solid fill; undefined for patterns, gradients and theme colours. */
export function solidFillColour(fill: ExcelJS.Fill | undefined): Colour | undefined {
  if (!fill || fill.type !== 'pattern' || fill.pattern !== 'solid') return undefined;
  return fromArgb(fill.fgColor?.argb);
}

// ---------------------------------------------------------------------------------------------------
// Ranges and references

export function quoteSheetName(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** `'Услуги'!$A$2:$A$21` */
export function absoluteColumnRef(sheet: string, column: number, fromRow: number, toRow: number): string {
  const col = columnLetter(column);
  return `${quoteSheetName(sheet)}!$${col}$${fromRow}:$${col}$${toRow}`;
}

/** The sheet and rectangle of `'Sheet'!$A$2:$A$21` or `Sheet!A2:A21`; undefined for anything else. */
export function parseSheetRef(ref: string): { sheet: string; column: number; fromRow: number; toRow: number } | undefined {
  const m = /^(?:'((?:[^']|'')+)'|([^'!]+))!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(ref.trim());
  if (!m) return undefined;
  const rect = parseRange(m[3]);
  if (rect.left !== rect.right) return undefined;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], column: rect.left, fromRow: rect.top, toRow: rect.bottom };
}

// ---------------------------------------------------------------------------------------------------
// Data validations

/** Bounds that mean "no bound" for a number rule, since .xlsx wants both ends of `between`. */
const NO_NUMBER_BOUND = 9.99e307;

function quoteListValue(value: string): string {
  return value.replace(/"/g, '""');
}

/** The inline formula of a list (`"a,b,c"`), or undefined when the list needs the helper sheet. */
export function inlineListFormula(values: string[]): string | undefined {
  if (values.some((v) => v.includes(','))) return undefined;
  const formula = `"${values.map(quoteListValue).join(',')}"`;
  return formula.length <= INLINE_LIST_LIMIT ? formula : undefined;
}

export function parseInlineList(formula: string): string[] | undefined {
  const m = /^"(.*)"$/s.exec(formula);
  if (!m) return undefined;
  return m[1].split(',').map((v) => v.replace(/""/g, '"'));
}

function isoDate(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') return serialToDate(value).toISOString().slice(0, 10);
  return undefined;
}

/** What a bounded rule's operator and formulae say, for date and number rules alike. */
function bounds<T>(min: T | undefined, max: T | undefined): { operator: ExcelJS.DataValidationOperator; formulae: T[] } | undefined {
  if (min !== undefined && max !== undefined) return { operator: 'between', formulae: [min, max] };
  if (min !== undefined) return { operator: 'greaterThanOrEqual', formulae: [min] };
  if (max !== undefined) return { operator: 'lessThanOrEqual', formulae: [max] };
  return undefined;
}

export interface ValidationOptions {
  strict: boolean;
  errorMessage?: string;
  prompt?: string;
}

/**
 * The ExcelJS model of a rule. `listRef` is where a list too long to inline was put (the writer puts it
 * on the helper sheet and passes its reference).
 */
export function toExcelValidation(rule: ValidationRule, options: ValidationOptions, listRef?: string): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: options.strict ? 'stop' : 'warning',
    ...(options.errorMessage ? { error: options.errorMessage } : {}),
    ...(options.prompt ? { prompt: options.prompt, showInputMessage: true } : {}),
  } as const;
  switch (rule.type) {
    case 'list': {
      const formula = listRef ?? inlineListFormula(rule.values);
      if (!formula) throw new Error('A list too long to inline needs a helper-sheet reference');
      return { ...common, type: 'list', formulae: [formula] };
    }
    case 'listRange':
      return { ...common, type: 'list', formulae: [absoluteColumnRef(rule.source.sheet, rule.source.column, rule.source.fromRow, rule.source.toRow)] };
    case 'date':
      // ExcelJS turns each date formula into a serial with `new Date(formula)`: ISO dates are UTC midnight.
      return { ...common, type: 'date', ...(bounds(rule.min, rule.max) ?? { operator: 'greaterThanOrEqual', formulae: ['1900-01-01'] }) };
    case 'number':
      return { ...common, type: 'decimal', ...(bounds(rule.min, rule.max) ?? { operator: 'between', formulae: [-NO_NUMBER_BOUND, NO_NUMBER_BOUND] }) };
    case 'custom':
      return { ...common, type: 'custom', formulae: [rule.formula.replace(/^=/, '')] };
  }
}

/**
 * Our rule for an ExcelJS validation; undefined for kinds we do not model (text length, time, …).
 * `helperList` resolves a reference into the helper lists sheet back to the list it holds.
 */
export function fromExcelValidation(
  dv: ExcelJS.DataValidation,
  helperList: (ref: { sheet: string; column: number; fromRow: number; toRow: number }) => string[] | undefined,
): { rule: ValidationRule; strict: boolean } | undefined {
  const strict = dv.errorStyle === undefined || dv.errorStyle === 'stop';
  const formulae = (dv.formulae ?? []) as unknown[];
  const first = formulae[0];
  const operator = dv.operator ?? 'between';
  const withBounds = <T>(convert: (v: unknown) => T | undefined, none: (v: T) => boolean): { min?: T; max?: T } => {
    const [a, b] = formulae.map(convert);
    const keep = (v: T | undefined) => (v === undefined || none(v) ? undefined : v);
    const result: { min?: T; max?: T } = {};
    const set = (key: 'min' | 'max', v: T | undefined) => {
      const kept = keep(v);
      if (kept !== undefined) result[key] = kept;
    };
    if (operator === 'between') {
      set('min', a);
      set('max', b);
    } else if (operator === 'greaterThanOrEqual' || operator === 'greaterThan') set('min', a);
    else if (operator === 'lessThanOrEqual' || operator === 'lessThan') set('max', a);
    return result;
  };
  switch (dv.type) {
    case 'list': {
      if (typeof first !== 'string') return undefined;
      const inline = parseInlineList(first);
      if (inline) return { rule: { type: 'list', values: inline }, strict };
      const ref = parseSheetRef(first);
      if (!ref) return undefined;
      const values = ref.sheet === LISTS_SHEET ? helperList(ref) : undefined;
      return { rule: values ? { type: 'list', values } : { type: 'listRange', source: ref }, strict };
    }
    case 'date':
      return { rule: { type: 'date', ...withBounds(isoDate, (d) => d <= '1900-01-01') }, strict };
    case 'decimal':
    case 'whole':
      return {
        rule: { type: 'number', ...withBounds((v) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && isFinite(Number(v)) ? Number(v) : undefined), (n) => Math.abs(n) >= NO_NUMBER_BOUND) },
        strict,
      };
    case 'custom':
      return typeof first === 'string' ? { rule: { type: 'custom', formula: first.replace(/^=/, '') }, strict } : undefined;
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------------
// Conditional formats

function quoteFormulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function conditionStyle(rule: ColourRule): Partial<ExcelJS.Style> {
  // In a differential format (what conditional formats use) a solid fill's colour is bgColor.
  const style: Partial<ExcelJS.Style> = { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: toArgb(rule.fill) } } };
  if (rule.fontColour) style.font = { color: { argb: toArgb(rule.fontColour) } };
  return style;
}

const OPERATORS: Record<string, { cellIs: 'equal' | 'greaterThanOrEqual' | 'lessThanOrEqual'; symbol: string }> = {
  equals: { cellIs: 'equal', symbol: '=' },
  atLeast: { cellIs: 'greaterThanOrEqual', symbol: '>=' },
  atMost: { cellIs: 'lessThanOrEqual', symbol: '<=' },
};

function conditionParts(when: ColourCondition): { key: keyof typeof OPERATORS; operand: string } {
  if ('equals' in when) return { key: 'equals', operand: quoteFormulaString(when.equals) };
  if ('atLeast' in when) return { key: 'atLeast', operand: String(when.atLeast) };
  return { key: 'atMost', operand: String(when.atMost) };
}

/**
 * ExcelJS rules for our colour rules. Cells testing themselves use `cellIs` (equal with a quoted string,
 * greaterThanOrEqual, lessThanOrEqual); whole rows use an expression on the tested column (`$G2="Золотой"`).
 */
export function toExcelConditionalRules(rules: ColourRule[], firstRow: number, testColumn?: string): ExcelJS.ConditionalFormattingRule[] {
  return rules.map((rule, i): ExcelJS.ConditionalFormattingRule => {
    const { key, operand } = conditionParts(rule.when);
    const priority = i + 1;
    if (testColumn) {
      return { type: 'expression', priority, formulae: [`$${testColumn}${firstRow}${OPERATORS[key].symbol}${operand}`], style: conditionStyle(rule) };
    }
    // ExcelJS writes any of Excel's cellIs operators; its typings list only four of them.
    const operator = OPERATORS[key].cellIs as ExcelJS.CellIsOperators;
    return { type: 'cellIs', priority, operator, formulae: [operand], style: conditionStyle(rule) };
  });
}

function parseOperand(text: string, key: keyof typeof OPERATORS): ColourCondition | undefined {
  const trimmed = text.trim();
  if (key === 'equals') {
    const m = /^"((?:[^"]|"")*)"$/.exec(trimmed);
    return m ? { equals: m[1].replace(/""/g, '"') } : undefined;
  }
  const n = Number(trimmed);
  if (trimmed === '' || !isFinite(n)) return undefined;
  return key === 'atLeast' ? { atLeast: n } : { atMost: n };
}

function ruleColours(style: Partial<ExcelJS.Style> | undefined): { fill: Colour; fontColour?: Colour } | undefined {
  const fill = style?.fill;
  if (!fill || fill.type !== 'pattern') return undefined;
  const colour = fromArgb(fill.bgColor?.argb) ?? fromArgb(fill.fgColor?.argb);
  if (!colour) return undefined;
  const font = fromArgb(style?.font?.color?.argb);
  return font ? { fill: colour, fontColour: font } : { fill: colour };
}

/**
 * Our colour rules for an ExcelJS conditional format, with the tested column for expression rules;
 * undefined when any rule is of a kind we do not model (colour scales, data bars, other formulas).
 */
export function fromExcelConditional(cf: ExcelJS.ConditionalFormattingOptions): { rules: ColourRule[]; testColumn?: string } | undefined {
  const rules: ColourRule[] = [];
  let testColumn: string | undefined;
  const sorted = [...cf.rules].sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0));
  for (const rule of sorted) {
    const colours = ruleColours(rule.style);
    if (!colours) return undefined;
    let when: ColourCondition | undefined;
    if (rule.type === 'cellIs') {
      const key = (Object.keys(OPERATORS) as (keyof typeof OPERATORS)[]).find((k) => OPERATORS[k].cellIs === (rule.operator as string));
      when = key && rule.formulae?.[0] !== undefined ? parseOperand(String(rule.formulae[0]), key) : undefined;
    } else if (rule.type === 'expression') {
      const m = /^\$([A-Z]+)\$?\d+\s*(>=|<=|=)(.*)$/s.exec(String(rule.formulae?.[0] ?? ''));
      const key = m && (Object.keys(OPERATORS) as (keyof typeof OPERATORS)[]).find((k) => OPERATORS[k].symbol === m[2]);
      if (m && key) {
        if (testColumn !== undefined && testColumn !== m[1]) return undefined;
        testColumn = m[1];
        when = parseOperand(m[3], key);
      }
    }
    if (!when) return undefined;
    rules.push({ when, ...colours });
  }
  return testColumn ? { rules, testColumn } : { rules };
}
