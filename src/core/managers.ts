/**
 * The manager load report: per manager, clients, active clients (with orders and not cold), cold ones,
 * clients without orders and revenue; a manager is over the limit when the number of ACTIVE clients
 * exceeds `managerLimit` (Settings: "a manager with more active clients than this") — cold and
 * order-less clients need no regular work, so they do not load a manager. Also the list of cold
 * clients, the candidates to reassign, longest silent first.
 * A client whose orders all lack a date is active: it has orders and cannot be shown to be cold.
 */
import type { Client } from './model';
import { normaliseText } from './normalise/text';
import type { TrackerRow } from './tracker';
import { cleanSum } from './tracker';

export interface ManagerLoad {
  /** The manager as first spelled in the sheet; '' for the clients without a manager. */
  manager: string;
  clients: number;
  active: number;
  cold: number;
  withoutOrders: number;
  revenue: number;
  overLimit: boolean;
}

export interface ColdClient {
  row: number;
  id: string | null;
  name: string;
  manager: string;
  daysSinceLastOrder: number;
  revenue: number;
}

export interface ManagerReport {
  limit: number;
  /** Alphabetical, the clients without a manager last. */
  managers: ManagerLoad[];
  /** Longest since the last order first, then sheet order. */
  coldClients: ColdClient[];
}

export type ManagerFacts = Pick<Client, 'row' | 'id' | 'name' | 'manager'>;

export function computeManagerLoad(
  clients: readonly ManagerFacts[],
  tracker: readonly TrackerRow[],
  limit: number,
): ManagerReport {
  const loads = new Map<string, ManagerLoad>();
  const coldClients: ColdClient[] = [];
  clients.forEach((client, i) => {
    const key = normaliseText(client.manager);
    let load = loads.get(key);
    if (!load) {
      load = { manager: key === '' ? '' : client.manager.trim(), clients: 0, active: 0, cold: 0, withoutOrders: 0, revenue: 0, overLimit: false };
      loads.set(key, load);
    }
    const t = tracker[i];
    load.clients++;
    load.revenue += t.revenue;
    if (t.orders === 0) load.withoutOrders++;
    else if (t.cold) {
      load.cold++;
      coldClients.push({
        row: client.row,
        id: client.id,
        name: client.name,
        manager: load.manager,
        daysSinceLastOrder: t.daysSinceLastOrder as number,
        revenue: t.revenue,
      });
    } else load.active++;
  });
  const managers = [...loads.values()]
    .map((load) => ({ ...load, revenue: cleanSum(load.revenue), overLimit: load.active > limit }))
    .sort((a, b) => Number(a.manager === '') - Number(b.manager === '') || a.manager.localeCompare(b.manager, 'ru'));
  coldClients.sort((a, b) => b.daysSinceLastOrder - a.daysSinceLastOrder || a.row - b.row);
  return { limit, managers, coldClients };
}
