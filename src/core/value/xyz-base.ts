/**
 * XYZ over a base: clients by the orders linked to them, services by the orders naming them (matched as
 * service-revenue.ts matches them: by the comparable form of the name). The limits are the settings'.
 */
import type { Base } from '../base';
import type { DayNumber } from '../model';
import { normaliseText } from '../normalise/text';
import type { ServiceRevenue } from '../service-revenue';
import { classifyXyz, monthlyRevenue, type XyzResult } from './xyz';

export function xyzOfBase(base: Base, services: readonly ServiceRevenue[], asOf: DayNumber): { xyz: XyzResult; servicesXyz: XyzResult } {
  const { orders, orderClient, settings } = base;
  const clientRevenue = monthlyRevenue(base.clients.length, asOf, orders.length, (i) => ({ day: orders[i].date, amount: orders[i].amount, group: orderClient[i] }));
  const serviceIndex = new Map<string, number>(services.map((service, i) => [normaliseText(service.name), i]));
  // A base names a few dozen services over a million lines: each spelling is looked up once.
  const indexOfText = new Map<string, number | null>();
  const serviceOf = (text: string): number | null => {
    let index = indexOfText.get(text);
    if (index === undefined) {
      index = serviceIndex.get(normaliseText(text)) ?? null;
      indexOfText.set(text, index);
    }
    return index;
  };
  const serviceRevenue = monthlyRevenue(services.length, asOf, orders.length, (i) => ({ day: orders[i].date, amount: orders[i].amount, group: serviceOf(orders[i].service) }));
  return {
    xyz: classifyXyz(clientRevenue, settings.xyzX, settings.xyzY),
    servicesXyz: classifyXyz(serviceRevenue, settings.xyzX, settings.xyzY),
  };
}
