/**
 * The plan language interpreted over in-memory sheets: the reference semantics of every SheetOperation.
 * Every gateway must leave its host in the state this computes for the same operations (the contract
 * suite in test/contract checks it). Where operations.ts is silent, the rule chosen here is written next
 * to the code that implements it, and the other gateways follow it. The row operations are in
 * row-operations.ts.
 */
import type {
  AddChart,
  ApplyFilter,
  ColourCells,
  EnsureSheet,
  FormatSheet,
  HighlightRows,
  SetValidation,
  SheetOperation,
  ValidationRule,
  WriteColumns,
  WriteTable,
} from './operations';
import type { ConditionalFormatState, ValidationState } from './state';
import type { CellValue } from './snapshot';
import { columnLetter } from './a1';
import { formatRange, parseRange, subtractRect, type Rect } from './ranges';
import { applyAppendRows, applyDeleteRows, applyInsertRows, frozenFormatsRow } from './row-operations';
import { cellText, copyPlain, emptySheet, getLayer, lastUsedColumn, lastUsedRow, setLayer, usedRange, writeCell, type MemorySheet } from './memory-sheet';

function ensureSheet(sheets: MemorySheet[], name: string): MemorySheet {
  let sheet = sheets.find((s) => s.name === name);
  if (!sheet) {
    sheet = emptySheet(name);
    sheets.push(sheet);
  }
  return sheet;
}

function existingSheet(sheets: MemorySheet[], name: string, op: SheetOperation): MemorySheet {
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`${op.kind}: no sheet named «${name}»`);
  return sheet;
}

/** Only creates; an existing sheet (its header included) is left exactly as it is. */
function applyEnsureSheet(sheets: MemorySheet[], op: EnsureSheet): void {
  if (sheets.some((s) => s.name === op.sheet)) return;
  const sheet = ensureSheet(sheets, op.sheet);
  sheet.tabColour = op.tabColour;
  op.header?.forEach((h, i) => writeCell(sheet, 1, i + 1, h));
}

/**
 * The block is header.length columns wide (wider where a row is longer) and rows.length + 1 high; cells of
 * the block a short row does not reach are cleared. A missing sheet is created. The table or autofilter
 * range covers the header and the data rows, and at least one data row (Excel tables need one).
 * freezeHeader freezes the rows down to the header row. Column widths are a host concern, kept but not
 * part of SheetState.
 */
function applyWriteTable(sheets: MemorySheet[], op: WriteTable): void {
  let sheet = ensureSheet(sheets, op.sheet);
  if (op.replace) {
    const fresh = emptySheet(op.sheet);
    fresh.tabColour = sheet.tabColour;
    fresh.hidden = sheet.hidden;
    sheets[sheets.indexOf(sheet)] = fresh;
    sheet = fresh;
  }
  const top = op.anchor?.row ?? 1;
  const left = op.anchor?.column ?? 1;
  const width = op.rows.reduce((w, r) => Math.max(w, r.length), op.header.length);
  op.header.forEach((h, j) => writeCell(sheet, top, left + j, h));
  // The data rows' formats are one frozen row, shared by every row that has none yet (`setGridCell`
  // copies a frozen row before a write); a row not there yet is made whole, at its width. Cell by cell,
  // each of a result sheet's 20,000 rows was two arrays grown from empty, all of it kept, and so copied
  // by the collector while «Всё сразу» ran.
  const formats = frozenFormatsRow(op.numberFormats ?? [], left);
  op.rows.forEach((row, i) => {
    const r = top + 1 + i;
    if (sheet.values[r - 1] === undefined && sheet.formulas[r - 1] === undefined) {
      const cells = new Array<CellValue>(left - 1 + width);
      for (let j = 0; j < width; j++) cells[left - 1 + j] = row[j] === undefined ? null : row[j];
      sheet.values[r - 1] = cells;
    } else {
      for (let j = 0; j < width; j++) writeCell(sheet, r, left + j, row[j] === undefined ? null : row[j]);
    }
    if (formats === null) return;
    if (sheet.formats[r - 1] === undefined) sheet.formats[r - 1] = formats;
    else formats.forEach((format, k) => format !== undefined && setLayer(sheet, 'formats', r, k + 1, format));
  });
  if (op.headerFill) for (let j = 0; j < op.header.length; j++) setLayer(sheet, 'fills', top, left + j, op.headerFill);
  op.columnWidths?.forEach((w, j) => {
    if (w !== null) sheet.columnWidths.set(left + j, w);
  });
  op.hiddenColumns?.forEach((hidden, j) => {
    if (hidden) sheet.hiddenColumns.add(left + j);
  });
  if (op.freezeHeader) sheet.frozenRows = top;
  const block = formatRange({ top, left, bottom: top + Math.max(op.rows.length, 1), right: left + Math.max(op.header.length, 1) - 1 });
  if (op.table) setTable(sheet, op.table.name, block);
  else if (op.autoFilter) sheet.autoFilter = block;
}

/** A table of the same name is replaced (table names are unique in a workbook, and reruns reuse them). */
function setTable(sheet: MemorySheet, name: string, range: string): void {
  sheet.tables = sheet.tables.filter((t) => t.name !== name);
  sheet.tables.push({ name, range });
}

/** numberFormat applies to the cells written (an `undefined` value leaves its cell alone entirely). */
function applyWriteColumns(sheet: MemorySheet, op: WriteColumns): void {
  const headerRow = op.headerRow ?? 1;
  for (const column of op.columns) {
    if (column.header !== undefined) writeCell(sheet, headerRow, column.column, column.header);
    column.values.forEach((value, i) => {
      if (value === undefined) return;
      const row = headerRow + 1 + i;
      writeCell(sheet, row, column.column, value);
      if (column.numberFormat) setLayer(sheet, 'formats', row, column.column, column.numberFormat);
    });
  }
}

/** Custom formulas are kept without a leading `=` (the form .xlsx stores and every host accepts). */
function canonicalRule(rule: ValidationRule): ValidationRule {
  if (rule.type === 'custom') return { type: 'custom', formula: rule.formula.replace(/^=/, '') };
  return copyPlain(rule);
}

/** The new rule wins on its cells; the parts of older rules outside them stay (as in Excel). */
function applySetValidation(sheet: MemorySheet, op: SetValidation): void {
  const target: Rect = { top: op.fromRow, bottom: op.toRow, left: op.column, right: op.column };
  const outside = <T extends { range: string }>(items: T[]): T[] =>
    items.flatMap((v) => subtractRect(parseRange(v.range), target).map((rect) => ({ ...v, range: formatRange(rect) })));
  sheet.validations = outside(sheet.validations);
  sheet.hostValidations = outside(sheet.hostValidations);
  const validation: ValidationState = { range: formatRange(target), rule: canonicalRule(op.rule), strict: op.strict };
  if (op.errorMessage) validation.errorMessage = op.errorMessage;
  if (op.prompt) validation.prompt = op.prompt;
  sheet.validations.push(validation);
}

/**
 * A rule set over the column's rows; with wholeRow it covers columns A..last used column and records the
 * tested column in `testColumn`. Earlier rules on exactly the same range are replaced.
 */
function applyColourCells(sheet: MemorySheet, op: ColourCells): void {
  const range = op.wholeRow
    ? formatRange({ top: op.fromRow, bottom: op.toRow, left: 1, right: Math.max(lastUsedColumn(sheet), op.column) })
    : formatRange({ top: op.fromRow, bottom: op.toRow, left: op.column, right: op.column });
  const testColumn = op.wholeRow ? columnLetter(op.column) : undefined;
  sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !(cf.range === range && cf.testColumn === testColumn));
  const state: ConditionalFormatState = { range, rules: op.rules.map((r) => ({ ...r, when: { ...r.when } })) };
  if (testColumn) state.testColumn = testColumn;
  sheet.conditionalFormats.push(state);
}

/** Static fill on columns A..last used column of each row. */
function applyHighlightRows(sheet: MemorySheet, op: HighlightRows): void {
  const right = Math.max(lastUsedColumn(sheet), 1);
  for (const row of op.rows) for (let c = 1; c <= right; c++) setLayer(sheet, 'fills', row, c, op.fill);
}

/**
 * Freeze rows 1..headerRow; filter or table over the used columns from the header row to the last used
 * row, at least two rows high.
 */
function applyFormatSheet(sheet: MemorySheet, op: FormatSheet): void {
  const headerRow = op.headerRow ?? 1;
  if (op.freezeHeader) sheet.frozenRows = headerRow;
  const used = usedRange(sheet);
  const range = formatRange({ ...used, top: headerRow, bottom: Math.max(used.bottom, headerRow + 1) });
  if (op.table) setTable(sheet, op.table.name, range);
  else if (op.autoFilter) sheet.autoFilter = range;
  for (const f of op.columnFormats ?? []) for (let r = f.fromRow; r <= f.toRow; r++) setLayer(sheet, 'formats', r, f.column, f.format);
  for (const w of op.columnWidths ?? []) sheet.columnWidths.set(w.column, w.width);
}

function applyAddChart(sheet: MemorySheet, op: AddChart): void {
  sheet.charts.push(copyPlain(op.chart));
}

/**
 * Hides the data rows (2..last used row) whose cell in the column, as text (see cellText), is not one of
 * the values, and shows the others: the filter replaces whatever was hidden before. `''` selects blanks.
 */
function applyFilter(sheet: MemorySheet, op: ApplyFilter): void {
  const wanted = new Set(op.values);
  sheet.hiddenRows = new Set();
  for (let r = (op.headerRow ?? 1) + 1; r <= lastUsedRow(sheet); r++) {
    if (!wanted.has(cellText(getLayer(sheet, 'values', r, op.column)))) sheet.hiddenRows.add(r);
  }
}

export function applyOperation(sheets: MemorySheet[], op: SheetOperation): void {
  switch (op.kind) {
    case 'ensureSheet':
      return applyEnsureSheet(sheets, op);
    case 'writeTable':
      return applyWriteTable(sheets, op);
    case 'writeColumns':
      return applyWriteColumns(existingSheet(sheets, op.sheet, op), op);
    case 'appendRows':
      return applyAppendRows(existingSheet(sheets, op.sheet, op), op);
    case 'insertRows':
      return applyInsertRows(existingSheet(sheets, op.sheet, op), op);
    case 'deleteRows':
      return applyDeleteRows(existingSheet(sheets, op.sheet, op), op);
    case 'setValidation':
      return applySetValidation(existingSheet(sheets, op.sheet, op), op);
    case 'colourCells':
      return applyColourCells(existingSheet(sheets, op.sheet, op), op);
    case 'highlightRows':
      return applyHighlightRows(existingSheet(sheets, op.sheet, op), op);
    case 'formatSheet':
      return applyFormatSheet(existingSheet(sheets, op.sheet, op), op);
    case 'addChart':
      return applyAddChart(existingSheet(sheets, op.sheet, op), op);
    case 'applyFilter':
      return applyFilter(existingSheet(sheets, op.sheet, op), op);
    case 'clearFilter':
      existingSheet(sheets, op.sheet, op).hiddenRows = new Set();
      return;
  }
}
