/**
 * Reading and writing .xlsx files in Node with ExcelJS's streaming reader and writer, for workbooks too
 * big for its whole-file model (100,000 clients × 25 columns take ~3 GB and ~25 s through it).
 *
 * Reading makes two passes over the file:
 * - cells come from the streaming reader (values, formulas, styles), row by row;
 * - everything else of each sheet (validations, conditional formats, frozen panes, autofilter, tables,
 *   merges, column widths) is parsed by ExcelJS's whole-file reader from a "skeleton" copy of the file
 *   whose sheets have their cell data cut out. Hidden rows, which the streaming reader ignores, are
 *   picked from the row tags while cutting.
 * Writing streams each sheet's rows straight into the zip (see sheet-io.ts for what is written).
 */
import { readFile } from 'fs/promises';
import { PassThrough, Readable } from 'stream';
import * as ExcelJS from 'exceljs';
// jszip is ExcelJS's own zip library (a dependency of exceljs), used here to cut the skeleton.
import JSZip from 'jszip';
// ExcelJS's own shifting of a shared formula's references to another cell (not in its typings).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an internal module without types
const { slideFormula } = require('exceljs/lib/utils/shared-formula') as { slideFormula(formula: string, from: string, to: string): string };
import type { MemorySheet } from '../workbook/memory';
import { emptySheet, parseRange } from '../workbook/memory';
import { readRow, StyleSplitter } from './sheet-io';
import { assembleSheets, writeSheets, XlsxWorkbook } from './workbook';

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]) : undefined;
}

/** Sheet names by worksheet part path (`xl/worksheets/sheet1.xml`), from workbook.xml and its rels. */
async function sheetNamesByPath(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const tag of workbook.match(/<sheet\b[^>]*>/g) ?? []) {
    const name = attribute(tag, 'name');
    const path = targets.get(attribute(tag, 'r:id') ?? '');
    if (name !== undefined && path) names.set(path, name);
  }
  return names;
}

/** Spreadsheet rows whose row tag says hidden. */
function hiddenRows(sheetData: string): number[] {
  const rows: number[] = [];
  for (const tag of sheetData.match(/<row\b[^>]*\bhidden="(?:1|true)"[^>]*>/g) ?? []) {
    const r = Number(attribute(tag, 'r'));
    if (r > 0) rows.push(r);
  }
  return rows;
}

/**
 * The formulas of the followers of shared formulas (`<f t="shared" si="0"/>`, what Excel writes when a
 * formula is filled down), by cell address: the streaming reader reads them as empty formulas.
 */
function sharedFormulaFollowers(sheetData: string): Map<string, string> {
  const followers = new Map<string, string>();
  if (!sheetData.includes('t="shared"')) return followers;
  const masters = new Map<string, { formula: string; address: string }>();
  const pending: Array<{ address: string; si: string }> = [];
  for (const m of sheetData.matchAll(/<c\b([^>]*)>(?:(?!<\/c>)[\s\S])*?<f\b([^>]*?)(?:\/>|>([^<]*)<\/f>)/g)) {
    const [, cellAttributes, formulaAttributes, text] = m;
    const address = attribute(cellAttributes, 'r');
    const si = attribute(formulaAttributes, 'si');
    if (!address || si === undefined || attribute(formulaAttributes, 't') !== 'shared') continue;
    if (text) masters.set(si, { formula: decodeXml(text), address: parseRange(attribute(formulaAttributes, 'ref') ?? address).top === parseRange(address).top ? address : address });
    else pending.push({ address, si });
  }
  for (const { address, si } of pending) {
    const master = masters.get(si);
    if (master) followers.set(address, slideFormula(master.formula, master.address, address));
  }
  return followers;
}

interface Skeleton {
  book: ExcelJS.Workbook;
  hidden: Map<string, number[]>;
  sharedFormulas: Map<string, Map<string, string>>;
  namesByPath: Map<string, string>;
}

async function readSkeleton(data: Uint8Array): Promise<Skeleton> {
  const zip = await JSZip.loadAsync(data);
  const namesByPath = await sheetNamesByPath(zip);
  const hidden = new Map<string, number[]>();
  const sharedFormulas = new Map<string, Map<string, string>>();
  for (const path of Object.keys(zip.files).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))) {
    const xml = await zip.file(path)!.async('string');
    const start = xml.indexOf('<sheetData');
    if (start < 0) continue;
    const selfClosing = /^<sheetData\s*\/>/.exec(xml.slice(start, start + 20));
    const close = xml.indexOf('</sheetData>', start);
    const end = selfClosing ? start + selfClosing[0].length : close + '</sheetData>'.length;
    if (!selfClosing && close < 0) continue;
    const name = namesByPath.get(path);
    if (name !== undefined) {
      const sheetData = xml.slice(start, end);
      hidden.set(name, hiddenRows(sheetData));
      sharedFormulas.set(name, sharedFormulaFollowers(sheetData));
    }
    zip.file(path, `${xml.slice(0, start)}<sheetData/>${xml.slice(end)}`);
  }
  const skeleton = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(skeleton as unknown as ArrayBuffer);
  return { book, hidden, sharedFormulas, namesByPath };
}

async function readCells(data: Uint8Array, namesByPath: Map<string, string>): Promise<Map<string, MemorySheet>> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(data.buffer, data.byteOffset, data.byteLength)), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const knownNames = new Set(namesByPath.values());
  const styles = new StyleSplitter();
  const cells = new Map<string, MemorySheet>();
  for await (const ws of reader) {
    // The reader names a sheet from workbook.xml only when its rels use relative targets; else `SheetN`.
    const reported = (ws as unknown as { name: string; id: number }).name;
    const name = knownNames.has(reported) ? reported : namesByPath.get(`xl/worksheets/sheet${(ws as unknown as { id: number }).id}.xml`) ?? reported;
    const sheet = emptySheet(name);
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) readRow(row, sheet, styles);
    cells.set(name, sheet);
  }
  return cells;
}

/** Reads an .xlsx held in memory, streaming its cells. */
export async function xlsxFromBuffer(data: Uint8Array): Promise<XlsxWorkbook> {
  const skeleton = await readSkeleton(data);
  const cells = await readCells(data, skeleton.namesByPath);
  for (const [name, rows] of skeleton.hidden) {
    const sheet = cells.get(name);
    if (sheet) for (const r of rows) sheet.hiddenRows.add(r);
  }
  for (const [name, formulas] of skeleton.sharedFormulas) {
    const sheet = cells.get(name);
    for (const [address, formula] of sheet ? formulas : []) {
      const { top, left } = parseRange(address);
      (sheet!.formulas[top - 1] ??= [])[left - 1] = formula;
    }
  }
  return XlsxWorkbook.fromSheets(assembleSheets(skeleton.book, cells));
}

export async function xlsxFromFile(path: string): Promise<XlsxWorkbook> {
  return xlsxFromBuffer(await readFile(path));
}

async function streamOut(wb: XlsxWorkbook, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ useSharedStrings: true, useStyles: true, ...options });
  writeSheets(book, wb.sheets, (ws) => (ws as unknown as { commit(): void }).commit());
  await book.commit();
}

export async function xlsxToFile(wb: XlsxWorkbook, path: string): Promise<void> {
  await streamOut(wb, { filename: path });
}

export async function xlsxToBuffer(wb: XlsxWorkbook): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  await streamOut(wb, { stream });
  await ended;
  return Buffer.concat(chunks);
}
