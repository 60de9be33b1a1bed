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
import { NO_HISTORY, type Client, type ClientField, type DayNumber, type Language, type Order, type OrderField, type Problem } from './model';
import type { Settings } from './settings';
import { readBase, say, type Base } from './base';
import { linkOrders, type OrderClientKeys } from './link-orders';
import { fieldHeader, headerKey } from './schema';
import { clientKeyOfHeader, matchSourceHeader, ORDER_CLIENT_DETAIL_FIELDS, type MatchRank, type OrderClientDetailField, type OrderLineField, type SourceField } from './header-match';
import type { SourceColumnMapping } from './import/mapping';
import { linesAlreadyPresent, type NumberConflict, type OrderLineIdentity } from './import/already-present';
import { cleanSum } from './tracker';
import { assignIds } from './structure';
import { parseDay, dayToDate, dayToIso, plainDay } from './normalise/date';
import { parseAmount, plainAmount } from './normalise/amount';
import { cellText, isBlank, normaliseText } from './normalise/text';
import { normalisePhone } from './normalise/phone';
import { normaliseEmail } from './normalise/email';
import { normaliseCity } from './normalise/city';
import { formatCount } from './plural';

export interface OrderImportReport {
  /** Name of the imported file or sheet, for messages. */
  source: string;
  imported: number;
  /** Lines of the file the Orders sheet already held (an export imported again): not imported. */
  alreadyPresent: number;
  /** The first day imported (`since`, ISO), or null when every date is. */
  since: string | null;
  /** Lines dated before `since`: not imported. */
  beforeSince: number;
  /** Imported lines linked to a client already in the base (the rest name a new client or none). */
  linked: number;
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

/** An import the product refuses (a mapped header the file does not have). Nothing is written. */
export class OrderImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OrderImportError';
  }
}

/**
 * An import whose lines cannot be linked to clients: nothing is written. `column` is the file's column
 * that most likely holds the client (null when none looks like it) and `field` the field to map it to;
 * `reason` says whether the file has no recognised client column or most of its lines link nowhere.
 */
export class UnlinkedOrdersError extends OrderImportError {
  constructor(
    message: string,
    readonly column: string | null,
    readonly field: 'clientId' | 'client',
    readonly reason: 'noClientColumn' | 'mostUnlinked',
  ) {
    super(message);
    this.name = 'UnlinkedOrdersError';
  }
}

interface SourceColumns {
  order: Partial<Record<OrderField | OrderLineField, number>>;
  client: Partial<Record<OrderClientDetailField, number>>;
  /** Headers that hold no field (their values are not imported), the ones mapped away excluded. */
  ignored: string[];
  /** Where the ignored columns are. */
  ignoredAt: number[];
  /** Of the ignored columns, those whose header names the client (`ФИО / код клиента`). */
  clientLike: number[];
}

/** The user's mapping first, then each field at the column that names it most surely (the first of equals). */
function sourceColumns(source: SheetSnapshot, mapping: readonly SourceColumnMapping[], language: Language): SourceColumns {
  const headers = source.header.map((cell) => cellText(cell));
  const at = new Map<SourceField, number>();
  const settled = new Set<number>();
  for (const { header, field } of mapping) {
    const index = headers.findIndex((text, i) => !settled.has(i) && headerKey(text) === headerKey(header));
    if (index < 0) {
      throw new OrderImportError(
        say(
          language,
          `В файле «${source.name}» нет столбца «${header}», указанного в сопоставлении. Столбцы файла: ${headers.filter(Boolean).join(', ')}.`,
          `The file "${source.name}" has no column "${header}" to map. Its columns: ${headers.filter(Boolean).join(', ')}.`,
        ),
      );
    }
    if (field !== null && at.has(field)) {
      throw new OrderImportError(
        say(language, `Поле ${field} сопоставлено двум столбцам: «${headers[at.get(field)!]}» и «${header}».`, `The field ${field} is mapped to two columns: "${headers[at.get(field)!]}" and "${header}".`),
      );
    }
    settled.add(index);
    if (field !== null) at.set(field, index);
  }
  const best = new Map<SourceField, { index: number; rank: MatchRank }>();
  const matched = new Set<number>();
  headers.forEach((header, index) => {
    if (!header || settled.has(index)) return;
    const match = matchSourceHeader(header);
    if (!match || at.has(match.field)) return;
    const current = best.get(match.field);
    if (!current || match.rank < current.rank) best.set(match.field, { index, rank: match.rank });
  });
  for (const [field, { index }] of best) {
    at.set(field, index);
    matched.add(index);
  }
  const order: SourceColumns['order'] = {};
  const client: SourceColumns['client'] = {};
  for (const [field, index] of at) {
    if ((ORDER_CLIENT_DETAIL_FIELDS as readonly string[]).includes(field)) client[field as OrderClientDetailField] = index;
    else order[field as OrderField | OrderLineField] = index;
  }
  const ignoredAt = headers.flatMap((header, index) => (header && !settled.has(index) && !matched.has(index) ? [index] : []));
  return {
    order,
    client,
    ignored: ignoredAt.map((index) => headers[index]),
    ignoredAt,
    clientLike: ignoredAt.filter((index) => clientKeyOfHeader(headers[index]) !== undefined),
  };
}

/** What an import takes from the file besides its columns. */
export interface OrderImportOptions {
  /** Only lines dated on or after this day are imported (undated lines are imported and reported). */
  since?: DayNumber;
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

/** The day a source cell holds: a real date, or a text date in any accepted form; null for anything else. */
function dayOf(value: CellValue | undefined): DayNumber | null {
  const quick = plainDay(value);
  if (quick === quick) return quick;
  return isBlank(value) ? null : parseDay(value, { serialNumbers: false }).day;
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
      const day = dayOf(value);
      if (day !== null) return this.dateOf(day);
      if (isBlank(value)) return null;
      return new ConversionProblem(asWritten(value), say(this.language, 'не дата: оставлено как текст', 'not a date: kept as text'));
    }
    if (field === 'amount') {
      const quick = plainAmount(value);
      if (quick === quick) return quick;
      if (isBlank(value)) return null;
      const parsed = parseAmount(value);
      if (parsed.amount !== null) return parsed.amount;
      return new ConversionProblem(asWritten(value), say(this.language, 'не сумма: оставлено как текст', 'not an amount: kept as text'));
    }
    return isBlank(value) ? null : asWritten(value);
  }
}

/**
 * A source cell as the text to write: a string exactly as the file has it (a tab before `=1+1`, a line
 * break at the end are the user's; the cell is written as literal text anyway), anything else as its text.
 */
function asWritten(value: CellValue | undefined): string {
  return typeof value === 'string' ? value : cellText(value);
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
const LISTED_LINES = 100;

/**
 * One problem per line for the first lines, then one for the rest: `rest(count, from, to)` says what
 * the rest are (a retail export has thousands of lines without a client).
 */
function lineProblems(sheet: string, rows: readonly number[], column: string, message: string, rest: (count: number, from: number, to: number) => string): Problem[] {
  const listed = rows.slice(0, LISTED_LINES).map((row) => ({ sheet, row, column, value: '', message }));
  if (rows.length <= LISTED_LINES) return listed;
  const from = rows[LISTED_LINES];
  return [...listed, { sheet, row: from, column, value: '', message: rest(rows.length - LISTED_LINES, from, rows[rows.length - 1]) }];
}

/** Lines without a client are imported as they are; the first are listed, the rest counted. */
function withoutClientProblems(sheet: string, rows: readonly number[], language: Language): Problem[] {
  return lineProblems(sheet, rows, '', say(language, 'В строке заказа не указан клиент: заказ импортирован без клиента.', 'The order line names no client: imported without a client.'), (count, from, to) =>
    say(language, `И ещё ${count} строк без клиента (строки ${from}–${to}): импортированы без клиента.`, `And ${count} more lines without a client (rows ${from}–${to}): imported without a client.`),
  );
}

/** Undated lines of an import `since` a day: imported, since nothing says they are older; listed. */
function undatedProblems(sheet: string, rows: readonly number[], column: string, since: string, language: Language): Problem[] {
  return lineProblems(sheet, rows, column, say(language, `Строка без даты: с какого дня импортировать (${since}), к ней не применить — импортирована.`, `A line without a date: the first day to import (${since}) cannot apply to it — imported.`), (count, from, to) =>
    say(language, `И ещё ${count} строк без даты (строки ${from}–${to}): импортированы.`, `And ${count} more lines without a date (rows ${from}–${to}): imported.`),
  );
}

/** A column of the file the line amount is computed from. */
interface LineColumn {
  index: number;
  header: string;
}

/**
 * A line's amount for a file without a sum column: quantity × unit price (one unit when the file has
 * no quantity column), cleaned of floating-point noise as the tracker's sums are (`cleanSum`), so
 * 3 × 0,1 is 0,3. Null when the two are not both numbers; what is wrong is reported.
 */
function lineAmount(
  cells: readonly CellValue[],
  price: LineColumn,
  quantity: LineColumn | undefined,
  report: (column: LineColumn, value: string, message: string) => void,
  language: Language,
): number | null {
  const columns = quantity ? [price, quantity] : [price];
  const values = columns.map((column) => {
    const value = cells[column.index];
    if (isBlank(value)) return null;
    const quick = plainAmount(value);
    const number = quick === quick ? quick : parseAmount(value).amount;
    if (number === null) report(column, cellText(value), say(language, 'не число: сумма строки не вычислена', 'not a number: the line amount is not computed'));
    return number;
  });
  if (values.every((value) => value !== null)) return cleanSum(values.reduce((product, value) => product * value, 1));
  // A line with neither is a line without an amount; with one of the two, the other is missing.
  const blank = columns.filter((column) => isBlank(cells[column.index]));
  if (blank.length < columns.length) {
    for (const column of blank) report(column, '', say(language, 'пусто: сумма строки не вычислена', 'empty: the line amount is not computed'));
  }
  return null;
}

/** An ignored column that would link the file's lines to clients, and the key it holds. */
interface LikelyClientColumn {
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
function likelyClientColumn(source: SheetSnapshot, columns: SourceColumns, sourceRows: readonly number[], base: Base): LikelyClientColumn | undefined {
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
function checkLinked(source: SheetSnapshot, columns: SourceColumns, sourceRows: readonly number[], links: readonly (number | null)[], base: Base): void {
  if (sourceRows.length === 0) return;
  const language = base.layout.language;
  const keys = [columns.order.clientId, columns.order.client].filter((at): at is number => at !== undefined);
  let naming = 0;
  let linked = 0;
  sourceRows.forEach((row, i) => {
    const cells = source.rows[row];
    if (![...keys, ...columns.clientLike].some((at) => !isBlank(cells[at]))) return;
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
interface OrderLines {
  /** Indexes into the file's rows of the lines imported: not blank, not dated before `since`. */
  sourceRows: number[];
  /** The client each names. */
  orders: OrderClientKeys[];
  /** Lines dated before `since`. */
  beforeSince: number;
  /** Sheet rows of the undated lines, when `since` is given (they are imported). */
  undated: number[];
}

/** The file's non-blank lines on or after `since` (indexes into its rows), and the client each names. */
function orderLines(source: SheetSnapshot, columns: SourceColumns, since: DayNumber | undefined, language: Language): OrderLines {
  const lines: OrderLines = { sourceRows: [], orders: [], beforeSince: 0, undated: [] };
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
function sheetLine(row: readonly CellValue[], columns: Partial<Record<OrderField, number>>): Pick<Order, 'date' | 'amount' | 'service' | 'number'> {
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
function identityOf(order: Pick<Order, 'date' | 'amount' | 'service' | 'number'>): Omit<OrderLineIdentity, 'client'> {
  return { date: order.date, amount: order.amount, service: normaliseText(order.service), number: order.number.trim() };
}

/** Why a line whose order number the Orders sheet has is imported all the same. */
function conflictMessage(conflict: NumberConflict, number: string, sheet: string, language: Language): string {
  if (conflict.reason === 'client') {
    return say(
      language,
      `Заказ с номером «${number}» уже есть на листе «${sheet}» у другого клиента. Строка импортирована; проверьте, не ошибка ли это в выгрузке.`,
      `An order numbered "${number}" is already on the "${sheet}" sheet for another client. The line is imported; check the export.`,
    );
  }
  const held = conflict.heldDate === null ? say(language, 'без даты', 'undated') : cellText(dayToDate(conflict.heldDate));
  return say(
    language,
    `Заказ с номером «${number}» уже есть на листе «${sheet}» у этого клиента, но с другой датой (${held}). Строка импортирована; если это тот же заказ, удалите одну из строк.`,
    `An order numbered "${number}" is already on the "${sheet}" sheet for this client, with another date (${held}). The line is imported; if it is the same order, delete one of the lines.`,
  );
}

/**
 * The import in one line, numbers grouped as the language writes them («уже были: 1 234», with a
 * no-break space): what was imported, what the sheet already held, what `since` left out.
 */
export function orderImportSummary(report: OrderImportReport, language: Language): string {
  const n = (count: number) => formatCount(count, language);
  const parts = [
    say(language, `Импортировано заказов: ${n(report.imported)} (связано с клиентами базы: ${n(report.linked)})`, `Orders imported: ${n(report.imported)} (linked to clients of the base: ${n(report.linked)})`),
    say(language, `уже были: ${n(report.alreadyPresent)}`, `already there: ${n(report.alreadyPresent)}`),
  ];
  if (report.since !== null) {
    const since = say(language, report.since.split('-').reverse().join('.'), report.since);
    parts.push(say(language, `раньше ${since}: ${n(report.beforeSince)}`, `before ${since}: ${n(report.beforeSince)}`));
  }
  parts.push(say(language, `добавлено клиентов: ${n(report.clientsAdded)}`, `clients added: ${n(report.clientsAdded)}`));
  return parts.join(', ');
}

/**
 * Refuses (with `UnlinkedOrdersError`) an import of `source` into `base` whose lines cannot be linked
 * to clients, as `planOrderImport` would: for a caller about to change the workbook before planning
 * the import (the structure plan), so that nothing is written for an import that is refused.
 */
export function checkOrderImport(base: Base, source: SheetSnapshot, mapping: readonly SourceColumnMapping[] = [], options: OrderImportOptions = {}): void {
  const columns = sourceColumns(source, mapping, base.layout.language);
  const { sourceRows, orders } = orderLines(source, columns, options.since, base.layout.language);
  checkLinked(source, columns, sourceRows, linkOrders(base.clients, orders, base.settings.phoneRegion), base);
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
  mapping: readonly SourceColumnMapping[] = [],
  options: OrderImportOptions = {},
): Plan<OrderImportReport> {
  const language = base.layout.language;
  const target = base.layout.orders;
  const clientsLayout = base.layout.clients;
  if (!target || !clientsLayout) throw new NoOrdersSheetError(language);
  const region = base.settings.phoneRegion;
  const columns = sourceColumns(source, mapping, language);
  const problems: Problem[] = [];
  const width = Math.max(target.header.length, target.usedWidth);
  const lineColumn = (field: OrderLineField): LineColumn | undefined => {
    const index = columns.order[field];
    return index === undefined ? undefined : { index, header: cellText(source.header[index]) };
  };
  const price = columns.order.amount === undefined ? lineColumn('price') : undefined;
  const quantity = lineColumn('quantity');
  const amountTo = target.columns.amount ?? -1;

  const imported: ImportedColumn[] = (Object.entries(columns.order) as Array<[OrderField | OrderLineField, number]>)
    .filter((entry): entry is [OrderField, number] => entry[0] !== 'quantity' && entry[0] !== 'price')
    .map(([field, from]) => ({ field, from, to: target.columns[field] ?? -1, header: cellText(source.header[from]) }));
  const { sourceRows, orders, beforeSince, undated } = orderLines(source, columns, options.since, language);
  const since = options.since === undefined ? null : dayToIso(options.since);
  if (since !== null) problems.push(...undatedProblems(source.name, undated, cellText(source.header[columns.order.date!]), since, language));
  // Orders whose client is not in the base bring that client in, once per ID or name.
  const links = linkOrders(base.clients, orders, region);
  checkLinked(source, columns, sourceRows, links, base);

  const converter = new CellConverter(language);
  const rows: CellValue[][] = sourceRows.map((index) => {
    const cells = source.rows[index];
    const out: CellValue[] = new Array(width).fill(null);
    for (const column of imported) {
      let converted = converter.convert(column.field, cells[column.from]);
      if (converted instanceof ConversionProblem) {
        problems.push({ sheet: source.name, row: sourceRowNumber(source, index), column: column.header, value: converted.text, message: converted.message });
        converted = converted.text;
      }
      if (column.to >= 0) out[column.to] = converted;
    }
    if (price) {
      const amount = lineAmount(cells, price, quantity, (column, value, message) =>
        problems.push({ sheet: source.name, row: sourceRowNumber(source, index), column: column.header, value, message }), language);
      if (amountTo >= 0) out[amountTo] = amount;
    }
    return out;
  });

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

  problems.push(...withoutClientProblems(source.name, withoutClient, language));

  // Lines the Orders sheet already holds (the same export imported again) are left out and counted.
  const clientKey = (i: number) => (links[i] !== null ? `c${links[i]}` : broughtIn[i] ? `new${broughtIn[i]!.row}` : '');
  const presence = linesAlreadyPresent(
    base.orders.map((order, k) => ({ ...identityOf(order), client: base.orderClient[k] === null ? '' : `c${base.orderClient[k]}` })),
    rows.map((row, i) => ({ ...identityOf(sheetLine(row, target.columns)), client: clientKey(i) })),
  );
  for (const conflict of presence.conflicts) {
    const i = conflict.line;
    problems.push({
      sheet: source.name,
      row: sourceRowNumber(source, sourceRows[i]),
      column: target.header[target.columns.number ?? -1] ?? '',
      value: cellText(rows[i][target.columns.number ?? -1] ?? ''),
      message: conflictMessage(conflict, cellText(rows[i][target.columns.number ?? -1] ?? ''), target.sheet, language),
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
      for (const field of ORDER_CLIENT_DETAIL_FIELDS) put(field, (client as unknown as Record<string, string>)[field]);
      put('comment', comment);
      return out;
    });
    operations.push({ kind: 'appendRows', sheet: clientsLayout.sheet, rows: clientRows });
  }
  if (keptRows.length > 0) {
    const numberFormats: (string | null)[] = new Array(width).fill(null);
    if (target.columns.date !== undefined) numberFormats[target.columns.date] = FORMAT_DATE;
    if (target.columns.amount !== undefined) numberFormats[target.columns.amount] = FORMAT_MONEY;
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
      problems,
    },
  };
}
