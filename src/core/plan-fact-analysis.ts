/**
 * The plan-vs-actual part of the analysis: the plan sheet read, the fact counted over the analysed base,
 * the result sheet planned, and — when the workbook has no plan sheet — the empty plan template created
 * in the same plan (the managers of the base, the as-of month and the next two). A plan sheet of the
 * user's is only ever read.
 */
import type { SheetOperation } from '../workbook/operations';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { Analysis } from './analysis-report';
import { readHistory } from './contact-history';
import type { Problem } from './model';
import { dayToIso } from './normalise/date';
import { computePlanFact, type PlanFactReport } from './plan-fact';
import { planFactSheetOperations } from './plan-fact-sheet';
import { addMonths, planTemplateOperations, readPlanSheet } from './plan-sheet';
import { sheetNameMatches } from './schema';

/** Months the template is laid out for, from the as-of month on. */
export const TEMPLATE_MONTHS = 3;

export interface PlannedPlanFact {
  report: PlanFactReport;
  /** The plan sheet's reading problems. */
  problems: Problem[];
  /** The template (when the workbook has no plan sheet) and the result sheet. */
  operations: SheetOperation[];
}

export function planFactPart(snapshot: WorkbookSnapshot, analysis: Analysis): PlannedPlanFact {
  const { base, asOf, language } = analysis;
  const plan = readPlanSheet(snapshot);
  const hasHistory = snapshot.sheets.some((s) => sheetNameMatches('history', s.name));
  const report = computePlanFact({
    clients: base.clients,
    orders: base.orders,
    orderClient: base.orderClient,
    tracker: analysis.tracker,
    history: hasHistory ? readHistory(snapshot) : null,
    plan: plan.rows,
    asOf,
  });
  const operations: SheetOperation[] = [];
  if (plan.sheet === null) {
    const managers = analysis.managers.managers.map((m) => m.manager).filter((name) => name !== '');
    const first = dayToIso(asOf).slice(0, 7);
    const months = Array.from({ length: TEMPLATE_MONTHS }, (_, n) => addMonths(first, n));
    operations.push(...planTemplateOperations(managers, months, language));
  }
  operations.push(...planFactSheetOperations({ report, managers: analysis.managers, asOf, language, planSheet: plan.sheet }));
  return { report, problems: plan.problems, operations };
}
