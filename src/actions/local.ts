/**
 * The side panel's actions over a Workbook in the same process (the Excel task pane, the browser page,
 * Apps Script's server side): a thin session — read, let a core planner plan (client-forms, order-form,
 * settings-forms, the runners' analyses), apply. One analysis of the base is kept until something is
 * written, or until the workbook's change token says the user edited it (the Excel task pane stays
 * open while the user types), so filtering and searching do not re-read the workbook. Writes never plan
 * from what is kept: each reads the workbook first.
 */
import { analyseBase, NoClientsSheetError, type Analysis } from '../core/analysis';
import { readBase, type Base } from '../core/base';
import { lazily } from '../core/lazily';
import { FormError, planAddClient, planAddNote, planSetStatus } from '../core/client-forms';
import { headerlessProblem, headerRowOf, locateBase, managedColumns, type BaseLayout } from '../core/layout';
import { planRecordOrderWithTracker } from '../core/order-form';
import { planSaveSettings, planSetMapping } from '../core/settings-forms';
import { wallClockNow, type WorkbookSnapshot } from '../workbook/snapshot';
import { readHistory } from '../core/contact-history';
import { momentOn, planLogContact, statusEntryOperations } from '../core/contact-log';
import type { SheetOperation } from '../workbook/operations';
import type { Workbook } from '../workbook/workbook';
import type { DayNumber, Language } from '../core/model';
import { dayToIso, isoToDay, todayDay } from '../core/normalise/date';
import { campaignCsv, campaignFileName, campaignList, campaignSummary, chosenClients } from '../core/campaign';
import { readSettings } from '../core/settings-sheet';
import type { Settings } from '../core/settings';
import { statusNames } from '../core/statuses';
import { managerNames, todayList } from '../core/today';
import { birthdayList } from '../core/birthday-list';
import { planLogGreeting } from '../core/greetings';
import { TABLE_FIELDS, type TableKind } from '../core/schema';
import { buildClientIndex, checkNewClient, keptIndex, type ClientIndex } from '../core/duplicates/client-index';
import { clientCard, clientList, filterClients, findClientIndex } from './client-view';
import { clientRef } from '../core/client-ref';
import { applyPlan, ensureStructured, refreshAnalysis, type RunContext } from './runners';
import { duplicateActions } from './duplicate-actions';
import { runNamedAction } from './named-actions';
import { PacedWorkbook } from './pacing';
import type { Matcher } from './matcher';
import { matchRequest } from '../core/duplicates/match-request';
import type {
  ActionName,
  ClientCard,
  FieldMapping,
  LayoutView,
  NewClient,
  NewOrder,
  PanelActions,
  TodayView,
} from './panel';

export interface LocalActionsOptions {
  /** «Today» for analyses and birthdays; the local date by default. */
  today?: () => DayNumber;
  /** The host puts back whatever a failed run wrote (the page's worker): a cancel may then stop a run that has written. */
  rollsBack?: boolean;
  /** Where duplicates are matched (the page: a helper worker, told of the clients whenever a view reads them); in place by default. */
  matcher?: Matcher;
}

interface Cached {
  snapshot: WorkbookSnapshot;
  base: Base;
  /** Worked out when first asked: a write plans from the base alone, and most writes need no figure of it. */
  readonly analysis: Analysis;
  index?: ClientIndex;
  /** The workbook's change token when it was read (see Workbook.changeToken); null: none to compare. */
  token?: string | null;
}

export function createActions(workbook: Workbook, options: LocalActionsOptions = {}): PanelActions {
  const today = options.today ?? (() => todayDay());
  /** The moment a contact or a status move is logged: the base's day, at the wall-clock time. */
  const now = () => momentOn(today(), wallClockNow());
  let cached: Cached | null = null;
  /**
   * The new-client check's index, kept across reads: a read after an order, a note or a status change
   * finds the clients' matched fields as they were, and the check does not wait seconds for a new index.
   */
  let lastIndex: ClientIndex | null = null;
  /**
   * The base of the last read, kept after a write drops the cached read: the read after the write keeps the
   * orders and links of the rows it did not change (an order recorded appends one row to a million).
   */
  let lastBase: Base | undefined;

  const { matcher } = options;
  const context = (onProgress?: RunContext['onProgress']): RunContext => ({ workbook, asOf: today(), onProgress, matcher });

  /** Keeps the analysis of a snapshot just read, with the change token taken before that read. */
  function remember(snapshot: WorkbookSnapshot, token: string | null | undefined, base = readBase(snapshot, undefined, lastBase)): Cached {
    if (!base.layout.clients) {
      // A clients sheet without a header row is named, not called missing.
      const headerless = headerlessProblem(base.layout, 'clients');
      throw headerless ? new FormError(headerless.message, base.layout.language) : new NoClientsSheetError(base.layout);
    }
    const analysis = lazily(() => analyseBase(base, today()));
    const read: Cached = {
      snapshot,
      base,
      get analysis() {
        return analysis();
      },
      token,
    };
    cached = read;
    lastBase = base;
    matcher?.expect(() => matchRequest(snapshot, base));
    return read;
  }

  /** What a view shows: the analysis kept while the change token says nothing changed (null: the host cannot tell). */
  async function current(): Promise<Cached> {
    // Taken before reading: an edit made during the read changes the token again, and is read next time.
    const token = await workbook.changeToken?.();
    if (cached && token !== null && cached.token === token) return cached;
    return remember(await workbook.read(), token);
  }

  /**
   * What a write plans from: the workbook read now, whatever is kept. A change event reaches the pane a
   * moment after the keystroke, and a host may send none; a note or a status planned from an older read
   * would write over what the user has just typed in that cell.
   */
  async function fresh(): Promise<Cached> {
    const token = await workbook.changeToken?.();
    return remember(await workbook.read(), token);
  }

  /** Applies a plan made over `read`'s snapshot; the host's size limits are checked first, as for every plan. */
  async function write(read: Cached, operations: SheetOperation[]): Promise<void> {
    cached = null;
    await applyPlan(context(), read.snapshot, operations);
  }

  /** The workbook read now, with IDs and the Orders sheet made first when a form writes into them. */
  async function structured(): Promise<Cached> {
    const token = await workbook.changeToken?.();
    const { snapshot, base } = await ensureStructured(context());
    // Without a base the structure plan has just written: the next view reads again (token null).
    return remember(snapshot, base ? token : null, base);
  }

  /** The new-client check's index for this read: the last one while it still fits, else built now. */
  function clientIndex(c: Cached): ClientIndex {
    if (!c.index) {
      const { clients, settings } = c.base;
      c.index = (lastIndex && keptIndex(lastIndex, clients, settings)) ?? buildClientIndex(clients, settings);
      lastIndex = c.index;
    }
    return c.index;
  }

  const language = (c: Cached): Language => c.base.layout.language;
  const clientsLayout = (c: Cached) => c.base.layout.clients!;
  const clientOf = (c: Cached, id: string) => c.base.clients[findClientIndex(c.base, id)];

  async function card(id: string): Promise<ClientCard> {
    const c = await current();
    return clientCard(c.analysis, findClientIndex(c.base, id), readHistory(c.snapshot));
  }

  async function todayView(manager: string | null): Promise<TodayView> {
    const { analysis, snapshot } = await current();
    const history = readHistory(snapshot);
    const only = manager ?? undefined;
    const list = todayList(analysis.base, analysis.tracker, analysis.asOf, { manager: only, history });
    const birthdays = birthdayList(analysis.base, history, analysis.asOf, { manager: only }).items;
    return { ...list, managers: managerNames(analysis.base), birthdays };
  }

  async function refreshTracker(): Promise<void> {
    cached = null;
    await refreshAnalysis(context(), ['tracker']);
  }

  const actions: PanelActions = {
    async listClients(filter, limit = 100) {
      const c = await current();
      return clientList(c.analysis, filter, today(), limit);
    },

    async campaign(request) {
      const { analysis } = await current();
      const list = campaignList(chosenClients(analysis, request), request.channel);
      const fileName = campaignFileName(request.channel, request, dayToIso(analysis.asOf), analysis.language);
      return { csv: campaignCsv(list), fileName, listed: list.rows.length, leftOut: list.leftOut, summary: campaignSummary(list) };
    },

    today: todayView,

    getClient: card,

    async selectClient(row) {
      const c = await current();
      await workbook.select?.(clientsLayout(c).sheet, row);
    },

    async showInSheet(filter) {
      if (filter === null) {
        const c = await fresh();
        return write(c, [{ kind: 'clearFilter', sheet: clientsLayout(c).sheet }]);
      }
      // The filter is on the ID column: the read that makes sure the IDs are there is the one planned from.
      const c = await structured();
      const sheet = clientsLayout(c).sheet;
      const idColumn = clientsLayout(c).columns.id!;
      const ids = filterClients(c.analysis, filter, today()).map((i) => clientRef(c.base.clients[i]));
      await write(c, [{ kind: 'applyFilter', sheet, ...headerRowOf(clientsLayout(c)), column: idColumn + 1, values: ids }]);
    },

    async setStatus(id, status) {
      const c = await fresh();
      const client = clientOf(c, id);
      const plan = planSetStatus(c.base, client, status);
      const moved = statusEntryOperations(c.base, c.snapshot, client, status, now());
      await write(c, [...plan.operations, ...moved]);
      return card(id);
    },

    async logContact(id, contact) {
      // The history names the client by ID: a base without IDs gets them first, as for an order.
      const c = await structured();
      const client = clientOf(c, id);
      await write(c, planLogContact(c.base, c.snapshot, client, contact, now()).operations);
      return card(clientRef(client));
    },

    async logGreeting(id, manager) {
      // As for a contact: the history names the client by ID.
      const c = await structured();
      const client = clientOf(c, id);
      await write(c, planLogGreeting(c.base, c.snapshot, client, today(), now(), manager ?? undefined).operations);
      return todayView(manager);
    },

    async addNote(id, note) {
      const c = await fresh();
      const client = clientOf(c, id);
      await write(c, planAddNote(c.base, client, note, today()).operations);
      return card(id);
    },

    async statuses() {
      return statusNames(language(await current()));
    },

    async services() {
      const c = await current();
      return c.base.services.filter((s) => s.active && s.name).map((s) => s.name);
    },

    async prepareNewClientCheck() {
      clientIndex(await current());
    },

    async checkNewClient(client) {
      const c = await current();
      const index = clientIndex(c);
      const birthday = client.birthday ? isoToDay(client.birthday) : null;
      return checkNewClient(index, { name: client.name, phone: client.phone, email: client.email, city: client.city, birthday }).map((match) => {
        const existing = c.base.clients[match.clientIndex];
        return {
          row: existing.row,
          id: clientRef(existing),
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
      const birthday = client.birthday ? isoToDay(client.birthday) : null;
      const plan = planAddClient(c.base, { ...client, birthday }, today());
      await write(c, plan.operations);
      return card(plan.report.id);
    },

    async recordOrder(order: NewOrder) {
      const c = await structured();
      const client = clientOf(c, order.clientId);
      await write(c, planRecordOrderWithTracker(c.snapshot, c.base, client, clientRef(client), order, today()).operations);
      return card(clientRef(client));
    },

    async run(action: ActionName, onProgress, signal) {
      cached = null;
      const paced = new PacedWorkbook(workbook, action, { onProgress, signal, rollsBack: options.rollsBack });
      const result = await runNamedAction({ workbook: paced, asOf: today(), matcher }, action);
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
      return (await current()).base.settings;
    },

    async saveSettings(settings: Settings) {
      const c = await fresh();
      await write(c, planSaveSettings(c.snapshot, settings, wallClockNow()).operations);
    },

    async layout() {
      const { snapshot } = await current();
      return layoutView(locateBase(snapshot, readSettings(snapshot).mapping));
    },

    async setMapping(kind, field, header) {
      const c = await fresh();
      await write(c, planSetMapping(c.snapshot, kind, field as never, header, wallClockNow()).operations);
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
