/**
 * Status changes typed by hand in the clients sheet, found on the next read: a client whose status cell
 * differs from the `to` of the latest status row the history holds for them gets a «from → to» row of
 * kind «статус», marked as seen in the table. The real moment of such a change is unknown, so the row's
 * moment is the run's and its result says so; the client's status cell is only read, never written.
 *
 * Baseline: a client with no status row in the history yet gets nothing. The history knows a client's
 * status from the first move made through the product (or the first row typed in the history by hand);
 * a first run over a big base therefore adds no rows at all instead of one per client.
 */
import type { Client, Language } from './model';
import { clientHistoryRow, type HistoryEntry, type HistoryRow } from './contact-history';
import { findStatus } from './statuses';
import { memoised } from './memoised';

const ARROW = ' → ';
/** What ends the result of a row this module writes, in either language. */
export const SEEN_NOTES: Record<Language, string> = {
  ru: ' (замечено в таблице при анализе; когда изменён статус, неизвестно)',
  en: ' (seen in the table by the analysis; when the status changed is unknown)',
};
/** What a status row writes for an empty status. */
const EMPTY_STATUS = '—';

/** A status move as a history row records it: statuses as written, '' for an empty one. */
export interface StatusMove {
  from: string;
  to: string;
  /** The row was written by the diff: its moment is when the change was seen, not when it was made. */
  seen: boolean;
}

/** The move a status row's result names («Белый → Серый», a seen note stripped); null when it names none. */
export function parseStatusMove(result: string): StatusMove | null {
  let text = result;
  const note = Object.values(SEEN_NOTES).find((n) => text.endsWith(n));
  if (note) text = text.slice(0, -note.length);
  const at = text.lastIndexOf(ARROW);
  if (at < 0) return null;
  const side = (s: string) => (s.trim() === EMPTY_STATUS ? '' : s.trim());
  return { from: side(text.slice(0, at)), to: side(text.slice(at + ARROW.length)), seen: note !== undefined };
}

/**
 * `parseStatusMove` remembering each result it has read: a history holds few distinct «from → to» texts,
 * so a big one is parsed once per text, not once per row.
 */
export function statusMoveReader(): (result: string) => StatusMove | null {
  return memoised(parseStatusMove);
}

/** One status as a comparable key: a funnel status by its key (any language, any case), any other text trimmed. */
export function statusKey(status: string): string {
  return findStatus(status)?.key ?? status.trim();
}

/** The latest status row and its move, by moment (an unreadable moment is the earliest), a tie to the lower row. */
interface LastMove {
  entry: HistoryEntry;
  move: StatusMove;
}

function later(a: LastMove | undefined, b: LastMove): LastMove {
  if (!a) return b;
  const time = (m: LastMove) => m.entry.when?.getTime() ?? -Infinity;
  return time(b) > time(a) || (time(b) === time(a) && b.entry.row > a.entry.row) ? b : a;
}

/** The status rows of the history with their moves, keyed as `historyNames` matches them: by ID, else by name. */
function lastMoves(history: readonly HistoryEntry[]): { byId: Map<string, LastMove>; byName: Map<string, LastMove> } {
  const byId = new Map<string, LastMove>();
  const byName = new Map<string, LastMove>();
  const read = statusMoveReader();
  for (const entry of history) {
    if (entry.kind !== 'status') continue;
    const move = read(entry.result);
    if (!move) continue;
    const map = entry.clientId ? byId : byName;
    const key = entry.clientId || entry.client;
    map.set(key, later(map.get(key), { entry, move }));
  }
  return { byId, byName };
}

/**
 * The history rows for the status changes seen in the sheet: one per client whose status cell differs
 * from the `to` of their latest status row; none for a client the history has no status row for.
 */
export function seenStatusRows(clients: readonly Client[], history: readonly HistoryEntry[], now: Date, language: Language): HistoryRow[] {
  const { byId, byName } = lastMoves(history);
  const rows: HistoryRow[] = [];
  /** A status as the row writes it: a funnel status in the workbook's language, «—» for an empty one. */
  const written = memoised((status) => (status.trim() ? (findStatus(status)?.[language] ?? status.trim()) : EMPTY_STATUS));
  const keyOf = memoised(statusKey);
  for (const client of clients) {
    let last = client.id ? byId.get(client.id) : undefined;
    const unnamed = byName.get(client.name);
    if (unnamed) last = later(last, unnamed);
    if (!last || keyOf(last.move.to) === keyOf(client.status)) continue;
    rows.push(clientHistoryRow(client, now, 'status', `${written(last.move.to)}${ARROW}${written(client.status)}${SEEN_NOTES[language]}`));
  }
  return rows;
}
