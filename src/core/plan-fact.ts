/**
 * Plan vs fact per manager and month. The plan is the user's sheet «План» (plan-sheet.ts); the fact is
 * counted from the base up to the as-of date:
 * - revenue: the amounts of the dated orders of the month, credited to the order's «Менеджер» when the
 *   order has one, else to its client's manager (an order of no known client and no manager: to nobody);
 * - new clients: clients whose first order (the tracker's «Первый заказ», typed history included) falls
 *   in the month, credited to the client's manager; the first-contact date is not used (a lead who has
 *   not bought is not a new client);
 * - contacts: rows of the contact history «История» dated in the month, credited to the row's manager,
 *   else the client's; the product's own «статус» rows are funnel moves, not contacts, and are not
 *   counted. Without a history sheet the contacts fact is unknown (null), not 0.
 * Managers are matched case-, space- and ё-insensitively; the as-of month is partial, later months have
 * no fact yet (null).
 */
import type { HistoryEntry } from './contact-history';
import type { Client, DayNumber, Order } from './model';
import { dayToIso } from './normalise/date';
import { normaliseText } from './normalise/text';
import { PLAN_MEASURES, type MonthKey, type PlanMeasure, type PlanRow } from './plan-sheet';
import { cleanSum, type TrackerRow } from './tracker';

export interface MeasurePair {
  plan: number | null;
  fact: number | null;
}

export interface PlanFactRow {
  /** As first spelled (the plan's spelling first); '' for orders credited to nobody. */
  manager: string;
  month: MonthKey;
  revenue: MeasurePair;
  newClients: MeasurePair;
  contacts: MeasurePair;
}

export interface PlanFactReport {
  /** The months shown, oldest first: the plan's, or the last three with facts when no plan figure is typed. */
  months: MonthKey[];
  /** Month by month, managers alphabetically, the unassigned last. */
  rows: PlanFactRow[];
  /** The as-of month, counted only up to the as-of date; null when the as-of date is its last day. */
  partialMonth: MonthKey | null;
  /** The latest shown month that ended on or before the as-of date; null when none did. */
  fullMonth: MonthKey | null;
  /** False when the workbook has no contact history: the contacts fact is then null. */
  contactsKnown: boolean;
  /** True when the months are the plan's. */
  fromPlan: boolean;
}

export interface PlanFactInput {
  clients: readonly Pick<Client, 'id' | 'name' | 'manager'>[];
  orders: readonly Pick<Order, 'date' | 'amount' | 'manager'>[];
  orderClient: readonly (number | null)[];
  tracker: readonly Pick<TrackerRow, 'firstOrder'>[];
  /** The history sheet's rows; null when the workbook has no history sheet. */
  history: readonly HistoryEntry[] | null;
  plan: readonly PlanRow[];
  asOf: DayNumber;
}

type Facts = Record<PlanMeasure, Map<string, number>>;

const monthOf = (day: DayNumber) => dayToIso(day).slice(0, 7);
const cellKey = (manager: string, month: MonthKey) => `${month}\u0000${manager}`;

/** The fact sums by manager key and month, and how each manager key is spelled. */
function countFacts(input: PlanFactInput, spelling: Map<string, string>): Facts {
  const facts: Facts = { revenue: new Map(), newClients: new Map(), contacts: new Map() };
  const credit = (measure: PlanMeasure, manager: string, day: DayNumber, amount: number) => {
    const key = normaliseText(manager);
    if (!spelling.has(key)) spelling.set(key, key === '' ? '' : manager.trim());
    const at = cellKey(key, monthOf(day));
    facts[measure].set(at, (facts[measure].get(at) ?? 0) + amount);
  };
  const clientManager = (index: number | null | undefined) => (index === null || index === undefined ? '' : input.clients[index].manager);
  input.orders.forEach((order, i) => {
    if (order.date === null || order.date > input.asOf) return;
    credit('revenue', order.manager.trim() || clientManager(input.orderClient[i]), order.date, order.amount ?? 0);
  });
  input.tracker.forEach((row, i) => {
    if (row.firstOrder !== null && row.firstOrder <= input.asOf) credit('newClients', input.clients[i].manager, row.firstOrder, 1);
  });
  if (input.history) {
    const byId = new Map<string, number>();
    const byName = new Map<string, number>();
    input.clients.forEach((client, i) => {
      if (client.id) byId.set(client.id, i);
      if (!byName.has(client.name)) byName.set(client.name, i);
    });
    for (const entry of input.history) {
      if (entry.when === null || entry.kind === 'status') continue;
      const day = Math.floor(entry.when.getTime() / 86_400_000);
      if (day > input.asOf) continue;
      const client = entry.clientId ? byId.get(entry.clientId) : byName.get(entry.client);
      credit('contacts', entry.manager || clientManager(client), day, 1);
    }
  }
  return facts;
}

/** The months with a fact, newest `count` of them up to the as-of month. */
function lastMonthsWithFacts(facts: Facts, asOfMonth: MonthKey, count: number): MonthKey[] {
  const months = new Set<MonthKey>();
  for (const measure of PLAN_MEASURES) for (const key of facts[measure].keys()) months.add(key.slice(0, 7));
  return [...months].filter((m) => m <= asOfMonth).sort().slice(-count);
}

/** Plan and fact per manager and month (see the module comment for what is counted). */
export function computePlanFact(input: PlanFactInput): PlanFactReport {
  const spelling = new Map<string, string>();
  const planned = new Map<string, PlanRow>();
  // A row with no figure typed (the template as created) plans nothing.
  const typed = input.plan.filter((r) => PLAN_MEASURES.some((m) => r[m] !== null));
  for (const row of typed) {
    const key = normaliseText(row.manager);
    if (!spelling.has(key)) spelling.set(key, row.manager);
    const at = cellKey(key, row.month);
    const earlier = planned.get(at);
    // Two rows for the same manager and month add up (a plan split by product line, say).
    const sum = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);
    planned.set(at, earlier ? { ...row, revenue: sum(earlier.revenue, row.revenue), newClients: sum(earlier.newClients, row.newClients), contacts: sum(earlier.contacts, row.contacts) } : row);
  }
  const facts = countFacts(input, spelling);
  const asOfMonth = monthOf(input.asOf);
  const planMonths = [...new Set(typed.map((r) => r.month))].sort();
  const fromPlan = planMonths.length > 0;
  const months = fromPlan ? planMonths : lastMonthsWithFacts(facts, asOfMonth, 3);
  const rows: PlanFactRow[] = [];
  for (const month of months) {
    const keys = [...spelling.keys()].filter(
      (key) => planned.has(cellKey(key, month)) || PLAN_MEASURES.some((m) => facts[m].has(cellKey(key, month))),
    );
    keys.sort((a, b) => Number(a === '') - Number(b === '') || (spelling.get(a) as string).localeCompare(spelling.get(b) as string, 'ru'));
    for (const key of keys) {
      const plan = planned.get(cellKey(key, month));
      const pair = (measure: PlanMeasure): MeasurePair => {
        const known = month <= asOfMonth && (measure !== 'contacts' || input.history !== null);
        const fact = known ? cleanSum(facts[measure].get(cellKey(key, month)) ?? 0) : null;
        return { plan: plan ? plan[measure] : null, fact };
      };
      rows.push({ manager: spelling.get(key) as string, month, revenue: pair('revenue'), newClients: pair('newClients'), contacts: pair('contacts') });
    }
  }
  const asOfEndsMonth = monthOf(input.asOf + 1) !== asOfMonth;
  const ended = months.filter((m) => m < asOfMonth || (m === asOfMonth && asOfEndsMonth));
  return { months, rows, partialMonth: asOfEndsMonth ? null : asOfMonth, fullMonth: ended.length > 0 ? ended[ended.length - 1] : null, contactsKnown: input.history !== null, fromPlan };
}

/** The share of the plan the fact reached; null without a positive plan or a known fact. */
export function planShare(pair: MeasurePair): number | null {
  return pair.plan === null || pair.plan <= 0 || pair.fact === null ? null : pair.fact / pair.plan;
}
