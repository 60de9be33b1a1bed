/**
 * The first/last-order tracker (DESIGN.md "Tracker"): per client, over the orders linked to it,
 * first and last order date, number of orders, revenue, days since the last order and "cold".
 *
 * Decisions the definition leaves open:
 * - The analysis is "as of" a date: an order dated after it has not happened yet at that date, so it is
 *   ignored entirely (no dates, no count, no revenue). Days since the last order are therefore never
 *   negative. Orders without a date cannot be placed in time: they count for orders and revenue but
 *   not for the dates.
 * - Orders = distinct order numbers among the client's orders whose number is filled (compared
 *   trimmed, exactly) plus one per row without a number: several lines of one order count once.
 * - Revenue is the sum of the amounts; an empty amount counts 0 and a negative one (a return) reduces
 *   it. The sum is compensated (Neumaier) and cleaned of floating-point noise (`cleanSum`), so equal
 *   purchases give equal revenue whatever order the rows come in — ABC and RFM compare revenues for
 *   ties — and the result is the correctly rounded sum other tools (pandas) compute.
 *
 * Runs over a million orders in one pass with typed arrays and no allocation per order.
 */
import type { DayNumber, Order } from './model';

export interface TrackerRow {
  firstOrder: DayNumber | null;
  lastOrder: DayNumber | null;
  orders: number;
  revenue: number;
  /** Whole days from the last order date to the as-of date; null without a dated order. */
  daysSinceLastOrder: number | null;
  /** Has orders and days since the last order ≥ the cold threshold. */
  cold: boolean;
}

const NO_FIRST = 2147483647;
const NO_LAST = -2147483648;

/**
 * A sum with floating-point noise removed: rounded to 6 decimals (far below a kopeck, far above the
 * noise: 0.1 + 0.2 → 0.3), and −0 turned into 0.
 */
export function cleanSum(value: number): number {
  return Math.round(value * 1e6) / 1e6 + 0;
}

/**
 * The tracker for `clientsCount` clients. `orderClient[i]` is the index of the client order `i`
 * belongs to, or null for an order linked to no client (ignored here; the data check reports it).
 */
export function computeTracker(
  clientsCount: number,
  orders: readonly Order[],
  orderClient: ArrayLike<number | null>,
  asOf: DayNumber,
  coldDays: number,
): TrackerRow[] {
  const first = new Int32Array(clientsCount).fill(NO_FIRST);
  const last = new Int32Array(clientsCount).fill(NO_LAST);
  const count = new Int32Array(clientsCount);
  const revenue = new Float64Array(clientsCount);
  // Neumaier's compensation: the low-order bits each addition to `revenue` loses.
  const lost = new Float64Array(clientsCount);
  // Numbered lines, to count distinct numbers per client afterwards (see countDistinctNumbers).
  const numberedClient = new Int32Array(orders.length);
  const numbers: string[] = [];
  // Lines of one order usually sit together: a line repeating the previous line's client and number
  // is the same order, skipped at once.
  let previousClient = -1;
  let previousNumber = '';

  for (let i = 0; i < orders.length; i++) {
    const client = orderClient[i];
    if (client === null || client === undefined) continue;
    const order = orders[i];
    const date = order.date;
    if (date !== null && date > asOf) continue;
    if (date !== null) {
      if (date < first[client]) first[client] = date;
      if (date > last[client]) last[client] = date;
    }
    const amount = order.amount;
    if (amount !== null) {
      const sum = revenue[client];
      const next = sum + amount;
      lost[client] += Math.abs(sum) >= Math.abs(amount) ? sum - next + amount : amount - next + sum;
      revenue[client] = next;
    }
    const number = order.number.trim();
    if (number === '') {
      count[client]++;
    } else if (client !== previousClient || number !== previousNumber) {
      previousClient = client;
      previousNumber = number;
      numberedClient[numbers.length] = client;
      numbers.push(number);
    }
  }
  countDistinctNumbers(numberedClient, numbers, count);

  const rows: TrackerRow[] = new Array(clientsCount);
  for (let c = 0; c < clientsCount; c++) {
    const lastOrder = last[c] === NO_LAST ? null : last[c];
    const days = lastOrder === null ? null : asOf - lastOrder;
    rows[c] = {
      firstOrder: first[c] === NO_FIRST ? null : first[c],
      lastOrder,
      orders: count[c],
      revenue: cleanSum(revenue[c] + lost[c]),
      daysSinceLastOrder: days,
      cold: count[c] > 0 && days !== null && days >= coldDays,
    };
  }
  return rows;
}

/** Above this many numbered lines, a client's distinct numbers are counted with a Set, not pairwise. */
const PAIRWISE_LIMIT = 16;

/**
 * Adds to `count[c]` the number of distinct strings among `numbers[k]` with `clients[k] === c`.
 * A workbook-wide map of a million order numbers is slow to build; grouping the lines by client
 * (a counting sort) and comparing within each client's few lines is several times faster.
 */
function countDistinctNumbers(clients: Int32Array, numbers: readonly string[], count: Int32Array): void {
  const lines = numbers.length;
  const start = new Int32Array(count.length + 1);
  for (let k = 0; k < lines; k++) start[clients[k] + 1]++;
  for (let c = 0; c < count.length; c++) start[c + 1] += start[c];
  const fill = start.slice(0, count.length);
  const grouped = new Int32Array(lines);
  for (let k = 0; k < lines; k++) grouped[fill[clients[k]]++] = k;

  const seen = new Set<string>();
  for (let c = 0; c < count.length; c++) {
    const from = start[c];
    const to = start[c + 1];
    if (to - from <= PAIRWISE_LIMIT) {
      for (let a = from; a < to; a++) {
        const number = numbers[grouped[a]];
        let repeated = false;
        for (let b = from; b < a && !repeated; b++) repeated = numbers[grouped[b]] === number;
        if (!repeated) count[c]++;
      }
    } else {
      seen.clear();
      for (let a = from; a < to; a++) seen.add(numbers[grouped[a]]);
      count[c] += seen.size;
    }
  }
}
