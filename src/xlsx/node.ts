/**
 * Reading and writing .xlsx files in Node, for workbooks too big for ExcelJS's whole-file model
 * (100,000 clients × 25 columns take ~3 GB and ~25 s through it). Reading is package-reader.ts's, the
 * page's too. Writing streams each sheet into the zip with ExcelJS's streaming writer, its rows as XML
 * written by row-xml.ts.
 */
import { once } from 'events';
import { readFile } from 'fs/promises';
import { PassThrough, type Readable, type Writable } from 'stream';
import * as ExcelJS from 'exceljs';
import { readXlsx } from './package-reader';
import { streamingRows } from './row-xml';
import { streamCharts } from './chart-stream';
import { sharedStringsPart } from './shared-strings-part';
import { writeSheets, type XlsxWorkbook } from './workbook';

/** Reads an .xlsx held in memory; bytes that are not a readable workbook end in a WorkbookFileError. */
export const xlsxFromBuffer = readXlsx;

export async function xlsxFromFile(path: string): Promise<XlsxWorkbook> {
  return readXlsx(await readFile(path));
}

/**
 * The streaming worksheet's own stream hands its XML on to the zip through the streams in `pipes`:
 * archiver's PassThrough, from readable-stream 2, which has no `writableLength`; its state has the same.
 */
interface ZipInput extends NodeJS.EventEmitter {
  _writableState: { length: number; needDrain: boolean };
}
interface StreamingWorksheet {
  commit(): void;
  _stream?: { pipes?: ZipInput[] };
}

/**
 * The XML of a sheet's rows a zip may hold unread before the writer waits for it. The streaming writer
 * hands each row on at once, and the zip reads a sheet only when the event loop turns, so without the
 * waits a million-row sheet sat in memory whole, uncompressed, before any of it was compressed.
 */
const ZIP_BACKLOG_BYTES = 4 * 1024 * 1024;

async function zipCaughtUp(ws: ExcelJS.Worksheet): Promise<void> {
  for (const pipe of (ws as unknown as StreamingWorksheet)._stream?.pipes ?? []) {
    while (pipe._writableState.length > ZIP_BACKLOG_BYTES && pipe._writableState.needDrain) await once(pipe, 'drain');
  }
}

/** The streaming workbook's parts its commit uses to add the shared strings (exceljs/lib/stream/xlsx/workbook-writer.js). */
interface StreamingBookInternals {
  sharedStrings: { count: number; values: string[] };
  zip: { append(source: Readable, entry: { name: string }): void };
  addSharedStrings(): Promise<void>;
}

/** Makes the book's commit stream its shared strings into the zip (shared-strings-part.ts says why). */
function streamSharedStrings(book: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const internals = book as unknown as StreamingBookInternals;
  internals.addSharedStrings = async () => {
    if (internals.sharedStrings.count) internals.zip.append(sharedStringsPart(internals.sharedStrings.values), { name: '/xl/sharedStrings.xml' });
  };
}

async function streamOut(wb: XlsxWorkbook, options: Partial<ExcelJS.stream.xlsx.WorkbookStreamWriterOptions>): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ useSharedStrings: true, useStyles: true, ...options });
  streamSharedStrings(book);
  const drawCharts = streamCharts(book, wb.sheets);
  const commit = (ws: ExcelJS.Worksheet) => {
    drawCharts(ws);
    (ws as unknown as StreamingWorksheet).commit();
  };
  await writeSheets(book, wb.sheets, wb.definedNames, { rows: streamingRows, pace: zipCaughtUp, commit });
  await book.commit();
}

/** Streams the workbook straight into `path`; a failed write leaves a broken file (the CLI writes atomically). */
export async function xlsxToFile(wb: XlsxWorkbook, path: string): Promise<void> {
  await streamOut(wb, { filename: path });
}

/** Streams the workbook into `stream` and ends it. */
export async function xlsxToStream(wb: XlsxWorkbook, stream: Writable): Promise<void> {
  await streamOut(wb, { stream });
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
