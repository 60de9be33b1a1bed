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
import { normaliseText } from './normalise/text';
import { PLAN_MEASURES, type MonthKey, type PlanMeasure, type PlanRow } from './plan-sheet';
import { cleanSum, type TrackerRow } from './tracker';
import { monthLabel, monthOfDay } from './months';

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

/**
 * Sums per (manager index, month index) under the numeric key `manager * MONTH_SPAN + month`. The sums
 * sit in a typed array (a slot per key): a Map of doubles would allocate a number per order.
 */
class Sums {
  private readonly slots = new Map<number, number>();
  private values = new Float64Array(64);

  add(key: number, amount: number): void {
    let slot = this.slots.get(key);
    if (slot === undefined) {
      slot = this.slots.size;
      this.slots.set(key, slot);
      if (slot === this.values.length) {
        const grown = new Float64Array(slot * 2);
        grown.set(this.values);
        this.values = grown;
      }
    }
    this.values[slot] += amount;
  }

  has(key: number): boolean {
    return this.slots.has(key);
  }

  get(key: number): number {
    const slot = this.slots.get(key);
    return slot === undefined ? 0 : this.values[slot];
  }

  keys(): Iterable<number> {
    return this.slots.keys();
  }
}

type Facts = Record<PlanMeasure, Sums>;

/** More than any month index (year × 12 + month − 1 up to 2199). */
const MONTH_SPAN = 2200 * 12;

const monthIndexOfKey = (month: MonthKey) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;

/** Managers by index: the comparable key and the spelling shown (the first met), each raw spelling normalised once. */
class Managers {
  readonly keys: string[] = [];
  readonly spelling: string[] = [];
  private readonly byKey = new Map<string, number>();
  private readonly byRaw = new Map<string, number>();

  index(raw: string): number {
    let at = this.byRaw.get(raw);
    if (at !== undefined) return at;
    const key = normaliseText(raw);
    at = this.byKey.get(key);
    if (at === undefined) {
      at = this.keys.length;
      this.keys.push(key);
      this.spelling.push(key === '' ? '' : raw.trim());
      this.byKey.set(key, at);
    }
    this.byRaw.set(raw, at);
    return at;
  }
}

/** The fact sums by manager and month, in one pass over the orders, the clients and the history. */
function countFacts(input: PlanFactInput, managers: Managers): Facts {
  const facts: Facts = { revenue: new Sums(), newClients: new Sums(), contacts: new Sums() };
  const clientManager = Int32Array.from(input.clients, (client) => managers.index(client.manager));
  const none = managers.index('');
  const ofClient = (index: number | null | undefined) => (index === null || index === undefined ? none : clientManager[index]);
  const { orders, orderClient, asOf } = input;
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i];
    if (order.date === null || order.date > asOf) continue;
    // A blank manager cell (spaces too) falls back to the client's manager.
    const own = order.manager === '' ? none : managers.index(order.manager);
    const credited = own === none ? ofClient(orderClient[i]) : own;
    facts.revenue.add(credited * MONTH_SPAN + monthOfDay(order.date), order.amount ?? 0);
  }
  input.tracker.forEach((row, i) => {
    if (row.firstOrder !== null && row.firstOrder <= asOf) facts.newClients.add(clientManager[i] * MONTH_SPAN + monthOfDay(row.firstOrder), 1);
  });
  if (input.history && input.history.length > 0) {
    const byId = new Map<string, number>();
    const byName = new Map<string, number>();
    input.clients.forEach((client, i) => {
      if (client.id) byId.set(client.id, i);
      if (!byName.has(client.name)) byName.set(client.name, i);
    });
    for (const entry of input.history) {
      if (entry.when === null || entry.kind === 'status') continue;
      const day = Math.floor(entry.when.getTime() / 86_400_000);
      if (day > asOf) continue;
      const manager = entry.manager ? managers.index(entry.manager) : ofClient(entry.clientId ? byId.get(entry.clientId) : byName.get(entry.client));
      facts.contacts.add(manager * MONTH_SPAN + monthOfDay(day), 1);
    }
  }
  return facts;
}

/** The months with a fact, newest `count` of them up to the as-of month. */
function lastMonthsWithFacts(facts: Facts, asOfMonth: number, count: number): MonthKey[] {
  const months = new Set<number>();
  for (const measure of PLAN_MEASURES) for (const key of facts[measure].keys()) months.add(key % MONTH_SPAN);
  return [...months].filter((m) => m <= asOfMonth).sort((a, b) => a - b).slice(-count).map(monthLabel);
}

/** Plan and fact per manager and month (see the module comment for what is counted). */
export function computePlanFact(input: PlanFactInput): PlanFactReport {
  const managers = new Managers();
  const planned = new Map<number, PlanRow>();
  // A row with no figure typed (the template as created) plans nothing.
  const typed = input.plan.filter((r) => PLAN_MEASURES.some((m) => r[m] !== null));
  // Two rows for the same manager and month add up (a plan split by product line, say).
  const sum = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);
  for (const row of typed) {
    const at = managers.index(row.manager) * MONTH_SPAN + monthIndexOfKey(row.month);
    const earlier = planned.get(at);
    planned.set(at, earlier ? { ...row, revenue: sum(earlier.revenue, row.revenue), newClients: sum(earlier.newClients, row.newClients), contacts: sum(earlier.contacts, row.contacts) } : row);
  }
  const facts = countFacts(input, managers);
  const asOfMonth = monthOfDay(input.asOf);
  const planMonths = [...new Set(typed.map((r) => r.month))].sort();
  const fromPlan = planMonths.length > 0;
  const months = fromPlan ? planMonths : lastMonthsWithFacts(facts, asOfMonth, 3);
  const order = managers.keys.map((_, i) => i);
  const { keys, spelling } = managers;
  order.sort((a, b) => Number(keys[a] === '') - Number(keys[b] === '') || spelling[a].localeCompare(spelling[b], 'ru'));
  const rows: PlanFactRow[] = [];
  for (const month of months) {
    const monthIndex = monthIndexOfKey(month);
    for (const manager of order) {
      const at = manager * MONTH_SPAN + monthIndex;
      const plan = planned.get(at);
      if (!plan && !PLAN_MEASURES.some((m) => facts[m].has(at))) continue;
      const pair = (measure: PlanMeasure): MeasurePair => {
        const known = monthIndex <= asOfMonth && (measure !== 'contacts' || input.history !== null);
        return { plan: plan ? plan[measure] : null, fact: known ? cleanSum(facts[measure].get(at)) : null };
      };
      rows.push({ manager: spelling[manager], month, revenue: pair('revenue'), newClients: pair('newClients'), contacts: pair('contacts') });
    }
  }
  const asOfEndsMonth = monthOfDay(input.asOf + 1) !== asOfMonth;
  const ended = months.filter((m) => monthIndexOfKey(m) < asOfMonth || (monthIndexOfKey(m) === asOfMonth && asOfEndsMonth));
  return {
    months,
    rows,
    partialMonth: asOfEndsMonth ? null : monthLabel(asOfMonth),
    fullMonth: ended.length > 0 ? ended[ended.length - 1] : null,
    contactsKnown: input.history !== null,
    fromPlan,
  };
}

/** The share of the plan the fact reached; null without a positive plan or a known fact. */
export function planShare(pair: MeasurePair): number | null {
  return pair.plan === null || pair.plan <= 0 || pair.fact === null ? null : pair.fact / pair.plan;
}
