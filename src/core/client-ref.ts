/**
 * How the product names a client in reports, archives and the panel: its ID, or `row:13` for a row whose
 * ID cell is empty (a base not structured yet).
 */
import type { Client } from './model';

const ROW_REF = /^row:(\d+)$/;

export function clientRef(client: Pick<Client, 'id' | 'row'>): string {
  return client.id ?? `row:${client.row}`;
}

/** The row a `row:N` reference names; null for an ID. */
export function rowOfRef(ref: string): number | null {
  const match = ROW_REF.exec(ref);
  return match ? Number(match[1]) : null;
}
