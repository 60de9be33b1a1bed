/**
 * The ABC result sheets — clients and services — as sheet operations: the ranked table, the class
 * summary, the parameters, the class colours and a Pareto chart; and a note when some clients bought
 * without a known revenue. Each sheet is regenerated whole.
 */
import type { CellValue } from '../workbook/snapshot';
import { FORMAT_INTEGER, FORMAT_MONEY, FORMAT_PERCENT, type SheetOperation } from '../workbook/operations';
import type { AbcRanking, AbcSummary } from './abc';
import { countOf } from './plural';
import { say } from './base';
import type { Client, DayNumber, Language } from './model';
import { dayToDate } from './normalise/date';
import { sheetName } from './schema';
import type { ServiceRevenue } from './service-revenue';
import type { TrackerRow } from './tracker';
import { parametersBlock, table } from './analysis-sheets';
import { clientReconciliationRows, reconciliationHeader, serviceReconciliationRows, type OrderTotals } from './revenue-reconciliation';

/** Where each ABC sheet says what its total includes: right of the class summary (I:L). */
const RECONCILIATION_COLUMN = 14;

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

function abcSummaryRows(summary: AbcSummary, revenueUnknown: number, language: Language): CellValue[][] {
  return [
    ...(['A', 'B', 'C'] as const).map((cls) => [cls, summary[cls].clients, summary[cls].revenue, summary[cls].share]),
    [noSalesLabel(language), summary.none - revenueUnknown, null, null],
    ...(revenueUnknown > 0 ? [[revenueUnknownLabel(language), revenueUnknown, null, null]] : []),
    [say(language, 'Итого', 'Total'), summary.A.clients + summary.B.clients + summary.C.clients + summary.none, summary.total, summary.total > 0 ? 1 : 0],
  ];
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
  reconciliation: CellValue[][],
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
    table(sheet, { row: 1, column: RECONCILIATION_COLUMN }, reconciliationHeader(language), reconciliation, [null, FORMAT_INTEGER, FORMAT_MONEY], [60, 10, 16]),
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

/** What both ABC sheets are made from besides their items. */
interface AbcSheetCommon {
  ranking: AbcRanking;
  /** The order lines counted, and left out, for the sheet's statement of what its total includes. */
  orders: OrderTotals;
  summary: AbcSummary;
  asOf: DayNumber;
  cutA: number;
  cutB: number;
  language: Language;
}

export interface AbcSheetInput extends AbcSheetCommon {
  clients: readonly Client[];
  tracker: readonly TrackerRow[];
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
    ...abcSideBlocks(
      sheet,
      input,
      [say(language, 'Клиентов', 'Clients'), say(language, 'Парето: выручка по клиентам', 'Pareto: revenue by client')],
      rows.length,
      3,
      clientReconciliationRows(tracker.map((t) => t.revenue), ranking.order, input.orders, language),
    ),
  ];
}

function abcParameters(asOf: DayNumber, cutA: number, cutB: number, language: Language): CellValue[][] {
  return [
    [say(language, 'Дата анализа', 'As of'), dayToDate(asOf)],
    [say(language, 'A: накопленная доля до, %', 'A: cumulative share below, %'), cutA],
    [say(language, 'B: накопленная доля до, %', 'B: cumulative share below, %'), cutA + cutB],
  ];
}

export interface AbcServicesSheetInput extends AbcSheetCommon {
  services: readonly ServiceRevenue[];
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
    ...abcSideBlocks(
      sheet,
      input,
      [say(language, 'Услуг', 'Services'), say(language, 'Парето: выручка по услугам', 'Pareto: revenue by service')],
      ranking.order.length,
      2,
      serviceReconciliationRows(services.map((s) => s.revenue), ranking.order, input.orders, language),
    ),
  ];
}
