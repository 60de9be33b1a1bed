/**
 * The actions with a name — the panel's Analysis tab, the Excel ribbon, the Google Sheets menu run the same
 * ones — each with a one-sentence result as a message, for whoever shows it to render in its language.
 */
import { analysisSummary, type AnalysisReport } from '../core/analysis';
import { sheetName, sheetNameMatches } from '../core/schema';
import { MIN_REPEAT_BUYERS } from '../core/value/client-value';
import { valueArchiveSheet } from '../core/value-archive';
import { message, type Message } from '../core/messages/message';
import { runAnalysis, runCheck, runFixValues, runStructure, runTodaySheet, type RunContext } from './runners';
import { runDuplicateSearch } from './duplicate-actions';
import type { ActionName, ActionResult } from './panel';

/** Plan vs actual's result: managers and months shown, and the plan template when one was created. */
function planFactMessage(report: AnalysisReport): Message {
  const managers = new Set(report.planFact.map((row) => row.manager)).size;
  const months = new Set(report.planFact.map((row) => row.month)).size;
  const sheet = report.sheets.find((name) => sheetNameMatches('planFact', name)) ?? sheetName('planFact', report.language);
  const plan = report.sheets.find((name) => sheetNameMatches('plan', name));
  return plan ? message('planFact.template', { managers, months, sheet, plan }) : message('planFact.done', { managers, months, sheet });
}

/** The client-value result: how many clients got figures, or why none did. */
function clientValueMessage(report: AnalysisReport): Message {
  const sheet = sheetName('clientValue', report.language);
  const count = report.clients.filter((client) => client.pAlive !== null).length;
  return count > 0 ? message('clientValue.done', { count, sheet }) : message('clientValue.none', { min: MIN_REPEAT_BUYERS, sheet });
}

/** The ABC-XYZ result: clients per XYZ class. */
function abcXyzMessage(report: AnalysisReport): Message {
  const count = (xyz: string) => report.clients.filter((client) => client.xyz === xyz).length;
  return message('abcXyz.done', { x: count('X'), y: count('Y'), z: count('Z'), sheet: sheetName('abcXyz', report.language) });
}

/** The funnel-movement result: the months shown and the status changes the run logged as seen in the table. */
function funnelMovementMessage(report: AnalysisReport): Message {
  const sheet = sheetName('funnelMovement', report.language);
  const months = report.funnelMovement?.months.length ?? 0;
  const seen = report.statusChangesSeen;
  return months === 0 ? message('funnelMovement.none', { seen, sheet }) : message('funnelMovement.done', { months, seen, sheet });
}

/** One of the panel's (and ribbon's, and menu's) named actions, with a one-sentence result. */
export async function runNamedAction(context: RunContext, action: ActionName): Promise<ActionResult> {
  switch (action) {
    case 'structure': {
      const report = await runStructure(context);
      const done = message('structure.done', { columns: report.addedColumns.length, ids: report.idsFilled, problems: report.problems.length });
      return { action, message: done, sheets: [...report.sheetsCreated, ...(report.clientsSheet ? [report.clientsSheet] : [])], problems: report.problems };
    }
    case 'check': {
      const report = await runCheck(context);
      const n = report.problems.length;
      const found = n === 0 ? message('check.none') : message('check.found', { count: n, sheet: report.sheet });
      return { action, message: found, sheets: [report.sheet], problems: report.problems };
    }
    case 'duplicates':
      return runDuplicateSearch(context);
    case 'all': {
      await runStructure(context);
      const check = await runCheck(context);
      const report = await runAnalysis(context);
      const duplicates = await runDuplicateSearch(context);
      const summary = analysisSummary(report);
      return {
        action,
        message: message('all.done', { clients: summary.clients, cold: summary.cold, duplicates: duplicates.message }),
        sheets: [...new Set([check.sheet, ...report.sheets, ...duplicates.sheets])],
        problems: [...check.problems],
        summary,
        typedDiffering: report.typedDiffering.length,
      };
    }
    case 'today': {
      const report = await runTodaySheet(context);
      const done = report.items === 0 ? message('today.none') : message('today.done', { items: report.items, managers: report.managers, sheet: report.sheet });
      return { action, message: done, sheets: [report.sheet], problems: report.problems };
    }
    case 'fixValues': {
      const report = await runFixValues(context);
      return { action, message: report.message, sheets: report.columns.map((c) => c.sheet), problems: report.problems };
    }
    case 'updateTyped': {
      const report = await runAnalysis({ ...context, replaceTyped: true }, ['tracker']);
      const n = report.typedDiffering.length;
      return {
        action,
        message: n === 0 ? message('updateTyped.none') : message('updateTyped.done', { count: n, archive: valueArchiveSheet(report.language) }),
        sheets: report.sheets,
        problems: [],
        summary: analysisSummary(report),
      };
    }
    default: {
      const report = await runAnalysis(context, [action]);
      const summary = analysisSummary(report);
      const { A, B, C } = summary.abc;
      const classes = { a: A.clients, b: B.clients, c: C.clients, noSales: summary.abc.none - summary.revenueUnknown };
      const messages: Record<typeof action, Message> = {
        tracker: message('tracker.done', { withOrders: summary.clientsWithOrders, cold: summary.cold }),
        abc: summary.revenueUnknown ? message('abc.doneUnknown', { ...classes, unknown: summary.revenueUnknown }) : message('abc.done', classes),
        rfm: message('rfm.done', { count: summary.clientsWithOrders }),
        funnel: message('funnel.done'),
        managers: message('managers.done'),
        clientValue: clientValueMessage(report),
        abcXyz: abcXyzMessage(report),
        cohorts: message('cohorts.done', { cohorts: report.cohorts.length, clients: report.cohorts.reduce((sum, cohort) => sum + cohort.clients, 0) }),
        planFact: planFactMessage(report),
        funnelMovement: funnelMovementMessage(report),
      };
      return { action, message: messages[action], sheets: report.sheets, problems: report.problems, summary, typedDiffering: report.typedDiffering.length };
    }
  }
}
