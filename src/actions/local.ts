/**
 * The side panel's actions over a Workbook in the same process (the Excel task pane, the browser page,
 * Apps Script's server side). One analysis of the base is kept until something is written, so
 * filtering and searching do not re-read the workbook.
 */
import { analyseBase, analysisSummary, NoClientsSheetError, type Analysis } from '../core/analysis';
import { valueArchiveSheet } from '../core/value-archive';
import { readBase, say } from '../core/base';
import { headerlessProblem, headerRowOf, lastDataRow, locateBase, managedColumns, type BaseLayout } from '../core/layout';
import type { HeaderMapping } from '../core/schema';
import type { CellValue, WorkbookSnapshot } from '../workbook/snapshot';
import { rowIndex } from '../workbook/snapshot';
import { FORMAT_DATE, FORMAT_MONEY, type SheetOperation, type WriteColumns } from '../workbook/operations';
import type { Workbook } from '../workbook/workbook';
import type { ClientField, DayNumber, Language } from '../core/model';
import { dayToDate, dayToIso, isoToDay, todayDay } from '../core/normalise/date';
import { parseAmount } from '../core/normalise/amount';
import { readSettings, settingsOperations } from '../core/settings-sheet';
import type { Settings } from '../core/settings';
import { findStatus, statusNames } from '../core/statuses';
import { assignIds } from '../core/structure';
import { fieldHeader, TABLE_FIELDS, type TableKind } from '../core/schema';
import { buildClientIndex, checkNewClient, type ClientIndex } from '../core/duplicates/client-index';
import { clientCard, clientKey, clientList, filterClients, findClientIndex } from './client-view';
import { ensureStructured, runAnalysis, runCheck, runStructure, type RunContext } from './runners';
import { duplicateActions, runDuplicateSearch } from './duplicate-actions';
import type {
  ActionName,
  ActionResult,
  ClientCard,
  FieldMapping,
  LayoutView,
  NewClient,
  NewOrder,
  PanelActions,
} from './panel';

export interface LocalActionsOptions {
  /** «Today» for analyses and birthdays; the local date by default. */
  today?: () => DayNumber;
}

/** A user mistake in a form: shown as it is, in the workbook's language. */
export class ActionError extends Error {}

interface Cached {
  snapshot: WorkbookSnapshot;
  analysis: Analysis;
  index?: ClientIndex;
}

export function createActions(workbook: Workbook, options: LocalActionsOptions = {}): PanelActions {
  const today = options.today ?? (() => todayDay());
  let cached: Cached | null = null;

  const context = (onProgress?: RunContext['onProgress']): RunContext => ({ workbook, asOf: today(), onProgress });

  async function current(): Promise<Cached> {
    if (!cached) {
      const snapshot = await workbook.read();
      const base = readBase(snapshot);
      if (!base.layout.clients) {
        // A clients sheet without a header row is named, not called missing.
        const headerless = headerlessProblem(base.layout, 'clients');
        throw headerless ? new ActionError(headerless.message) : new NoClientsSheetError(base.layout);
      }
      cached = { snapshot, analysis: analyseBase(base, today()) };
    }
    return cached;
  }

  async function write(operations: SheetOperation[]): Promise<void> {
    cached = null;
    await workbook.apply(operations);
  }

  /** Makes sure IDs and the Orders sheet exist before a form writes into them. */
  async function structured(): Promise<Cached> {
    const before = cached?.snapshot;
    const { snapshot } = await ensureStructured(context());
    if (snapshot !== before) cached = null;
    return current();
  }

  const language = (c: Cached): Language => c.analysis.language;
  const clientsLayout = (c: Cached) => c.analysis.base.layout.clients!;

  async function card(id: string): Promise<ClientCard> {
    const c = await current();
    return clientCard(c.analysis, findClientIndex(c.analysis, id));
  }

  /** One cell of the clients sheet, as a writeColumns of a single value (the column is added if missing). */
  function clientCellOperation(c: Cached, field: ClientField, row: number, value: CellValue): WriteColumns {
    const layout = clientsLayout(c);
    const managed = managedColumns(layout, language(c)).find((m) => m.field === field);
    const existing = layout.columns[field];
    const column = existing !== undefined ? existing + 1 : managed?.column ?? Math.max(layout.usedWidth, layout.header.length) + 1;
    const header = existing === undefined ? managed?.header ?? fieldHeader('clients', field, language(c)) : undefined;
    const index = rowIndex(row, layout.headerRow);
    const values: Array<CellValue | undefined> = new Array(index + 1).fill(undefined);
    values[index] = value;
    return { kind: 'writeColumns', sheet: layout.sheet, ...headerRowOf(layout), columns: [{ column, header, values }] };
  }

  async function refreshTracker(): Promise<void> {
    cached = null;
    await runAnalysis(context(), ['tracker']);
  }

  const actions: PanelActions = {
    async listClients(filter, limit = 100) {
      const c = await current();
      return clientList(c.analysis, filter, today(), limit);
    },

    getClient: card,

    async selectClient(row) {
      const c = await current();
      await workbook.select?.(clientsLayout(c).sheet, row);
    },

    async showInSheet(filter) {
      let c = await current();
      const sheet = clientsLayout(c).sheet;
      if (filter === null) return write([{ kind: 'clearFilter', sheet }]);
      c = await structured();
      const idColumn = clientsLayout(c).columns.id!;
      const ids = filterClients(c.analysis, filter, today()).map((i) => clientKey(c.analysis.base.clients[i]));
      await write([{ kind: 'applyFilter', sheet, ...headerRowOf(clientsLayout(c)), column: idColumn + 1, values: ids }]);
    },

    async setStatus(id, status) {
      const c = await current();
      const known = findStatus(status);
      if (!known) throw new ActionError(say(language(c), `Нет такого статуса: «${status}».`, `No such status: "${status}".`));
      const client = c.analysis.base.clients[findClientIndex(c.analysis, id)];
      await write([clientCellOperation(c, 'status', client.row, known[language(c)])]);
      return card(id);
    },

    async addNote(id, note) {
      const c = await current();
      const text = note.trim();
      if (!text) throw new ActionError(say(language(c), 'Заметка пуста.', 'The note is empty.'));
      const client = c.analysis.base.clients[findClientIndex(c.analysis, id)];
      const line = `${dayToIso(today()).split('-').reverse().join('.')}: ${text}`;
      const comment = client.comment ? `${client.comment}\n${line}` : line;
      await write([clientCellOperation(c, 'comment', client.row, comment)]);
      return card(id);
    },

    async statuses() {
      return statusNames(language(await current()));
    },

    async services() {
      const c = await current();
      return c.analysis.base.services.filter((s) => s.active && s.name).map((s) => s.name);
    },

    async checkNewClient(client) {
      const c = await current();
      c.index ??= buildClientIndex(c.analysis.base.clients, c.analysis.base.settings);
      const birthday = client.birthday ? isoToDay(client.birthday) : null;
      return checkNewClient(c.index, { name: client.name, phone: client.phone, email: client.email, city: client.city, birthday }).map((match) => {
        const existing = c.analysis.base.clients[match.clientIndex];
        return {
          row: existing.row,
          id: clientKey(existing),
          name: existing.name,
          phone: existing.phone,
          email: existing.email,
          city: existing.cityNormalised,
          reason: match.reason,
          score: match.score,
        };
      });
    },

    async addClient(client: NewClient) {
      const c = await structured();
      const lang = language(c);
      if (!client.name?.trim()) throw new ActionError(say(lang, 'Укажите имя или название клиента.', 'Enter the client name.'));
      const layout = clientsLayout(c);
      const clients = c.analysis.base.clients;
      const row = Math.max(lastDataRow(layout), ...clients.map((x) => x.row)) + 1;
      const id = assignIds([...clients, { row, id: null }], lang).get(row)!;
      const birthday = client.birthday ? isoToDay(client.birthday) : null;
      const values: Partial<Record<ClientField, CellValue>> = {
        id,
        name: client.name.trim(),
        phone: client.phone,
        email: client.email,
        city: client.city,
        type: client.type,
        contact: client.contact,
        industry: client.industry,
        source: client.source,
        manager: client.manager,
        status: client.status || statusNames(lang)[0],
        service: client.service,
        channel: client.channel,
        comment: client.comment,
        firstContact: dayToDate(today()),
        birthday: birthday === null ? undefined : dayToDate(birthday),
      };
      const width = Math.max(layout.usedWidth, layout.header.length);
      const cells: CellValue[] = new Array(width).fill(null);
      for (const [field, value] of Object.entries(values) as Array<[ClientField, CellValue | undefined]>) {
        const at = layout.columns[field];
        if (at !== undefined && value !== undefined && value !== '') cells[at] = typeof value === 'string' ? value.trim() : value;
      }
      const formats: (string | null)[] = new Array(width).fill(null);
      for (const field of ['firstContact', 'birthday'] as const) if (layout.columns[field] !== undefined) formats[layout.columns[field]!] = FORMAT_DATE;
      await write([{ kind: 'appendRows', sheet: layout.sheet, rows: [cells], numberFormats: formats }]);
      return card(id);
    },

    async recordOrder(order: NewOrder) {
      const c = await structured();
      const lang = language(c);
      const index = findClientIndex(c.analysis, order.clientId);
      const client = c.analysis.base.clients[index];
      const date = isoToDay(order.date);
      if (date === null) throw new ActionError(say(lang, `Дата заказа не распознана: «${order.date}».`, `The order date is not a date: "${order.date}".`));
      const amount = parseAmount(order.amount).amount;
      if (amount === null) throw new ActionError(say(lang, `Сумма не распознана: «${order.amount}».`, `The amount is not a number: "${order.amount}".`));
      const layout = c.analysis.base.layout.orders;
      if (!layout) {
        const reason = headerlessProblem(c.analysis.base.layout, 'orders')?.message ?? say(lang, 'Не найден лист заказов.', 'No orders sheet was found.');
        throw new ActionError(say(lang, `Заказ не записан. ${reason}`, `The order was not recorded. ${reason}`));
      }
      const width = Math.max(layout.usedWidth, layout.header.length);
      const cells: CellValue[] = new Array(width).fill(null);
      const formats: (string | null)[] = new Array(width).fill(null);
      const put = (field: keyof typeof layout.columns, value: CellValue | undefined, format?: string) => {
        const at = layout.columns[field];
        if (at === undefined || value === undefined || value === '') return;
        cells[at] = value;
        if (format) formats[at] = format;
      };
      put('date', dayToDate(date), FORMAT_DATE);
      put('clientId', clientKey(client));
      put('client', client.name);
      put('service', order.service);
      put('amount', amount, FORMAT_MONEY);
      put('number', order.number);
      put('manager', order.manager ?? client.manager);
      put('comment', order.comment);
      await write([{ kind: 'appendRows', sheet: layout.sheet, rows: [cells], numberFormats: formats }]);
      await refreshTracker();
      return card(clientKey(client));
    },

    async run(action: ActionName, onProgress) {
      cached = null;
      const result = await runNamedAction(context(onProgress), action);
      cached = null;
      return result;
    },

    ...duplicateActions(workbook, {
      context,
      invalidate: () => {
        cached = null;
      },
      refreshTracker,
    }),

    async getSettings() {
      return (await current()).analysis.base.settings;
    },

    async saveSettings(settings: Settings) {
      const c = await current();
      const stored = readSettings(c.snapshot);
      const sheet = c.analysis.base.layout.settingsSheet;
      await write(settingsOperations(settings, stored.mapping, settings.language, sheet));
    },

    async layout() {
      const { snapshot } = await current();
      return layoutView(locateBase(snapshot, readSettings(snapshot).mapping));
    },

    async setMapping(kind, field, header) {
      const c = await current();
      const stored = readSettings(c.snapshot);
      const mapping: HeaderMapping = { ...stored.mapping, [kind]: { ...(stored.mapping[kind] ?? {}), [field]: header } };
      await write(settingsOperations(stored.settings, mapping, language(c), c.analysis.base.layout.settingsSheet));
      return actions.layout();
    },
  };
  return actions;
}

function layoutView(layout: BaseLayout): LayoutView {
  const unknownHeaders: LayoutView['unknownHeaders'] = [];
  const view = (kind: TableKind) => {
    const located = layout[kind];
    if (!located) return { sheet: null, fields: [] as FieldMapping[] };
    const columns = located.columns as Record<string, number | undefined>;
    const managed = kind === 'clients' ? new Set(managedColumns(located as never, layout.language).map((m) => m.field as string)) : new Set<string>();
    const fields = (TABLE_FIELDS[kind] as readonly string[]).map((field) => {
      const at = columns[field];
      return { field, header: at === undefined ? null : located.header[at], column: at === undefined ? null : at + 1, managed: managed.has(field) };
    });
    const used = new Set(Object.values(columns));
    located.header.forEach((header, i) => {
      if (header && !used.has(i)) unknownHeaders.push({ sheet: located.sheet, header });
    });
    return { sheet: located.sheet, fields };
  };
  return { services: view('services'), clients: view('clients'), orders: view('orders'), unknownHeaders };
}

/** One of the panel's (and ribbon's, and menu's) named actions, with a one-sentence result. */
export async function runNamedAction(context: RunContext, action: ActionName): Promise<ActionResult> {
  switch (action) {
    case 'structure': {
      const report = await runStructure(context);
      const ru = `Структура готова: добавлено столбцов ${report.addedColumns.length}, присвоено ID ${report.idsFilled}, проблем в данных ${report.problems.length}.`;
      const en = `The base is structured: ${report.addedColumns.length} columns added, ${report.idsFilled} IDs assigned, ${report.problems.length} data problems.`;
      return { action, message: say(report.language, ru, en), sheets: [...report.sheetsCreated, ...(report.clientsSheet ? [report.clientsSheet] : [])], problems: report.problems };
    }
    case 'check': {
      const report = await runCheck(context);
      const n = report.problems.length;
      return { action, message: n === 0 ? 'Проблем в данных не найдено. / No data problems found.' : `Найдено проблем: ${n} (лист «${report.sheet}»). / ${n} problems (sheet "${report.sheet}").`, sheets: [report.sheet], problems: report.problems };
    }
    case 'duplicates':
      return runDuplicateSearch(context);
    case 'all': {
      await runStructure(context);
      const check = await runCheck(context);
      const report = await runAnalysis(context);
      const duplicates = await runDuplicateSearch(context);
      const summary = analysisSummary(report);
      return {
        action,
        message: say(report.language, `Готово: ${summary.clients} клиентов, холодных ${summary.cold}. ${duplicates.message}`, `Done: ${summary.clients} clients, ${summary.cold} cold. ${duplicates.message}`),
        sheets: [...new Set([check.sheet, ...report.sheets, ...duplicates.sheets])],
        problems: [...check.problems],
        summary,
        typedDiffering: report.typedDiffering.length,
      };
    }
    case 'updateTyped': {
      const report = await runAnalysis({ ...context, replaceTyped: true }, ['tracker']);
      const n = report.typedDiffering.length;
      const archive = valueArchiveSheet(report.language);
      return {
        action,
        message: n === 0
          ? say(report.language, 'Значения, введённые вручную, совпадают с заказами: обновлять нечего.', 'The typed values agree with the orders: nothing to update.')
          : say(report.language, `Обновлено значений: ${n}. Прежние значения сохранены на листе «${archive}».`, `${n} values updated. The previous values are saved on the "${archive}" sheet.`),
        sheets: report.sheets,
        problems: [],
        summary: analysisSummary(report),
      };
    }
    default: {
      const report = await runAnalysis(context, [action]);
      const summary = analysisSummary(report);
      const messages: Record<typeof action, [string, string]> = {
        tracker: [`Трекер обновлён: клиентов с заказами ${summary.clientsWithOrders}, холодных ${summary.cold}.`, `Tracker updated: ${summary.clientsWithOrders} clients with orders, ${summary.cold} cold.`],
        abc: [
          `ABC: A ${summary.abc.A.clients}, B ${summary.abc.B.clients}, C ${summary.abc.C.clients}, без продаж ${summary.abc.none - summary.revenueUnknown}${summary.revenueUnknown ? `, выручка неизвестна ${summary.revenueUnknown}` : ''}.`,
          `ABC: A ${summary.abc.A.clients}, B ${summary.abc.B.clients}, C ${summary.abc.C.clients}, no sales ${summary.abc.none - summary.revenueUnknown}${summary.revenueUnknown ? `, revenue unknown ${summary.revenueUnknown}` : ''}.`,
        ],
        rfm: [`RFM: оценено клиентов ${summary.clientsWithOrders}.`, `RFM: ${summary.clientsWithOrders} clients scored.`],
        funnel: ['Отчёт по воронке готов.', 'The funnel report is ready.'],
        managers: ['Отчёт по нагрузке менеджеров готов.', 'The manager load report is ready.'],
      };
      const [ru, en] = messages[action];
      return { action, message: say(report.language, ru, en), sheets: report.sheets, problems: report.problems, summary, typedDiffering: report.typedDiffering.length };
    }
  }
}
