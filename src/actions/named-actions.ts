/**
 * The actions with a name — the panel's Analysis tab, the Excel ribbon, the Google Sheets menu run the same
 * ones — each with a one-sentence result in the workbook's language, counts written as the language writes
 * them.
 */
import { analysisSummary } from '../core/analysis';
import { valueArchiveSheet } from '../core/value-archive';
import { say } from '../core/base';
import { CLIENT_NOUN, countOf, formatCount } from '../core/plural';
import { runAnalysis, runCheck, runFixValues, runStructure, type RunContext } from './runners';
import { runDuplicateSearch } from './duplicate-actions';
import type { ActionName, ActionResult } from './panel';

/** One of the panel's (and ribbon's, and menu's) named actions, with a one-sentence result. */
export async function runNamedAction(context: RunContext, action: ActionName): Promise<ActionResult> {
  switch (action) {
    case 'structure': {
      const report = await runStructure(context);
      const lang = report.language;
      const columns = countOf(report.addedColumns.length, ['столбец', 'столбца', 'столбцов'], ['column', 'columns'], lang);
      const ids = countOf(report.idsFilled, ['ID', 'ID', 'ID'], ['ID', 'IDs'], lang);
      const problems = countOf(report.problems.length, ['проблема', 'проблемы', 'проблем'], ['data problem', 'data problems'], lang);
      const message = say(lang, `Структура готова: добавлено ${columns}, присвоено ${ids}, в данных ${problems}.`, `The base is structured: ${columns} added, ${ids} assigned, ${problems}.`);
      return { action, message, sheets: [...report.sheetsCreated, ...(report.clientsSheet ? [report.clientsSheet] : [])], problems: report.problems };
    }
    case 'check': {
      const report = await runCheck(context);
      const n = report.problems.length;
      const found = countOf(n, ['проблема', 'проблемы', 'проблем'], ['problem', 'problems'], report.language);
      const message =
        n === 0
          ? say(report.language, 'Проблем в данных не найдено.', 'No data problems found.')
          : say(report.language, `В данных ${found}: см. лист «${report.sheet}».`, `${found} in the data: see the "${report.sheet}" sheet.`);
      return { action, message, sheets: [report.sheet], problems: report.problems };
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
        message: `${say(report.language, `Готово: ${countOf(summary.clients, CLIENT_NOUN.ru, CLIENT_NOUN.en, 'ru')}, холодных ${formatCount(summary.cold, 'ru')}.`, `Done: ${countOf(summary.clients, CLIENT_NOUN.ru, CLIENT_NOUN.en, 'en')}, ${formatCount(summary.cold, 'en')} cold.`)} ${duplicates.message}`,
        sheets: [...new Set([check.sheet, ...report.sheets, ...duplicates.sheets])],
        problems: [...check.problems],
        summary,
        typedDiffering: report.typedDiffering.length,
      };
    }
    case 'fixValues': {
      const report = await runFixValues(context);
      return { action, message: report.message, sheets: report.columns.map((c) => c.sheet), problems: report.problems };
    }
    case 'updateTyped': {
      const report = await runAnalysis({ ...context, replaceTyped: true }, ['tracker']);
      const n = report.typedDiffering.length;
      const archive = valueArchiveSheet(report.language);
      return {
        action,
        message: n === 0
          ? say(report.language, 'Значения, введённые вручную, совпадают с заказами: обновлять нечего.', 'The typed values agree with the orders: nothing to update.')
          : say(report.language, `Обновлено значений: ${n}. Прежние значения сохранены на листе «${archive}».`, `${n} values updated. The previous values are saved on the "${archive}" sheet.`),
        sheets: report.sheets,
        problems: [],
        summary: analysisSummary(report),
      };
    }
    default: {
      const report = await runAnalysis(context, [action]);
      const summary = analysisSummary(report);
      const [inRu, inEn] = [(n: number) => formatCount(n, 'ru'), (n: number) => formatCount(n, 'en')];
      const { A, B, C } = summary.abc;
      const noSales = summary.abc.none - summary.revenueUnknown;
      const messages: Record<typeof action, [string, string]> = {
        tracker: [`Трекер обновлён: клиентов с заказами ${inRu(summary.clientsWithOrders)}, холодных ${inRu(summary.cold)}.`, `Tracker updated: ${inEn(summary.clientsWithOrders)} clients with orders, ${inEn(summary.cold)} cold.`],
        abc: [
          `ABC: A ${inRu(A.clients)}, B ${inRu(B.clients)}, C ${inRu(C.clients)}, без продаж ${inRu(noSales)}${summary.revenueUnknown ? `, выручка неизвестна ${inRu(summary.revenueUnknown)}` : ''}.`,
          `ABC: A ${inEn(A.clients)}, B ${inEn(B.clients)}, C ${inEn(C.clients)}, no sales ${inEn(noSales)}${summary.revenueUnknown ? `, revenue unknown ${inEn(summary.revenueUnknown)}` : ''}.`,
        ],
        rfm: [`RFM: оценено клиентов ${inRu(summary.clientsWithOrders)}.`, `RFM: ${inEn(summary.clientsWithOrders)} clients scored.`],
        funnel: ['Отчёт по воронке готов.', 'The funnel report is ready.'],
        managers: ['Отчёт по нагрузке менеджеров готов.', 'The manager load report is ready.'],
      };
      const [ru, en] = messages[action];
      return { action, message: say(report.language, ru, en), sheets: report.sheets, problems: report.problems, summary, typedDiffering: report.typedDiffering.length };
    }
  }
}
