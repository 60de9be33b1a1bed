/**
 * The user's plan sheet «План» ("Plan"): one row per manager and month with the planned revenue, new
 * clients and contacts. It is the user's input and is only read — a cell that cannot be read becomes a
 * problem (sheet, row, the user's header, what to do) and the rest of the sheet is read on. When the
 * workbook has none, `planTemplateOperations` creates an empty one to fill in.
 *
 * A month is read from a date cell (its month), an Excel serial, or the texts «2026-03», «03.2026»,
 * «3/2026», «март 2026» / «March 2026» (any case, «марта» too) and a full date «01.03.2026»; a bare number
 * only as a date serial from 2000 on.
 */
import { FORMAT_INTEGER, FORMAT_MONEY, FORMAT_TEXT, type SheetOperation } from '../workbook/operations';
import { sourceRowNumber, type CellValue, type SheetSnapshot, type WorkbookSnapshot } from '../workbook/snapshot';
import { say } from './base';
import type { Language, Problem } from './model';
import { message } from './messages/message';
import { calendarDay, dayToIso, parseDay } from './normalise/date';
import { parseAmount } from './normalise/amount';
import { cellText, normaliseText } from './normalise/text';
import { table } from './analysis-sheets';
import { headerKey, PLAN_FIELDS, PLAN_HEADERS, sheetName, sheetNameMatches, type PlanField } from './schema';

/** A month as `yyyy-mm`. */
export type MonthKey = string;

export type PlanMeasure = 'revenue' | 'newClients' | 'contacts';
export const PLAN_MEASURES: readonly PlanMeasure[] = ['revenue', 'newClients', 'contacts'];

export interface PlanRow {
  row: number;
  /** As typed (trimmed). */
  manager: string;
  month: MonthKey;
  /** Null where the cell is empty or unreadable. */
  revenue: number | null;
  newClients: number | null;
  contacts: number | null;
}

export interface PlanSheet {
  /** The sheet's actual name; null when the workbook has no plan sheet. */
  sheet: string | null;
  rows: PlanRow[];
  problems: Problem[];
}

const MONTH_WORDS: Array<[RegExp, number]> = [
  [/^(январ|jan)/, 1], [/^(феврал|feb)/, 2], [/^(март|мар|mar)/, 3], [/^(апрел|apr)/, 4], [/^(ма[йя]|may)/, 5], [/^(июн|jun)/, 6],
  [/^(июл|jul)/, 7], [/^(август|aug)/, 8], [/^(сентябр|sep)/, 9], [/^(октябр|oct)/, 10], [/^(ноябр|nov)/, 11], [/^(декабр|dec)/, 12],
];

const monthKey = (year: number, month: number): MonthKey | null =>
  year >= 1900 && year <= 2199 && month >= 1 && month <= 12 ? `${year}-${String(month).padStart(2, '0')}` : null;

/** Excel's serial of 01.01.2000. */
const SERIAL_OF_2000 = 36_526;

/** The month a cell names, or null. */
export function parseMonth(value: CellValue | undefined): MonthKey | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const text = normaliseText(value);
    let m = /^(\d{4})[-./](\d{1,2})$/.exec(text);
    if (m) return monthKey(Number(m[1]), Number(m[2]));
    m = /^(\d{1,2})[-./](\d{4})$/.exec(text);
    if (m) return monthKey(Number(m[2]), Number(m[1]));
    m = /^(\p{L}+)\.?\s+(\d{4})(?:\s*(?:г|г\.|года?))?$/u.exec(text);
    if (m) {
      const word = MONTH_WORDS.find(([pattern]) => pattern.test(m![1]));
      return word ? monthKey(Number(m[2]), word[1]) : null;
    }
  }
  // A bare number is a date serial only from 2000 on: a «3» typed for March is not 03.01.1900.
  if (typeof value === 'number' && value < SERIAL_OF_2000) return null;
  const day = parseDay(value, { serialNumbers: true }).day;
  return day === null ? null : dayToIso(day).slice(0, 7);
}

/** The first day of a month key, as a day number. */
export function monthStart(month: MonthKey): number {
  return calendarDay(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1) as number;
}

/** The month `n` months after `month` (n may be negative). */
export function addMonths(month: MonthKey, n: number): MonthKey {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return monthKey(Math.floor(index / 12), (index % 12) + 1) as MonthKey;
}

function findPlanSheet(snapshot: WorkbookSnapshot): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => sheetNameMatches('plan', s.name));
}

function planColumns(sheet: SheetSnapshot): Partial<Record<PlanField, number>> {
  const columns: Partial<Record<PlanField, number>> = {};
  sheet.header.forEach((cell, at) => {
    const key = headerKey(cell);
    const field = PLAN_FIELDS.find((f) => [...PLAN_HEADERS[f].ru, ...PLAN_HEADERS[f].en].some((name) => headerKey(name) === key));
    if (field && columns[field] === undefined) columns[field] = at;
  });
  return columns;
}

/** A planned figure: a number ≥ 0; null for an empty cell; a problem otherwise. */
function planFigure(value: CellValue | undefined): { figure: number | null; bad: boolean } {
  if (value === null || value === undefined || cellText(value).trim() === '') return { figure: null, bad: false };
  const { amount } = parseAmount(value);
  return amount === null || amount < 0 ? { figure: null, bad: true } : { figure: amount, bad: false };
}

/** The plan rows of the workbook's plan sheet, with a problem for each cell that cannot be read. */
export function readPlanSheet(snapshot: WorkbookSnapshot): PlanSheet {
  const sheet = findPlanSheet(snapshot);
  if (!sheet) return { sheet: null, rows: [], problems: [] };
  const columns = planColumns(sheet);
  const headerOf = (field: PlanField) => (columns[field] === undefined ? '' : cellText(sheet.header[columns[field]!]).trim());
  const problems: Problem[] = [];
  const missing = (['manager', 'month'] as const).filter((field) => columns[field] === undefined);
  if (missing.length > 0) {
    const wanted = missing.map((field) => ({ ru: PLAN_HEADERS[field].ru[0], en: PLAN_HEADERS[field].en[0] }));
    problems.push({ sheet: sheet.name, row: 1, column: '', value: '', message: message('plan.noColumn', { sheet: sheet.name, columns: wanted.map((w) => message('plan.header', { header: w })) }) });
    return { sheet: sheet.name, rows: [], problems };
  }
  const rows: PlanRow[] = [];
  sheet.rows.forEach((cells, index) => {
    const at = (field: PlanField) => (columns[field] === undefined ? undefined : cells[columns[field]!]);
    const row = sourceRowNumber(sheet, index);
    const manager = cellText(at('manager') ?? null).trim();
    const monthCell = at('month');
    const monthText = cellText(monthCell ?? null).trim();
    if (!manager && !monthText) return;
    const problem = (field: PlanField, key: 'plan.noManager' | 'plan.badMonth' | 'plan.badFigure', value: string) =>
      problems.push({ sheet: sheet.name, row, column: headerOf(field), value, message: message(key, { value }) });
    const month = parseMonth(monthCell);
    if (!manager) problem('manager', 'plan.noManager', '');
    if (month === null) problem('month', 'plan.badMonth', monthText);
    const figures = PLAN_MEASURES.map((measure) => {
      const read = planFigure(at(measure));
      if (read.bad) problem(measure, 'plan.badFigure', cellText(at(measure) ?? null));
      return read.figure;
    });
    if (!manager || month === null) return;
    rows.push({ row, manager, month, revenue: figures[0], newClients: figures[1], contacts: figures[2] });
  });
  return { sheet: sheet.name, rows, problems };
}

/**
 * The empty plan sheet for a workbook that has none: the header, one row per known manager and month
 * (`months`), the plan cells empty with their number formats, and how to fill it in beside the table.
 */
export function planTemplateOperations(managers: readonly string[], months: readonly MonthKey[], language: Language): SheetOperation[] {
  const sheet = sheetName('plan', language);
  const header = PLAN_FIELDS.map((field) => PLAN_HEADERS[field][language][0]);
  const names = managers.length > 0 ? managers : [''];
  const rows: CellValue[][] = months.flatMap((month) => names.map((manager) => [manager === '' ? null : manager, month, null, null, null]));
  const help = [
    [say(language, 'Одна строка — менеджер и месяц. Впишите план в пустые ячейки.', 'One row per manager and month. Type the plan into the empty cells.')],
    [say(language, 'Месяц: 2026-03, 03.2026, «март 2026» или дата (любой день месяца).', 'Month: 2026-03, 03.2026, «March 2026» or a date (any day of the month).')],
    [say(language, 'Пустая ячейка — плана нет; факт всё равно посчитается.', 'An empty cell means no plan; the fact is counted anyway.')],
    [say(language, `Лист «${sheetName('planFact', language)}» строится по этому листу; надстройка его не меняет.`, `The sheet «${sheetName('planFact', language)}» is built from this one; the product never changes it.`)],
  ];
  return [
    table(sheet, null, header, rows, [FORMAT_TEXT, FORMAT_TEXT, FORMAT_MONEY, FORMAT_INTEGER, FORMAT_INTEGER], [24, 10, 14, 14, 12]),
    table(sheet, { row: 1, column: PLAN_FIELDS.length + 2 }, [say(language, 'Как заполнять', 'How to fill in')], help, [null], [70]),
  ];
}
