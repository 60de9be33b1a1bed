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
import { columnNumber } from '../workbook/a1';
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

export function parseSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  for (const m of xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)) strings.push(m[1] === undefined ? '' : stringItem(m[1]));
  return strings;
}


const ROW_OR_CELL = /<row\b([^>]*?)(\/?)>|<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const R_ATTR = /\sr="([A-Z]*)(\d+)"/;
const S_ATTR = /\ss="(\d+)"/;
const T_ATTR = /\st="(\w+)"/;
const HIDDEN_ATTR = /\shidden="(?:1|true)"/;
const V_ELEMENT = /<v>([^<]*)<\/v>/;
const F_ELEMENT = /<f\b([^>]*?)(?:\/>|>([^<]*)<\/f>)/;
const SI_ATTR = /\ssi="(\d+)"/;
const SHARED = /\st="shared"/;

/** Reads the cells of `<sheetData>…</sheetData>` into the sheet's layers. */
export function readSheetData(xml: string, sheet: MemorySheet, context: SheetDataContext): void {
  const masters = new Map<string, { formula: string; address: string }>();
  let row = 0;
  let column = 0;
  for (const m of xml.matchAll(ROW_OR_CELL)) {
    if (m[1] !== undefined) {
      const r = /\sr="(\d+)"/.exec(m[1]);
      row = r ? Number(r[1]) : row + 1;
      column = 0;
      if (HIDDEN_ATTR.test(m[1])) sheet.hiddenRows.add(row);
      continue;
    }
    const attributes = m[3];
    const body = m[4] ?? '';
    const ref = R_ATTR.exec(attributes);
    column = ref && ref[1] ? columnNumber(ref[1]) : column + 1;
    const s = S_ATTR.exec(attributes);
    const style = s ? context.style(Number(s[1])) : undefined;
    if (style?.numFmt) setGridCell(sheet.formats, row, column, style.numFmt);
    if (style?.fill) setGridCell(sheet.fills, row, column, style.fill);
    if (style?.rest) setGridCell(sheet.hostStyles, row, column, style.rest);
    if (!body) continue;

    const f = body.includes('<f') ? F_ELEMENT.exec(body) : null;
    if (f) {
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
    const type = T_ATTR.exec(attributes)?.[1] ?? 'n';
    let value: CellValue = null;
    if (type === 'inlineStr') {
      const is = /<is>([\s\S]*?)<\/is>/.exec(body);
      value = is ? stringItem(is[1]) : null;
    } else {
      const v = V_ELEMENT.exec(body);
      // An empty <v> (a formula never calculated, as openpyxl writes it) is no value, not zero.
      if (v && v[1] !== '') {
        switch (type) {
          case 's':
            value = context.sharedStrings[Number(v[1])] ?? null;
            break;
          case 'str':
          case 'e':
            value = text(v[1]);
            break;
          case 'b':
            value = v[1] === '1' || v[1] === 'true';
            break;
          case 'd':
            value = new Date(v[1]);
            break;
          default: {
            const n = Number(v[1]);
            value = style?.isDate ? serialToDate(n, context.date1904) : n;
          }
        }
      }
    }
    if (value !== null && value !== '') setGridCell(sheet.values, row, column, value);
  }
}
