/**
 * Merging a group of duplicates into one row, safely, and undoing it.
 *
 * The kept row is made by merge-row.ts. Before anything is deleted, the other rows are copied WHOLE to
 * the archive sheet (all columns, with the merge token, date and kept ID; layout in merge-archive.ts),
 * and so is the kept row, as it was and as the merge writes it, so nothing is lost. Orders of the
 * removed clients are re-pointed to the kept ID where the orders sheet has a client-ID column; the
 * re-pointed orders are archived by identity (order-identity.ts), not by row number.
 *
 * The undo (parts in undo-merge.ts) puts the removed rows back, settles the kept row cell by cell
 * between the row before the merge, the row the merge wrote and the row now — a cell the user changed
 * since the merge keeps the user's value — and finds the re-pointed orders wherever they are now. What
 * it cannot settle is left as the user has it and listed.
 */
import type { CellValue, WorkbookSnapshot } from '../../workbook/snapshot';
import { rowIndex } from '../../workbook/snapshot';
import type { SheetOperation } from '../../workbook/operations';
import type { Plan } from '../../workbook/workbook';
import { readBase, type Base } from '../base';
import { message, MessageError, type Message } from '../messages/message';
import { headerRowOf } from '../layout';
import type { Language, Problem } from '../model';
import { cellText, isBlank } from '../normalise/text';
import { sheetName } from '../schema';
import type { Settings } from '../settings';
import { archiveColumns, dataHeaders, DATE, findArchive, KEPT, META, newArchiveHeader, PREVIOUS, RESTORED, ROLE, ROW, TOKEN, type ArchiveRole } from './merge-archive';
import { cellsAt, clientsWidth, mergedKeptRow, sameCell, writeRowCells } from './merge-row';
import { identities, identityText, orderKey, type OrderIdentity } from './order-identity';
import { clientRef } from '../client-ref';
import { readArchivedMerge, restoreRemovedRows, undoKeptRow, undoOrders } from './undo-merge';

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
  message: Message;
}

/** A stable token for a merge: date, kept client and a short hash of the members. */
function mergeToken(date: Date, keep: string, members: readonly string[]): string {
  let hash = 2166136261;
  for (const ch of [...members].sort().join('|')) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619) >>> 0;
  const stamp = date.toISOString().replace(/[-:]/g, '').slice(0, 15);
  return `M-${stamp}-${keep}-${hash.toString(36)}`;
}

function fail(language: Language, detail: Message): never {
  throw new MessageError(detail, language);
}

interface RepointedOrder {
  row: number;
  previousId: string;
  /** Its identity once it carries the kept ID. */
  identity: OrderIdentity;
}

/** The orders of the removed clients: they move to the kept ID (only where the orders sheet has a client-ID column). */
function repointedOrders(snapshot: WorkbookSnapshot, base: Base, keepIndex: number, removedIndices: readonly number[]): RepointedOrder[] {
  const ordersLayout = base.layout.orders;
  const keptId = base.clients[keepIndex].id;
  if (!ordersLayout || ordersLayout.columns.clientId === undefined || !keptId) return [];
  const removedSet = new Set(removedIndices);
  const removedIds = new Set(removedIndices.map((i) => base.clients[i].id).filter((id): id is string => !!id));
  const moves = base.orders.map((order, k) => {
    const linked = base.orderClient[k];
    return (linked !== null && removedSet.has(linked)) || removedIds.has(order.clientId);
  });
  const sheet = snapshot.sheets.find((s) => s.name === ordersLayout.sheet);
  const ids = identities(base.orders.map((order, k) => orderKey(order, cellsAt(sheet, order.row), ordersLayout.columns, moves[k] ? keptId : order.clientId)));
  return base.orders.flatMap((order, k) => (moves[k] ? [{ row: order.row, previousId: order.clientId, identity: ids[k] }] : []));
}

export function planMerge(snapshot: WorkbookSnapshot, request: MergeRequest): Plan<MergeReport> {
  const base = readBase(snapshot, request.settings);
  const language = base.layout.language;
  const layout = base.layout.clients;
  const sheet = layout && snapshot.sheets.find((s) => s.name === layout.sheet);
  if (!layout || !sheet) return fail(language, message('merge.noClientsSheet'));
  const byRef = new Map(base.clients.map((client, index) => [clientRef(client), index]));
  const indexOf = (ref: string) =>
    byRef.get(ref) ?? fail(language, message('merge.clientMissing', { client: ref }));
  const keepIndex = indexOf(request.keep);
  const removedIndices = [...new Set(request.members.map(indexOf))].filter((i) => i !== keepIndex);
  if (removedIndices.length === 0) return fail(language, message('merge.nothingToMerge'));

  const width = clientsWidth(layout);
  const rowCells = (index: number) => {
    const cells = cellsAt(sheet, base.clients[index].row);
    return Array.from({ length: width }, (_, c) => cells[c] ?? null);
  };
  const kept = rowCells(keepIndex);
  const merged = mergedKeptRow(kept, removedIndices.map(rowCells), layout, width, language, base.settings.phoneRegion);

  const keepClient = base.clients[keepIndex];
  const keptId = clientRef(keepClient);
  const removedRefs = removedIndices.map((i) => clientRef(base.clients[i]));
  const removedRows = removedIndices.map((i) => base.clients[i].row);
  const token = mergeToken(request.date, keptId, [keptId, ...removedRefs]);
  const repointed = repointedOrders(snapshot, base, keepIndex, removedIndices);

  const meta = META[language];
  const archive = findArchive(snapshot);
  const archiveName = archive?.name ?? sheetName('archive', language);
  const archiveHeader = archive ? archive.header.map((h) => cellText(h)) : newArchiveHeader(language);
  const { positions, orderColumn, added } = archiveColumns(archiveHeader, dataHeaders(layout.header, width, language), language, repointed.length > 0);
  const archiveRow = (role: ArchiveRole, row: number, previousId: string, cells: readonly CellValue[], order?: string) => {
    const out: CellValue[] = new Array(archiveHeader.length + added.length).fill(null);
    out[TOKEN] = token;
    out[DATE] = request.date;
    out[ROLE] = meta.roles[role];
    out[KEPT] = keptId;
    out[ROW] = row;
    out[PREVIOUS] = previousId;
    cells.forEach((value, c) => (out[positions[c]] = value));
    if (order !== undefined) out[orderColumn] = order;
    return out;
  };
  // The kept row is archived as it was and as the merge writes it (where it will stand once the others are
  // deleted): its undo tells the merge's changes from the user's later edits by comparing the two.
  const archived: CellValue[][] = [
    archiveRow('keptBefore', keepClient.row, keptId, kept),
    archiveRow('keptAfter', keepClient.row - removedRows.filter((row) => row < keepClient.row).length, keptId, merged),
    ...removedIndices.map((i) => archiveRow('removed', base.clients[i].row, clientRef(base.clients[i]), rowCells(i))),
    ...repointed.map((order) => archiveRow('order', order.row, order.previousId, [], identityText(order.identity))),
  ];

  const operations: SheetOperation[] = [{ kind: 'ensureSheet', sheet: archiveName, header: newArchiveHeader(language) }];
  if (added.length > 0) {
    operations.push({
      kind: 'writeColumns',
      sheet: archiveName,
      columns: added.map((header, k) => ({ column: archiveHeader.length + k + 1, header, values: [] })),
    });
  }
  operations.push({ kind: 'appendRows', sheet: archiveName, rows: archived });
  const changed = merged.map((value, c) => ({ value, c })).filter(({ value, c }) => !sameCell(value, kept[c]));
  if (changed.length > 0) operations.push(writeRowCells(layout, keepClient.row, changed));
  const ordersLayout = base.layout.orders;
  if (repointed.length > 0 && ordersLayout && ordersLayout.columns.clientId !== undefined && keepClient.id) {
    const values: Array<CellValue | undefined> = [];
    for (const order of repointed) values[rowIndex(order.row, ordersLayout.headerRow)] = keepClient.id;
    operations.push({ kind: 'writeColumns', sheet: ordersLayout.sheet, ...headerRowOf(ordersLayout), columns: [{ column: ordersLayout.columns.clientId + 1, values, numberFormat: '@' }] });
  }
  operations.push({ kind: 'deleteRows', sheet: layout.sheet, rows: [...removedRows].sort((a, b) => b - a) });

  return {
    operations,
    report: {
      token,
      kept: keptId,
      removed: removedRefs,
      ordersRepointed: repointed.length,
      message: message('merge.done', { rows: removedRefs.length + 1, kept: keptId, archive: archiveName }),
    },
  };
}

export interface UndoReport {
  restored: string[];
  /**
   * What the undo could not settle by itself and left as it is now: a kept-row cell the user changed
   * that the merge had changed too, an order no longer found. Each names its sheet, row and column.
   */
  problems: Problem[];
  message: Message;
}

/**
 * Undo a merge: the archived rows go back to the end of the clients sheet; the kept row's cells are
 * settled three ways (see `undoKeptRow`); the re-pointed orders are found by identity and get their old
 * client ID back (see `undoOrders`); the archive rows are marked restored, so a second undo does nothing.
 * What cannot be settled is kept as the user has it and listed in the report's problems.
 */
export function planUndoMerge(snapshot: WorkbookSnapshot, token: string, date: Date, settings?: Settings): Plan<UndoReport> {
  const base = readBase(snapshot, settings);
  const layout = base.layout.clients;
  const archive = findArchive(snapshot);
  const nothing = (detail: Message): Plan<UndoReport> => ({ operations: [], report: { restored: [], problems: [], message: detail } });
  if (!layout) return nothing(message('merge.noClientsSheet'));
  if (!archive) return nothing(message('undo.noArchive'));
  const entries = archive.rows.map((cells, k) => ({ cells, row: k + 2 })).filter(({ cells }) => cellText(cells[TOKEN]) === token && isBlank(cells[RESTORED]));
  if (entries.length === 0) return nothing(message('undo.notFound'));
  const merge = readArchivedMerge(archive, entries.map((e) => e.cells), base, layout);

  const kept = undoKeptRow(snapshot, base, layout, merge);
  const orders = undoOrders(snapshot, base, merge);
  // The kept row is written at the row it stands in now, before the restored rows move it down.
  const restoredRows = restoreRemovedRows(layout, merge.removed);
  const operations: SheetOperation[] = [...kept.operations, ...orders.operations, ...restoredRows.operations];
  const marks: Array<CellValue | undefined> = [];
  for (const { row } of entries) marks[rowIndex(row)] = date;
  operations.push({ kind: 'writeColumns', sheet: archive.name, columns: [{ column: RESTORED + 1, values: marks, numberFormat: 'dd.mm.yyyy' }] });

  const restored = merge.removed.map((r) => r.id);
  const problems = [...kept.problems, ...orders.problems];
  return {
    operations,
    report: {
      restored,
      problems,
      message: undoMessage(restoredRows.rows, problems, archive.name),
    },
  };
}

const NAMED_IN_MESSAGE = 5;

/** How many rows came back and where they stand now; then where each thing the undo left for the user is (the problems say what). */
function undoMessage(rows: readonly number[], problems: readonly Problem[], archive: string): Message {
  const where = rows.slice(0, NAMED_IN_MESSAGE).join(', ') + (rows.length > NAMED_IN_MESSAGE ? '…' : '');
  const restored = rows.length === 0 ? message('undo.done') : message(rows.length === 1 ? 'undo.restoredOne' : 'undo.restoredMany', { count: rows.length, rows: where });
  if (problems.length === 0) return restored;
  const places = problems.slice(0, NAMED_IN_MESSAGE).map(placeOf);
  const more = problems.length - places.length;
  return message('undo.restoredLeft', { restored, count: problems.length, places: more > 0 ? message('undo.placeMore', { places, more }) : places, archive });
}

function placeOf(p: Problem): Message {
  if (p.row <= 0) return message('undo.placeSheet', { sheet: p.sheet });
  return p.column ? message('undo.placeCell', { sheet: p.sheet, row: p.row, column: p.column }) : message('undo.placeRow', { sheet: p.sheet, row: p.row });
}
