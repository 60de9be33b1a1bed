/**
 * Reading and writing .xlsx files in Node, for workbooks too big for ExcelJS's whole-file model
 * (100,000 clients × 25 columns take ~3 GB and ~25 s through it).
 *
 * Reading opens the package once (jszip) and splits each sheet in two:
 * - its cell data (`<sheetData>`) is read by sheet-data.ts straight from the XML text;
 * - everything else (validations, conditional formats, frozen panes, autofilter, tables, merges, column
 *   widths, tab colour) is parsed by ExcelJS's whole-file reader from a "skeleton" copy of the package
 *   whose sheets have no cell data, so it is cheap.
 * Cell styles are parsed by ExcelJS's own styles reader, so a cell's style is the object ExcelJS would
 * give it. Writing streams the package with a writer of our own (book-writer.ts).
 */
import { createWriteStream } from 'fs';
import { readFile } from 'fs/promises';
import { PassThrough, type Writable } from 'stream';
import type * as ExcelJS from 'exceljs';
import { excelJs } from './exceljs-lazy';
import JSZip from 'jszip';
import type { MemorySheet } from '../workbook/memory';
import { emptySheet } from '../workbook/memory';
import { isWorksheetPart, placeValidationRanges, sheetNamesByPath } from './package';
import { damagedPartError, openXlsxPackage } from './open-package';
import type { CellStyleInfo } from './sheet-data';
import { parseSharedStrings, readSheetData } from './sheet-data';
import { StyleSplitter } from './sheet-io';
import { writeXlsxStream } from './book-writer';
import { assembleSheets, userDefinedNames, XlsxWorkbook } from './workbook';

/* eslint-disable @typescript-eslint/no-require-imports -- ExcelJS internals, not in its typings */
// Shifts a shared formula's relative references from its master cell to another cell.
const { slideFormula } = require('exceljs/lib/utils/shared-formula') as { slideFormula(formula: string, from: string, to: string): string };
/** ExcelJS's reader of styles.xml, giving the style model ExcelJS itself gives a cell of each style index. */
type StylesReader = new () => {
  parseStream(chunks: AsyncIterable<string> | Iterable<string>): Promise<unknown>;
  getStyleModel(index: number): Partial<ExcelJS.Style> | null;
};
const { isDateFmt } = require('exceljs/lib/utils/utils') as { isDateFmt(format: string | undefined): boolean };
/* eslint-enable @typescript-eslint/no-require-imports */

async function partText(zip: JSZip, path: string): Promise<string> {
  return (await zip.file(path)?.async('string')) ?? '';
}

/** Style information by style index, parsed once per index. */
async function styleTable(xml: string): Promise<(index: number) => CellStyleInfo> {
  if (!xml) return () => ({ isDate: false });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded with the first file read (exceljs-lazy.ts says why)
  const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform') as StylesReader;
  const styles = new StylesXform();
  await styles.parseStream([xml]);
  const splitter = new StyleSplitter();
  const cache: CellStyleInfo[] = [];
  return (index) => {
    let info = cache[index];
    if (!info) {
      const model = styles.getStyleModel(index) ?? undefined;
      const split = splitter.split(model);
      info = cache[index] = { ...split, isDate: isDateFmt(model?.numFmt) };
    }
    return info;
  };
}

/** Reads an .xlsx held in memory; bytes that are not a readable workbook end in a WorkbookFileError. */
export async function xlsxFromBuffer(data: Uint8Array): Promise<XlsxWorkbook> {
  const zip = await openXlsxPackage(data);
  try {
    return await readPackage(zip);
  } catch (error) {
    throw damagedPartError(error);
  }
}

async function readPackage(zip: JSZip): Promise<XlsxWorkbook> {
  const namesByPath = await sheetNamesByPath(zip);
  const context = {
    sharedStrings: parseSharedStrings(await partText(zip, 'xl/sharedStrings.xml')),
    style: await styleTable(await partText(zip, 'xl/styles.xml')),
    date1904: /<workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(await partText(zip, 'xl/workbook.xml')),
    slideFormula,
  };
  const cells = new Map<string, MemorySheet>();
  const validationRanges = new Map<string, Map<string, string>>();
  for (const path of Object.keys(zip.files).filter(isWorksheetPart)) {
    const name = namesByPath.get(path);
    if (name === undefined) continue;
    let xml = await partText(zip, path);
    const start = xml.indexOf('<sheetData');
    if (start >= 0) {
      const selfClosing = /^<sheetData\s*\/>/.exec(xml.slice(start, start + 20));
      const end = selfClosing ? start + selfClosing[0].length : xml.indexOf('</sheetData>', start) + '</sheetData>'.length;
      const sheet = emptySheet(name);
      readSheetData(xml.slice(start, end), sheet, context);
      cells.set(name, sheet);
      xml = `${xml.slice(0, start)}<sheetData/>${xml.slice(end)}`;
    }
    const placed = placeValidationRanges(xml);
    validationRanges.set(name, placed.ranges);
    zip.file(path, placed.xml);
  }
  const skeleton = new (excelJs().Workbook)();
  await skeleton.xlsx.load((await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' })) as unknown as ArrayBuffer);
  return XlsxWorkbook.fromSheets(assembleSheets(skeleton, cells, validationRanges), userDefinedNames(skeleton));
}

export async function xlsxFromFile(path: string): Promise<XlsxWorkbook> {
  return xlsxFromBuffer(await readFile(path));
}

/** Streams the workbook straight into `path`; a failed write leaves a broken file (the CLI writes atomically). */
export async function xlsxToFile(wb: XlsxWorkbook, path: string): Promise<void> {
  await writeXlsxStream(wb.sheets, wb.definedNames, createWriteStream(path));
}

/** Streams the workbook into `stream` and ends it. */
export async function xlsxToStream(wb: XlsxWorkbook, stream: Writable): Promise<void> {
  await writeXlsxStream(wb.sheets, wb.definedNames, stream);
}

export async function xlsxToBuffer(wb: XlsxWorkbook): Promise<Uint8Array> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  await xlsxToStream(wb, stream);
  await ended;
  return Buffer.concat(chunks);
}
