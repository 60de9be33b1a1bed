/** Dates and money written as Russian users and 1C write them. */
import type { DayNumber } from '../core/model';
import { dayToDate } from '../core/normalise/date';

export const NBSP = '\u00A0';

/** `dd.mm.yyyy` of a day. */
export function dayText(day: DayNumber): string {
  const date = dayToDate(day);
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}.${mm}.${date.getUTCFullYear()}`;
}

/**
 * `1 234,56` with `groupSeparator` between thousands (a non-breaking space, as Excel and 1C write it)
 * and a decimal comma; kopecks are written only when there are any.
 */
export function amountText(amount: number, groupSeparator = NBSP): string {
  const sign = amount < 0 ? '-' : '';
  const kopecks = Math.round(Math.abs(amount) * 100);
  const whole = String(Math.floor(kopecks / 100));
  let grouped = '';
  for (let end = whole.length; end > 0; end -= 3) {
    const part = whole.slice(Math.max(0, end - 3), end);
    grouped = grouped ? `${part}${groupSeparator}${grouped}` : part;
  }
  const cents = kopecks % 100;
  return cents ? `${sign}${grouped},${String(cents).padStart(2, '0')}` : `${sign}${grouped}`;
}
