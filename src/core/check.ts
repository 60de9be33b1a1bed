/**
 * The data check: one problem for every bad cell of the base, in the workbook's language, naming what
 * is wrong and what to do. Parse problems found while reading (bad dates, amounts) are included once.
 */
import type { Language, Problem } from './model';
import type { Base } from './base';
import type { LocatedSheet } from './layout';
import { say } from './base';
import { findStatus, statusNames } from './statuses';
import { cellText, normaliseText } from './normalise/text';
import { dayToDate, todayDay } from './normalise/date';
import type { DayNumber } from './model';

/** Builds problems against one located sheet, naming the user's header of a field. */
function problemsOn<F extends string>(layout: LocatedSheet<F>, out: Problem[]) {
  return (row: number, field: F, value: string, message: string) => {
    const index = layout.columns[field];
    out.push({ sheet: layout.sheet, row, column: index === undefined ? '' : layout.header[index], value, message });
  };
}

function checkServices(base: Base, lang: Language, out: Problem[]): void {
  const layout = base.layout.services;
  if (!layout) return;
  const report = problemsOn(layout, out);
  const seen = new Map<string, number>();
  for (const service of base.services) {
    const key = normaliseText(service.name);
    if (!key) {
      report(service.row, 'name', '', say(lang, 'Не указано название услуги. Впишите его или удалите строку.', 'The service has no name. Fill it in or delete the row.'));
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      report(service.row, 'name', service.name, say(lang, `Услуга «${service.name}» уже есть в строке ${first}. Названия услуг должны быть разными: переименуйте или удалите повтор.`, `The service "${service.name}" is already on row ${first}. Service names must be unique: rename or delete the repeat.`));
    } else seen.set(key, service.row);
    if (service.price !== null && service.price < 0) {
      report(service.row, 'price', String(service.price), say(lang, 'Цена меньше нуля. Проверьте знак.', 'The price is below zero. Check the sign.'));
    }
  }
}

/** The service names a cell may take, or null when the workbook has no services sheet to check against. */
function knownServices(base: Base): Set<string> | null {
  if (!base.layout.services || base.layout.services.columns.name === undefined) return null;
  return new Set(base.services.map((s) => normaliseText(s.name)).filter(Boolean));
}

function checkClients(base: Base, lang: Language, services: Set<string> | null, out: Problem[]): void {
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
        report(client.row, 'id', client.id, say(lang, `ID «${client.id}» уже занят клиентом в строке ${first}. Если это один клиент — объедините дубликаты; если разные — очистите ID, и надстройка выдаст новый.`, `The ID "${client.id}" is already used by the client on row ${first}. If it is the same client, merge the duplicates; if not, clear the ID and the add-in will assign a new one.`));
      } else ids.set(key, client.row);
    }
    if (!client.name && layout.columns.name !== undefined) {
      report(client.row, 'name', '', say(lang, 'Не указан клиент: впишите ФИО или название компании.', 'The client has no name: enter a full name or a company name.'));
    }
    if (client.phone && !client.phoneNormalised) {
      report(client.row, 'phone', client.phone, say(lang, `«${client.phone}» — не номер телефона. Введите номер полностью, например 8 (912) 345-67-89 или +7 912 345-67-89.`, `"${client.phone}" is not a phone number. Enter the full number, e.g. +7 912 345-67-89.`));
    }
    if (client.email && !client.emailNormalised) {
      report(client.row, 'email', client.email, say(lang, `«${client.email}» — не адрес электронной почты. Исправьте его, например ivanov@mail.ru.`, `"${client.email}" is not an e-mail address. Correct it, e.g. smith@example.com.`));
    }
    if (client.status && !findStatus(client.status)) {
      report(client.row, 'status', client.status, say(lang, `Неизвестный статус «${client.status}». Выберите один из списка: ${statusNames('ru').join(', ')}.`, `Unknown status "${client.status}". Choose one of: ${statusNames('en').join(', ')}.`));
    }
    if (services && client.service && !services.has(normaliseText(client.service))) {
      report(client.row, 'service', client.service, say(lang, `Услуги «${client.service}» нет на листе «${servicesSheet}». Выберите услугу из списка или добавьте её на лист услуг.`, `The service "${client.service}" is not on the "${servicesSheet}" sheet. Pick a service from the list or add it to the services sheet.`));
    }
  }
}

function checkOrders(base: Base, lang: Language, services: Set<string> | null, out: Problem[]): void {
  const layout = base.layout.orders;
  if (!layout) return;
  const report = problemsOn(layout, out);
  const clientsSheet = base.layout.clients?.sheet ?? '';
  const servicesSheet = base.layout.services?.sheet ?? '';
  base.orders.forEach((order, index) => {
    if (base.orderClient[index] === null) {
      const field = order.clientId || layout.columns.client === undefined ? 'clientId' : 'client';
      const value = field === 'clientId' ? order.clientId : order.client;
      const message = value
        ? say(lang, `Клиента «${value}» нет на листе «${clientsSheet}». Проверьте ID или название клиента либо добавьте клиента.`, `There is no client "${value}" on the "${clientsSheet}" sheet. Check the client's ID or name, or add the client.`)
        : say(lang, 'У заказа не указан клиент. Впишите ID или название клиента.', 'The order has no client. Enter the client ID or name.');
      report(order.row, field, value, message);
    }
    if (services && order.service && !services.has(normaliseText(order.service))) {
      report(order.row, 'service', order.service, say(lang, `Услуги «${order.service}» нет на листе «${servicesSheet}». Выберите услугу из списка или добавьте её на лист услуг.`, `The service "${order.service}" is not on the "${servicesSheet}" sheet. Pick a service from the list or add it to the services sheet.`));
    }
    if (order.amount !== null && order.amount < 0) {
      report(order.row, 'amount', String(order.amount), say(lang, `Предупреждение: сумма меньше нуля (${order.amount}). Если это возврат, всё в порядке — он уменьшит выручку клиента; иначе исправьте знак.`, `Warning: the amount is below zero (${order.amount}). A refund is fine — it lowers the client's revenue; otherwise correct the sign.`));
    }
    if (order.date === null && layout.columns.date !== undefined) {
      report(order.row, 'date', '', say(lang, 'У заказа нет даты. Впишите дату в виде дд.мм.гггг.', 'The order has no date. Enter a date as dd.mm.yyyy.'));
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
function checkFutureDates(base: Base, lang: Language, today: DayNumber, out: Problem[]): void {
  const layout = base.layout.clients;
  if (!layout) return;
  const report = problemsOn(layout, out);
  for (const client of base.clients) {
    for (const field of ['firstContact', 'birthday'] as const) {
      const day = client[field];
      if (day === null || day <= today) continue;
      const text = cellText(dayToDate(day));
      report(client.row, field, text, say(lang, `Дата в будущем: «${text}». Проверьте год и месяц.`, `A date in the future: "${text}". Check the year and the month.`));
    }
  }
}

/** Every bad cell of the base, sheet by sheet in row order; the reading problems included once. */
export function checkData(base: Base, today: DayNumber = todayDay()): Problem[] {
  const lang = base.layout.language;
  const found: Problem[] = [...base.problems];
  const services = knownServices(base);
  checkServices(base, lang, found);
  checkClients(base, lang, services, found);
  checkFutureDates(base, lang, today, found);
  checkOrders(base, lang, services, found);
  const sheetOrder = [base.layout.settingsSheet, base.layout.services?.sheet, base.layout.clients?.sheet, base.layout.orders?.sheet];
  const rank = (sheet: string) => sheetOrder.indexOf(sheet);
  // Array.prototype.sort is stable, so problems of one row keep their column order.
  return oncePerCell(found).sort((a, b) => rank(a.sheet) - rank(b.sheet) || a.row - b.row);
}
