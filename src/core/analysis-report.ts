/**
 * What an analysis gives: everything computed over a base (`Analysis`), the report shaped like the CLI's
 * RESULTS.json (`AnalysisReport`), the side panel's summary of it, and the error for a workbook with
 * nothing to analyse. The planner is analysis.ts.
 */
import type { FunnelMovement } from './funnel-movement';
import type { AbcClass, AbcRanking, AbcShare, AbcSummary } from './abc';
import { paretoCurve, segmentRevenue, type ParetoPoint } from './analysis-charts';
import type { Base } from './base';
import { message, MessageError } from './messages/message';
import { headerlessProblem, type BaseLayout } from './layout';
import type { ArchivedValue } from './value-archive';
import type { FunnelReport } from './funnel';
import type { ManagerReport } from './managers';
import type { PlanFactRow } from './plan-fact';
import type { DayNumber, Language, Problem } from './model';
import type { RfmResult, RfmThresholds, SegmentKey } from './rfm';
import type { ServiceRevenue } from './service-revenue';
import type { Cohort, CohortReport } from './cohorts';
import { cleanSum, type TrackerRow } from './tracker';
import type { BgNbdParams } from './value/bgnbd';
import type { ClientValue } from './value/client-value';
import type { GammaGammaParams } from './value/gamma-gamma';
import type { XyzClass, XyzResult } from './value/xyz';

/** One client of RESULTS.json. Dates are ISO `yyyy-mm-dd`. */
export interface AnalysedClient {
  id: string | null;
  name: string;
  firstOrder: string | null;
  lastOrder: string | null;
  orders: number;
  revenue: number;
  /** False when some orders are known only as typed dates or counts: `revenue` is then what is known. */
  revenueKnown: boolean;
  daysSinceLastOrder: number | null;
  cold: boolean;
  /** The client's own rhythm (tracker.ts): the median gap in days, null without a rhythm. */
  medianGap: number | null;
  /** The last order day + the median gap rounded (ISO), null without a rhythm. */
  expectedOrder: string | null;
  /** Days since the last order > k × the median gap («пропускает»). */
  slipping: boolean;
  r: number | null;
  f: number | null;
  m: number | null;
  rfm: string | null;
  segment: SegmentKey | null;
  abc: AbcClass | null;
  /** XYZ class by the variation of monthly revenue over the last 12 full months; null without revenue there. */
  xyz: XyzClass | null;
  /** BG/NBD: the probability the client still buys; null without a dated order. */
  pAlive: number | null;
  /** BG/NBD: expected orders (order days) in the next 90 and 365 days. */
  expectedOrders90: number | null;
  expectedOrders365: number | null;
  /** Gamma-Gamma: the expected value of an order day; BG/NBD × it: the 12-month CLV, discounted monthly. */
  expectedOrderValue: number | null;
  clv12: number | null;
  /** A suggested funnel-status move (status name in the workbook's language), for the user to confirm. */
  statusSuggestion: string | null;
}

/** The report: RESULTS.json's fields first, then what the side panel and the CLI show. */
export interface AnalysisReport {
  asOf: string;
  clients: AnalysedClient[];
  abc: AbcSummary;
  /** The cumulative revenue shares (0..1) where class A and class B end, from the settings the analysis used. */
  abcLimits: AbcLimits;
  segments: Record<SegmentKey, number>;
  thresholds: RfmThresholds;
  problems: Problem[];
  abcServices: AbcSummary;
  funnel: FunnelReport;
  managers: ManagerReport;
  /** Cohort retention, oldest cohort first (cohorts.ts). */
  cohorts: Cohort[];
  language: Language;
  /**
   * Typed order-history cells that differ from the tracker's figures: kept as typed (listed here and
   * summed up in `problems`), or with `replaceTyped` replaced after being archived.
   */
  typedDiffering: ArchivedValue[];
  /** True when `typedDiffering` were replaced (the user confirmed). */
  typedReplaced: boolean;
  /** Plan vs fact per manager and month (plan-fact.ts): the months shown on the «План-факт» sheet. */
  planFact: PlanFactRow[];
  /** Sheets the plan writes or changes. */
  sheets: string[];
  /** The fitted client-value models (value/client-value.ts); null where the base could not fit one. */
  valueModels: { bgNbd: BgNbdParams | null; gammaGamma: GammaGammaParams | null };
  /** Status changes typed in the clients sheet since the history's last status row, logged by this run (status-diff.ts). */
  statusChangesSeen: number;
  /** «Воронка: движение» from the history's status rows, the rows this run logs included (funnel-movement.ts). */
  funnelMovement: FunnelMovement | null;
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
  /** Computed on first read, as are `value`, `xyz` and `servicesXyz` (analysis.ts). */
  readonly cohorts: CohortReport;
  statusSuggestions: Array<string | null>;
  /** Chance of return and value per client, and the fitted models (value/client-value.ts). */
  readonly value: ClientValue;
  /** XYZ of clients (by index) and of `services` (by index). */
  readonly xyz: XyzResult;
  readonly servicesXyz: XyzResult;
  /** Orders dated after the as-of date (ignored), as problems. */
  problems: Problem[];
}

/** The workbook has no clients sheet, or one with no header row (then the message names it and says what to do). */
export class NoClientsSheetError extends MessageError {
  constructor(layout: Pick<BaseLayout, 'headerless' | 'language'>) {
    super(headerlessProblem(layout, 'clients')?.message ?? message('layout.noClientsSheetShort'), layout.language);
    this.name = 'NoClientsSheetError';
  }
}

/** Where ABC classes end on the cumulative revenue share, 0..1: 0.75 and 0.95 by default. */
export interface AbcLimits {
  A: number;
  B: number;
}

/** What the side panel shows after an analysis. */
export interface AnalysisSummary {
  asOf: string;
  clients: number;
  clientsWithOrders: number;
  cold: number;
  revenue: number;
  abc: { A: AbcShare; B: AbcShare; C: AbcShare; none: number };
  /** Clients who bought (a typed order date or count) but whose revenue is unknown; counted in `abc.none`. */
  revenueUnknown: number;
  segments: Record<SegmentKey, number>;
  /** Revenue of each segment's clients. */
  segmentRevenue: Record<SegmentKey, number>;
  abcLimits: AbcLimits;
  /** Cumulative share of revenue against the share of clients with revenue, ≤ 101 points; empty without revenue. */
  pareto: ParetoPoint[];
}

/** The summary of an analysis report. */
export function analysisSummary(report: AnalysisReport): AnalysisSummary {
  let clientsWithOrders = 0;
  let cold = 0;
  let revenue = 0;
  let revenueUnknown = 0;
  for (const client of report.clients) {
    if (client.orders > 0) clientsWithOrders++;
    if (client.orders > 0 && !client.revenueKnown) revenueUnknown++;
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
    revenueUnknown,
    segments: report.segments,
    segmentRevenue: segmentRevenue(report.clients),
    abcLimits: report.abcLimits,
    pareto: paretoCurve(report.clients.map((client) => client.revenue)),
  };
}
