/**
 * Importing orders from another file (a 1C or bank CSV export, another sheet) into the Orders sheet.
 *
 * The source's columns are found by their headers, in the words exports use (`Клиент ID`, `Дата
 * документа`, `Сумма с НДС`, `UnitPrice`; see `matchSourceHeader`), or as the user maps them. Dates and
 * amounts are converted to real dates and numbers; a cell that is neither stays as the text it was and
 * is reported, so nothing from the file is lost. A file without a sum column gets each line's amount
 * as quantity × price. An order whose client is not in the base adds that client to the clients sheet
 * (once per client), with the ID the file gives or a new one, so the analyses cover every buyer in the
 * export. A file whose lines cannot be linked to clients at all (no client column is recognised, or
 * most lines link to no client while a column that names the client is not recognised) is refused
 * with `UnlinkedOrdersError`, and nothing is written.
 *
 * Lines the Orders sheet already holds are not imported again (import/already-present.ts), so an export
 * imported twice changes nothing. `since` imports only the lines dated on or after a day: the rest are
 * counted, undated lines imported and reported. Text is written exactly as the file has it.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot';
import { sheetRowNumber, sourceRowNumber } from '../workbook/snapshot';
import { FORMAT_DATE, FORMAT_MONEY, type SheetOperation } from '../workbook/operations';
import type { Plan } from '../workbook/workbook';
import type { Client, ClientField, Language, OrderField, Problem } from './model';
import type { Settings } from './settings';
import { linkedOrders, readBase, say, type Base } from './base';
import { memoised } from './memoised';
import type { OrderClientKeys } from './link-orders';
import { ORDER_CLIENT_DETAIL_FIELDS, type OrderClientDetailField, type OrderLineField } from './header-match';
import { ColumnsAdded } from './import/added-columns';
import type { SourceColumnMapping } from './import/mapping';
import { linesAlreadyPresent } from './import/already-present';
import { assignIds } from './structure';
import { dayToIso } from './normalise/date';
import { cellText, normaliseText } from './normalise/text';
import { normalisePhone } from './normalise/phone';
import { normaliseEmail } from './normalise/email';
import { normaliseCity } from './normalise/city';
import { asWritten, blankClient, CellConverter, ConversionProblem, sourceColumns, type ImportedColumn, type OrderImportOptions } from './import/order-columns';
import { checkLinked, conflictMessage, identityOf, lineAmount, orderLines, sheetLine, undatedProblems, withoutClientProblems, type LineColumn, type OrderLines } from './import/order-lines';
import { NoOrdersSheetError, type OrderImportReport } from './import/order-report';

export { NoOrdersSheetError, OrderImportError, UnlinkedOrdersError, orderImportSummary, type OrderImportReport } from './import/order-report';
export type { OrderImportOptions } from './import/order-columns';

/** The lines `checkOrderImport` found in a file, for the plan of the same import to take over. */
export interface CheckedLines {
  language: Language;
  lines: OrderLines;
}

/**
 * Refuses (with `UnlinkedOrdersError`) an import of `source` into `base` whose lines cannot be linked
 * to clients, as `planOrderImport` would: for a caller about to change the workbook before planning
 * the import (the structure plan), so that nothing is written for an import that is refused. Returns
 * the lines it found: given to `planOrderImport` with the same source, mapping and options, a file of
 * 500,000 lines is gone through once, and its links to clients are found again only if the structure
 * plan changed them (base.ts `linkedOrders`).
 */
export function checkOrderImport(base: Base, source: SheetSnapshot, mapping: readonly SourceColumnMapping[] = [], options: OrderImportOptions = {}): CheckedLines {
  const language = base.layout.language;
  const columns = sourceColumns(source, mapping, language);
  const lines = orderLines(source, columns, options.since, language);
  checkLinked(source, columns, lines.sourceRows, linkedOrders(base.clients, lines.orders, base.settings.phoneRegion), base);
  return { language, lines };
}

/**
 * The plan that appends the source's orders to the Orders sheet (and unknown clients to the clients
 * sheet). The workbook must already have both sheets (the structure plan creates the Orders sheet).
 * `base`, when the caller has it, is `readBase(snapshot, settings)` already done: a big base is not
 * read twice; `checked`, what `checkOrderImport` returned for this source, mapping and options.
 */
export function planOrderImport(
  snapshot: WorkbookSnapshot,
  source: SheetSnapshot,
  settings?: Settings,
  base: Base = readBase(snapshot, settings),
  mapping: readonly SourceColumnMapping[] = [],
  options: OrderImportOptions = {},
  checked?: CheckedLines,
): Plan<OrderImportReport> {
  const language = base.layout.language;
  const target = base.layout.orders;
  const clientsLayout = base.layout.clients;
  if (!target || !clientsLayout) throw new NoOrdersSheetError(language);
  const region = base.settings.phoneRegion;
  const columns = sourceColumns(source, mapping, language);
  const problems: Problem[] = [];
  // A field the file has and a sheet lacks gets a column at that sheet's right: nothing of the file is dropped.
  const orderColumns = new ColumnsAdded('orders', target, Math.max(target.header.length, target.usedWidth), language);
  const clientColumns = new ColumnsAdded('clients', clientsLayout, Math.max(clientsLayout.header.length, clientsLayout.usedWidth), language);
  const lineColumn = (field: OrderLineField): LineColumn | undefined => {
    const index = columns.order[field];
    return index === undefined ? undefined : { index, header: cellText(source.header[index]) };
  };
  const price = columns.order.amount === undefined ? lineColumn('price') : undefined;
  const quantity = lineColumn('quantity');

  const imported: ImportedColumn[] = (Object.entries(columns.order) as Array<[OrderField | OrderLineField, number]>)
    .filter((entry): entry is [OrderField, number] => entry[0] !== 'quantity' && entry[0] !== 'price')
    .map(([field, from]) => ({ field, from, to: orderColumns.indexOf(field), header: cellText(source.header[from]) }));
  const amountTo = price ? orderColumns.indexOf('amount') : -1;
  const orderFields = orderColumns.columns();
  const width = orderColumns.totalWidth;
  const { sourceRows, orders, beforeSince, undated } = checked?.language === language ? checked.lines : orderLines(source, columns, options.since, language);
  const since = options.since === undefined ? null : dayToIso(options.since);
  if (since !== null) problems.push(...undatedProblems(source.name, undated, cellText(source.header[columns.order.date!]), since));
  // Orders whose client is not in the base bring that client in, once per ID or name.
  const links = linkedOrders(base.clients, orders, region);
  checkLinked(source, columns, sourceRows, links, base);

  const converter = new CellConverter();
  const rows: CellValue[][] = sourceRows.map((index) => {
    const cells = source.rows[index];
    const out: CellValue[] = new Array(width).fill(null);
    for (const column of imported) {
      let converted = converter.convert(column.field, cells[column.from]);
      if (converted instanceof ConversionProblem) {
        problems.push({ sheet: source.name, row: sourceRowNumber(source, index), column: column.header, value: converted.text, message: converted.message });
        converted = converted.text;
      }
      out[column.to] = converted;
    }
    if (price) {
      const amount = lineAmount(cells, price, quantity, (column, value, message) =>
        problems.push({ sheet: source.name, row: sourceRowNumber(source, index), column: column.header, value, message }));
      if (amountTo >= 0) out[amountTo] = amount;
    }
    return out;
  });

  const newClients = new Map<string, Client>();
  /** Per imported order, the client it brings in (undefined for an order of a known client or of none). */
  /** Rows of lines that name no client (retail exports have many: sales to unnamed customers). */
  const withoutClient: number[] = [];
  const broughtIn: Array<Client | undefined> = new Array(orders.length);
  // Remembered per text as typed: a file of 500,000 lines names 50,000 clients, each folded once.
  const idKey = memoised((id) => `id:${normaliseText(id)}`);
  const nameKey = memoised((name) => `name:${normaliseText(name)}`);
  const keyOf = (order: OrderClientKeys) => (order.clientId ? idKey(order.clientId) : nameKey(order.client));
  let nextRow = sheetRowNumber(clientsLayout.rowCount, clientsLayout.headerRow);
  const idColumn = orderFields.clientId;
  for (let i = 0; i < links.length; i++) {
    const link = links[i];
    const order = orders[i];
    if (link !== null) {
      const client = base.clients[link];
      if (idColumn !== undefined && !order.clientId && client.id) rows[i][idColumn] = client.id;
      continue;
    }
    if (!order.clientId && !order.client) {
      withoutClient.push(sourceRowNumber(source, sourceRows[i]));
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
      const cells = source.rows[sourceRows[i]];
      const written = (at: number | undefined) => (at === undefined ? '' : asWritten(cells[at]));
      client = { ...blankClient(nextRow++), id: order.clientId ? written(columns.order.clientId) : null, name: order.client ? written(columns.order.client) : written(columns.order.clientId) };
      for (const field of ORDER_CLIENT_DETAIL_FIELDS) {
        const at = columns.client[field];
        if (at !== undefined) (client as unknown as Record<string, string>)[field] = written(at);
      }
      client.phoneNormalised = normalisePhone(client.phone, region);
      client.emailNormalised = normaliseEmail(client.email);
      client.cityNormalised = normaliseCity(client.city);
      newClients.set(key, client);
    }
    broughtIn[i] = client;
  }

  problems.push(...withoutClientProblems(source.name, withoutClient));

  // Lines the Orders sheet already holds (the same export imported again) are left out and counted.
  const clientKey = (i: number) => (links[i] !== null ? `c${links[i]}` : broughtIn[i] ? `new${broughtIn[i]!.row}` : '');
  const presence = linesAlreadyPresent(
    base.orders.map((order, k) => ({ ...identityOf(order), client: base.orderClient[k] === null ? '' : `c${base.orderClient[k]}` })),
    rows.length,
    (i) => ({ ...identityOf(sheetLine(rows[i], orderFields)), client: clientKey(i) }),
  );
  for (const conflict of presence.conflicts) {
    const i = conflict.line;
    problems.push({
      sheet: source.name,
      row: sourceRowNumber(source, sourceRows[i]),
      column: target.header[target.columns.number ?? -1] ?? '',
      value: cellText(rows[i][target.columns.number ?? -1] ?? ''),
      message: conflictMessage(conflict, cellText(rows[i][target.columns.number ?? -1] ?? ''), target.sheet),
    });
  }
  const keptRows = rows.filter((_, i) => !presence.present[i]);
  const alreadyPresent = rows.length - keptRows.length;
  const stillBrought = new Set(broughtIn.filter((client, i) => client && !presence.present[i]));
  for (const [key, client] of newClients) if (!stillBrought.has(client)) newClients.delete(key);

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
    const detail = (client: Client, field: OrderClientDetailField) => (client as unknown as Record<string, string>)[field];
    // A detail the file gives for a client it brings in gets a column even when the clients sheet has none.
    const details = ORDER_CLIENT_DETAIL_FIELDS.filter((field) => added.some((client) => detail(client, field)));
    for (const field of details) clientColumns.indexOf(field);
    const clientFields = clientColumns.columns();
    const comment = say(language, 'добавлен при импорте заказов', 'added by an order import');
    const clientRows = added.map((client) => {
      const out: CellValue[] = new Array(clientColumns.totalWidth).fill(null);
      const put = (field: ClientField, value: string | null) => {
        const at = clientFields[field];
        if (at !== undefined && value) out[at] = value;
      };
      put('id', client.id);
      put('name', client.name);
      for (const field of details) put(field, detail(client, field));
      put('comment', comment);
      return out;
    });
    const headers = clientColumns.operation();
    if (headers) operations.push(headers);
    operations.push({ kind: 'appendRows', sheet: clientsLayout.sheet, rows: clientRows });
  }
  if (keptRows.length > 0) {
    const numberFormats: (string | null)[] = new Array(width).fill(null);
    if (orderFields.date !== undefined) numberFormats[orderFields.date] = FORMAT_DATE;
    if (orderFields.amount !== undefined) numberFormats[orderFields.amount] = FORMAT_MONEY;
    const headers = orderColumns.operation();
    if (headers) operations.push(headers);
    operations.push({ kind: 'appendRows', sheet: target.sheet, rows: keptRows, numberFormats });
  }

  return {
    operations,
    report: {
      source: source.name,
      imported: keptRows.length,
      alreadyPresent,
      since,
      beforeSince,
      linked: links.filter((link, i) => link !== null && !presence.present[i]).length,
      clientsAdded: added.length,
      ignoredColumns: columns.ignored,
      addedColumns: [...orderColumns.report(), ...clientColumns.report()],
      problems,
    },
  };
}
