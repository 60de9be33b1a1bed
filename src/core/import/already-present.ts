/**
 * Which lines of an import the Orders sheet already holds, so importing the same export twice — or next
 * month's export that repeats the last days — adds only what is new and never doubles a client's revenue.
 *
 * A line with an order number is present when the sheet has that number for the same client on the same
 * date (the lines of one order share its number, so all of them are). The same number for another
 * client, or for the same client on another date, is a conflict: the line is imported and reported with
 * the reason, never dropped in silence. A line without a number is matched by its fingerprint — date,
 * client, amount, service — counted: the n-th identical line of the file is present when the sheet holds
 * that line at least n times, so two real identical purchases are both kept.
 */
import type { DayNumber } from '../model';

export interface OrderLineIdentity {
  date: DayNumber | null;
  /** Who the line is for: the same key for a client wherever the line comes from ('' for nobody). */
  client: string;
  amount: number | null;
  /** Normalised service name. */
  service: string;
  /** Trimmed order number ('' when none). */
  number: string;
}

/** An incoming line whose order number the sheet has for another client or on another date. */
export interface NumberConflict {
  /** Index of the incoming line. */
  line: number;
  reason: 'client' | 'date';
  /** For `date`: a date the sheet has the number on for this client (null: undated there). */
  heldDate: DayNumber | null;
}

export interface Presence {
  /** Per incoming line: the sheet already holds it. */
  present: boolean[];
  /** Incoming lines whose order number the sheet has otherwise (imported, and reported). */
  conflicts: NumberConflict[];
}

function fingerprint(line: OrderLineIdentity): string {
  const amount = line.amount === null ? '' : line.amount.toFixed(2);
  return `${line.date ?? ''}\u0000${line.client}\u0000${amount}\u0000${line.service}`;
}

export function linesAlreadyPresent(existing: readonly OrderLineIdentity[], incoming: readonly OrderLineIdentity[]): Presence {
  /** Per order number, per client, the dates the sheet has it on. */
  const numbers = new Map<string, Map<string, Set<DayNumber | null>>>();
  const held = new Map<string, number>();
  for (const line of existing) {
    if (line.number) {
      const clients = numbers.get(line.number) ?? new Map<string, Set<DayNumber | null>>();
      const dates = clients.get(line.client) ?? new Set<DayNumber | null>();
      dates.add(line.date);
      clients.set(line.client, dates);
      numbers.set(line.number, clients);
    } else {
      const key = fingerprint(line);
      held.set(key, (held.get(key) ?? 0) + 1);
    }
  }
  const seen = new Map<string, number>();
  const present = new Array<boolean>(incoming.length).fill(false);
  const conflicts: NumberConflict[] = [];
  incoming.forEach((line, i) => {
    if (line.number) {
      const clients = numbers.get(line.number);
      if (!clients) return;
      const dates = clients.get(line.client);
      if (dates?.has(line.date)) present[i] = true;
      else if (dates) conflicts.push({ line: i, reason: 'date', heldDate: dates.values().next().value ?? null });
      else conflicts.push({ line: i, reason: 'client', heldDate: null });
      return;
    }
    const key = fingerprint(line);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    present[i] = n <= (held.get(key) ?? 0);
  });
  return { present, conflicts };
}
