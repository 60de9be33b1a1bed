/**
 * Merging a group of duplicates into one row, safely, and undoing it.
 *
 * The kept row's empty cells are filled from the other rows (the most complete first), comments are
 * joined with « | », phones and e-mails the kept row does not have are noted in its comment, the
 * tracker figures are combined (orders and revenue summed, first order the earliest, last order the
 * latest; the lead's tracker run recomputes them from the orders). Before anything is deleted, the
 * other rows are copied WHOLE to the archive sheet (all columns, with the merge token, date and kept ID),
 * and so is the kept row as it was, so nothing is lost. Orders of the removed clients are re-pointed to
 * the kept ID where the orders sheet has a client-ID column (the re-pointed order rows are archived too).
 *
 * Archive layout: meta columns, then the clients sheet's headers. An archive written when the clients
 * sheet had other columns keeps working: data is matched by header text, and missing headers are added
 * at the right of the archive.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../workbook/snapshot';
import { rowIndex } from '../../workbook/snapshot';
import type { SheetOperation } from '../../workbook/operations';
import type { Plan } from '../../workbook/workbook';
import { readBase, say } from '../base';
import { headerRowOf } from '../layout';
import type { ClientField, Language } from '../model';
import { normaliseEmail } from '../normalise/email';
import { normalisePhone } from '../normalise/phone';
import { cellText, isBlank } from '../normalise/text';
import { sheetName, sheetNameMatches } from '../schema';
import type { Settings } from '../settings';
import { clientRef } from './plan';

/** What a row of the archive is. */
export type ArchiveRole = 'removed' | 'keptBefore' | 'order';

const META: Record<Language, { header: string[]; roles: Record<ArchiveRole, string> }> = {
  ru: {
    header: ['Слияние', 'Дата слияния', 'Что это', 'Оставлен ID', 'Строка', 'Прежний ID', 'Восстановлено'],
    roles: { removed: 'удалённая строка', keptBefore: 'оставленная строка до слияния', order: 'заказ перенесён' },
  },
  en: {
    header: ['Merge', 'Merge date', 'What', 'Kept ID', 'Row', 'Previous ID', 'Restored'],
    roles: { removed: 'removed row', keptBefore: 'kept row before merge', order: 'order re-pointed' },
  },
};
const META_WIDTH = 7;
const [TOKEN, DATE, ROLE, KEPT, ROW, PREVIOUS, RESTORED] = [0, 1, 2, 3, 4, 5, 6];

export interface MergeRequest {
  /** Client IDs of the group (`row:N` for a client without an ID). */
  members: string[];
  /** The ID (or `row:N`) of the row to keep. */
  keep: string;
  /** When the merge happens (written to the archive; also makes the token). */
  date: Date;
  settings?: Settings;
}

export interface MergeReport {
  /** Pass to `planUndoMerge` to undo. */
  token: string;
  kept: string;
  removed: string[];
  ordersRepointed: number;
  message: string;
}

/** Fields whose values are combined rather than filled from the first non-empty cell. */
const SUMMED: ReadonlySet<ClientField> = new Set<ClientField>(['orders', 'revenue']);
const EARLIEST: ReadonlySet<ClientField> = new Set<ClientField>(['firstOrder', 'firstContact']);
const LATEST: ReadonlySet<ClientField> = new Set<ClientField>(['lastOrder']);
/** Analysis results that the next analysis run rewrites: the kept row's own value stays. */
const LEFT_AS_IS: ReadonlySet<ClientField> = new Set<ClientField>(['id', 'abc', 'rfm', 'segment', 'daysSinceLastOrder']);

function comparable(value: CellValue): number | null {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  return null;
}

function pickExtreme(values: CellValue[], latest: boolean): CellValue {
  let best: CellValue = null;
  for (const value of values) {
    const [v, b] = [comparable(value), comparable(best)];
    if (v === null) continue;
    if (b === null || (latest ? v > b : v < b)) best = value;
  }
  return best ?? values.find((value) => !isBlank(value)) ?? null;
}

/** The merged row: `keep` with its blanks filled from `others` (see the module comment). */
export function mergeRow(keep: readonly CellValue[], others: ReadonlyArray<readonly CellValue[]>, fieldOfColumn: ReadonlyMap<number, ClientField>, width: number, language: Language, phoneRegion: string): CellValue[] {
  const merged: CellValue[] = [];
  const all = [keep, ...others];
  for (let c = 0; c < width; c++) {
    const field = fieldOfColumn.get(c);
    const own = keep[c] ?? null;
    const values = all.map((row) => row[c] ?? null).filter((value) => !isBlank(value));
    if (field === 'duplicateGroup') merged.push(null);
    else if (field && LEFT_AS_IS.has(field)) merged.push(own);
    else if (field && SUMMED.has(field)) {
      const numbers = values.filter((v): v is number => typeof v === 'number');
      merged.push(numbers.length === values.length && numbers.length > 0 ? Math.round(numbers.reduce((a, b) => a + b, 0) * 100) / 100 : own);
    } else if (field && (EARLIEST.has(field) || LATEST.has(field))) merged.push(pickExtreme(values, LATEST.has(field)));
    else if (field === 'comment') merged.push(null);
    else merged.push(isBlank(own) ? (values[0] ?? null) : own);
  }
  const commentColumn = [...fieldOfColumn].find(([, f]) => f === 'comment')?.[0];
  if (commentColumn !== undefined) {
    const notes = all.map((row) => cellText(row[commentColumn])).filter(Boolean);
    // Contacts the kept row does not carry go to its comment rather than being dropped.
    for (const [field, normalise, label] of [
      ['phone', (v: string) => normalisePhone(v, phoneRegion) ?? v, say(language, 'доп. телефон', 'other phone')],
      ['email', (v: string) => normaliseEmail(v) ?? v, say(language, 'доп. e-mail', 'other e-mail')],
    ] as const) {
      const column = [...fieldOfColumn].find(([, f]) => f === field)?.[0];
      if (column === undefined) continue;
      const keptValue = cellText(merged[column]);
      const seen = new Set([normalise(keptValue)]);
      for (const row of others) {
        const value = cellText(row[column]);
        if (value && !seen.has(normalise(value))) {
          seen.add(normalise(value));
          notes.push(`${label}: ${value}`);
        }
      }
    }
    merged[commentColumn] = [...new Set(notes)].join(' | ') || null;
  }
  return merged;
}

/** A stable token for a merge: date, kept client and a short hash of the members. */
function mergeToken(date: Date, keep: string, members: readonly string[]): string {
  let hash = 2166136261;
  for (const ch of [...members].sort().join('|')) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  const stamp = date.toISOString().replace(/[-:]/g, '').slice(0, 15);
  return `M-${stamp}-${keep}-${hash.toString(36)}`;
}

function findArchive(snapshot: WorkbookSnapshot): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => sheetNameMatches('archive', s.name));
}

/** Header texts of the clients sheet, with blanks named by position so every column can be archived. */
function dataHeaders(header: readonly string[], width: number, language: Language): string[] {
  return Array.from({ length: width }, (_, c) => header[c] || say(language, `Столбец ${c + 1}`, `Column ${c + 1}`));
}

/**
 * Where each clients column goes in the archive, by header text (the n-th column of a repeated header
 * goes to the n-th archive column of that header), adding missing headers at the right.
 */
function archiveColumns(archiveHeader: readonly string[], headers: readonly string[]): { positions: number[]; added: string[] } {
  const header = [...archiveHeader];
  const added: string[] = [];
  const used = new Set<number>();
  const positions = headers.map((text) => {
    let position = header.findIndex((h, i) => i >= META_WIDTH && !used.has(i) && h === text);
    if (position < 0) {
      position = header.length;
      header.push(text);
      added.push(text);
    }
    used.add(position);
    return position;
  });
  return { positions, added };
}

function fail(language: Language, ru: string, en: string): never {
  throw new Error(say(language, ru, en));
}

export function planMerge(snapshot: WorkbookSnapshot, request: MergeRequest): Plan<MergeReport> {
  const base = readBase(snapshot, request.settings);
  const language = base.layout.language;
  const layout = base.layout.clients;
  const sheet = layout && snapshot.sheets.find((s) => s.name === layout.sheet);
  if (!layout || !sheet) return fail(language, 'Не найден лист с клиентами.', 'No clients sheet was found.');
  const byRef = new Map(base.clients.map((client, index) => [clientRef(client), index]));
  const indexOf = (ref: string) =>
    byRef.get(ref) ?? fail(language, `Клиент «${ref}» не найден: обновите список дубликатов.`, `Client "${ref}" was not found: refresh the duplicates list.`);
  const keepIndex = indexOf(request.keep);
  const removedIndices = [...new Set(request.members.map(indexOf))].filter((i) => i !== keepIndex);
  if (removedIndices.length === 0) return fail(language, 'В группе нет других строк для слияния.', 'The group has no other rows to merge.');

  const width = Math.max(layout.usedWidth, layout.header.length);
  const rowCells = (index: number) => {
    const cells = sheet.rows[rowIndex(base.clients[index].row)] ?? [];
    return Array.from({ length: width }, (_, c) => cells[c] ?? null);
  };
  const fieldOfColumn = new Map<number, ClientField>(Object.entries(layout.columns).map(([field, c]) => [c as number, field as ClientField]));
  // The others fill blanks in order of completeness.
  const others = removedIndices.map(rowCells).sort((a, b) => b.filter((v) => !isBlank(v)).length - a.filter((v) => !isBlank(v)).length);
  const kept = rowCells(keepIndex);
  const merged = mergeRow(kept, others, fieldOfColumn, width, language, base.settings.phoneRegion);

  const keepClient = base.clients[keepIndex];
  const keptId = clientRef(keepClient);
  const removedRefs = removedIndices.map((i) => clientRef(base.clients[i]));
  const token = mergeToken(request.date, keptId, [keptId, ...removedRefs]);
  const meta = META[language];
  const archive = findArchive(snapshot);
  const archiveName = archive?.name ?? sheetName('archive', language);
  const headers = dataHeaders(layout.header, width, language);
  const archiveHeader = archive ? archive.header.map((h) => cellText(h)) : [...meta.header];
  const { positions, added } = archiveColumns(archiveHeader, headers);
  const archiveWidth = archiveHeader.length + added.length;
  const archiveRow = (role: ArchiveRole, row: number, previousId: string, cells: readonly CellValue[]) => {
    const out: CellValue[] = new Array(archiveWidth).fill(null);
    out[TOKEN] = token;
    out[DATE] = request.date;
    out[ROLE] = meta.roles[role];
    out[KEPT] = keptId;
    out[ROW] = row;
    out[PREVIOUS] = previousId;
    cells.forEach((value, c) => (out[positions[c]] = value));
    return out;
  };

  const archived: CellValue[][] = [
    archiveRow('keptBefore', keepClient.row, keptId, kept),
    ...removedIndices.map((i) => archiveRow('removed', base.clients[i].row, clientRef(base.clients[i]), rowCells(i))),
  ];

  // Orders of the removed clients move to the kept ID.
  const ordersLayout = base.layout.orders;
  const orderIdColumn = ordersLayout?.columns.clientId;
  const orderValues: Array<CellValue | undefined> = [];
  let repointed = 0;
  if (ordersLayout && orderIdColumn !== undefined && keepClient.id) {
    const removedSet = new Set(removedIndices);
    const removedIds = new Set(removedIndices.map((i) => base.clients[i].id).filter((id): id is string => !!id));
    base.orders.forEach((order, k) => {
      const linked = base.orderClient[k];
      if ((linked !== null && removedSet.has(linked)) || removedIds.has(order.clientId)) {
        orderValues[rowIndex(order.row, ordersLayout.headerRow)] = keepClient.id;
        archived.push(archiveRow('order', order.row, order.clientId, []));
        repointed++;
      }
    });
  }

  const operations: SheetOperation[] = [{ kind: 'ensureSheet', sheet: archiveName, header: meta.header }];
  if (added.length > 0) {
    operations.push({
      kind: 'writeColumns',
      sheet: archiveName,
      columns: added.map((header, k) => ({ column: archiveHeader.length + k + 1, header, values: [] })),
    });
  }
  operations.push({ kind: 'appendRows', sheet: archiveName, rows: archived });
  const keptRowIndex = rowIndex(keepClient.row, layout.headerRow);
  const changed = merged.map((value, c) => ({ value, c })).filter(({ value, c }) => cellText(value) !== cellText(kept[c]) || (isBlank(value) !== isBlank(kept[c])));
  if (changed.length > 0) {
    operations.push({
      kind: 'writeColumns',
      sheet: layout.sheet,
      ...headerRowOf(layout),
      columns: changed.map(({ value, c }) => {
        const values: Array<CellValue | undefined> = new Array(keptRowIndex + 1).fill(undefined);
        values[keptRowIndex] = value;
        return { column: c + 1, values };
      }),
    });
  }
  if (repointed > 0 && ordersLayout && orderIdColumn !== undefined) {
    operations.push({ kind: 'writeColumns', sheet: ordersLayout.sheet, ...headerRowOf(ordersLayout), columns: [{ column: orderIdColumn + 1, values: orderValues, numberFormat: '@' }] });
  }
  operations.push({ kind: 'deleteRows', sheet: layout.sheet, rows: removedIndices.map((i) => base.clients[i].row).sort((a, b) => b - a) });

  return {
    operations,
    report: {
      token,
      kept: keptId,
      removed: removedRefs,
      ordersRepointed: repointed,
      message: say(
        language,
        `Объединено строк: ${removedRefs.length + 1}, оставлен ${keptId}. Удалённые строки сохранены на листе «${archiveName}».`,
        `Merged ${removedRefs.length + 1} rows, kept ${keptId}. The removed rows are saved on the "${archiveName}" sheet.`,
      ),
    },
  };
}

export interface UndoReport {
  restored: string[];
  message: string;
}

/**
 * Undo a merge: the archived rows go back to the end of the clients sheet, the kept row gets its
 * previous values back, re-pointed orders that still point to the kept ID get their old ID back, and
 * the archive rows are marked restored (so a second undo does nothing).
 */
export function planUndoMerge(snapshot: WorkbookSnapshot, token: string, date: Date, settings?: Settings): Plan<UndoReport> {
  const base = readBase(snapshot, settings);
  const language = base.layout.language;
  const layout = base.layout.clients;
  const archive = findArchive(snapshot);
  const meta = META[language];
  const nothing = (ru: string, en: string): Plan<UndoReport> => ({ operations: [], report: { restored: [], message: say(language, ru, en) } });
  if (!layout) return nothing('Не найден лист с клиентами.', 'No clients sheet was found.');
  if (!archive) return nothing('Архива слияний нет: отменять нечего.', 'There is no merge archive: nothing to undo.');
  const entries = archive.rows
    .map((cells, k) => ({ cells, row: k + 2 }))
    .filter(({ cells }) => cellText(cells[TOKEN]) === token && isBlank(cells[RESTORED]));
  if (entries.length === 0) return nothing('Это слияние уже отменено или не найдено.', 'This merge was already undone or is not there.');

  const archiveHeader = archive.header.map((h) => cellText(h));
  const width = Math.max(layout.usedWidth, layout.header.length);
  const headers = dataHeaders(layout.header, width, language);
  const { positions } = archiveColumns(archiveHeader, headers);
  const present = (p: number) => p < archiveHeader.length;
  const clientCells = (cells: readonly CellValue[]) => positions.map((p) => (present(p) ? (cells[p] ?? null) : null));
  const roleOf = (cells: readonly CellValue[]) => (Object.keys(meta.roles) as ArchiveRole[]).find((r) => cellText(cells[ROLE]) === META.ru.roles[r] || cellText(cells[ROLE]) === META.en.roles[r]);

  const operations: SheetOperation[] = [];
  const restored: string[] = [];
  const removed = entries.filter(({ cells }) => roleOf(cells) === 'removed');
  if (removed.length > 0) {
    operations.push({ kind: 'appendRows', sheet: layout.sheet, rows: removed.map(({ cells }) => clientCells(cells)) });
    restored.push(...removed.map(({ cells }) => cellText(cells[PREVIOUS])));
  }

  const before = entries.find(({ cells }) => roleOf(cells) === 'keptBefore');
  const keptId = before ? cellText(before.cells[KEPT]) : '';
  const keptNow = base.clients.find((c) => clientRef(c) === keptId);
  if (before && keptNow) {
    const values = clientCells(before.cells);
    const keptIndex = rowIndex(keptNow.row, layout.headerRow);
    operations.push({
      kind: 'writeColumns',
      sheet: layout.sheet,
      ...headerRowOf(layout),
      columns: values
        .map((value, c) => ({ value, c }))
        .filter(({ c }) => present(positions[c]))
        .map(({ value, c }) => {
          const column: Array<CellValue | undefined> = new Array(keptIndex + 1).fill(undefined);
          column[keptIndex] = value;
          return { column: c + 1, values: column };
        }),
    });
  }

  const ordersLayout = base.layout.orders;
  const orderIdColumn = ordersLayout?.columns.clientId;
  if (ordersLayout && orderIdColumn !== undefined) {
    const ordersSheet = snapshot.sheets.find((s) => s.name === ordersLayout.sheet);
    const values: Array<CellValue | undefined> = [];
    let any = false;
    for (const { cells } of entries.filter(({ cells }) => roleOf(cells) === 'order')) {
      const row = Number(cells[ROW]);
      const current = cellText(ordersSheet?.rows[rowIndex(row)]?.[orderIdColumn]);
      // Only orders still pointing to the kept client go back; rows the user changed since stay as they are.
      if (Number.isInteger(row) && row > ordersLayout.headerRow && current === keptId) {
        values[rowIndex(row, ordersLayout.headerRow)] = cellText(cells[PREVIOUS]);
        any = true;
      }
    }
    if (any) operations.push({ kind: 'writeColumns', sheet: ordersLayout.sheet, ...headerRowOf(ordersLayout), columns: [{ column: orderIdColumn + 1, values, numberFormat: '@' }] });
  }

  const marks: Array<CellValue | undefined> = [];
  for (const { row } of entries) marks[rowIndex(row)] = date;
  operations.push({ kind: 'writeColumns', sheet: archive.name, columns: [{ column: RESTORED + 1, values: marks, numberFormat: 'dd.mm.yyyy' }] });
  return {
    operations,
    report: {
      restored,
      message: say(language, `Слияние отменено: возвращено строк — ${restored.length}.`, `Merge undone: ${restored.length} rows restored.`),
    },
  };
}
