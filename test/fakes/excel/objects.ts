/* eslint-disable @typescript-eslint/no-explicit-any -- the fake repeats Office's own `any` property types (values, numberFormat, items), which Mirror requires */
/**
 * The fake Excel object model: the subset of Office.js the gateway uses, each class mirroring its Office
 * interface (see mirror.ts). Mutations change the host at once (Office.js executes the queue in order,
 * so the observable result is the same); reads go through `load` + `sync`.
 */
import { FakeContextCore, FakeProxy } from './context';
import { FakeEventHandlers } from './events';
import type { Mirror } from './mirror';
import {
  type FakeChart,
  type StoredConditionalFormat,
  type FakeSeries,
  type FakeSheet,
  type FakeTable,
  type Rect,
  cellAt,
  cellFor,
  clearRect,
  deleteRows,
  insertRows,
  displayText,
  formatAddress,
  hiddenRows,
  MAX_COLUMNS,
  MAX_ROWS,
  newSheet,
  overlaps,
  parseAddress,
  quoteSheet,
  subtract,
  usedExtent,
  writeInput,
} from './host';

let nextId = 1;

function asRange(value: unknown, core: FakeContextCore): FakeRange {
  if (value instanceof FakeRange) return value;
  throw new Error(`InvalidArgument: expected a Range from this context, got ${String(value)} (${core.sheets.length} sheets)`);
}

/**
 * What Excel refuses as a sheet name, on add and on rename: blank, over 31 characters, one of : \ / ? * [ ],
 * an apostrophe first or last, and «History», which Excel reserves (in any case).
 */
function refuseBadSheetName(name: string): void {
  const bad = !name.trim() || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name) || name.toLowerCase() === 'history';
  if (bad) throw new Error(`InvalidArgument: bad sheet name ${name}`);
}

function sheetNamed(core: FakeContextCore, name: string): FakeSheet {
  const sheet = core.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`ItemNotFound: no worksheet «${name}»`);
  return sheet;
}

// ---------------------------------------------------------------------------------------------------
// Range

export class FakeRange
  extends FakeProxy
  implements
    Mirror<
      Excel.Range,
      'values' | 'text' | 'numberFormat' | 'rowHidden' | 'columnHidden' | 'address' | 'rowIndex' | 'columnIndex' | 'rowCount' | 'columnCount' | 'isNullObject',
      'delete' | 'insert' | 'clear' | 'select' | 'getMergedAreasOrNullObject'
    >
{
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: FakeConditionalFormatCollection;

  constructor(
    core: FakeContextCore,
    readonly sheet: FakeSheet,
    readonly rect: Rect | null,
  ) {
    super(core, `${quoteSheet(sheet.name)}!${rect ? formatAddress(rect) : 'null'}`);
    this.format = new FakeRangeFormat(core, this);
    this.dataValidation = new FakeDataValidation(core, this);
    this.conditionalFormats = new FakeConditionalFormatCollection(core, this);
  }

  /** `'Sheet'!A1:B2`, known to the fake without a load (for what the host itself records). */
  get fullAddress(): string {
    return `${quoteSheet(this.sheet.name)}!${formatAddress(this.area)}`;
  }

  /** The rectangle, for a range that is not a null object. */
  get area(): Rect {
    if (!this.rect) throw new Error(`InvalidObjectPath: ${this.path} is a null object`);
    return this.rect;
  }

  protected override readNullness(): boolean {
    return this.rect === null;
  }

  protected read(name: string): unknown {
    if (!this.rect) return undefined;
    const r = this.area;
    switch (name) {
      case 'values':
        return this.grid((row, column) => cellAt(this.sheet, row, column)?.value ?? '');
      case 'text':
        return this.grid((row, column) => displayText(cellAt(this.sheet, row, column)));
      case 'numberFormat':
        return this.grid((row, column) => cellAt(this.sheet, row, column)?.format ?? 'General');
      case 'rowHidden': {
        const hidden = hiddenRows(this.sheet);
        let count = 0;
        for (let row = r.top; row <= r.bottom; row++) if (hidden.has(row)) count++;
        return count === 0 ? false : count === r.bottom - r.top + 1 ? true : null;
      }
      case 'columnHidden': {
        let count = 0;
        for (let column = r.left; column <= r.right; column++) if (this.sheet.hiddenColumns.has(column)) count++;
        return count === 0 ? false : count === r.right - r.left + 1 ? true : null;
      }
      case 'address':
        return this.fullAddress;
      case 'rowIndex':
        return r.top - 1;
      case 'columnIndex':
        return r.left - 1;
      case 'rowCount':
        return r.bottom - r.top + 1;
      case 'columnCount':
        return r.right - r.left + 1;
    }
    throw new Error(`the fake Range cannot load ${name}`);
  }

  private grid<T>(cell: (row: number, column: number) => T): T[][] {
    const r = this.area;
    const out: T[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: T[] = [];
      for (let column = r.left; column <= r.right; column++) line.push(cell(row, column));
      out.push(line);
    }
    return out;
  }

  private writeGrid(name: string, input: unknown[][], put: (row: number, column: number, value: unknown) => void): void {
    const r = this.area;
    const rows = r.bottom - r.top + 1;
    const columns = r.right - r.left + 1;
    if (!Array.isArray(input) || input.length !== rows || input.some((line) => !Array.isArray(line) || line.length !== columns)) {
      throw new Error(`InvalidArgument: ${name} of ${this.path} must be ${rows}×${columns}`);
    }
    this.send(`set ${name}`, input);
    input.forEach((line, i) => line.forEach((value, j) => put(r.top + i, r.left + j, value)));
  }

  get values(): any[][] {
    return this.loadedValue('values');
  }
  set values(input: any[][]) {
    this.writeGrid('values', input, (row, column, value) => writeInput(this.sheet, row, column, value));
  }

  get text(): string[][] {
    return this.loadedValue('text');
  }

  get numberFormat(): any[][] {
    return this.loadedValue('numberFormat');
  }
  set numberFormat(input: any[][]) {
    this.writeGrid('numberFormat', input, (row, column, value) => {
      if (value === null) return;
      if (typeof value !== 'string') throw new Error('InvalidArgument: a number format is a string');
      cellFor(this.sheet, row, column).format = value;
    });
  }

  get rowHidden(): boolean {
    return this.loadedValue('rowHidden');
  }
  set rowHidden(hidden: boolean) {
    this.send('set rowHidden', hidden);
    for (let row = this.area.top; row <= this.area.bottom; row++) {
      if (hidden) this.sheet.manuallyHidden.add(row);
      else this.sheet.manuallyHidden.delete(row);
    }
  }

  get columnHidden(): boolean {
    return this.loadedValue('columnHidden');
  }
  /** Excel hides whole columns: a range that does not span every row of its columns is refused. */
  set columnHidden(hidden: boolean) {
    this.send('set columnHidden', hidden);
    const area = this.area;
    if (area.top !== 1 || area.bottom !== MAX_ROWS) throw new Error('InvalidArgument: columnHidden is set on whole columns');
    for (let column = area.left; column <= area.right; column++) {
      if (hidden) this.sheet.hiddenColumns.add(column);
      else this.sheet.hiddenColumns.delete(column);
    }
  }

  get address(): string {
    return this.loadedValue('address');
  }
  get rowIndex(): number {
    return this.loadedValue('rowIndex');
  }
  get columnIndex(): number {
    return this.loadedValue('columnIndex');
  }
  get rowCount(): number {
    return this.loadedValue('rowCount');
  }
  get columnCount(): number {
    return this.loadedValue('columnCount');
  }
  get isNullObject(): boolean {
    return this.loadedValue('isNullObject');
  }

  /** Only whole rows shifting up: the one kind of delete the gateway does. */
  delete(shift: Excel.DeleteShiftDirection | 'Up' | 'Left'): void {
    this.send('delete', shift);
    const r = this.area;
    if (shift !== 'Up' || r.left !== 1 || r.right !== MAX_COLUMNS) throw new Error('the fake deletes whole rows only');
    deleteRows(this.sheet, r.top, r.bottom);
  }

  /** Only whole rows shifting down: the one kind of insert the gateway does. Returns the new (blank) rows. */
  insert(shift: Excel.InsertShiftDirection | 'Down' | 'Right'): FakeRange {
    this.send('insert', shift);
    const r = this.area;
    if (shift !== 'Down' || r.left !== 1 || r.right !== MAX_COLUMNS) throw new Error('the fake inserts whole rows only');
    // Excel refuses to push cells that hold something off the bottom of the sheet
    if (this.sheet.cells.length > MAX_ROWS - (r.bottom - r.top + 1)) throw new Error('InsertDeleteConflict: cells would be pushed off the sheet');
    insertRows(this.sheet, r.top, r.bottom - r.top + 1);
    return new FakeRange(this.core, this.sheet, r);
  }

  clear(applyTo?: Excel.ClearApplyTo | 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks' | 'ResetContents'): void {
    this.send('clear', applyTo);
    const what = applyTo === 'Contents' || applyTo === 'Formats' ? applyTo : 'All';
    clearRect(this.sheet, this.area, what);
  }

  select(): void {
    this.send('select');
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    this.send('getMergedAreasOrNullObject');
    const areas = this.sheet.merged.filter((m) => overlaps(m, this.area));
    return new FakeRangeAreas(this.core, `${this.path}.mergedAreas`, areas.length ? areas.map((m) => `${quoteSheet(this.sheet.name)}!${formatAddress(m)}`).join(',') : null);
  }
}

export class FakeRangeAreas extends FakeProxy implements Mirror<Excel.RangeAreas, 'address' | 'isNullObject'> {
  constructor(
    core: FakeContextCore,
    path: string,
    private readonly addresses: string | null,
  ) {
    super(core, path);
  }
  protected override readNullness(): boolean {
    return this.addresses === null;
  }

  protected read(name: string): unknown {
    if (name === 'address') return this.addresses ?? undefined;
    throw new Error(`the fake RangeAreas cannot load ${name}`);
  }
  get address(): string {
    return this.loadedValue('address');
  }
  get isNullObject(): boolean {
    return this.loadedValue('isNullObject');
  }
}

export class FakeFill extends FakeProxy implements Mirror<Excel.RangeFill, 'color'> {
  constructor(
    core: FakeContextCore,
    private readonly range: FakeRange,
  ) {
    super(core, `${range.path}.format.fill`);
  }
  protected read(): unknown {
    throw new Error('the fake does not read fills back through the API');
  }
  get color(): string {
    return this.loadedValue('color');
  }
  set color(colour: string) {
    this.send('set color', colour);
    const r = this.range.area;
    for (let row = r.top; row <= r.bottom; row++) for (let column = r.left; column <= r.right; column++) cellFor(this.range.sheet, row, column).fill = colour;
  }
}

export class FakeRangeFormat extends FakeProxy implements Mirror<Excel.RangeFormat, 'columnWidth'> {
  readonly fill: FakeFill;

  constructor(
    core: FakeContextCore,
    private readonly range: FakeRange,
  ) {
    super(core, `${range.path}.format`);
    this.fill = new FakeFill(core, range);
  }
  protected read(): unknown {
    throw new Error('the fake does not read range formats back');
  }
  get columnWidth(): number {
    return this.loadedValue('columnWidth');
  }
  set columnWidth(points: number) {
    this.send('set columnWidth', points);
    for (let c = this.range.area.left; c <= this.range.area.right; c++) this.range.sheet.columnWidths.set(c, points);
  }
}

// ---------------------------------------------------------------------------------------------------
// Data validation

export class FakeDataValidation extends FakeProxy implements Mirror<Excel.DataValidation, 'rule' | 'errorAlert' | 'prompt', 'clear'> {
  constructor(
    core: FakeContextCore,
    private readonly range: FakeRange,
  ) {
    super(core, `${range.path}.dataValidation`);
  }
  protected read(): unknown {
    throw new Error('the fake does not read validations back through the API');
  }

  private own() {
    const rect = this.range.area;
    const found = this.range.sheet.validations.find((v) => formatAddress(v.rect) === formatAddress(rect));
    if (!found) throw new Error(`InvalidOperation: set the rule of ${this.range.path} before its alerts`);
    return found;
  }

  clear(): void {
    this.send('clear');
    const target = this.range.area;
    const sheet = this.range.sheet;
    sheet.validations = sheet.validations.flatMap((v) => subtract(v.rect, target).map((rect) => ({ ...v, rect })));
  }

  get rule(): Excel.DataValidationRule {
    return this.loadedValue('rule');
  }
  /** Excel refuses a rule over cells that already carry another one: clear first. */
  set rule(rule: Excel.DataValidationRule) {
    this.send('set rule', rule);
    const rect = this.range.area;
    if (this.range.sheet.validations.some((v) => overlaps(v.rect, rect))) throw new Error(`InvalidOperation: ${this.range.path} already has a validation rule`);
    if (rule.list && typeof rule.list.source === 'string' && !rule.list.source.startsWith('=') && rule.list.source.length > 255) {
      throw new Error('InvalidArgument: an inline list source is limited to 255 characters');
    }
    this.range.sheet.validations.push({ rect, rule: structuredClone(rule) });
  }

  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.loadedValue('errorAlert');
  }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.send('set errorAlert', alert);
    this.own().errorAlert = { ...alert };
  }

  get prompt(): Excel.DataValidationPrompt {
    return this.loadedValue('prompt');
  }
  set prompt(prompt: Excel.DataValidationPrompt) {
    this.send('set prompt', prompt);
    this.own().prompt = { ...prompt };
  }
}

// ---------------------------------------------------------------------------------------------------
// Conditional formats (custom formula rules only: the kind the gateway writes)

class FakeCfPart extends FakeProxy {
  constructor(
    core: FakeContextCore,
    path: string,
    private readonly get: () => unknown,
    private readonly set: (value: string) => void,
  ) {
    super(core, path);
  }
  protected read(): unknown {
    return this.get();
  }
  protected assign(member: string, value: string): void {
    this.send(`set ${member}`, value);
    this.set(value);
  }
}

export class FakeColourPart extends FakeCfPart implements Mirror<Excel.ConditionalRangeFill, 'color'> {
  get color(): string {
    return this.loadedValue('color');
  }
  set color(value: string) {
    this.assign('color', value);
  }
}

export class FakeFontPart extends FakeCfPart implements Mirror<Excel.ConditionalRangeFont, 'color'> {
  get color(): string {
    return this.loadedValue('color');
  }
  set color(value: string) {
    this.assign('color', value);
  }
}

export class FakeRulePart extends FakeCfPart implements Mirror<Excel.ConditionalFormatRule, 'formula'> {
  protected override read(name?: string): unknown {
    if (name !== 'formula') throw new Error(`the fake rule cannot load ${name}`);
    return super.read();
  }
  get formula(): string {
    return this.loadedValue('formula');
  }
  set formula(value: string) {
    this.assign('formula', value);
  }
}

export class FakeCustomConditionalFormat {
  readonly rule: FakeRulePart;
  readonly format: { fill: FakeColourPart; font: FakeFontPart };

  constructor(core: FakeContextCore, path: string, cf: StoredConditionalFormat) {
    this.rule = new FakeRulePart(core, `${path}.rule`, () => cf.formula, (v) => (cf.formula = v));
    this.format = {
      fill: new FakeColourPart(core, `${path}.format.fill`, () => cf.fill ?? '', (v) => (cf.fill = v)),
      font: new FakeFontPart(core, `${path}.format.font`, () => cf.fontColor ?? '', (v) => (cf.fontColor = v)),
    };
  }
}

export class FakeConditionalFormat extends FakeProxy implements Mirror<Excel.ConditionalFormat, 'type' | 'id', 'delete' | 'getRange'> {
  readonly custom: FakeCustomConditionalFormat;

  constructor(
    core: FakeContextCore,
    private readonly sheet: FakeSheet,
    private readonly cf: StoredConditionalFormat,
  ) {
    super(core, `${quoteSheet(sheet.name)}.conditionalFormats[${cf.id}]`);
    this.custom = new FakeCustomConditionalFormat(core, `${this.path}.custom`, cf);
  }
  protected read(name: string): unknown {
    if (name === 'type') return this.cf.type;
    if (name === 'id') return String(this.cf.id);
    throw new Error(`the fake ConditionalFormat cannot load ${name}`);
  }
  get type(): Excel.ConditionalFormatType | 'Custom' {
    return this.loadedValue('type');
  }
  get id(): string {
    return this.loadedValue('id');
  }
  delete(): void {
    this.send('delete');
    this.sheet.conditionalFormats = this.sheet.conditionalFormats.filter((c) => c !== this.cf);
  }
  getRange(): FakeRange {
    this.send('getRange');
    return new FakeRange(this.core, this.sheet, this.cf.rect);
  }
}

export class FakeConditionalFormatCollection extends FakeProxy implements Mirror<Excel.ConditionalFormatCollection, 'items', 'add'> {
  constructor(
    core: FakeContextCore,
    private readonly range: FakeRange,
  ) {
    super(core, `${range.path}.conditionalFormats`);
  }
  protected read(): unknown {
    throw new Error('unreachable');
  }
  protected override stageLoad(names: string[]): void {
    const childNames = names.map((n) => n.replace(/^items\//, ''));
    const rect = this.range.area;
    const items = this.range.sheet.conditionalFormats.filter((cf) => overlaps(cf.rect, rect)).map((cf) => new FakeConditionalFormat(this.core, this.range.sheet, cf));
    items.forEach((item) => item.load(childNames));
    this.core.stage({ count: items.length }, () => (this.items_ = items));
  }
  private items_: FakeConditionalFormat[] | null = null;
  get items(): any[] {
    if (!this.items_) throw new Error(`PropertyNotLoaded: ${this.path}.items`);
    return this.items_;
  }
  /** New formats go to the top of the priority order, as in Excel. */
  add(type: Excel.ConditionalFormatType | 'Custom' | string): FakeConditionalFormat {
    this.send('add', type);
    if (type !== 'Custom') throw new Error(`the fake only makes custom conditional formats, not ${type}`);
    const cf: StoredConditionalFormat = { id: nextId++, rect: this.range.area, type, formula: '' };
    this.range.sheet.conditionalFormats.unshift(cf);
    return new FakeConditionalFormat(this.core, this.range.sheet, cf);
  }
}

// ---------------------------------------------------------------------------------------------------
// Tables

/** A table column's filter: values criteria only (the kind the gateway applies). */
export class FakeFilter extends FakeProxy implements Mirror<Excel.Filter, never, 'apply' | 'clear'> {
  constructor(
    core: FakeContextCore,
    path: string,
    private readonly table: FakeTable,
    private readonly index: number,
  ) {
    super(core, path);
  }
  protected read(): unknown {
    throw new Error('the fake does not read filters back');
  }
  apply(criteria: Excel.FilterCriteria): void {
    this.send('apply', criteria);
    if (criteria.filterOn !== 'Values') throw new Error('the fake filters on values only');
    this.table.criteria.set(this.index, { ...criteria });
  }
  clear(): void {
    this.send('clear');
    this.table.criteria.delete(this.index);
  }
}

export class FakeTableColumn extends FakeProxy implements Mirror<Excel.TableColumn, never> {
  readonly filter: FakeFilter;

  constructor(core: FakeContextCore, path: string, table: FakeTable, index: number) {
    super(core, path);
    this.filter = new FakeFilter(core, `${path}.filter`, table, index);
  }
  protected read(): unknown {
    throw new Error('the fake does not read table columns back');
  }
}

export class FakeTableColumnCollection extends FakeProxy implements Mirror<Excel.TableColumnCollection, never, 'getItemAt'> {
  constructor(
    core: FakeContextCore,
    path: string,
    private readonly table: FakeTable,
  ) {
    super(core, path);
  }
  protected read(): unknown {
    throw new Error('the fake does not list table columns');
  }
  /** Zero-indexed within the table, as in Office.js. */
  getItemAt(index: number): FakeTableColumn {
    this.send('getItemAt', index);
    if (!Number.isInteger(index) || index < 0 || index > this.table.rect.right - this.table.rect.left) throw new Error(`ItemNotFound: table column ${index}`);
    return new FakeTableColumn(this.core, `${this.path}[${index}]`, this.table, index);
  }
}

export class FakeTableProxy extends FakeProxy implements Mirror<Excel.Table, 'name', 'convertToRange' | 'getRange' | 'clearFilters'> {
  readonly columns: FakeTableColumnCollection;

  constructor(
    core: FakeContextCore,
    private readonly table: FakeTable,
  ) {
    super(core, `table(${table.name})`);
    this.columns = new FakeTableColumnCollection(core, `${this.path}.columns`, table);
  }
  private owner(): FakeSheet | undefined {
    return this.core.sheets.find((s) => s.tables.includes(this.table));
  }
  protected read(name: string): unknown {
    if (name === 'name') return this.table.name;
    if (name === 'worksheet/name') return this.owner()?.name;
    throw new Error(`the fake Table cannot load ${name}`);
  }
  get tableName(): string {
    return this.table.name;
  }
  /** Office.js reads a loaded `items/worksheet/name` as `table.worksheet.name`. */
  get worksheet(): { name: string } {
    return { name: this.loadedValue('worksheet/name') };
  }
  get name(): string {
    return this.loadedValue('name');
  }
  set name(name: string) {
    this.send('set name', name);
    if (this.core.sheets.some((s) => s.tables.some((t) => t !== this.table && t.name === name))) throw new Error(`InvalidArgument: a table named ${name} exists`);
    this.table.name = name;
  }
  /** The whole table, header row included (its address, indexes and counts are loadable). */
  getRange(): FakeRange {
    this.send('getRange');
    const sheet = this.owner();
    if (!sheet) throw new Error('ItemNotFound: the table is gone');
    return new FakeRange(this.core, sheet, this.table.rect);
  }
  clearFilters(): void {
    this.send('clearFilters');
    this.table.criteria = new Map();
  }
  convertToRange(): unknown {
    this.send('convertToRange');
    const sheet = this.owner();
    if (!sheet) throw new Error('ItemNotFound: the table is gone');
    sheet.tables = sheet.tables.filter((t) => t !== this.table);
    return undefined;
  }
}

abstract class FakeItems<T extends FakeProxy> extends FakeProxy {
  private items_: T[] | null = null;
  protected abstract current(): T[];
  protected read(): unknown {
    throw new Error('unreachable');
  }
  protected override stageLoad(names: string[]): void {
    const items = this.current();
    const childNames = names.map((n) => n.replace(/^items\//, ''));
    items.forEach((item) => item.load(childNames));
    this.core.stage({ count: items.length }, () => (this.items_ = items));
  }
  get items(): any[] {
    if (!this.items_) throw new Error(`PropertyNotLoaded: ${this.path}.items`);
    return this.items_;
  }
}

export class FakeTableCollection extends FakeItems<FakeTableProxy> implements Mirror<Excel.TableCollection, 'items', 'add' | 'getItem'> {
  constructor(
    core: FakeContextCore,
    private readonly sheet: FakeSheet | null,
  ) {
    super(core, sheet ? `${quoteSheet(sheet.name)}.tables` : 'workbook.tables');
  }
  protected current(): FakeTableProxy[] {
    const sheets = this.sheet ? [this.sheet] : this.core.sheets;
    return sheets.flatMap((s) => s.tables.map((t) => new FakeTableProxy(this.core, t)));
  }
  /** Excel refuses a table over another table or one without a data row. */
  add(address: Excel.Range | string, hasHeaders: boolean): FakeTableProxy {
    this.send('add', address, hasHeaders);
    const { sheet: sheetName, rect } = typeof address === 'string' ? parseAddress(address) : { sheet: undefined, rect: asRange(address, this.core).area };
    const sheet = typeof address === 'string' ? (sheetName ? sheetNamed(this.core, sheetName) : this.sheet) : asRange(address, this.core).sheet;
    if (!sheet) throw new Error('InvalidArgument: which sheet?');
    if (!hasHeaders || rect.bottom <= rect.top) throw new Error('the fake wants a header row and at least one data row');
    if (sheet.tables.some((t) => overlaps(t.rect, rect))) throw new Error('InvalidOperation: tables cannot overlap');
    if (sheet.autoFilter && overlaps(sheet.autoFilter.rect, rect)) sheet.autoFilter = null;
    const table: FakeTable = { name: `Table${nextId++}`, rect, criteria: new Map() };
    sheet.tables.push(table);
    return new FakeTableProxy(this.core, table);
  }
  getItem(key: string): FakeTableProxy {
    this.send('getItem', key);
    const table = this.current().find((t) => t.tableName === key);
    if (!table) throw new Error(`ItemNotFound: table ${key}`);
    return table;
  }
}

// ---------------------------------------------------------------------------------------------------
// Charts

export class FakeSeriesProxy extends FakeProxy implements Mirror<Excel.ChartSeries, 'name' | 'chartType' | 'axisGroup', 'setValues' | 'setXAxisValues'> {
  constructor(
    core: FakeContextCore,
    path: string,
    private readonly series: FakeSeries,
  ) {
    super(core, path);
  }
  protected read(): unknown {
    throw new Error('the fake does not read series back');
  }
  get name(): string {
    return this.loadedValue('name');
  }
  set name(name: string) {
    this.send('set name', name);
    this.series.name = name;
  }
  get chartType(): any {
    return this.loadedValue('chartType');
  }
  set chartType(type: any) {
    this.send('set chartType', type);
    this.series.chartType = type;
  }
  get axisGroup(): any {
    return this.loadedValue('axisGroup');
  }
  set axisGroup(group: any) {
    this.send('set axisGroup', group);
    this.series.axisGroup = group;
  }
  setValues(sourceData: Excel.Range): void {
    this.send('setValues', sourceData);
    this.series.values = asRange(sourceData, this.core).fullAddress;
  }
  setXAxisValues(sourceData: Excel.Range): void {
    this.send('setXAxisValues', sourceData);
    this.series.xValues = asRange(sourceData, this.core).fullAddress;
  }
}

export class FakeSeriesCollection extends FakeProxy implements Mirror<Excel.ChartSeriesCollection, never, 'add' | 'getItemAt'> {
  constructor(
    core: FakeContextCore,
    private readonly chart: FakeChart,
  ) {
    super(core, `chart(${chart.id}).series`);
  }
  protected read(): unknown {
    throw new Error('the fake does not read series back');
  }
  add(name?: string): FakeSeriesProxy {
    this.send('add', name);
    const series: FakeSeries = { name: name ?? '', values: null, xValues: null, axisGroup: 'Primary' };
    this.chart.series.push(series);
    return new FakeSeriesProxy(this.core, `${this.path}[${this.chart.series.length - 1}]`, series);
  }
  getItemAt(index: number): FakeSeriesProxy {
    this.send('getItemAt', index);
    const series = this.chart.series[index];
    if (!series) throw new Error(`ItemNotFound: series ${index}`);
    return new FakeSeriesProxy(this.core, `${this.path}[${index}]`, series);
  }
}

export class FakeChartProxy extends FakeProxy implements Mirror<Excel.Chart, 'name' | 'width' | 'height', 'setPosition' | 'delete'> {
  readonly series: FakeSeriesCollection;
  readonly title: { text: string };

  constructor(
    core: FakeContextCore,
    private readonly sheet: FakeSheet,
    private readonly chart: FakeChart,
  ) {
    super(core, `chart(${chart.id})`);
    this.series = new FakeSeriesCollection(core, chart);
    const send = (member: string, value: unknown) => this.send(member, value);
    this.title = {
      get text() {
        throw new Error('the fake does not read chart titles back');
      },
      set text(text: string) {
        send('set title.text', text);
        chart.title = text;
      },
    } satisfies Mirror<Excel.ChartTitle, 'text'>;
  }
  protected read(name: string): unknown {
    if (name === 'name') return this.chart.name;
    throw new Error(`the fake Chart cannot load ${name}`);
  }
  get name(): string {
    return this.loadedValue('name');
  }
  set name(name: string) {
    this.send('set name', name);
    this.chart.name = name;
  }
  get width(): number {
    return this.loadedValue('width');
  }
  set width(points: number) {
    this.send('set width', points);
    this.chart.width = points;
  }
  get height(): number {
    return this.loadedValue('height');
  }
  set height(points: number) {
    this.send('set height', points);
    this.chart.height = points;
  }
  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    this.send('setPosition', startCell, endCell);
    if (typeof startCell !== 'string') throw new Error('the fake positions charts by address');
    this.chart.position = formatAddress(parseAddress(startCell).rect);
  }
  delete(): void {
    this.send('delete');
    this.sheet.charts = this.sheet.charts.filter((c) => c !== this.chart);
  }
}

export class FakeChartCollection extends FakeProxy implements Mirror<Excel.ChartCollection, never, 'add'> {
  constructor(
    core: FakeContextCore,
    private readonly sheet: FakeSheet,
  ) {
    super(core, `${quoteSheet(sheet.name)}.charts`);
  }
  protected read(): unknown {
    throw new Error('the fake does not list charts');
  }
  /** One series per column of the source (seriesBy Columns), as Excel makes them. */
  add(type: Excel.ChartType | string, sourceData: Excel.Range, seriesBy?: Excel.ChartSeriesBy | 'Auto' | 'Columns' | 'Rows'): FakeChartProxy {
    this.send('add', type, sourceData, seriesBy);
    const source = asRange(sourceData, this.core);
    if (seriesBy !== 'Columns') throw new Error('the fake makes charts by columns only');
    const series: FakeSeries[] = [];
    for (let c = source.area.left; c <= source.area.right; c++) {
      const column = { ...source.area, left: c, right: c };
      series.push({ name: '', values: `${quoteSheet(source.sheet.name)}!${formatAddress(column)}`, xValues: null, axisGroup: 'Primary' });
    }
    const chart: FakeChart = { id: nextId++, name: `Chart ${nextId}`, type, title: '', position: null, width: 360, height: 216, series };
    this.sheet.charts.push(chart);
    return new FakeChartProxy(this.core, this.sheet, chart);
  }
}

// ---------------------------------------------------------------------------------------------------
// Worksheet

export class FakeFreezePanes extends FakeProxy implements Mirror<Excel.WorksheetFreezePanes, never, 'freezeRows' | 'unfreeze'> {
  constructor(
    core: FakeContextCore,
    private readonly sheet: FakeSheet,
  ) {
    super(core, `${quoteSheet(sheet.name)}.freezePanes`);
  }
  protected read(): unknown {
    throw new Error('the fake does not read panes back');
  }
  freezeRows(count?: number): void {
    this.send('freezeRows', count);
    this.sheet.frozenRows = count ?? 0;
  }
  unfreeze(): void {
    this.send('unfreeze');
    this.sheet.frozenRows = 0;
  }
}

export class FakeAutoFilter extends FakeProxy implements Mirror<Excel.AutoFilter, never, 'apply' | 'clearCriteria' | 'remove'> {
  constructor(
    core: FakeContextCore,
    private readonly sheet: FakeSheet,
  ) {
    super(core, `${quoteSheet(sheet.name)}.autoFilter`);
  }
  protected read(): unknown {
    throw new Error('the fake does not read filters back');
  }
  /** Excel refuses a sheet filter over a table (tables have their own). */
  apply(range: Excel.Range | string, columnIndex?: number, criteria?: Excel.FilterCriteria): void {
    this.send('apply', range, columnIndex, criteria);
    const rect = typeof range === 'string' ? parseAddress(range).rect : asRange(range, this.core).area;
    if (this.sheet.tables.some((t) => overlaps(t.rect, rect))) throw new Error('InvalidOperation: the range is in a table');
    const current = this.sheet.autoFilter;
    const sameRange = current && formatAddress(current.rect) === formatAddress(rect);
    this.sheet.autoFilter = { rect, criteria: sameRange ? current.criteria : new Map() };
    if (columnIndex !== undefined && criteria) {
      if (criteria.filterOn !== 'Values') throw new Error('the fake filters on values only');
      this.sheet.autoFilter.criteria.set(columnIndex, { ...criteria });
    }
  }
  clearCriteria(): void {
    this.send('clearCriteria');
    if (this.sheet.autoFilter) this.sheet.autoFilter.criteria = new Map();
  }
  remove(): void {
    this.send('remove');
    this.sheet.autoFilter = null;
  }
}

export class FakeWorksheet
  extends FakeProxy
  implements
    Mirror<
      Excel.Worksheet,
      'name' | 'visibility' | 'position' | 'tabColor',
      'getRange' | 'getRangeByIndexes' | 'getUsedRangeOrNullObject' | 'activate' | 'delete'
    >
{
  readonly freezePanes: FakeFreezePanes;
  readonly autoFilter: FakeAutoFilter;
  readonly tables: FakeTableCollection;
  readonly charts: FakeChartCollection;

  constructor(
    core: FakeContextCore,
    readonly sheet: FakeSheet,
  ) {
    super(core, quoteSheet(sheet.name));
    this.freezePanes = new FakeFreezePanes(core, sheet);
    this.autoFilter = new FakeAutoFilter(core, sheet);
    this.tables = new FakeTableCollection(core, sheet);
    this.charts = new FakeChartCollection(core, sheet);
  }

  protected read(name: string): unknown {
    switch (name) {
      case 'name':
        return this.sheet.name;
      case 'visibility':
        return this.sheet.visibility;
      case 'position':
        return this.core.sheets.indexOf(this.sheet);
      case 'tabColor':
        return this.sheet.tabColor;
    }
    throw new Error(`the fake Worksheet cannot load ${name}`);
  }

  get name(): string {
    return this.loadedValue('name');
  }
  set name(name: string) {
    this.send('set name', name);
    if (this.core.sheets.some((s) => s !== this.sheet && s.name.toLowerCase() === name.toLowerCase())) throw new Error(`InvalidArgument: a sheet named ${name} exists`);
    refuseBadSheetName(name);
    this.sheet.name = name;
  }
  get visibility(): any {
    return this.loadedValue('visibility');
  }
  set visibility(visibility: any) {
    this.send('set visibility', visibility);
    this.sheet.visibility = visibility;
  }
  get position(): number {
    return this.loadedValue('position');
  }
  set position(position: number) {
    this.send('set position', position);
    const sheets = this.core.sheets;
    sheets.splice(sheets.indexOf(this.sheet), 1);
    sheets.splice(position, 0, this.sheet);
  }
  get tabColor(): string {
    return this.loadedValue('tabColor');
  }
  set tabColor(colour: string) {
    this.send('set tabColor', colour);
    this.sheet.tabColor = colour;
  }

  getRange(address?: string): FakeRange {
    this.send('getRange', address);
    if (address === undefined) return new FakeRange(this.core, this.sheet, { top: 1, left: 1, bottom: 1048576, right: MAX_COLUMNS });
    const parsed = parseAddress(address);
    if (parsed.sheet && parsed.sheet !== this.sheet.name) throw new Error('InvalidArgument: address on another sheet');
    return new FakeRange(this.core, this.sheet, parsed.rect);
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): FakeRange {
    this.send('getRangeByIndexes', startRow, startColumn, rowCount, columnCount);
    if (rowCount < 1 || columnCount < 1) throw new Error('InvalidArgument: empty range');
    return new FakeRange(this.core, this.sheet, { top: startRow + 1, left: startColumn + 1, bottom: startRow + rowCount, right: startColumn + columnCount });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.send('getUsedRangeOrNullObject', valuesOnly);
    if (!valuesOnly) throw new Error('the fake only knows the used range of values');
    const { rows, columns } = usedExtent(this.sheet);
    return new FakeRange(this.core, this.sheet, rows ? { top: 1, left: 1, bottom: rows, right: columns } : null);
  }
  activate(): void {
    this.send('activate');
  }
  /** Excel refuses to delete the last visible sheet. */
  delete(): void {
    this.send('delete');
    const sheets = this.core.sheets;
    if (sheets.filter((s) => s !== this.sheet && s.visibility === 'Visible').length === 0) throw new Error('InvalidOperation: cannot delete the last visible sheet');
    sheets.splice(sheets.indexOf(this.sheet), 1);
  }
}

export class FakeWorksheetCollection
  extends FakeItems<FakeWorksheet>
  implements Mirror<Excel.WorksheetCollection, 'items', 'add' | 'getItem'>
{
  readonly onChanged: FakeEventHandlers<'onChanged'>;
  readonly onAdded: FakeEventHandlers<'onAdded'>;
  readonly onDeleted: FakeEventHandlers<'onDeleted'>;
  readonly onNameChanged: FakeEventHandlers<'onNameChanged'>;

  constructor(core: FakeContextCore) {
    super(core, 'workbook.worksheets');
    this.onChanged = new FakeEventHandlers(core, 'onChanged');
    this.onAdded = new FakeEventHandlers(core, 'onAdded');
    this.onDeleted = new FakeEventHandlers(core, 'onDeleted');
    this.onNameChanged = new FakeEventHandlers(core, 'onNameChanged');
  }
  protected current(): FakeWorksheet[] {
    return this.core.sheets.map((s) => new FakeWorksheet(this.core, s));
  }
  add(name?: string): FakeWorksheet {
    this.send('add', name);
    if (!name) throw new Error('the fake wants a name');
    if (this.core.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`ItemAlreadyExists: ${name}`);
    refuseBadSheetName(name);
    const sheet = newSheet(name);
    this.core.sheets.push(sheet);
    return new FakeWorksheet(this.core, sheet);
  }
  getItem(key: string): FakeWorksheet {
    this.send('getItem', key);
    return new FakeWorksheet(this.core, sheetNamed(this.core, key));
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly tables: FakeTableCollection;

  constructor(core: FakeContextCore) {
    this.worksheets = new FakeWorksheetCollection(core);
    this.tables = new FakeTableCollection(core, null);
  }
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;

  constructor(readonly core: FakeContextCore) {
    this.workbook = new FakeWorkbook(core);
  }

  sync(): Promise<void> {
    return this.core.sync();
  }
}
