/** Opening and saving the workbooks the command works on, and its progress line on stderr. */
import { existsSync } from 'fs';
import { extname } from 'path';
import type { Workbook, ProgressListener } from '../workbook/workbook';
import type { XlsxWorkbook } from '../xlsx/workbook';
import { xlsxFromFile, xlsxToFile } from '../xlsx/node';
import { stringOption, type ParsedArgs } from './args';

/** Input the command cannot work with: no such file, not an .xlsx, a workbook without clients. */
export class InputError extends Error {}

export async function openXlsx(path: string): Promise<XlsxWorkbook> {
  if (!existsSync(path)) throw new InputError(`нет такого файла / no such file: ${path}`);
  if (extname(path).toLowerCase() !== '.xlsx') throw new InputError(`нужен файл .xlsx / an .xlsx file is needed: ${path}`);
  try {
    return await xlsxFromFile(path);
  } catch (error) {
    throw new InputError(`не удалось прочитать ${path} как .xlsx / cannot read ${path} as .xlsx: ${(error as Error).message}`);
  }
}

export interface OpenedBook {
  workbook: Workbook;
  /** Writes the result where the user asked (-o for a file; a live sheet is already written). */
  save(): Promise<string | null>;
}

/** The workbook named by the arguments: BOOK.xlsx, or --google-sheet ID with --credentials KEY.json. */
export async function openBook(args: ParsedArgs): Promise<OpenedBook> {
  const sheetId = stringOption(args, '--google-sheet');
  if (sheetId) {
    const credentials = stringOption(args, '--credentials');
    if (!credentials) throw new InputError('--google-sheet needs --credentials KEY.json');
    if (!existsSync(credentials)) throw new InputError(`нет такого файла / no such file: ${credentials}`);
    const { sheetsApiWorkbookFromKeyFile } = await import('../sheets-api/node');
    const workbook = await sheetsApiWorkbookFromKeyFile(sheetId, credentials);
    return { workbook, save: async () => `https://docs.google.com/spreadsheets/d/${sheetId}` };
  }
  const path = args.positionals[0];
  if (!path) throw new InputError('укажите файл книги / name the workbook file (BOOK.xlsx)');
  const workbook = await openXlsx(path);
  const out = stringOption(args, '-o');
  return {
    workbook,
    save: async () => {
      if (!out) return null;
      await xlsxToFile(workbook, out);
      return out;
    },
  };
}

/**
 * A progress line on stderr: rewritten in place on a terminal; in a log, one line per quarter of each
 * read or write, so a long run shows it is alive without flooding the log.
 */
export function progressReporter(prefix: string): ProgressListener {
  let lastQuarter = -1;
  let lastTotal = -1;
  return ({ step, done, total }) => {
    const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r\x1b[K${prefix}: ${step} ${percent}%${percent >= 100 ? '\n' : ''}`);
      return;
    }
    const quarter = Math.floor(percent / 25);
    if (total === lastTotal && quarter === lastQuarter) return;
    lastTotal = total;
    lastQuarter = quarter;
    process.stderr.write(`${prefix}: ${step} ${percent}%\n`);
  };
}
