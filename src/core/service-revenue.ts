/**
 * Revenue per service, the input of the ABC analysis over services. Orders are matched to services by
 * the comparable form of the name (case, spaces, quotes, ё/е). A service named in orders but missing
 * from the services sheet still gets its revenue (after the listed services, in order of first
 * appearance; the data check reports the unknown name). Orders without a service, and orders dated after
 * the as-of date (see tracker.ts), are left out.
 */
import type { DayNumber, Order } from './model';
import { normaliseText } from './normalise/text';
import { cleanSum } from './tracker';

export interface ServiceRevenue {
  name: string;
  /** Listed on the services sheet. */
  listed: boolean;
  /** Order lines. */
  lines: number;
  revenue: number;
}

export function revenueByService(serviceNames: readonly string[], orders: readonly Order[], asOf: DayNumber): ServiceRevenue[] {
  const byKey = new Map<string, ServiceRevenue>();
  for (const name of serviceNames) {
    const key = normaliseText(name);
    if (key !== '' && !byKey.has(key)) byKey.set(key, { name: name.trim(), listed: true, lines: 0, revenue: 0 });
  }
  // A base names a few dozen services over a million lines: each spelling is normalised once.
  const keyOfText = new Map<string, string>();
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i];
    if (order.date !== null && order.date > asOf) continue;
    let key = keyOfText.get(order.service);
    if (key === undefined) {
      key = normaliseText(order.service);
      keyOfText.set(order.service, key);
    }
    if (key === '') continue;
    let item = byKey.get(key);
    if (!item) {
      item = { name: order.service.trim(), listed: false, lines: 0, revenue: 0 };
      byKey.set(key, item);
    }
    item.lines++;
    if (order.amount !== null) item.revenue += order.amount;
  }
  return [...byKey.values()].map((item) => ({ ...item, revenue: cleanSum(item.revenue) }));
}
