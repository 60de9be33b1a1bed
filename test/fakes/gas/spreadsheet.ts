/**
 * A fake of the SpreadsheetApp subset the gateway uses, typed against @types/google-apps-script: each
 * class implements `Pick<>` of the real interface, so a method the gateway calls that the real API lacks
 * (or calls with other parameters) fails the type check instead of passing a test. Methods that return
 * another Apps Script object return the fake cast to the real type (`real()`): the fake implements only the
 * methods picked, and the gateway is type-checked against the real interfaces.
 *
 * Behaviour that matters for the gateway is modelled as Sheets has it: getRange outside the grid throws,
 * setValues interprets strings as typed text (cells.ts), createFilter and applyRowBanding throw when one
 * is already there, deleteRows shifts ranges, dates are instants in the spreadsheet's time zone, a cell
 * holds at most 50,000 characters.
 */
import { formatRange, parseRange, rectWithRowsInserted, subtractRect, type Rect } from '../../../src/workbook/memory';
import { displayText, interpretTyped, type FakeCell, type StoredValue } from './cells';

type GS = typeof GoogleAppsScript.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** The fake as the real type; see the file comment. */
function real<T>(fake: unknown): T {
  return fake as T;
}

/** Sheets refuses longer cell contents. */
export const MAX_CELL_CHARS = 50_000;

export interface CallCounts {
  getValues: number;
  setValues: number;
}

// -------------------------------------------------------------------------------------------------
// Validation, conditional formats, filter criteria

export class FakeDataValidation implements Pick<GoogleAppsScript.Spreadsheet.DataValidation, 'getCriteriaType' | 'getCriteriaValues' | 'getAllowInvalid' | 'getHelpText'> {
  constructor(
    readonly criteria: string,
    readonly values: unknown[],
    readonly allowInvalid: boolean,
    readonly helpText: string | null,
  ) {}
  getCriteriaType() {
    return real<GoogleAppsScript.Spreadsheet.DataValidationCriteria>(this.criteria);
  }
  getCriteriaValues() {
    return [...this.values];
  }
  getAllowInvalid() {
    return this.allowInvalid;
  }
  getHelpText() {
    return this.helpText ?? '';
  }
}

type DVB = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
export class FakeDataValidationBuilder
  implements
    Pick<
      DVB,
      | 'requireValueInList'
      | 'requireValueInRange'
      | 'requireDate'
      | 'requireDateBetween'
      | 'requireDateOnOrAfter'
      | 'requireDateOnOrBefore'
      | 'requireNumberBetween'
      | 'requireNumberGreaterThanOrEqualTo'
      | 'requireNumberLessThanOrEqualTo'
      | 'requireFormulaSatisfied'
      | 'setAllowInvalid'
      | 'setHelpText'
      | 'build'
    >
{
  private criteria = '';
  private values: unknown[] = [];
  private allowInvalid = true;
  private helpText: string | null = null;

  private require(criteria: string, values: unknown[]): DVB {
    this.criteria = criteria;
    this.values = values;
    return real<DVB>(this);
  }
  requireValueInList(values: string[], showDropdown = true) {
    return this.require('VALUE_IN_LIST', [[...values], showDropdown]);
  }
  requireValueInRange(range: Range, showDropdown = true) {
    return this.require('VALUE_IN_RANGE', [range, showDropdown]);
  }
  requireDate() {
    return this.require('DATE_IS_VALID_DATE', []);
  }
  requireDateBetween(start: Date, end: Date) {
    return this.require('DATE_BETWEEN', [start, end]);
  }
  requireDateOnOrAfter(date: Date) {
    return this.require('DATE_ON_OR_AFTER', [date]);
  }
  requireDateOnOrBefore(date: Date) {
    return this.require('DATE_ON_OR_BEFORE', [date]);
  }
  requireNumberBetween(start: number, end: number) {
    return this.require('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(number: number) {
    return this.require('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireNumberLessThanOrEqualTo(number: number) {
    return this.require('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  requireFormulaSatisfied(formula: string) {
    return this.require('CUSTOM_FORMULA', [formula]);
  }
  setAllowInvalid(allowInvalidData: boolean) {
    this.allowInvalid = allowInvalidData;
    return real<DVB>(this);
  }
  setHelpText(helpText: string) {
    this.helpText = helpText;
    return real<DVB>(this);
  }
  build() {
    if (!this.criteria) throw new Error('Data validation has no criteria');
    return real<GoogleAppsScript.Spreadsheet.DataValidation>(new FakeDataValidation(this.criteria, this.values, this.allowInvalid, this.helpText));
  }
}

export class FakeBooleanCondition implements Pick<GoogleAppsScript.Spreadsheet.BooleanCondition, 'getCriteriaType' | 'getCriteriaValues' | 'getBackground' | 'getFontColor'> {
  constructor(
    readonly criteria: string,
    readonly values: unknown[],
    readonly background: string | null,
    readonly fontColor: string | null,
  ) {}
  getCriteriaType() {
    return real<GoogleAppsScript.Spreadsheet.BooleanCriteria>(this.criteria);
  }
  getCriteriaValues() {
    return [...this.values];
  }
  getBackground() {
    return this.background;
  }
  getFontColor() {
    return this.fontColor;
  }
}

export class FakeConditionalFormatRule implements Pick<GoogleAppsScript.Spreadsheet.ConditionalFormatRule, 'getRanges' | 'getBooleanCondition'> {
  constructor(
    readonly ranges: FakeRange[],
    readonly condition: FakeBooleanCondition,
  ) {}
  getRanges() {
    return real<Range[]>([...this.ranges]);
  }
  getBooleanCondition() {
    return real<GoogleAppsScript.Spreadsheet.BooleanCondition>(this.condition);
  }
}

type CFB = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
export class FakeConditionalFormatRuleBuilder
  implements Pick<CFB, 'whenTextEqualTo' | 'whenNumberGreaterThanOrEqualTo' | 'whenNumberLessThanOrEqualTo' | 'whenFormulaSatisfied' | 'setBackground' | 'setFontColor' | 'setRanges' | 'build'>
{
  private criteria = '';
  private values: unknown[] = [];
  private background: string | null = null;
  private fontColor: string | null = null;
  private ranges: FakeRange[] = [];

  private when(criteria: string, values: unknown[]): CFB {
    this.criteria = criteria;
    this.values = values;
    return real<CFB>(this);
  }
  whenTextEqualTo(text: string) {
    return this.when('TEXT_EQUAL_TO', [text]);
  }
  whenNumberGreaterThanOrEqualTo(number: number) {
    return this.when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  whenNumberLessThanOrEqualTo(number: number) {
    return this.when('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  whenFormulaSatisfied(formula: string) {
    return this.when('CUSTOM_FORMULA', [formula]);
  }
  setBackground(color: string | null) {
    this.background = color?.toLowerCase() ?? null;
    return real<CFB>(this);
  }
  setFontColor(color: string | null) {
    this.fontColor = color?.toLowerCase() ?? null;
    return real<CFB>(this);
  }
  setRanges(ranges: Range[]) {
    this.ranges = real<FakeRange[]>(ranges);
    return real<CFB>(this);
  }
  build() {
    if (!this.criteria || this.ranges.length === 0) throw new Error('Conditional format rule needs a condition and ranges');
    return real<GoogleAppsScript.Spreadsheet.ConditionalFormatRule>(
      new FakeConditionalFormatRule(this.ranges, new FakeBooleanCondition(this.criteria, this.values, this.background, this.fontColor)),
    );
  }
}

export class FakeFilterCriteria implements Pick<GoogleAppsScript.Spreadsheet.FilterCriteria, 'getHiddenValues'> {
  constructor(readonly hidden: string[]) {}
  getHiddenValues() {
    return [...this.hidden];
  }
}

type FCB = GoogleAppsScript.Spreadsheet.FilterCriteriaBuilder;
export class FakeFilterCriteriaBuilder implements Pick<FCB, 'setHiddenValues' | 'build'> {
  private hidden: string[] = [];
  setHiddenValues(values: string[]) {
    this.hidden = [...values];
    return real<FCB>(this);
  }
  build() {
    return real<GoogleAppsScript.Spreadsheet.FilterCriteria>(new FakeFilterCriteria(this.hidden));
  }
}

export class FakeFilter implements Pick<GoogleAppsScript.Spreadsheet.Filter, 'getRange' | 'remove' | 'setColumnFilterCriteria' | 'removeColumnFilterCriteria' | 'getColumnFilterCriteria'> {
  readonly criteria = new Map<number, FakeFilterCriteria>();
  constructor(
    readonly sheet: FakeSheet,
    public rect: Rect,
  ) {}
  getRange() {
    return real<Range>(new FakeRange(this.sheet, this.rect));
  }
  remove() {
    this.sheet.filter = null;
  }
  private checkColumn(column: number) {
    if (column < this.rect.left || column > this.rect.right) throw new Error(`Column ${column} is outside the filter range`);
  }
  setColumnFilterCriteria(columnPosition: number, filterCriteria: GoogleAppsScript.Spreadsheet.FilterCriteria | null) {
    this.checkColumn(columnPosition);
    if (filterCriteria) this.criteria.set(columnPosition, real<FakeFilterCriteria>(filterCriteria));
    else this.criteria.delete(columnPosition);
    return real<GoogleAppsScript.Spreadsheet.Filter>(this);
  }
  removeColumnFilterCriteria(columnPosition: number) {
    this.criteria.delete(columnPosition);
    return real<GoogleAppsScript.Spreadsheet.Filter>(this);
  }
  getColumnFilterCriteria(columnPosition: number) {
    return real<GoogleAppsScript.Spreadsheet.FilterCriteria | null>(this.criteria.get(columnPosition) ?? null);
  }
  /** Rows the filter hides: data rows (below the filter's header) whose shown text is a hidden value. */
  hiddenRows(): number[] {
    const rows: number[] = [];
    for (let r = this.rect.top + 1; r <= this.rect.bottom; r++) {
      for (const [column, criteria] of this.criteria) {
        if (criteria.hidden.includes(displayText(this.sheet.cell(r, column), this.sheet.spreadsheet.timeZone))) {
          rows.push(r);
          break;
        }
      }
    }
    return rows;
  }
}

export class FakeBanding implements Pick<GoogleAppsScript.Spreadsheet.Banding, 'getRange' | 'remove'> {
  constructor(
    readonly sheet: FakeSheet,
    public rect: Rect,
  ) {}
  getRange() {
    return real<Range>(new FakeRange(this.sheet, this.rect));
  }
  remove() {
    this.sheet.bandings = this.sheet.bandings.filter((b) => b !== this);
  }
}

// -------------------------------------------------------------------------------------------------
// Charts

export class FakeChartOptions implements Pick<GoogleAppsScript.Charts.ChartOptions, 'get'> {
  constructor(private readonly options: Map<string, unknown>) {}
  get(option: string) {
    return this.options.get(option);
  }
}

export class FakeEmbeddedChart implements Pick<GoogleAppsScript.Spreadsheet.EmbeddedChart, 'getRanges' | 'getOptions' | 'getContainerInfo'> {
  constructor(
    readonly chartType: string,
    readonly ranges: FakeRange[],
    readonly options: Map<string, unknown>,
    readonly anchor: { row: number; column: number },
  ) {}
  getRanges() {
    return real<Range[]>([...this.ranges]);
  }
  getOptions() {
    return real<GoogleAppsScript.Charts.ChartOptions>(new FakeChartOptions(this.options));
  }
  getContainerInfo() {
    const { row, column } = this.anchor;
    return real<GoogleAppsScript.Spreadsheet.ContainerInfo>({ getAnchorRow: () => row, getAnchorColumn: () => column, getOffsetX: () => 0, getOffsetY: () => 0 });
  }
}

type ECB = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
export class FakeEmbeddedChartBuilder
  implements Pick<ECB, 'addRange' | 'asColumnChart' | 'asBarChart' | 'asPieChart' | 'asComboChart' | 'setOption' | 'setPosition' | 'build'>
{
  private chartType = 'COLUMN';
  private readonly ranges: FakeRange[] = [];
  private readonly options = new Map<string, unknown>();
  private anchor = { row: 1, column: 1 };

  addRange(range: Range) {
    this.ranges.push(real<FakeRange>(range));
    return real<ECB>(this);
  }
  private as<T>(type: string): T {
    this.chartType = type;
    return real<T>(this);
  }
  asColumnChart() {
    return this.as<GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder>('COLUMN');
  }
  asBarChart() {
    return this.as<GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder>('BAR');
  }
  asPieChart() {
    return this.as<GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder>('PIE');
  }
  asComboChart() {
    return this.as<GoogleAppsScript.Spreadsheet.EmbeddedComboChartBuilder>('COMBO');
  }
  setOption(option: string, value: unknown) {
    this.options.set(option, structuredClone(value));
    return real<ECB>(this);
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number) {
    void offsetX;
    void offsetY;
    this.anchor = { row: anchorRowPos, column: anchorColPos };
    return real<ECB>(this);
  }
  build() {
    return real<GoogleAppsScript.Spreadsheet.EmbeddedChart>(new FakeEmbeddedChart(this.chartType, [...this.ranges], new Map(this.options), { ...this.anchor }));
  }
}

// -------------------------------------------------------------------------------------------------
// Ranges

type RangeMethods =
  | 'getValues'
  | 'setValues'
  | 'getDisplayValues'
  | 'getFormulas'
  | 'getNumberFormats'
  | 'setNumberFormat'
  | 'setBackground'
  | 'getBackgrounds'
  | 'setDataValidation'
  | 'clearDataValidations'
  | 'createFilter'
  | 'applyRowBanding'
  | 'getRow'
  | 'getColumn'
  | 'getNumRows'
  | 'getNumColumns'
  | 'getA1Notation'
  | 'getSheet'
  | 'activate'
  | 'getMergedRanges'
  | 'setNote'
  | 'getNote';

export class FakeRange implements Pick<Range, RangeMethods> {
  constructor(
    readonly sheet: FakeSheet,
    readonly rect: Rect,
  ) {}

  private each<T>(read: (row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = this.rect.top; r <= this.rect.bottom; r++) {
      const row: T[] = [];
      for (let c = this.rect.left; c <= this.rect.right; c++) row.push(read(r, c));
      out.push(row);
    }
    return out;
  }
  private self(): Range {
    return real<Range>(this);
  }
  private checkShape(values: unknown[][]): void {
    const rows = this.rect.bottom - this.rect.top + 1;
    const columns = this.rect.right - this.rect.left + 1;
    if (values.length !== rows || values.some((r) => r.length !== columns)) {
      throw new Error(`The number of rows or columns in the data does not match the range (${rows}×${columns})`);
    }
  }

  getValues() {
    this.sheet.spreadsheet.calls.getValues++;
    return this.each((r, c) => {
      const v = this.sheet.cell(r, c)?.value;
      return v instanceof Date ? new Date(v.getTime()) : (v ?? '');
    });
  }
  setValues(values: unknown[][]) {
    this.sheet.spreadsheet.calls.setValues++;
    this.checkShape(values);
    for (const row of values) for (const value of row) {
      if (typeof value === 'string' && value.length > MAX_CELL_CHARS) throw new Error(`Your input contains more than the maximum of ${MAX_CELL_CHARS} characters in a single cell.`);
    }
    values.forEach((row, i) =>
      row.forEach((value, j) => {
        const r = this.rect.top + i;
        const c = this.rect.left + j;
        const cell = this.sheet.cellForWrite(r, c);
        delete cell.formula;
        if (value === null || value === undefined || value === '') delete cell.value;
        else if (typeof value === 'string') Object.assign(cell, interpretTyped(value, cell.format, this.sheet.spreadsheet.timeZone));
        else if (value instanceof Date) cell.value = new Date(value.getTime());
        else if (typeof value === 'number' || typeof value === 'boolean') cell.value = value;
        else throw new Error(`Unsupported cell value: ${String(value)}`);
      }),
    );
    return this.self();
  }
  getDisplayValues() {
    return this.each((r, c) => displayText(this.sheet.cell(r, c), this.sheet.spreadsheet.timeZone));
  }
  getFormulas() {
    return this.each((r, c) => this.sheet.cell(r, c)?.formula ?? '');
  }
  getNumberFormats() {
    return this.each((r, c) => this.sheet.cell(r, c)?.format ?? '0.###############');
  }
  setNumberFormat(numberFormat: string) {
    this.each((r, c) => (this.sheet.cellForWrite(r, c).format = numberFormat));
    return this.self();
  }
  setBackground(color: string | null) {
    this.each((r, c) => {
      const cell = this.sheet.cellForWrite(r, c);
      if (color) cell.background = color.toLowerCase();
      else delete cell.background;
    });
    return this.self();
  }
  getBackgrounds() {
    return this.each((r, c) => this.sheet.cell(r, c)?.background ?? '#ffffff');
  }
  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null) {
    this.clearDataValidations();
    if (rule) this.sheet.validations.push({ rect: { ...this.rect }, validation: real<FakeDataValidation>(rule) });
    return this.self();
  }
  clearDataValidations() {
    this.sheet.validations = this.sheet.validations.flatMap((v) => subtractRect(v.rect, this.rect).map((rect) => ({ ...v, rect })));
    return this.self();
  }
  createFilter() {
    if (this.sheet.filter) throw new Error('You can’t create a filter in a sheet that already has a filter.');
    this.sheet.filter = new FakeFilter(this.sheet, { ...this.rect });
    return real<GoogleAppsScript.Spreadsheet.Filter>(this.sheet.filter);
  }
  applyRowBanding(bandingTheme?: GoogleAppsScript.Spreadsheet.BandingTheme) {
    void bandingTheme;
    // subtractRect hands back the rectangle itself exactly when the two do not overlap
    if (this.sheet.bandings.some((b) => subtractRect(b.rect, this.rect)[0] !== b.rect)) throw new Error('You cannot add alternating colors to a range that already has alternating colors.');
    const banding = new FakeBanding(this.sheet, { ...this.rect });
    this.sheet.bandings.push(banding);
    return real<GoogleAppsScript.Spreadsheet.Banding>(banding);
  }
  getRow() {
    return this.rect.top;
  }
  getColumn() {
    return this.rect.left;
  }
  getNumRows() {
    return this.rect.bottom - this.rect.top + 1;
  }
  getNumColumns() {
    return this.rect.right - this.rect.left + 1;
  }
  getA1Notation() {
    return formatRange(this.rect);
  }
  getSheet() {
    return real<Sheet>(this.sheet);
  }
  activate() {
    this.sheet.spreadsheet.active = { sheet: this.sheet.name, range: this.getA1Notation() };
    return this.self();
  }
  getMergedRanges() {
    return real<Range[]>([]);
  }
  setNote(note: string | null) {
    this.each((r, c) => (this.sheet.notes.set(`${r}:${c}`, note ?? '')));
    return this.self();
  }
  getNote() {
    return this.sheet.notes.get(`${this.rect.top}:${this.rect.left}`) ?? '';
  }
}

// -------------------------------------------------------------------------------------------------
// Sheets

type SheetMethods =
  | 'getName'
  | 'getLastRow'
  | 'getLastColumn'
  | 'getMaxRows'
  | 'getMaxColumns'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'insertColumnsAfter'
  | 'getRange'
  | 'setFrozenRows'
  | 'getFrozenRows'
  | 'clear'
  | 'clearConditionalFormatRules'
  | 'getConditionalFormatRules'
  | 'setConditionalFormatRules'
  | 'getFilter'
  | 'getCharts'
  | 'removeChart'
  | 'insertChart'
  | 'newChart'
  | 'getBandings'
  | 'deleteRows'
  | 'showRows'
  | 'isRowHiddenByFilter'
  | 'isRowHiddenByUser'
  | 'setTabColor'
  | 'setColumnWidth'
  | 'hideColumns'
  | 'showColumns'
  | 'isColumnHiddenByUser'
  | 'hideSheet'
  | 'isSheetHidden';

export class FakeSheet implements Pick<Sheet, SheetMethods> {
  cells: FakeCell[][] = [];
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  tabColor: string | null = null;
  validations: Array<{ rect: Rect; validation: FakeDataValidation }> = [];
  conditionalFormatRules: FakeConditionalFormatRule[] = [];
  filter: FakeFilter | null = null;
  bandings: FakeBanding[] = [];
  charts: FakeEmbeddedChart[] = [];
  hiddenByUser = new Set<number>();
  columnWidths = new Map<number, number>();
  hiddenColumns = new Set<number>();
  /** Cell notes by `row:column`. */
  notes = new Map<string, string>();
  hidden = false;

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
  ) {}

  cell(row: number, column: number): FakeCell | undefined {
    return this.cells[row - 1]?.[column - 1];
  }
  cellForWrite(row: number, column: number): FakeCell {
    const r = (this.cells[row - 1] ??= []);
    return (r[column - 1] ??= {});
  }
  private hasContent(cell: FakeCell | undefined): boolean {
    return cell?.value !== undefined || cell?.formula !== undefined;
  }

  getName() {
    return this.name;
  }
  getLastRow() {
    for (let r = this.cells.length; r >= 1; r--) if (this.cells[r - 1]?.some((c) => this.hasContent(c))) return r;
    return 0;
  }
  getLastColumn() {
    let last = 0;
    for (const row of this.cells) row?.forEach((c, i) => {
      if (this.hasContent(c)) last = Math.max(last, i + 1);
    });
    return last;
  }
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxColumns;
  }
  insertRowsAfter(afterPosition: number, howMany: number) {
    if (afterPosition !== this.maxRows) throw new Error('The fake only appends rows at the end');
    this.maxRows += howMany;
    return real<Sheet>(this);
  }
  /** Rows from `beforePosition` down move down; ranges across it grow, ranges at or below it move (as Sheets does). */
  insertRowsBefore(beforePosition: number, howMany: number) {
    if (beforePosition < 1 || beforePosition > this.maxRows) throw new Error(`Those rows are out of bounds (${beforePosition} in ${this.maxRows}).`);
    if (this.cells.length >= beforePosition) this.cells.splice(beforePosition - 1, 0, ...Array.from({ length: howMany }, () => []));
    const shift = <R extends Rect>(rect: R): R => rectWithRowsInserted(rect, beforePosition, howMany);
    this.validations = this.validations.map((v) => ({ ...v, rect: shift(v.rect) }));
    this.conditionalFormatRules = this.conditionalFormatRules.map(
      (rule) => new FakeConditionalFormatRule(rule.ranges.map((r) => new FakeRange(this, shift(r.rect))), rule.condition),
    );
    if (this.filter) this.filter.rect = shift(this.filter.rect);
    for (const banding of this.bandings) banding.rect = shift(banding.rect);
    this.hiddenByUser = new Set([...this.hiddenByUser].map((r) => (r >= beforePosition ? r + howMany : r)));
    this.maxRows += howMany;
    return real<Sheet>(this);
  }
  insertColumnsAfter(afterPosition: number, howMany: number) {
    if (afterPosition !== this.maxColumns) throw new Error('The fake only appends columns at the end');
    this.maxColumns += howMany;
    return real<Sheet>(this);
  }
  getRange(a: number | string, column?: number, numRows = 1, numColumns = 1): Range {
    const rect: Rect =
      typeof a === 'string' ? parseRange(a) : { top: a, left: column ?? 1, bottom: a + numRows - 1, right: (column ?? 1) + numColumns - 1 };
    if (rect.top < 1 || rect.left < 1 || rect.bottom > this.maxRows || rect.right > this.maxColumns || numRows < 1 || numColumns < 1) {
      throw new Error(`The coordinates of the range are outside the dimensions of the sheet (${formatRange(rect)} in ${this.maxRows}×${this.maxColumns}).`);
    }
    return real<Range>(new FakeRange(this, rect));
  }
  setFrozenRows(rows: number) {
    this.frozenRows = rows;
  }
  getFrozenRows() {
    return this.frozenRows;
  }
  /** Values and formats (number formats, backgrounds); not validations, rules, filters or charts. */
  clear() {
    this.cells = [];
    return real<Sheet>(this);
  }
  clearConditionalFormatRules() {
    this.conditionalFormatRules = [];
  }
  getConditionalFormatRules() {
    return real<GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]>([...this.conditionalFormatRules]);
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]) {
    this.conditionalFormatRules = real<FakeConditionalFormatRule[]>([...rules]);
  }
  getFilter() {
    return real<GoogleAppsScript.Spreadsheet.Filter | null>(this.filter);
  }
  getCharts() {
    return real<GoogleAppsScript.Spreadsheet.EmbeddedChart[]>([...this.charts]);
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart) {
    this.charts = this.charts.filter((c) => c !== real<FakeEmbeddedChart>(chart));
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart) {
    this.charts.push(real<FakeEmbeddedChart>(chart));
  }
  newChart() {
    return real<GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder>(new FakeEmbeddedChartBuilder());
  }
  getBandings() {
    return real<GoogleAppsScript.Spreadsheet.Banding[]>([...this.bandings]);
  }
  /** Rows below move up; ranges shrink or shift with them, and disappear when all their rows go. */
  deleteRows(rowPosition: number, howMany: number) {
    const deleted: Rect = { top: rowPosition, bottom: rowPosition + howMany - 1, left: 1, right: this.maxColumns };
    this.cells.splice(rowPosition - 1, howMany);
    const shift = (rect: Rect): Rect | null => {
      const before = (row: number) => Math.max(0, Math.min(row, deleted.bottom) - deleted.top + 1);
      const top = rect.top - before(rect.top - 1);
      const bottom = rect.bottom - before(rect.bottom);
      return bottom < top ? null : { ...rect, top, bottom };
    };
    this.validations = this.validations.flatMap((v) => {
      const rect = shift(v.rect);
      return rect ? [{ ...v, rect }] : [];
    });
    this.conditionalFormatRules = this.conditionalFormatRules.flatMap((rule) => {
      const ranges = rule.ranges.flatMap((r) => {
        const rect = shift(r.rect);
        return rect ? [new FakeRange(this, rect)] : [];
      });
      return ranges.length ? [new FakeConditionalFormatRule(ranges, rule.condition)] : [];
    });
    if (this.filter) {
      const rect = shift(this.filter.rect);
      if (rect) this.filter.rect = rect;
      else this.filter = null;
    }
    this.bandings = this.bandings.filter((b) => {
      const rect = shift(b.rect);
      if (rect) b.rect = rect;
      return rect !== null;
    });
    this.hiddenByUser = new Set([...this.hiddenByUser].filter((r) => r < deleted.top || r > deleted.bottom).map((r) => (r > deleted.bottom ? r - howMany : r)));
    this.maxRows -= howMany;
  }
  showRows(rowIndex: number, numRows = 1) {
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.hiddenByUser.delete(r);
  }
  isRowHiddenByFilter(rowPosition: number) {
    return this.filter?.hiddenRows().includes(rowPosition) ?? false;
  }
  isRowHiddenByUser(rowPosition: number) {
    return this.hiddenByUser.has(rowPosition);
  }
  setTabColor(color: string | null) {
    this.tabColor = color;
    return real<Sheet>(this);
  }
  setColumnWidth(columnPosition: number, width: number) {
    this.columnWidths.set(columnPosition, width);
    return real<Sheet>(this);
  }
  hideColumns(columnIndex: number, numColumns = 1) {
    this.eachColumn(columnIndex, numColumns, (column) => this.hiddenColumns.add(column));
  }
  showColumns(columnIndex: number, numColumns = 1) {
    this.eachColumn(columnIndex, numColumns, (column) => this.hiddenColumns.delete(column));
  }
  isColumnHiddenByUser(columnPosition: number) {
    return this.hiddenColumns.has(columnPosition);
  }
  /** Sheets refuses columns past the grid, as it does for ranges. */
  private eachColumn(from: number, count: number, visit: (column: number) => void): void {
    if (from < 1 || count < 1 || from + count - 1 > this.maxColumns) throw new Error('Those columns are out of bounds.');
    for (let column = from; column < from + count; column++) visit(column);
  }
  hideSheet() {
    this.hidden = true;
    return real<Sheet>(this);
  }
  isSheetHidden() {
    return this.hidden;
  }
}

// -------------------------------------------------------------------------------------------------
// Spreadsheet and SpreadsheetApp

type SpreadsheetMethods = 'getSheets' | 'getSheetByName' | 'getSpreadsheetTimeZone' | 'getSpreadsheetLocale' | 'setActiveSheet' | 'getId' | 'deleteSheet';

/**
 * `insertSheet` has eight overloads, and `Pick` would demand all of them; the fake implements the one the
 * gateway uses, and this type only compiles while the real API still has it.
 */
type InsertSheetByName = (sheetName: string, sheetIndex: number) => Sheet;
export const insertSheetOverloadExists: (s: GoogleAppsScript.Spreadsheet.Spreadsheet) => InsertSheetByName = (s) => s.insertSheet;

export class FakeSpreadsheet implements Pick<GoogleAppsScript.Spreadsheet.Spreadsheet, SpreadsheetMethods> {
  sheets: FakeSheet[] = [];
  readonly calls: CallCounts = { getValues: 0, setValues: 0 };
  /** The sheet and range the user would see selected. */
  active: { sheet: string; range: string } | null = null;

  constructor(
    readonly timeZone = 'Europe/Moscow',
    readonly locale = 'ru_RU',
  ) {}

  getSpreadsheetLocale() {
    return this.locale;
  }

  getId() {
    return 'fake-spreadsheet';
  }
  getSheets() {
    return real<Sheet[]>([...this.sheets]);
  }
  getSheetByName(name: string) {
    return real<Sheet | null>(this.sheets.find((s) => s.name === name) ?? null);
  }
  insertSheet(name: string, sheetIndex?: number): Sheet {
    if (this.sheets.some((s) => s.name === name)) throw new Error(`A sheet with the name "${name}" already exists.`);
    const sheet = new FakeSheet(this, name);
    this.sheets.splice(sheetIndex ?? this.sheets.length, 0, sheet);
    return real<Sheet>(sheet);
  }
  getSpreadsheetTimeZone() {
    return this.timeZone;
  }
  deleteSheet(sheet: Sheet) {
    const at = this.sheets.indexOf(real<FakeSheet>(sheet));
    if (at < 0) throw new Error('The sheet does not exist.');
    if (this.sheets.length === 1) throw new Error('You can’t remove all the sheets in a document.');
    this.sheets.splice(at, 1);
  }
  setActiveSheet(sheet: Sheet) {
    this.active = { sheet: real<FakeSheet>(sheet).name, range: 'A1' };
    return sheet;
  }

  /** The fake as the real type, for code under test. */
  getActiveSpreadsheetProxy(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return real<GoogleAppsScript.Spreadsheet.Spreadsheet>(this);
  }

  /** Test helper: a sheet filled with values as they would have been typed (dates as instants). */
  addSheetWithValues(name: string, rows: Array<Array<StoredValue | null>>): FakeSheet {
    const sheet = real<FakeSheet>(this.insertSheet(name));
    rows.forEach((row, r) => row.forEach((v, c) => {
      if (v !== null && v !== '') sheet.cellForWrite(r + 1, c + 1).value = v;
    }));
    sheet.maxRows = Math.max(sheet.maxRows, rows.length);
    return sheet;
  }
}

/** The BandingTheme enum as a plain object (Apps Script's enums are objects whose values print their names). */
const BANDING_THEMES = { LIGHT_GREY: 'LIGHT_GREY', BLUE: 'BLUE' };

type AppMethods = 'getActiveSpreadsheet' | 'newDataValidation' | 'newConditionalFormatRule' | 'newFilterCriteria' | 'getUi';

export class FakeSpreadsheetApp implements Pick<GoogleAppsScript.Spreadsheet.SpreadsheetApp, AppMethods | 'BandingTheme'> {
  readonly BandingTheme = real<GS['BandingTheme']>(BANDING_THEMES);
  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    private readonly ui: GoogleAppsScript.Base.Ui = real<GoogleAppsScript.Base.Ui>({}),
  ) {}
  getActiveSpreadsheet() {
    return this.spreadsheet.getActiveSpreadsheetProxy();
  }
  newDataValidation() {
    return real<DVB>(new FakeDataValidationBuilder());
  }
  newConditionalFormatRule() {
    return real<CFB>(new FakeConditionalFormatRuleBuilder());
  }
  newFilterCriteria() {
    return real<FCB>(new FakeFilterCriteriaBuilder());
  }
  getUi() {
    return this.ui;
  }
}
