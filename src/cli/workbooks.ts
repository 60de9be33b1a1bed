/** Opening and saving the workbooks the command works on, and its progress line on stderr. */
import { accessSync, constants, existsSync, realpathSync, statSync } from 'fs';
import { dirname, extname, resolve } from 'path';
import type { Workbook, ProgressListener } from '../workbook/workbook';
import type { XlsxWorkbook } from '../xlsx/workbook';
import { xlsxFromFile, xlsxToStream } from '../xlsx/node';
import { stringOption, type ParsedArgs } from './args';
import { writeFileAtomically } from './atomic-write';
import { terminalSafe } from './terminal-text';
import { render } from '../core/messages/message';

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

/** Writes an .xlsx without ever leaving a broken file behind (see atomic-write.ts). */
export function saveXlsx(workbook: XlsxWorkbook, path: string): Promise<void> {
  return writeFileAtomically(path, (out) => xlsxToStream(workbook, out));
}

/** The options that name files the command writes. */
const OUTPUT_OPTIONS = ['-o', '--json'];

/** A path as the file system knows it, so two spellings of one file compare equal. */
export function canonical(path: string): string {
  const absolute = resolve(path);
  return existsSync(absolute) ? realpathSync(absolute) : absolute;
}

/** Refuses an output the command could not write, found only after all the work otherwise. */
function checkOutputPath(option: string, path: string): void {
  const folder = dirname(resolve(path));
  const named = `${option} ${path}`;
  if (!existsSync(folder)) {
    throw new InputError(`нет папки ${folder} (${named}): создайте её или укажите другой путь / no folder ${folder} (${named}): create it or name another path`);
  }
  if (!statSync(folder).isDirectory()) throw new InputError(`${folder} — не папка (${named}) / ${folder} is not a folder (${named})`);
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw new InputError(`нельзя записать в папку ${folder} (${named}) / cannot write to the folder ${folder} (${named})`);
  }
  if (existsSync(path) && statSync(path).isDirectory()) throw new InputError(`${named} — это папка, нужен файл / ${named} is a folder, a file is needed`);
}

/**
 * Checks, before any reading or work, that every output (-o, --json) can be written and would not
 * overwrite an input: only -o may name the workbook itself, which is then updated in place.
 */
export function checkOutputs(args: ParsedArgs): void {
  const book = args.positionals[0];
  const inputs = [...args.positionals, ...[...args.options].filter(([name]) => !OUTPUT_OPTIONS.includes(name)).map(([, value]) => value)]
    .filter((value): value is string => typeof value === 'string')
    .map(canonical);
  const written = new Map<string, string>();
  for (const option of OUTPUT_OPTIONS) {
    const path = stringOption(args, option);
    if (path === undefined) continue;
    checkOutputPath(option, path);
    const file = canonical(path);
    const mayBeInput = option === '-o' && book !== undefined && file === canonical(book);
    if (!mayBeInput && inputs.includes(file)) {
      throw new InputError(`${option} ${path} — входной файл, он был бы затёрт; укажите другой / ${option} ${path} is an input file and would be overwritten; name another`);
    }
    const other = written.get(file);
    if (other) throw new InputError(`${other} и ${option} указывают на один файл / ${other} and ${option} name the same file: ${path}`);
    written.set(file, option);
  }
}

/** The workbook named by the arguments: BOOK.xlsx, or --google-sheet ID with --credentials KEY.json. */
export async function openBook(args: ParsedArgs): Promise<OpenedBook> {
  checkOutputs(args);
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
      await saveXlsx(workbook, out);
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
  return ({ step: progressStep, done, total }) => {
    // the CLI's progress is in Russian, as it always was
    const step = render(progressStep, 'ru');
    const percent = total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 100;
    if (process.stderr.isTTY) {
      process.stderr.write(`\r\x1b[K${prefix}: ${terminalSafe(step)} ${percent}%${percent >= 100 ? '\n' : ''}`);
      return;
    }
    const quarter = Math.floor(percent / 25);
    if (total === lastTotal && quarter === lastQuarter) return;
    lastTotal = total;
    lastQuarter = quarter;
    process.stderr.write(`${prefix}: ${terminalSafe(step)} ${percent}%\n`);
  };
}
