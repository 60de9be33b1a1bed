import type { Order } from '../model';
import { computeClientValue, repeatSummary } from '../value/client-value';

function order(date: number | null, amount: number | null): Order {
  return { row: 2, date, clientId: '', client: '', service: '', amount, number: '', manager: '', comment: '' };
}

describe('the repeat-buying summary', () => {
  it('counts order days, not lines; the first day is left out of the mean value; later and undated orders are ignored', () => {
    const orders = [order(10, 5), order(10, 7), order(20, 10), order(40, 30), order(60, 1000), order(null, 1000), order(45, 8), order(30, 1)];
    const summary = repeatSummary(orders, [0, 0, 0, 0, 0, 0, 1, null], 3, 50);
    // Client 0: days 10, 20, 40 → x = 2, t_x = 30, T = 40, m = (10 + 30)/2.
    expect([summary.x[0], summary.tx[0], summary.T[0], summary.m[0]]).toEqual([2, 30, 40, 20]);
    expect([summary.x[1], summary.tx[1], summary.T[1], summary.m[1]]).toEqual([0, 0, 5, 0]);
    expect(Number.isNaN(summary.x[2])).toBe(true);
  });
  it('gives no figures when too few clients bought again to fit the model on', () => {
    const summary = repeatSummary([order(10, 5), order(20, 5)], [0, 0], 2, 50);
    const value = computeClientValue(summary, 0.01);
    expect(value.bgNbd).toBeNull();
    expect(value.pAlive).toEqual([null, null]);
  });
});
