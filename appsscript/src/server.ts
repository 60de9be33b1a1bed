/**
 * The Apps Script server entry. Every export becomes a global function of Code.js (webpack.part.js emits
 * a top-level `function name() { … }` for each), which is what menus, triggers and google.script.run call.
 * Nothing here calls SpreadsheetApp for data: that is the gateway's job (gateway/).
 */
import { createActions } from '../../src/actions/local';
import type { ActionName } from '../../src/actions/panel';
import { JobSheet } from './jobs/job-sheet';
import { SpreadsheetAppWorkbook } from './gateway/spreadsheet-app-workbook';
import { continueAction, startAction, type JobContext } from './jobs/runner';
import type { RunAnswer } from './panel-protocol';
import { buildMenu, MENU_TITLE, menuLanguage } from './menu';
import { confirmThenRunFromMenu, continueFromMenu, discardFromMenu, runFromMenu } from './server/menu-run';
import { isOrdersSheet, LOCK_WAIT_MS, logStatusEdit, mayBeStatusEdit, updateTrackerAfterEdit } from './server/on-edit';
import { panelServerFunctions } from './server/panel';
import { installDailyLetter, letterOnMessage, removeDailyLetter, sendLetters } from './server/daily-letter';
import { todayDay } from '../../src/core/normalise/date';
import { cacheProgress, readProgress } from './server/progress';

function language() {
  return menuLanguage(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
}

/**
 * Builds the menu when the spreadsheet opens.
 * @param e the open event; in an add-on not yet enabled in this document its authMode is NONE.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  // AuthMode.NONE: an add-on not yet used in this document may build its add-on menu and nothing else
  const asAddon = e !== undefined && e.authMode === ScriptApp.AuthMode.NONE;
  buildMenu(SpreadsheetApp.getUi(), asAddon ? 'ru' : language(), asAddon);
}

/** Installing the add-on: show the menu at once, without reopening the document. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Opens the side panel (the same React panel as in Excel). */
export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('sidebar').setTitle(MENU_TITLE[language()]);
  SpreadsheetApp.getUi().showSidebar(html);
}

/** What a long action needs, made when the server function is called: its time budget starts then. */
function jobContext(): JobContext {
  return {
    workbook: SpreadsheetAppWorkbook.active(),
    jobs: new JobSheet(SpreadsheetApp.getActiveSpreadsheet()),
    lock: LockService.getDocumentLock(),
    language: language(),
    now: Date.now,
  };
}

const fromMenu = (action: ActionName) => runFromMenu(SpreadsheetApp.getUi(), jobContext(), action);

/** Menu: structure the base (IDs, managed columns, dropdowns, Orders sheet). */
export const menuStructure = () => fromMenu('structure');
/** Menu: check the data and list the problems on a sheet. */
export const menuCheck = () => fromMenu('check');
/** Menu: find duplicate clients. */
export const menuDuplicates = () => fromMenu('duplicates');
/** Menu: update the first/last-order tracker columns. */
export const menuTracker = () => fromMenu('tracker');
/** Menu: replace the typed order history the orders have moved on, after the user says Yes (old values archived). */
export const menuUpdateTyped = () =>
  confirmThenRunFromMenu(
    SpreadsheetApp.getUi(),
    jobContext(),
    'updateTyped',
    language() === 'en'
      ? 'Typed order dates, counts and sums that the orders have moved on will be replaced with the figures from the orders. The previous values are saved on the "Value archive" sheet. Continue?'
      : 'Даты, количества и суммы заказов, введённые вручную, которые заказы уже обновили, будут заменены данными заказов. Прежние значения сохранятся на листе «Архив значений». Продолжить?',
  );
/** Menu: make dates and amounts typed as text real, after the user says Yes (old values archived). */
export const menuFixValues = () =>
  confirmThenRunFromMenu(
    SpreadsheetApp.getUi(),
    jobContext(),
    'fixValues',
    language() === 'en'
      ? 'Dates and amounts typed as text will become real dates and numbers. The previous values are saved on the "Value archive" sheet; impossible dates and words stay as they are. Continue?'
      : 'Даты и суммы, записанные текстом, станут настоящими датами и числами. Прежние значения сохранятся на листе «Архив значений»; даты, которых нет в календаре, и слова останутся как есть. Продолжить?',
  );
/** Menu: ABC analysis by revenue. */
export const menuAbc = () => fromMenu('abc');
/** Menu: RFM analysis. */
export const menuRfm = () => fromMenu('rfm');
/** Menu: funnel report. */
export const menuFunnel = () => fromMenu('funnel');
/** Menu: each client's chance of return and 12-month value. */
export const menuClientValue = () => fromMenu('clientValue');
/** Menu: the ABC-XYZ matrix. */
export const menuAbcXyz = () => fromMenu('abcXyz');
/** Menu: clients entering each funnel status per month, conversion and days in each status. */
export const menuFunnelMovement = () => fromMenu('funnelMovement');
/** Menu: per-manager load report. */
export const menuManagers = () => fromMenu('managers');
/** Menu: cohort retention by month of first order. */
export const menuCohorts = () => fromMenu('cohorts');
/** Menu: plan vs actual per manager and month (the «План» sheet created empty when missing). */
export const menuPlanFact = () => fromMenu('planFact');
/** Menu: every analysis at once. */
export const menuAll = () => fromMenu('all');
/** Menu: the «Сегодня» sheet, every manager's list of whom to contact today. */
export const menuToday = () => fromMenu('today');
/** Menu: the «Сегодня» letter to each manager every morning, on (one trigger however often it is turned on). */
export async function menuLetterOn(): Promise<void> {
  const installed = installDailyLetter(ScriptApp);
  SpreadsheetApp.getUi().alert(await letterOnMessage(SpreadsheetAppWorkbook.active(), installed, language()));
}
/** Menu: the morning letter, off. */
export function menuLetterOff(): void {
  const removed = removeDailyLetter(ScriptApp);
  const en = language() === 'en';
  SpreadsheetApp.getUi().alert(removed > 0 ? (en ? 'The morning Today letter is off.' : 'Письмо «Сегодня» по утрам выключено.') : en ? 'The morning Today letter was not on.' : 'Письмо «Сегодня» по утрам и не было включено.');
}
/** The daily trigger: each manager's «Сегодня» letter. What was not sent, and why, goes to the execution log. */
export async function sendTodayLetters(): Promise<void> {
  const plan = await sendLetters(SpreadsheetAppWorkbook.active(), MailApp, todayDay());
  console.log(JSON.stringify({ sent: plan.mails.map((m) => m.manager), withoutAddress: plan.withoutAddress, overQuota: plan.overQuota }));
}
/** Menu: write the rest of an action that ran out of time. */
export const menuContinue = () => continueFromMenu(SpreadsheetApp.getUi(), jobContext());
/** Menu: forget the rest of an action that ran out of time. */
export const menuDiscard = () => discardFromMenu(SpreadsheetApp.getUi(), jobContext());

/**
 * Simple trigger: an edit of one client's status cell is logged to «История» as «from → to» (see
 * server/on-edit.ts); an edit or a new row in the Orders sheet updates the tracker columns of the clients
 * it touches. Both run under the document lock; when the lock cannot be had in time the status change is
 * left to the next read, and the tracker leaves a note and returns. A status pasted (one cell or several)
 * comes without its old value and is left to the next read too.
 */
export async function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): Promise<void> {
  const sheet = e.range.getSheet();
  if (mayBeStatusEdit(sheet.getName(), e.range.getNumRows(), e.range.getNumColumns())) {
    // A value typed into one cell comes with the old value, absent when the cell was empty. A paste into one
    // cell comes with neither value nor old value: its «from» is unknown, so the next read's diff logs it.
    if (e.value === undefined && e.oldValue === undefined) return;
    const edit = { sheet: sheet.getName(), row: e.range.getRow(), column: e.range.getColumn(), oldValue: e.oldValue === undefined ? '' : String(e.oldValue) };
    await logStatusEdit(SpreadsheetAppWorkbook.active(), edit, new Date(), LockService.getDocumentLock());
    return;
  }
  if (!isOrdersSheet(sheet.getName())) return;
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    e.range.setNote(
      language() === 'en'
        ? 'The tracker was busy and was not updated for this edit: run Client base → Update the order tracker.'
        : 'Трекер был занят и не обновился после этой правки: выполните «Клиентская база → Обновить трекер заказов».',
    );
    return;
  }
  try {
    await updateTrackerAfterEdit(SpreadsheetAppWorkbook.active());
  } finally {
    lock.releaseLock();
  }
}

const progressFor = (token: string | null) => (token ? cacheProgress(CacheService.getUserCache()!, token) : undefined);

const panel = panelServerFunctions(
  () => createActions(SpreadsheetAppWorkbook.active()),
  (action, progressToken) => startAction(jobContext(), action, progressFor(progressToken)),
);

/** Sidebar → PanelActions, one server function per method (see panel-protocol.ts). */
export const {
  panel_listClients,
  panel_getClient,
  panel_selectClient,
  panel_showInSheet,
  panel_setStatus,
  panel_addNote,
  panel_logContact,
  panel_logGreeting,
  panel_campaign,
  panel_statuses,
  panel_services,
  panel_checkNewClient,
  panel_addClient,
  panel_recordOrder,
  panel_run,
  panel_duplicateGroups,
  panel_merge,
  panel_undoMerge,
  panel_dismissGroup,
  panel_getSettings,
  panel_saveSettings,
  panel_layout,
  panel_setMapping,
  panel_today,
} = panel;

/** Sidebar: the next executions of a `panel_run` that answered `continue`. */
export function panel_continue(jobId: string, progressToken: string | null): Promise<RunAnswer> {
  return continueAction(jobContext(), jobId, progressFor(progressToken));
}

/** The latest progress of the sidebar's running action, polled by the sidebar. */
export function panelProgress(token: string) {
  return readProgress(CacheService.getUserCache()!, token);
}
