/**
 * The daily «Сегодня» letter: one e-mail per manager with their list (today.ts), to the address the
 * settings give for them («Анна — anna@firm.ru»). Pure: the Apps Script trigger sends what this plans.
 * A manager with nothing to do today gets no letter; one without an address, or beyond the day's sending
 * quota, is named in the report, never silently skipped.
 */
import type { Base } from './base';
import type { DayNumber, Language } from './model';
import type { TrackerRow } from './tracker';
import { countOf } from './plural';
import { isoToDotted } from './normalise/date';
import { normaliseText } from './normalise/text';
import { MANAGER_EMAIL } from './settings-specs';
import { TODAY_KIND_TITLES, TODAY_KINDS, managerNames, todayList, type TodayItem } from './today';

/** Lines of one kind shown in a letter; the rest is counted. */
const LINES_PER_KIND = 30;

export interface ManagerMail {
  manager: string;
  to: string;
  subject: string;
  body: string;
}

export interface ManagerMailPlan {
  mails: ManagerMail[];
  /** Managers with something to do today and no address in the settings. */
  withoutAddress: string[];
  /** Managers whose letter the day's quota leaves unsent. */
  overQuota: string[];
}

const key = (name: string) => normaliseText(name.trim());

/** Address by manager (case and ё/е do not matter), from the setting's «Имя — адрес» pairs. */
export function managerAddresses(pairs: readonly string[]): Map<string, string> {
  const addresses = new Map<string, string>();
  for (const pair of pairs) {
    const m = MANAGER_EMAIL.exec(pair.trim());
    if (m) addresses.set(key(m[1]), m[2]);
  }
  return addresses;
}

/** The base's managers the settings give no address for. */
export function managersWithoutAddress(base: Base): string[] {
  const addresses = managerAddresses(base.settings.managerEmails);
  return managerNames(base).filter((name) => !addresses.has(key(name)));
}

function itemLine(item: TodayItem): string {
  return `• ${item.client} (${item.clientId})${item.date ? `, ${isoToDotted(item.date)}` : ''}`;
}

function letterBody(manager: string, items: readonly TodayItem[], asOf: string, language: Language): string {
  const ru = language === 'ru';
  const lines = [ru ? `${manager}, ваш список на ${isoToDotted(asOf)}:` : `${manager}, your list for ${asOf}:`];
  for (const kind of TODAY_KINDS) {
    const own = items.filter((item) => item.kind === kind);
    if (own.length === 0) continue;
    lines.push('', `${TODAY_KIND_TITLES[kind][language]}: ${own.length}`);
    lines.push(...own.slice(0, LINES_PER_KIND).map(itemLine));
    if (own.length > LINES_PER_KIND) lines.push(ru ? `…и ещё ${own.length - LINES_PER_KIND} — см. лист «Сегодня»` : `…and ${own.length - LINES_PER_KIND} more: see the Today sheet`);
  }
  lines.push('', ru ? 'Письмо отправила надстройка «Клиентская база».' : 'Sent by the Client base add-on.');
  return lines.join('\n');
}

/** The letters of the day as of `asOf`, at most `quota` of them. */
export function planManagerMails(base: Base, tracker: readonly TrackerRow[], asOf: DayNumber, quota: number): ManagerMailPlan {
  const language = base.layout.language;
  const addresses = managerAddresses(base.settings.managerEmails);
  const plan: ManagerMailPlan = { mails: [], withoutAddress: [], overQuota: [] };
  for (const manager of managerNames(base)) {
    const list = todayList(base, tracker, asOf, { manager });
    if (list.items.length === 0) continue;
    const to = addresses.get(key(manager));
    if (!to) plan.withoutAddress.push(manager);
    else if (plan.mails.length >= quota) plan.overQuota.push(manager);
    else {
      const subject = language === 'ru' ? `Сегодня, ${isoToDotted(list.asOf)}: ${countOf(list.items.length, ['дело', 'дела', 'дел'], ['item', 'items'], 'ru')}` : `Today, ${list.asOf}: ${countOf(list.items.length, ['дело', 'дела', 'дел'], ['item', 'items'], 'en')}`;
      plan.mails.push({ manager, to, subject, body: letterBody(manager, list.items, list.asOf, language) });
    }
  }
  return plan;
}
