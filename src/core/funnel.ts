/**
 * The funnel report: clients per funnel status (all ten, in funnel order, then statuses the product
 * does not know and empty ones), per city (normalised: МСК and Москва are one) and per industry.
 */
import type { Client } from './model';
import { FUNNEL_STATUSES, findStatus, type FunnelStatusKey } from './statuses';
import { tallyValues, type Tally } from './tally';

export interface StatusCount {
  key: FunnelStatusKey;
  clients: number;
}

export interface FunnelReport {
  total: number;
  /** The ten statuses in funnel order, zero counts included. */
  statuses: StatusCount[];
  /** Status cells naming no known status. */
  unknownStatus: number;
  emptyStatus: number;
  /** Per normalised city; label '' is the clients without a city. */
  cities: Tally[];
  /** Per industry; label '' is the clients without one. */
  industries: Tally[];
}

export type FunnelFacts = Pick<Client, 'status' | 'cityNormalised' | 'industry'>;

export function computeFunnel(clients: readonly FunnelFacts[]): FunnelReport {
  const perStatus = new Map<FunnelStatusKey, number>(FUNNEL_STATUSES.map((s) => [s.key, 0]));
  let unknownStatus = 0;
  let emptyStatus = 0;
  for (const client of clients) {
    if (client.status.trim() === '') {
      emptyStatus++;
      continue;
    }
    const status = findStatus(client.status);
    if (status) perStatus.set(status.key, (perStatus.get(status.key) ?? 0) + 1);
    else unknownStatus++;
  }
  return {
    total: clients.length,
    statuses: FUNNEL_STATUSES.map((s) => ({ key: s.key, clients: perStatus.get(s.key) ?? 0 })),
    unknownStatus,
    emptyStatus,
    cities: tallyValues(clients.map((c) => c.cityNormalised)),
    industries: tallyValues(clients.map((c) => c.industry)),
  };
}
