/**
 * A manager's «Сегодня»: whom to contact today, from what the clients sheet already holds (the next-contact
 * date, the birthday, the first-contact date, the status) and the tracker (who went cold, or — for a client
 * with a rhythm of their own — who is missing it: «пропускает» replaces «остыл» for them). Pure: the CLI's
 * `today`, the panel and the result sheet all show this one list.
 */
import type { Base } from './base';
import type { DayNumber } from './model';
import type { TrackerRow } from './tracker';
import { clientRef } from './client-ref';
import { BIRTHDAY_DAYS, daysToBirthday } from './birthdays';
import type { HistoryEntry } from './contact-history';
import { congratulatedOn, greetingDays } from './greetings';
import { dayToIso } from './normalise/date';
import { normaliseText } from './normalise/text';
import { findStatus } from './statuses';

/** In the order a manager works through them: promises already broken first. */
export const TODAY_KINDS = ['overdue', 'today', 'slipping', 'cold', 'birthday', 'new'] as const;
export type TodayKind = (typeof TODAY_KINDS)[number];

export interface TodayItem {
  /** The client's ID, `row:N` before the base is structured. */
  clientId: string;
  client: string;
  manager: string;
  kind: TodayKind;
  /**
   * overdue, today: the next-contact date; slipping: the expected order date; cold: the last order; birthday: this year's (or next year's)
   * birthday; new: null.
   */
  date: string | null;
  /** The client's row on the clients sheet. */
  row: number;
  /** birthday: congratulated on it (greetings.ts) — shown with the mark, not as a task; absent without `history`. */
  congratulated?: boolean;
}

export interface TodayList {
  asOf: string;
  items: TodayItem[];
}

export interface TodayOptions {
  /** Only this manager's clients (case and ё/е do not matter); everyone's when absent. */
  manager?: string;
  /** Birthdays from today up to this many days ahead. */
  birthdayDays?: number;
  /** The history sheet's rows: a birthday item then says whether the client was congratulated on it. */
  history?: readonly HistoryEntry[];
}

/** What each kind asks of the manager, as a heading. */
export const TODAY_KIND_TITLES: Record<TodayKind, { ru: string; en: string }> = {
  overdue: { ru: 'Просроченные контакты', en: 'Overdue contacts' },
  today: { ru: 'Контакты на сегодня', en: "Today's contacts" },
  slipping: { ru: 'Пропускают свой ритм заказов, контакт не назначен: позвонить', en: 'Missing their usual order rhythm, no next contact: call' },
  cold: { ru: 'Остывшие, контакт не назначен: позвонить или передать другому менеджеру', en: 'Gone cold with no next contact: call or reassign' },
  birthday: { ru: 'Дни рождения', en: 'Birthdays' },
  new: { ru: 'Новые, с ними ещё не связывались', en: 'New, not contacted yet' },
};

/** Statuses that record a decision already taken (refused, left): such a client is not nagged as cold. */
const CLOSED_STATUSES: ReadonlySet<string> = new Set(['red_green', 'red_gold', 'red_platinum']);
/** The funnel's first status: a contact nobody has worked yet. */
const NEW_STATUS = 'white';

/** The items of one client, in TODAY_KINDS order. */
function clientItems(base: Base, index: number, row: TrackerRow, asOf: DayNumber, birthdayDays: number): Array<[TodayKind, DayNumber | null]> {
  const client = base.clients[index];
  const status = findStatus(client.status)?.key;
  const items: Array<[TodayKind, DayNumber | null]> = [];
  const next = client.nextContact;
  if (next !== null && next < asOf) items.push(['overdue', next]);
  if (next === asOf) items.push(['today', next]);
  if (next === null && !(status && CLOSED_STATUSES.has(status))) {
    // A client with a rhythm of their own is judged by it, not by the fixed cold threshold: a yearly
    // buyer at day 90 is fine, a weekly one at day 20 is not. One past the rhythm and the threshold both
    // (a weekly buyer silent for a year) has gone cold rather than slipped: listed, and dated, as cold.
    if (row.medianGap !== null) {
      if (row.slipping) items.push(row.cold ? ['cold', row.lastOrder] : ['slipping', row.expectedOrder]);
    } else if (row.cold) {
      items.push(['cold', row.lastOrder]);
    }
  }
  if (client.birthday !== null) {
    const days = daysToBirthday(client.birthday, asOf);
    if (days <= birthdayDays) items.push(['birthday', asOf + days]);
  }
  const untouched = client.firstContact === null && row.orders === 0 && next === null;
  if (untouched && (client.status.trim() === '' || status === NEW_STATUS)) items.push(['new', null]);
  return items;
}

/**
 * The list as of `asOf`, sorted by kind (TODAY_KINDS), then date, then the client's name. `tracker` is the
 * tracker of `base.clients` as of the same day.
 */
export function todayList(base: Base, tracker: readonly TrackerRow[], asOf: DayNumber, options: TodayOptions = {}): TodayList {
  const manager = options.manager === undefined ? null : managerKey(options.manager);
  const birthdayDays = options.birthdayDays ?? BIRTHDAY_DAYS;
  const greeted = options.history && greetingDays(options.history);
  const items: Array<TodayItem & { day: DayNumber | null }> = [];
  base.clients.forEach((client, index) => {
    if (manager !== null && managerKey(client.manager) !== manager) return;
    for (const [kind, day] of clientItems(base, index, tracker[index], asOf, birthdayDays)) {
      const item: TodayItem & { day: DayNumber | null } = { clientId: clientRef(client), client: client.name, manager: client.manager, kind, date: day === null ? null : dayToIso(day), row: client.row, day };
      if (greeted && kind === 'birthday') item.congratulated = congratulatedOn(greeted, client, day!, asOf);
      items.push(item);
    }
  });
  const rank = (kind: TodayKind) => TODAY_KINDS.indexOf(kind);
  items.sort((a, b) => rank(a.kind) - rank(b.kind) || (a.day ?? 0) - (b.day ?? 0) || a.client.localeCompare(b.client, 'ru'));
  return { asOf: dayToIso(asOf), items: items.map(({ day: _day, ...item }) => item) };
}

/** A manager's name as compared: case, ё/е and spaces around do not matter. */
export const managerKey = (name: string) => normaliseText(name.trim());

/** The managers of the base as typed (the first spelling of each), for a `--manager` that names nobody. */
export function managerNames(base: Base): string[] {
  const names = new Map<string, string>();
  for (const client of base.clients) {
    const name = client.manager.trim();
    if (name && !names.has(managerKey(name))) names.set(managerKey(name), name);
  }
  return [...names.values()].sort((a, b) => a.localeCompare(b, 'ru'));
}

/** Whether some client of the base has this manager (case and ё/е do not matter). */
export function hasManager(base: Base, name: string): boolean {
  const key = managerKey(name);
  return base.clients.some((client) => managerKey(client.manager) === key);
}
