/**
 * Pure translations of the plan's rules into Office.js objects: validation rules, conditional-format
 * formulas and chart types. Kept apart from the code that sends them so they can be read and tested alone.
 */
import type { ChartSpec, ColourCondition, ValidationRule } from '../../src/workbook/operations';
import { columnLetter } from '../../src/workbook/a1';
import { columnSource } from './lists';

/** `=DATE(2024,2,29)` for `2024-02-29`: a date operand that does not depend on the user's locale. */
export function dateOperand(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`Not an ISO date: ${iso}`);
  return `=DATE(${Number(m[1])},${Number(m[2])},${Number(m[3])})`;
}

/** Bounds written as Excel operands: one bound, both, or neither (any value). */
function bounded<T, F>(min: T | undefined, max: T | undefined, operand: (v: T) => F, any: [F, F]): { formula1: F; formula2?: F; operator: 'Between' | 'GreaterThanOrEqualTo' | 'LessThanOrEqualTo' } {
  if (min !== undefined && max !== undefined) return { formula1: operand(min), formula2: operand(max), operator: 'Between' as const };
  if (min !== undefined) return { formula1: operand(min), operator: 'GreaterThanOrEqualTo' as const };
  if (max !== undefined) return { formula1: operand(max), operator: 'LessThanOrEqualTo' as const };
  return { formula1: any[0], formula2: any[1], operator: 'Between' as const };
}

/**
 * The Office.js rule for a plan's rule. `listSource` is where a list that cannot be inline was put.
 */
export function validationRule(rule: ValidationRule, listSource: () => string): Excel.DataValidationRule {
  switch (rule.type) {
    case 'list':
      return { list: { inCellDropDown: true, source: listSource() } };
    case 'listRange':
      return { list: { inCellDropDown: true, source: columnSource(rule.source.sheet, rule.source.column, rule.source.fromRow, rule.source.toRow) } };
    case 'date':
      return { date: bounded<string, string>(rule.min, rule.max, dateOperand, ['=DATE(1900,1,1)', '=DATE(9999,12,31)']) };
    case 'number':
      return { decimal: bounded<number, number>(rule.min, rule.max, (n) => n, [-9.99e307, 9.99e307]) };
    case 'custom':
      return { custom: { formula: `=${rule.formula.replace(/^=/, '')}` } };
  }
}

/** An Excel string literal: `"…"` with inner quotes doubled. */
function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The custom formula of one colour rule, relative to the range's first row. `ref` is the tested cell:
 * `G2` for a cell's own value, `$F2` when whole rows are coloured by column F. Number thresholds test
 * ISNUMBER first, because Excel ranks any text above any number and counts blanks as 0.
 */
export function colourFormula(when: ColourCondition, column: number, firstRow: number, wholeRow: boolean): string {
  const ref = `${wholeRow ? '$' : ''}${columnLetter(column)}${firstRow}`;
  if ('equals' in when) return `=${ref}=${stringLiteral(when.equals)}`;
  if ('atLeast' in when) return `=AND(ISNUMBER(${ref}),${ref}>=${when.atLeast})`;
  return `=AND(ISNUMBER(${ref}),${ref}<=${when.atMost})`;
}

/** Chart types: a Pareto chart is clustered columns with the cumulative share drawn as a line series. */
export function chartType(type: ChartSpec['type']): 'ColumnClustered' | 'BarClustered' | 'Pie' {
  switch (type) {
    case 'column':
    case 'pareto':
      return 'ColumnClustered';
    case 'bar':
      return 'BarClustered';
    case 'pie':
      return 'Pie';
  }
}

/** Excel sizes charts in points; the plan in pixels (96 dpi). */
export const POINTS_PER_PIXEL = 0.75;
/** Column width in points for a width in characters (Calibri 11: about 7 px per character plus padding). */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * POINTS_PER_PIXEL * 100) / 100;
}
