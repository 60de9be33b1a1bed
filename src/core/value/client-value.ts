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
import { expectedPurchases, fitBgNbd, groupRepeatData, probabilityAlive, type BgNbdParams } from './bgnbd';
import { discountedExpectedOrders, expectedOrderValue, fitGammaGamma, type GammaGammaParams } from './gamma-gamma';

export interface RepeatSummary {
  /** Per client; NaN for a client with no dated order. */
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Mean value of the repeat order days; 0 without a repeat day. */
  m: Float64Array;
}

/** The repeat-buying summary of `clients` clients, in one pass over the orders grouped by client. */
export function repeatSummary(orders: readonly Order[], orderClient: readonly (number | null)[], clients: number, asOf: DayNumber): RepeatSummary {
  const starts = new Int32Array(clients + 1);
  for (let i = 0; i < orders.length; i++) {
    const c = orderClient[i];
    const date = orders[i].date;
    if (c !== null && date !== null && date <= asOf) starts[c + 1]++;
  }
  for (let c = 0; c < clients; c++) starts[c + 1] += starts[c];
  const fill = starts.slice(0, clients);
  const days = new Float64Array(starts[clients]);
  const amounts = new Float64Array(starts[clients]);
  for (let i = 0; i < orders.length; i++) {
    const c = orderClient[i];
    const date = orders[i].date;
    if (c === null || date === null || date > asOf) continue;
    days[fill[c]] = date;
    amounts[fill[c]++] = orders[i].amount ?? 0;
  }
  const summary: RepeatSummary = { x: new Float64Array(clients).fill(NaN), tx: new Float64Array(clients), T: new Float64Array(clients), m: new Float64Array(clients) };
  for (let c = 0; c < clients; c++) {
    const from = starts[c];
    const to = starts[c + 1];
    if (from === to) continue;
    const order = Array.from({ length: to - from }, (_, k) => from + k).sort((i, j) => days[i] - days[j]);
    const first = days[order[0]];
    let orderDays = 1;
    let repeatValue = 0;
    for (let k = 1; k < order.length; k++) {
      if (days[order[k]] !== days[order[k - 1]]) orderDays++;
      if (days[order[k]] !== first) repeatValue += amounts[order[k]];
    }
    summary.x[c] = orderDays - 1;
    summary.tx[c] = days[order[order.length - 1]] - first;
    summary.T[c] = asOf - first;
    summary.m[c] = orderDays > 1 ? repeatValue / (orderDays - 1) : 0;
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

function clientFigures(model: BgNbdParams, client: { x: number; tx: number; T: number }, monthlyDiscount: number) {
  return {
    orders90: expectedPurchases(model, 90, client.x, client.tx, client.T),
    orders365: expectedPurchases(model, 365, client.x, client.tx, client.T),
    discounted: discountedExpectedOrders(model, client, 12, monthlyDiscount),
  };
}

/** Parameters well inside the search's bounds (e^±25). */
function identified(parameters: number[]): boolean {
  return parameters.every((p) => p > 1e-8 && p < 1e8);
}

/** Fit both models over the summary and give each client its figures; `monthlyDiscount` 0.01 = 1 %/month. */
export function computeClientValue(summary: RepeatSummary, monthlyDiscount: number): ClientValue {
  const clients = summary.x.length;
  const known: number[] = [];
  for (let c = 0; c < clients; c++) if (!Number.isNaN(summary.x[c])) known.push(c);
  const none = () => new Array<number | null>(clients).fill(null);
  const value: ClientValue = { bgNbd: null, gammaGamma: null, pAlive: none(), expectedOrders90: none(), expectedOrders365: none(), expectedOrderValue: none(), clv12: none() };
  const data = groupRepeatData(known.map((c) => summary.x[c]), known.map((c) => summary.tx[c]), known.map((c) => summary.T[c]));
  // Without repeat buyers the model has nothing to learn from.
  if (!data.x.some((x) => x > 0)) return value;
  const { logLikelihood: _ll, ...bgNbd } = fitBgNbd(data);
  // A fit that ran to the search's edge (a few clients, no one who stopped buying) says nothing.
  if (!identified(Object.values(bgNbd))) return value;
  value.bgNbd = bgNbd;
  const repeat = known.filter((c) => summary.x[c] >= 1 && summary.m[c] > 0);
  if (repeat.length >= 2) {
    const { logLikelihood: _gl, ...gg } = fitGammaGamma(repeat.map((c) => summary.x[c]), repeat.map((c) => summary.m[c]));
    // With q ≤ 1 the population's mean order value is infinite: no value is given.
    if (gg.q > 1 && identified(Object.values(gg))) value.gammaGamma = gg;
  }
  // Whole days repeat: each distinct (x, t_x, T) is worked out once.
  const byTriple = new Map<string, ReturnType<typeof clientFigures>>();
  for (const c of known) {
    const x = summary.x[c];
    const key = `${x},${summary.tx[c]},${summary.T[c]}`;
    let figures = byTriple.get(key);
    if (!figures) {
      figures = clientFigures(bgNbd, { x, tx: summary.tx[c], T: summary.T[c] }, monthlyDiscount);
      byTriple.set(key, figures);
    }
    value.pAlive[c] = probabilityAlive(bgNbd, x, summary.tx[c], summary.T[c]);
    value.expectedOrders90[c] = figures.orders90;
    value.expectedOrders365[c] = figures.orders365;
    if (value.gammaGamma) {
      const orderValue = expectedOrderValue(value.gammaGamma, x, summary.m[c]);
      value.expectedOrderValue[c] = orderValue;
      value.clv12[c] = figures.discounted * orderValue;
    }
  }
  return value;
}
