/**
 * The «Когорты» result sheet: one row per cohort (oldest first), its clients and revenue, the shares of
 * months 1..12 as percentages with graded green fills, and beside it how to read it and what was left
 * out. Regenerated whole on each run.
 */
import type { CellValue } from '../workbook/snapshot';
import { FORMAT_INTEGER, FORMAT_MONEY, FORMAT_PERCENT, FORMAT_TEXT, type ColourRule, type SheetOperation } from '../workbook/operations';
import { parametersBlock, table } from './analysis-sheets';
import { say } from './base';
import { COHORT_MONTHS, MAX_COHORTS, type CohortReport } from './cohorts';
import type { DayNumber, Language } from './model';
import { dayToDate } from './normalise/date';
import { sheetName } from './schema';

/** Share bands, highest first (the first matching rule wins): white below 5 %, then lighter to darker green. */
export const SHARE_FILLS: readonly ColourRule[] = [
  { when: { atLeast: 0.5 }, fill: '#63BE7B' },
  { when: { atLeast: 0.3 }, fill: '#A9D08E' },
  { when: { atLeast: 0.15 }, fill: '#C6EFCE' },
  { when: { atLeast: 0.05 }, fill: '#E2F0D9' },
];

/** Columns before the month shares: cohort, clients, revenue, month-0 revenue. */
const LEADING_COLUMNS = 4;
const NOTES_COLUMN = LEADING_COLUMNS + COHORT_MONTHS + 2;

function readingNotes(report: CohortReport, language: Language): CellValue[][] {
  const lines =
    language === 'en'
      ? [
          'A row is a cohort: the clients whose first order fell in that month (yyyy-mm).',
          'Month k: the share of the cohort’s clients who ordered again in the k-th calendar month after the month of their first order (a second order in the first month itself does not count).',
          `The as-of month (${report.asOfMonth}) is not over: its cell, the last filled one of a row, counts orders up to the as-of date. Later months are empty, not 0.`,
          'Revenue: the cohort’s clients’ dated orders up to the as-of date; month 0: in the cohort month.',
          `Clients known only from typed order dates, or with typed dates before their order rows, are left out (their later months are unknown). At most the last ${MAX_COHORTS} cohorts.`,
        ]
      : [
          'Строка — когорта: клиенты, чей первый заказ был в этом месяце (гггг-мм).',
          'Месяц k — доля клиентов когорты, заказавших снова в k-й календарный месяц после месяца первого заказа (повторный заказ в том же месяце не считается).',
          `Месяц даты анализа (${report.asOfMonth}) не закончен: его клетка — последняя заполненная в строке — считает заказы по дату анализа. Более поздние месяцы пусты, а не 0.`,
          'Выручка — датированные заказы клиентов когорты по дату анализа; «в месяц 0» — в месяце когорты.',
          `Клиенты, известные только по введённым датам заказов или с датами раньше их строк заказов, не учтены (их следующие месяцы неизвестны). Не больше ${MAX_COHORTS} последних когорт.`,
        ];
  return lines.map((line) => [line]);
}

/** Когорты: the cohort table with its heat map, how to read it and the parameters. */
export function cohortsSheetOperations(report: CohortReport, asOf: DayNumber, language: Language): SheetOperation[] {
  const sheet = sheetName('cohorts', language);
  const monthHeader = (k: number) => say(language, `Месяц ${k}`, `Month ${k}`);
  const header = [
    say(language, 'Когорта (месяц первого заказа)', 'Cohort (month of first order)'),
    say(language, 'Клиентов', 'Clients'),
    say(language, 'Выручка', 'Revenue'),
    say(language, 'Выручка в месяц 0', 'Month 0 revenue'),
    ...Array.from({ length: COHORT_MONTHS }, (_, k) => monthHeader(k + 1)),
  ];
  const rows: CellValue[][] = report.cohorts.map((cohort) => [cohort.month, cohort.clients, cohort.revenue, cohort.firstMonthRevenue, ...cohort.shares]);
  const notes = readingNotes(report, language);
  const operations: SheetOperation[] = [
    table(
      sheet,
      null,
      header,
      rows,
      [FORMAT_TEXT, FORMAT_INTEGER, FORMAT_MONEY, FORMAT_MONEY, ...Array<string>(COHORT_MONTHS).fill(FORMAT_PERCENT)],
      [16, 10, 14, 14, ...Array<number>(COHORT_MONTHS).fill(9)],
    ),
    table(sheet, { row: 1, column: NOTES_COLUMN }, [say(language, 'Как читать', 'How to read it')], notes, [null], [90]),
    parametersBlock(
      sheet,
      { row: notes.length + 3, column: NOTES_COLUMN },
      [
        [say(language, 'Дата анализа', 'As of'), dayToDate(asOf)],
        [say(language, 'Клиентов в когортах', 'Clients in cohorts'), report.cohorts.reduce((sum, cohort) => sum + cohort.clients, 0)],
        [say(language, 'Не учтены: только введённые даты', 'Left out: typed dates only'), report.typedOnly],
        [say(language, 'Не учтены: введённые даты раньше заказов', 'Left out: typed dates before the orders'), report.typedEarlier],
        [say(language, `Первый заказ раньше ${MAX_COHORTS} когорт`, `First order before the ${MAX_COHORTS} cohorts`), report.olderClients],
      ],
      [null, null],
      language,
    ),
  ];
  if (rows.length > 0) {
    // How many came back 1, 3 and 6 months after their first order, cohort by cohort: a falling bar is a
    // worsening first experience, whatever the volume.
    const shownMonths = [1, 3, 6];
    operations.push({
      kind: 'addChart',
      sheet,
      chart: {
        type: 'column',
        title: say(language, 'Доля вернувшихся через 1, 3 и 6 месяцев', 'Share back after 1, 3 and 6 months'),
        categories: { column: 1, fromRow: 2, toRow: rows.length + 1 },
        series: shownMonths.map((k) => ({ name: monthHeader(k), values: { column: LEADING_COLUMNS + k, fromRow: 2, toRow: rows.length + 1 } })),
        anchor: { row: notes.length + 11, column: NOTES_COLUMN },
        width: 620,
        height: 320,
      },
    });
    for (let k = 1; k <= COHORT_MONTHS; k++) {
      operations.push({ kind: 'colourCells', sheet, column: LEADING_COLUMNS + k, fromRow: 2, toRow: rows.length + 1, rules: [...SHARE_FILLS] });
    }
  }
  return operations;
}
