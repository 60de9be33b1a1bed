/**
 * The page's side of its files: the sample size its address asks for (`?clients=N&orders=N` makes the
 * sample bigger), and the download of the result the worker wrote out. Nothing here loads the core:
 * the page's bundle stays small, the workbook lives in the worker.
 */
import { saveFile } from '../ui/save-file';

/** The sample's size: the default one, or a bigger base for trying the page on one. */
export interface SampleSize {
  clients?: number;
  orders?: number;
}

/** The sample size the page's address asks for (`?clients=20000&orders=150000`); the default otherwise. */
export function sampleSizeOf(search: string): SampleSize {
  const params = new URLSearchParams(search);
  const count = (name: string) => {
    const n = Number(params.get(name));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  return { clients: count('clients'), orders: count('orders') };
}

/** The result's file name: the user's name with a suffix, never overwriting the original by accident. */
export function resultFileName(fileName: string | null, template: (vars: { name: string }) => string, sampleName: string): string {
  const base = fileName ? fileName.replace(/\.xlsx$/i, '') : sampleName;
  return template({ name: base });
}

/** Saves the workbook's bytes as an .xlsx through the browser's download. */
export function downloadXlsx(data: Uint8Array, fileName: string): void {
  saveFile(data as BlobPart, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName);
}
