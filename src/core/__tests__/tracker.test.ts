import type { Order } from '../model';
import { computeTracker } from '../tracker';

function order(partial: Partial<Order>): Order {
  return { row: 2, date: null, clientId: '', client: '', service: '', amount: null, number: '', manager: '', comment: '', ...partial };
}

const AS_OF = 20_000;

describe('computeTracker', () => {
  it('gives first/last order, orders, revenue and days per client', () => {
    const orders = [order({ date: 19_900, amount: 100 }), order({ date: 19_950, amount: 50 }), order({ date: 19_990, amount: 10 })];
    const [a, b] = computeTracker(2, orders, [0, 0, 1], AS_OF, 60);
    expect(a).toEqual({ firstOrder: 19_900, lastOrder: 19_950, orders: 2, revenue: 150, daysSinceLastOrder: 50, cold: false });
    expect(b).toEqual({ firstOrder: 19_990, lastOrder: 19_990, orders: 1, revenue: 10, daysSinceLastOrder: 10, cold: false });
  });

  it('counts distinct order numbers, plus one per row without a number', () => {
    const orders = [
      order({ number: 'N-1', amount: 10 }),
      order({ number: ' N-1 ', amount: 20 }), // a second line of the same order
      order({ number: 'N-2', amount: 30 }),
      order({ number: '', amount: 1 }),
      order({ number: '', amount: 1 }),
    ];
    const [t] = computeTracker(1, orders, [0, 0, 0, 0, 0], AS_OF, 60);
    expect(t.orders).toBe(4);
    expect(t.revenue).toBe(62);
  });

  it('counts the same order number under two clients once for each', () => {
    const orders = [order({ number: '7' }), order({ number: '7' }), order({ number: '7' }), order({ number: '7' })];
    const rows = computeTracker(3, orders, [0, 1, 0, 1], AS_OF, 60);
    expect(rows.map((r) => r.orders)).toEqual([1, 1, 0]);
    const adjacent = computeTracker(2, [order({ number: '7' }), order({ number: '7' }), order({ number: '7' }), order({ number: '8' }), order({ number: '7' })], [0, 0, 1, 1, 0], AS_OF, 60);
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
    expect(computeTracker(2, orders, owners, AS_OF, 60).map((r) => r.orders)).toEqual([10, 3]);
  });

  it('sums negative amounts (returns), treats empty amounts as 0, and removes floating-point noise', () => {
    const orders = [order({ amount: 100 }), order({ amount: null }), order({ amount: -30 }), order({ amount: 0.1 }), order({ amount: 0.2 })];
    const [t] = computeTracker(1, orders, [0, 0, 0, 0, 0], AS_OF, 60);
    expect(t.orders).toBe(5);
    expect(t.revenue).toBe(70.3);
    const [returned] = computeTracker(1, [order({ amount: 50 }), order({ amount: -50 })], [0, 0], AS_OF, 60);
    expect(Object.is(returned.revenue, 0)).toBe(true);
  });

  it('gives equal revenue for the same amounts in any order, exactly, keeping sub-kopeck amounts', () => {
    const amounts = [0.1, 0.2, 0.3, 1e8, 0.7, -1e8, 19.99];
    const forward = computeTracker(1, amounts.map((amount) => order({ amount })), amounts.map(() => 0), AS_OF, 60)[0].revenue;
    const backward = computeTracker(1, [...amounts].reverse().map((amount) => order({ amount })), amounts.map(() => 0), AS_OF, 60)[0].revenue;
    expect(forward).toBe(21.29);
    expect(backward).toBe(21.29);
    const [precise] = computeTracker(1, [order({ amount: 0.125 }), order({ amount: 0.125 }), order({ amount: 0.0005 })], [0, 0, 0], AS_OF, 60);
    expect(precise.revenue).toBe(0.2505);
  });

  it('is cold at exactly the threshold, not a day before', () => {
    const orders = [order({ date: AS_OF - 60 }), order({ date: AS_OF - 59 })];
    const [at, before] = computeTracker(2, orders, [0, 1], AS_OF, 60);
    expect(at.daysSinceLastOrder).toBe(60);
    expect(at.cold).toBe(true);
    expect(before.cold).toBe(false);
  });

  it('counts an order on the as-of date and ignores orders after it', () => {
    const orders = [order({ date: AS_OF - 100, amount: 5 }), order({ date: AS_OF, amount: 7 }), order({ date: AS_OF + 1, amount: 1000, number: 'X' })];
    const [t] = computeTracker(1, orders, [0, 0, 0], AS_OF, 60);
    expect(t).toEqual({ firstOrder: AS_OF - 100, lastOrder: AS_OF, orders: 2, revenue: 12, daysSinceLastOrder: 0, cold: false });
    const [onlyFuture] = computeTracker(1, [order({ date: AS_OF + 5, amount: 9 })], [0], AS_OF, 60);
    expect(onlyFuture).toEqual({ firstOrder: null, lastOrder: null, orders: 0, revenue: 0, daysSinceLastOrder: null, cold: false });
  });

  it('counts undated orders for orders and revenue but not for the dates', () => {
    const [t] = computeTracker(1, [order({ amount: 40 }), order({ date: AS_OF - 70, amount: 2 })], [0, 0], AS_OF, 60);
    expect(t).toEqual({ firstOrder: AS_OF - 70, lastOrder: AS_OF - 70, orders: 2, revenue: 42, daysSinceLastOrder: 70, cold: true });
    const [undatedOnly] = computeTracker(1, [order({ amount: 40 })], [0], AS_OF, 60);
    expect(undatedOnly).toEqual({ firstOrder: null, lastOrder: null, orders: 1, revenue: 40, daysSinceLastOrder: null, cold: false });
  });

  it('leaves clients without orders empty and skips orders linked to no client', () => {
    const rows = computeTracker(2, [order({ date: AS_OF, amount: 5 })], [null], AS_OF, 60);
    for (const t of rows) {
      expect(t).toEqual({ firstOrder: null, lastOrder: null, orders: 0, revenue: 0, daysSinceLastOrder: null, cold: false });
    }
    expect(computeTracker(0, [], [], AS_OF, 60)).toEqual([]);
  });
});
