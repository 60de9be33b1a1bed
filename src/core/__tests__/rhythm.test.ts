import { NO_HISTORY, type Order, type TypedHistory } from '../model';
import { computeTracker } from '../tracker';

const AS_OF = 20_000;

function order(date: number | null, amount = 10): Order {
  return { row: 2, date, clientId: '', client: '', service: '', amount, number: '', manager: '', comment: '' };
}

/** One client's tracker row over orders on these days (all the client's). */
function rhythmOf(days: Array<number | null>, history: TypedHistory = NO_HISTORY, slip = 2) {
  const [row] = computeTracker([history], days.map((day) => order(day)), days.map(() => 0), AS_OF, 60, slip);
  return { medianGap: row.medianGap, expectedOrder: row.expectedOrder, slipping: row.slipping };
}

describe("a client's own rhythm", () => {
  it('takes the middle gap of an odd count, in any order of the rows', () => {
    // Days 100, 110, 140, 150 before the as-of date: gaps 10, 30, 10 → sorted 10, 10, 30 → median 10.
    expect(rhythmOf([AS_OF - 110, AS_OF - 150, AS_OF - 100, AS_OF - 140])).toEqual({ medianGap: 10, expectedOrder: AS_OF - 100 + 10, slipping: true });
  });

  it('takes the mean of the two middle gaps of an even count, and rounds the expected date half up', () => {
    // Gaps 7, 8 (three days): median 7.5, expected = last + 8.
    expect(rhythmOf([AS_OF - 15, AS_OF - 8, AS_OF])).toEqual({ medianGap: 7.5, expectedOrder: AS_OF + 8, slipping: false });
    // Gaps 2, 4, 10, 20: median (4 + 10) / 2 = 7.
    expect(rhythmOf([AS_OF - 36, AS_OF - 34, AS_OF - 30, AS_OF - 20, AS_OF]).medianGap).toBe(7);
  });

  it('counts two orders on one day as one visit', () => {
    // Days −20, −10, −10, −10: two distinct days, one gap → no rhythm.
    expect(rhythmOf([AS_OF - 20, AS_OF - 10, AS_OF - 10, AS_OF - 10]).medianGap).toBeNull();
    // Days −30, −20, −20, −10: gaps 10, 10.
    expect(rhythmOf([AS_OF - 30, AS_OF - 20, AS_OF - 20, AS_OF - 10]).medianGap).toBe(10);
  });

  it('is slipping only beyond k × the median gap: exactly k × gap is not', () => {
    // Gaps 10, 10; last order 20 days ago = 2 × 10: not slipping; 21 days ago: slipping.
    expect(rhythmOf([AS_OF - 40, AS_OF - 30, AS_OF - 20]).slipping).toBe(false);
    expect(rhythmOf([AS_OF - 41, AS_OF - 31, AS_OF - 21]).slipping).toBe(true);
    expect(rhythmOf([AS_OF - 41, AS_OF - 31, AS_OF - 21], NO_HISTORY, 3).slipping).toBe(false);
    expect(rhythmOf([AS_OF - 41, AS_OF - 31, AS_OF - 21], NO_HISTORY, 1.5).slipping).toBe(true);
  });

  it('ignores orders after the as-of date', () => {
    // Days −30, −20, +5: the future order has not happened, so two days and no rhythm.
    expect(rhythmOf([AS_OF - 30, AS_OF - 20, AS_OF + 5]).medianGap).toBeNull();
    expect(rhythmOf([AS_OF - 30, AS_OF - 20, AS_OF - 10, AS_OF + 1]).expectedOrder).toBe(AS_OF);
  });

  it('never guesses gaps it does not know: typed history only, more typed orders than the sheet holds, an undated order', () => {
    const typedOnly: TypedHistory = { firstOrder: AS_OF - 400, lastOrder: AS_OF - 10, orders: 12, revenue: 1000 };
    expect(rhythmOf([], typedOnly)).toEqual({ medianGap: null, expectedOrder: null, slipping: false });
    expect(rhythmOf([AS_OF - 30, AS_OF - 20, AS_OF - 10], typedOnly).medianGap).toBeNull();
    expect(rhythmOf([AS_OF - 30, AS_OF - 20, AS_OF - 10], { ...NO_HISTORY, lastOrder: AS_OF - 5 }).medianGap).toBeNull();
    expect(rhythmOf([AS_OF - 30, AS_OF - 20, AS_OF - 10, null]).medianGap).toBeNull();
    // The typed history the orders already hold (written back by an earlier run) keeps the rhythm.
    const heldByOrders: TypedHistory = { firstOrder: AS_OF - 30, lastOrder: AS_OF - 10, orders: 3, revenue: 30 };
    expect(rhythmOf([AS_OF - 30, AS_OF - 20, AS_OF - 10], heldByOrders).medianGap).toBe(10);
  });

  it('keeps each client apart when the orders of many clients are interleaved', () => {
    const clients = 50;
    const orders: Order[] = [];
    const owners: number[] = [];
    for (let k = 0; k < 4; k++) for (let c = 0; c < clients; c++) {
      orders.push(order(AS_OF - 1 - k * (c + 1)));
      owners.push(c);
    }
    const rows = computeTracker(new Array(clients).fill(NO_HISTORY), orders, owners, AS_OF, 60);
    expect(rows.map((row) => row.medianGap)).toEqual(Array.from({ length: clients }, (_, c) => c + 1));
    // A client of 40 order days, newest first: gaps of 3 days.
    expect(rhythmOf(Array.from({ length: 40 }, (_, k) => AS_OF - 3 * k)).medianGap).toBe(3);
  });
});
