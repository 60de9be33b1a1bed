/**
 * The analysis action: tracker, ABC (clients and services), RFM, funnel and manager load over the base,
 * planned as sheet operations — the managed client columns written back, the result sheets regenerated
 * whole — plus a report shaped like the CLI's RESULTS.json.
 *
 * Everything is computed as of one date (today by default). Orders dated after it are ignored (see
 * tracker.ts) and each is reported as a problem, so a mistyped future date does not go unnoticed.
 */
import type { AbcClass, AnalysisSummary, SegmentKey } from '../actions/panel';
import { FORMAT_DATE, FORMAT_INTEGER, FORMAT_MONEY, type SheetOperation, type WriteColumns } from '../workbook/operations';
import type { CellValue, WorkbookSnapshot } from '../workbook/snapshot';
import type { Plan } from '../workbook/workbook';
import { rankAbc, summariseAbc, type AbcRanking, type AbcSummary } from './abc';
import {
  abcServicesSheetOperations,
  abcSheetOperations,
  ABC_FILLS,
  funnelSheetOperations,
  managersSheetOperations,
  noSalesLabel,
  rfmSheetOperations,
} from './analysis-sheets';
import { managedColumns, readBase, say, type Base } from './base';
import { computeFunnel, type FunnelReport } from './funnel';
import { computeManagerLoad, type ManagerReport } from './managers';
import type { ClientField, DayNumber, Language, Problem } from './model';
import { dayToDate, dayToIso, todayDay } from './normalise/date';
import { cellText } from './normalise/text';
import { computeRfm, countSegments, segmentLabel, validBands, type RfmResult, type RfmThresholds } from './rfm';
import { revenueByService, type ServiceRevenue } from './service-revenue';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { suggestStatus } from './status-suggestions';
import { computeTracker, cleanSum, type TrackerRow } from './tracker';

export type AnalysisPart = 'tracker' | 'abc' | 'rfm' | 'funnel' | 'managers';
export const ANALYSIS_PARTS: readonly AnalysisPart[] = ['tracker', 'abc', 'rfm', 'funnel', 'managers'];

export interface AnalysisOptions {
  /** The as-of date; today (where the code runs) by default. */
  asOf?: DayNumber;
  /** Overrides the workbook's settings sheet. */
  settings?: Settings;
  /** What to write; all parts by default. Everything is computed either way (it is cheap). */
  parts?: readonly AnalysisPart[];
  /** `readBase(snapshot, settings)` when the caller has already done it: a big base is not read twice. */
  base?: Base;
}

/** One client of RESULTS.json. Dates are ISO `yyyy-mm-dd`. */
export interface AnalysedClient {
  id: string | null;
  name: string;
  firstOrder: string | null;
  lastOrder: string | null;
  orders: number;
  revenue: number;
  daysSinceLastOrder: number | null;
  cold: boolean;
  r: number | null;
  f: number | null;
  m: number | null;
  rfm: string | null;
  segment: SegmentKey | null;
  abc: AbcClass | null;
  /** A suggested funnel-status move (status name in the workbook's language), for the user to confirm. */
  statusSuggestion: string | null;
}

/** The report: RESULTS.json's fields first, then what the side panel and the CLI show. */
export interface AnalysisReport {
  asOf: string;
  clients: AnalysedClient[];
  abc: AbcSummary;
  segments: Record<SegmentKey, number>;
  thresholds: RfmThresholds;
  problems: Problem[];
  abcServices: AbcSummary;
  funnel: FunnelReport;
  managers: ManagerReport;
  language: Language;
  /** Sheets the plan writes or changes. */
  sheets: string[];
}

/** Everything computed over a base, for callers that need more than the report (the side panel). */
export interface Analysis {
  base: Base;
  asOf: DayNumber;
  language: Language;
  tracker: TrackerRow[];
  abc: AbcRanking;
  abcSummary: AbcSummary;
  rfm: RfmResult;
  services: ServiceRevenue[];
  servicesAbc: AbcRanking;
  servicesAbcSummary: AbcSummary;
  funnel: FunnelReport;
  managers: ManagerReport;
  statusSuggestions: Array<string | null>;
  /** Orders dated after the as-of date (ignored), as problems. */
  problems: Problem[];
}

/** The workbook has no clients sheet: nothing to analyse. */
export class NoClientsSheetError extends Error {
  constructor(language: Language) {
    super(say(language, 'В книге нет листа клиентов (например, «Клиенты»).', 'The workbook has no clients sheet (e.g. "Clients").'));
    this.name = 'NoClientsSheetError';
  }
}

/** The fixed RFM bands to use: the settings' when usable (the settings sheet reports bad ones). */
function rfmBands(settings: Settings): { recencyBands: number[]; frequencyBands: number[] } {
  return {
    recencyBands: validBands(settings.rfmRecencyBands) ? settings.rfmRecencyBands : [...DEFAULT_SETTINGS.rfmRecencyBands],
    frequencyBands: validBands(settings.rfmFrequencyBands) ? settings.rfmFrequencyBands : [...DEFAULT_SETTINGS.rfmFrequencyBands],
  };
}

function laterOrderProblems(base: Base, asOf: DayNumber, language: Language): Problem[] {
  const orders = base.layout.orders;
  if (!orders || orders.columns.date === undefined) return [];
  const column = orders.header[orders.columns.date];
  const asOfText = cellText(dayToDate(asOf));
  const problems: Problem[] = [];
  for (const order of base.orders) {
    if (order.date === null || order.date <= asOf) continue;
    problems.push({
      sheet: orders.sheet,
      row: order.row,
      column,
      value: cellText(dayToDate(order.date)),
      message: say(
        language,
        `Заказ датирован позже даты анализа ${asOfText} и не учтён. Если дата ошибочна, исправьте её.`,
        `The order is dated after the as-of date ${asOfText} and is not counted. If the date is wrong, correct it.`,
      ),
    });
  }
  return problems;
}

/** Tracker, ABC, RFM, services ABC, funnel and manager load over a base read with `readBase`. */
export function analyseBase(base: Base, asOf: DayNumber): Analysis {
  const settings = base.settings;
  const language = base.layout.language;
  const tracker = computeTracker(base.clients.length, base.orders, base.orderClient, asOf, settings.coldDays);
  const revenues = Float64Array.from(tracker, (t) => t.revenue);
  const abc = rankAbc(revenues, settings.abcA, settings.abcB);
  const rfm = computeRfm(tracker, { mode: settings.rfmMode, ...rfmBands(settings) });
  const services = revenueByService(base.services.map((s) => s.name), base.orders, asOf);
  const serviceRevenues = services.map((s) => s.revenue);
  const servicesAbc = rankAbc(serviceRevenues, settings.abcA, settings.abcB);
  return {
    base,
    asOf,
    language,
    tracker,
    abc,
    abcSummary: summariseAbc(revenues, abc.classes),
    rfm,
    services,
    servicesAbc,
    servicesAbcSummary: summariseAbc(serviceRevenues, servicesAbc.classes),
    funnel: computeFunnel(base.clients),
    managers: computeManagerLoad(base.clients, tracker, settings.managerLimit),
    statusSuggestions: base.clients.map((client, i) =>
      suggestStatus({ status: client.status, orders: tracker[i].orders, cold: tracker[i].cold }, language),
    ),
    problems: laterOrderProblems(base, asOf, language),
  };
}

function analysedClients(analysis: Analysis): AnalysedClient[] {
  const { base, tracker, rfm, abc } = analysis;
  return base.clients.map((client, i) => {
    const t = tracker[i];
    const score = rfm.scores[i];
    return {
      id: client.id,
      name: client.name,
      firstOrder: t.firstOrder === null ? null : dayToIso(t.firstOrder),
      lastOrder: t.lastOrder === null ? null : dayToIso(t.lastOrder),
      orders: t.orders,
      revenue: t.revenue,
      daysSinceLastOrder: t.daysSinceLastOrder,
      cold: t.cold,
      r: score ? score.r : null,
      f: score ? score.f : null,
      m: score ? score.m : null,
      rfm: score ? score.code : null,
      segment: score ? score.segment : null,
      abc: abc.classes[i],
      statusSuggestion: analysis.statusSuggestions[i],
    };
  });
}

/** Which managed client columns each part writes. */
const PART_FIELDS: Partial<Record<AnalysisPart, readonly ClientField[]>> = {
  tracker: ['firstOrder', 'lastOrder', 'orders', 'revenue', 'daysSinceLastOrder'],
  abc: ['abc'],
  rfm: ['rfm', 'segment'],
};

const COLD_FILL = { fill: '#F8CBAD', fontColour: '#9C0006' };

/** The values of one managed column, per spreadsheet row from row 2 (undefined: a row with no client). */
function columnValues(analysis: Analysis, field: ClientField, rowCount: number): { values: Array<CellValue | undefined>; numberFormat?: string } {
  const values: Array<CellValue | undefined> = new Array(rowCount).fill(undefined);
  const { base, tracker, rfm, abc, language } = analysis;
  const noSales = noSalesLabel(language);
  const valueOf = (i: number): CellValue => {
    const t = tracker[i];
    switch (field) {
      case 'firstOrder':
        return t.firstOrder === null ? null : dayToDate(t.firstOrder);
      case 'lastOrder':
        return t.lastOrder === null ? null : dayToDate(t.lastOrder);
      case 'orders':
        return t.orders;
      case 'revenue':
        return t.revenue;
      case 'daysSinceLastOrder':
        return t.daysSinceLastOrder;
      case 'abc':
        return abc.classes[i] ?? noSales;
      case 'rfm':
        return rfm.scores[i]?.code ?? null;
      case 'segment': {
        const score = rfm.scores[i];
        return score ? segmentLabel(score.segment, language) : null;
      }
      default:
        throw new Error(`the analysis does not write ${field}`);
    }
  };
  base.clients.forEach((client, i) => {
    values[client.row - 2] = valueOf(i);
  });
  const numberFormat: Partial<Record<ClientField, string>> = {
    firstOrder: FORMAT_DATE,
    lastOrder: FORMAT_DATE,
    orders: FORMAT_INTEGER,
    revenue: FORMAT_MONEY,
    daysSinceLastOrder: FORMAT_INTEGER,
  };
  return numberFormat[field] ? { values, numberFormat: numberFormat[field] } : { values };
}

/**
 * The managed client columns of the chosen parts. A managed column the sheet lacks and no chosen part
 * writes still gets its header, so the columns added at the right never leave a gap.
 */
function clientColumnOperations(analysis: Analysis, parts: ReadonlySet<AnalysisPart>): SheetOperation[] {
  const layout = analysis.base.layout.clients;
  if (!layout) return [];
  const written = new Set<ClientField>([...parts].flatMap((part) => PART_FIELDS[part] ?? []));
  if (written.size === 0) return [];
  const managed = managedColumns(layout, analysis.language);
  const write: WriteColumns = { kind: 'writeColumns', sheet: layout.sheet, columns: [] };
  for (const column of managed) {
    if (written.has(column.field)) {
      const { values, numberFormat } = columnValues(analysis, column.field, layout.rowCount);
      write.columns.push({ column: column.column, header: column.header, values, ...(numberFormat ? { numberFormat } : {}) });
    } else if (column.isNew) {
      write.columns.push({ column: column.column, header: column.header, values: [] });
    }
  }
  const operations: SheetOperation[] = [write];
  const lastRow = layout.rowCount + 1;
  if (lastRow < 2) return operations;
  const columnOf = (field: ClientField) => managed.find((c) => c.field === field)?.column as number;
  if (written.has('daysSinceLastOrder')) {
    operations.push({
      kind: 'colourCells',
      sheet: layout.sheet,
      column: columnOf('daysSinceLastOrder'),
      fromRow: 2,
      toRow: lastRow,
      rules: [{ when: { atLeast: analysis.base.settings.coldDays }, ...COLD_FILL }],
    });
  }
  if (written.has('abc')) {
    operations.push({
      kind: 'colourCells',
      sheet: layout.sheet,
      column: columnOf('abc'),
      fromRow: 2,
      toRow: lastRow,
      rules: (['A', 'B', 'C'] as const).map((cls) => ({ when: { equals: cls }, ...ABC_FILLS[cls] })),
    });
  }
  return operations;
}

function resultSheetOperations(analysis: Analysis, parts: ReadonlySet<AnalysisPart>): SheetOperation[] {
  const { base, tracker, language, asOf } = analysis;
  const { abcA: cutA, abcB: cutB } = base.settings;
  const operations: SheetOperation[] = [];
  if (parts.has('abc')) {
    operations.push(
      ...abcSheetOperations({ clients: base.clients, tracker, ranking: analysis.abc, summary: analysis.abcSummary, asOf, cutA, cutB, language }),
      ...abcServicesSheetOperations({ services: analysis.services, ranking: analysis.servicesAbc, summary: analysis.servicesAbcSummary, asOf, cutA, cutB, language }),
    );
  }
  if (parts.has('rfm')) operations.push(...rfmSheetOperations({ clients: base.clients, tracker, rfm: analysis.rfm, asOf, language }));
  if (parts.has('funnel')) operations.push(...funnelSheetOperations(analysis.funnel, language));
  if (parts.has('managers')) operations.push(...managersSheetOperations(analysis.managers, language));
  return operations;
}

/** The report of an analysis; `sheets` are the sheets its plan writes. */
export function analysisReport(analysis: Analysis, sheets: string[] = []): AnalysisReport {
  return {
    asOf: dayToIso(analysis.asOf),
    clients: analysedClients(analysis),
    abc: analysis.abcSummary,
    segments: countSegments(analysis.rfm.scores),
    thresholds: analysis.rfm.thresholds,
    problems: [...analysis.base.problems, ...analysis.problems],
    abcServices: analysis.servicesAbcSummary,
    funnel: analysis.funnel,
    managers: analysis.managers,
    language: analysis.language,
    sheets,
  };
}

/**
 * Read the base, analyse it as of `options.asOf`, and plan the written-back columns and result sheets.
 * Throws NoClientsSheetError when the workbook has no clients sheet.
 */
export function planAnalysis(snapshot: WorkbookSnapshot, options: AnalysisOptions = {}): Plan<AnalysisReport> {
  const base = options.base ?? readBase(snapshot, options.settings);
  if (!base.layout.clients) throw new NoClientsSheetError(base.layout.language);
  const analysis = analyseBase(base, options.asOf ?? todayDay());
  const parts = new Set(options.parts ?? ANALYSIS_PARTS);
  const operations = [...clientColumnOperations(analysis, parts), ...resultSheetOperations(analysis, parts)];
  const sheets = [...new Set(operations.map((op) => op.sheet))];
  return { operations, report: analysisReport(analysis, sheets) };
}

/** What the side panel shows after an analysis. */
export function analysisSummary(report: AnalysisReport): AnalysisSummary {
  let clientsWithOrders = 0;
  let cold = 0;
  let revenue = 0;
  for (const client of report.clients) {
    if (client.orders > 0) clientsWithOrders++;
    if (client.cold) cold++;
    revenue += client.revenue;
  }
  const { A, B, C, none } = report.abc;
  return {
    asOf: report.asOf,
    clients: report.clients.length,
    clientsWithOrders,
    cold,
    revenue: cleanSum(revenue),
    abc: { A, B, C, none },
    segments: report.segments,
  };
}
