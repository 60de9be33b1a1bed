/**
 * Reading the user's base: finding the services, clients and orders sheets and their columns
 * (`locateBase`), and parsing their rows into domain records (`readBase`). Cells that cannot be parsed
 * become problems with the spreadsheet row and the user's own header; the rest of the base is read.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot';
import { columnNumber, sheetBelowHeader, sheetRowNumber } from '../workbook/snapshot';
import { CLIENT_FIELDS, ORDER_FIELDS, say, type Client, type ClientField, type Language, type Order, type OrderField, type Problem, type Service, type SheetLayout } from './model';
import type { Settings } from './settings';
import { normaliseEmail } from './normalise/email';
import { normalisePhone } from './normalise/phone';
import { normaliseCity } from './normalise/city';
import { cellText, isBlank, normaliseText } from './normalise/text';
import { parseDay, plainDay, type DateError } from './normalise/date';
import { parseAmount, plainAmount } from './normalise/amount';
import {
  fieldHeader,
  fieldOfHeader,
  fieldOfHeaderPrefix,
  headerKey,
  sheetKindOfName,
  sheetNameMatches,
  type FieldsOf,
  type HeaderMapping,
  type TableKind,
  workbookLanguage,
} from './schema';
import { readSettings } from './settings-sheet';
import { isListedComputed } from './computed-columns';
import { HISTORY_FIELDS } from './history-columns';

/**
 * A located sheet: the shared `SheetLayout` plus where its header is and how far right its content
 * reaches. Its data rows are spreadsheet rows headerRow+1 .. headerRow+rowCount (`sheetRowNumber(i, headerRow)`).
 */
export interface LocatedSheet<F extends string> extends SheetLayout<F> {
  /** Columns in use: up to the last non-empty header or the widest non-empty data cell below the header. */
  usedWidth: number;
  /** The spreadsheet row (1-based) of the header: 1, or lower when a title, a note or empty rows come first. */
  headerRow: number;
}

/** The last spreadsheet row of a located sheet's data (its header row when it has no data). */
export function lastDataRow(layout: Pick<LocatedSheet<string>, 'headerRow' | 'rowCount'>): number {
  return layout.headerRow + layout.rowCount;
}

/** The `headerRow` of an operation on a located sheet: said only when it is not row 1, the default. */
export function headerRowOf(layout: Pick<LocatedSheet<string>, 'headerRow'>): { headerRow?: number } {
  return layout.headerRow === 1 ? {} : { headerRow: layout.headerRow };
}

export interface BaseLayout {
  services?: LocatedSheet<FieldsOf['services']>;
  clients?: LocatedSheet<FieldsOf['clients']>;
  orders?: LocatedSheet<FieldsOf['orders']>;
  settingsSheet?: string;
  /**
   * Sheets named for a kind (`Клиенты`, …) in which no row looks like a header: they are not read, and
   * nothing is written into them (a problem names each).
   */
  headerless: Partial<Record<TableKind, string>>;
  /** Language of the sheets and headers the product writes. */
  language: Language;
  /** Layout problems: duplicate headers, a mapped header that is not there. */
  problems: Problem[];
}

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

function lastNonBlankIndex(cells: readonly CellValue[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (!isBlank(cells[i])) return i;
  return -1;
}

function rowIsBlank(row: readonly CellValue[]): boolean {
  return lastNonBlankIndex(row) < 0;
}

/** Number of data rows up to the last non-blank one (trailing empty rows of the used range do not count). */
function dataRowCount(sheet: SheetSnapshot): number {
  for (let i = sheet.rows.length - 1; i >= 0; i--) if (!rowIsBlank(sheet.rows[i])) return i + 1;
  return 0;
}

function usedWidth(sheet: SheetSnapshot): number {
  let width = lastNonBlankIndex(sheet.header) + 1;
  for (const row of sheet.rows) width = Math.max(width, lastNonBlankIndex(row) + 1);
  return width;
}

/** The columns of a sheet whose header is in row `found.headerRow`. */
function layoutSheet<K extends TableKind>(
  kind: K,
  found: FoundSheet,
  mapping: Partial<Record<FieldsOf[K], string | null>>,
  language: Language,
  problems: Problem[],
): LocatedSheet<FieldsOf[K]> {
  const { headerRow } = found;
  const sheet = sheetBelowHeader(found.sheet, headerRow);
  const header = sheet.header.map((cell) => cellText(cell));
  const columns: Partial<Record<FieldsOf[K], number>> = {};
  const taken = new Set<number>();
  const userSaid = new Set<FieldsOf[K]>();
  const assign = (field: FieldsOf[K], index: number) => {
    columns[field] = index;
    taken.add(index);
  };

  for (const [field, wanted] of Object.entries(mapping) as Array<[FieldsOf[K], string | null | undefined]>) {
    if (wanted === undefined) continue;
    if (wanted === null) {
      userSaid.add(field);
      continue;
    }
    const index = header.findIndex((text, i) => !taken.has(i) && headerKey(text) === headerKey(wanted));
    if (index >= 0) {
      assign(field, index);
      userSaid.add(field);
    } else {
      problems.push({
        sheet: sheet.name,
        row: headerRow,
        column: wanted,
        value: wanted,
        message: say(
          language,
          `В настройках поле «${fieldHeader(kind, field, 'ru')}» указано в столбце «${wanted}», но такого заголовка на листе нет. Столбец найден по названию, если это возможно; поправьте настройку.`,
          `The settings put the field "${fieldHeader(kind, field, 'en')}" under "${wanted}", but the sheet has no such header. The column is found by its name where possible; correct the setting.`,
        ),
      });
    }
  }

  header.forEach((text, index) => {
    if (taken.has(index)) return;
    const field = fieldOfHeader(kind, text);
    if (field === undefined || userSaid.has(field)) return;
    const first = columns[field];
    if (first === undefined) {
      assign(field, index);
      return;
    }
    problems.push({
      sheet: sheet.name,
      row: headerRow,
      column: text,
      value: text,
      message: say(
        language,
        `Заголовок «${text}» повторяется: данные берутся из первого столбца «${header[first]}» (${first + 1}-й), этот столбец не читается. Переименуйте один из них.`,
        `The header "${text}" is repeated: data is taken from the first column "${header[first]}" (column ${first + 1}); this one is not read. Rename one of them.`,
      ),
    });
  });

  header.forEach((text, index) => {
    if (taken.has(index) || !text) return;
    const field = fieldOfHeaderPrefix(kind, text);
    if (field !== undefined && columns[field] === undefined && !userSaid.has(field)) assign(field, index);
  });

  return { sheet: sheet.name, columns, header, rowCount: dataRowCount(sheet), usedWidth: usedWidth(sheet), headerRow };
}

/** The field that must be there for a row to be taken as a kind's header by its headers alone. */
const KEY_FIELD: { [K in TableKind]: FieldsOf[K] } = { clients: 'name', services: 'name', orders: 'date' };
/** A second field to name, with the key field, when telling the user what a header looks like. */
const EXAMPLE_FIELD: { [K in TableKind]: FieldsOf[K] } = { clients: 'phone', services: 'price', orders: 'amount' };
/** When a sheet's headers fit two kinds equally well, the earlier kind wins. */
const KIND_ORDER: TableKind[] = ['clients', 'orders', 'services'];
/** Rows searched for the header: a title, a note and a few empty rows come above it, not pages of them. */
const HEADER_SEARCH_ROWS = 15;

/** A sheet and the spreadsheet row (1-based) its header is in. */
interface FoundSheet {
  sheet: SheetSnapshot;
  headerRow: number;
}

/** The fields the cells of a row name exactly: by synonym, or as the headers the settings map them to. */
function fieldsOfRow<K extends TableKind>(kind: K, cells: readonly CellValue[], mapping: HeaderMapping[K] = {}): Set<FieldsOf[K]> {
  const mapped = new Map<string, FieldsOf[K]>();
  for (const [field, text] of Object.entries(mapping) as Array<[FieldsOf[K], string | null | undefined]>) if (text) mapped.set(headerKey(text), field);
  const fields = new Set<FieldsOf[K]>();
  for (const cell of cells) {
    const field = mapped.get(headerKey(cell)) ?? fieldOfHeader(kind, cellText(cell));
    if (field !== undefined) fields.add(field);
  }
  return fields;
}

/** How well a row reads as a kind's header: the number of fields it names, 0 unless the key field is among at least two. */
function headerScore(kind: TableKind, cells: readonly CellValue[], mapping: HeaderMapping): number {
  const fields: Set<string> = fieldsOfRow(kind, cells, mapping[kind]);
  return fields.has(KEY_FIELD[kind]) && fields.size >= 2 ? fields.size : 0;
}

/** The rows a header may be in, from row 1. */
function headerCandidates(sheet: SheetSnapshot): readonly (readonly CellValue[])[] {
  return [sheet.header, ...sheet.rows.slice(0, HEADER_SEARCH_ROWS - 1)];
}

/** The row that reads best as a kind's header (the upper one on a tie), or score 0 when none does. */
function bestHeaderRow(kind: TableKind, sheet: SheetSnapshot, mapping: HeaderMapping): { headerRow: number; score: number } {
  let best = { headerRow: 1, score: 0 };
  headerCandidates(sheet).forEach((cells, index) => {
    const score = headerScore(kind, cells, mapping);
    if (score > best.score) best = { headerRow: index + 1, score };
  });
  return best;
}

/**
 * The header row of a sheet named for a kind: the row that reads best as its header; else the first row
 * naming any of its fields, even by a longer header (a header of a lone «Клиент» is a header); else row 1
 * of a sheet with nothing in it. Undefined when the sheet holds something but no row reads as a header:
 * reading it would make its title a header and its data clients without names.
 */
function namedSheetHeaderRow<K extends TableKind>(kind: K, sheet: SheetSnapshot, mapping: HeaderMapping): number | undefined {
  const best = bestHeaderRow(kind, sheet, mapping);
  if (best.score > 0) return best.headerRow;
  const naming = headerCandidates(sheet).findIndex(
    (cells) => fieldsOfRow(kind, cells, mapping[kind]).size > 0 || cells.some((cell) => fieldOfHeaderPrefix(kind, cellText(cell)) !== undefined),
  );
  if (naming >= 0) return naming + 1;
  return rowIsBlank(sheet.header) && dataRowCount(sheet) === 0 ? 1 : undefined;
}

interface ChosenSheets {
  found: Partial<Record<TableKind, FoundSheet>>;
  headerless: Partial<Record<TableKind, string>>;
}

/**
 * Sheets by name first; for kinds still missing, the unnamed sheet with the row that reads best as a
 * header. A kind whose named sheet has no header row gets no other sheet: the user meant that one.
 */
function chooseSheets(snapshot: WorkbookSnapshot, mapping: HeaderMapping): ChosenSheets {
  const chosen: ChosenSheets = { found: {}, headerless: {} };
  const used = new Set<SheetSnapshot>();
  for (const kind of KIND_ORDER) {
    const sheet = snapshot.sheets.find((s) => !used.has(s) && sheetNameMatches(kind, s.name));
    if (!sheet) continue;
    used.add(sheet);
    const headerRow = namedSheetHeaderRow(kind, sheet, mapping);
    if (headerRow === undefined) chosen.headerless[kind] = sheet.name;
    else chosen.found[kind] = { sheet, headerRow };
  }
  // Sheets named for something else (results, archive, settings) are never taken by their headers.
  const free = () => snapshot.sheets.filter((s) => !used.has(s) && sheetKindOfName(s.name) === undefined);
  for (;;) {
    let best: { kind: TableKind; found: FoundSheet; score: number } | undefined;
    for (const kind of KIND_ORDER) {
      if (chosen.found[kind] || chosen.headerless[kind]) continue;
      for (const sheet of free()) {
        const { headerRow, score } = bestHeaderRow(kind, sheet, mapping);
        if (score > 0 && (!best || score > best.score)) best = { kind, found: { sheet, headerRow }, score };
      }
    }
    if (!best) return chosen;
    chosen.found[best.kind] = best.found;
    used.add(best.found.sheet);
  }
}

/** The problem of the sheet named for `kind` in which no row reads as a header; undefined when there is none. */
export function headerlessProblem(layout: Pick<BaseLayout, 'headerless' | 'language'>, kind: TableKind): Problem | undefined {
  const sheet = layout.headerless[kind];
  if (sheet === undefined) return undefined;
  const { language } = layout;
  const example = (lang: Language) => `«${fieldHeader(kind, KEY_FIELD[kind], lang)}», «${fieldHeader(kind, EXAMPLE_FIELD[kind], lang)}»`;
  return {
    sheet,
    row: 1,
    column: '',
    value: '',
    message: say(
      language,
      `На листе «${sheet}» не найдена строка заголовков: ни одна из первых ${HEADER_SEARCH_ROWS} строк не похожа на названия столбцов (например ${example('ru')}). Лист не прочитан и не изменён. Добавьте над данными строку заголовков.`,
      `No header row was found on the sheet "${sheet}": none of its first ${HEADER_SEARCH_ROWS} rows looks like column names (e.g. ${example('en')}). The sheet was not read and not changed. Add a row of headers above the data.`,
    ),
  };
}

/**
 * Where the services, clients and orders are. `mapping` (from the settings sheet) overrides header
 * synonyms; `language` overrides the detection from the workbook's texts.
 */
export function locateBase(snapshot: WorkbookSnapshot, mapping: HeaderMapping = {}, language?: Language): BaseLayout {
  const lang = language ?? workbookLanguage(snapshot);
  const problems: Problem[] = [];
  const { found, headerless } = chooseSheets(snapshot, mapping);
  const layout: BaseLayout = { language: lang, problems, headerless };
  for (const kind of KIND_ORDER) {
    const problem = headerlessProblem(layout, kind);
    if (problem) problems.push(problem);
  }
  const settingsSheet = snapshot.sheets.find((s) => sheetNameMatches('settings', s.name));
  if (settingsSheet) layout.settingsSheet = settingsSheet.name;
  if (found.services) layout.services = layoutSheet('services', found.services, mapping.services ?? {}, lang, problems);
  if (found.clients) layout.clients = layoutSheet('clients', found.clients, mapping.clients ?? {}, lang, problems);
  if (found.orders) layout.orders = layoutSheet('orders', found.orders, mapping.orders ?? {}, lang, problems);
  return layout;
}

/** The client columns the product manages, in the order it adds them at the right. */
export const MANAGED_CLIENT_FIELDS: readonly ClientField[] = [
  'id',
  'firstOrder',
  'lastOrder',
  'orders',
  'revenue',
  'daysSinceLastOrder',
  'abc',
  'rfm',
  'segment',
  'duplicateGroup',
  'status',
];

export interface ManagedColumn {
  field: ClientField;
  /** 1-based column. */
  column: number;
  /** The header: the user's own when the column exists, the canonical one when it is new. */
  header: string;
  isNew: boolean;
}

/**
 * Positions of the managed client columns: where they are when the sheet has them, else new columns
 * appended at the right of everything in use, in `MANAGED_CLIENT_FIELDS` order.
 */
export function managedColumns(
  layout: SheetLayout<ClientField> & { usedWidth?: number },
  language: Language,
): ManagedColumn[] {
  let next = Math.max(layout.usedWidth ?? 0, lastNonBlankIndex(layout.header) + 1) + 1;
  return MANAGED_CLIENT_FIELDS.map((field) => {
    const index = layout.columns[field];
    if (index !== undefined) return { field, column: index + 1, header: layout.header[index], isNew: false };
    return { field, column: next++, header: fieldHeader('clients', field, language), isNew: true };
  });
}

/** Problem messages for cells that are not what their column holds. */
export function dateProblemMessage(error: DateError, value: string, language: Language): string {
  switch (error) {
    case 'noSuchDay':
      return say(language, `Такой даты нет в календаре: «${value}». Исправьте день или месяц (дд.мм.гггг).`, `There is no such date: "${value}". Correct the day or the month (dd.mm.yyyy).`);
    case 'numberNotDate':
      return say(language, `Число «${value}» не похоже на дату. Введите дату в виде дд.мм.гггг.`, `The number "${value}" does not look like a date. Enter a date as dd.mm.yyyy.`);
    default:
      return say(language, `«${value}» — не дата. Введите дату в виде дд.мм.гггг.`, `"${value}" is not a date. Enter a date as dd.mm.yyyy.`);
  }
}

export function amountProblemMessage(value: string, language: Language): string {
  return say(language, `«${value}» — не сумма. Введите число, например 1 234,56.`, `"${value}" is not an amount. Enter a number, e.g. 1234.56.`);
}

export function countProblemMessage(value: string, language: Language): string {
  return say(language, `«${value}» — не количество. Введите целое число, например 3; пока значение не учитывается.`, `"${value}" is not a count. Enter a whole number, e.g. 3; until then it is not used.`);
}

/**
 * Reads the cells of one located sheet, collecting problems against the user's headers. Fields are
 * addressed by column index (`at`, -1 when the sheet has no such column), found once per sheet.
 */
class RowReader<F extends string> {
  constructor(
    private readonly layout: LocatedSheet<F>,
    private readonly language: Language,
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
    if (parsed.error) this.report(rowNumber, at, raw, dateProblemMessage(parsed.error, cellText(raw), this.language));
    return parsed.day;
  }

  amount(row: readonly CellValue[], rowNumber: number, at: number): number | null {
    const raw = this.raw(row, at);
    const quick = plainAmount(raw);
    if (quick === quick) return quick;
    const parsed = parseAmount(raw);
    if (parsed.error) this.report(rowNumber, at, raw, amountProblemMessage(cellText(raw), this.language));
    return parsed.amount;
  }

  /** A number of things (orders): a whole number ≥ 0, else reported and null. */
  count(row: readonly CellValue[], rowNumber: number, at: number): number | null {
    const raw = this.raw(row, at);
    const quick = plainAmount(raw);
    const value = quick === quick ? quick : parseAmount(raw).amount;
    if (value !== null && Number.isInteger(value) && value >= 0) return value;
    if (!isBlank(raw)) this.report(rowNumber, at, raw, countProblemMessage(cellText(raw), this.language));
    return null;
  }

  report(rowNumber: number, at: number, raw: CellValue, message: string): void {
    this.problems.push({ sheet: this.layout.sheet, row: rowNumber, column: this.layout.header[at], value: cellText(raw), message });
  }
}

const SERIAL_DAYS = { serialNumbers: true };

/** Calls `read` for each non-blank data row below the sheet's header row, with its spreadsheet row number. */
function eachDataRow<T>(sheet: SheetSnapshot, layout: Pick<LocatedSheet<string>, 'headerRow'>, read: (row: readonly CellValue[], rowNumber: number) => T): T[] {
  const out: T[] = [];
  const rows = sheet.rows;
  for (let index = layout.headerRow - 1; index < rows.length; index++) {
    if (!rowIsBlank(rows[index])) out.push(read(rows[index], sheetRowNumber(index)));
  }
  return out;
}

const YES = new Set(['да', 'д', 'yes', 'y', 'true', '1', '+', 'активна', 'активен', 'active', 'вкл', 'on', 'истина']);
const NO = new Set(['нет', 'н', 'no', 'n', 'false', '0', '-', 'неактивна', 'неактивен', 'inactive', 'выкл', 'off', 'архив', 'ложь']);

function readServices(sheet: SheetSnapshot, layout: LocatedSheet<FieldsOf['services']>, language: Language, problems: Problem[]): Service[] {
  const reader = new RowReader(layout, language, problems);
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
        reader.report(rowNumber, at.active, raw, say(language, `Не понятно, активна ли услуга: «${cellText(raw)}». Напишите «да» или «нет»; пока услуга считается активной.`, `Cannot tell whether the service is active: "${cellText(raw)}". Write "yes" or "no"; until then it counts as active.`));
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

/** A pure text function remembered per distinct input: few distinct cities among many clients. */
function memoised(compute: (text: string) => string): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    let result = known.get(text);
    if (result === undefined) {
      result = compute(text);
      known.set(text, result);
    }
    return result;
  };
}

function readClients(sheet: SheetSnapshot, layout: LocatedSheet<ClientField>, settings: Settings, language: Language, problems: Problem[]): Client[] {
  const reader = new RowReader(layout, language, problems);
  const at = Object.fromEntries(CLIENT_FIELDS.map((field) => [field, reader.at(field)])) as Record<ClientField, number>;
  // The tracker's own columns hold its output, not the user's history: reading them back as typed
  // history would count the orders after the typed date twice.
  for (const field of HISTORY_FIELDS) if (at[field] >= 0 && isListedComputed(layout.header[at[field]], settings.computedColumns)) at[field] = -1;
  const cityOf = memoised(normaliseCity);
  return eachDataRow(sheet, layout, (row, rowNumber) => {
    const phone = reader.text(row, at.phone);
    const email = reader.text(row, at.email);
    const city = reader.text(row, at.city);
    return {
      row: rowNumber,
      id: reader.text(row, at.id) || null,
      name: reader.text(row, at.name),
      type: reader.text(row, at.type),
      contact: reader.text(row, at.contact),
      phone,
      phoneNormalised: normalisePhone(phone, settings.phoneRegion),
      email,
      emailNormalised: normaliseEmail(email),
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
      refusalReason: reader.text(row, at.refusalReason),
      comment: reader.text(row, at.comment),
      history: {
        firstOrder: reader.day(row, rowNumber, at.firstOrder),
        lastOrder: reader.day(row, rowNumber, at.lastOrder),
        orders: reader.count(row, rowNumber, at.orders),
        revenue: reader.amount(row, rowNumber, at.revenue),
      },
    };
  });
}

function readOrders(sheet: SheetSnapshot, layout: LocatedSheet<FieldsOf['orders']>, language: Language, problems: Problem[]): Order[] {
  const reader = new RowReader(layout, language, problems);
  const at = Object.fromEntries(ORDER_FIELDS.map((field) => [field, reader.at(field)])) as Record<OrderField, number>;
  return eachDataRow(sheet, layout, (row, rowNumber) => ({
    row: rowNumber,
    date: reader.day(row, rowNumber, at.date),
    clientId: reader.text(row, at.clientId),
    client: reader.text(row, at.client),
    service: reader.text(row, at.service),
    amount: reader.amount(row, rowNumber, at.amount),
    number: reader.text(row, at.number),
    manager: reader.text(row, at.manager),
    comment: reader.text(row, at.comment),
  }));
}

/** What `linkOrders` needs of an order. */
export type OrderClientKeys = Pick<Order, 'clientId' | 'client'>;

/** No client (in the maps of `linkOrders`, which hold small integers only). */
const NO_CLIENT = -1;

/**
 * `resolve(text)` remembered per distinct text. Orders repeat the same few thousand client IDs and
 * names a million times; each is folded, looked up, or parsed as a phone once. The memory is an object
 * without a prototype rather than a Map: V8 interns the strings used as property names, and a lookup
 * by interned string is about twice as fast for the strings a CSV parser slices out of one big text.
 */
function cachedLookup(resolve: (text: string) => number): (text: string) => number {
  const known: Record<string, number> = Object.create(null);
  return (text) => {
    let index = known[text];
    if (index === undefined) {
      index = resolve(text);
      known[text] = index;
    }
    return index;
  };
}

/** `build()` made on the first call and kept: an index that a file may never need is never built. */
function lazily<T>(build: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= build());
}

/** Key → index of the first client with that key (empty keys left out). */
function firstIndexBy(clients: readonly Client[], keys: (client: Client) => Array<string | null>): Map<string, number> {
  const map = new Map<string, number>();
  for (let index = 0; index < clients.length; index++) {
    for (const key of keys(clients[index])) if (key && !map.has(key)) map.set(key, index);
  }
  return map;
}

/**
 * Order → client: by ID, else by normalised name, else by a phone written in the client or ID cell.
 * Each index is built when first needed: a 1C file names clients and carries no IDs, so the ID index
 * (two keys per client) is never built for it, and the phone index only when a name is not found.
 */
export function linkOrders(clients: readonly Client[], orders: readonly OrderClientKeys[], phoneRegion: string): (number | null)[] {
  // IDs are keyed as typed and normalised: most orders carry the exact ID, found without folding.
  const byId = lazily(() => firstIndexBy(clients, (client) => (client.id ? [client.id, normaliseText(client.id)] : [])));
  const byName = lazily(() => firstIndexBy(clients, (client) => [normaliseText(client.name)]));
  const byPhone = lazily(() => firstIndexBy(clients, (client) => [client.phoneNormalised]));
  const phoneLink = (text: string) => {
    const phone = /\d/.test(text) ? normalisePhone(text, phoneRegion) : null;
    return phone ? (byPhone().get(phone) ?? NO_CLIENT) : NO_CLIENT;
  };
  const idLink = cachedLookup((id) => (id ? (byId().get(id) ?? byId().get(normaliseText(id)) ?? NO_CLIENT) : NO_CLIENT));
  const nameOrPhoneLink = cachedLookup((name) => byName().get(normaliseText(name)) ?? phoneLink(name));
  const idPhoneLink = cachedLookup(phoneLink);
  const links: (number | null)[] = new Array(orders.length);
  // The lines of one order or invoice come together: a line naming the previous line's client links as it did.
  // (An order with neither an ID nor a name links to no client, so the start is such an order.)
  let previous: OrderClientKeys = { clientId: '', client: '' };
  let previousLink = NO_CLIENT;
  for (let i = 0; i < orders.length; i++) {
    const order = orders[i];
    const { clientId, client } = order;
    let link = previousLink;
    if (clientId !== previous.clientId || client !== previous.client) {
      link = idLink(clientId);
      if (link === NO_CLIENT) link = nameOrPhoneLink(client);
      if (link === NO_CLIENT) link = idPhoneLink(clientId);
    }
    links[i] = link === NO_CLIENT ? null : link;
    previous = order;
    previousLink = link;
  }
  return links;
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
function sheetWarnings(sheet: SheetSnapshot, located: LocatedSheet<string>, language: Language): Problem[] {
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
      message: say(language, `Строки ${rows} скрыты. Они всё равно учитываются; покажите их, чтобы проверить данные.`, `Rows ${rows} are hidden. They are still counted; unhide them to check the data.`),
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
      message: say(language, `Объединённые ячейки ${range}: читается только значение левой верхней ячейки. Разъедините их и заполните каждую строку.`, `Merged cells ${range}: only the top-left value is read. Unmerge them and fill in each row.`),
    });
  }
  return problems;
}

/**
 * The whole base. `settings` defaults to the workbook's settings sheet (with the language detected
 * from the workbook when the sheet does not set it); the header mapping always comes from that sheet.
 */
export function readBase(snapshot: WorkbookSnapshot, settings?: Settings): Base {
  const stored = readSettings(snapshot);
  const used = settings ?? stored.settings;
  const layout = locateBase(snapshot, stored.mapping, used.language);
  const language = layout.language;
  const problems: Problem[] = [...stored.problems, ...layout.problems];
  const sheetOf = (name: string) => snapshot.sheets.find((s) => s.name === name) as SheetSnapshot;
  for (const located of [layout.services, layout.clients, layout.orders]) {
    if (located) problems.push(...sheetWarnings(sheetOf(located.sheet), located, language));
  }
  const services = layout.services ? readServices(sheetOf(layout.services.sheet), layout.services, language, problems) : [];
  const clients = layout.clients ? readClients(sheetOf(layout.clients.sheet), layout.clients, used, language, problems) : [];
  const orders = layout.orders ? readOrders(sheetOf(layout.orders.sheet), layout.orders, language, problems) : [];
  return {
    layout,
    settings: used,
    clients,
    services,
    orders,
    orderClient: linkOrders(clients, orders, used.phoneRegion),
    problems,
  };
}

