/**
 * Dates after an analysis's as-of date: orders (ignored by the tracker) and typed first/last order dates
 * (not counted as dates, kept), each reported as a problem so a mistyped future date does not go unnoticed.
 */
import type { Base } from './base';
import { message } from './messages/message';
import type { DayNumber, Problem } from './model';
import { dayToDate } from './normalise/date';
import { cellText } from './normalise/text';

/** Orders dated after the as-of date: not counted, and reported. */
export function laterOrderProblems(base: Base, asOf: DayNumber): Problem[] {
  const orders = base.layout.orders;
  if (!orders || orders.columns.date === undefined) return [];
  const column = orders.header[orders.columns.date];
  const asOfText = cellText(dayToDate(asOf));
  const problems: Problem[] = [];
  for (let i = 0; i < base.orders.length; i++) {
    const order = base.orders[i];
    if (order.date === null || order.date <= asOf) continue;
    problems.push({
      sheet: orders.sheet,
      row: order.row,
      column,
      value: cellText(dayToDate(order.date)),
      message: message('order.afterAsOf', { asOf: asOfText }),
    });
  }
  return problems;
}

/** Typed first/last order dates after the as-of date: not counted as dates, kept, and reported. */
export function laterTypedProblems(base: Base, asOf: DayNumber): Problem[] {
  const layout = base.layout.clients;
  if (!layout) return [];
  const asOfText = cellText(dayToDate(asOf));
  const problems: Problem[] = [];
  for (const client of base.clients) {
    for (const field of ['firstOrder', 'lastOrder'] as const) {
      const day = client.history[field];
      const at = layout.columns[field];
      if (day === null || day <= asOf || at === undefined) continue;
      problems.push({
        sheet: layout.sheet,
        row: client.row,
        column: layout.header[at],
        value: cellText(dayToDate(day)),
        message: message('date.afterAsOf', { asOf: asOfText }),
      });
    }
  }
  return problems;
}
