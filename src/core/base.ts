/**
 * Reading the user's base: the rows of the located sheets (layout.ts) parsed into domain records, and
 * each order linked to its client (link-orders.ts). Cells that cannot be parsed become problems with the
 * spreadsheet row and the user's own header; the rest of the base is read.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot';
import { sheetRowNumber } from '../workbook/snapshot';
import { columnNumber } from '../workbook/a1';
import { message, type Message } from './messages/message';
import { ORDER_FIELDS, type Client, type ClientField, type Consent, type Order, type OrderField, type Problem, type Service } from './model';
import type { Settings } from './settings';
import { normaliseEmail } from './normalise/email';
import { normalisePhone } from './normalise/phone';
import { normaliseCity } from './normalise/city';
import { cellText, isBlank, normaliseText } from './normalise/text';
import { parseDay, plainDay, type DateError } from './normalise/date';
import { parseAmount, plainAmount } from './normalise/amount';
import type { FieldsOf } from './schema';
import { readSettings } from './settings-sheet';
import { isListedComputed } from './computed-columns';
import { HISTORY_FIELDS } from './history-columns';
import { locateBase, type BaseLayout, type LocatedSheet } from './layout';
import { rowIsBlank } from './sheet-extent';
import { linkOrders, type OrderClientKeys } from './link-orders';
import { readConsent } from './consent';
import { memoised } from './memoised';

export interface Base {
  layout: BaseLayout;
  settings: Settings;
  clients: Client[];
  services: Service[];
  orders: Order[];
  /** For each order, the index into `clients` of its client, or null when no client matches. */
  orderClient: (number | null)[];
  /** Parse problems (bad dates, amounts, layout), each cell once. */
  problems: Problem[];
}

export { say } from './model';

/** Problem messages for cells that are not what their column holds. */
function dateProblemMessage(error: DateError, value: string): Message {
  switch (error) {
    case 'noSuchDay':
      return message('date.noSuchDay', { value });
    case 'numberNotDate':
      return message('date.numberNotDate', { value });
    default:
      return message('date.notDate', { value });
  }
}

/**
 * Reads the cells of one located sheet, collecting problems against the user's headers. Fields are
 * addressed by column index (`at`, -1 when the sheet has no such column), found once per sheet.
 */
class RowReader<F extends string> {
  constructor(
    private readonly layout: LocatedSheet<F>,
    private readonly problems: Problem[],
  ) {}

  at(field: F): number {
    return this.layout.columns[field] ?? -1;
  }

  text(row: readonly CellValue[], at: number): string {
    return at < 0 ? '' : cellText(row[at]);
  }

  raw(row: readonly CellValue[], at: number): CellValue {
    return at < 0 ? null : (row[at] ?? null);
  }

  /** The last date text read in a common form and its day: the lines of an export come day by day. */
  private lastDayText: string | undefined;
  private lastDay = 0;

  day(row: readonly CellValue[], rowNumber: number, at: number): number | null {
    const raw = this.raw(row, at);
    if (raw === this.lastDayText) return this.lastDay;
    const quick = plainDay(raw);
    if (quick === quick) {
      if (typeof raw === 'string') {
        this.lastDayText = raw;
        this.lastDay = quick;
      }
      return quick;
    }
    const parsed = parseDay(raw, SERIAL_DAYS);
    if (parsed.error) this.report(rowNumber, at, raw, dateProblemMessage(parsed.error, cellText(raw)));
    return parsed.day;
  }

  amount(row: readonly CellValue[], rowNumber: number, at: number): number | null {
    const raw = this.raw(row, at);
    const quick = plainAmount(raw);
    if (quick === quick) return quick;
    const parsed = parseAmount(raw);
    if (parsed.error) this.report(rowNumber, at, raw, message('value.notAmount', { value: cellText(raw) }));
    return parsed.amount;
  }

  /** A number of things (orders): a whole number ≥ 0, else reported and null. */
  count(row: readonly CellValue[], rowNumber: number, at: number): number | null {
    const raw = this.raw(row, at);
    const quick = plainAmount(raw);
    const value = quick === quick ? quick : parseAmount(raw).amount;
    if (value !== null && Number.isInteger(value) && value >= 0) return value;
    if (!isBlank(raw)) this.report(rowNumber, at, raw, message('value.notCount', { value: cellText(raw) }));
    return null;
  }

  /** Consents read by the cell's text: a column of «да» and «нет» repeats a few texts thousands of times. */
  private readonly consentOfText = memoised(readConsent);

  /** The consent cell read (consent.ts); an unreadable one is reported and counts as no consent. */
  consent(row: readonly CellValue[], rowNumber: number, at: number): Consent {
    const raw = this.raw(row, at);
    const consent = typeof raw === 'string' ? this.consentOfText(raw) : readConsent(raw);
    if (consent.problem) this.report(rowNumber, at, raw, consent.problem);
    return consent;
  }

  report(rowNumber: number, at: number, raw: CellValue, message: Message): void {
    this.problems.push({ sheet: this.layout.sheet, row: rowNumber, column: this.layout.header[at], value: cellText(raw), message });
  }
}

const SERIAL_DAYS = { serialNumbers: true };

/** Calls `read` for each non-blank data row below the sheet's header row, with its spreadsheet row number and its index in `rows`. */
function eachDataRow<T>(sheet: SheetSnapshot, layout: Pick<LocatedSheet<string>, 'headerRow' | 'rowCount'>, read: (row: readonly CellValue[], rowNumber: number, index: number) => T): T[] {
  const out: T[] = [];
  const rows = sheet.rows;
  // Up to the data's last row: stray values far below it are not data (layout.ts).
  const end = Math.min(rows.length, layout.headerRow - 1 + layout.rowCount);
  for (let index = layout.headerRow - 1; index < end; index++) {
    if (!rowIsBlank(rows[index])) out.push(read(rows[index], sheetRowNumber(index), index));
  }
  return out;
}

const YES = new Set(['да', 'д', 'yes', 'y', 'true', '1', '+', 'активна', 'активен', 'active', 'вкл', 'on', 'истина']);
const NO = new Set(['нет', 'н', 'no', 'n', 'false', '0', '-', 'неактивна', 'неактивен', 'inactive', 'выкл', 'off', 'архив', 'ложь']);

function readServices(sheet: SheetSnapshot, layout: LocatedSheet<FieldsOf['services']>, problems: Problem[]): Service[] {
  const reader = new RowReader(layout, problems);
  const at = {
    name: reader.at('name'),
    category: reader.at('category'),
    price: reader.at('price'),
    audience: reader.at('audience'),
    description: reader.at('description'),
    active: reader.at('active'),
  };
  return eachDataRow(sheet, layout, (row, rowNumber) => {
    const raw = reader.raw(row, at.active);
    let active = true;
    if (typeof raw === 'boolean') active = raw;
    else if (!isBlank(raw)) {
      const word = normaliseText(raw);
      if (NO.has(word)) active = false;
      else if (!YES.has(word)) {
        reader.report(rowNumber, at.active, raw, message('service.activeUnclear', { value: cellText(raw) }));
      }
    }
    return {
      row: rowNumber,
      name: reader.text(row, at.name),
      category: reader.text(row, at.category),
      price: reader.amount(row, rowNumber, at.price),
      audience: reader.text(row, at.audience),
      description: reader.text(row, at.description),
      active,
    };
  });
}

/**
 * The columns a client is read from; the others (the analysis's classes, the duplicate group, the
 * tracker's days and rhythm) are written by the product. `at` is typed by this list, so a field read
 * without being listed here does not compile, and a row is never kept past a change to a cell it reads.
 */
const CLIENT_FIELDS_READ = [
  'id', 'name', 'type', 'contact', 'phone', 'email', 'inn', 'city', 'industry', 'source', 'manager', 'status', 'service',
  'firstContact', 'birthday', 'nextContact', 'channel', 'consent', 'refusalReason', 'comment', 'firstOrder', 'lastOrder', 'orders', 'revenue',
] as const satisfies readonly ClientField[];
type ClientFieldRead = (typeof CLIENT_FIELDS_READ)[number];

/** Where each field a client is read from is (-1: nowhere). */
function clientColumns(layout: LocatedSheet<ClientField>, settings: Settings): Record<ClientFieldRead, number> {
  const at = Object.fromEntries(CLIENT_FIELDS_READ.map((field) => [field, layout.columns[field] ?? -1])) as Record<ClientFieldRead, number>;
  // The tracker's own columns hold its output, not the user's history: reading them back as typed
  // history would count the orders after the typed date twice.
  for (const field of HISTORY_FIELDS) if (at[field] >= 0 && isListedComputed(layout.header[at[field]], settings.computedColumns)) at[field] = -1;
  return at;
}

/** A client read from one row, with the cells it was read from and the problems found in them. */
interface ClientRow {
  client: Client;
  cells: readonly CellValue[];
  problems: Problem[];
}

/** The clients of one snapshot of their sheet, row by row (by index in the snapshot's rows). */
interface ClientsRead {
  /** What the clients depend on besides the cells: a read of another sheet, header row or phone region keeps no client whole. */
  sheet: string;
  headerRow: number;
  phoneRegion: string;
  /** Where each field was read from, and under which header (a problem names it). */
  at: Record<ClientFieldRead, number>;
  headers: Record<ClientFieldRead, string | null>;
  byIndex: (ClientRow | undefined)[];
  clients: Client[];
}

/** Cells a client is read from are equal: the same text, number or flag, or dates of the same moment (each read copies its dates). */
function sameCell(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (a === b) return true;
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return (a ?? null) === (b ?? null);
}

/**
 * Fields read as plain text, which no cell of makes a problem: a row changed only in these is patched
 * from its client of the read before (the structure writes every client's ID, and each step after it
 * would otherwise parse every client again).
 */
const TEXT_FIELDS: ReadonlySet<ClientFieldRead> = new Set(['id', 'name', 'type', 'contact', 'inn', 'industry', 'source', 'manager', 'status', 'service', 'channel', 'refusalReason', 'comment']);

/**
 * A cell read as nothing wherever it is, or nowhere (-1): the field's empty value, and no problem. Not
 * `isBlank`: a text of spaces is read as it is.
 */
function blankAt(cells: readonly CellValue[], column: number): boolean {
  const cell = column < 0 ? undefined : cells[column];
  return cell === undefined || cell === null || cell === '';
}

/**
 * The clients of a sheet. A row keeps its client and its problems from `previous` (the newest read, of the
 * same sheet, header row and phone region) when the cells it is read from are equal to that read's: the
 * tracker, the analysis and the duplicate groups write, in every row, columns clients are not read from,
 * and each next step would otherwise parse and normalise every client again. A field read from another
 * column, or under another header, than before keeps the row only where it is blank in both reads, and
 * only a row without problems: the structure adds the order-history columns empty, and the analysis then
 * takes them over, so they are read from nowhere (on a 20,000-client file, 0.2 s of «Всё сразу»). A row
 * that differs only in fields of plain text (`TEXT_FIELDS`: the IDs the structure writes, in a column of
 * their own) gets a copy of its client with those fields read again. A row read anew keeps the
 * normalised phone and e-mail of the same texts.
 */
function parseClients(sheet: SheetSnapshot, layout: LocatedSheet<ClientField>, settings: Settings, problems: Problem[], previous: ClientsRead | null): ClientsRead {
  const reader = new RowReader(layout, problems);
  const at = clientColumns(layout, settings);
  const headers = Object.fromEntries(CLIENT_FIELDS_READ.map((field) => [field, layout.header[at[field]] ?? null])) as Record<ClientFieldRead, string | null>;
  // Read with other columns (the analysis took over the typed history, the structure added the IDs), a
  // row's phone and e-mail still normalise as they did, when they are the same text in the same sheet.
  const normalisedAlike = previous?.sheet === layout.sheet && previous.phoneRegion === settings.phoneRegion;
  const keeps = normalisedAlike && previous.headerRow === layout.headerRow;
  const unmoved = CLIENT_FIELDS_READ.filter((field) => previous?.at[field] === at[field] && previous.headers[field] === headers[field]);
  const unmovedRead = unmoved.filter((field) => at[field] >= 0);
  const moved = CLIENT_FIELDS_READ.filter((field) => !unmoved.includes(field)).map((field) => ({ field, before: previous?.at[field] ?? -1, now: at[field] }));
  const cityOf = memoised(normaliseCity);
  const textOf = (row: readonly CellValue[], field: ClientFieldRead) => (field === 'id' ? reader.text(row, at.id) || null : reader.text(row, at[field]));
  const parse = (row: readonly CellValue[], rowNumber: number, before: Client | undefined): Client => {
    const phone = reader.text(row, at.phone);
    const email = reader.text(row, at.email);
    const city = reader.text(row, at.city);
    return {
      row: rowNumber,
      id: textOf(row, 'id'),
      name: reader.text(row, at.name),
      type: reader.text(row, at.type),
      contact: reader.text(row, at.contact),
      phone,
      phoneNormalised: before?.phone === phone ? before.phoneNormalised : normalisePhone(phone, settings.phoneRegion),
      email,
      emailNormalised: before?.email === email ? before.emailNormalised : normaliseEmail(email),
      inn: reader.text(row, at.inn),
      city,
      cityNormalised: cityOf(city),
      industry: reader.text(row, at.industry),
      source: reader.text(row, at.source),
      manager: reader.text(row, at.manager),
      status: reader.text(row, at.status),
      service: reader.text(row, at.service),
      firstContact: reader.day(row, rowNumber, at.firstContact),
      birthday: reader.day(row, rowNumber, at.birthday),
      nextContact: reader.day(row, rowNumber, at.nextContact),
      channel: reader.text(row, at.channel),
      consent: reader.consent(row, rowNumber, at.consent),
      refusalReason: reader.text(row, at.refusalReason),
      comment: reader.text(row, at.comment),
      history: {
        firstOrder: reader.day(row, rowNumber, at.firstOrder),
        lastOrder: reader.day(row, rowNumber, at.lastOrder),
        orders: reader.count(row, rowNumber, at.orders),
        revenue: reader.amount(row, rowNumber, at.revenue),
      },
    };
  };
  /**
   * The fields of a row to read again, all of them plain text (`TEXT_FIELDS`), when the rest of its client
   * and its problems stand as `kept` read them; null when the row is to be parsed anew.
   */
  const changedTextFields = (kept: ClientRow, cells: readonly CellValue[]): ClientFieldRead[] | null => {
    if (moved.length > 0 && kept.problems.length > 0) return null;
    const changed: ClientFieldRead[] = [];
    // Indexed loops: this runs for every row of a base read again, and an iterator per loop adds up.
    for (let k = 0; k < moved.length; k++) {
      const { field, before, now } = moved[k];
      if (blankAt(kept.cells, before) && blankAt(cells, now)) continue;
      if (!TEXT_FIELDS.has(field)) return null;
      changed.push(field);
    }
    for (let k = 0; k < unmovedRead.length; k++) {
      const field = unmovedRead[k];
      if (sameCell(kept.cells[at[field]], cells[at[field]])) continue;
      if (!TEXT_FIELDS.has(field)) return null;
      changed.push(field);
    }
    return changed;
  };
  const byIndex: (ClientRow | undefined)[] = [];
  const clients = eachDataRow(sheet, layout, (cells, rowNumber, index) => {
    const kept = normalisedAlike ? previous.byIndex[index] : undefined;
    const changed = kept && keeps ? changedTextFields(kept, cells) : null;
    if (kept && changed) {
      problems.push(...kept.problems);
      if (changed.length === 0) {
        byIndex[index] = kept;
        return kept.client;
      }
      const client = { ...kept.client };
      for (const field of changed) Object.assign(client, { [field]: textOf(cells, field) });
      byIndex[index] = { client, cells, problems: kept.problems };
      return client;
    }
    const from = problems.length;
    const client = parse(cells, rowNumber, kept?.client);
    byIndex[index] = { client, cells, problems: problems.slice(from) };
    return client;
  });
  return { sheet: layout.sheet, headerRow: layout.headerRow, phoneRegion: settings.phoneRegion, at, headers, byIndex, clients };
}

/**
 * The clients and orders read from each snapshot of their sheet. The steps of a run share one snapshot of a
 * sheet no step has written (actions/shared-reads.ts): a big orders sheet is then parsed once per run, not
 * once per step, and the clients sheet once per step that wrote it. Sound because snapshots are never
 * changed (the core plans from them) and what is read depends on the sheet, its located columns and the
 * settings alone, which make the key; the lists are frozen, as they are shared. Weak: a snapshot let go
 * takes its list with it.
 */
interface ReadOfSnapshot<T> {
  key: string;
  items: T[];
  problems: Problem[];
}

const clientsOfSnapshot = new WeakMap<SheetSnapshot, ReadOfSnapshot<Client>>();
const ordersOfSnapshot = new WeakMap<SheetSnapshot, ReadOfSnapshot<Order>>();

function readOnce<T>(read: WeakMap<SheetSnapshot, ReadOfSnapshot<T>>, sheet: SheetSnapshot, key: string, problems: Problem[], parse: (found: Problem[]) => T[]): T[] {
  let kept = read.get(sheet);
  if (kept?.key !== key) {
    const found: Problem[] = [];
    kept = { key, items: Object.freeze(parse(found)) as T[], problems: found };
    read.set(sheet, kept);
  }
  problems.push(...kept.problems);
  return kept.items;
}

/** What each list of orders was read from, for a later read of the same sheet that names it (`readBase`'s `previous`). */
const ordersReads = new WeakMap<readonly Order[], OrdersRead>();

function readOrders(sheet: SheetSnapshot, layout: LocatedSheet<FieldsOf['orders']>, problems: Problem[], previous: OrdersRead | null): Order[] {
  return readOnce(ordersOfSnapshot, sheet, JSON.stringify(layout), problems, (found) => {
    const read = parseOrders(sheet, layout, found, previous);
    ordersReads.set(read.orders, read);
    return read.orders;
  });
}

/**
 * The newest clients read, row by row, so that the next read with the same layout and settings parses only
 * the rows whose cells changed (parseClients). One is kept: a run reads one clients sheet over and over.
 */
let newestClients: ClientsRead | null = null;

function readClients(sheet: SheetSnapshot, layout: LocatedSheet<ClientField>, settings: Settings, problems: Problem[]): Client[] {
  return readOnce(clientsOfSnapshot, sheet, JSON.stringify([layout, settings]), problems, (found) => {
    newestClients = parseClients(sheet, layout, settings, found, newestClients);
    return newestClients.clients;
  });
}

/**
 * The links of the orders to the clients, kept per list of orders. They depend on each client's ID, name and
 * phone alone (link-orders.ts): clients read again after a write to other columns (the tracker's, the
 * duplicate groups, a status) link as before, without going through the orders again. So do clients that
 * gained IDs no order names: the structure gives an ID to every client without one.
 */
const linksOfOrders = new WeakMap<readonly OrderClientKeys[], { clients: readonly Client[]; phoneRegion: string; links: (number | null)[] }>();

/** The client IDs orders name, as typed and folded (link-orders.ts links by both). */
function orderIdKeys(orders: readonly OrderClientKeys[]): Set<string> {
  const keys = new Set<string>();
  for (let i = 0; i < orders.length; i++) {
    const clientId = orders[i].clientId;
    if (!clientId || keys.has(clientId)) continue;
    keys.add(clientId).add(normaliseText(clientId));
  }
  return keys;
}

/**
 * Whether the clients `b` differ from `a` only by IDs some of them gained, which no order names (as typed
 * or folded): the orders are then linked to them as before. The orders' IDs are gathered at the first
 * gained ID only, and most orders name none: a 20,000-client base given its IDs costs no more than a
 * look at each client.
 */
function gainedOnlyIdsNoOrderNames(a: readonly Client[], b: readonly Client[], orders: readonly OrderClientKeys[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  let named: Set<string> | null = null;
  for (let i = 0; i < a.length; i++) {
    if (a[i].name !== b[i].name || a[i].phoneNormalised !== b[i].phoneNormalised) return false;
    const id = b[i].id;
    if (a[i].id === id) continue;
    if (a[i].id !== null || id === null) return false;
    named ??= orderIdKeys(orders);
    if (named.size > 0 && (named.has(id) || named.has(normaliseText(id)))) return false;
  }
  return true;
}

/**
 * The links of `orders` to `clients` (linkOrders), kept per list of orders: asked again for the same list,
 * with clients that differ only by IDs no order names, it gives the links it gave. The order import asks
 * for its file's links before and after the structure plan gives the clients their IDs.
 */
export function linkedOrders(clients: readonly Client[], orders: readonly OrderClientKeys[], phoneRegion: string, previous?: Base): (number | null)[] {
  const kept = linksOfOrders.get(orders);
  if (kept && kept.phoneRegion === phoneRegion && gainedOnlyIdsNoOrderNames(kept.clients, clients, orders)) {
    // The newest list is kept, so that an older one is let go.
    kept.clients = clients;
    return kept.links;
  }
  const extended = previous && previous.settings.phoneRegion === phoneRegion ? extendedLinks(previous, clients, orders) : null;
  const links = Object.freeze(extended ?? linkOrders(clients, orders, phoneRegion)) as (number | null)[];
  linksOfOrders.set(orders, { clients, phoneRegion, links });
  return links;
}

/**
 * The links of `orders` when they begin with the orders of `previous` (a read of the same sheet before) and
 * the clients link alike: its links, and the rest linked now with its clients' indexes. The orders read again
 * after one appended are the same objects but the last (`parseOrders`), and a million orders are not linked
 * again for one (0.6 s on 100,000 clients). Null when the lists share no order.
 */
function extendedLinks(previous: Base, clients: readonly Client[], orders: readonly OrderClientKeys[]): (number | null)[] | null {
  const before = previous.orders;
  let shared = 0;
  const most = Math.min(before.length, orders.length);
  while (shared < most && before[shared] === orders[shared]) shared++;
  if (shared === 0 || !gainedOnlyIdsNoOrderNames(previous.clients, clients, orders)) return null;
  const links = previous.orderClient.slice(0, shared);
  return shared < orders.length ? links.concat(linkOrders(clients, orders.slice(shared), previous.settings.phoneRegion, previous.clients)) : links;
}

function orderColumns(reader: RowReader<OrderField>): Record<OrderField, number> {
  return Object.fromEntries(ORDER_FIELDS.map((field) => [field, reader.at(field)])) as Record<OrderField, number>;
}

function readOrder(reader: RowReader<OrderField>, at: Record<OrderField, number>, row: readonly CellValue[], rowNumber: number): Order {
  return {
    row: rowNumber,
    date: reader.day(row, rowNumber, at.date),
    clientId: reader.text(row, at.clientId),
    client: reader.text(row, at.client),
    service: reader.text(row, at.service),
    amount: reader.amount(row, rowNumber, at.amount),
    number: reader.text(row, at.number),
    manager: reader.text(row, at.manager),
    comment: reader.text(row, at.comment),
  };
}

/**
 * The base as a read would find it once `rows` are appended to its orders sheet, the first of them in
 * spreadsheet row `firstRow`: what follows from them (the tracker after an order) is planned before they
 * are written, over the read they were planned from, and written with them.
 */
export function withOrdersAppended(base: Base, rows: readonly (readonly CellValue[])[], firstRow: number): Base {
  const layout = base.layout.orders;
  if (!layout) throw new Error('withOrdersAppended: the base has no orders sheet');
  const problems = [...base.problems];
  const reader = new RowReader(layout, problems);
  const at = orderColumns(reader);
  const appended = rows.map((row, k) => readOrder(reader, at, row, firstRow + k));
  const orderClient = base.orderClient.concat(linkOrders(base.clients, appended, base.settings.phoneRegion));
  return { ...base, orders: base.orders.concat(appended), orderClient, problems };
}

/** The orders of a sheet, with what a later read of it needs to keep the rows that did not change. */
interface OrdersRead {
  /** What an order is read from, whatever the number of rows: the sheet, its header row, its header and the columns found. */
  key: string;
  /** The rows read (the snapshot's own), by index. */
  rows: readonly (readonly CellValue[])[];
  /** The order read from each row, by index (none for a blank row). */
  byIndex: (Order | undefined)[];
  /** The problems of the rows that have some, by index. */
  problems: Map<number, Problem[]>;
  orders: Order[];
}

function sameCells(a: readonly CellValue[], b: readonly CellValue[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (!sameCell(a[k], b[k])) return false;
  return true;
}

/**
 * The orders of a sheet. A row keeps its order and its problems from `previous` (the newest read, with the
 * same key) when its cells are equal to that read's: an index is a row of the sheet, so the order's row
 * number is the same too.
 */
function parseOrders(sheet: SheetSnapshot, layout: LocatedSheet<FieldsOf['orders']>, problems: Problem[], previous: OrdersRead | null): OrdersRead {
  const reader = new RowReader(layout, problems);
  const at = orderColumns(reader);
  const key = JSON.stringify([layout.sheet, layout.headerRow, layout.header, layout.columns]);
  const kept = previous?.key === key ? previous : null;
  const byIndex: (Order | undefined)[] = new Array(sheet.rows.length);
  const rowProblems = new Map<number, Problem[]>();
  const orders = eachDataRow(sheet, layout, (row, rowNumber, index) => {
    const before = kept?.byIndex[index];
    if (before && sameCells(kept.rows[index], row)) {
      const own = kept.problems.get(index);
      if (own) {
        problems.push(...own);
        rowProblems.set(index, own);
      }
      byIndex[index] = before;
      return before;
    }
    const from = problems.length;
    const order = readOrder(reader, at, row, rowNumber);
    if (problems.length > from) rowProblems.set(index, problems.slice(from));
    byIndex[index] = order;
    return order;
  });
  return { key, rows: sheet.rows, byIndex, problems: rowProblems, orders };
}

/** The top-left cell and the last row of an `A1:C3`-style range. */
function mergedArea(range: string): { row: number; column: number; lastRow: number } | null {
  const match = /^\$?([A-Z]+)\$?(\d+)(?::\$?[A-Z]+\$?(\d+))?/i.exec(range.trim());
  return match ? { row: Number(match[2]), column: columnNumber(match[1]), lastRow: Number(match[3] ?? match[2]) } : null;
}

/**
 * Warnings for hidden data rows (one per run of consecutive rows) and merged areas reaching the header
 * or the data; those cells are still read. A merged title above the header is no one's concern.
 */
function sheetWarnings(sheet: SheetSnapshot, located: LocatedSheet<string>): Problem[] {
  const { header, headerRow } = located;
  const problems: Problem[] = [];
  const hidden = [...new Set(sheet.hiddenRows ?? [])].filter((row) => row > headerRow).sort((a, b) => a - b);
  for (let i = 0; i < hidden.length; ) {
    let j = i;
    while (j + 1 < hidden.length && hidden[j + 1] === hidden[j] + 1) j++;
    const rows = i === j ? `${hidden[i]}` : `${hidden[i]}–${hidden[j]}`;
    problems.push({
      sheet: sheet.name,
      row: hidden[i],
      column: '',
      value: '',
      message: message('sheet.hiddenRows', { rows }),
    });
    i = j + 1;
  }
  for (const range of sheet.mergedRanges ?? []) {
    const cell = mergedArea(range);
    if (!cell || cell.lastRow < headerRow) continue;
    problems.push({
      sheet: sheet.name,
      row: cell.row,
      column: header[cell.column - 1] ?? '',
      value: range,
      message: message('sheet.mergedCells', { range }),
    });
  }
  return problems;
}

/**
 * The whole base. `settings` defaults to the workbook's settings sheet (with the language detected
 * from the workbook when the sheet does not set it); the header mapping always comes from that sheet.
 * `previous`, a base read before from the same workbook (the panel's last read), lets an orders sheet read
 * again keep the orders and links of the rows that did not change.
 */
export function readBase(snapshot: WorkbookSnapshot, settings?: Settings, previous?: Base): Base {
  const stored = readSettings(snapshot);
  const used = settings ?? stored.settings;
  const layout = locateBase(snapshot, stored.mapping, used.language);
  const problems: Problem[] = [...stored.problems, ...layout.problems];
  const sheetOf = (name: string) => snapshot.sheets.find((s) => s.name === name) as SheetSnapshot;
  for (const located of [layout.services, layout.clients, layout.orders]) {
    if (located) problems.push(...sheetWarnings(sheetOf(located.sheet), located));
  }
  const services = layout.services ? readServices(sheetOf(layout.services.sheet), layout.services, problems) : [];
  const clients = layout.clients ? readClients(sheetOf(layout.clients.sheet), layout.clients, used, problems) : [];
  const orders = layout.orders ? readOrders(sheetOf(layout.orders.sheet), layout.orders, problems, (previous && ordersReads.get(previous.orders)) ?? null) : [];
  return {
    layout,
    settings: used,
    clients,
    services,
    orders,
    orderClient: linkedOrders(clients, orders, used.phoneRegion, previous),
    problems,
  };
}

