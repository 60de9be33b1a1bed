import { NO_HISTORY, type Order, type TypedHistory } from '../model';
import { computeTracker } from '../tracker';

function order(partial: Partial<Order>): Order {
  return { row: 2, date: null, clientId: '', client: '', service: '', amount: null, number: '', manager: '', comment: '', ...partial };
}

const AS_OF = 20_000;

/** `count` clients with nothing typed on the clients sheet. */
function histories(count: number): TypedHistory[] {
  return new Array(count).fill(NO_HISTORY);
}

describe('computeTracker', () => {
  it('gives first/last order, orders, revenue and days per client', () => {
    const orders = [order({ date: 19_900, amount: 100 }), order({ date: 19_950, amount: 50 }), order({ date: 19_990, amount: 10 })];
    const [a, b] = computeTracker(histories(2), orders, [0, 0, 1], AS_OF, 60);
    expect(a).toEqual({ firstOrder: 19_900, lastOrder: 19_950, orders: 2, revenue: 150, revenueKnown: true, fromOrders: true, daysSinceLastOrder: 50, cold: false, medianGap: null, expectedOrder: null, slipping: false });
    expect(b).toEqual({ firstOrder: 19_990, lastOrder: 19_990, orders: 1, revenue: 10, revenueKnown: true, fromOrders: true, daysSinceLastOrder: 10, cold: false, medianGap: null, expectedOrder: null, slipping: false });
  });

  it('counts distinct order numbers, plus one per row without a number', () => {
    const orders = [
      order({ number: 'N-1', amount: 10 }),
      order({ number: ' N-1 ', amount: 20 }), // a second line of the same order
      order({ number: 'N-2', amount: 30 }),
      order({ number: '', amount: 1 }),
      order({ number: '', amount: 1 }),
    ];
    const [t] = computeTracker(histories(1), orders, [0, 0, 0, 0, 0], AS_OF, 60);
    expect(t.orders).toBe(4);
    expect(t.revenue).toBe(62);
  });

  it('counts the same order number under two clients once for each', () => {
    const orders = [order({ number: '7' }), order({ number: '7' }), order({ number: '7' }), order({ number: '7' })];
    const rows = computeTracker(histories(3), orders, [0, 1, 0, 1], AS_OF, 60);
    expect(rows.map((r) => r.orders)).toEqual([1, 1, 0]);
    const adjacent = computeTracker(histories(2), [order({ number: '7' }), order({ number: '7' }), order({ number: '7' }), order({ number: '8' }), order({ number: '7' })], [0, 0, 1, 1, 0], AS_OF, 60);
    expect(adjacent.map((r) => r.orders)).toEqual([1, 2]);
  });

  it('counts distinct numbers of a client with many lines, repeated far apart', () => {
    // 40 lines: numbers 0..9 four times each, interleaved with another client's lines of the same numbers
    const orders: Order[] = [];
    const owners: number[] = [];
    for (let k = 0; k < 40; k++) {
      orders.push(order({ number: `№ ${k % 10}` }), order({ number: `№ ${k % 3}` }));
      owners.push(0, 1);
    }
    expect(computeTracker(histories(2), orders, owners, AS_OF, 60).map((r) => r.orders)).toEqual([10, 3]);
  });

  it('tells apart numbers whose 32-bit hashes are equal, among few lines and among many', () => {
    // «З-1412789» and «З-1649192» have one FNV-1a hash: numbers are compared by hash first, then as text.
    const twins = ['З-1412789', 'З-1649192'];
    const few = twins.map((number) => order({ number }));
    expect(computeTracker(histories(1), few, [0, 0], AS_OF, 60)[0].orders).toBe(2);
    const many: Order[] = [];
    for (let k = 0; k < 30; k++) many.push(order({ number: twins[k % 2] }), order({ number: `№ ${k % 5}` }));
    expect(computeTracker(histories(1), many, new Array(many.length).fill(0), AS_OF, 60)[0].orders).toBe(7);
  });

  it('sums negative amounts (returns), treats empty amounts as 0, and removes floating-point noise', () => {
    const orders = [order({ amount: 100 }), order({ amount: null }), order({ amount: -30 }), order({ amount: 0.1 }), order({ amount: 0.2 })];
    const [t] = computeTracker(histories(1), orders, [0, 0, 0, 0, 0], AS_OF, 60);
    expect(t.orders).toBe(5);
    expect(t.revenue).toBe(70.3);
    const [returned] = computeTracker(histories(1), [order({ amount: 50 }), order({ amount: -50 })], [0, 0], AS_OF, 60);
    expect(Object.is(returned.revenue, 0)).toBe(true);
  });

  it('gives equal revenue for the same amounts in any order, exactly, keeping sub-kopeck amounts', () => {
    const amounts = [0.1, 0.2, 0.3, 1e8, 0.7, -1e8, 19.99];
    const forward = computeTracker(histories(1), amounts.map((amount) => order({ amount })), amounts.map(() => 0), AS_OF, 60)[0].revenue;
    const backward = computeTracker(histories(1), [...amounts].reverse().map((amount) => order({ amount })), amounts.map(() => 0), AS_OF, 60)[0].revenue;
    expect(forward).toBe(21.29);
    expect(backward).toBe(21.29);
    const [precise] = computeTracker(histories(1), [order({ amount: 0.125 }), order({ amount: 0.125 }), order({ amount: 0.0005 })], [0, 0, 0], AS_OF, 60);
    expect(precise.revenue).toBe(0.2505);
  });

  it('is cold at exactly the threshold, not a day before', () => {
    const orders = [order({ date: AS_OF - 60 }), order({ date: AS_OF - 59 })];
    const [at, before] = computeTracker(histories(2), orders, [0, 1], AS_OF, 60);
    expect(at.daysSinceLastOrder).toBe(60);
    expect(at.cold).toBe(true);
    expect(before.cold).toBe(false);
  });

  it('counts an order on the as-of date and ignores orders after it', () => {
    const orders = [order({ date: AS_OF - 100, amount: 5 }), order({ date: AS_OF, amount: 7 }), order({ date: AS_OF + 1, amount: 1000, number: 'X' })];
    const [t] = computeTracker(histories(1), orders, [0, 0, 0], AS_OF, 60);
    expect(t).toEqual({ firstOrder: AS_OF - 100, lastOrder: AS_OF, orders: 2, revenue: 12, revenueKnown: true, fromOrders: true, daysSinceLastOrder: 0, cold: false, medianGap: null, expectedOrder: null, slipping: false });
    const [onlyFuture] = computeTracker(histories(1), [order({ date: AS_OF + 5, amount: 9 })], [0], AS_OF, 60);
    expect(onlyFuture).toEqual({ firstOrder: null, lastOrder: null, orders: 0, revenue: 0, revenueKnown: true, fromOrders: false, daysSinceLastOrder: null, cold: false, medianGap: null, expectedOrder: null, slipping: false });
  });

  it('counts undated orders for orders and revenue but not for the dates', () => {
    const [t] = computeTracker(histories(1), [order({ amount: 40 }), order({ date: AS_OF - 70, amount: 2 })], [0, 0], AS_OF, 60);
    expect(t).toEqual({ firstOrder: AS_OF - 70, lastOrder: AS_OF - 70, orders: 2, revenue: 42, revenueKnown: true, fromOrders: true, daysSinceLastOrder: 70, cold: true, medianGap: null, expectedOrder: null, slipping: false });
    const [undatedOnly] = computeTracker(histories(1), [order({ amount: 40 })], [0], AS_OF, 60);
    expect(undatedOnly).toEqual({ firstOrder: null, lastOrder: null, orders: 1, revenue: 40, revenueKnown: true, fromOrders: true, daysSinceLastOrder: null, cold: false, medianGap: null, expectedOrder: null, slipping: false });
  });

  it('leaves clients without orders empty and skips orders linked to no client', () => {
    const rows = computeTracker(histories(2), [order({ date: AS_OF, amount: 5 })], [null], AS_OF, 60);
    for (const t of rows) {
      expect(t).toEqual({ firstOrder: null, lastOrder: null, orders: 0, revenue: 0, revenueKnown: true, fromOrders: false, daysSinceLastOrder: null, cold: false, medianGap: null, expectedOrder: null, slipping: false });
    }
    expect(computeTracker(histories(0), [], [], AS_OF, 60)).toEqual([]);
  });
});

describe('computeTracker over the history typed on the clients sheet', () => {
  const typed = (fields: Partial<TypedHistory>): TypedHistory => ({ ...NO_HISTORY, ...fields });
  /** The tracker's figures written back as the typed history, as the tracker columns hold them. */
  const writtenBack = (t: ReturnType<typeof computeTracker>[number]): TypedHistory => ({
    firstOrder: t.firstOrder,
    lastOrder: t.lastOrder,
    orders: t.orders,
    revenue: t.revenueKnown ? t.revenue : null,
  });

  it('uses typed dates, counts and revenue when the Orders sheet has nothing for the client', () => {
    const [t] = computeTracker([typed({ firstOrder: AS_OF - 400, lastOrder: AS_OF - 90, orders: 5, revenue: 50_000 })], [], [], AS_OF, 60);
    expect(t).toEqual({ firstOrder: AS_OF - 400, lastOrder: AS_OF - 90, orders: 5, revenue: 50_000, revenueKnown: true, fromOrders: false, daysSinceLastOrder: 90, cold: true, medianGap: null, expectedOrder: null, slipping: false });
  });

  it('takes a typed last order date alone as one order of unknown revenue, never as no sales', () => {
    const [t] = computeTracker([typed({ lastOrder: AS_OF - 10 })], [], [], AS_OF, 60);
    expect(t).toMatchObject({ firstOrder: AS_OF - 10, lastOrder: AS_OF - 10, orders: 1, revenueKnown: false, daysSinceLastOrder: 10, cold: false, medianGap: null, expectedOrder: null, slipping: false });
    const [two] = computeTracker([typed({ firstOrder: AS_OF - 30, lastOrder: AS_OF - 10 })], [], [], AS_OF, 60);
    expect(two.orders).toBe(2);
  });

  it('adds the orders after the typed last order date and counts those up to it once', () => {
    const history = typed({ lastOrder: AS_OF - 100, orders: 3, revenue: 3000 });
    const orders = [
      order({ date: AS_OF - 150, amount: 1000, number: 'A' }), // already in the typed figures
      order({ date: AS_OF - 20, amount: 500, number: 'B' }), // after them: added
      order({ date: AS_OF - 20, amount: 250, number: 'B' }), // a second line of B
    ];
    const [t] = computeTracker([history], orders, [0, 0, 0], AS_OF, 60);
    expect(t).toMatchObject({ firstOrder: null, lastOrder: AS_OF - 20, orders: 4, revenue: 3750, revenueKnown: true, fromOrders: true });
  });

  it('lets the Orders sheet win where it holds more than the typed figures up to their date', () => {
    const orders = [order({ date: AS_OF - 300, amount: 800 }), order({ date: AS_OF - 200, amount: 900 })];
    const [t] = computeTracker([typed({ lastOrder: AS_OF - 200, orders: 1, revenue: 500 })], orders, [0, 0], AS_OF, 60);
    expect(t).toMatchObject({ firstOrder: AS_OF - 300, orders: 2, revenue: 1700, revenueKnown: true });
  });

  it('is idempotent: its figures written back and tracked again give the same figures, with new orders counted once', () => {
    const orders = [order({ date: AS_OF - 50, amount: 100 }), order({ amount: 7 }), order({ date: AS_OF - 5, amount: 40 })];
    const histories = [typed({ lastOrder: AS_OF - 60, orders: 2 }), typed({ orders: 4, revenue: 10 }), typed({ firstOrder: AS_OF - 9 }), NO_HISTORY];
    const owners = [0, 1, 2, 3];
    for (let client = 0; client < histories.length; client++) {
      const linked = orders.map((_, i) => (owners[i % owners.length] === client ? client : null));
      const once = computeTracker(histories, orders, linked, AS_OF, 60);
      const twice = computeTracker(once.map(writtenBack), orders, linked, AS_OF, 60);
      expect(twice.map((t) => [t.firstOrder, t.lastOrder, t.orders, t.revenueKnown ? t.revenue : null])).toEqual(
        once.map((t) => [t.firstOrder, t.lastOrder, t.orders, t.revenueKnown ? t.revenue : null]),
      );
    }
  });

  it('ignores a typed date after the as-of date as a date, keeping the typed count', () => {
    const [t] = computeTracker([typed({ lastOrder: AS_OF + 30, orders: 2 })], [], [], AS_OF, 60);
    expect(t).toMatchObject({ lastOrder: null, orders: 2, daysSinceLastOrder: null, cold: false, medianGap: null, expectedOrder: null, slipping: false });
  });
});
