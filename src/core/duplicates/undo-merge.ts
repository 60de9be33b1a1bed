/**
 * Undoing a merge, part by part: reading the merge back from the archive, settling the kept row three
 * ways, and giving the re-pointed orders back. `planUndoMerge` (merge.ts) puts the parts together.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../workbook/snapshot';
import { rowIndex } from '../../workbook/snapshot';
import type { InsertRows, SheetOperation } from '../../workbook/operations';
import type { Base } from '../base';
import { message, render, type Message } from '../messages/message';
import { isListedComputed } from '../computed-columns';
import { headerRowOf, lastDataRow } from '../layout';
import type { Problem } from '../model';
import { cellText, isBlank } from '../normalise/text';
import { archiveColumns, dataHeaders, KEPT, PREVIOUS, roleOf, ROW, type ArchiveRole } from './merge-archive';
import { cellsAt, clientsWidth, mergedKeptRow, sameCell, writeRowCells, type ClientsLayout } from './merge-row';
import { isNumberKey, orderKey, parseIdentity, type OrderIdentity } from './order-identity';
import { rowOfRef } from '../client-ref';

/** One merge read back from the archive, its client cells laid out in the clients sheet's columns as they are now. */
export interface ArchivedMerge {
  archiveSheet: string;
  keptId: string;
  /** The kept row before the merge, and as the merge wrote it; absent when the archive has no kept row. */
  keptBefore?: CellValue[];
  keptAfter?: CellValue[];
  /** Where the kept row stood right after the merge (recorded by archives since `keptAfter`). */
  keptRowAfter?: number;
  removed: Array<{ row: number; id: string; cells: CellValue[] }>;
  orders: Array<{ row: number; previousId: string; identity: string }>;
  /** Clients columns the archive holds (others were added to the clients sheet since, and are left alone). */
  archived: boolean[];
}

export function readArchivedMerge(archive: SheetSnapshot, entries: ReadonlyArray<readonly CellValue[]>, base: Base, layout: ClientsLayout): ArchivedMerge {
  const language = base.layout.language;
  const width = clientsWidth(layout);
  const archiveHeader = archive.header.map((h) => cellText(h));
  const { positions, orderColumn } = archiveColumns(archiveHeader, dataHeaders(layout.header, width, language), language, false);
  const archived = positions.map((p) => p < archiveHeader.length);
  const clientCells = (cells: readonly CellValue[]) => positions.map((p, c) => (archived[c] ? (cells[p] ?? null) : null));
  const withRole = (role: ArchiveRole) => entries.filter((cells) => roleOf(cells) === role);
  const [before] = withRole('keptBefore');
  const [after] = withRole('keptAfter');
  const removed = withRole('removed').map((cells) => ({ row: Number(cells[ROW]), id: cellText(cells[PREVIOUS]), cells: clientCells(cells) }));
  const keptBefore = before && clientCells(before);
  // An archive written before `keptAfter` existed: the merge is deterministic, so its row is made again.
  const keptAfter = after ? clientCells(after) : keptBefore && mergedKeptRow(keptBefore, removed.map((r) => r.cells), layout, width, language, base.settings.phoneRegion);
  return {
    archiveSheet: archive.name,
    keptId: cellText((before ?? after ?? entries[0])[KEPT]),
    keptBefore,
    keptAfter,
    keptRowAfter: after ? Number(after[ROW]) : undefined,
    removed,
    orders: withRole('order').map((cells) => ({ row: Number(cells[ROW]), previousId: cellText(cells[PREVIOUS]), identity: orderColumn >= 0 ? cellText(cells[orderColumn]) : '' })),
    archived,
  };
}

export interface UndoPart {
  operations: SheetOperation[];
  problems: Problem[];
}

function shown(value: CellValue | undefined): Message {
  return isBlank(value) ? message('undo.empty') : message('undo.value', { value: cellText(value) });
}

/** The kept row now: by its ID, or — for a client without one — where the merge left it, if it is still that client. */
function findKeptRow(base: Base, layout: ClientsLayout, merge: ArchivedMerge): Base['clients'][number] | undefined {
  const before = rowOfRef(merge.keptId);
  if (before === null) return base.clients.find((c) => c.id === merge.keptId);
  const row = merge.keptRowAfter ?? before - merge.removed.filter((r) => r.row < before).length;
  const client = base.clients.find((c) => c.row === row);
  const name = layout.columns.name;
  return client && name !== undefined && client.name === cellText(merge.keptAfter?.[name]) ? client : undefined;
}

/**
 * The kept row, cell by cell, from (a) the row before the merge, (b) the row as the merge wrote it and
 * (c) the row now: a cell nobody touched since the merge (c = b) goes back to a; a cell changed since
 * keeps its value — silently when the merge had not changed it, or it is back to a, or the product
 * recomputes it (a computed column); otherwise it is listed, since both the merge and the user changed it.
 */
export function undoKeptRow(snapshot: WorkbookSnapshot, base: Base, layout: ClientsLayout, merge: ArchivedMerge): UndoPart {
  const language = base.layout.language;
  const { keptBefore, keptAfter } = merge;
  if (!keptBefore || !keptAfter) return { operations: [], problems: [] };
  const client = findKeptRow(base, layout, merge);
  if (!client) {
    const problem: Problem = {
      sheet: layout.sheet,
      row: 0,
      column: '',
      value: merge.keptId,
      message: message('undo.keptRowMissing', { kept: merge.keptId, archive: merge.archiveSheet }),
    };
    return { operations: [], problems: [problem] };
  }
  const now = cellsAt(snapshot.sheets.find((s) => s.name === layout.sheet), client.row);
  const headers = dataHeaders(layout.header, clientsWidth(layout), language);
  const writes: Array<{ c: number; value: CellValue }> = [];
  const problems: Problem[] = [];
  keptBefore.forEach((was, c) => {
    if (!merge.archived[c]) return;
    const [wrote, is] = [keptAfter[c] ?? null, now[c] ?? null];
    if (sameCell(is, wrote)) {
      if (!sameCell(wrote, was)) writes.push({ c, value: was });
      return;
    }
    if (sameCell(wrote, was) || sameCell(is, was) || isListedComputed(headers[c], base.settings.computedColumns)) return;
    problems.push({
      sheet: layout.sheet,
      row: client.row,
      column: headers[c],
      value: cellText(is),
      message: message('undo.cellChanged', { was: shown(was), wrote: shown(wrote), now: shown(is) }),
    });
  });
  return { operations: writes.length > 0 ? [writeRowCells(layout, client.row, writes)] : [], problems };
}

/**
 * The re-pointed orders get their previous client ID back, found by identity (order-identity.ts) wherever
 * they stand now; archives written before identities name them by row, as then. Only an order that still
 * points to the kept client goes back. An order not found, one the user re-pointed since, and lines that
 * can no longer be told apart (identical lines deleted or added since; lines of one order number that
 * belonged to different clients) are listed and left as they are.
 */
export function undoOrders(snapshot: WorkbookSnapshot, base: Base, merge: ArchivedMerge): UndoPart {
  const language = base.layout.language;
  const ordersLayout = base.layout.orders;
  const idColumn = ordersLayout?.columns.clientId;
  if (merge.orders.length === 0) return { operations: [], problems: [] };
  if (!ordersLayout || idColumn === undefined) {
    const problem: Problem = {
      sheet: ordersLayout?.sheet ?? '',
      row: 0,
      column: '',
      value: '',
      message: message('undo.noOrdersColumn', { kept: merge.keptId, archive: merge.archiveSheet }),
    };
    return { operations: [], problems: [problem] };
  }
  const sheet = snapshot.sheets.find((s) => s.name === ordersLayout.sheet);
  const header = ordersLayout.header[idColumn] ?? '';
  const keptId = merge.keptId;
  const values: Array<CellValue | undefined> = [];
  const problems: Problem[] = [];
  const left = (row: number, order: string | Message, detail: Message) =>
    problems.push({ sheet: ordersLayout.sheet, row, column: header, value: typeof order === 'string' ? order : render(order, language), message: detail });
  const giveBack = (row: number, previousId: string, order: string | Message) => {
    const current = cellText(cellsAt(sheet, row)[idColumn]);
    if (current === keptId) values[rowIndex(row, ordersLayout.headerRow)] = previousId;
    else left(row, order, message('undo.orderRepointed', { order, current, previous: previousId || message('undo.noId') }));
  };

  const byKey = new Map<string, Array<{ previousId: string; identity: OrderIdentity; text: string; row: number }>>();
  for (const order of merge.orders) {
    const identity = parseIdentity(order.identity);
    if (!identity) {
      // An archive written before identities: the row number, as it was then.
      if (Number.isInteger(order.row) && order.row > ordersLayout.headerRow) giveBack(order.row, order.previousId, message('undo.inRow', { row: order.row }));
      continue;
    }
    byKey.set(identity.key, [...(byKey.get(identity.key) ?? []), { ...order, identity, text: order.identity }]);
  }
  const linesByKey = new Map<string, number[]>();
  for (const order of base.orders) {
    const key = orderKey(order, cellsAt(sheet, order.row), ordersLayout.columns, order.clientId);
    linesByKey.set(key, [...(linesByKey.get(key) ?? []), order.row]);
  }
  for (const [key, moved] of byKey) {
    const lines = linesByKey.get(key) ?? [];
    const total = moved[0].identity.total;
    // Lines of one order number are told apart by position only when all of them moved from one client.
    const interchangeable = !isNumberKey(key) || (moved.length === total && new Set(moved.map((m) => m.previousId)).size === 1);
    for (const order of moved) {
      const from = order.previousId || message('undo.noId');
      if (lines.length === 0) {
        left(order.row, order.text, message('undo.orderMissing', { order: order.text, previous: from, kept: keptId }));
      } else if (lines.length !== total || !interchangeable) {
        left(lines[0], order.text, message('undo.ordersAmbiguous', { order: key, total, now: lines.length, previous: from }));
      } else {
        giveBack(lines[order.identity.occurrence - 1], order.previousId, order.text);
      }
    }
  }
  const operations: SheetOperation[] = values.length === 0 ? [] : [{ kind: 'writeColumns', sheet: ordersLayout.sheet, ...headerRowOf(ordersLayout), columns: [{ column: idColumn + 1, values, numberFormat: '@' }] }];
  return { operations, problems };
}

export interface RestoredRows extends UndoPart {
  /** The rows the restored clients stand in afterwards, ascending. */
  rows: number[];
}

/**
 * The removed rows go back where they stood at the merge: each is inserted before the row number it had
 * then, in ascending order, so each position counts the rows restored before it — with the sheet as the
 * merge left it, every row is back in its place. A row whose place is past the end of the table now (the
 * sheet got shorter since) goes at the end. Runs of neighbouring rows go in as one insert.
 */
export function restoreRemovedRows(layout: ClientsLayout, removed: ArchivedMerge['removed']): RestoredRows {
  let last = lastDataRow(layout);
  const inserts: InsertRows[] = [];
  const appended: CellValue[][] = [];
  const rows: number[] = [];
  for (const { row, cells } of [...removed].sort((a, b) => a.row - b.row)) {
    if (Number.isInteger(row) && row > layout.headerRow && row <= last + 1) {
      const previous = inserts[inserts.length - 1];
      if (previous && previous.at + previous.rows.length === row) previous.rows.push(cells);
      else inserts.push({ kind: 'insertRows', sheet: layout.sheet, at: row, rows: [cells] });
      rows.push(row);
    } else {
      appended.push(cells);
    }
    last++;
  }
  // appended rows go after the last row, which the inserts have moved down
  const firstAppended = last - appended.length + 1;
  appended.forEach((_, k) => rows.push(firstAppended + k));
  const operations: SheetOperation[] = [...inserts];
  if (appended.length > 0) operations.push({ kind: 'appendRows', sheet: layout.sheet, rows: appended });
  return { operations, problems: [], rows };
}
