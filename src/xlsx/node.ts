/**
 * Reading and writing .xlsx files in Node, for workbooks too big for ExcelJS's whole-file model
 * (100,000 clients × 25 columns take ~3 GB and ~25 s through it). Reading is package-reader.ts's, the
 * page's too. Writing streams the package with a writer of our own (book-writer.ts).
 */
import { createWriteStream } from 'fs';
import { readFile } from 'fs/promises';
import { PassThrough, type Writable } from 'stream';
import { readXlsx } from './package-reader';
import { writeXlsxStream } from './book-writer';
import type { XlsxWorkbook } from './workbook';

/** Reads an .xlsx held in memory; bytes that are not a readable workbook end in a WorkbookFileError. */
export const xlsxFromBuffer = readXlsx;

export async function xlsxFromFile(path: string): Promise<XlsxWorkbook> {
  return readXlsx(await readFile(path));
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
