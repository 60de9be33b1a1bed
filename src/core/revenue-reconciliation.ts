/**
 * What each ABC sheet's total includes, and how it meets the others. The panel's summary counts every
 * client's revenue; ABC counts only clients (or services) with a positive one; ABC of services counts
 * order lines, including those whose client is not in the base. Three honest totals, so each sheet writes
 * the lines that lead from its own total to the others, and the lines add up on the sheet.
 */
import type { CellValue } from '../workbook/snapshot';
import { say } from './base';
import type { DayNumber, Language, Order } from './model';
import { cleanSum } from './tracker';
import { normaliseText } from './normalise/text';

/** Order lines and their amounts. */
export interface LineTotal {
  lines: number;
  revenue: number;
}

export interface OrderTotals {
  /** Lines dated up to the as-of day or undated: what the analyses count. */
  counted: LineTotal;
  /** Of those, lines that name no service. */
  withoutService: LineTotal;
  /** Of those, lines whose client is not in the base. */
  withoutClient: LineTotal;
  /** Lines dated after the as-of day: left out of every figure. */
  afterAsOf: LineTotal;
}

const empty = (): LineTotal => ({ lines: 0, revenue: 0 });

function add(total: LineTotal, amount: number | null): void {
  total.lines++;
  if (amount !== null) total.revenue += amount;
}

export function orderTotals(orders: readonly Order[], orderClient: readonly (number | null)[], asOf: DayNumber): OrderTotals {
  const totals: OrderTotals = { counted: empty(), withoutService: empty(), withoutClient: empty(), afterAsOf: empty() };
  // The same reading of «no service» as revenueByService's; a base has a few dozen spellings over a million lines.
  const blank = new Map<string, boolean>();
  const noService = (text: string) => {
    let known = blank.get(text);
    if (known === undefined) blank.set(text, (known = normaliseText(text) === ''));
    return known;
  };
  orders.forEach((order, i) => {
    if (order.date !== null && order.date > asOf) return add(totals.afterAsOf, order.amount);
    add(totals.counted, order.amount);
    if (noService(order.service)) add(totals.withoutService, order.amount);
    if (orderClient[i] === null) add(totals.withoutClient, order.amount);
  });
  for (const total of Object.values(totals) as LineTotal[]) total.revenue = cleanSum(total.revenue);
  return totals;
}

/** The header of the block: what, how many, how much. */
export function reconciliationHeader(language: Language): string[] {
  return [
    say(language, 'Из чего итог', 'What the total includes'),
    say(language, 'Кол-во', 'Count'),
    say(language, 'Выручка', 'Revenue'),
  ];
}

/** The revenue of the ranked items (A, B, C) and of the others, from the values ranked. */
function split(values: readonly number[], ranked: ReadonlySet<number>): { inAbc: LineTotal; outside: LineTotal } {
  const inAbc = empty();
  const outside = empty();
  values.forEach((value, i) => add(ranked.has(i) ? inAbc : outside, value));
  return { inAbc: { ...inAbc, revenue: cleanSum(inAbc.revenue) }, outside: { ...outside, revenue: cleanSum(outside.revenue) } };
}

const row = (label: string, total: LineTotal): CellValue[] => [label, total.lines, total.revenue];

/**
 * ABC of clients: A + B + C, plus the clients outside ABC, is every client's revenue (the panel's summary);
 * orders whose client is not in the base and orders after the as-of day are in neither.
 */
export function clientReconciliationRows(revenues: readonly number[], ranked: readonly number[], orders: OrderTotals, language: Language): CellValue[][] {
  const { inAbc, outside } = split(revenues, new Set(ranked));
  const all = { lines: revenues.length, revenue: cleanSum(inAbc.revenue + outside.revenue) };
  return [
    row(say(language, 'Клиенты классов A, B, C — итог ABC', 'Clients of classes A, B, C — the ABC total'), inAbc),
    row(say(language, '+ клиенты вне ABC: без продаж, выручка 0 или меньше (возвраты), выручка неизвестна', '+ clients outside ABC: no sales, revenue 0 or less (returns), revenue unknown'), outside),
    row(say(language, '= все клиенты (как в сводке панели)', '= all clients (as in the panel summary)'), all),
    row(say(language, 'Не входят: строки заказов без клиента в базе', 'Not included: order lines whose client is not in the base'), orders.withoutClient),
    row(say(language, 'Не входят: заказы после даты анализа', 'Not included: orders after the as-of date'), orders.afterAsOf),
  ];
}

/**
 * ABC of services: A + B + C, plus the services outside ABC, plus the lines without a service, is every
 * order line up to the as-of day — including lines whose client is not in the base, which the clients'
 * revenue leaves out.
 */
export function serviceReconciliationRows(revenues: readonly number[], ranked: readonly number[], orders: OrderTotals, language: Language): CellValue[][] {
  const { inAbc, outside } = split(revenues, new Set(ranked));
  return [
    row(say(language, 'Услуги классов A, B, C — итог ABC услуг', 'Services of classes A, B, C — the services ABC total'), inAbc),
    row(say(language, '+ услуги вне ABC: без продаж, выручка 0 или меньше', '+ services outside ABC: no sales, revenue 0 or less'), outside),
    row(say(language, '+ строки заказов без услуги', '+ order lines without a service'), orders.withoutService),
    row(say(language, '= все строки заказов до даты анализа (кол-во — строк)', '= all order lines up to the as-of date (count: lines)'), orders.counted),
    row(say(language, 'из них: без клиента в базе — их нет в выручке клиентов', 'of which: no client in the base — not in the clients’ revenue'), orders.withoutClient),
    row(say(language, 'Не входят: заказы после даты анализа', 'Not included: orders after the as-of date'), orders.afterAsOf),
  ];
}
