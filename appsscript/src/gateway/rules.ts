/**
 * Data validation and conditional colours in SpreadsheetApp terms.
 *
 * A colour rule of the product is one Sheets conditional-format rule per ColourRule, over exactly the
 * operation's range; whole-row colouring uses a custom formula anchored on the tested column (`=$G2="x"`).
 * `productRuleKey` recognises such rules again so a rerun replaces them and leaves the user's own alone.
 */
import type { ColourCells, ColourRule, SetValidation, ValidationRule } from '../../../src/workbook/operations';
import { columnLetter } from '../../../src/workbook/a1';
import type { SpreadsheetClock } from './clock';
import { columnRange } from './grid';
import { validationHelpText } from '../../../src/google/help-text';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type RuleFactories = Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, 'newDataValidation' | 'newConditionalFormatRule'>;

/** An ISO `yyyy-mm-dd` as the instant of that midnight in the spreadsheet's zone. */
function isoDate(iso: string, clock: SpreadsheetClock): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return clock.toInstant(new Date(Date.UTC(y, m - 1, d)));
}

function withCriteria(
  builder: GoogleAppsScript.Spreadsheet.DataValidationBuilder,
  rule: ValidationRule,
  spreadsheet: Spreadsheet,
  clock: SpreadsheetClock,
): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
  switch (rule.type) {
    case 'list':
      return builder.requireValueInList(rule.values, true);
    case 'listRange': {
      const source = spreadsheet.getSheetByName(rule.source.sheet);
      if (!source) throw new Error(`setValidation: no sheet named «${rule.source.sheet}» for the list`);
      const { column, fromRow, toRow } = rule.source;
      return builder.requireValueInRange(columnRange(source, column, fromRow, toRow), true);
    }
    case 'date':
      if (rule.min && rule.max) return builder.requireDateBetween(isoDate(rule.min, clock), isoDate(rule.max, clock));
      if (rule.min) return builder.requireDateOnOrAfter(isoDate(rule.min, clock));
      if (rule.max) return builder.requireDateOnOrBefore(isoDate(rule.max, clock));
      return builder.requireDate();
    case 'number':
      if (rule.min !== undefined && rule.max !== undefined) return builder.requireNumberBetween(rule.min, rule.max);
      if (rule.min !== undefined) return builder.requireNumberGreaterThanOrEqualTo(rule.min);
      if (rule.max !== undefined) return builder.requireNumberLessThanOrEqualTo(rule.max);
      return builder.requireNumberBetween(-Number.MAX_VALUE, Number.MAX_VALUE);
    case 'custom':
      return builder.requireFormulaSatisfied(rule.formula.startsWith('=') ? rule.formula : `=${rule.formula}`);
  }
}

export function buildValidation(op: SetValidation, factories: RuleFactories, spreadsheet: Spreadsheet, clock: SpreadsheetClock): GoogleAppsScript.Spreadsheet.DataValidation {
  const builder = withCriteria(factories.newDataValidation(), op.rule, spreadsheet, clock).setAllowInvalid(!op.strict);
  const help = validationHelpText(op.prompt, op.errorMessage);
  return (help ? builder.setHelpText(help) : builder).build();
}

/** A string inside a Sheets formula. */
function formulaString(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function wholeRowFormula(rule: ColourRule, testCell: string): string {
  const w = rule.when;
  if ('equals' in w) return `=${testCell}=${formulaString(w.equals)}`;
  if ('atLeast' in w) return `=AND(ISNUMBER(${testCell}),${testCell}>=${w.atLeast})`;
  return `=AND(ISNUMBER(${testCell}),${testCell}<=${w.atMost})`;
}

export function buildColourRules(op: ColourCells, range: GoogleAppsScript.Spreadsheet.Range, factories: RuleFactories): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const testCell = `$${columnLetter(op.column)}${op.fromRow}`;
  return op.rules.map((rule) => {
    let builder = factories.newConditionalFormatRule();
    const w = rule.when;
    if (op.wholeRow) builder = builder.whenFormulaSatisfied(wholeRowFormula(rule, testCell));
    else if ('equals' in w) builder = builder.whenTextEqualTo(w.equals);
    else if ('atLeast' in w) builder = builder.whenNumberGreaterThanOrEqualTo(w.atLeast);
    else builder = builder.whenNumberLessThanOrEqualTo(w.atMost);
    builder = builder.setBackground(rule.fill).setRanges([range]);
    if (rule.fontColour) builder = builder.setFontColor(rule.fontColour);
    return builder.build();
  });
}

/** The column a whole-row rule tests (from `=$G2…` or `=AND(ISNUMBER($G2)…`), undefined for a per-cell rule. */
export function testedColumn(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): string | undefined {
  const condition = rule.getBooleanCondition();
  if (!condition || String(condition.getCriteriaType()) !== 'CUSTOM_FORMULA') return undefined;
  const formula = String(condition.getCriteriaValues()[0] ?? '');
  return /^=(?:AND\(ISNUMBER\()?\$([A-Z]+)\d+/.exec(formula)?.[1];
}

/** Which product rules a colourCells replaces: those over the same single range testing the same column. */
export function productRuleKey(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): string | null {
  const ranges = rule.getRanges();
  if (ranges.length !== 1) return null;
  return `${ranges[0].getA1Notation()}|${testedColumn(rule) ?? ''}`;
}

export function replaceColourRules(sheet: Sheet, key: string, fresh: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
  const kept = sheet.getConditionalFormatRules().filter((r) => productRuleKey(r) !== key);
  sheet.setConditionalFormatRules([...kept, ...fresh]);
}
