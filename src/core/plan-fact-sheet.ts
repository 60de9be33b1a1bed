/**
 * The result sheet «План-факт» ("Plan vs actual"; a sheet name may not hold «/»): month by month, per manager, the plan, the fact and the
 * share of the plan reached for revenue, new clients and contacts, a total row per month, and the
 * manager's load joined in (clients, and whether the active ones are within the `managerLimit`); the
 * shares coloured (below 80 % red, 80–100 % yellow, from 100 % green), the parameters beside the table and
 * a column chart of plan against fact revenue by manager for the latest full month. Regenerated whole.
 */
import type { CellValue } from '../workbook/snapshot';
import { FORMAT_INTEGER, FORMAT_MONEY, FORMAT_PERCENT, type ColourRule, type SheetOperation } from '../workbook/operations';
import { parametersBlock, table } from './analysis-sheets';
import { say } from './base';
import type { ManagerReport } from './managers';
import type { DayNumber, Language } from './model';
import { dayToDate, isoToDotted, dayToIso } from './normalise/date';
import { normaliseText } from './normalise/text';
import { planShare, type MeasurePair, type PlanFactReport, type PlanFactRow } from './plan-fact';
import { PLAN_MEASURES, type PlanMeasure } from './plan-sheet';
import { sheetName } from './schema';
import { cleanSum } from './tracker';

/** Shares below this are red, from it up to 1 yellow, from 1 green. */
export const SHARE_WARNING = 0.8;

const SHARE_RULES: ColourRule[] = [
  { when: { atLeast: 1 }, fill: '#C6EFCE', fontColour: '#006100' },
  { when: { atLeast: SHARE_WARNING }, fill: '#FFEB9C', fontColour: '#9C5700' },
  { when: { atMost: SHARE_WARNING }, fill: '#F8CBAD', fontColour: '#9C0006' },
];

/** 1-based columns of the table: month, manager, then plan, fact and share of each measure. */
const MANAGER_COLUMN = 2;
const measureColumn = (measure: PlanMeasure) => 3 + PLAN_MEASURES.indexOf(measure) * 3;
const PARAMETERS_COLUMN = 17;

function header(language: Language, limit: number): string[] {
  const names: Record<PlanMeasure, string> = {
    revenue: say(language, 'Выручка', 'Revenue'),
    newClients: say(language, 'Новые клиенты', 'New clients'),
    contacts: say(language, 'Контакты', 'Contacts'),
  };
  return [
    say(language, 'Месяц', 'Month'),
    say(language, 'Менеджер', 'Manager'),
    ...PLAN_MEASURES.flatMap((m) => [`${names[m]}, ${say(language, 'план', 'plan')}`, `${names[m]}, ${say(language, 'факт', 'actual')}`, `${names[m]}, ${say(language, '% плана', '% of plan')}`]),
    say(language, 'Клиентов у менеджера', "Manager's clients"),
    say(language, `Активных не больше ${limit}`, `Active within ${limit}`),
    say(language, 'Месяц полный?', 'Month complete?'),
  ];
}

const sumOf = (values: Array<number | null>): number | null => (values.every((v) => v === null) ? null : cleanSum(values.reduce<number>((s, v) => s + (v ?? 0), 0)));

function measureCells(pair: MeasurePair): CellValue[] {
  return [pair.plan, pair.fact, planShare(pair)];
}

/** Runs of consecutive rows (spreadsheet numbers) whose share in `column` is a number: an empty cell must not be coloured red. */
function shareRuns(shares: Array<number | null>, firstRow: number): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  shares.forEach((share, i) => {
    if (share === null) return;
    const row = firstRow + i;
    const last = runs[runs.length - 1];
    if (last && last[1] === row - 1) last[1] = row;
    else runs.push([row, row]);
  });
  return runs;
}

export interface PlanFactSheetInput {
  report: PlanFactReport;
  managers: ManagerReport;
  asOf: DayNumber;
  language: Language;
  /** The plan sheet's name, null when the workbook had none. */
  planSheet: string | null;
}

export function planFactSheetOperations(input: PlanFactSheetInput): SheetOperation[] {
  const { report, managers, language } = input;
  const sheet = sheetName('planFact', language);
  const loads = new Map(managers.managers.map((m) => [normaliseText(m.manager), m]));
  const asOfText = isoToDotted(dayToIso(input.asOf));
  const monthState = (month: string): string =>
    month === report.partialMonth ? say(language, `нет, по ${asOfText}`, `no, up to ${asOfText}`) : month > dayToIso(input.asOf).slice(0, 7) ? say(language, 'ещё не начался', 'not begun') : say(language, 'да', 'yes');
  const rows: CellValue[][] = [];
  let chartRows: [number, number] | null = null;
  for (const month of report.months) {
    const ofMonth = report.rows.filter((r) => r.month === month);
    const first = rows.length + 2;
    for (const row of ofMonth) {
      const load = loads.get(normaliseText(row.manager));
      rows.push([
        month,
        row.manager === '' ? say(language, '(не назначен)', '(unassigned)') : row.manager,
        ...PLAN_MEASURES.flatMap((m) => measureCells(row[m])),
        load ? load.clients : null,
        load ? (load.overLimit ? say(language, 'нет', 'no') : say(language, 'да', 'yes')) : null,
        monthState(month),
      ]);
    }
    if (month === report.fullMonth && ofMonth.length > 0) chartRows = [first, first + ofMonth.length - 1];
    const total = (m: PlanMeasure): MeasurePair => ({ plan: sumOf(ofMonth.map((r: PlanFactRow) => r[m].plan)), fact: sumOf(ofMonth.map((r) => r[m].fact)) });
    rows.push([month, say(language, 'Итого', 'Total'), ...PLAN_MEASURES.flatMap((m) => measureCells(total(m))), null, null, monthState(month)]);
  }
  const formats = [null, null, ...PLAN_MEASURES.flatMap((m) => [m === 'revenue' ? FORMAT_MONEY : FORMAT_INTEGER, m === 'revenue' ? FORMAT_MONEY : FORMAT_INTEGER, FORMAT_PERCENT]), FORMAT_INTEGER, null, null];
  const operations: SheetOperation[] = [table(sheet, null, header(language, managers.limit), rows, formats, [10, 24, 14, 14, 10, 10, 10, 10, 10, 10, 10, 12, 14, 16])];
  for (const measure of PLAN_MEASURES) {
    const column = measureColumn(measure) + 2;
    const shares = rows.map((r) => r[column - 1] as number | null);
    for (const [fromRow, toRow] of shareRuns(shares, 2)) operations.push({ kind: 'colourCells', sheet, column, fromRow, toRow, rules: SHARE_RULES });
  }
  const parameters: CellValue[][] = [
    [say(language, 'Дата анализа', 'As of'), dayToDate(input.asOf)],
    [say(language, 'Месяцы', 'Months'), report.fromPlan ? say(language, `из листа «${input.planSheet}»`, `from the sheet «${input.planSheet}»`) : say(language, 'последние 3 с фактом (плана нет)', 'the last 3 with a fact (no plan)')],
    [say(language, 'Норма активных клиентов на менеджера', 'Active clients per manager limit'), managers.limit],
  ];
  if (report.months.length === 0) {
    parameters.push([
      say(language, 'Таблица пуста', 'The table is empty'),
      say(language, 'нет ни плана, ни заказов с датой до даты анализа: заполните лист «План» или запишите заказы', 'no plan and no dated orders up to the as-of date: fill in the «Plan» sheet or record orders'),
    ]);
  }
  if (!report.contactsKnown) parameters.push([say(language, 'Факт контактов', 'Contacts fact'), say(language, 'не считается: нет листа «История»', 'not counted: no «History» sheet')]);
  operations.push(parametersBlock(sheet, { row: 1, column: PARAMETERS_COLUMN }, parameters, [null, null], language));
  if (chartRows) {
    const [fromRow, toRow] = chartRows;
    const column = measureColumn('revenue');
    operations.push({
      kind: 'addChart',
      sheet,
      chart: {
        type: 'column',
        title: say(language, `Выручка: план и факт, ${report.fullMonth}`, `Revenue: plan and actual, ${report.fullMonth}`),
        categories: { column: MANAGER_COLUMN, fromRow, toRow },
        series: [
          { name: say(language, 'План', 'Plan'), values: { column, fromRow, toRow } },
          { name: say(language, 'Факт', 'Actual'), values: { column: column + 1, fromRow, toRow } },
        ],
        anchor: { row: parameters.length + 4, column: PARAMETERS_COLUMN },
        width: 600,
        height: 340,
      },
    });
  }
  return operations;
}
