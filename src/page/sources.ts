/**
 * Where the worker's workbook comes from: the bundled sample (generated in the browser, the same every
 * time, of the size the page asks), or a user's own .xlsx (read by worker-host.ts).
 */
import type { DayNumber } from '../core/model';
import { isoToDay } from '../core/normalise/date';
import { generateSampleWorkbook, SAMPLE_DEFAULTS } from '../sample';
import { XlsxWorkbook } from '../xlsx/workbook';
import type { SampleSize } from './page-files';
/** The sample is analysed as of its own date, so every run of the demo (and every test) sees the same figures. */
export const SAMPLE_TODAY: DayNumber = isoToDay(SAMPLE_DEFAULTS.asOf)!;

/** The sample of the size asked (the default where a size is not given). */
export function sampleWorkbook(size: SampleSize = {}): XlsxWorkbook {
  // Only the sizes given: an undefined one would override the generator's default.
  const sizes = Object.fromEntries(Object.entries({ clients: size.clients, orders: size.orders }).filter(([, n]) => n !== undefined));
  return XlsxWorkbook.fromSnapshot(generateSampleWorkbook(sizes));
}

/** Thrown for a file that is not an .xlsx, before ExcelJS gives a less helpful message. */
export class NotXlsxError extends Error {
  constructor(name: string) {
    super(name);
    this.name = 'NotXlsxError';
  }
}
