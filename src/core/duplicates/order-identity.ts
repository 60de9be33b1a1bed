/**
 * Which order a line of the orders sheet is, wherever it stands: a merge archives the orders it
 * re-points by identity, not by row number, so its undo finds them after the user sorted the sheet or
 * added and deleted rows.
 *
 * The identity is the order number when the line has one, else a fingerprint: date, client ID, amount,
 * service. Lines with the same identity (the lines of a multi-line order, or identical lines) are told
 * apart by their occurrence, `[k/n]`: the k-th of n such lines, in sheet order. The text is readable in
 * the archive (`№ 1024 [1/1]`, `12.03.2024 · К-00001 · 1500 · Стрижка [2/2]`).
 */
import type { CellValue } from '../../workbook/snapshot';
import type { ColumnMap, Order, OrderField } from '../model';
import { dayToDate } from '../normalise/date';
import { cellText } from '../normalise/text';

export interface OrderIdentity {
  key: string;
  occurrence: number;
  total: number;
}

const NUMBER_MARK = '№ ';

/**
 * The identity key of an order line as it would be with `clientId` in its client-ID cell. Dates and
 * amounts are taken as read (so `1500` and `1 500,00 ₽` agree), else as the text typed.
 */
export function orderKey(order: Order, cells: readonly CellValue[], columns: ColumnMap<OrderField>, clientId: string): string {
  if (order.number) return `${NUMBER_MARK}${order.number}`;
  const typed = (field: OrderField) => (columns[field] === undefined ? '' : cellText(cells[columns[field]!]));
  const date = order.date === null ? typed('date') : cellText(dayToDate(order.date));
  const amount = order.amount === null ? typed('amount') : String(order.amount);
  return [date, clientId, amount, order.service].map((part) => part || '—').join(' · ');
}

/** True for the key of a line that has an order number (its lines may belong to different clients). */
export function isNumberKey(key: string): boolean {
  return key.startsWith(NUMBER_MARK);
}

/** The identity of each line, given the keys of all lines in sheet order. */
export function identities(keys: readonly string[]): OrderIdentity[] {
  const totals = new Map<string, number>();
  for (const key of keys) totals.set(key, (totals.get(key) ?? 0) + 1);
  const seen = new Map<string, number>();
  return keys.map((key) => {
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    return { key, occurrence, total: totals.get(key)! };
  });
}

export function identityText(identity: OrderIdentity): string {
  return `${identity.key} [${identity.occurrence}/${identity.total}]`;
}

/** The identity written by `identityText`; null for anything else (an archive written before identities). */
export function parseIdentity(text: string): OrderIdentity | null {
  const match = /^(.+) \[(\d+)\/(\d+)\]$/su.exec(text);
  return match ? { key: match[1], occurrence: Number(match[2]), total: Number(match[3]) } : null;
}
