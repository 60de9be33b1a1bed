/**
 * The data check: one problem for every bad cell of the base, as a message (model.ts `Problem`), naming what
 * is wrong and what to do. Parse problems found while reading (bad dates, amounts) are included once.
 */
import type { Problem } from './model';
import type { Base } from './base';
import type { LocatedSheet } from './layout';
import { findStatus, statusNames } from './statuses';
import { message, type Message } from './messages/message';
import { cellText, normaliseText } from './normalise/text';
import { memoised } from './memoised';
import { dayToDate, todayDay } from './normalise/date';
import type { DayNumber } from './model';

/** Builds problems against one located sheet, naming the user's header of a field. */
function problemsOn<F extends string>(layout: LocatedSheet<F>, out: Problem[]) {
  return (row: number, field: F, value: string, message: Message) => {
    const index = layout.columns[field];
    out.push({ sheet: layout.sheet, row, column: index === undefined ? '' : layout.header[index], value, message });
  };
}

function checkServices(base: Base, out: Problem[]): void {
  const layout = base.layout.services;
  if (!layout) return;
  const report = problemsOn(layout, out);
  const seen = new Map<string, number>();
  for (const service of base.services) {
    const key = normaliseText(service.name);
    if (!key) {
      report(service.row, 'name', '', message('service.noName'));
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      report(service.row, 'name', service.name, message('service.repeated', { service: service.name, first }));
    } else seen.set(key, service.row);
    if (service.price !== null && service.price < 0) {
      report(service.row, 'price', String(service.price), message('service.negativePrice'));
    }
  }
}

/**
 * Whether a service a cell names is on the services sheet, remembered per text (150,000 orders name a few
 * dozen services); null when the workbook has no services sheet to check against.
 */
function knownServices(base: Base): ((service: string) => boolean) | null {
  if (!base.layout.services || base.layout.services.columns.name === undefined) return null;
  const names = new Set(base.services.map((s) => normaliseText(s.name)).filter(Boolean));
  return memoised((service) => names.has(normaliseText(service)));
}

function checkClients(base: Base, isKnownService: ((service: string) => boolean) | null, out: Problem[]): void {
  const layout = base.layout.clients;
  if (!layout) return;
  const report = problemsOn(layout, out);
  const ids = new Map<string, number>();
  const servicesSheet = base.layout.services?.sheet ?? '';
  for (const client of base.clients) {
    if (client.id) {
      const key = normaliseText(client.id);
      const first = ids.get(key);
      if (first !== undefined) {
        report(client.row, 'id', client.id, message('client.idTaken', { id: client.id, first }));
      } else ids.set(key, client.row);
    }
    if (!client.name && layout.columns.name !== undefined) {
      report(client.row, 'name', '', message('client.noName'));
    }
    if (client.phone && !client.phoneNormalised) {
      report(client.row, 'phone', client.phone, message('client.badPhone', { value: client.phone }));
    }
    if (client.email && !client.emailNormalised) {
      report(client.row, 'email', client.email, message('client.badEmail', { value: client.email }));
    }
    if (client.status && !findStatus(client.status)) {
      report(client.row, 'status', client.status, message('client.unknownStatus', { value: client.status, statuses: { ru: statusNames('ru').join(', '), en: statusNames('en').join(', ') } }));
    }
    if (isKnownService && client.service && !isKnownService(client.service)) {
      report(client.row, 'service', client.service, message('client.unknownService', { value: client.service, sheet: servicesSheet }));
    }
  }
}

function checkOrders(base: Base, isKnownService: ((service: string) => boolean) | null, out: Problem[]): void {
  const layout = base.layout.orders;
  if (!layout) return;
  const report = problemsOn(layout, out);
  const clientsSheet = base.layout.clients?.sheet ?? '';
  const servicesSheet = base.layout.services?.sheet ?? '';
  base.orders.forEach((order, index) => {
    if (base.orderClient[index] === null) {
      const field = order.clientId || layout.columns.client === undefined ? 'clientId' : 'client';
      const value = field === 'clientId' ? order.clientId : order.client;
      report(order.row, field, value, value ? message('order.unknownClient', { value, sheet: clientsSheet }) : message('order.noClient'));
    }
    if (isKnownService && order.service && !isKnownService(order.service)) {
      report(order.row, 'service', order.service, message('client.unknownService', { value: order.service, sheet: servicesSheet }));
    }
    if (order.amount !== null && order.amount < 0) {
      report(order.row, 'amount', String(order.amount), message('order.negativeAmount', { amount: String(order.amount) }));
    }
    if (order.date === null && layout.columns.date !== undefined) {
      report(order.row, 'date', '', message('order.noDate'));
    }
  });
}

/**
 * Keeps the first problem of each cell: a reading problem (a date that is not a date) wins over a later
 * check of the same cell (an order without a date).
 */
function oncePerCell(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.sheet}\u0000${p.row}\u0000${p.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Dates in the future where only a past date makes sense: the first contact and the birthday. (Order
 * dates and the typed first and last order dates after the as-of date are reported by the analysis,
 * which does not count them; the next contact is naturally in the future.)
 */
function checkFutureDates(base: Base, today: DayNumber, out: Problem[]): void {
  const layout = base.layout.clients;
  if (!layout) return;
  const report = problemsOn(layout, out);
  for (const client of base.clients) {
    for (const field of ['firstContact', 'birthday'] as const) {
      const day = client[field];
      if (day === null || day <= today) continue;
      const text = cellText(dayToDate(day));
      report(client.row, field, text, message('client.futureDate', { value: text }));
    }
  }
}

/** Every bad cell of the base, sheet by sheet in row order; the reading problems included once. */
export function checkData(base: Base, today: DayNumber = todayDay()): Problem[] {
  const found: Problem[] = [...base.problems];
  const isKnownService = knownServices(base);
  checkServices(base, found);
  checkClients(base, isKnownService, found);
  checkFutureDates(base, today, found);
  checkOrders(base, isKnownService, found);
  const sheetOrder = [base.layout.settingsSheet, base.layout.services?.sheet, base.layout.clients?.sheet, base.layout.orders?.sheet];
  const rank = (sheet: string) => sheetOrder.indexOf(sheet);
  // Array.prototype.sort is stable, so problems of one row keep their column order.
  return oncePerCell(found).sort((a, b) => rank(a.sheet) - rank(b.sheet) || a.row - b.row);
}
