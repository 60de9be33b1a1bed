/**
 * The daily «Сегодня» letter (Google Sheets): a time-driven trigger calls `sendTodayLetters` every morning,
 * which reads the spreadsheet the script is bound to, plans one letter per manager (core/manager-mail.ts)
 * and sends them with MailApp within the day's quota: 100 recipients a day on a consumer account, 1,500 on
 * Google Workspace. Turning it on twice leaves one trigger.
 */
import { readBase } from '../../../src/core/base';
import { managerAddresses, managersWithoutAddress, planManagerMails, type ManagerMailPlan } from '../../../src/core/manager-mail';
import type { DayNumber, Language } from '../../../src/core/model';
import { countOf } from '../../../src/core/plural';
import { SPECS } from '../../../src/core/settings-specs';
import { computeTracker } from '../../../src/core/tracker';
import { readHistory } from '../../../src/core/contact-history';
import type { Workbook } from '../../../src/workbook/workbook';

/** The global function the trigger calls (server.ts exports it under this name). */
export const LETTER_HANDLER = 'sendTodayLetters';
/** The letter goes out between 8 and 9 in the script's time zone. */
export const LETTER_HOUR = 8;

type Triggers = Pick<GoogleAppsScript.Script.ScriptApp, 'getProjectTriggers' | 'newTrigger' | 'deleteTrigger'>;
type Mail = Pick<GoogleAppsScript.Mail.MailApp, 'getRemainingDailyQuota'> & { sendEmail(recipient: string, subject: string, body: string): void };

const letterTriggers = (script: Triggers) => script.getProjectTriggers().filter((t) => t.getHandlerFunction() === LETTER_HANDLER);

/** Turns the daily letter on; `false` when it already was (extra triggers from an older version are removed). */
export function installDailyLetter(script: Triggers): boolean {
  const existing = letterTriggers(script);
  existing.slice(1).forEach((trigger) => script.deleteTrigger(trigger));
  if (existing.length > 0) return false;
  script.newTrigger(LETTER_HANDLER).timeBased().everyDays(1).atHour(LETTER_HOUR).create();
  return true;
}

/** Turns the daily letter off; the number of triggers removed. */
export function removeDailyLetter(script: Triggers): number {
  const existing = letterTriggers(script);
  existing.forEach((trigger) => script.deleteTrigger(trigger));
  return existing.length;
}

/** Plans and sends the day's letters; what was not sent, and why, is in the plan returned. */
export async function sendLetters(workbook: Workbook, mail: Mail, asOf: DayNumber): Promise<ManagerMailPlan> {
  const snapshot = await workbook.read();
  const base = readBase(snapshot);
  const tracker = computeTracker(base.clients.map((c) => c.history), base.orders, base.orderClient, asOf, base.settings.coldDays);
  const plan = planManagerMails(base, tracker, asOf, mail.getRemainingDailyQuota(), readHistory(snapshot));
  for (const letter of plan.mails) mail.sendEmail(letter.to, letter.subject, letter.body);
  return plan;
}

/** What the owner is told on turning the letter on: where it goes, who gets none, and the quota. */
export async function letterOnMessage(workbook: Workbook, installed: boolean, language: Language): Promise<string> {
  const base = readBase(await workbook.read());
  const addresses = managerAddresses(base.settings.managerEmails);
  const without = managersWithoutAddress(base);
  const setting = SPECS.managerEmails.label[language];
  if (language === 'en') {
    return [
      installed ? `Done: every morning between ${LETTER_HOUR} and ${LETTER_HOUR + 1} each manager gets a letter with their Today list.` : 'The morning Today letter was already on.',
      `Addresses come from the setting "${setting}" on the Settings sheet: ${addresses.size} given.`,
      without.length ? `No address, so no letter: ${without.join(', ')}.` : '',
      'A consumer Google account sends mail to at most 100 recipients a day (Google Workspace: 1,500); managers beyond that get no letter that day.',
    ].filter(Boolean).join('\n');
  }
  return [
    installed ? `Готово: каждое утро с ${LETTER_HOUR} до ${LETTER_HOUR + 1} часов каждому менеджеру уходит письмо с его списком «Сегодня».` : 'Письмо «Сегодня» по утрам уже было включено.',
    `Адреса берутся из настройки «${setting}» на листе «Настройки»: ${countOf(addresses.size, ['адрес', 'адреса', 'адресов'], ['address', 'addresses'], 'ru')}.`,
    without.length ? `Без адреса письма не получат: ${without.join(', ')}.` : '',
    'Обычный аккаунт Google отправляет письма не больше чем 100 получателям в день (Google Workspace — 1500): менеджерам сверх этого письмо в тот день не придёт.',
  ].filter(Boolean).join('\n');
}
