/**
 * The «Сегодня» result sheet (ribbon, menu, panel): every manager's list of whom to contact today, the
 * same list as the panel's «Сегодня» tab and `crm-base today` (today.ts), grouped by manager, with each
 * manager's counts by kind beside it. A birthday of a client already congratulated on it (greetings.ts)
 * is listed with the mark and left out of the counts: it asks nothing more. Regenerated whole by each run,
 * like every result sheet.
 */
import type { SheetOperation } from '../workbook/operations';
import { FORMAT_DATE, FORMAT_INTEGER } from '../workbook/operations';
import type { CellValue, WorkbookSnapshot } from '../workbook/snapshot';
import type { Plan } from '../workbook/workbook';
import type { DayNumber, Language, Problem } from './model';
import { say } from './model';
import { readBase } from './base';
import { NoClientsSheetError } from './analysis';
import { computeTracker } from './tracker';
import { keepUsersSheets } from './result-sheets';
import type { Settings } from './settings';
import { dayToDate, isoToDay, isoToDotted } from './normalise/date';
import { sheetName } from './schema';
import { table } from './analysis-sheets';
import { TODAY_KIND_TITLES, TODAY_KINDS, todayList, type TodayKind, type TodayList } from './today';
import { readHistory } from './contact-history';

/** The kinds as short column titles of the counts table. */
const KIND_COLUMNS: Record<TodayKind, { ru: string; en: string }> = {
  overdue: { ru: 'Просрочено', en: 'Overdue' },
  today: { ru: 'Сегодня', en: 'Today' },
  slipping: { ru: 'Пропускают', en: 'Missing rhythm' },
  cold: { ru: 'Остыли', en: 'Gone cold' },
  birthday: { ru: 'Дни рождения', en: 'Birthdays' },
  new: { ru: 'Новые', en: 'New' },
};

export function todaySheetOperations(list: TodayList, language: Language): SheetOperation[] {
  const sheet = sheetName('today', language);
  const noManager = say(language, '(менеджер не указан)', '(no manager)');
  const managerOf = (name: string) => name.trim() || noManager;
  const managers = [...new Set(list.items.map((item) => managerOf(item.manager)))].sort((a, b) => a.localeCompare(b, 'ru'));
  const rank = new Map(managers.map((name, i) => [name, i]));
  // todayList's order (kind, date, name) is kept within each manager: the sort is stable.
  const items = [...list.items].sort((a, b) => rank.get(managerOf(a.manager))! - rank.get(managerOf(b.manager))!);
  const itemRows: CellValue[][] = items.map((item) => {
    const day = item.date === null ? null : isoToDay(item.date);
    const title = TODAY_KIND_TITLES[item.kind][language];
    return [managerOf(item.manager), item.congratulated ? `${title}: ${say(language, 'поздравлен', 'congratulated')}` : title, item.client, item.clientId, day === null ? null : dayToDate(day), item.row];
  });
  const countRows: CellValue[][] = managers.map((name) => {
    const own = items.filter((item) => managerOf(item.manager) === name && !item.congratulated);
    return [name, ...TODAY_KINDS.map((kind) => own.filter((item) => item.kind === kind).length), own.length];
  });
  return [
    table(
      sheet,
      null,
      [say(language, 'Менеджер', 'Manager'), say(language, 'Что сделать', 'To do'), say(language, 'Клиент', 'Client'), 'ID', say(language, 'Дата', 'Date'), say(language, 'Строка', 'Row')],
      itemRows,
      [null, null, '@', '@', FORMAT_DATE, FORMAT_INTEGER],
      [24, 40, 36, 12, 12, 8],
    ),
    table(
      sheet,
      { row: 1, column: 8 },
      [say(language, `На ${isoToDotted(list.asOf)}`, `As of ${list.asOf}`), ...TODAY_KINDS.map((kind) => KIND_COLUMNS[kind][language]), say(language, 'Всего', 'Total')],
      countRows,
      [null, ...TODAY_KINDS.map(() => FORMAT_INTEGER), FORMAT_INTEGER],
      [24, 12, 10, 12, 10, 14, 8, 8],
    ),
  ];
}

export interface TodaySheetReport {
  /** The sheet written (another name when a sheet of the user's holds «Сегодня»). */
  sheet: string;
  items: number;
  managers: number;
  problems: Problem[];
}

/**
 * Reads the base and plans the «Сегодня» sheet as of `asOf`. Throws NoClientsSheetError when the workbook
 * has no clients sheet: an empty list over nothing read would say there is nothing to do.
 */
export function planTodaySheet(snapshot: WorkbookSnapshot, asOf: DayNumber, settings?: Settings): Plan<TodaySheetReport> {
  const base = readBase(snapshot, settings);
  if (!base.layout.clients) throw new NoClientsSheetError(base.layout);
  const tracker = computeTracker(base.clients.map((c) => c.history), base.orders, base.orderClient, asOf, base.settings.coldDays, base.settings.rhythmSlip);
  const list = todayList(base, tracker, asOf, { history: readHistory(snapshot) });
  const kept = keepUsersSheets(snapshot, todaySheetOperations(list, base.layout.language));
  const sheet = kept.operations[0].sheet;
  const managers = new Set(list.items.map((item) => item.manager.trim())).size;
  return { operations: kept.operations, report: { sheet, items: list.items.length, managers, problems: kept.problems } };
}
