/**
 * Calendar months as plain numbers (year × 12 + month − 1), for the analyses that count by month over a
 * million orders (cohorts, plan vs actual, funnel movement): arithmetic, no Date objects.
 */
import type { DayNumber } from './model';

/** The month of a day number, by the "civil from days" arithmetic (days counted from 1970-01-01). */
export function monthOfDay(day: DayNumber): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0)) * 12 + month - 1;
}

/** `yyyy-mm` of a month number. */
export function monthLabel(month: number): string {
  const year = Math.floor(month / 12);
  return `${String(year).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`;
}
