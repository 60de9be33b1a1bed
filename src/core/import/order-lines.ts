/**
 * The lines of an orders file: dated, amounted and linked to clients, with the problems that name them by
 * the file's own line; a file whose lines link to no client is refused.
 */
import type { CellValue, SheetSnapshot } from '../../workbook/snapshot';
import { sourceRowNumber } from '../../workbook/snapshot';
import type { DayNumber, Language, Order, OrderField, Problem } from '../model';
import { say, type Base } from '../base';
import { message, type Message } from '../messages/message';
import { linkOrders, type OrderClientKeys } from '../link-orders';
import { fieldHeader } from '../schema';
import { clientKeyOfHeader } from '../header-match';
import type { NumberConflict, OrderLineIdentity } from './already-present';
import { cleanSum } from '../tracker';
import { dayToDate, dayToIso } from '../normalise/date';
import { parseAmount, plainAmount } from '../normalise/amount';
import { cellText, isBlank, normaliseText } from '../normalise/text';
import { dayOf, type SourceColumns } from './order-columns';

import { OrderImportError, UnlinkedOrdersError } from './order-report';

/** Lines listed one by one before the rest are summed up in one problem. */
export const LISTED_LINES = 100;

/**
 * One problem per line for the first lines, then one for the rest: `rest(count, from, to)` says what
 * the rest are (a retail export has thousands of lines without a client).
 */
export function lineProblems(sheet: string, rows: readonly number[], column: string, first: Message, rest: (count: number, from: number, to: number) => Message): Problem[] {
  const listed = rows.slice(0, LISTED_LINES).map((row) => ({ sheet, row, column, value: '', message: first }));
  if (rows.length <= LISTED_LINES) return listed;
  const from = rows[LISTED_LINES];
  return [...listed, { sheet, row: from, column, value: '', message: rest(rows.length - LISTED_LINES, from, rows[rows.length - 1]) }];
}

/** Lines without a client are imported as they are; the first are listed, the rest counted. */
export function withoutClientProblems(sheet: string, rows: readonly number[]): Problem[] {
  return lineProblems(sheet, rows, '', message('import.noClient'), (count, from, to) => message('import.moreNoClient', { count, from, to }));
}

/** Undated lines of an import `since` a day: imported, since nothing says they are older; listed. */
export function undatedProblems(sheet: string, rows: readonly number[], column: string, since: string): Problem[] {
  return lineProblems(sheet, rows, column, message('import.undated', { since }), (count, from, to) => message('import.moreUndated', { count, from, to }));
}

/** A column of the file the line amount is computed from. */
export interface LineColumn {
  index: number;
  header: string;
}

/**
 * A line's amount for a file without a sum column: quantity × unit price (one unit when the file has
 * no quantity column), cleaned of floating-point noise as the tracker's sums are (`cleanSum`), so
 * 3 × 0,1 is 0,3. Null when the two are not both numbers; what is wrong is reported.
 */
export function lineAmount(
  cells: readonly CellValue[],
  price: LineColumn,
  quantity: LineColumn | undefined,
  report: (column: LineColumn, value: string, problem: Message) => void,
): number | null {
  const columns = quantity ? [price, quantity] : [price];
  const values = columns.map((column) => {
    const value = cells[column.index];
    if (isBlank(value)) return null;
    const quick = plainAmount(value);
    const number = quick === quick ? quick : parseAmount(value).amount;
    if (number === null) report(column, cellText(value), message('import.notNumber'));
    return number;
  });
  if (values.every((value) => value !== null)) return cleanSum(values.reduce((product, value) => product * value, 1));
  // A line with neither is a line without an amount; with one of the two, the other is missing.
  const blank = columns.filter((column) => isBlank(cells[column.index]));
  if (blank.length < columns.length) {
    for (const column of blank) report(column, '', message('import.empty'));
  }
  return null;
}

/** An ignored column that would link the file's lines to clients, and the key it holds. */
export interface LikelyClientColumn {
  index: number;
  field: 'clientId' | 'client';
  /** Lines it links to clients of the base. */
  linked: number;
}

/**
 * Among the ignored columns, the one whose values link the most lines to clients of the base, read as
 * IDs or as names; failing that, the first whose header names the client. Looked for only when an
 * import is about to be refused, to say which column to map.
 */
export function likelyClientColumn(source: SheetSnapshot, columns: SourceColumns, sourceRows: readonly number[], base: Base): LikelyClientColumn | undefined {
  let best: LikelyClientColumn | undefined;
  for (const index of base.clients.length > 0 ? columns.ignoredAt : []) {
    const values = sourceRows.map((row) => cellText(source.rows[row][index]));
    for (const field of ['clientId', 'client'] as const) {
      const keys = values.map((value) => (field === 'clientId' ? { clientId: value, client: '' } : { clientId: '', client: value }));
      const linked = linkOrders(base.clients, keys, base.settings.phoneRegion).filter((link) => link !== null).length;
      if (linked > (best?.linked ?? 0)) best = { index, field, linked };
    }
  }
  if (best) return best;
  const named = columns.clientLike[0];
  return named === undefined ? undefined : { index: named, field: clientKeyOfHeader(cellText(source.header[named]))!, linked: 0 };
}

/**
 * Refuses an import whose lines cannot be linked to clients: the file has no recognised client
 * column, or more than half of the lines that name a client link to no client of the base while a
 * column that would link them (its values match clients of the base, or its header names the client)
 * is left unrecognised. Lines of clients new to the base are fine when nothing says the file's client
 * is elsewhere: they add those clients.
 */
export function checkLinked(source: SheetSnapshot, columns: SourceColumns, sourceRows: readonly number[], links: readonly (number | null)[], base: Base): void {
  if (sourceRows.length === 0) return;
  const language = base.layout.language;
  const keys = [columns.order.clientId, columns.order.client].filter((at): at is number => at !== undefined);
  const namingColumns = [...keys, ...columns.clientLike];
  let naming = 0;
  let linked = 0;
  sourceRows.forEach((row, i) => {
    const cells = source.rows[row];
    if (!namingColumns.some((at) => !isBlank(cells[at]))) return;
    naming++;
    if (links[i] !== null) linked++;
  });
  if (keys.length > 0 && linked * 2 >= naming) return;
  const likely = likelyClientColumn(source, columns, sourceRows, base);
  if (keys.length > 0 && (!likely || likely.linked <= linked) && columns.clientLike.length === 0) return;
  const column = likely ? cellText(source.header[likely.index]) : null;
  const field = likely?.field ?? 'clientId';
  const mapTo = say(language, `укажите, что это поле ${field} («${fieldHeader('orders', field, 'ru')}»)`, `map it to the field ${field} ("${fieldHeader('orders', field, 'en')}")`);
  const unrecognised = columns.ignored.join(', ') || '—';
  let message: string;
  if (keys.length === 0 && column) {
    message = say(
      language,
      `В файле «${source.name}» не распознан столбец клиента: строки заказов не связать с клиентами, ничего не записано. Клиент, похоже, в столбце «${column}»: ${mapTo}.`,
      `The file "${source.name}" has no recognised client column: its order lines cannot be linked to clients, nothing is written. The client seems to be in the column "${column}": ${mapTo}.`,
    );
  } else if (keys.length === 0) {
    message = say(
      language,
      `В файле «${source.name}» нет столбца клиента (ID или имени): строки заказов не связать с клиентами, ничего не записано. Нераспознанные столбцы: ${unrecognised}. Укажите, в каком из них клиент: поле clientId (ID клиента) или client (имя).`,
      `The file "${source.name}" has no client column (ID or name): its order lines cannot be linked to clients, nothing is written. Unrecognised columns: ${unrecognised}. Map the one that holds the client to the field clientId (client ID) or client (name).`,
    );
  } else {
    message = say(
      language,
      `В файле «${source.name}» ${naming - linked} из ${naming} строк с клиентом не связаны ни с одним клиентом базы, а столбец «${column}» не распознан: ничего не записано. Если клиент в нём, ${mapTo}; если нет — укажите, что этот столбец не импортируется.`,
      `In the file "${source.name}", ${naming - linked} of ${naming} lines with a client link to no client of the base, and the column "${column}" is not recognised: nothing is written. If it holds the client, ${mapTo}; if not, say that the column is not imported.`,
    );
  }
  throw new UnlinkedOrdersError(message, column, field, keys.length === 0 ? 'noClientColumn' : 'mostUnlinked');
}

/** The lines an import takes from the file. */
export interface OrderLines {
  /** Indexes into the file's rows of the lines imported: not blank, not dated before `since`. */
  readonly sourceRows: readonly number[];
  /** The client each names. */
  readonly orders: readonly OrderClientKeys[];
  /** Lines dated before `since`. */
  readonly beforeSince: number;
  /** Sheet rows of the undated lines, when `since` is given (they are imported). */
  readonly undated: readonly number[];
}

/** The file's non-blank lines on or after `since` (indexes into its rows), and the client each names. */
export function orderLines(source: SheetSnapshot, columns: SourceColumns, since: DayNumber | undefined, language: Language): OrderLines {
  const lines = { sourceRows: [] as number[], orders: [] as OrderClientKeys[], beforeSince: 0, undated: [] as number[] };
  const { clientId, client, date } = columns.order;
  if (since !== undefined && date === undefined) {
    throw new OrderImportError(
      say(
        language,
        `В файле «${source.name}» нет столбца даты: импорт с ${dayToIso(since)} не выполнить. Столбцы файла: ${source.header.map((cell) => cellText(cell)).filter(Boolean).join(', ')}.`,
        `The file "${source.name}" has no date column: an import since ${dayToIso(since)} cannot be done. Its columns: ${source.header.map((cell) => cellText(cell)).filter(Boolean).join(', ')}.`,
      ),
    );
  }
  source.rows.forEach((cells, index) => {
    if (cells.every(isBlank)) return;
    if (since !== undefined) {
      const day = dayOf(cells[date!]);
      if (day === null) lines.undated.push(sourceRowNumber(source, index));
      else if (day < since) {
        lines.beforeSince++;
        return;
      }
    }
    lines.sourceRows.push(index);
    lines.orders.push({ clientId: clientId === undefined ? '' : cellText(cells[clientId]), client: client === undefined ? '' : cellText(cells[client]) });
  });
  return lines;
}

/** An Orders-sheet row (in the sheet's column layout) read back as the fields an order is known by. */
export function sheetLine(row: readonly CellValue[], columns: Partial<Record<OrderField, number>>): Pick<Order, 'date' | 'amount' | 'service' | 'number'> {
  const at = (field: OrderField) => (columns[field] === undefined ? null : (row[columns[field]!] ?? null));
  const date = at('date');
  const amount = at('amount');
  return {
    date: date instanceof Date ? Math.floor(date.getTime() / 86_400_000) : null,
    amount: typeof amount === 'number' ? amount : null,
    service: cellText(at('service')),
    number: cellText(at('number')),
  };
}

/** What identifies an order line, the client apart. */
export function identityOf(order: Pick<Order, 'date' | 'amount' | 'service' | 'number'>): Omit<OrderLineIdentity, 'client'> {
  return { date: order.date, amount: order.amount, service: normaliseText(order.service), number: order.number.trim() };
}

/** Why a line whose order number the Orders sheet has is imported all the same. */
export function conflictMessage(conflict: NumberConflict, number: string, sheet: string): Message {
  if (conflict.reason === 'client') return message('import.numberOtherClient', { number, sheet });
  const held = conflict.heldDate === null ? message('import.undatedHeld') : cellText(dayToDate(conflict.heldDate));
  return message('import.numberOtherDate', { number, sheet, held });
}
