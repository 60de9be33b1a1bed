/**
 * Which lines of an import the Orders sheet already holds, so importing the same export twice — or next
 * month's export that repeats the last days — adds only what is new and never doubles a client's revenue.
 *
 * A line with an order number is present when the sheet has that number for the same client (the lines
 * of one order share its number, so all of them are). The same number for another client is a conflict:
 * the line is imported and reported, never dropped in silence. A line without a number is matched by its
 * fingerprint — date, client, amount, service — counted: the n-th identical line of the file is present
 * when the sheet holds that line at least n times, so two real identical purchases are both kept.
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

export interface Presence {
  /** Per incoming line: the sheet already holds it. */
  present: boolean[];
  /** Incoming lines whose order number the sheet has for another client (imported, and reported). */
  conflicts: number[];
}

function fingerprint(line: OrderLineIdentity): string {
  const amount = line.amount === null ? '' : line.amount.toFixed(2);
  return `${line.date ?? ''}\u0000${line.client}\u0000${amount}\u0000${line.service}`;
}

export function linesAlreadyPresent(existing: readonly OrderLineIdentity[], incoming: readonly OrderLineIdentity[]): Presence {
  const clientsOfNumber = new Map<string, Set<string>>();
  const held = new Map<string, number>();
  for (const line of existing) {
    if (line.number) {
      const clients = clientsOfNumber.get(line.number) ?? new Set<string>();
      clients.add(line.client);
      clientsOfNumber.set(line.number, clients);
    } else {
      const key = fingerprint(line);
      held.set(key, (held.get(key) ?? 0) + 1);
    }
  }
  const seen = new Map<string, number>();
  const present = new Array<boolean>(incoming.length).fill(false);
  const conflicts: number[] = [];
  incoming.forEach((line, i) => {
    if (line.number) {
      const clients = clientsOfNumber.get(line.number);
      if (clients?.has(line.client)) present[i] = true;
      else if (clients) conflicts.push(i);
      return;
    }
    const key = fingerprint(line);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    present[i] = n <= (held.get(key) ?? 0);
  });
  return { present, conflicts };
}
