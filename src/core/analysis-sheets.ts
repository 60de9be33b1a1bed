/**
 * The result sheets of the analysis — RFM, Воронка, Менеджеры; the ABC sheets are in abc-sheets.ts — as
 * sheet operations, and the table blocks all result sheets are made of. Each sheet is regenerated whole
 * (the first table replaces the sheet), so running the analysis twice gives the same workbook. Names and
 * headers follow the workbook's language.
 */
import type { CellValue } from '../workbook/snapshot';
import {
  FORMAT_INTEGER,
  FORMAT_MONEY,
  FORMAT_PERCENT,
  FORMAT_TEXT,
  type ColumnRange,
  type SheetOperation,
  type WriteTable,
} from '../workbook/operations';
import { say } from './base';
import type { FunnelReport } from './funnel';
import type { ManagerReport } from './managers';
import type { Client, DayNumber, Language } from './model';
import { dayToDate } from './normalise/date';
import { SEGMENT_KEYS, segmentLabel, type RfmResult } from './rfm';
import { rfmThresholdTable } from './rfm-thresholds';
import { sheetName } from './schema';
import { FUNNEL_STATUSES } from './statuses';
import type { Tally } from './tally';
import { cleanSum, type TrackerRow } from './tracker';

export const HEADER_FILL = '#DDEBF7';

/** A table block: the first block of a sheet replaces it; later ones sit beside or below it. */
export function table(
  sheet: string,
  anchor: { row: number; column: number } | null,
  header: string[],
  rows: CellValue[][],
  numberFormats: (string | null)[],
  columnWidths: (number | null)[],
): WriteTable {
  const op: WriteTable = { kind: 'writeTable', sheet, replace: anchor === null, header, rows, numberFormats, columnWidths, headerFill: HEADER_FILL };
  if (anchor === null) {
    op.freezeHeader = true;
    op.autoFilter = true;
  } else {
    op.anchor = anchor;
  }
  return op;
}

/** A bar chart of one column of counts against the labels in the column before it. */
export function countChart(sheet: string, title: string, seriesName: string, labels: ColumnRange, anchor: { row: number; column: number }, height: number): SheetOperation {
  const values = { ...labels, column: labels.column + 1 };
  return { kind: 'addChart', sheet, chart: { type: 'bar', title, categories: labels, series: [{ name: seriesName, values }], anchor, width: 560, height } };
}

export function parametersBlock(sheet: string, anchor: { row: number; column: number }, rows: CellValue[][], formats: (string | null)[], language: Language): WriteTable {
  return table(sheet, anchor, [say(language, 'Параметр', 'Parameter'), say(language, 'Значение', 'Value')], rows, formats, [34, 14]);
}


export interface RfmSheetInput {
  clients: readonly Client[];
  tracker: readonly TrackerRow[];
  rfm: RfmResult;
  asOf: DayNumber;
  language: Language;
}

const THRESHOLDS_COLUMN = 12;

/** A parameter row saying how many scored clients have no known revenue (their M counts only what is known). */
function unknownRevenueParameter(count: number, language: Language): CellValue[][] {
  if (count === 0) return [];
  return [[say(language, 'Выручка неизвестна (M — по известной части)', 'Revenue unknown (M from the known part)'), count]];
}

/**
 * RFM: the scored clients (best codes first, then sheet order), the thresholds used, the parameters,
 * a segment summary and a chart of clients per segment.
 */
export function rfmSheetOperations(input: RfmSheetInput): SheetOperation[] {
  const { clients, tracker, rfm, language } = input;
  const sheet = sheetName('rfm', language);
  const scored: number[] = [];
  rfm.scores.forEach((score, i) => {
    if (score) scored.push(i);
  });
  const codeOf = (i: number) => (rfm.scores[i] as { code: string }).code;
  scored.sort((a, b) => (codeOf(a) < codeOf(b) ? 1 : codeOf(a) > codeOf(b) ? -1 : a - b));
  const rows: CellValue[][] = scored.map((i) => {
    const score = rfm.scores[i] as NonNullable<RfmResult['scores'][number]>;
    const t = tracker[i];
    // An unknown revenue is left empty, not shown as the part that is known.
    return [clients[i].id ?? '', clients[i].name, t.daysSinceLastOrder, t.orders, t.revenueKnown ? t.revenue : null, score.r, score.f, score.m, score.code, segmentLabel(score.segment, language)];
  });

  const thresholds = rfmThresholdTable(rfm.thresholds, language);

  const segmentCounts = new Map<string, { clients: number; revenue: number }>(SEGMENT_KEYS.map((key) => [key, { clients: 0, revenue: 0 }]));
  let scoredRevenue = 0;
  for (const i of scored) {
    const entry = segmentCounts.get((rfm.scores[i] as { segment: string }).segment) as { clients: number; revenue: number };
    entry.clients++;
    entry.revenue += tracker[i].revenue;
    scoredRevenue += tracker[i].revenue;
  }
  const segmentRows: CellValue[][] = SEGMENT_KEYS.map((key) => {
    const entry = segmentCounts.get(key) as { clients: number; revenue: number };
    return [
      segmentLabel(key, language),
      entry.clients,
      scored.length > 0 ? entry.clients / scored.length : 0,
      cleanSum(entry.revenue),
      scoredRevenue > 0 ? entry.revenue / scoredRevenue : 0,
    ];
  });
  const segmentsRow = 10;
  return [
    table(
      sheet,
      null,
      ['ID', say(language, 'Клиент', 'Client'), say(language, 'Дней с последнего заказа', 'Days since last order'), say(language, 'Заказов', 'Orders'), say(language, 'Выручка', 'Revenue'), 'R', 'F', 'M', 'RFM', say(language, 'Сегмент', 'Segment')],
      rows,
      [null, null, FORMAT_INTEGER, FORMAT_INTEGER, FORMAT_MONEY, FORMAT_INTEGER, FORMAT_INTEGER, FORMAT_INTEGER, FORMAT_TEXT, null],
      [10, 36, 12, 9, 14, 4, 4, 4, 6, 22],
    ),
    table(
      sheet,
      { row: 1, column: THRESHOLDS_COLUMN },
      thresholds.header,
      thresholds.rows,
      [null, null, null, null, null, null],
      [30, 12, 12, 12, 12, 60],
    ),
    parametersBlock(
      sheet,
      { row: 6, column: THRESHOLDS_COLUMN },
      [
        [say(language, 'Дата анализа', 'As of'), dayToDate(input.asOf)],
        [say(language, 'Клиентов с заказами', 'Clients with orders'), scored.length],
        ...unknownRevenueParameter(scored.filter((i) => !tracker[i].revenueKnown).length, language),
      ],
      [null, null],
      language,
    ),
    table(
      sheet,
      { row: segmentsRow, column: THRESHOLDS_COLUMN },
      [say(language, 'Сегмент', 'Segment'), say(language, 'Клиентов', 'Clients'), say(language, 'Доля клиентов', 'Share of clients'), say(language, 'Выручка', 'Revenue'), say(language, 'Доля выручки', 'Share of revenue')],
      segmentRows,
      [null, FORMAT_INTEGER, FORMAT_PERCENT, FORMAT_MONEY, FORMAT_PERCENT],
      [30, 10, 10, 14, 12],
    ),
    {
      kind: 'addChart',
      sheet,
      chart: {
        type: 'bar',
        title: say(language, 'Клиенты по сегментам RFM', 'Clients by RFM segment'),
        categories: { column: THRESHOLDS_COLUMN, fromRow: segmentsRow + 1, toRow: segmentsRow + SEGMENT_KEYS.length },
        series: [{ name: say(language, 'Клиентов', 'Clients'), values: { column: THRESHOLDS_COLUMN + 1, fromRow: segmentsRow + 1, toRow: segmentsRow + SEGMENT_KEYS.length } }],
        anchor: { row: segmentsRow + SEGMENT_KEYS.length + 2, column: THRESHOLDS_COLUMN },
        width: 600,
        height: 340,
      },
    },
  ];
}

function tallyRows(tallies: readonly Tally[], total: number, emptyLabel: string): CellValue[][] {
  return tallies.map((t) => [t.label === '' ? emptyLabel : t.label, t.count, total > 0 ? t.count / total : 0]);
}

/** Воронка: clients per status (funnel order, with status fills), per city, per industry; a chart. */
export function funnelSheetOperations(report: FunnelReport, language: Language): SheetOperation[] {
  const sheet = sheetName('funnel', language);
  const share = (n: number) => (report.total > 0 ? n / report.total : 0);
  const statusRows: CellValue[][] = [
    ...report.statuses.map((s) => [FUNNEL_STATUSES.find((f) => f.key === s.key)?.[language] ?? s.key, s.clients, share(s.clients)]),
    [say(language, 'Другой статус', 'Other status'), report.unknownStatus, share(report.unknownStatus)],
    [say(language, 'Статус не указан', 'No status'), report.emptyStatus, share(report.emptyStatus)],
    [say(language, 'Итого', 'Total'), report.total, report.total > 0 ? 1 : 0],
  ];
  const formats = [null, FORMAT_INTEGER, FORMAT_PERCENT];
  const notGiven = say(language, '(не указан)', '(not given)');
  return [
    table(sheet, null, [say(language, 'Статус', 'Status'), say(language, 'Клиентов', 'Clients'), say(language, 'Доля', 'Share')], statusRows, formats, [22, 10, 8]),
    table(sheet, { row: 1, column: 5 }, [say(language, 'Город', 'City'), say(language, 'Клиентов', 'Clients'), say(language, 'Доля', 'Share')], tallyRows(report.cities, report.total, notGiven), formats, [22, 10, 8]),
    table(sheet, { row: 1, column: 9 }, [say(language, 'Отрасль', 'Industry'), say(language, 'Клиентов', 'Clients'), say(language, 'Доля', 'Share')], tallyRows(report.industries, report.total, say(language, '(не указана)', '(not given)')), formats, [26, 10, 8]),
    {
      kind: 'colourCells',
      sheet,
      column: 1,
      fromRow: 2,
      toRow: FUNNEL_STATUSES.length + 1,
      rules: FUNNEL_STATUSES.map((s) => ({ when: { equals: s[language] }, fill: s.fill, fontColour: s.font })),
    },
    countChart(sheet, say(language, 'Клиенты по статусам воронки', 'Clients by funnel status'), say(language, 'Клиентов', 'Clients'), { column: 1, fromRow: 2, toRow: FUNNEL_STATUSES.length + 1 }, { row: 1, column: 13 }, 360),
  ];
}

/** Менеджеры: load per manager (over-limit flagged) and, beside it, the cold clients to reassign. */
export function managersSheetOperations(report: ManagerReport, language: Language): SheetOperation[] {
  const sheet = sheetName('managers', language);
  const unassigned = say(language, '(не назначен)', '(unassigned)');
  const yes = say(language, 'да', 'yes');
  const rows: CellValue[][] = report.managers.map((m) => [
    m.manager === '' ? unassigned : m.manager,
    m.clients,
    m.active,
    m.cold,
    m.withoutOrders,
    m.revenue,
    m.overLimit ? yes : say(language, 'нет', 'no'),
  ]);
  const coldRows: CellValue[][] = report.coldClients.map((c) => [c.id ?? '', c.name, c.manager === '' ? unassigned : c.manager, c.daysSinceLastOrder, c.revenue]);
  const operations: SheetOperation[] = [
    table(
      sheet,
      null,
      [
        say(language, 'Менеджер', 'Manager'),
        say(language, 'Клиентов', 'Clients'),
        say(language, 'Активных', 'Active'),
        say(language, 'Холодных', 'Cold'),
        say(language, 'Без заказов', 'Without orders'),
        say(language, 'Выручка', 'Revenue'),
        say(language, `Больше ${report.limit} активных`, `Over ${report.limit} active`),
      ],
      rows,
      [null, FORMAT_INTEGER, FORMAT_INTEGER, FORMAT_INTEGER, FORMAT_INTEGER, FORMAT_MONEY, null],
      [24, 10, 10, 10, 12, 14, 16],
    ),
    table(
      sheet,
      { row: 1, column: 9 },
      ['ID', say(language, 'Холодный клиент', 'Cold client'), say(language, 'Менеджер', 'Manager'), say(language, 'Дней с последнего заказа', 'Days since last order'), say(language, 'Выручка', 'Revenue')],
      coldRows,
      [null, null, null, FORMAT_INTEGER, FORMAT_MONEY],
      [10, 36, 24, 12, 14],
    ),
  ];
  if (rows.length > 0) {
    operations.push({ kind: 'colourCells', sheet, column: 7, fromRow: 2, toRow: rows.length + 1, rules: [{ when: { equals: yes }, fill: '#F8CBAD', fontColour: '#9C0006' }] });
  }
  return operations;
}

