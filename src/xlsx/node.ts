/**
 * Reading and writing .xlsx files in Node, for workbooks too big for ExcelJS's whole-file model
 * (100,000 clients × 25 columns take ~3 GB and ~25 s through it). Reading is package-reader.ts's, the
 * page's too. Writing streams the package with a writer of our own (book-writer.ts).
 */
import { createWriteStream } from 'fs';
import { readFile } from 'fs/promises';
import { PassThrough, type Writable } from 'stream';
import { constants as zlibConstants, inflateRawSync } from 'zlib';
import { readXlsx } from './package-reader';
import { writeXlsxStream } from './book-writer';
import type { XlsxWorkbook } from './workbook';

const MIN_CHUNK = zlibConstants.Z_MIN_CHUNK;

/**
 * A part inflated by zlib, native code: on a 100,000-client book jszip's inflater (JavaScript) and its
 * joining of the output's chunks took 0.4–0.5 s of each read. Never more than the directory says; a part
 * zlib cannot inflate to that size is left to jszip, which reads it, or refuses it, as it always did.
 */
async function zlibInflateRaw(bytes: Uint8Array, size: number): Promise<Uint8Array | null> {
  try {
    // One output chunk of the size expected: the default 16 KB chunks were joined by a copy as long again.
    const inflated = inflateRawSync(bytes, { chunkSize: Math.max(size, MIN_CHUNK), maxOutputLength: Math.max(size, MIN_CHUNK) });
    return inflated.length === size ? inflated : null;
  } catch {
    return null;
  }
}

/** Reads an .xlsx held in memory; bytes that are not a readable workbook end in a WorkbookFileError. */
export function xlsxFromBuffer(data: Uint8Array): Promise<XlsxWorkbook> {
  return readXlsx(data, { inflateRaw: zlibInflateRaw });
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
