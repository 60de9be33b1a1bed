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
import { MANAGER_EMAIL } from './settings-specs';
import { TODAY_KIND_TITLES, TODAY_KINDS, managerKey, managerNames, todayList, type TodayItem } from './today';
import type { HistoryEntry } from './contact-history';

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

/** Address by manager (case and ё/е do not matter), from the setting's «Имя — адрес» pairs. */
export function managerAddresses(pairs: readonly string[]): Map<string, string> {
  const addresses = new Map<string, string>();
  for (const pair of pairs) {
    const m = MANAGER_EMAIL.exec(pair.trim());
    if (m) addresses.set(managerKey(m[1]), m[2]);
  }
  return addresses;
}

/** The base's managers the settings give no address for. */
export function managersWithoutAddress(base: Base): string[] {
  const addresses = managerAddresses(base.settings.managerEmails);
  return managerNames(base).filter((name) => !addresses.has(managerKey(name)));
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

/**
 * The letters of the day as of `asOf`, at most `quota` of them. `history` is the history sheet's rows: a
 * birthday the client was already congratulated on is left out of the letter.
 */
export function planManagerMails(base: Base, tracker: readonly TrackerRow[], asOf: DayNumber, quota: number, history: readonly HistoryEntry[] = []): ManagerMailPlan {
  const language = base.layout.language;
  const addresses = managerAddresses(base.settings.managerEmails);
  const plan: ManagerMailPlan = { mails: [], withoutAddress: [], overQuota: [] };
  // One list for the whole base, split by manager: the list's order (kind, date, name) holds within each.
  const list = todayList(base, tracker, asOf, { history });
  const itemsOf = new Map<string, TodayItem[]>();
  for (const item of list.items) {
    // A birthday the client was already congratulated on asks nothing of the manager.
    if (item.congratulated) continue;
    const own = itemsOf.get(managerKey(item.manager));
    if (own) own.push(item);
    else itemsOf.set(managerKey(item.manager), [item]);
  }
  const day = language === 'ru' ? isoToDotted(list.asOf) : list.asOf;
  for (const manager of managerNames(base)) {
    const items = itemsOf.get(managerKey(manager)) ?? [];
    if (items.length === 0) continue;
    const to = addresses.get(managerKey(manager));
    if (!to) plan.withoutAddress.push(manager);
    else if (plan.mails.length >= quota) plan.overQuota.push(manager);
    else {
      const subject = `${language === 'ru' ? 'Сегодня' : 'Today'}, ${day}: ${countOf(items.length, ['дело', 'дела', 'дел'], ['item', 'items'], language)}`;
      plan.mails.push({ manager, to, subject, body: letterBody(manager, items, list.asOf, language) });
    }
  }
  return plan;
}
