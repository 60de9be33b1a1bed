/**
 * Reading an .xlsx fast, in Node and in the browser alike (the CLI and the page's worker use it).
 *
 * The package is opened once (jszip) and each sheet split in two:
 * - its cell data (`<sheetData>`) is read by sheet-data.ts straight from the part's bytes;
 * - everything else (validations, conditional formats, frozen panes, autofilter, tables, merges, column
 *   widths, tab colour) is parsed by ExcelJS's whole-file reader from a "skeleton" copy of the package
 *   whose sheets have no cell data and whose shared strings are empty, so it is cheap.
 * Cell styles come from ExcelJS too, through a probe sheet (style-probe.ts), so a cell's style is the
 * object ExcelJS would give it. ExcelJS's whole-file model of the cells costs about four times as long
 * (10 s against 2.8 s for 20,000 clients and 150,000 orders).
 */
import type JSZip from 'jszip';
import type { MemorySheet } from '../workbook/memory';
import { emptySheet } from '../workbook/memory';
import { isWorksheetPart, placeValidationRanges, sheetNamesByPath } from './package';
import { damagedPartError, openXlsxPackage } from './open-package';
import { parseSharedStrings, readSheetData } from './sheet-data';
import { slideFormula } from './shared-formula';
import { addStyleProbe, takeStyleProbe } from './style-probe';
import { assembleSheets, userDefinedNames, XlsxWorkbook } from './workbook';
import { excelJs } from './exceljs-lazy';
import { zipParts, type InflateRaw, type ZipParts } from './zip-entries';
import { indexOfText, lastIndexOfText } from './ascii-bytes';

const GT = 0x3e;
const SLASH = 0x2f;

const UTF8 = new TextDecoder();

/**
 * Parts are inflated natively where that is faster than jszip: in a browser (zip-entries.ts), and in Node
 * when the caller gives zlib (xlsx/node.ts). Node's DecompressionStream is written in JavaScript: on the
 * same sheet it took 0.38–0.64 s where jszip took 0.25–0.29 s, so without zlib, in Node jszip inflates.
 */
const INFLATES_NATIVELY = typeof DecompressionStream === 'function' && !(typeof process === 'object' && process.versions?.node);

/** The package: jszip's model of it, and its parts as the file holds them, read natively where that is faster. */
interface Package {
  zip: JSZip;
  original: ZipParts | null;
}

/**
 * A part's bytes; empty when the package has no such part. Each part is read before the reader replaces it
 * in jszip's model, so the file's own bytes are its bytes.
 */
async function partBytes({ zip, original }: Package, path: string): Promise<Uint8Array> {
  const file = zip.file(path);
  if (!file) return new Uint8Array(0);
  return (await original?.read(path)) ?? (await file.async('uint8array'));
}

/** A part's text, decoded natively (jszip's own string decoding copies its chunks several times over). */
async function partText(parts: Package, path: string): Promise<string> {
  return UTF8.decode(await partBytes(parts, path));
}

/**
 * Reads an .xlsx held in memory; bytes that are not a readable workbook end in a WorkbookFileError.
 * `inflateRaw`: the platform's inflater to read parts with (Node's zlib); else the browser's own, where
 * `inflateNatively` (by default: in a browser), and jszip's otherwise.
 */
export async function readXlsx(data: Uint8Array, options: { inflateNatively?: boolean; inflateRaw?: InflateRaw } = {}): Promise<XlsxWorkbook> {
  const zip = await openXlsxPackage(data);
  const { inflateRaw, inflateNatively = INFLATES_NATIVELY } = options;
  try {
    return await readPackage({ zip, original: inflateRaw ? zipParts(data, inflateRaw) : inflateNatively ? zipParts(data) : null });
  } catch (error) {
    throw damagedPartError(error);
  }
}

/** The part ExcelJS reads the shared strings from: the skeleton's sheets use none. */
const EMPTY_SHARED_STRINGS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

/** The end of a `<sheetData/>` (a sheet without cells) at `start`; a `<sheetData>` never closed is a damaged part. */
function selfClosingEnd(bytes: Uint8Array, start: number, path: string): number {
  const end = bytes.indexOf(GT, start);
  if (end < 0 || bytes[end - 1] !== SLASH) throw new Error(`${path}: <sheetData> is not closed`);
  return end + 1;
}

/**
 * Cuts each sheet's `<sheetData>` out of the package, leaving its sheet-level parts for ExcelJS. The cells
 * stay bytes for sheet-data.ts; only the rest of the sheet (its settings, validations, merges) is decoded.
 */
async function cutSheetData(parts: Package) {
  const { zip } = parts;
  const namesByPath = await sheetNamesByPath(zip);
  const sheetData = new Map<string, Uint8Array>();
  const validationRanges = new Map<string, Map<string, string>>();
  for (const path of Object.keys(zip.files).filter(isWorksheetPart)) {
    const name = namesByPath.get(path);
    if (name === undefined) continue;
    const bytes = await partBytes(parts, path);
    // The one `<sheetData>` opens after a few short settings and closes before a few more: its end is
    // looked for from the end, not through the cells.
    const start = indexOfText(bytes, '<sheetData');
    const close = start >= 0 ? lastIndexOfText(bytes, '</sheetData>') : -1;
    let xml: string;
    if (start >= 0) {
      const end = close > start ? close + '</sheetData>'.length : selfClosingEnd(bytes, start, path);
      sheetData.set(name, bytes.subarray(start, end));
      xml = `${UTF8.decode(bytes.subarray(0, start))}<sheetData/>${UTF8.decode(bytes.subarray(end))}`;
    } else xml = UTF8.decode(bytes);
    const placed = placeValidationRanges(xml);
    validationRanges.set(name, placed.ranges);
    zip.file(path, placed.xml);
  }
  return { sheetData, validationRanges };
}

async function readPackage(parts: Package): Promise<XlsxWorkbook> {
  const { zip } = parts;
  const sharedStrings = parseSharedStrings(await partText(parts, 'xl/sharedStrings.xml'));
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(await partText(parts, 'xl/workbook.xml'));
  const { sheetData, validationRanges } = await cutSheetData(parts);
  if (zip.file('xl/sharedStrings.xml')) zip.file('xl/sharedStrings.xml', EMPTY_SHARED_STRINGS);
  await addStyleProbe(zip, await partText(parts, 'xl/styles.xml'));
  const skeleton = new (excelJs().Workbook)();
  await skeleton.xlsx.load((await zip.generateAsync({ type: 'uint8array', compression: 'STORE' })) as unknown as ArrayBuffer);
  const style = takeStyleProbe(skeleton);
  const cells = new Map<string, MemorySheet>();
  for (const [name, data] of sheetData) {
    const sheet = emptySheet(name);
    readSheetData(data, sheet, { sharedStrings, style, date1904, slideFormula });
    cells.set(name, sheet);
    // Each sheet's bytes are let go as soon as its cells are read.
    sheetData.delete(name);
  }
  return XlsxWorkbook.fromSheets(assembleSheets(skeleton, cells, validationRanges), userDefinedNames(skeleton));
}
