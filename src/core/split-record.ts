/**
 * The split record: a hidden sheet in each manager's file that `crm-base split` writes, holding the
 * manager's clients, orders and history rows as they were at the split. The merge compares three values
 * of every cell — at the split (here), in the main book now, in the manager's file now — to tell who
 * changed what, and counts an order or a history row as new only when it was not here.
 *
 * Row 1 says what the sheet is; then one row per record, its first cell the record's kind and the rest
 * the row's cells as they were. Each table's header is kept as JSON text in one cell, so no row of this
 * sheet looks like a header to the layout finder (layout.ts) when the file is read as a base.
 */
import type { CellValue, WorkbookSnapshot } from '../workbook/snapshot';
import { cellText } from './normalise/text';

/** The record sheet's name: not a name a user gives a sheet, and the same in both languages. */
export const SPLIT_RECORD_SHEET = '_crm_split';
const MARK = 'crm-base split';
const FORMAT_VERSION = '1';

/** The three tables the record keeps: the clients sheet, the orders sheet, the history sheet. */
export const RECORD_TABLES = ['clients', 'orders', 'history'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

export interface RecordedTable {
  /** The header texts as the split wrote them (the user's own, trimmed). */
  header: string[];
  rows: CellValue[][];
}

export interface SplitRecord {
  /** The manager as typed in the base; '' for the clients with no manager. */
  manager: string;
  /** When the split was made (the snapshot's wall-clock convention). */
  splitAt: Date | null;
  tables: Partial<Record<RecordTable, RecordedTable>>;
}

const HEADER_SUFFIX = '-header';

/** The record sheet's header and rows. */
export function recordTable(record: SplitRecord): { header: string[]; rows: CellValue[][] } {
  const rows: CellValue[][] = [];
  for (const name of RECORD_TABLES) {
    const table = record.tables[name];
    if (!table) continue;
    rows.push([`${name}${HEADER_SUFFIX}`, JSON.stringify(table.header)]);
    for (const row of table.rows) rows.push([name, ...row]);
  }
  const at = record.splitAt ? record.splitAt.toISOString() : '';
  return { header: [MARK, FORMAT_VERSION, record.manager, at], rows };
}

function parseHeader(text: CellValue | undefined): string[] | null {
  try {
    const parsed: unknown = JSON.parse(cellText(text ?? null));
    return Array.isArray(parsed) && parsed.every((cell) => typeof cell === 'string') ? (parsed as string[]) : null;
  } catch {
    return null;
  }
}

/** The record of a file `crm-base split` wrote, or null when the workbook has none (or one it cannot read). */
export function readSplitRecord(snapshot: WorkbookSnapshot): SplitRecord | null {
  const sheet = snapshot.sheets.find((s) => s.name === SPLIT_RECORD_SHEET);
  if (!sheet || cellText(sheet.header[0] ?? null) !== MARK || cellText(sheet.header[1] ?? null) !== FORMAT_VERSION) return null;
  const when = new Date(cellText(sheet.header[3] ?? null));
  const record: SplitRecord = { manager: cellText(sheet.header[2] ?? null), splitAt: Number.isNaN(when.getTime()) ? null : when, tables: {} };
  for (const row of sheet.rows) {
    const kind = cellText(row[0] ?? null);
    const name = RECORD_TABLES.find((table) => kind === table || kind === `${table}${HEADER_SUFFIX}`);
    if (!name) continue;
    if (kind.endsWith(HEADER_SUFFIX)) {
      const header = parseHeader(row[1]);
      if (!header) return null;
      record.tables[name] = { header, rows: [] };
    } else {
      const table = record.tables[name];
      if (!table) return null;
      table.rows.push(row.slice(1));
    }
  }
  return record.tables.clients ? record : null;
}
