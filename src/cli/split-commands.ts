/**
 * `crm-base split` and `crm-base merge`: the base split into one file per manager, and the managers'
 * files merged back into a copy of the base (core/manager-split.ts, core/manager-merge.ts). Neither Excel
 * nor Google Sheets can hide rows from one user inside one shared file; separate files can.
 */
import { existsSync, mkdirSync } from 'fs';
import { basename, join } from 'path';
import { readBase } from '../core/base';
import { planPartMerge, mergeResultOperations, mergeSummary, mergeCounts, mergeKindMessage, type PartMergeReport } from '../core/manager-merge';
import { planSplit, splitSummary } from '../core/manager-split';
import { message, MessageError, render } from '../core/messages/message';
import { cellText } from '../core/normalise/text';
import { SPLIT_RECORD_SHEET } from '../core/split-record';
import { applyPlan, readWorkbook, type RunContext } from '../actions/runners';
import { wallClockNow, type WorkbookSnapshot } from '../workbook/snapshot';
import { XlsxWorkbook } from '../xlsx/workbook';
import { parseArgs, stringOption, UsageError } from './args';
import { writeFileAtomically } from './atomic-write';
import { writeJsonText } from './json-text';
import { printLine } from './terminal-text';
import { canonical, checkOutputs, InputError, openXlsx, progressReporter, saveXlsx } from './workbooks';

const print = (line: string) => printLine(line, process.stdout);

async function writeJson(path: string | undefined, report: Record<string, unknown>): Promise<void> {
  if (path) await writeFileAtomically(path, (out) => writeJsonText(out, report));
}

/** A core refusal (a base not ready to split) as the command's input error, exit code 2. */
function asInputError(error: unknown): never {
  if (error instanceof MessageError) throw new InputError(error.message);
  throw error;
}

export async function splitBase(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { valued: ['--out', '--json'], flags: [] });
  const bookPath = args.positionals[0];
  const dir = stringOption(args, '--out');
  if (!bookPath) throw new UsageError('split needs BOOK.xlsx');
  if (!dir) throw new UsageError('split needs --out DIR (the folder for the managers\' files)');
  const workbook = await openXlsx(bookPath);
  const snapshot = await readWorkbook({ workbook, onProgress: progressReporter('split') });
  const base = readBase(snapshot);
  let plan: ReturnType<typeof planSplit>;
  try {
    plan = planSplit(snapshot, base, wallClockNow());
  } catch (error) {
    asInputError(error);
  }
  const { language } = plan;
  // A file already there may hold a manager's edits not merged yet: nothing is overwritten.
  const taken = plan.parts.map((part) => join(dir, part.file)).find((path) => existsSync(path));
  if (taken) throw new InputError(render(message('split.exists', { file: taken }), language));
  mkdirSync(dir, { recursive: true });
  for (const part of plan.parts) {
    const book = XlsxWorkbook.empty();
    await book.apply(part.operations);
    book.hideSheet(SPLIT_RECORD_SHEET);
    await saveXlsx(book, join(dir, part.file));
  }
  for (const line of splitSummary(plan)) print(render(line, language));
  const files = plan.parts.map(({ manager, file, clients, orders, history }) => ({ manager, file, clients, orders, history }));
  await writeJson(stringOption(args, '--json'), { dir, files, unlinkedOrders: plan.unlinkedOrders, unlinkedHistory: plan.unlinkedHistory });
  print(`Записано / written: ${dir}`);
  return 0;
}

/** Conflicts printed per run; the rest are on the «Слияние» sheet and in the JSON. */
const CONFLICTS_SHOWN = 20;

/** A part that could not be read at all, reported as a file not accepted. */
function unreadablePart(file: string, reason: string): PartMergeReport {
  const note = message('merge.unreadable', { file, reason });
  return { file, manager: null, entries: [{ file, kind: 'notPart', clientId: '', client: '', column: '', main: null, part: null, note }] };
}

async function readPart(path: string): Promise<WorkbookSnapshot | string> {
  try {
    return await (await openXlsx(path)).read();
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
}

export async function mergeParts(argv: string[]): Promise<number> {
  const args = parseArgs(argv, { valued: ['-o', '--json'], flags: [], aliases: { '--out': '-o', '--output': '-o' } });
  const [bookPath, ...partPaths] = args.positionals;
  const out = stringOption(args, '-o');
  if (!bookPath || partPaths.length === 0) throw new UsageError('merge needs BOOK.xlsx and at least one PART.xlsx');
  if (!out) throw new UsageError('merge needs -o OUT.xlsx');
  if (canonical(out) === canonical(bookPath)) throw new UsageError('-o не может быть BOOK.xlsx: слияние пишет новую книгу, основная остаётся как была / -o cannot be BOOK.xlsx: the merge writes a new workbook and leaves the main one as it was');
  checkOutputs(args);
  const workbook = await openXlsx(bookPath);
  const context: RunContext = { workbook, onProgress: progressReporter('merge') };
  const first = await readWorkbook(context);
  const base = readBase(first);
  const language = base.layout.language;
  if (!base.layout.clients || base.layout.clients.columns.id === undefined) throw new InputError(render(message('merge.mainNoIds'), language));
  const when = wallClockNow();
  const reports: PartMergeReport[] = [];
  for (const path of partPaths) {
    const file = basename(path);
    const part = await readPart(path);
    if (typeof part === 'string') {
      reports.push(unreadablePart(file, part));
      continue;
    }
    // Each file is planned against the main book as the files before it left it: read → plan → apply.
    const main = await readWorkbook(context);
    const plan = planPartMerge(main, part, file, when);
    await applyPlan(context, main, plan.operations);
    reports.push(plan.report);
  }
  if (reports.every((report) => report.manager === null)) {
    throw new InputError(reports.map((report) => render(mergeSummary(report), language)).join('\n'));
  }
  const result = await readWorkbook(context);
  const resultSheet = mergeResultOperations(result, reports, language);
  await applyPlan(context, result, resultSheet.operations);
  await saveXlsx(workbook, out);
  for (const problem of resultSheet.problems) print(render(problem.message, language));

  for (const report of reports) {
    print(render(mergeSummary(report), language));
    const conflicts = report.entries.filter((entry) => entry.kind === 'conflict');
    for (const entry of conflicts.slice(0, CONFLICTS_SHOWN)) {
      print(`  ${entry.clientId}  ${entry.client} — ${entry.column}: «${cellText(entry.main)}» / «${cellText(entry.part)}»`);
    }
    if (conflicts.length > CONFLICTS_SHOWN) print(`  … +${conflicts.length - CONFLICTS_SHOWN}`);
  }
  const files = reports.map((report) => ({ file: report.file, manager: report.manager, accepted: report.manager !== null, counts: mergeCounts(report) }));
  const entries = reports.flatMap((report) =>
    report.entries.map(({ note, ...entry }) => ({ ...entry, what: render(mergeKindMessage(entry.kind), language), ...(note ? { note: render(note, language) } : {}) })),
  );
  await writeJson(stringOption(args, '--json'), { files, entries });
  print(`Записано / written: ${out}`);
  return 0;
}
