/**
 * A fast reader of a worksheet's `<sheetData>` (and of the shared strings), straight from the XML text,
 * for big workbooks: ExcelJS's streaming reader builds a Row and a Cell object (and a style object) per
 * cell, which for 100,000 rows × 25 columns costs more time in garbage collection than the reading itself.
 *
 * It reads what a cell holds in the .xlsx format (ECMA-376 part 1, §18.3.1.4 `c`): its type `t` (s shared
 * string, inlineStr, str formula text, b boolean, e error, d ISO date, n or none a number), its style
 * `s`, its formula `<f>` (including the followers of a shared formula, whose text is derived from the
 * master's), its value `<v>`; and which rows are hidden.
 */
import type { MemorySheet } from '../workbook/memory';
import { cellA1, setGridCell } from '../workbook/memory';
import type { CellValue } from '../workbook/snapshot';
import { decodeXml } from './package';
import { serialToDate } from '../workbook/serial';

/** What the reader needs to know about a cell style (by its index `s`). */
export interface CellStyleInfo {
  numFmt?: string;
  fill?: string;
  rest?: unknown;
  isDate: boolean;
}

export interface SheetDataContext {
  sharedStrings: string[];
  style(index: number): CellStyleInfo;
  date1904: boolean;
  /** Shifts a shared formula's relative references from the master cell to another one. */
  slideFormula(formula: string, from: string, to: string): string;
}

const ROW_R_ATTR = /\sr="(\d+)"/;
const HIDDEN_ATTR = /\shidden="(?:1|true)"/;
const F_ELEMENT = /<f\b([^>]*?)(?:\/>|>([^<]*)<\/f>)/;
const IS_ELEMENT = /<is>([\s\S]*?)<\/is>/;
const SI_ATTR = /\ssi="(\d+)"/;
const SHARED = /\st="shared"/;

const SLASH = 0x2f;
const GT = 0x3e;
const APOSTROPHE = 0x27;
const LETTER_A = 0x41;
const LETTER_Z = 0x5a;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

function text(raw: string): string {
  return raw.includes('&') ? decodeXml(raw) : raw;
}

/** The text of a string item (`<si>` or `<is>`): its `<t>` runs, without phonetic guides (`<rPh>`). */
function stringItem(xml: string): string {
  const body = xml.includes('<rPh') ? xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : xml;
  let out = '';
  for (const m of body.matchAll(/<t\b[^>]*?(?:\/>|>([^<]*)<\/t>)/g)) out += m[1] ?? '';
  return text(out).replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The shared strings, in order. Most items are one plain run, `<si><t>…</t></si>`: those are cut out with
 * indexOf; any other item (rich text, phonetic guides, an escaped character) goes through `stringItem`.
 */
export function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let at = 0;
  for (;;) {
    const open = xml.indexOf('<si', at);
    if (open < 0) break;
    const next = xml.charCodeAt(open + 3);
    if (next === SLASH) {
      strings.push('');
      at = open + 5;
      continue;
    }
    if (next !== GT) {
      at = open + 3;
      continue;
    }
    const close = xml.indexOf('</si>', open + 4);
    if (close < 0) break;
    at = close + 5;
    const plainEnd = close - 4;
    if (xml.startsWith('<t>', open + 4) && xml.startsWith('</t>', plainEnd)) {
      const plain = xml.slice(open + 7, plainEnd);
      if (!/[<&_]/.test(plain)) {
        strings.push(plain);
        continue;
      }
    }
    strings.push(stringItem(xml.slice(open + 4, close)));
  }
  return strings;
}


/** Whether the tag opened at `open` is named `name`: the name is followed by a space, `>` or `/`. */
function isTag(xml: string, open: number, name: string): boolean {
  if (!xml.startsWith(name, open + 1)) return false;
  const next = xml.charCodeAt(open + 1 + name.length);
  return next === GT || next === SLASH || next <= 0x20;
}

/** What a cell's start tag says: its column (from `r`, else the one after the last), style index and type. */
interface CellTag {
  column: number;
  style: number;
  type: string;
}

/**
 * Reads the attributes of a `<c …>` tag between `from` and `end` (the tag's `>` or `/>`) by hand: three
 * regular expressions per cell cost more than the rest of reading a cell. Values stay undecoded: `r`, `s`
 * and `t` are letters and digits.
 */
function readCellTag(xml: string, from: number, end: number, previousColumn: number, tag: CellTag): void {
  tag.column = previousColumn + 1;
  tag.style = -1;
  tag.type = 'n';
  let at = from;
  while (at < end) {
    const equals = xml.indexOf('=', at);
    if (equals < 0 || equals >= end) return;
    const quote = xml.charCodeAt(equals + 1) === APOSTROPHE ? "'" : '"';
    const valueStart = equals + 2;
    const valueEnd = xml.indexOf(quote, valueStart);
    if (valueEnd < 0 || valueEnd >= end) return;
    // A one-letter name: the character before `=`, with a space before it.
    if (xml.charCodeAt(equals - 2) <= 0x20) {
      const name = xml.charCodeAt(equals - 1);
      if (name === 0x72 /* r */) tag.column = referenceColumn(xml, valueStart, valueEnd) || tag.column;
      else if (name === 0x73 /* s */) tag.style = wholeNumber(xml, valueStart, valueEnd);
      else if (name === 0x74 /* t */) tag.type = xml.slice(valueStart, valueEnd);
    }
    at = valueEnd + 1;
  }
}

/**
 * The whole number written in digits between `from` and `end`, read without cutting it out; -1 when it
 * is empty, not all digits, or too long to be exact.
 */
function wholeNumber(xml: string, from: number, end: number): number {
  if (end <= from || end - from > 15) return -1;
  let n = 0;
  for (let at = from; at < end; at++) {
    const c = xml.charCodeAt(at);
    if (c < DIGIT_0 || c > DIGIT_9) return -1;
    n = n * 10 + (c - DIGIT_0);
  }
  return n;
}

/** The column of a cell reference like `AB12` between `from` and `end`; 0 when it is not letters then digits. */
function referenceColumn(xml: string, from: number, end: number): number {
  let column = 0;
  let at = from;
  for (; at < end; at++) {
    const c = xml.charCodeAt(at);
    if (c < LETTER_A || c > LETTER_Z) break;
    column = column * 26 + (c - LETTER_A + 1);
  }
  if (at === end) return 0;
  for (let digit = at; digit < end; digit++) {
    const c = xml.charCodeAt(digit);
    if (c < DIGIT_0 || c > DIGIT_9) return 0;
  }
  return column;
}

/**
 * One layer of the rows being read: a row's cells are gathered, then put into the layer as an array of
 * just their length (an array grown cell by cell has room for 16 or more; a million cells were tens of
 * megabytes more for the browser's collector to copy while the sheet was read). In a style layer
 * (formats, fills, host styles, `shareRepeats`) a row whose cells are those of the row read before it
 * gets that row, frozen and shared (`setGridCell` copies a frozen row before a write): the 150,000 rows
 * of an orders sheet have one date format in one column.
 */
class LayerRows<T> {
  private readonly current: (T | undefined)[] = [];
  private previous: readonly (T | undefined)[] | null = null;

  constructor(
    private readonly grid: (T | undefined)[][],
    private readonly shareRepeats: boolean,
  ) {}

  set(column: number, value: T): void {
    this.current[column - 1] = value;
  }

  /** Puts the row read into the layer as row `row` (1-based). */
  end(row: number): void {
    const current = this.current;
    if (current.length === 0) return;
    const cells = current.slice();
    current.length = 0;
    if (this.grid[row - 1] !== undefined) {
      // The row was read before (a file that repeats a row number): its cells are added to it.
      cells.forEach((value, k) => value !== undefined && setGridCell(this.grid, row, k + 1, value));
      return;
    }
    if (!this.shareRepeats) {
      this.grid[row - 1] = cells;
      return;
    }
    const previous = this.previous;
    if (previous !== null && sameCells(previous, cells)) {
      this.grid[row - 1] = previous as (T | undefined)[];
      return;
    }
    this.grid[row - 1] = Object.freeze(cells) as (T | undefined)[];
    this.previous = cells;
  }
}

function sameCells<T>(a: readonly (T | undefined)[], b: readonly (T | undefined)[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * Reads the cells of `<sheetData>…</sheetData>` into the sheet's layers. The tags are found with indexOf,
 * not one regular expression over the whole text: a million cells made a million match arrays and
 * bodies. The dates of one serial are one Date: cells are values nobody changes in place, and a
 * snapshot copies each distinct Date once, so 150,000 order dates over three years are 1,100 objects.
 */
export function readSheetData(xml: string, sheet: MemorySheet, context: SheetDataContext): void {
  const masters = new Map<string, { formula: string; address: string }>();
  const dates = new Map<number, Date>();
  const dateOf = (serial: number): Date => {
    let date = dates.get(serial);
    if (date === undefined) dates.set(serial, (date = serialToDate(serial, context.date1904)));
    return date;
  };
  const tag: CellTag = { column: 0, style: -1, type: 'n' };
  const values = new LayerRows(sheet.values, false);
  const formats = new LayerRows(sheet.formats, true);
  const fills = new LayerRows(sheet.fills, true);
  const hostStyles = new LayerRows(sheet.hostStyles, true);
  const endRow = () => {
    values.end(row);
    formats.end(row);
    fills.end(row);
    hostStyles.end(row);
  };
  let row = 0;
  let column = 0;
  let at = 0;
  for (;;) {
    const open = xml.indexOf('<', at);
    if (open < 0) break;
    const isRow = isTag(xml, open, 'row');
    if (!isRow && !isTag(xml, open, 'c')) {
      at = open + 1;
      continue;
    }
    const close = xml.indexOf('>', open);
    if (close < 0) break;
    const selfClosing = xml.charCodeAt(close - 1) === SLASH;
    const attributesEnd = selfClosing ? close - 1 : close;
    at = close + 1;
    if (isRow) {
      endRow();
      const attributes = xml.slice(open + 4, attributesEnd);
      const r = ROW_R_ATTR.exec(attributes);
      row = r ? Number(r[1]) : row + 1;
      column = 0;
      if (HIDDEN_ATTR.test(attributes)) sheet.hiddenRows.add(row);
      continue;
    }
    readCellTag(xml, open + 2, attributesEnd, column, tag);
    column = tag.column;
    const style = tag.style >= 0 ? context.style(tag.style) : undefined;
    if (style?.numFmt) formats.set(column, style.numFmt);
    if (style?.fill) fills.set(column, style.fill);
    if (style?.rest) hostStyles.set(column, style.rest);
    if (selfClosing) continue;
    const bodyEnd = xml.indexOf('</c>', at);
    if (bodyEnd < 0) break;
    const bodyStart = at;
    at = bodyEnd + 4;
    if (bodyEnd === bodyStart) continue;

    // A cell's formula comes first in it (ECMA-376 CT_Cell: f, v, is), after any indentation.
    let first = bodyStart;
    while (first < bodyEnd && xml.charCodeAt(first) <= 0x20) first++;
    if (xml.startsWith('<f', first)) readFormula(xml.slice(bodyStart, bodyEnd), row, column);
    const type = tag.type;
    let value: CellValue = null;
    if (type === 'inlineStr') {
      const is = IS_ELEMENT.exec(xml.slice(bodyStart, bodyEnd));
      value = is ? stringItem(is[1]) : null;
    } else {
      const v = xml.indexOf('<v>', bodyStart);
      const vEnd = v >= 0 && v < bodyEnd ? xml.indexOf('<', v + 3) : -1;
      // An empty <v> (a formula never calculated, as openpyxl writes it) is no value, not zero.
      if (vEnd > v + 3 && xml.startsWith('</v>', vEnd)) {
        // Shared-string indices and whole numbers (counts, date serials) are read in place; the rest is cut out.
        const whole = wholeNumber(xml, v + 3, vEnd);
        const raw = whole >= 0 && (type === 's' || type === 'n') ? '' : xml.slice(v + 3, vEnd);
        switch (type) {
          case 's':
            value = context.sharedStrings[whole >= 0 ? whole : Number(raw)] ?? null;
            break;
          case 'str':
          case 'e':
            value = text(raw);
            break;
          case 'b':
            value = raw === '1' || raw === 'true';
            break;
          case 'd':
            value = new Date(raw);
            break;
          default: {
            const n = whole >= 0 && type === 'n' ? whole : Number(raw);
            value = style?.isDate ? dateOf(n) : n;
          }
        }
      }
    }
    if (value !== null && value !== '') values.set(column, value);
  }
  endRow();

  /** A cell's formula; the followers of a shared formula get the master's, slid to their own cell. */
  function readFormula(body: string, row: number, column: number): void {
    const f = F_ELEMENT.exec(body);
    if (!f) return;
    const address = cellA1(row, column);
    let formula = f[2] ? text(f[2]) : '';
    if (SHARED.test(f[1])) {
      const si = SI_ATTR.exec(f[1])?.[1] ?? '';
      if (formula) masters.set(si, { formula, address });
      else {
        const master = masters.get(si);
        if (master) formula = context.slideFormula(master.formula, master.address, address);
      }
    }
    if (formula) setGridCell(sheet.formulas, row, column, formula);
  }
}
