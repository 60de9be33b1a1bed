/**
 * The structure plan: make the user's workbook a structured base without touching what they typed.
 * Managed client columns are added at the right, empty IDs are filled, the Orders and Settings sheets
 * are created when missing, headers are frozen with an autofilter, and the columns get dropdowns and
 * rules. The plan only adds: running it on its own result changes nothing.
 */
import { lazily } from './lazily';
import type { Plan } from '../workbook/workbook';
import type { SetValidation, SheetOperation, ValidationRule, WriteColumns } from '../workbook/operations';
import { FORMAT_DATE, FORMAT_INTEGER, FORMAT_MONEY, FORMAT_TEXT } from '../workbook/operations';
import type { CellValue, WorkbookSnapshot } from '../workbook/snapshot';
import { rowIndex } from '../workbook/snapshot';
import { columnLetter } from '../workbook/a1';
import type { Client, ClientField, Language, OrderField, Problem } from './model';
import { ORDER_FIELDS } from './model';
import type { Settings } from './settings';
import { FUNNEL_STATUSES, statusNames } from './statuses';
import { normaliseText } from './normalise/text';
import { readBase, type Base } from './base';
import { message } from './messages/message';
import { headerRowOf, lastDataRow, managedColumns, type LocatedSheet, type ManagedColumn } from './layout';
import { checkData } from './check';
import { fieldHeader, sheetName } from './schema';
import { settingsOperations } from './settings-sheet';

/**
 * Rows below the data that get the dropdowns and rules too, so new entries are checked. The rules and
 * the filter are laid over the data as it is when the plan is made: an action that adds more rows than
 * this (an import) lays them again with `appendedRows`.
 */
export const DEFAULT_SPARE_ROWS = 2000;

export interface StructureOptions {
  /** Settings to use instead of the workbook's settings sheet. */
  settings?: Settings;
  spareRows?: number;
  /** The host's last row (Excel: 1,048,576): the spare rows stop there, so they never make a plan too big. */
  lastRow?: number;
  /** Rows the same action appends below a sheet's data (an import), by sheet: the rules cover them too. */
  appendedRows?: ReadonlyMap<string, number>;
}

export interface AddedColumn {
  sheet: string;
  field: string;
  /** 1-based column. */
  column: number;
  header: string;
}

export interface StructureReport {
  language: Language;
  /** The clients sheet, null when the workbook has none (then nothing is planned). */
  clientsSheet: string | null;
  addedColumns: AddedColumn[];
  /** Number of clients that got a new ID. */
  idsFilled: number;
  sheetsCreated: string[];
  /** The data check of the base as it was read. */
  problems: Problem[];
}

/** A client ID the product assigns: `К-00017` (ru) or `C-00017` (en). */
const ID_PATTERN = /^[КKC]-?(\d+)$/iu;
const ID_DIGITS = 5;

/** New IDs for clients without one, numbered after the highest product-style ID already there. */
export function assignIds(clients: ReadonlyArray<Pick<Client, 'id' | 'row'>>, language: Language): Map<number, string> {
  let highest = 0;
  for (const client of clients) {
    const match = client.id ? ID_PATTERN.exec(client.id.trim()) : null;
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  const prefix = language === 'ru' ? 'К-' : 'C-';
  const ids = new Map<number, string>();
  for (const client of clients) {
    if (!client.id) ids.set(client.row, `${prefix}${String(++highest).padStart(ID_DIGITS, '0')}`);
  }
  return ids;
}

const MANAGED_FORMATS: Partial<Record<ClientField, string>> = {
  id: FORMAT_TEXT,
  firstOrder: FORMAT_DATE,
  lastOrder: FORMAT_DATE,
  orders: FORMAT_INTEGER,
  revenue: FORMAT_MONEY,
  daysSinceLastOrder: FORMAT_INTEGER,
  expectedOrder: FORMAT_DATE,
};

/** The new managed columns (header only) and the filled IDs, as one write; null when nothing is new. */
function clientColumnsWrite(base: Base, managed: ManagedColumn[], ids: Map<number, string>): WriteColumns | null {
  const clients = base.layout.clients as LocatedSheet<ClientField>;
  const columns: WriteColumns['columns'] = [];
  for (const column of managed) {
    let values: Array<CellValue | undefined> = [];
    if (column.field === 'id' && ids.size > 0) {
      values = new Array<CellValue | undefined>(clients.rowCount).fill(undefined);
      for (const [row, id] of ids) values[rowIndex(row, clients.headerRow)] = id;
    }
    if (!column.isNew && values.length === 0) continue;
    const format = column.isNew ? MANAGED_FORMATS[column.field] : undefined;
    columns.push({
      column: column.column,
      ...(column.isNew ? { header: column.header } : {}),
      values,
      ...(format ? { numberFormat: format } : {}),
    });
  }
  return columns.length ? { kind: 'writeColumns', sheet: clients.sheet, ...headerRowOf(clients), columns } : null;
}

/** Distinct values for a dropdown: the first spelling of each (compared by `normaliseText`), sorted. */
export function dropdownValues(values: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  // A column of 150,000 orders names a few managers and services: each text is folded once.
  const seen = new Set<string>();
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (seen.has(value)) continue;
    seen.add(value);
    const text = value.trim();
    const key = normaliseText(text);
    if (key && !byKey.has(key)) byKey.set(key, text);
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, 'ru'));
}

/** The managers' dropdown: the names typed on the clients sheet and the orders sheet alike. */
function managerValues(base: Base): string[] {
  return dropdownValues(base.clients.map((c) => c.manager).concat(base.orders.map((o) => o.manager)));
}

/** Builds the validations of one sheet, over its data rows (from below its header) down to toRow. */
class RulesFor<F extends string> {
  readonly operations: SheetOperation[] = [];

  constructor(
    private readonly layout: LocatedSheet<F>,
    private readonly toRow: number,
    private readonly language: Language,
    /** Columns of fields the same plan adds (not yet in the layout). */
    private readonly added: Partial<Record<F, number>> = {},
  ) {}

  /** The first data row: the one below the header. */
  get fromRow(): number {
    return this.layout.headerRow + 1;
  }

  /** 1-based column of a field, or undefined when the sheet does not have it. */
  column(field: F): number | undefined {
    const index = this.layout.columns[field];
    return index !== undefined ? index + 1 : this.added[field];
  }

  validate(field: F, rule: ValidationRule, strict: boolean, message: { ru: string; en: string }): void {
    const column = this.column(field);
    if (column === undefined) return;
    const operation: SetValidation = {
      kind: 'setValidation',
      sheet: this.layout.sheet,
      column,
      fromRow: this.fromRow,
      toRow: this.toRow,
      rule,
      strict,
      errorMessage: message[this.language],
    };
    this.operations.push(operation);
  }

  list(field: F, values: string[], message: { ru: string; en: string }): void {
    if (values.length > 0) this.validate(field, { type: 'list', values }, false, message);
  }

  date(field: F): void {
    this.validate(field, { type: 'date' }, true, { ru: 'Введите дату в виде дд.мм.гггг.', en: 'Enter a date as dd.mm.yyyy.' });
  }
}

/**
 * The consent column's dropdown (consent.ts reads it): the usual answers, offered, not imposed — a
 * channel list or a date after «да» is typed by hand, so the rule warns and lets any text stay.
 */
const CONSENT_CHOICES: Record<Language, string[]> = {
  ru: ['да', 'да, SMS', 'да, e-mail', 'да, мессенджер', 'нет'],
  en: ['yes', 'yes, SMS', 'yes, e-mail', 'yes, messenger', 'no'],
};
const CONSENT_HELP = {
  ru: 'Согласие на рекламу: «да» или «нет»; после «да» можно перечислить каналы и дату согласия, например «да, SMS, 12.03.2026». Пусто — согласия нет.',
  en: 'Consent to advertising: "yes" or "no"; after "yes" list the channels and the date, e.g. "yes, SMS, 12.03.2026". Empty means no consent.',
};

const NEW_VALUE_WARNING = {
  ru: 'Такого значения ещё нет в списке. Проверьте написание; если значение новое, оставьте его.',
  en: 'This value is not in the list yet. Check the spelling; keep it if it is new.',
};

function clientRules(base: Base, managed: ManagedColumn[], toRow: number, serviceSource: ValidationRule | null): SheetOperation[] {
  const layout = base.layout.clients as LocatedSheet<ClientField>;
  const lang = base.layout.language;
  const added: Partial<Record<ClientField, number>> = {};
  for (const column of managed) if (column.isNew) added[column.field] = column.column;
  const rules = new RulesFor(layout, toRow, lang, added);

  if (serviceSource) {
    rules.validate('service', serviceSource, true, { ru: 'Выберите услугу из списка (лист услуг).', en: 'Pick a service from the list (the services sheet).' });
  }
  rules.validate('status', { type: 'list', values: statusNames(lang) }, true, {
    ru: 'Выберите статус воронки из списка.',
    en: 'Pick a funnel status from the list.',
  });
  rules.list('city', dropdownValues(base.clients.map((c) => c.cityNormalised)), NEW_VALUE_WARNING);
  rules.list('manager', managerValues(base), NEW_VALUE_WARNING);
  rules.list('channel', dropdownValues(base.clients.map((c) => c.channel)), NEW_VALUE_WARNING);
  rules.list('consent', CONSENT_CHOICES[lang], CONSENT_HELP);
  for (const field of ['firstContact', 'birthday', 'nextContact', 'firstOrder', 'lastOrder'] as const) rules.date(field);
  const email = rules.column('email');
  if (email !== undefined) {
    rules.validate('email', { type: 'custom', formula: `ISNUMBER(SEARCH("@",${columnLetter(email)}${rules.fromRow}))` }, true, {
      ru: 'Адрес электронной почты должен содержать @, например ivanov@mail.ru.',
      en: 'An e-mail address must contain @, e.g. smith@example.com.',
    });
  }

  const operations = [...rules.operations];
  const status = rules.column('status');
  if (status !== undefined) {
    operations.push({
      kind: 'colourCells',
      sheet: layout.sheet,
      column: status,
      fromRow: rules.fromRow,
      toRow,
      rules: FUNNEL_STATUSES.map((s) => ({ when: { equals: s[lang] }, fill: s.fill, fontColour: s.font })),
    });
  }
  return operations;
}

function orderRules(base: Base, orders: LocatedSheet<OrderField>, toRow: number, serviceSource: ValidationRule | null, clientIds: ValidationRule | null): SheetOperation[] {
  const rules = new RulesFor(orders, toRow, base.layout.language);
  rules.date('date');
  if (clientIds) rules.validate('clientId', clientIds, false, { ru: 'Такого ID нет на листе клиентов. Проверьте ID или сначала добавьте клиента.', en: 'There is no such ID on the clients sheet. Check the ID or add the client first.' });
  if (serviceSource) rules.validate('service', serviceSource, true, { ru: 'Выберите услугу из списка (лист услуг).', en: 'Pick a service from the list (the services sheet).' });
  rules.validate('amount', { type: 'number' }, true, { ru: 'Введите сумму числом, например 1234,56.', en: 'Enter the amount as a number, e.g. 1234.56.' });
  rules.list('manager', managerValues(base), NEW_VALUE_WARNING);
  return rules.operations;
}

function headerFormat(layout: LocatedSheet<string>): SheetOperation {
  return { kind: 'formatSheet', sheet: layout.sheet, ...headerRowOf(layout), freezeHeader: true, autoFilter: true };
}

/** A layout for the Orders sheet this plan creates, with the canonical columns in `ORDER_FIELDS` order. */
function newOrdersLayout(language: Language): LocatedSheet<OrderField> {
  const header = ORDER_FIELDS.map((field) => fieldHeader('orders', field, language));
  const columns: Partial<Record<OrderField, number>> = {};
  ORDER_FIELDS.forEach((field, index) => (columns[field] = index));
  return { sheet: sheetName('orders', language), columns, header, rowCount: 0, usedWidth: header.length, headerRow: 1 };
}

/** The structure plan of a workbook; see the module comment. */
export function planStructure(snapshot: WorkbookSnapshot, options: StructureOptions = {}): Plan<StructureReport> {
  const base = readBase(snapshot, options.settings);
  const lang = base.layout.language;
  const spare = options.spareRows ?? DEFAULT_SPARE_ROWS;
  /** The last row of a sheet's rules: its data (with the rows appended) and the spare rows, within the host. */
  const rulesTo = (layout: LocatedSheet<string>) => {
    const data = lastDataRow(layout) + (options.appendedRows?.get(layout.sheet) ?? 0);
    return Math.max(data, Math.min(data + spare, options.lastRow ?? Infinity));
  };
  const clients = base.layout.clients;
  // The data check is worked out when a caller reads it: «Всё сразу» runs the check as a step of its own.
  const problems = lazily(() => checkData(base));
  const report: StructureReport = {
    language: lang,
    clientsSheet: clients?.sheet ?? null,
    addedColumns: [],
    idsFilled: 0,
    sheetsCreated: [],
    get problems() {
      return problems();
    },
  };
  if (!clients) {
    // A clients sheet without a header row has its own problem, from reading the base.
    if (!base.layout.headerless.clients) {
      report.problems.unshift({
        sheet: '',
        row: 1,
        column: '',
        value: '',
        message: message('layout.noClientsSheet'),
      });
    }
    return { operations: [], report };
  }

  const operations: SheetOperation[] = [];
  // An orders sheet without a header row is left alone (its problem says why), never given rules.
  let orders = base.layout.orders;
  if (!orders && !base.layout.headerless.orders) {
    orders = newOrdersLayout(lang);
    operations.push({ kind: 'ensureSheet', sheet: orders.sheet, header: orders.header });
    report.sheetsCreated.push(orders.sheet);
  }
  if (!base.layout.settingsSheet) {
    operations.push(...settingsOperations(base.settings, {}, lang));
    report.sheetsCreated.push(sheetName('settings', lang));
  }

  const managed = managedColumns(clients, lang);
  const ids = assignIds(base.clients, lang);
  const write = clientColumnsWrite(base, managed, ids);
  if (write) operations.push(write);
  report.idsFilled = ids.size;
  report.addedColumns = managed.filter((c) => c.isNew).map((c) => ({ sheet: clients.sheet, field: c.field, column: c.column, header: c.header }));

  const services = base.layout.services;
  const serviceNameColumn = services?.columns.name;
  const serviceSource: ValidationRule | null =
    services && serviceNameColumn !== undefined
      ? { type: 'listRange', source: { sheet: services.sheet, column: serviceNameColumn + 1, fromRow: services.headerRow + 1, toRow: rulesTo(services) } }
      : null;
  const clientsToRow = rulesTo(clients);
  const idColumn = managed.find((c) => c.field === 'id') as ManagedColumn;
  const clientIds: ValidationRule = { type: 'listRange', source: { sheet: clients.sheet, column: idColumn.column, fromRow: clients.headerRow + 1, toRow: clientsToRow } };

  operations.push(headerFormat(clients));
  operations.push(...clientRules(base, managed, clientsToRow, serviceSource));
  if (orders) {
    operations.push(headerFormat(orders));
    operations.push(...orderRules(base, orders, rulesTo(orders), serviceSource, clientIds));
  }
  if (services) {
    const serviceRules = new RulesFor(services, rulesTo(services), lang);
    serviceRules.validate('price', { type: 'number', min: 0 }, true, { ru: 'Цена — число не меньше нуля.', en: 'The price is a number of at least zero.' });
    operations.push(headerFormat(services), ...serviceRules.operations);
  }
  return { operations, report };
}
