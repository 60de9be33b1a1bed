/**
 * A client's timeline, newest first: the contacts and status moves of the history sheet, the orders of the
 * Orders sheet, and the last order typed on the clients sheet when no recorded order is of that day.
 */
import type { Base } from './base';
import { historyNames, type ContactKind, type HistoryEntry } from './contact-history';
import { dayToIso } from './normalise/date';

export type TimelineType = 'contact' | 'status' | 'order' | 'typedOrder';

export interface TimelineEntry {
  type: TimelineType;
  /** `yyyy-mm-dd`, or `yyyy-mm-ddThh:mm` for a logged moment; null when undated. */
  when: string | null;
  /** contact: the kind as the sheet has it (звонок…); status: «from → to»; order: the service. */
  title: string;
  /** contact: the kind the sheet's word names, null for a word of the user's own (then `title` says it). */
  kind: ContactKind | null;
  /** contact: the result; order: the order number. */
  detail: string;
  nextStep: string;
  /** `yyyy-mm-dd`. */
  nextContact: string | null;
  manager: string;
  /** order: the amount, when known. */
  amount: number | null;
  /** The row on its sheet (history, orders, clients). */
  row: number;
}

function momentIso(when: Date | null): string | null {
  if (!when) return null;
  const iso = when.toISOString();
  return iso.slice(11, 16) === '00:00' ? iso.slice(0, 10) : iso.slice(0, 16);
}

/** The entries of the client at `index` of `base.clients`, newest first (undated last). */
export function clientTimeline(base: Base, history: readonly HistoryEntry[], index: number): TimelineEntry[] {
  const client = base.clients[index];
  const entries: TimelineEntry[] = [];
  for (const entry of history) {
    if (!historyNames(entry, client)) continue;
    const status = entry.kind === 'status';
    entries.push({
      type: status ? 'status' : 'contact',
      when: momentIso(entry.when),
      title: status ? entry.result : entry.kindText,
      kind: status ? null : entry.kind,
      detail: status ? '' : entry.result,
      nextStep: entry.nextStep,
      nextContact: entry.nextContact === null ? null : dayToIso(entry.nextContact),
      manager: entry.manager,
      amount: null,
      row: entry.row,
    });
  }
  const orderDays = new Set<number>();
  base.orderClient.forEach((link, i) => {
    if (link !== index) return;
    const order = base.orders[i];
    if (order.date !== null) orderDays.add(order.date);
    entries.push({
      type: 'order',
      when: order.date === null ? null : dayToIso(order.date),
      title: order.service,
      kind: null,
      detail: order.number,
      nextStep: '',
      nextContact: null,
      manager: order.manager,
      amount: order.amount,
      row: order.row,
    });
  });
  const typed = client.history.lastOrder;
  if (typed !== null && !orderDays.has(typed)) {
    entries.push({ type: 'typedOrder', when: dayToIso(typed), title: '', kind: null, detail: '', nextStep: '', nextContact: null, manager: client.manager, amount: null, row: client.row });
  }
  return entries.sort((a, b) => (a.when === null ? 1 : 0) - (b.when === null ? 1 : 0) || (b.when ?? '').localeCompare(a.when ?? '') || b.row - a.row);
}
