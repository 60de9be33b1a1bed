/**
 * The analysis action: tracker, ABC (clients and services), RFM, funnel, manager load and plan vs actual
 * (plan-fact-analysis.ts) over the base, planned as sheet operations — the managed client columns written
 * back, the result sheets regenerated whole — plus a report shaped like the CLI's RESULTS.json.
 *
 * Everything is computed as of one date (today by default). Orders dated after it are ignored (see
 * tracker.ts) and each is reported as a problem (analysis-dates.ts), so a mistyped future date does not
 * go unnoticed. What an analysis gives, its report and summary, is in analysis-report.ts.
 */
import { lazily } from './lazily';
import type { SheetOperation } from '../workbook/operations';
import { wallClockNow, type WorkbookSnapshot } from '../workbook/snapshot';
import type { Plan } from '../workbook/workbook';
import { rankAbc, summariseAbc } from './abc';
import { clientColumnOperations, typedDifferingProblems } from './analysis-columns';
import { abcServicesSheetOperations, abcSheetOperations } from './abc-sheets';
import { orderTotals } from './revenue-reconciliation';
import { funnelSheetOperations, managersSheetOperations, rfmSheetOperations } from './analysis-sheets';
import { readBase, say, type Base } from './base';
import { checkData } from './check';
import { computedColumnsSettingOperations } from './computed-columns';
import { valueArchiveOperations } from './value-archive';
import { keepUsersSheets } from './result-sheets';
import { computeFunnel } from './funnel';
import { computeManagerLoad } from './managers';
import type { ClientField, DayNumber, Problem } from './model';
import { dayToIso, todayDay } from './normalise/date';
import { computeRfm, countSegments, validBands } from './rfm';
import { revenueByService } from './service-revenue';
import { DEFAULT_SETTINGS, type Settings } from './settings';
import { suggestStatus } from './status-suggestions';
import { computeTracker } from './tracker';
import { computeCohorts } from './cohorts';
import { cohortsSheetOperations } from './cohorts-sheet';
import { NoClientsSheetError, type AnalysedClient, type Analysis, type AnalysisReport } from './analysis-report';
import { laterOrderProblems, laterTypedProblems } from './analysis-dates';
import { computeClientValue, repeatSummary } from './value/client-value';
import { clientValueSheetOperations } from './client-value-sheet';
import { abcXyzMatrix, abcXyzSheetOperations } from './abc-xyz-sheet';
import { xyzOfBase } from './value/xyz-base';
import { planFactPart } from './plan-fact-analysis';
import { historyAppendOperations, readHistory, type HistoryRow } from './contact-history';
import { seenStatusRows } from './status-diff';
import { computeFunnelMovement, type FunnelMovement } from './funnel-movement';
import { funnelMovementSheetOperations } from './funnel-movement-sheet';

export { analysisSummary, NoClientsSheetError, type AnalysedClient, type Analysis, type AnalysisReport, type AnalysisSummary } from './analysis-report';

export type AnalysisPart = 'tracker' | 'abc' | 'rfm' | 'funnel' | 'managers' | 'clientValue' | 'abcXyz' | 'cohorts' | 'planFact' | 'funnelMovement';
export const ANALYSIS_PARTS: readonly AnalysisPart[] = ['tracker', 'abc', 'rfm', 'funnel', 'managers', 'clientValue', 'abcXyz', 'cohorts', 'planFact', 'funnelMovement'];

export interface AnalysisOptions {
  /** The as-of date; today (where the code runs) by default. */
  asOf?: DayNumber;
  /** Overrides the workbook's settings sheet. */
  settings?: Settings;
  /** What to write; all parts by default. The report holds every part's figures either way. */
  parts?: readonly AnalysisPart[];
  /** `readBase(snapshot, settings)` when the caller has already done it: a big base is not read twice. */
  base?: Base;
  /**
   * The user confirmed that typed order-history values the orders have moved on are to be replaced;
   * the old values go to the value archive first. Without it they are kept and listed.
   */
  replaceTyped?: boolean;
  /**
   * Report every bad cell the data check finds too (check.ts: negative amounts, unknown services, bad
   * phones…), each once, so the analysis lists what `check` lists; the panel runs the check on its own.
   */
  withDataCheck?: boolean;
  /** The moment of the run (wall-clock time, snapshot.ts), for the value archive; now by default. */
  now?: Date;
}

/**
 * The status changes typed in the clients sheet since the history's last status row (logged by the run,
 * status-diff.ts), and the funnel's movement over the history with those rows, worked out when asked.
 */
function statusHistory(snapshot: WorkbookSnapshot, base: Base, asOf: DayNumber, now: Date): { seen: HistoryRow[]; movement: () => FunnelMovement } {
  const history = readHistory(snapshot);
  const seen = seenStatusRows(base.clients, history, now, base.layout.language);
  const below = history.reduce((last, entry) => Math.max(last, entry.row), 1);
  const logged = seen.map((row, i) => ({ ...row, row: below + 1 + i, kindText: '', nextContact: null }));
  return { seen, movement: lazily(() => computeFunnelMovement([...history, ...logged], asOf)) };
}

/** The fixed RFM bands to use: the settings' when usable (the settings sheet reports bad ones). */
function rfmBands(settings: Settings): { recencyBands: number[]; frequencyBands: number[] } {
  return {
    recencyBands: validBands(settings.rfmRecencyBands) ? settings.rfmRecencyBands : [...DEFAULT_SETTINGS.rfmRecencyBands],
    frequencyBands: validBands(settings.rfmFrequencyBands) ? settings.rfmFrequencyBands : [...DEFAULT_SETTINGS.rfmFrequencyBands],
  };
}

/**
 * Tracker, ABC and RFM over a base read with `readBase`, and the parts only some callers read, computed on
 * first use: the services' ABC, the funnel, the manager load, the later orders' problems, the client-value
 * models, XYZ and the cohorts. The panel's client list and `crm-base export` never pay for them (on 100,000
 * clients the value models and the cohorts cost more than the rest together; on a 20,000-client file the
 * others were a tenth of a second of its first screen).
 */
export function analyseBase(base: Base, asOf: DayNumber): Analysis {
  const settings = base.settings;
  const language = base.layout.language;
  const tracker = computeTracker(base.clients.map((client) => client.history), base.orders, base.orderClient, asOf, settings.coldDays, settings.rhythmSlip);
  const revenues = Float64Array.from(tracker, (t) => t.revenue);
  const abc = rankAbc(revenues, settings.abcA, settings.abcB);
  const rfm = computeRfm(tracker, { mode: settings.rfmMode, ...rfmBands(settings) });
  const services = lazily(() => {
    const byService = revenueByService(base.services.map((s) => s.name), base.orders, asOf);
    const serviceRevenues = byService.map((s) => s.revenue);
    const ranking = rankAbc(serviceRevenues, settings.abcA, settings.abcB);
    return { byService, ranking, summary: summariseAbc(serviceRevenues, ranking.classes) };
  });
  const funnel = lazily(() => computeFunnel(base.clients));
  const managers = lazily(() => computeManagerLoad(base.clients, tracker, settings.managerLimit));
  const problems = lazily(() => [...laterTypedProblems(base, asOf), ...laterOrderProblems(base, asOf)]);
  const cohorts = lazily(() => computeCohorts(base.clients.map((client) => client.history), base.orders, base.orderClient, asOf));
  const value = lazily(() => computeClientValue(repeatSummary(base.orders, base.orderClient, base.clients.length, asOf), settings.clvDiscount / 100));
  const xyz = lazily(() => xyzOfBase(base, services().byService, asOf));
  return {
    base,
    asOf,
    language,
    tracker,
    abc,
    abcSummary: summariseAbc(revenues, abc.classes),
    rfm,
    get services() {
      return services().byService;
    },
    get servicesAbc() {
      return services().ranking;
    },
    get servicesAbcSummary() {
      return services().summary;
    },
    get funnel() {
      return funnel();
    },
    get managers() {
      return managers();
    },
    get cohorts() {
      return cohorts();
    },
    statusSuggestions: base.clients.map((client, i) =>
      suggestStatus({ status: client.status, orders: tracker[i].orders, cold: tracker[i].cold }, language),
    ),
    get value() {
      return value();
    },
    get xyz() {
      return xyz().xyz;
    },
    get servicesXyz() {
      return xyz().servicesXyz;
    },
    get problems() {
      return problems();
    },
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
      revenueKnown: t.revenueKnown,
      daysSinceLastOrder: t.daysSinceLastOrder,
      cold: t.cold,
      medianGap: t.medianGap,
      expectedOrder: t.expectedOrder === null ? null : dayToIso(t.expectedOrder),
      slipping: t.slipping,
      r: score ? score.r : null,
      f: score ? score.f : null,
      m: score ? score.m : null,
      rfm: score ? score.code : null,
      segment: score ? score.segment : null,
      abc: abc.classes[i],
      xyz: analysis.xyz.classes[i],
      pAlive: analysis.value.pAlive[i],
      expectedOrders90: analysis.value.expectedOrders90[i],
      expectedOrders365: analysis.value.expectedOrders365[i],
      expectedOrderValue: analysis.value.expectedOrderValue[i],
      clv12: analysis.value.clv12[i],
      statusSuggestion: analysis.statusSuggestions[i],
    };
  });
}

/** Which managed client columns each part writes. */
const PART_FIELDS: Partial<Record<AnalysisPart, readonly ClientField[]>> = {
  tracker: ['firstOrder', 'lastOrder', 'orders', 'revenue', 'daysSinceLastOrder', 'expectedOrder', 'rhythm'],
  abc: ['abc'],
  rfm: ['rfm', 'segment'],
};

/** Clients without an ABC class who bought, but whose revenue is unknown. */
function revenueUnknownCount(analysis: Analysis): number {
  return analysis.tracker.filter((row, i) => analysis.abc.classes[i] === null && row.orders > 0 && !row.revenueKnown).length;
}

function resultSheetOperations(analysis: Analysis, parts: ReadonlySet<AnalysisPart>): SheetOperation[] {
  const { base, tracker, language, asOf } = analysis;
  const { abcA: cutA, abcB: cutB } = base.settings;
  const operations: SheetOperation[] = [];
  if (parts.has('abc')) {
    const orders = orderTotals(base.orders, base.orderClient, asOf);
    operations.push(
      ...abcSheetOperations({ clients: base.clients, tracker, ranking: analysis.abc, summary: analysis.abcSummary, asOf, cutA, cutB, language, orders, revenueUnknown: revenueUnknownCount(analysis) }),
      ...abcServicesSheetOperations({ services: analysis.services, ranking: analysis.servicesAbc, summary: analysis.servicesAbcSummary, asOf, cutA, cutB, language, orders }),
    );
  }
  if (parts.has('rfm')) operations.push(...rfmSheetOperations({ clients: base.clients, tracker, rfm: analysis.rfm, asOf, language }));
  if (parts.has('funnel')) operations.push(...funnelSheetOperations(analysis.funnel, language));
  if (parts.has('managers')) operations.push(...managersSheetOperations(analysis.managers, language));
  if (parts.has('clientValue')) operations.push(...clientValueSheetOperations({ clients: base.clients, tracker, value: analysis.value, asOf, discount: base.settings.clvDiscount, language }));
  if (parts.has('abcXyz')) {
    const matrix = abcXyzMatrix(analysis.abc.classes, analysis.xyz, tracker.map((row) => row.revenue));
    operations.push(...abcXyzSheetOperations({ matrix, services: analysis.services, servicesXyz: analysis.servicesXyz, xLimit: base.settings.xyzX, yLimit: base.settings.xyzY, language }));
  }
  if (parts.has('cohorts')) operations.push(...cohortsSheetOperations(analysis.cohorts, asOf, language));
  return operations;
}

/** The report of an analysis; `sheets` are the sheets its plan writes. */
export function analysisReport(analysis: Analysis, sheets: string[] = []): AnalysisReport {
  return {
    asOf: dayToIso(analysis.asOf),
    clients: analysedClients(analysis),
    abc: analysis.abcSummary,
    abcLimits: { A: analysis.base.settings.abcA / 100, B: (analysis.base.settings.abcA + analysis.base.settings.abcB) / 100 },
    segments: countSegments(analysis.rfm.scores),
    thresholds: analysis.rfm.thresholds,
    problems: [...analysis.base.problems, ...analysis.problems],
    abcServices: analysis.servicesAbcSummary,
    funnel: analysis.funnel,
    managers: analysis.managers,
    cohorts: analysis.cohorts.cohorts,
    language: analysis.language,
    typedDiffering: [],
    typedReplaced: false,
    planFact: [],
    sheets,
    valueModels: { bgNbd: analysis.value.bgNbd, gammaGamma: analysis.value.gammaGamma },
    statusChangesSeen: 0,
    funnelMovement: null,
  };
}

/**
 * What an analysis writes, and what its report is made of: the parts only the report shows (the value
 * models, XYZ, the cohorts, plan vs fact, the funnel's movement) are not computed until it asks.
 */
function planWrites(snapshot: WorkbookSnapshot, options: AnalysisOptions) {
  const base = options.base ?? readBase(snapshot, options.settings);
  if (!base.layout.clients) throw new NoClientsSheetError(base.layout);
  const analysis = analyseBase(base, options.asOf ?? todayDay());
  const parts = new Set(options.parts ?? ANALYSIS_PARTS);
  const replaceTyped = options.replaceTyped === true;
  const written = new Set<ClientField>([...parts].flatMap((part) => PART_FIELDS[part] ?? []));
  const columns = clientColumnOperations(analysis, written, snapshot, replaceTyped);
  const replaced = replaceTyped && columns.typedDiffering.length > 0;
  const language = analysis.language;
  const now = options.now ?? wallClockNow();
  // Plan vs fact reads sheets beyond the base (the plan, the history), so it is planned from the snapshot.
  const planFact = lazily(() => planFactPart(snapshot, analysis));
  const statuses = statusHistory(snapshot, base, analysis.asOf, now);
  const planned = [
    // The archive copy comes first: a plan cut short never leaves a replaced value without it.
    ...(replaced ? valueArchiveOperations(columns.typedDiffering, say(language, 'Трекер: обновление по заказам', 'Tracker: update from the orders'), now, language) : []),
    ...computedColumnsSettingOperations(snapshot, columns.newlyComputed, now),
    ...columns.operations,
    ...historyAppendOperations(snapshot, statuses.seen, language),
    ...resultSheetOperations(analysis, parts),
    ...(parts.has('planFact') ? planFact().operations : []),
    ...(parts.has('funnelMovement') ? funnelMovementSheetOperations(statuses.movement(), language) : []),
  ];
  const kept = keepUsersSheets(snapshot, planned);
  return { base, analysis, parts, columns, replaced, planFact, statuses, kept };
}

/**
 * The sheet operations of an analysis alone, for a caller that shows none of its figures (the tracker
 * brought up to date after an order): the report's own parts are never computed. On a 20,000-client base
 * they were half the time of the tracker's update (the value models above all).
 */
export function planAnalysisWrites(snapshot: WorkbookSnapshot, options: AnalysisOptions = {}): SheetOperation[] {
  return planWrites(snapshot, options).kept.operations;
}

/**
 * Read the base, analyse it as of `options.asOf`, and plan the written-back columns and result sheets.
 * Throws NoClientsSheetError when the workbook has no clients sheet.
 */
export function planAnalysis(snapshot: WorkbookSnapshot, options: AnalysisOptions = {}): Plan<AnalysisReport> {
  const { base, analysis, parts, columns, replaced, planFact, statuses, kept } = planWrites(snapshot, options);
  const operations = kept.operations;
  const sheets = [...new Set(operations.map((op) => op.sheet))];
  const report = analysisReport(analysis, sheets);
  if (options.withDataCheck) report.problems = withCheckProblems(checkData(base, analysis.asOf), report.problems);
  report.problems.push(...kept.problems, ...columns.keptColumns, ...typedDifferingProblems(columns.typedDiffering, replaced, analysis.language));
  if (parts.has('planFact')) report.problems.push(...planFact().problems);
  report.planFact = planFact().report.rows;
  report.typedDiffering = columns.typedDiffering;
  report.typedReplaced = replaced;
  report.statusChangesSeen = statuses.seen.length;
  report.funnelMovement = statuses.movement();
  return { operations, report };
}

/** The check's problems, then the analysis's own that the check does not hold (its reading problems are the check's too). */
function withCheckProblems(checked: readonly Problem[], own: readonly Problem[]): Problem[] {
  const key = (p: Problem) => [p.sheet, p.row, p.column, p.value, p.message].join('\u0000');
  const seen = new Set(checked.map(key));
  return [...checked, ...own.filter((p) => !seen.has(key(p)))];
}
