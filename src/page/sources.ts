/**
 * Where the page's workbook comes from and goes to: the bundled sample (generated in the browser, the
 * same every time), a user's own .xlsx, and the .xlsx download of the result.
 */
import { createActions } from '../actions/local';
import type { PanelActions } from '../actions/panel';
import type { DayNumber } from '../core/model';
import { isoToDay } from '../core/normalise/date';
import { generateSampleWorkbook, SAMPLE_DEFAULTS } from '../sample';
import { XlsxWorkbook } from '../xlsx/workbook';
import { WatchedWorkbook } from './watched-workbook';

export interface LoadedBook {
  workbook: WatchedWorkbook;
  actions: PanelActions;
  /** Null for the sample; the file's name otherwise. */
  fileName: string | null;
}

/** The sample is analysed as of its own date, so every run of the demo (and every test) sees the same figures. */
export const SAMPLE_TODAY: DayNumber = isoToDay(SAMPLE_DEFAULTS.asOf)!;

function loaded(file: XlsxWorkbook, fileName: string | null, today?: () => DayNumber): LoadedBook {
  const workbook = new WatchedWorkbook(file);
  return { workbook, actions: createActions(workbook, { today }), fileName };
}

export function loadSample(): LoadedBook {
  return loaded(XlsxWorkbook.fromSnapshot(generateSampleWorkbook()), null, () => SAMPLE_TODAY);
}

/** Thrown for a file that is not an .xlsx, before ExcelJS gives a less helpful message. */
export class NotXlsxError extends Error {}

/** An .xlsx is a zip archive: it starts with `PK\x03\x04`. */
function looksLikeXlsx(data: Uint8Array): boolean {
  return data.length > 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

/** A user's own file, analysed as of the real today. */
export async function openXlsx(name: string, data: ArrayBuffer): Promise<LoadedBook> {
  const bytes = new Uint8Array(data);
  if (!looksLikeXlsx(bytes)) throw new NotXlsxError(name);
  return loaded(await XlsxWorkbook.fromBuffer(bytes), name);
}

/** The result's file name: the user's name with a suffix, never overwriting the original by accident. */
export function resultFileName(book: LoadedBook, template: (vars: { name: string }) => string, sampleName: string): string {
  const base = book.fileName ? book.fileName.replace(/\.xlsx$/i, '') : sampleName;
  return template({ name: base });
}

/** Saves the workbook as an .xlsx through the browser's download. */
export async function downloadXlsx(book: LoadedBook, fileName: string): Promise<void> {
  const data = await book.workbook.file.toBuffer();
  const blob = new Blob([data as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started by now; the URL is only needed for that.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
