/**
 * Importing orders from another file (a 1C or bank CSV export, another sheet) into the Orders sheet.
 *
 * The source's columns are found by the same header synonyms as the Orders sheet's. Dates and amounts
 * are converted to real dates and numbers; a cell that is neither stays as the text it was and is
 * reported, so nothing from the file is lost. An order whose client is not in the base adds that client
 * to the clients sheet (once per client), with the ID the file gives or a new one, so the analyses
 * cover every buyer in the export.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot';
import { sheetRowNumber } from '../workbook/snapshot';
import { FORMAT_DATE, FORMAT_MONEY, type SheetOperation } from '../workbook/operations';
import type { Plan } from '../workbook/workbook';
import { NO_HISTORY, type Client, type ClientField, type Language, type OrderField, type Problem } from './model';
import type { Settings } from './settings';
import { linkOrders, readBase, say, type Base, type OrderClientKeys } from './base';
import { fieldOfHeader } from './schema';
import { assignIds } from './structure';
import { parseDay, dayToDate, plainDay } from './normalise/date';
import { parseAmount, plainAmount } from './normalise/amount';
import { cellText, isBlank, normaliseText } from './normalise/text';
import { normalisePhone } from './normalise/phone';
import { normaliseEmail } from './normalise/email';
import { normaliseCity } from './normalise/city';

export interface OrderImportReport {
  /** Name of the imported file or sheet, for messages. */
  source: string;
  imported: number;
  clientsAdded: number;
  /** Source headers that match no order or client field (their values are not imported). */
  ignoredColumns: string[];
  problems: Problem[];
}

export class NoOrdersSheetError extends Error {
  constructor(language: Language) {
    super(
      say(
        language,
        'В книге нет листа заказов: сначала выполните «Структурировать базу».',
        'The workbook has no orders sheet: run "Structure the base" first.',
      ),
    );
    this.name = 'NoOrdersSheetError';
  }
}

/** Client details an order line may carry besides the client's name and ID. */
const CLIENT_DETAIL_FIELDS: readonly ClientField[] = ['phone', 'email', 'city', 'inn', 'contact', 'type'];

interface SourceColumns {
  order: Partial<Record<OrderField, number>>;
  client: Partial<Record<ClientField, number>>;
  ignored: string[];
}

function sourceColumns(source: SheetSnapshot): SourceColumns {
  const order: Partial<Record<OrderField, number>> = {};
  const client: Partial<Record<ClientField, number>> = {};
  const ignored: string[] = [];
  source.header.forEach((cell, index) => {
    const header = cellText(cell);
    if (!header) return;
    const orderField = fieldOfHeader('orders', header);
    if (orderField !== undefined && order[orderField] === undefined) {
      order[orderField] = index;
      return;
    }
    const clientField = fieldOfHeader('clients', header);
    if (clientField !== undefined && CLIENT_DETAIL_FIELDS.includes(clientField) && client[clientField] === undefined) {
      client[clientField] = index;
      return;
    }
    ignored.push(header);
  });
  return { order, client, ignored };
}

/** A source column and where its values go. */
interface ImportedColumn {
  field: OrderField;
  /** Index in the source rows. */
  from: number;
  /** Index in the Orders sheet's rows; -1 when the sheet has no such column (the value is still checked). */
  to: number;
  /** The source header, for problems. */
  header: string;
}

/** A cell that did not convert: kept as its text, reported with the message. */
class ConversionProblem {
  constructor(
    readonly text: string,
    readonly message: string,
  ) {}
}

/**
 * Converts source cells for the Orders sheet: real dates and numbers where they parse. One `Date` is
 * made per distinct day and shared by the rows of that day: cells are values nobody changes in place,
 * and a million separate dates cost memory and collection time.
 */
class CellConverter {
  private readonly dates = new Map<number, Date>();

  constructor(private readonly language: Language) {}

  private dateOf(day: number): Date {
    let date = this.dates.get(day);
    if (date === undefined) {
      date = dayToDate(day);
      this.dates.set(day, date);
    }
    return date;
  }

  /** The converted value, or a problem message (the value then stays as text). */
  convert(field: OrderField, value: CellValue | undefined): CellValue | ConversionProblem {
    if (field === 'date') {
      const quick = plainDay(value);
      if (quick === quick) return this.dateOf(quick);
      if (isBlank(value)) return null;
      const parsed = parseDay(value, { serialNumbers: false });
      if (parsed.day !== null) return this.dateOf(parsed.day);
      return new ConversionProblem(cellText(value), say(this.language, 'не дата: оставлено как текст', 'not a date: kept as text'));
    }
    if (field === 'amount') {
      const quick = plainAmount(value);
      if (quick === quick) return quick;
      if (isBlank(value)) return null;
      const parsed = parseAmount(value);
      if (parsed.amount !== null) return parsed.amount;
      return new ConversionProblem(cellText(value), say(this.language, 'не сумма: оставлено как текст', 'not an amount: kept as text'));
    }
    return isBlank(value) ? null : cellText(value);
  }
}

function blankClient(row: number): Client {
  return {
    row,
    id: null,
    name: '',
    type: '',
    contact: '',
    phone: '',
    phoneNormalised: null,
    email: '',
    emailNormalised: null,
    inn: '',
    city: '',
    cityNormalised: '',
    industry: '',
    source: '',
    manager: '',
    status: '',
    service: '',
    firstContact: null,
    birthday: null,
    nextContact: null,
    channel: '',
    refusalReason: '',
    comment: '',
    history: NO_HISTORY,
  };
}

/** Lines listed one by one before the rest are summed up in one problem. */
const LISTED_LINES_WITHOUT_CLIENT = 100;

/** Lines without a client are imported as they are; the first are listed, the rest counted. */
function withoutClientProblems(sheet: string, rows: readonly number[], language: Language): Problem[] {
  const message = say(language, 'В строке заказа не указан клиент: заказ импортирован без клиента.', 'The order line names no client: imported without a client.');
  const listed = rows.slice(0, LISTED_LINES_WITHOUT_CLIENT).map((row) => ({ sheet, row, column: '', value: '', message }));
  const rest = rows.length - listed.length;
  if (rest <= 0) return listed;
  const from = rows[LISTED_LINES_WITHOUT_CLIENT];
  const summary = say(
    language,
    `И ещё ${rest} строк без клиента (строки ${from}–${rows[rows.length - 1]}): импортированы без клиента.`,
    `And ${rest} more lines without a client (rows ${from}–${rows[rows.length - 1]}): imported without a client.`,
  );
  return [...listed, { sheet, row: from, column: '', value: '', message: summary }];
}

/**
 * The plan that appends the source's orders to the Orders sheet (and unknown clients to the clients
 * sheet). The workbook must already have both sheets (the structure plan creates the Orders sheet).
 * `base`, when the caller has it, is `readBase(snapshot, settings)` already done: a big base is not
 * read twice.
 */
export function planOrderImport(
  snapshot: WorkbookSnapshot,
  source: SheetSnapshot,
  settings?: Settings,
  base: Base = readBase(snapshot, settings),
): Plan<OrderImportReport> {
  const language = base.layout.language;
  const target = base.layout.orders;
  const clientsLayout = base.layout.clients;
  if (!target || !clientsLayout) throw new NoOrdersSheetError(language);
  const region = base.settings.phoneRegion;
  const columns = sourceColumns(source);
  const problems: Problem[] = [];
  const width = Math.max(target.header.length, target.usedWidth);

  const imported: ImportedColumn[] = (Object.entries(columns.order) as Array<[OrderField, number]>).map(([field, from]) => ({
    field,
    from,
    to: target.columns[field] ?? -1,
    header: cellText(source.header[from]),
  }));
  const converter = new CellConverter(language);
  const rows: CellValue[][] = [];
  const orders: OrderClientKeys[] = [];
  const sourceRows: number[] = [];
  for (let index = 0; index < source.rows.length; index++) {
    const cells = source.rows[index];
    if (cells.every(isBlank)) continue;
    const out: CellValue[] = new Array(width).fill(null);
    const order: OrderClientKeys = { clientId: '', client: '' };
    for (const column of imported) {
      const value = cells[column.from];
      let converted = converter.convert(column.field, value);
      if (converted instanceof ConversionProblem) {
        problems.push({ sheet: source.name, row: sheetRowNumber(index), column: column.header, value: converted.text, message: converted.message });
        converted = converted.text;
      }
      if (column.to >= 0) out[column.to] = converted;
      if (column.field === 'clientId') order.clientId = cellText(value);
      if (column.field === 'client') order.client = cellText(value);
    }
    rows.push(out);
    orders.push(order);
    sourceRows.push(index);
  }

  // Orders whose client is not in the base bring that client in, once per ID or name.
  const links = linkOrders(base.clients, orders, region);
  const newClients = new Map<string, Client>();
  /** Per imported order, the client it brings in (undefined for an order of a known client or of none). */
  /** Rows of lines that name no client (retail exports have many: sales to unnamed customers). */
  const withoutClient: number[] = [];
  const broughtIn: Array<Client | undefined> = new Array(orders.length);
  const keyOf = (order: OrderClientKeys) => (order.clientId ? `id:${normaliseText(order.clientId)}` : `name:${normaliseText(order.client)}`);
  let nextRow = sheetRowNumber(clientsLayout.rowCount, clientsLayout.headerRow);
  const idColumn = target.columns.clientId;
  for (let i = 0; i < links.length; i++) {
    const link = links[i];
    const order = orders[i];
    if (link !== null) {
      const client = base.clients[link];
      if (idColumn !== undefined && !order.clientId && client.id) rows[i][idColumn] = client.id;
      continue;
    }
    if (!order.clientId && !order.client) {
      withoutClient.push(sheetRowNumber(sourceRows[i]));
      continue;
    }
    // The lines of one invoice name the same client: the previous line's client, without a key.
    const previous = i > 0 ? orders[i - 1] : undefined;
    if (previous && broughtIn[i - 1] && previous.clientId === order.clientId && previous.client === order.client) {
      broughtIn[i] = broughtIn[i - 1];
      continue;
    }
    const key = keyOf(order);
    let client = newClients.get(key);
    if (!client) {
      client = { ...blankClient(nextRow++), id: order.clientId || null, name: order.client || order.clientId };
      const cells = source.rows[sourceRows[i]];
      for (const field of CLIENT_DETAIL_FIELDS) {
        const at = columns.client[field];
        if (at !== undefined) (client as unknown as Record<string, string>)[field] = cellText(cells[at]);
      }
      client.phoneNormalised = normalisePhone(client.phone, region);
      client.emailNormalised = normaliseEmail(client.email);
      client.cityNormalised = normaliseCity(client.city);
      newClients.set(key, client);
    }
    broughtIn[i] = client;
  }

  problems.push(...withoutClientProblems(source.name, withoutClient, language));

  const added = [...newClients.values()];
  const ids = assignIds([...base.clients, ...added], language);
  for (const client of added) client.id = client.id ?? ids.get(client.row) ?? null;
  // Orders of a new client point at its ID, so the link holds even if the name is later edited.
  if (idColumn !== undefined) {
    for (let i = 0; i < broughtIn.length; i++) {
      const client = broughtIn[i];
      if (client) rows[i][idColumn] = client.id;
    }
  }

  const operations: SheetOperation[] = [];
  if (added.length > 0) {
    const clientWidth = Math.max(clientsLayout.header.length, clientsLayout.usedWidth);
    const comment = say(language, 'добавлен при импорте заказов', 'added by an order import');
    const clientRows = added.map((client) => {
      const out: CellValue[] = new Array(clientWidth).fill(null);
      const put = (field: ClientField, value: string | null) => {
        const at = clientsLayout.columns[field];
        if (at !== undefined && value) out[at] = value;
      };
      put('id', client.id);
      put('name', client.name);
      for (const field of CLIENT_DETAIL_FIELDS) put(field, (client as unknown as Record<string, string>)[field]);
      put('comment', comment);
      return out;
    });
    operations.push({ kind: 'appendRows', sheet: clientsLayout.sheet, rows: clientRows });
  }
  if (rows.length > 0) {
    const numberFormats: (string | null)[] = new Array(width).fill(null);
    if (target.columns.date !== undefined) numberFormats[target.columns.date] = FORMAT_DATE;
    if (target.columns.amount !== undefined) numberFormats[target.columns.amount] = FORMAT_MONEY;
    operations.push({ kind: 'appendRows', sheet: target.sheet, rows, numberFormats });
  }

  return {
    operations,
    report: { source: source.name, imported: rows.length, clientsAdded: added.length, ignoredColumns: columns.ignored, problems },
  };
}
