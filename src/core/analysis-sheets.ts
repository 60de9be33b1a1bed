/**
 * The result sheets of the analysis — ABC (clients), ABC of services, RFM, Воронка, Менеджеры — as
 * sheet operations. Each sheet is regenerated whole (the first table replaces the sheet), so running
 * the analysis twice gives the same workbook. Names and headers follow the workbook's language.
 */
import type { CellValue } from '../workbook/snapshot';
import {
  FORMAT_INTEGER,
  FORMAT_MONEY,
  FORMAT_PERCENT,
  FORMAT_TEXT,
  type SheetOperation,
  type WriteTable,
} from '../workbook/operations';
import type { AbcRanking, AbcSummary } from './abc';
import { countOf } from './plural';
import { say } from './base';
import type { FunnelReport } from './funnel';
import type { ManagerReport } from './managers';
import type { Client, DayNumber, Language } from './model';
import { dayToDate } from './normalise/date';
import { RFM_PERCENTILES, SEGMENT_KEYS, segmentLabel, type RfmResult } from './rfm';
import { sheetName } from './schema';
import type { ServiceRevenue } from './service-revenue';
import { FUNNEL_STATUSES } from './statuses';
import type { Tally } from './tally';
import { cleanSum, type TrackerRow } from './tracker';

export const HEADER_FILL = '#DDEBF7';
/** How many top items a Pareto chart shows: beyond that the bars are too thin to read. */
export const PARETO_CHART_ITEMS = 50;

export const ABC_FILLS = {
  A: { fill: '#C6EFCE', fontColour: '#006100' },
  B: { fill: '#FFEB9C', fontColour: '#7F6000' },
  C: { fill: '#F2F2F2', fontColour: '#595959' },
} as const;

export function noSalesLabel(language: Language): string {
  return say(language, 'нет продаж', 'no sales');
}

/** A client who bought (a typed order date or count) but whose revenue is not known. */
export function revenueUnknownLabel(language: Language): string {
  return say(language, 'выручка неизвестна', 'revenue unknown');
}

/** A table block: the first block of a sheet replaces it; later ones sit beside or below it. */
function table(
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

function abcSummaryRows(summary: AbcSummary, revenueUnknown: number, language: Language): CellValue[][] {
  return [
    ...(['A', 'B', 'C'] as const).map((cls) => [cls, summary[cls].clients, summary[cls].revenue, summary[cls].share]),
    [noSalesLabel(language), summary.none - revenueUnknown, null, null],
    ...(revenueUnknown > 0 ? [[revenueUnknownLabel(language), revenueUnknown, null, null]] : []),
    [say(language, 'Итого', 'Total'), summary.A.clients + summary.B.clients + summary.C.clients + summary.none, summary.total, summary.total > 0 ? 1 : 0],
  ];
}

function parametersBlock(sheet: string, anchor: { row: number; column: number }, rows: CellValue[][], formats: (string | null)[], language: Language): WriteTable {
  return table(sheet, anchor, [say(language, 'Параметр', 'Parameter'), say(language, 'Значение', 'Value')], rows, formats, [34, 14]);
}

function abcColours(sheet: string, column: number, count: number): SheetOperation[] {
  if (count === 0) return [];
  return [{
    kind: 'colourCells',
    sheet,
    column,
    fromRow: 2,
    toRow: count + 1,
    rules: (['A', 'B', 'C'] as const).map((cls) => ({ when: { equals: cls }, ...ABC_FILLS[cls] })),
  }];
}

function paretoChart(sheet: string, title: string, ranked: number, nameColumn: number, valueColumn: number, cumulativeColumn: number, anchorColumn: number, language: Language): SheetOperation[] {
  if (ranked === 0) return [];
  const toRow = Math.min(ranked, PARETO_CHART_ITEMS) + 1;
  return [{
    kind: 'addChart',
    sheet,
    chart: {
      type: 'pareto',
      title,
      categories: { column: nameColumn, fromRow: 2, toRow },
      series: [
        { name: say(language, 'Выручка', 'Revenue'), values: { column: valueColumn, fromRow: 2, toRow } },
        { name: say(language, 'Накопленная доля', 'Cumulative share'), values: { column: cumulativeColumn, fromRow: 2, toRow }, asLine: true, secondaryAxis: true },
      ],
      anchor: { row: 14, column: anchorColumn },
      width: 720,
      height: 360,
    },
  }];
}

/**
 * What the two ABC sheets (clients, services) share right of their table: the class summary, the
 * parameters, the class colours of column G and a Pareto chart over the `ranked` rows.
 */
function abcSideBlocks(
  sheet: string,
  input: { summary: AbcSummary; asOf: DayNumber; cutA: number; cutB: number; language: Language; revenueUnknown?: number },
  [countHeader, chartTitle]: [string, string],
  ranked: number,
  nameColumn: number,
): SheetOperation[] {
  const { language } = input;
  return [
    table(
      sheet,
      { row: 1, column: 9 },
      [say(language, 'Класс', 'Class'), countHeader, say(language, 'Выручка', 'Revenue'), say(language, 'Доля выручки', 'Revenue share')],
      abcSummaryRows(input.summary, input.revenueUnknown ?? 0, language),
      [null, FORMAT_INTEGER, FORMAT_MONEY, FORMAT_PERCENT],
      [12, 10, 14, 12],
    ),
    ...revenueUnknownNote(sheet, input.revenueUnknown ?? 0, language),
    parametersBlock(sheet, { row: 8, column: 9 }, abcParameters(input.asOf, input.cutA, input.cutB, language), [null, null], language),
    ...abcColours(sheet, 7, ranked),
    ...paretoChart(sheet, chartTitle, ranked, nameColumn, 4, 6, 9, language),
  ];
}

/**
 * Below the chart: how many clients bought with no known revenue, and how to make it known. Without it a
 * two-sheet book (dates typed, no amounts) would look like a base where nobody bought.
 */
function revenueUnknownNote(sheet: string, count: number, language: Language): SheetOperation[] {
  if (count === 0) return [];
  const text = say(
    language,
    `Выручка неизвестна у ${countOf(count, ['клиента', 'клиентов', 'клиентов'], ['client', 'clients'], 'ru')}: у них есть дата или число заказов, но нет сумм, поэтому в ABC они не попали. Чтобы учесть их: добавьте на лист клиентов столбец «Выручка» с суммами, записывайте заказы в панели («Записать заказ») или импортируйте выгрузку заказов (crm-base analyze КНИГА.xlsx --orders ВЫГРУЗКА.csv).`,
    `Revenue is unknown for ${countOf(count, ['клиента', 'клиентов', 'клиентов'], ['client', 'clients'], 'en')}: they have an order date or count but no amounts, so they are not in the ABC. To count them: add a "Revenue" column with the sums to the clients sheet, record orders in the panel ("Record order") or import an orders export (crm-base analyze BOOK.xlsx --orders EXPORT.csv).`,
  );
  return [table(sheet, { row: 34, column: 9 }, [say(language, 'Внимание', 'Note')], [[text]], [null], [100])];
}

export interface AbcSheetInput {
  clients: readonly Client[];
  tracker: readonly TrackerRow[];
  ranking: AbcRanking;
  summary: AbcSummary;
  asOf: DayNumber;
  cutA: number;
  cutB: number;
  language: Language;
  /** Clients who bought with no known revenue (typed dates or counts only). */
  revenueUnknown: number;
}

/** ABC of clients: the clients with sales by revenue, a class summary, the parameters, a Pareto chart. */
export function abcSheetOperations(input: AbcSheetInput): SheetOperation[] {
  const { clients, tracker, ranking, language } = input;
  const sheet = sheetName('abc', language);
  const rows: CellValue[][] = ranking.order.map((client, k) => [
    k + 1,
    clients[client].id ?? '',
    clients[client].name,
    tracker[client].revenue,
    ranking.share[k],
    ranking.cumulativeShare[k],
    ranking.classes[client],
  ]);
  return [
    table(
      sheet,
      null,
      ['№', 'ID', say(language, 'Клиент', 'Client'), say(language, 'Выручка', 'Revenue'), say(language, 'Доля', 'Share'), say(language, 'Накопленная доля', 'Cumulative share'), say(language, 'Класс', 'Class')],
      rows,
      [FORMAT_INTEGER, null, null, FORMAT_MONEY, FORMAT_PERCENT, FORMAT_PERCENT, null],
      [6, 10, 36, 14, 9, 12, 7],
    ),
    ...abcSideBlocks(sheet, input, [say(language, 'Клиентов', 'Clients'), say(language, 'Парето: выручка по клиентам', 'Pareto: revenue by client')], rows.length, 3),
  ];
}

function abcParameters(asOf: DayNumber, cutA: number, cutB: number, language: Language): CellValue[][] {
  return [
    [say(language, 'Дата анализа', 'As of'), dayToDate(asOf)],
    [say(language, 'A: накопленная доля до, %', 'A: cumulative share below, %'), cutA],
    [say(language, 'B: накопленная доля до, %', 'B: cumulative share below, %'), cutA + cutB],
  ];
}

export interface AbcServicesSheetInput {
  services: readonly ServiceRevenue[];
  ranking: AbcRanking;
  summary: AbcSummary;
  asOf: DayNumber;
  cutA: number;
  cutB: number;
  language: Language;
}

/**
 * ABC of services: services with sales by revenue, then the services without sales (few, and worth
 * seeing), a class summary, the parameters and a Pareto chart. A service sold but missing from the
 * services sheet is marked.
 */
export function abcServicesSheetOperations(input: AbcServicesSheetInput): SheetOperation[] {
  const { services, ranking, language } = input;
  const sheet = sheetName('abcServices', language);
  const name = (service: ServiceRevenue) =>
    service.listed ? service.name : `${service.name} ${say(language, '(нет в списке услуг)', '(not on the services sheet)')}`;
  const ranked = new Set(ranking.order);
  const rows: CellValue[][] = [
    ...ranking.order.map((i, k) => [k + 1, name(services[i]), services[i].lines, services[i].revenue, ranking.share[k], ranking.cumulativeShare[k], ranking.classes[i]]),
    ...services.flatMap((service, i) => (ranked.has(i) ? [] : [[null, name(service), service.lines, service.revenue, null, null, noSalesLabel(language)]])),
  ];
  return [
    table(
      sheet,
      null,
      ['№', say(language, 'Услуга', 'Service'), say(language, 'Строк заказов', 'Order lines'), say(language, 'Выручка', 'Revenue'), say(language, 'Доля', 'Share'), say(language, 'Накопленная доля', 'Cumulative share'), say(language, 'Класс', 'Class')],
      rows,
      [FORMAT_INTEGER, null, FORMAT_INTEGER, FORMAT_MONEY, FORMAT_PERCENT, FORMAT_PERCENT, null],
      [6, 36, 12, 14, 9, 12, 10],
    ),
    ...abcSideBlocks(sheet, input, [say(language, 'Услуг', 'Services'), say(language, 'Парето: выручка по услугам', 'Pareto: revenue by service')], ranking.order.length, 2),
  ];
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

  const percentiles = `${say(language, 'процентили', 'percentiles')} ${RFM_PERCENTILES.map((p) => Math.round(p * 100)).join('/')} % (PERCENTILE.INC)`;
  const bands = say(language, 'фиксированные границы из настроек', 'fixed bands from the settings');
  const how = (measure: 'R' | 'F' | 'M') => (rfm.thresholds.mode === 'fixed' && measure !== 'M' ? bands : percentiles);
  const thresholdRow = (label: string, values: number[], measure: 'R' | 'F' | 'M'): CellValue[] => [
    label,
    ...[0, 1, 2, 3].map((k) => values[k] ?? null),
    how(measure),
  ];

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
      [say(language, 'Порог', 'Threshold'), 't1', 't2', 't3', 't4', say(language, 'Как получены', 'How')],
      [
        thresholdRow(say(language, 'R — дней с последнего заказа', 'R — days since last order'), rfm.thresholds.recency, 'R'),
        thresholdRow(say(language, 'F — заказов', 'F — orders'), rfm.thresholds.frequency, 'F'),
        thresholdRow(say(language, 'M — выручка', 'M — revenue'), rfm.thresholds.monetary, 'M'),
      ],
      [null, null, null, null, null, null],
      [30, 10, 10, 10, 10, 40],
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
    {
      kind: 'addChart',
      sheet,
      chart: {
        type: 'bar',
        title: say(language, 'Клиенты по статусам воронки', 'Clients by funnel status'),
        categories: { column: 1, fromRow: 2, toRow: FUNNEL_STATUSES.length + 1 },
        series: [{ name: say(language, 'Клиентов', 'Clients'), values: { column: 2, fromRow: 2, toRow: FUNNEL_STATUSES.length + 1 } }],
        anchor: { row: 1, column: 13 },
        width: 560,
        height: 360,
      },
    },
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
