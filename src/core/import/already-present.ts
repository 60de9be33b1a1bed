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

/**
 * `incoming(i)` gives the i-th of `count` incoming lines. Each is made when it is looked at and dropped
 * after: a million of them at once took 200 MB at the peak of an import.
 */
export function linesAlreadyPresent(existing: readonly OrderLineIdentity[], count: number, incoming: (line: number) => OrderLineIdentity): Presence {
  const present = new Array<boolean>(count).fill(false);
  const conflicts: NumberConflict[] = [];
  // A sheet with no lines holds none of them (the first import into a new base).
  if (existing.length === 0) return { present, conflicts };
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
  for (let i = 0; i < count; i++) {
    const line = incoming(i);
    if (line.number) {
      const clients = numbers.get(line.number);
      if (!clients) continue;
      const dates = clients.get(line.client);
      if (dates?.has(line.date)) present[i] = true;
      else if (dates) conflicts.push({ line: i, reason: 'date', heldDate: dates.values().next().value ?? null });
      else conflicts.push({ line: i, reason: 'client', heldDate: null });
      continue;
    }
    const key = fingerprint(line);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    present[i] = n <= (held.get(key) ?? 0);
  }
  return { present, conflicts };
}
