/**
 * "Fix formats": dates and amounts typed as text made real, so sorting, filters and the host's own
 * validation work. Every date column (first contact, first and last order, birthday, next contact, the
 * order date) and every amount column (revenue, number of orders, order amount, service price) is
 * looked at; a text date (`12.03.2023`), a serial where a date belongs (`45000`) or a text amount
 * (`1 234,56 ₽`) becomes a real date or number, the cell gets the matching format, and the text as it was
 * goes to the value archive first. A cell that cannot be converted («32.13.2023», «вчера») is left as it
 * is and listed. It changes what the user typed, so it runs only on the user's explicit word (the
 * panel's confirmation, `crm-base structure --fix-values`); without it the plan is a dry run's count.
 */
import { FORMAT_DATE, FORMAT_INTEGER, FORMAT_MONEY, type SheetOperation, type WriteColumns } from '../workbook/operations';
import type { CellValue, WorkbookSnapshot } from '../workbook/snapshot';
import type { Plan } from '../workbook/workbook';
import { readBase, type Base } from './base';
import { headerRowOf, type LocatedSheet } from './layout';
import { say, type Problem } from './model';
import { message, type Message } from './messages/message';
import { parseAmount } from './normalise/amount';
import { dayToDate, parseDay } from './normalise/date';
import { isBlank } from './normalise/text';
import type { FieldsOf, TableKind } from './schema';
import type { Settings } from './settings';
import { valueArchiveOperations, valueArchiveSheet, type ArchivedValue } from './value-archive';

type Kind = 'date' | 'amount' | 'count';

/** The columns looked at, by sheet: what each holds. */
const COLUMNS: { [K in TableKind]: Partial<Record<FieldsOf[K], Kind>> } = {
  clients: { firstContact: 'date', firstOrder: 'date', lastOrder: 'date', birthday: 'date', nextContact: 'date', revenue: 'amount', orders: 'count' },
  orders: { date: 'date', amount: 'amount' },
  services: { price: 'amount' },
};

const FORMATS: Record<Kind, string> = { date: FORMAT_DATE, amount: FORMAT_MONEY, count: FORMAT_INTEGER };

export interface FixValuesReport {
  /** Cells made real (in a dry run: that would be). */
  converted: number;
  /** Per column with something to convert. */
  columns: Array<{ sheet: string; column: string; converted: number }>;
  /** The originals, as archived before the change. */
  archived: ArchivedValue[];
  /** Cells that cannot be converted, left as they are. */
  problems: Problem[];
  /** One sentence for the user. */
  message: Message;
}

/** The real value of a typed cell, or undefined when it is already real, empty, or cannot be read. */
function realValue(kind: Kind, raw: CellValue): CellValue | undefined {
  if (isBlank(raw) || raw instanceof Date || typeof raw === 'boolean') return undefined;
  if (kind === 'date') {
    const { day } = parseDay(raw, { serialNumbers: true });
    return day === null ? undefined : dayToDate(day);
  }
  if (typeof raw === 'number') return undefined;
  const { amount } = parseAmount(raw);
  if (amount === null || (kind === 'count' && (!Number.isInteger(amount) || amount < 0))) return undefined;
  return amount;
}

interface SheetFix {
  operation: WriteColumns | null;
  archived: ArchivedValue[];
  columns: FixValuesReport['columns'];
}

type Owner = { clientId: string | null; client: string };

/** Whose row each spreadsheet row of a sheet is, for the archive: the client (or the service) named there. */
function ownersByRow(base: Base, kind: TableKind): Map<number, Owner> {
  if (kind === 'clients') return new Map(base.clients.map((c) => [c.row, { clientId: c.id, client: c.name }]));
  if (kind === 'orders') return new Map(base.orders.map((o) => [o.row, { clientId: o.clientId || null, client: o.client }]));
  return new Map(base.services.map((s) => [s.row, { clientId: null, client: s.name }]));
}

function fixSheet<K extends TableKind>(base: Base, snapshot: WorkbookSnapshot, kind: K, layout: LocatedSheet<FieldsOf[K]>): SheetFix {
  const rows = snapshot.sheets.find((s) => s.name === layout.sheet)?.rows ?? [];
  const owners = ownersByRow(base, kind);
  const fix: SheetFix = { operation: null, archived: [], columns: [] };
  const write: WriteColumns = { kind: 'writeColumns', sheet: layout.sheet, ...headerRowOf(layout), columns: [] };
  for (const [field, what] of Object.entries(COLUMNS[kind]) as Array<[FieldsOf[K], Kind]>) {
    const at = layout.columns[field];
    if (at === undefined) continue;
    const values: Array<CellValue | undefined> = new Array(layout.rowCount).fill(undefined);
    let converted = 0;
    for (let i = 0; i < layout.rowCount; i++) {
      const row = layout.headerRow + 1 + i;
      const raw = rows[row - 2]?.[at] ?? null;
      const value = realValue(what, raw);
      if (value === undefined) continue;
      values[i] = value;
      converted++;
      fix.archived.push({ sheet: layout.sheet, row, column: layout.header[at], ...(owners.get(row) ?? { clientId: null, client: '' }), before: raw, after: value });
    }
    if (converted === 0) continue;
    write.columns.push({ column: at + 1, values, numberFormat: FORMATS[what] });
    fix.columns.push({ sheet: layout.sheet, column: layout.header[at], converted });
  }
  if (write.columns.length) fix.operation = write;
  return fix;
}

/** The cells of the looked-at columns that cannot be read: the base's reading problems there. */
function unreadable(base: Base): Problem[] {
  const looked = new Set<string>();
  for (const kind of ['clients', 'orders', 'services'] as const) {
    const layout = base.layout[kind] as LocatedSheet<string> | undefined;
    if (!layout) continue;
    for (const field of Object.keys(COLUMNS[kind])) {
      const at = layout.columns[field];
      if (at !== undefined) looked.add(`${layout.sheet}\u0000${layout.header[at]}`);
    }
  }
  return base.problems.filter((p) => looked.has(`${p.sheet}\u0000${p.column}`));
}

/**
 * The plan that makes typed dates and amounts real, the archive copy first. `when` stamps the archive;
 * the caller applies the plan only on the user's word (a dry run reports `converted` without applying).
 */
export function planFixValues(snapshot: WorkbookSnapshot, when: Date, settings?: Settings): Plan<FixValuesReport> {
  const base = readBase(snapshot, settings);
  const language = base.layout.language;
  const fixes = (['clients', 'orders', 'services'] as const).flatMap((kind) => {
    const layout = base.layout[kind];
    return layout ? [fixSheet(base, snapshot, kind, layout as LocatedSheet<string>)] : [];
  });
  const archived = fixes.flatMap((f) => f.archived);
  const writes = fixes.flatMap((f) => (f.operation ? [f.operation] : []));
  const action = say(language, 'Исправление форматов', 'Fix formats');
  const operations: SheetOperation[] = [...valueArchiveOperations(archived, action, when, language), ...writes];
  const problems = unreadable(base);
  const converted = archived.length;
  const done = converted === 0 ? message('fixValues.none') : message('fixValues.done', { count: converted, archive: valueArchiveSheet(language) });
  return { operations, report: { converted, columns: fixes.flatMap((f) => f.columns), archived, problems, message: done } };
}
