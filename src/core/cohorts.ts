/**
 * Cohort retention (ARCHITECTURE.md "Cohorts"): clients grouped by the calendar month of their first
 * order, and for each cohort the share who ordered again in each of the 12 following calendar months.
 *
 * Decisions the definition leaves open:
 * - Only the orders the tracker counts: linked to a client, dated, on or before the as-of date. Undated
 *   orders cannot be placed in a month and are left out entirely (revenue too).
 * - The as-of month itself is included though it is not over: its cells count the orders up to the
 *   as-of date and are the last filled cell of each of the latest cohorts' rows (`partialMonth` says
 *   which). Months after the as-of month are not observable: null, never 0.
 * - A client's months must all be in the order rows, or their returns are unknown. So left out, and
 *   counted: clients with a typed first/last order date (as of) but no dated order row (`typedOnly`),
 *   and clients with a typed date in a month before their first dated order row (`typedEarlier`): their
 *   history starts before the rows. A typed date in or after the first row's month is a known order and
 *   counts as one in its month.
 * - Revenue of a cohort: the amounts of its clients' dated order rows up to the as-of date (an empty
 *   amount counts 0); typed revenue is not included. Month-0 revenue: those dated in the cohort month.
 * - The last 24 cohort months up to the as-of month at most (fixed); a month without new clients has no
 *   row. Clients of older cohorts are counted (`olderClients`).
 *
 * One pass over the orders to find each client's first month, one to mark returns; typed arrays only.
 */
import type { DayNumber, Order, TypedHistory } from './model';
import { cleanSum } from './tracker';
import { monthLabel, monthOfDay } from './months';

export const COHORT_MONTHS = 12;
export const MAX_COHORTS = 24;

export interface Cohort {
  /** The cohort month, `yyyy-mm`. */
  month: string;
  clients: number;
  /** Revenue of the cohort's clients: their dated orders up to the as-of date. */
  revenue: number;
  /** Revenue of the cohort's clients in the cohort month itself. */
  firstMonthRevenue: number;
  /** `shares[k - 1]`: share (0..1) of the cohort's clients with an order in month k; null when month k is after the as-of month. */
  shares: Array<number | null>;
  /** The k (1..12) of the as-of month, whose cell is partial; null when it is not among the 12. */
  partialMonth: number | null;
}

export interface CohortReport {
  /** Oldest first. */
  cohorts: Cohort[];
  /** The as-of month, `yyyy-mm`. */
  asOfMonth: string;
  /** Left out: a typed order date but no dated order row. */
  typedOnly: number;
  /** Left out: a typed order date in a month before the first dated order row. */
  typedEarlier: number;
  /** Clients whose first order is before the 24 cohorts shown. */
  olderClients: number;
}

const NO_MONTH = 2147483647;
/** Client state: not in any shown cohort. */
const OUT = -1;

/** Month of a typed date that counts as of `asOf`; NO_MONTH without one. */
function typedMonth(day: DayNumber | null, asOf: DayNumber): number {
  return day !== null && day <= asOf ? monthOfDay(day) : NO_MONTH;
}

/**
 * Cohorts of `histories.length` clients over their orders (`orderClient[i]`: the client of order `i`,
 * or null) as of `asOf`.
 */
export function computeCohorts(histories: readonly TypedHistory[], orders: readonly Order[], orderClient: ArrayLike<number | null>, asOf: DayNumber): CohortReport {
  const clientsCount = histories.length;
  const asOfMonth = monthOfDay(asOf);
  const oldestShown = asOfMonth - (MAX_COHORTS - 1);
  const orderMonth = new Int32Array(orders.length).fill(NO_MONTH);
  const firstRow = new Int32Array(clientsCount).fill(NO_MONTH);
  for (let i = 0; i < orders.length; i++) {
    const client = orderClient[i];
    const date = orders[i].date;
    if (client === null || client === undefined || date === null || date > asOf) continue;
    const month = monthOfDay(date);
    orderMonth[i] = month;
    if (month < firstRow[client]) firstRow[client] = month;
  }

  const cohortOf = new Int32Array(clientsCount).fill(OUT);
  // Bit k-1 set: the client has a known order in month k after the cohort month.
  const returns = new Uint16Array(clientsCount);
  let typedOnly = 0;
  let typedEarlier = 0;
  let olderClients = 0;
  for (let c = 0; c < clientsCount; c++) {
    const typedFirst = typedMonth(histories[c].firstOrder, asOf);
    const typedLast = typedMonth(histories[c].lastOrder, asOf);
    const typed = Math.min(typedFirst, typedLast);
    if (firstRow[c] === NO_MONTH) {
      if (typed !== NO_MONTH) typedOnly++;
      continue;
    }
    if (typed < firstRow[c]) {
      typedEarlier++;
      continue;
    }
    if (firstRow[c] < oldestShown) {
      olderClients++;
      continue;
    }
    cohortOf[c] = firstRow[c];
    returns[c] = returnBit(typedFirst - firstRow[c]) | returnBit(typedLast - firstRow[c]);
  }

  const revenue = new Float64Array(MAX_COHORTS);
  const firstMonthRevenue = new Float64Array(MAX_COHORTS);
  for (let i = 0; i < orders.length; i++) {
    const month = orderMonth[i];
    if (month === NO_MONTH) continue;
    const client = orderClient[i] as number;
    const cohort = cohortOf[client];
    if (cohort === OUT) continue;
    const amount = orders[i].amount ?? 0;
    revenue[cohort - oldestShown] += amount;
    if (month === cohort) firstMonthRevenue[cohort - oldestShown] += amount;
    else returns[client] |= returnBit(month - cohort);
  }

  const size = new Int32Array(MAX_COHORTS);
  const returned = new Int32Array(MAX_COHORTS * COHORT_MONTHS);
  for (let c = 0; c < clientsCount; c++) {
    if (cohortOf[c] === OUT) continue;
    const index = cohortOf[c] - oldestShown;
    size[index]++;
    for (let bits = returns[c], k = 0; bits !== 0; bits >>= 1, k++) if (bits & 1) returned[index * COHORT_MONTHS + k]++;
  }

  const cohorts: Cohort[] = [];
  for (let index = 0; index < MAX_COHORTS; index++) {
    if (size[index] === 0) continue;
    const month = oldestShown + index;
    const shares: Array<number | null> = [];
    for (let k = 1; k <= COHORT_MONTHS; k++) shares.push(month + k <= asOfMonth ? returned[index * COHORT_MONTHS + k - 1] / size[index] : null);
    const partial = asOfMonth - month;
    cohorts.push({
      month: monthLabel(month),
      clients: size[index],
      revenue: cleanSum(revenue[index]),
      firstMonthRevenue: cleanSum(firstMonthRevenue[index]),
      shares,
      partialMonth: partial >= 1 && partial <= COHORT_MONTHS ? partial : null,
    });
  }
  return { cohorts, asOfMonth: monthLabel(asOfMonth), typedOnly, typedEarlier, olderClients };
}

/** The return bit of month k after the cohort month; 0 outside 1..12. */
function returnBit(k: number): number {
  return k >= 1 && k <= COHORT_MONTHS ? 1 << (k - 1) : 0;
}
