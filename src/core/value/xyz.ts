/**
 * XYZ: how steadily a client (or a service) buys, by the coefficient of variation of its monthly revenue
 * (ARCHITECTURE.md «Definitions»). The window is the 12 full calendar months before the as-of date's
 * month; a month without orders counts as 0; CV = population standard deviation / mean over the 12
 * months; X when CV ≤ the X limit (10 % by default), Y when ≤ the Y limit (25 %), Z above. No class when
 * the 12 months' revenue is not positive.
 */
import type { DayNumber } from '../model';
import { monthOfDay } from '../months';
import { calendarDay } from '../normalise/date';

export type XyzClass = 'X' | 'Y' | 'Z';

export const XYZ_MONTHS = 12;

/** The window: the first day of each of its 12 months and the day after its end. */
export interface XyzWindow {
  monthStarts: DayNumber[];
  end: DayNumber;
}

/** The 12 full calendar months before the as-of date's month (the as-of month is never full: it runs on). */
export function xyzWindow(asOf: DayNumber): XyzWindow {
  const asOfMonth = monthOfDay(asOf);
  const firstDay = (month: number) => calendarDay(Math.floor(month / 12), (month % 12) + 1, 1) as DayNumber;
  const monthStarts: DayNumber[] = [];
  for (let back = XYZ_MONTHS; back >= 1; back--) monthStarts.push(firstDay(asOfMonth - back));
  return { monthStarts, end: firstDay(asOfMonth) };
}

/** The month of the window a day falls in (0–11), or −1 outside it. */
export function monthOfWindow(span: XyzWindow, day: DayNumber): number {
  if (day < span.monthStarts[0] || day >= span.end) return -1;
  let month = XYZ_MONTHS - 1;
  while (day < span.monthStarts[month]) month--;
  return month;
}

/**
 * Monthly revenue of `groups` groups: `revenue[g * 12 + month]`. Each line is (day, amount, group); a
 * line with no day, no amount or no group (null) is left out, and so is one outside the 12 months.
 */
export function monthlyRevenue(
  groups: number,
  asOf: DayNumber,
  lines: number,
  line: (i: number) => { day: DayNumber | null; amount: number | null; group: number | null },
): Float64Array {
  const span = xyzWindow(asOf);
  const revenue = new Float64Array(groups * XYZ_MONTHS);
  for (let i = 0; i < lines; i++) {
    const { day, amount, group } = line(i);
    if (day === null || amount === null || group === null) continue;
    const month = monthOfWindow(span, day);
    if (month >= 0) revenue[group * XYZ_MONTHS + month] += amount;
  }
  return revenue;
}

export interface XyzResult {
  /** Per group: its class, or null when its 12 months' revenue is not positive. */
  classes: (XyzClass | null)[];
  /** Per group: the coefficient of variation (0.1 = 10 %), or null without a class. */
  variation: (number | null)[];
}

/** The classes from monthly revenue as `monthlyRevenue` gives it; the limits in percent. */
export function classifyXyz(revenue: Float64Array, xLimit: number, yLimit: number): XyzResult {
  const groups = revenue.length / XYZ_MONTHS;
  const classes: (XyzClass | null)[] = new Array<XyzClass | null>(groups).fill(null);
  const variation: (number | null)[] = new Array<number | null>(groups).fill(null);
  for (let g = 0; g < groups; g++) {
    let sum = 0;
    for (let m = 0; m < XYZ_MONTHS; m++) sum += revenue[g * XYZ_MONTHS + m];
    // Amounts are kopecks: a sum of noise (0.1 + 0.2 − 0.3) is not revenue.
    if (!(sum > 1e-9)) continue;
    const mean = sum / XYZ_MONTHS;
    let squares = 0;
    for (let m = 0; m < XYZ_MONTHS; m++) squares += (revenue[g * XYZ_MONTHS + m] - mean) ** 2;
    const cv = Math.sqrt(squares / XYZ_MONTHS) / mean;
    variation[g] = cv;
    // Compared in percent, rounded to 1e-9, so a CV of exactly 10 % is X whatever the floating point says.
    const percent = Math.round(cv * 100 * 1e9) / 1e9;
    classes[g] = percent <= xLimit ? 'X' : percent <= yLimit ? 'Y' : 'Z';
  }
  return { classes, variation };
}
