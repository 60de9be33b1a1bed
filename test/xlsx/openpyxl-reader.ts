/** The .xlsx writers under test and openpyxl's description of what they wrote (inspect_openpyxl.py). */
import { execFileSync } from 'child_process';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { xlsxToFile } from '../../src/xlsx/node';
import type { XlsxWorkbook } from '../../src/xlsx/workbook';
import { DEBIAN_PYTHON } from '../support/tools';

export const XLSX_WRITERS: Array<[string, (wb: XlsxWorkbook, path: string) => Promise<void>]> = [
  ['whole-file writer', async (wb, path) => writeFileSync(path, await wb.toBuffer())],
  ['streaming writer', xlsxToFile],
];

/** The sheets of the file as openpyxl describes them; `T` names the fields a test looks at. */
export function inspectWithOpenpyxl<T>(path: string): T[] {
  return inspectBookWithOpenpyxl<T>(path).sheets;
}

/** The sheets and the workbook's defined names (name → formula text). */
export function inspectBookWithOpenpyxl<T>(path: string): { sheets: T[]; definedNames: Record<string, string> } {
  const out = execFileSync(DEBIAN_PYTHON, [join(__dirname, 'inspect_openpyxl.py'), path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as { sheets: T[]; definedNames: Record<string, string> };
}
