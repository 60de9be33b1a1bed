/** The commands of `crm-base`. Each parses its arguments, runs actions over a workbook, reports. */
import { mkdirSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { isoToDay, isoToDotted, todayDay } from '../core/normalise/date';
import { readBase } from '../core/base';
import { readHistory } from '../core/contact-history';
import { computeTracker } from '../core/tracker';
import { hasManager, managerNames, todayList, TODAY_KIND_TITLES, TODAY_KINDS } from '../core/today';
import { CLIENT_NOUN, countOf, formatCount } from '../core/plural';
import { readCsv } from '../core/import';
import type { Language, Problem } from '../core/model';
import { render } from '../core/messages/message';
import { rendered } from '../core/messages/rendered';
import { orderImportSummary } from '../core/order-import';
import { readWorkbook, runAnalysis, runCheck, runFixValues, runOrderImport, runSheetMapping, runStructure, type RunContext } from '../actions/runners';
import { mapOptions, withMapHint } from './map-option';
import { runDuplicates } from '../actions/duplicate-actions';
import { disagreementMessage, type DuplicateGroupReport } from '../core/duplicates/plan';
import { generateSampleWorkbook, SAMPLE_DEFAULTS } from '../sample';
import { XlsxWorkbook } from '../xlsx/workbook';
import { parseArgs, stringOption, UsageError, type ParsedArgs } from './args';
import { writeFileAtomically } from './atomic-write';
import { writeJsonText } from './json-text';
import { exportCampaign } from './export-command';
import { mergeParts, splitBase } from './split-commands';
import { printLine, terminalSafe } from './terminal-text';
import { checkOutputs, InputError, openBook, progressReporter, saveXlsx } from './workbooks';

type Command = (argv: string[]) => Promise<number>;

const BOOK_OPTIONS = ['-o', '--json', '--google-sheet', '--credentials'];
const ALIASES = { '--out': '-o', '--output': '-o' };

export function usage(): string {
  return `crm-base — клиентская база: структура, проверка, трекер заказов, ABC, RFM, дубликаты

Usage:
  crm-base structure BOOK.xlsx -o OUT.xlsx [--fix-values] [--json REPORT.json]
  crm-base analyze BOOK.xlsx [--orders ORDERS.csv [--since YYYY-MM-DD]] [--map "HEADER=FIELD"]... [--as-of YYYY-MM-DD] [--update-typed] [-o OUT.xlsx] [--json RESULTS.json]
  crm-base duplicates BOOK.xlsx [--json GROUPS.json] [-o OUT.xlsx]
  crm-base check BOOK.xlsx [--json REPORT.json]
  crm-base today BOOK.xlsx [--manager NAME] [--as-of YYYY-MM-DD] [--json TODAY.json]
  crm-base export BOOK.xlsx --channel sms|email|messenger [--segment NAME | --abc A|B|C] [--as-of YYYY-MM-DD] -o OUT.csv
  crm-base split BOOK.xlsx --out DIR [--json REPORT.json]
  crm-base merge BOOK.xlsx PART.xlsx [PART2.xlsx]... -o OUT.xlsx [--json REPORT.json]
  crm-base sample -o BOOK.xlsx [--clients N] [--orders N] [--seed N]
  crm-base demo [--dir DIR]
  crm-base bench [duplicates]

Instead of BOOK.xlsx, --google-sheet SPREADSHEET_ID --credentials KEY.json works on a live Google Sheet.
Without -o the workbook is not written (a dry run); -o may name BOOK.xlsx itself.
Order history typed on the clients sheet is kept: where the orders have moved it on, analyze lists the
cells and leaves them; --update-typed writes the new values, the old ones saved on «Архив значений».
--map names a column whose header is not recognised (repeatable): "Клиент ID=clientId" a column of
ORDERS.csv, "Склад=" one not imported, "clients:Наименование=name" a column of a sheet (kept in the
settings sheet). FIELD is a field name (date clientId client service amount number manager comment
quantity price phone email city inn contact type; a sheet's fields as in its settings) or its header
(«ID клиента»). An import whose lines link to no client is refused (exit 2) and names the --map to add.
Importing the same export again adds nothing: lines already on the orders sheet are counted («уже были»).
--since imports only the lines dated on or after that day (those before are counted, undated ones listed).
today lists whom to contact: overdue and today's next contacts, clients gone cold with no next contact,
birthdays in the next 7 days, new clients nobody has contacted; it reads the workbook and changes nothing.
export writes a campaign list (phone E.164, e-mail, name, first name, segment) of the clients whose
«Согласие на рассылку» allows the channel; the others are counted, never listed (38-ФЗ, ст. 18).
split writes one file per manager (and one for clients with no manager) into DIR: their clients, orders
and history, the services and settings; merge takes the managers' changes back by client ID into OUT.xlsx
(never BOOK.xlsx itself): a cell changed in both is a conflict, the main book's value kept, listed on the
«Слияние» sheet; overwritten values go to «Архив значений»; nothing is deleted. Neither Excel nor Google
Sheets can hide rows from one user inside one shared file: the separate files are the way.
Exit codes: 0 done (bad cells are listed), 2 unusable input, 1 unexpected error.
`;
}

async function writeJson(path: string | undefined, report: Record<string, unknown>): Promise<void> {
  if (path) await writeFileAtomically(path, (out) => writeJsonText(out, report));
}

/** The problems as the CLI prints and writes them: each message in the workbook's language. */
function problemsIn(problems: readonly Problem[], language: Language) {
  return rendered(problems, language);
}

function printProblems(problems: ReturnType<typeof problemsIn>, shown = 20): void {
  if (problems.length === 0) return;
  process.stderr.write(`Проблем в данных / data problems: ${problems.length}\n`);
  for (const p of problems.slice(0, shown)) printLine(`  ${p.sheet}!${p.row} [${p.column}] «${p.value}»: ${p.message}`);
  if (problems.length > shown) process.stderr.write(`  … и ещё ${problems.length - shown} (полный список: --json)\n`);
}

function dayOption(args: ParsedArgs, name: '--as-of' | '--since'): number | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  const day = isoToDay(text);
  if (day === null) throw new UsageError(`${name} needs a date as YYYY-MM-DD, not "${text}"`);
  return day;
}

function positiveInteger(args: ParsedArgs, name: string, fallback: number, least = 0): number {
  const text = stringOption(args, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < least) throw new UsageError(`${name} needs a whole number${least ? ` of at least ${least}` : ''}, not "${text}"`);
  return value;
}

/** Saves the changed workbook where -o says; without -o the run was a dry run, and the user is told so. */
async function saved(book: { save(): Promise<string | null> }): Promise<void> {
  const where = await book.save();
  if (where) printLine(`Записано / written: ${where}`);
  else printLine('Пробный запуск: книга не записана; чтобы записать результат, добавьте -o OUT.xlsx / dry run: the workbook was not written; add -o OUT.xlsx to write the result');
}

const structure: Command = async (argv) => {
  const args = parseArgs(argv, { valued: BOOK_OPTIONS, flags: ['--fix-values'], aliases: ALIASES });
  const book = await openBook(args);
  const context: RunContext = { workbook: book.workbook, onProgress: progressReporter('structure') };
  const report = await runStructure(context);
  const problems = problemsIn(report.problems, report.language);
  if (report.clientsSheet === null) throw new InputError(problems[0]?.message ?? 'no clients sheet');
  process.stderr.write(
    `Столбцов добавлено: ${report.addedColumns.length}, ID присвоено: ${report.idsFilled}, листов создано: ${report.sheetsCreated.length}\n`,
  );
  // Making text dates and amounts real changes typed values: only with --fix-values (the originals are archived).
  const fixValues = args.options.get('--fix-values') === true;
  const fixed = await runFixValues(context, !fixValues);
  if (fixValues) printLine(render(fixed.message, report.language));
  else if (fixed.converted > 0) {
    printLine(`Дат и сумм, записанных текстом: ${fixed.converted}. Чтобы превратить их в настоящие даты и числа (прежние значения — на лист «Архив значений»), добавьте --fix-values / ${fixed.converted} dates and amounts are typed as text: add --fix-values to make them real (the previous values go to the "Value archive" sheet)`);
  }
  printProblems(problems);
  await writeJson(stringOption(args, '--json'), { ...report, problems, fixValues: { applied: fixValues, converted: fixed.converted, columns: fixed.columns } });
  await saved(book);
  return 0;
};

const analyze: Command = async (argv) => {
  const args = parseArgs(argv, { valued: [...BOOK_OPTIONS, '--orders', '--as-of', '--since'], flags: ['--update-typed'], repeatable: ['--map'], aliases: ALIASES });
  const asOf = dayOption(args, '--as-of');
  const since = dayOption(args, '--since');
  const ordersPath = stringOption(args, '--orders');
  if (since !== undefined && ordersPath === undefined) throw new UsageError('--since выбирает строки файла --orders / --since selects the lines of the --orders file: add --orders ORDERS.csv');
  const maps = mapOptions(args, ordersPath !== undefined);
  // A file that is not a CSV (an .xlsx, a PDF) is refused before the workbook is opened.
  let csv = ordersPath === undefined ? undefined : readCsv(readCsvFile(ordersPath), ordersPath);
  const book = await openBook(args);
  const replaceTyped = args.options.get('--update-typed') === true;
  const context: RunContext = { workbook: book.workbook, asOf, replaceTyped, withDataCheck: true, onProgress: progressReporter('analyze') };
  if (maps.sheets.length > 0) await runSheetMapping(context, maps.sheets);
  const importReport = csv ? await runOrderImport(context, csv.sheet, maps.source, { since }).catch(withMapHint) : undefined;
  // What reading the file changed (its title block left out, columns named) is part of the import's problems.
  const imported = csv && importReport ? { ...importReport, problems: [...csv.problems, ...importReport.problems] } : undefined;
  // The file's lines are on the Orders sheet now: let them go, or a million of them (with the file's
  // text) stay in memory through the analysis and the writing, as much again as the sheet itself.
  csv = undefined;
  if (imported) {
    printLine(orderImportSummary(imported, 'ru'));
    if (imported.ignoredColumns.length) printLine(`Не импортированы столбцы: ${imported.ignoredColumns.join(', ')}`);
  }
  const report = await runAnalysis(context);
  const problems = problemsIn([...(imported?.problems ?? []), ...report.problems], report.language);
  const withOrders = report.clients.filter((c) => c.orders > 0).length;
  process.stderr.write(
    `На ${report.asOf}: клиентов ${report.clients.length}, с заказами ${withOrders}, ` +
      `A/B/C: ${report.abc.A.clients}/${report.abc.B.clients}/${report.abc.C.clients}\n`,
  );
  printProblems(problems);
  const { asOf: asOfIso, clients, abc, segments, thresholds, valueModels, cohorts, typedDiffering, typedReplaced, planFact } = report;
  await writeJson(stringOption(args, '--json'), { asOf: asOfIso, clients, abc, segments, thresholds, valueModels, cohorts, planFact, problems, typedDiffering, typedReplaced, ...(imported ? { imported } : {}) });
  await saved(book);
  return 0;
};

function readCsvFile(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch {
    throw new InputError(`нет такого файла / no such file: ${path}`);
  }
}

const check: Command = async (argv) => {
  const args = parseArgs(argv, { valued: BOOK_OPTIONS, flags: [], aliases: ALIASES });
  const book = await openBook(args);
  const report = await runCheck({ workbook: book.workbook, onProgress: progressReporter('check') });
  const problems = problemsIn(report.problems, report.language);
  printProblems(problems);
  if (problems.length === 0) process.stderr.write('Проблем не найдено / no problems found\n');
  await writeJson(stringOption(args, '--json'), { problems });
  await saved(book);
  return 0;
};

const duplicates: Command = async (argv) => {
  const args = parseArgs(argv, { valued: BOOK_OPTIONS, flags: [], aliases: ALIASES });
  const book = await openBook(args);
  const report = await runDuplicates({ workbook: book.workbook, onProgress: progressReporter('duplicates') });
  if (report.sheet === null) throw new InputError(report.problems[0] ? render(report.problems[0].message, report.language) : 'no clients sheet');
  process.stderr.write(`Групп дубликатов: ${report.groups.length}, клиентов в них: ${report.duplicateClients}\n`);
  // A group of clients proven different is no one-click merge: it names no row to keep and says why.
  const whyNoMerge = (group: DuplicateGroupReport) => group.disagreement && render(disagreementMessage(group.disagreement), report.language);
  for (const group of report.groups.slice(0, 10)) {
    const warning = whyNoMerge(group);
    printLine(`  ${group.id}: ${group.members.join(', ')} — ${group.reason} (${group.score.toFixed(2)})${warning ? ` ${warning}` : ''}`);
  }
  process.stderr.write(`Общих контактов (не дубликаты): ${report.sharedContacts.length}\n`);
  for (const shared of report.sharedContacts.slice(0, 10)) printLine(`  ${shared.id}: ${shared.members.join(', ')} — ${shared.reason}`);
  const groups = report.groups.map((group) => {
    const { id, members, reason, score, suggestedKeep } = group;
    const warning = whyNoMerge(group);
    const evidence = group.evidence && render(group.evidence, report.language);
    return { id, members, reason, score, evidence, oneClickMerge: !warning, suggestedKeep: warning ? null : suggestedKeep, ...(warning ? { whyNoMerge: warning } : {}) };
  });
  const sharedContacts = report.sharedContacts.map(({ id, members, reason }) => ({ id, members, reason }));
  await writeJson(stringOption(args, '--json'), { groups, sharedContacts });
  await saved(book);
  return 0;
};

/** Items of each kind printed; the rest are counted (the JSON has them all). */
const TODAY_SHOWN = 20;

const today: Command = async (argv) => {
  const args = parseArgs(argv, { valued: ['--json', '--manager', '--as-of', '--google-sheet', '--credentials'], flags: [], aliases: ALIASES });
  const asOf = dayOption(args, '--as-of') ?? todayDay();
  const manager = stringOption(args, '--manager');
  const book = await openBook(args);
  const snapshot = await readWorkbook({ workbook: book.workbook, onProgress: progressReporter('today') });
  const base = readBase(snapshot);
  if (!base.layout.clients) throw new InputError(base.problems[0] ? render(base.problems[0].message, base.layout.language) : 'no clients sheet');
  if (manager !== undefined && !hasManager(base, manager)) {
    throw new InputError(`менеджера «${manager}» нет в базе / no manager "${manager}" in the base; есть / there are: ${managerNames(base).join(', ') || '—'}`);
  }
  const tracker = computeTracker(base.clients.map((c) => c.history), base.orders, base.orderClient, asOf, base.settings.coldDays, base.settings.rhythmSlip);
  const list = todayList(base, tracker, asOf, { manager, history: readHistory(snapshot) });
  const print = (line: string) => printLine(line, process.stdout);
  const day = (iso: string | null) => (iso ? ` · ${isoToDotted(iso)}` : '');
  print(`На ${isoToDotted(list.asOf)}${manager ? `, ${manager}` : ''}: ${countOf(list.items.length, ['дело', 'дела', 'дел'], ['item', 'items'], 'ru')}`);
  for (const kind of TODAY_KINDS) {
    const items = list.items.filter((item) => item.kind === kind);
    if (items.length === 0) continue;
    print(`${TODAY_KIND_TITLES[kind].ru}: ${formatCount(items.length, 'ru')}`);
    for (const item of items.slice(0, TODAY_SHOWN)) print(`  ${item.clientId}  ${item.client}${item.manager ? ` — ${item.manager}` : ''}${day(item.date)}${item.congratulated ? ' · поздравлен' : ''}`);
    if (items.length > TODAY_SHOWN) print(`  … и ещё ${formatCount(items.length - TODAY_SHOWN, 'ru')} (полный список: --json TODAY.json)`);
  }
  await writeJson(stringOption(args, '--json'), { asOf: list.asOf, items: list.items.map(({ clientId, client, manager: owner, kind, date }) => ({ clientId, client, manager: owner, kind, date })) });
  return 0;
};

const sample: Command = async (argv) => {
  const args = parseArgs(argv, { valued: ['-o', '--clients', '--orders', '--seed'], flags: [], aliases: ALIASES });
  const out = stringOption(args, '-o');
  if (!out) throw new UsageError('sample needs -o BOOK.xlsx');
  checkOutputs(args);
  const snapshot = generateSampleWorkbook({
    clients: positiveInteger(args, '--clients', 2000),
    orders: positiveInteger(args, '--orders', 15000),
    seed: positiveInteger(args, '--seed', 20261101),
  });
  await saveXlsx(XlsxWorkbook.fromSnapshot(snapshot), out);
  printLine(`Пример книги записан / sample workbook written: ${out}`);
  return 0;
};

const demo: Command = async (argv) => {
  const args = parseArgs(argv, { valued: ['--dir'], flags: [] });
  const dir = resolve(stringOption(args, '--dir') ?? 'demo');
  mkdirSync(dir, { recursive: true });
  const samplePath = join(dir, 'sample.xlsx');
  const resultPath = join(dir, 'result.xlsx');
  const snapshot = generateSampleWorkbook();
  await saveXlsx(XlsxWorkbook.fromSnapshot(snapshot), samplePath);
  printLine(`1. Пример книги малой фирмы: ${samplePath}`);
  const workbook = XlsxWorkbook.fromSnapshot(snapshot);
  // The sample's orders run up to its own as-of date: analysing on that date keeps the demo reproducible.
  const context: RunContext = { workbook, asOf: isoToDay(SAMPLE_DEFAULTS.asOf)!, onProgress: progressReporter('demo') };
  const structured = await runStructure(context);
  const n = (count: number) => formatCount(count, 'ru');
  const columns = countOf(structured.addedColumns.length, ['столбец', 'столбца', 'столбцов'], ['column', 'columns'], 'ru');
  process.stderr.write(`2. Структура: +${columns}, ${n(structured.idsFilled)} ID, проблем в данных: ${n(structured.problems.length)}\n`);
  await runCheck(context);
  const report = await runAnalysis(context);
  const cold = report.clients.filter((c) => c.cold).length;
  process.stderr.write(
    `3. Анализ на ${report.asOf}: ${countOf(report.clients.length, CLIENT_NOUN.ru, CLIENT_NOUN.en, 'ru')}, холодных ${n(cold)}; ` +
      `A ${n(report.abc.A.clients)} (${Math.round(report.abc.A.share * 100)} % выручки), B ${n(report.abc.B.clients)}, C ${n(report.abc.C.clients)}\n`,
  );
  const duplicates = await runDuplicates(context);
  process.stderr.write(`4. Дубликаты: групп ${n(duplicates.groups.length)}, клиентов в них ${n(duplicates.duplicateClients)} — лист «${duplicates.sheet}»\n`);
  await saveXlsx(workbook, resultPath);
  process.stdout.write(`Готово. Откройте результат / open the result: ${terminalSafe(resultPath)}\n`);
  return 0;
};

const bench: Command = async (argv) => {
  if (argv[0] === 'duplicates') {
    const args = parseArgs(argv.slice(1), { valued: ['--size', '--latin', '--heavy', '--speed', '--seed'], flags: [] });
    const { runDuplicatesBench } = await import('../bench/duplicates');
    return runDuplicatesBench({
      size: positiveInteger(args, '--size', 20_000, 1),
      latin: positiveInteger(args, '--latin', 5_000, 1),
      heavy: positiveInteger(args, '--heavy', 20_000, 1),
      speed: positiveInteger(args, '--speed', 100_000, 1),
      seed: positiveInteger(args, '--seed', 1),
    });
  }
  const args = parseArgs(argv, { valued: ['--clients', '--orders', '--seed'], flags: ['--no-xlsx'] });
  const { runBench } = await import('../bench/main');
  return runBench({
    clients: positiveInteger(args, '--clients', 100_000, 1),
    orders: positiveInteger(args, '--orders', 1_000_000, 1),
    seed: positiveInteger(args, '--seed', 7),
    xlsx: !args.options.has('--no-xlsx'),
  });
};

export const COMMANDS: Record<string, Command> = { structure, analyze, duplicates, check, today, export: exportCampaign, split: splitBase, merge: mergeParts, sample, demo, bench };
