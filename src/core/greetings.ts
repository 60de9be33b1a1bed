/**
 * Birthday greetings: the settings' «Шаблон поздравления» filled in for a client, and the «поздравлен в
 * этом году» mark. The mark is a history row of kind «поздравление» (contact-history.ts), so the user's
 * clients sheet needs no column of its own, and a greeting logged by hand through the contact form counts
 * the same.
 *
 * A greeting counts for the birthday on day D when it is dated on or before the as-of day and either in
 * D's calendar year or in the BIRTHDAY_DAYS days before D: on 28 December a greeting sent on the 30th for a
 * birthday on 2 January counts, last January's greeting for that birthday does not.
 */
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { Plan } from '../workbook/workbook';
import type { Base } from './base';
import { BIRTHDAY_DAYS, birthdayShown, calendarParts } from './birthdays';
import { firstNameOf } from './campaign';
import { FormError } from './client-forms';
import { clientHistoryRow, historyAppendOperations, readHistory, type HistoryEntry } from './contact-history';
import type { Client, DayNumber } from './model';
import { message } from './messages/message';

/** The person greeted: the contact person of a company, else the client. */
const personOf = (client: Pick<Client, 'name' | 'contact'>) => (client.contact || client.name).trim();

/** The placeholders of the template, in either language, any case. */
const PLACEHOLDER = /\{\s*(имя|name|фио|fullname)\s*\}/giu;

/**
 * The greeting for a client: {имя}/{name} is the first name («Иванова Анна Сергеевна» → «Анна»; a company's
 * contact person's; the whole name when none can be told — a company without a contact, a single word),
 * {фио}/{fullName} the person's name in full. Plain text: the template and the names are the user's own.
 */
export function renderGreeting(template: string, client: Pick<Client, 'name' | 'contact'>): string {
  const person = personOf(client);
  const first = firstNameOf(client) || person;
  return template.replace(PLACEHOLDER, (_, word: string) => (['имя', 'name'].includes(word.toLowerCase()) ? first : person));
}

/** The days of the greetings the history holds, by client ID and (for rows without one) by client name. */
export interface GreetingDays {
  byId: Map<string, DayNumber[]>;
  byName: Map<string, DayNumber[]>;
}

export function greetingDays(history: readonly HistoryEntry[]): GreetingDays {
  const days: GreetingDays = { byId: new Map(), byName: new Map() };
  for (const entry of history) {
    if (entry.kind !== 'greeting' || entry.when === null) continue;
    // Keyed as historyNames matches: by ID when the row has one, else by name.
    const [map, key] = entry.clientId ? [days.byId, entry.clientId] : [days.byName, entry.client];
    const day = Math.floor(entry.when.getTime() / 86_400_000);
    const list = map.get(key);
    if (list) list.push(day);
    else map.set(key, [day]);
  }
  return days;
}

/** Whether the client was congratulated on the birthday on day `birthday`, as of `asOf` (see the module comment). */
export function congratulatedOn(days: GreetingDays, client: Pick<Client, 'id' | 'name'>, birthday: DayNumber, asOf: DayNumber): boolean {
  const year = calendarParts(birthday).year;
  const own = [...((client.id && days.byId.get(client.id)) || []), ...(days.byName.get(client.name) ?? [])];
  return own.some((day) => day <= asOf && (calendarParts(day).year === year || (day >= birthday - BIRTHDAY_DAYS && day < birthday)));
}

/**
 * The «Поздравлен» mark: a history row of kind «поздравление» with the greeting text as its result, logged
 * by `manager` (the client's when absent). Nothing is written when the client is already congratulated on
 * the birthday the list shows: a second click logs no second row.
 */
export function planLogGreeting(base: Base, snapshot: WorkbookSnapshot, client: Client, asOf: DayNumber, now: Date, manager?: string): Plan<{ logged: boolean }> {
  const language = base.layout.language;
  if (client.birthday === null) throw new FormError(message('greeting.noBirthday', { client: client.name }), language);
  const birthday = birthdayShown(client.birthday, asOf);
  if (congratulatedOn(greetingDays(readHistory(snapshot)), client, birthday, asOf)) return { operations: [], report: { logged: false } };
  const row = clientHistoryRow(client, now, 'greeting', renderGreeting(base.settings.greetingTemplate, client), { manager });
  return { operations: historyAppendOperations(snapshot, [row], language), report: { logged: true } };
}
