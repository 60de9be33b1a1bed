/** Dates, money and statuses written as Russian users and 1C write them. */
import type { DayNumber } from '../core/model';
import { dayToDate } from '../core/normalise/date';
import { FUNNEL_STATUSES, type FunnelStatusKey } from '../core/statuses';
import type { CellValue } from '../workbook/snapshot';
import type { Random } from './random';

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

/** The Russian name of a funnel status, as the managers type it. */
export function statusName(key: FunnelStatusKey): string {
  return (FUNNEL_STATUSES.find((s) => s.key === key) as { ru: string }).ru;
}

/** Money as typed: a number mostly, sometimes text `1 234,56 ₽` with non-breaking spaces. */
export function amountCell(amount: number, random: Random): CellValue {
  return random.chance(0.05) ? `${amountText(amount)}${NBSP}₽` : amount;
}

/** A date as typed: a date value mostly, sometimes the text `dd.mm.yyyy`. */
export function dayCell(day: DayNumber, random: Random): CellValue {
  return random.chance(0.05) ? dayText(day) : dayToDate(day);
}
