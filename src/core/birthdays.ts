/** Birthdays as a calendar sees them: the next one from a day, 29 February kept on 28 February in other years. */
import type { DayNumber } from './model';
import { monthOfDay } from './months';
import { calendarDay } from './normalise/date';

/** The year, month (1–12) and day of the month of a day number. */
export function calendarParts(day: DayNumber): { year: number; month: number; date: number } {
  const month = monthOfDay(day);
  const year = Math.floor(month / 12);
  return { year, month: (month % 12) + 1, date: day - calendarDay(year, (month % 12) + 1, 1)! + 1 };
}

/** The birthday's day in `year`; 29 February falls on 28 February in a year without one. */
export function birthdayIn(birthday: DayNumber, year: number): DayNumber {
  const { month, date } = calendarParts(birthday);
  return calendarDay(year, month, date) ?? calendarDay(year, month, date - 1)!;
}

/** Days from `today` to the next birthday (0 = today); 29 February counts as 28 February in other years. */
export function daysToBirthday(birthday: DayNumber, today: DayNumber): number {
  const year = calendarParts(today).year;
  const thisYear = birthdayIn(birthday, year);
  return thisYear >= today ? thisYear - today : birthdayIn(birthday, year + 1) - today;
}

/** How far ahead a birthday is announced: «Сегодня» lists it, and the birthday list's «7 days» band holds it. */
export const BIRTHDAY_DAYS = 7;

/**
 * The birthday a list shows as of `today`: the next one when it is at most BIRTHDAY_DAYS away (next
 * year's, across the year end), else this year's — passed or to come.
 */
export function birthdayShown(birthday: DayNumber, today: DayNumber): DayNumber {
  const days = daysToBirthday(birthday, today);
  return days <= BIRTHDAY_DAYS ? today + days : birthdayIn(birthday, calendarParts(today).year);
}
