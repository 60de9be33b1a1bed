/**
 * A fast reader of a worksheet's `<sheetData>` (and of the shared strings), straight from the XML text,
 * for big workbooks: ExcelJS's streaming reader builds a Row and a Cell object (and a style object) per
 * cell, which for 100,000 rows × 25 columns costs more time in garbage collection than the reading itself.
 *
 * It reads what a cell holds in the .xlsx format (ECMA-376 part 1, §18.3.1.4 `c`): its type `t` (s shared
 * string, inlineStr, str formula text, b boolean, e error, d ISO date, n or none a number), its style
 * `s`, its formula `<f>` (including the followers of a shared formula, whose text is derived from the
 * master's), its value `<v>`; and which rows are hidden.
 *
 * The cells are read from the part's bytes (UTF-8), not from its decoded text: the tags, indices and
 * plain decimals are ASCII, so only a value that is text (a formula, a `str` or inline string, a number in
 * exponent form) is decoded. The page's 20,000-client file (an orders sheet of 150,000 rows, 36 MB of XML,
 * and its decoding alone took 0.11 s) reads in 1.84–2.01 s, against 2.32–2.60 s from the text.
 */
import type { MemorySheet } from '../workbook/memory';
import { cellA1, setGridCell } from '../workbook/memory';
import type { CellValue } from '../workbook/snapshot';
import { decodeXml } from './package';
import { serialToDate } from '../workbook/serial';
import { holdsText, indexOfText, nextByte } from './ascii-bytes';

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

const F_ELEMENT = /<f\b([^>]*?)(?:\/>|>([^<]*)<\/f>)/;
const IS_ELEMENT = /<is>([\s\S]*?)<\/is>/;
const SI_ATTR = /\ssi="(\d+)"/;
const SHARED = /\st="shared"/;

const SLASH = 0x2f;
const LT = 0x3c;
const GT = 0x3e;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const AMPERSAND = 0x26;
const UNDERSCORE = 0x5f;
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


const UTF8 = new TextDecoder();

/** The text of the bytes from `from` to `to`. */
function textOf(data: Uint8Array, from: number, to: number): string {
  return UTF8.decode(data.subarray(from, to));
}

/** Whether the tag opened at `open` is named `name`: the name is followed by a space, `>` or `/`. */
function isTag(data: Uint8Array, open: number, name: string): boolean {
  if (!holdsText(data, open + 1, name)) return false;
  const next = data[open + 1 + name.length];
  return next === GT || next === SLASH || next <= 0x20;
}

/**
 * The text of an inline string that is one plain run, `<is><t>…</t></is>` from `from` to `end` (the cell's
 * `</c>`, after any indentation), as our writer and most others write one; null for anything else (rich
 * text, an attribute, an escaped character), which `stringItem` reads.
 */
function plainInlineString(data: Uint8Array, from: number, end: number): string | null {
  if (!holdsText(data, from, '<is><t>')) return null;
  const start = from + '<is><t>'.length;
  const close = nextByte(data, LT, start);
  if (close < 0 || close > end || !holdsText(data, close, '</t></is>')) return null;
  for (let at = start; at < close; at++) if (data[at] === AMPERSAND || data[at] === UNDERSCORE) return null;
  return textOf(data, start, close);
}

/** The cell types of ECMA-376 (ST_CellType), as the strings the reader compares with. */
const CELL_TYPES = ['s', 'n', 'str', 'b', 'e', 'd', 'inlineStr'];

/** A cell's type `t` written between `from` and `end`: one of CELL_TYPES without making a string, else its text. */
function cellType(data: Uint8Array, from: number, end: number): string {
  for (const type of CELL_TYPES) if (type.length === end - from && holdsText(data, from, type)) return type;
  return textOf(data, from, end);
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
function readCellTag(data: Uint8Array, from: number, end: number, previousColumn: number, tag: CellTag): void {
  tag.column = previousColumn + 1;
  tag.style = -1;
  tag.type = 'n';
  eachAttribute(data, from, end, (equals, valueStart, valueEnd) => {
    // A one-letter name: the character before `=`, with a space before it.
    if (data[equals - 2] > 0x20) return;
    const name = data[equals - 1];
    if (name === 0x72 /* r */) tag.column = referenceColumn(data, valueStart, valueEnd) || tag.column;
    else if (name === 0x73 /* s */) tag.style = wholeNumber(data, valueStart, valueEnd);
    else if (name === 0x74 /* t */) tag.type = cellType(data, valueStart, valueEnd);
  });
}

/**
 * Calls `visit` with each attribute of a tag between `from` and `end`: where its `=` is, and where its
 * quoted value starts and ends. The name is the text before `=` (attribute values are quoted, so an `=`
 * inside one is skipped with it).
 */
function eachAttribute(data: Uint8Array, from: number, end: number, visit: (equals: number, valueStart: number, valueEnd: number) => void): void {
  let at = from;
  while (at < end) {
    const equals = nextByte(data, EQUALS, at);
    if (equals < 0 || equals >= end) return;
    const quote = data[equals + 1] === APOSTROPHE ? APOSTROPHE : QUOTE;
    const valueStart = equals + 2;
    const valueEnd = nextByte(data, quote, valueStart);
    if (valueEnd < 0 || valueEnd >= end) return;
    visit(equals, valueStart, valueEnd);
    at = valueEnd + 1;
  }
}

/** What a `<row …>` tag says: its number (0 when it has none) and whether it is hidden (`hidden="1"` or `"true"`). */
function readRowTag(data: Uint8Array, from: number, end: number): { row: number; hidden: boolean } {
  const tag = { row: 0, hidden: false };
  eachAttribute(data, from, end, (equals, valueStart, valueEnd) => {
    if (data[equals - 1] === 0x72 /* r */ && data[equals - 2] <= 0x20) tag.row = Math.max(0, wholeNumber(data, valueStart, valueEnd));
    else if (holdsText(data, equals - 6, 'hidden') && data[equals - 7] <= 0x20) tag.hidden = isTrue(data, valueStart, valueEnd);
  });
  return tag;
}

/** Whether the bytes from `from` to `end` say true as XML Schema writes it: `1` or `true`. */
function isTrue(data: Uint8Array, from: number, end: number): boolean {
  return (end - from === 1 && data[from] === DIGIT_0 + 1) || (end - from === 4 && holdsText(data, from, 'true'));
}

/** The largest power of ten a double holds exactly (10²²): a decimal with a shorter fraction divides exactly. */
const EXACT_POWERS = 22;

/**
 * The number written in plain decimal digits between `from` and `end` (`-2025`, `16050.5`), read without
 * decoding it; null for anything else (an exponent, spaces, over 15 digits), which `Number` reads from the
 * text. Up to 15 digits and 10²² are exact doubles, so their quotient is the double nearest the decimal:
 * the number `Number` gives.
 */
function decimalNumber(data: Uint8Array, from: number, end: number): number | null {
  let at = from;
  const negative = data[at] === 0x2d; /* - */
  if (negative) at++;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (; at < end; at++) {
    const c = data[at];
    if (c >= DIGIT_0 && c <= DIGIT_9) {
      mantissa = mantissa * 10 + (c - DIGIT_0);
      digits++;
      if (fraction >= 0) fraction++;
    } else if (c === 0x2e /* . */ && fraction < 0) fraction = 0;
    else return null;
  }
  if (digits === 0 || digits > 15 || fraction > EXACT_POWERS) return null;
  const value = fraction > 0 ? mantissa / 10 ** fraction : mantissa;
  return negative ? -value : value;
}

/**
 * The whole number written in digits between `from` and `end`, read without cutting it out; -1 when it
 * is empty, not all digits, or too long to be exact.
 */
function wholeNumber(data: Uint8Array, from: number, end: number): number {
  if (end <= from || end - from > 15) return -1;
  let n = 0;
  for (let at = from; at < end; at++) {
    const c = data[at];
    if (c < DIGIT_0 || c > DIGIT_9) return -1;
    n = n * 10 + (c - DIGIT_0);
  }
  return n;
}

/** The column of a cell reference like `AB12` between `from` and `end`; 0 when it is not letters then digits. */
function referenceColumn(data: Uint8Array, from: number, end: number): number {
  let column = 0;
  let at = from;
  for (; at < end; at++) {
    const c = data[at];
    if (c < LETTER_A || c > LETTER_Z) break;
    column = column * 26 + (c - LETTER_A + 1);
  }
  if (at === end) return 0;
  for (let digit = at; digit < end; digit++) {
    const c = data[digit];
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
 * Reads the cells of `<sheetData>…</sheetData>`, as UTF-8 bytes, into the sheet's layers. The tags are
 * found with indexOf, not one regular expression over the whole text: a million cells made a million
 * match arrays and bodies. The dates of one serial are one Date: cells are values nobody changes in place,
 * and a snapshot copies each distinct Date once, so 150,000 order dates over three years are 1,100 objects.
 */
export function readSheetData(data: Uint8Array, sheet: MemorySheet, context: SheetDataContext): void {
  const masters = new Map<string, { formula: string; address: string }>();
  const dates = new Map<number, Date>();
  const dateOf = (serial: number): Date => {
    let date = dates.get(serial);
    if (date === undefined) dates.set(serial, (date = serialToDate(serial, context.date1904)));
    return date;
  };
  /**
   * The value written between `from` and `end` in a cell's `<v>`. Shared-string indices and plain numbers
   * (counts, sums, date serials) are read from the bytes; the rest is decoded.
   */
  const valueOf = (from: number, end: number, type: string, style: CellStyleInfo | undefined): CellValue => {
    switch (type) {
      case 's': {
        const index = wholeNumber(data, from, end);
        return context.sharedStrings[index >= 0 ? index : Number(textOf(data, from, end))] ?? null;
      }
      case 'str':
      case 'e':
        return text(textOf(data, from, end));
      case 'b':
        return isTrue(data, from, end);
      case 'd':
        return new Date(textOf(data, from, end));
      default: {
        const n = decimalNumber(data, from, end) ?? Number(textOf(data, from, end));
        return style?.isDate ? dateOf(n) : n;
      }
    }
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
    const open = nextByte(data, LT, at);
    if (open < 0) break;
    const isRow = isTag(data, open, 'row');
    if (!isRow && !isTag(data, open, 'c')) {
      at = open + 1;
      continue;
    }
    const close = nextByte(data, GT, open);
    if (close < 0) break;
    const selfClosing = data[close - 1] === SLASH;
    const attributesEnd = selfClosing ? close - 1 : close;
    at = close + 1;
    if (isRow) {
      endRow();
      const rowTag = readRowTag(data, open + 4, attributesEnd);
      row = rowTag.row > 0 ? rowTag.row : row + 1;
      column = 0;
      if (rowTag.hidden) sheet.hiddenRows.add(row);
      continue;
    }
    readCellTag(data, open + 2, attributesEnd, column, tag);
    column = tag.column;
    const style = tag.style >= 0 ? context.style(tag.style) : undefined;
    if (style?.numFmt) formats.set(column, style.numFmt);
    if (style?.fill) fills.set(column, style.fill);
    if (style?.rest) hostStyles.set(column, style.rest);
    if (selfClosing) continue;
    // Most cells are `<v>…</v></c>`: read at once, without looking for the cell's end first (an inline
    // string's value is its `<is>`, never a `<v>`).
    if (tag.type !== 'inlineStr' && holdsText(data, at, '<v>')) {
      const vEnd = nextByte(data, LT, at + 3);
      if (vEnd > at + 3 && holdsText(data, vEnd, '</v></c>')) {
        const value = valueOf(at + 3, vEnd, tag.type, style);
        at = vEnd + '</v></c>'.length;
        if (value !== null && value !== '') values.set(column, value);
        continue;
      }
    }
    const bodyEnd = indexOfText(data, '</c>', at);
    if (bodyEnd < 0) break;
    const bodyStart = at;
    at = bodyEnd + 4;
    if (bodyEnd === bodyStart) continue;

    // A cell's formula comes first in it (ECMA-376 CT_Cell: f, v, is), after any indentation.
    let first = bodyStart;
    while (first < bodyEnd && data[first] <= 0x20) first++;
    if (holdsText(data, first, '<f')) readFormula(textOf(data, bodyStart, bodyEnd), row, column);
    const type = tag.type;
    let value: CellValue = null;
    if (type === 'inlineStr') {
      value = plainInlineString(data, first, bodyEnd);
      if (value === null) {
        const is = IS_ELEMENT.exec(textOf(data, bodyStart, bodyEnd));
        value = is ? stringItem(is[1]) : null;
      }
    } else {
      const v = indexOfText(data, '<v>', bodyStart);
      const vEnd = v >= 0 && v < bodyEnd ? nextByte(data, LT, v + 3) : -1;
      // An empty <v> (a formula never calculated, as openpyxl writes it) is no value, not zero.
      if (vEnd > v + 3 && holdsText(data, vEnd, '</v>')) value = valueOf(v + 3, vEnd, type, style);
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
