/**
 * The birthday list: clients whose birthday is today, in the next BIRTHDAY_DAYS days, or elsewhere in the
 * as-of day's calendar month, each once, in the first band that holds it:
 * - «today»: the birthday is the as-of day;
 * - «week»: 1 to 7 days ahead — also when that day is in the next month or the next year (on 28 December a
 *   birthday on 2 January is here, not in a month band);
 * - «month»: this year's birthday falls in the as-of month and is in neither band above: passed this month
 *   (`days` < 0, to congratulate late or see who was congratulated) or more than 7 days ahead.
 * 29 February is 28 February in a year without one. Each item says whether the client was congratulated on
 * that birthday (greetings.ts) and carries the greeting text. Pure: the panel shows this list.
 */
import type { Base } from './base';
import { BIRTHDAY_DAYS, birthdayShown, calendarParts } from './birthdays';
import { clientRef } from './client-ref';
import type { HistoryEntry } from './contact-history';
import { congratulatedOn, greetingDays, renderGreeting } from './greetings';
import type { DayNumber, Language } from './model';
import { dayToIso } from './normalise/date';
import { managerKey } from './today';

export const BIRTHDAY_BANDS = ['today', 'week', 'month'] as const;
export type BirthdayBand = (typeof BIRTHDAY_BANDS)[number];

export const BIRTHDAY_BAND_TITLES: Record<BirthdayBand, Record<Language, string>> = {
  today: { ru: 'Сегодня', en: 'Today' },
  week: { ru: `Ближайшие ${BIRTHDAY_DAYS} дней`, en: `Next ${BIRTHDAY_DAYS} days` },
  month: { ru: 'В этом месяце', en: 'This month' },
};

export interface BirthdayItem {
  /** The client's ID, `row:N` before the base is structured. */
  clientId: string;
  client: string;
  manager: string;
  /** The client's row on the clients sheet. */
  row: number;
  band: BirthdayBand;
  /** The birthday shown, `yyyy-mm-dd` (next year's for a «week» birthday across the year end). */
  date: string;
  /** Days from the as-of day to it: 0 today, negative when passed this month. */
  days: number;
  /** The age turned on that day; null when the birth year is unknown or implausible (see `ageTurned`). */
  age: number | null;
  /** Congratulated on this birthday: the history holds a greeting for it (greetings.ts). */
  congratulated: boolean;
  /** The settings' greeting template filled in for the client: plain text. */
  greeting: string;
}

export interface BirthdayList {
  asOf: string;
  items: BirthdayItem[];
}

/** The oldest age taken as real: an older one is a placeholder year (1900, 1904 — the spreadsheets' day zero). */
const OLDEST_AGE = 120;

/**
 * The age turned on `birthday` (the day shown) by a client born on `born`; null when the year says nothing:
 * a birth date in the as-of year or later is a day and month typed without a year (the spreadsheet
 * then takes the current year), and an age over OLDEST_AGE is a placeholder year.
 */
export function ageTurned(born: DayNumber, birthday: DayNumber, asOf: DayNumber): number | null {
  const bornYear = calendarParts(born).year;
  if (bornYear >= calendarParts(asOf).year) return null;
  const age = calendarParts(birthday).year - bornYear;
  return age >= 1 && age <= OLDEST_AGE ? age : null;
}

function bandOf(days: number, birthday: DayNumber, asOf: DayNumber): BirthdayBand | null {
  if (days === 0) return 'today';
  if (days > 0 && days <= BIRTHDAY_DAYS) return 'week';
  const [shown, now] = [calendarParts(birthday), calendarParts(asOf)];
  return shown.year === now.year && shown.month === now.month ? 'month' : null;
}

/** The list as of `asOf`, by band, then date, then name; `manager` keeps one manager's clients (as «Сегодня» does). */
export function birthdayList(base: Base, history: readonly HistoryEntry[], asOf: DayNumber, options: { manager?: string } = {}): BirthdayList {
  const manager = options.manager === undefined ? null : managerKey(options.manager);
  const greeted = greetingDays(history);
  const items: BirthdayItem[] = [];
  for (const client of base.clients) {
    const born = client.birthday;
    if (born === null || (manager !== null && managerKey(client.manager) !== manager)) continue;
    const birthday = birthdayShown(born, asOf);
    const days = birthday - asOf;
    const band = bandOf(days, birthday, asOf);
    if (band === null) continue;
    items.push({
      clientId: clientRef(client),
      client: client.name,
      manager: client.manager,
      row: client.row,
      band,
      date: dayToIso(birthday),
      days,
      age: ageTurned(born, birthday, asOf),
      congratulated: congratulatedOn(greeted, client, birthday, asOf),
      greeting: renderGreeting(base.settings.greetingTemplate, client),
    });
  }
  const rank = (band: BirthdayBand) => BIRTHDAY_BANDS.indexOf(band);
  items.sort((a, b) => rank(a.band) - rank(b.band) || a.days - b.days || a.client.localeCompare(b.client, 'ru'));
  return { asOf: dayToIso(asOf), items };
}
