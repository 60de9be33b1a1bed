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
import type { Client, ClientField, Language, Order, OrderField, Problem } from './model';
import type { Settings } from './settings';
import { linkOrders, readBase, say } from './base';
import { fieldOfHeader } from './schema';
import { assignIds } from './structure';
import { parseDay, dayToDate } from './normalise/date';
import { parseAmount } from './normalise/amount';
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

/** A cell of the source converted for the target column: real dates and numbers where they parse. */
function convertCell(
  field: OrderField,
  value: CellValue | undefined,
  report: (message: string) => void,
  language: Language,
): CellValue {
  if (isBlank(value)) return null;
  if (field === 'date') {
    const parsed = parseDay(value, { serialNumbers: false });
    if (parsed.day !== null) return dayToDate(parsed.day);
    report(say(language, 'не дата: оставлено как текст', 'not a date: kept as text'));
    return cellText(value);
  }
  if (field === 'amount') {
    const parsed = parseAmount(value);
    if (parsed.amount !== null) return parsed.amount;
    report(say(language, 'не сумма: оставлено как текст', 'not an amount: kept as text'));
    return cellText(value);
  }
  return cellText(value);
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
  };
}

/**
 * The plan that appends the source's orders to the Orders sheet (and unknown clients to the clients
 * sheet). The workbook must already have both sheets (the structure plan creates the Orders sheet).
 */
export function planOrderImport(
  snapshot: WorkbookSnapshot,
  source: SheetSnapshot,
  settings?: Settings,
): Plan<OrderImportReport> {
  const base = readBase(snapshot, settings);
  const language = base.layout.language;
  const target = base.layout.orders;
  const clientsLayout = base.layout.clients;
  if (!target || !clientsLayout) throw new NoOrdersSheetError(language);
  const region = base.settings.phoneRegion;
  const columns = sourceColumns(source);
  const problems: Problem[] = [];
  const width = Math.max(target.header.length, target.usedWidth);

  const rows: CellValue[][] = [];
  const orders: Order[] = [];
  const sourceRows: number[] = [];
  source.rows.forEach((cells, index) => {
    if (cells.every((cell) => isBlank(cell))) return;
    const out: CellValue[] = new Array(width).fill(null);
    const order = { row: 0, date: null, clientId: '', client: '', service: '', amount: null, number: '', manager: '', comment: '' } as Order;
    for (const [field, at] of Object.entries(columns.order) as Array<[OrderField, number]>) {
      const value = cells[at];
      const converted = convertCell(
        field,
        value,
        (message) =>
          problems.push({ sheet: source.name, row: sheetRowNumber(index), column: cellText(source.header[at]), value: cellText(value), message }),
        language,
      );
      const targetColumn = target.columns[field];
      if (targetColumn !== undefined) out[targetColumn] = converted;
      if (field === 'clientId') order.clientId = cellText(value);
      if (field === 'client') order.client = cellText(value);
    }
    rows.push(out);
    orders.push(order);
    sourceRows.push(index);
  });

  // Orders whose client is not in the base bring that client in, once per ID or name.
  const links = linkOrders(base.clients, orders, region);
  const newClients = new Map<string, Client>();
  const keyOf = (order: Order) => (order.clientId ? `id:${normaliseText(order.clientId)}` : `name:${normaliseText(order.client)}`);
  let nextRow = sheetRowNumber(clientsLayout.rowCount);
  links.forEach((link, i) => {
    const order = orders[i];
    if (link !== null) {
      const client = base.clients[link];
      const idColumn = target.columns.clientId;
      if (idColumn !== undefined && !order.clientId && client.id) rows[i][idColumn] = client.id;
      return;
    }
    if (!order.clientId && !order.client) {
      problems.push({
        sheet: source.name,
        row: sheetRowNumber(sourceRows[i]),
        column: '',
        value: '',
        message: say(language, 'В строке заказа не указан клиент: заказ импортирован без клиента.', 'The order line names no client: imported without a client.'),
      });
      return;
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
  });

  const added = [...newClients.values()];
  const ids = assignIds([...base.clients, ...added], language);
  for (const client of added) client.id = client.id ?? ids.get(client.row) ?? null;
  // Orders of a new client point at its ID, so the link holds even if the name is later edited.
  const idColumn = target.columns.clientId;
  if (idColumn !== undefined) {
    links.forEach((link, i) => {
      if (link === null && (orders[i].clientId || orders[i].client)) rows[i][idColumn] = newClients.get(keyOf(orders[i]))?.id ?? null;
    });
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
