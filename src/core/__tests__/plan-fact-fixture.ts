/**
 * A base small enough to work plan vs fact out by hand (the figures are in plan-fact.test.ts): three
 * clients of two managers, orders with and without their own manager, a contact history and a plan with
 * a bad cell and a bad month.
 */
import { isoToDay } from '../normalise/date';
import { date, sheet } from './snapshot-builder';

export const PLAN_FACT_AS_OF = isoToDay('2026-12-04')!;

export const clients = sheet('Клиенты', ['ID', 'Клиент', 'Менеджер'], ['К-1', 'Альфа', 'Иванов'], ['К-2', 'Бета', 'Петров'], ['К-3', 'Гамма', 'иванов ']);
export const orders = sheet(
  'Заказы',
  ['Дата', 'ID клиента', 'Сумма', 'Менеджер'],
  [date(10, 10, 2026), 'К-1', 1000, null], // Иванов (the client's), October
  [date(15, 11, 2026), 'К-1', 2000, null], // Иванов, November
  [date(20, 11, 2026), 'К-2', 500, 'Иванов'], // the order's manager: Иванов, though Бета is Петров's
  [date(5, 11, 2026), 'К-3', 300, null], // Иванов; Гамма's first order: a new client of November
  [date(1, 12, 2026), 'К-2', 700, null], // Петров, December (partial)
  [date(10, 12, 2026), 'К-2', 999, null], // after the as-of date: not counted
);
export const history = sheet(
  'История',
  ['Дата и время', 'ID клиента', 'Клиент', 'Менеджер', 'Вид'],
  [new Date(Date.UTC(2026, 10, 3, 10)), 'К-1', 'Альфа', 'Иванов', 'звонок'],
  [date(4, 11, 2026), 'К-2', 'Бета', null, 'встреча'], // no manager: the client's, Петров
  [date(5, 11, 2026), 'К-2', 'Бета', 'Петров', 'статус'], // a funnel move, not a contact
  [date(2, 12, 2026), 'К-1', 'Альфа', 'Иванов', 'звонок'],
);
export const plan = sheet(
  'План',
  ['Менеджер', 'Месяц', 'Выручка', 'Новые клиенты', 'Контакты'],
  ['Иванов', '2026-11', 4000, 2, 2],
  ['Петров', '11.2026', 500, 'abc', 1],
  ['Иванов', 'декабрь 2026', 1000, null, null],
  ['Сидоров', 'тринадцатый', 100, 1, 1],
);

