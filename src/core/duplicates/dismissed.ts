/**
 * "Not a duplicate" marks. They live in a sheet of their own («Не дубликаты» / "Not duplicates"), one
 * pair of client IDs per row, because the «Дубликаты» sheet is regenerated whole on every run and the
 * archive holds rows of another shape. The product only ever appends to this sheet, and reads it
 * forgivingly (either ID order, blank rows, repeated pairs, the user's own notes in other columns), so
 * re-running the search never brings a dismissed pair back. Pairs are named by client IDs, which stay
 * with a client when rows move; a client without an ID cannot be dismissed until it gets one.
 */
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import type { Plan } from '../../workbook/workbook';
import type { Client, Language } from '../model';
import { cellText } from '../normalise/text';

const SHEET_NAMES: Record<Language, string> = { ru: 'Не дубликаты', en: 'Not duplicates' };
const HEADER: Record<Language, string[]> = {
  ru: ['ID 1', 'ID 2', 'Клиент 1', 'Клиент 2', 'Дата'],
  en: ['ID 1', 'ID 2', 'Client 1', 'Client 2', 'Date'],
};

export function dismissedSheetName(language: Language): string {
  return SHEET_NAMES[language];
}

function findDismissedSheet(snapshot: WorkbookSnapshot) {
  const names = Object.values(SHEET_NAMES).map((n) => n.toLowerCase());
  return snapshot.sheets.find((s) => names.includes(s.name.trim().toLowerCase()));
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

/** The dismissed pairs of client IDs, as keys (see `pairKey`), from the first two columns of the sheet. */
export function readDismissedPairs(snapshot: WorkbookSnapshot): Set<string> {
  const pairs = new Set<string>();
  const sheet = findDismissedSheet(snapshot);
  for (const row of sheet?.rows ?? []) {
    const [a, b] = [cellText(row[0]), cellText(row[1])];
    if (a && b && a !== b) pairs.add(pairKey(a, b));
  }
  return pairs;
}

/** The dismissed pairs as pairs of indices into `clients` (clients without an ID take no part). */
export function dismissedIndexPairs(clients: readonly Client[], dismissed: ReadonlySet<string>): Array<[number, number]> {
  if (dismissed.size === 0) return [];
  const indicesById = new Map<string, number[]>();
  clients.forEach((client, index) => {
    if (client.id) indicesById.set(client.id, [...(indicesById.get(client.id) ?? []), index]);
  });
  const out: Array<[number, number]> = [];
  for (const key of dismissed) {
    const [a, b] = key.split('\u0000');
    for (const i of indicesById.get(a) ?? []) for (const j of indicesById.get(b) ?? []) out.push([i, j]);
  }
  return out;
}

export interface DismissReport {
  /** Pairs newly marked (pairs already marked are not written again). */
  added: number;
}

/**
 * Mark every pair among `clients` (a group the user says is not one client, or just two of them) as
 * "not a duplicate". `date` is written as the day of the decision.
 */
export function planDismiss(snapshot: WorkbookSnapshot, clients: ReadonlyArray<{ id: string; name: string }>, language: Language, date: Date): Plan<DismissReport> {
  const known = readDismissedPairs(snapshot);
  const rows: Array<Array<string | Date>> = [];
  for (let a = 0; a < clients.length; a++) {
    for (let b = a + 1; b < clients.length; b++) {
      const [x, y] = [clients[a], clients[b]];
      if (!x.id || !y.id || x.id === y.id || known.has(pairKey(x.id, y.id))) continue;
      known.add(pairKey(x.id, y.id));
      rows.push([x.id, y.id, x.name, y.name, date]);
    }
  }
  if (rows.length === 0) return { operations: [], report: { added: 0 } };
  const sheet = findDismissedSheet(snapshot)?.name ?? dismissedSheetName(language);
  return {
    operations: [
      { kind: 'ensureSheet', sheet, header: HEADER[language] },
      { kind: 'appendRows', sheet, rows, numberFormats: ['@', '@', null, null, 'dd.mm.yyyy'] },
    ],
    report: { added: rows.length },
  };
}
