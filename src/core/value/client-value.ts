/**
 * Each client's chance of return and value over the base's orders (ARCHITECTURE.md «Definitions»):
 * the repeat-buying summary per client, the BG/NBD and Gamma-Gamma fits over the base, and per client
 * P(alive), expected orders in the next 90 and 365 days, the expected order value and a 12-month CLV.
 *
 * The summary, per client, over the dated orders linked to it up to the as-of date (in days):
 * an order day is a calendar day with at least one order; x = order days − 1 (repeat purchases, as in the
 * `lifetimes` package), t_x = last order day − first, T = as-of date − first order day. The value of an
 * order day is the sum of its amounts (an empty amount counts 0); m = the mean value of the repeat order
 * days (the first day left out, as `lifetimes` does). Clients known only by typed history get no figures.
 */
import type { DayNumber, Order } from '../model';
import { expectedPurchasesIfAlive, fitBgNbd, repeatData, probabilityAlive, type BgNbdParams } from './bgnbd';
import { discountedExpectedOrdersIfAlive, expectedOrderValue, fitGammaGamma, type GammaGammaParams } from './gamma-gamma';

export interface RepeatSummary {
  /** Per client; NaN for a client with no dated order. */
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Mean value of the repeat order days; 0 without a repeat day. */
  m: Float64Array;
}

/**
 * The repeat-buying summary of `clients` clients, in passes over the orders: their days grouped by client
 * (a counting sort), each client's days sorted in place; the repeat days' value is the client's total
 * less what they bought on the first day.
 */
export function repeatSummary(orders: readonly Order[], orderClient: readonly (number | null)[], clients: number, asOf: DayNumber): RepeatSummary {
  const counted = (i: number): number => {
    const c = orderClient[i];
    const date = orders[i].date;
    return c !== null && date !== null && date <= asOf ? c : -1;
  };
  const starts = new Int32Array(clients + 1);
  for (let i = 0; i < orders.length; i++) {
    const c = counted(i);
    if (c >= 0) starts[c + 1]++;
  }
  for (let c = 0; c < clients; c++) starts[c + 1] += starts[c];
  const fill = starts.slice(0, clients);
  const days = new Float64Array(starts[clients]);
  const firstDay = new Float64Array(clients).fill(Infinity);
  const total = new Float64Array(clients);
  for (let i = 0; i < orders.length; i++) {
    const c = counted(i);
    if (c < 0) continue;
    const date = orders[i].date as DayNumber;
    days[fill[c]++] = date;
    total[c] += orders[i].amount ?? 0;
    if (date < firstDay[c]) firstDay[c] = date;
  }
  const firstDayValue = new Float64Array(clients);
  for (let i = 0; i < orders.length; i++) {
    const c = counted(i);
    if (c >= 0 && orders[i].date === firstDay[c]) firstDayValue[c] += orders[i].amount ?? 0;
  }
  const summary: RepeatSummary = { x: new Float64Array(clients).fill(NaN), tx: new Float64Array(clients), T: new Float64Array(clients), m: new Float64Array(clients) };
  for (let c = 0; c < clients; c++) {
    if (starts[c] === starts[c + 1]) continue;
    const own = days.subarray(starts[c], starts[c + 1]).sort();
    let orderDays = 1;
    for (let k = 1; k < own.length; k++) if (own[k] !== own[k - 1]) orderDays++;
    summary.x[c] = orderDays - 1;
    summary.tx[c] = own[own.length - 1] - own[0];
    summary.T[c] = asOf - own[0];
    summary.m[c] = orderDays > 1 ? (total[c] - firstDayValue[c]) / (orderDays - 1) : 0;
  }
  return summary;
}

export interface ClientValue {
  bgNbd: BgNbdParams | null;
  gammaGamma: GammaGammaParams | null;
  /** Per client; null without a dated order or without a fitted model. */
  pAlive: (number | null)[];
  expectedOrders90: (number | null)[];
  expectedOrders365: (number | null)[];
  expectedOrderValue: (number | null)[];
  clv12: (number | null)[];
}

/** What a client still alive is expected to buy: by (x, T) alone (bgnbd.ts), so clients share it. */
function ifAlive(model: BgNbdParams, x: number, T: number, monthlyDiscount: number) {
  return {
    orders90: expectedPurchasesIfAlive(model, 90, x, T),
    orders365: expectedPurchasesIfAlive(model, 365, x, T),
    discounted: discountedExpectedOrdersIfAlive(model, x, T, 12, monthlyDiscount),
  };
}

/**
 * Parameters well inside the search's bounds (e^±25): a fit that runs towards them (a few clients, no
 * one who stopped buying) says nothing about the clients.
 */
function identified(parameters: number[]): boolean {
  return parameters.every((p) => p > 1e-7 && p < 1e7);
}

/** Fewer clients who bought again than this are too few to fit either model on. */
export const MIN_REPEAT_BUYERS = 10;

/** Fit both models over the summary and give each client its figures; `monthlyDiscount` 0.01 = 1 %/month. */
export function computeClientValue(summary: RepeatSummary, monthlyDiscount: number): ClientValue {
  const clients = summary.x.length;
  const known: number[] = [];
  for (let c = 0; c < clients; c++) if (!Number.isNaN(summary.x[c])) known.push(c);
  const none = () => new Array<number | null>(clients).fill(null);
  const value: ClientValue = { bgNbd: null, gammaGamma: null, pAlive: none(), expectedOrders90: none(), expectedOrders365: none(), expectedOrderValue: none(), clv12: none() };
  const data = repeatData(known.map((c) => summary.x[c]), known.map((c) => summary.tx[c]), known.map((c) => summary.T[c]));
  if (data.x.filter((x) => x > 0).length < MIN_REPEAT_BUYERS) return value;
  const { logLikelihood: _ll, ...bgNbd } = fitBgNbd(data);
  if (!identified(Object.values(bgNbd))) return value;
  value.bgNbd = bgNbd;
  const repeat = known.filter((c) => summary.x[c] >= 1 && summary.m[c] > 0);
  if (repeat.length >= MIN_REPEAT_BUYERS) {
    const { logLikelihood: _gl, evaluations: _evaluations, ...gg } = fitGammaGamma(repeat.map((c) => summary.x[c]), repeat.map((c) => summary.m[c]));
    // With q ≤ 1 the population's mean order value is infinite: no value is given.
    if (gg.q > 1 && identified(Object.values(gg))) value.gammaGamma = gg;
  }
  // Whole days repeat: each distinct (x, T) is worked out once (x and T are whole numbers of days).
  const byPair = new Map<number, ReturnType<typeof ifAlive>>();
  for (const c of known) {
    const x = summary.x[c];
    const T = summary.T[c];
    const key = x * 2 ** 24 + T;
    let figures = byPair.get(key);
    if (!figures) {
      figures = ifAlive(bgNbd, x, T, monthlyDiscount);
      byPair.set(key, figures);
    }
    const alive = probabilityAlive(bgNbd, x, summary.tx[c], T);
    value.pAlive[c] = alive;
    value.expectedOrders90[c] = alive * figures.orders90;
    value.expectedOrders365[c] = alive * figures.orders365;
    if (value.gammaGamma) {
      const orderValue = expectedOrderValue(value.gammaGamma, x, summary.m[c]);
      value.expectedOrderValue[c] = orderValue;
      value.clv12[c] = alive * figures.discounted * orderValue;
    }
  }
  return value;
}
