/**
 * What the side panel can ask for. The panel (src/ui) talks only to this interface; each host supplies
 * an implementation: locally over a Workbook (Excel task pane, the browser page) or through
 * `google.script.run` (Google Sheets). Everything crossing it is JSON: dates are ISO `yyyy-mm-dd` strings.
 */
import type { Problem } from '../core/model';
import type { Message } from '../core/messages/message';
import type { Settings } from '../core/settings';
import type { AbcClass } from '../core/abc';
import type { NewClientInput } from '../core/client-forms';
import type { AnalysisSummary } from '../core/analysis';
import type { SegmentKey } from '../core/rfm';
import type { ProgressListener } from '../workbook/workbook';
import type { TodayItem } from '../core/today';
import type { BirthdayItem } from '../core/birthday-list';
import type { TimelineEntry } from '../core/client-timeline';
import type { ContactInput } from '../core/contact-log';
import type { CampaignChoice, LeftOut } from '../core/campaign';
import type { CampaignChannel } from '../core/model';

export interface ClientFilter {
  /** Matches name, contact, phone (by digits) and e-mail, case- and ё/е-insensitive. */
  search?: string;
  cities?: string[];
  industries?: string[];
  statuses?: string[];
  managers?: string[];
  /** `none` selects clients without sales. */
  abc?: Array<AbcClass | 'none'>;
  segments?: SegmentKey[];
  coldOnly?: boolean;
  /** Birthday (day and month) within this many days from today, inclusive. */
  birthdayWithinDays?: number;
}

export interface ClientSummary {
  row: number;
  /** The client's ID; `row:13` for a row that has none yet (see core/client-ref.ts). */
  id: string;
  name: string;
  phone: string;
  email: string;
  city: string;
  industry: string;
  status: string;
  manager: string;
  abc: AbcClass | null;
  segment: SegmentKey | null;
  orders: number;
  revenue: number;
  lastOrder: string | null;
  daysSinceLastOrder: number | null;
  cold: boolean;
  birthday: string | null;
}

export interface ClientFacets {
  cities: string[];
  industries: string[];
  statuses: string[];
  managers: string[];
  /** The client types the base uses, as it writes them («Физ. лицо», «ИП», «Компания»). */
  types: string[];
}

export interface ClientList {
  /** Clients in the base. */
  total: number;
  /** Clients matching the filter. */
  matching: number;
  /** The first matching clients, in sheet order (at most `limit`). */
  clients: ClientSummary[];
  facets: ClientFacets;
  /** The day the figures are as of (yyyy-mm-dd): an order dated after it is written but not counted yet. */
  asOf: string;
}

export interface OrderView {
  row: number;
  date: string | null;
  service: string;
  amount: number | null;
  number: string;
  manager: string;
}

export interface ClientCard extends ClientSummary {
  type: string;
  contact: string;
  service: string;
  source: string;
  channel: string;
  comment: string;
  firstContact: string | null;
  firstOrder: string | null;
  rfm: string | null;
  /**
   * A suggested funnel-status move, for the user to confirm: the status as the workbook writes it (the value
   * the card's status list offers and `setStatus` writes), not a sentence of the panel's.
   */
  statusSuggestion: string | null;
  history: OrderView[];
  /** The day the figures are as of (yyyy-mm-dd): the contact form's next contact counts from it. */
  asOf: string;
  /** Contacts, status moves and orders, newest first (core/client-timeline.ts). */
  timeline: TimelineEntry[];
}

/** The new-client form: the core's input, with the birthday as ISO `yyyy-mm-dd` (JSON crosses the protocol). */
export interface NewClient extends Omit<NewClientInput, 'birthday'> {
  birthday?: string;
}

export interface DuplicateWarning {
  row: number;
  id: string;
  name: string;
  phone: string;
  email: string;
  city: string;
  reason: Message;
  score: number;
}

export interface NewOrder {
  clientId: string;
  service: string;
  amount: number;
  date: string;
  number?: string;
  manager?: string;
  comment?: string;
}

/**
 * `updateTyped` is the user's confirmation, after an analysis listed them, that order history typed on the
 * clients sheet and moved on by the orders is replaced (the old values archived first); `fixValues` the
 * user's confirmation that dates and amounts typed as text are made real (the originals archived first).
 */
export type ActionName = 'structure' | 'check' | 'duplicates' | 'tracker' | 'abc' | 'rfm' | 'funnel' | 'managers' | 'cohorts' | 'planFact' | 'all' | 'updateTyped' | 'fixValues' | 'today' | 'clientValue' | 'abcXyz' | 'funnelMovement';

export interface ActionResult {
  action: ActionName;
  /** One sentence for the user, rendered in the panel's language. */
  message: Message;
  /** Sheets written or changed. */
  sheets: string[];
  problems: Problem[];
  summary?: AnalysisSummary;
  /** Typed order-history cells the orders have moved on, kept as typed: `updateTyped` replaces them. */
  typedDiffering?: number;
}

export interface DuplicateMember {
  row: number;
  id: string;
  name: string;
  phone: string;
  email: string;
  city: string;
}

export interface DuplicateGroupView {
  id: string;
  members: DuplicateMember[];
  reason: Message;
  score: number;
  /** ID of the suggested row to keep. */
  suggestedKeep: string;
  /**
   * Why the group is no one-click merge (two members are proven different clients): nothing is
   * recommended and there is no merge button. Null when every two members agree.
   */
  whyNoMerge: Message | null;
  /** Each field of the group's weakest link in words, by the base's match weights; null when not weighed. */
  evidence: Message | null;
}

/** Clients who share a phone or e-mail but are different people by their names: shown, never merged. */
export interface SharedContactView {
  id: string;
  members: DuplicateMember[];
  /** What they share and why it is no duplicate. */
  reason: Message;
}

export interface DuplicateGroupsView {
  groups: DuplicateGroupView[];
  sharedContacts: SharedContactView[];
}

export interface MergeResult {
  message: Message;
  /** Pass to `undoMerge` to put the archived rows back. */
  undoToken: string;
}

export interface FieldMapping {
  field: string;
  /** The user's header the field was found under, null when missing. */
  header: string | null;
  /** 1-based column, null when missing. */
  column: number | null;
  /** Added by the product when missing. */
  managed: boolean;
}

export interface LayoutView {
  services: { sheet: string | null; fields: FieldMapping[] };
  clients: { sheet: string | null; fields: FieldMapping[] };
  orders: { sheet: string | null; fields: FieldMapping[] };
  /** Headers the product does not recognise (kept as the user's own columns). */
  unknownHeaders: Array<{ sheet: string; header: string }>;
}

/** A manager's «Сегодня» (core/today.ts) as of the panel's as-of date. */
export interface TodayView {
  /** yyyy-mm-dd. */
  asOf: string;
  items: TodayItem[];
  /** The base's managers, as typed, to choose whose list to show. */
  managers: string[];
  /** The birthday list (core/birthday-list.ts) of the same manager: today, the next 7 days, this month. */
  birthdays: BirthdayItem[];
}

/** A campaign list the panel asks for: the channel, and an RFM segment or an ABC class (neither: everyone). */
export interface CampaignRequest extends CampaignChoice {
  channel: CampaignChannel;
}

/** A campaign list (core/campaign.ts) ready to save: the CSV, its file name, who was left out and why. */
export interface CampaignExport {
  csv: string;
  fileName: string;
  listed: number;
  leftOut: LeftOut;
  /** «N in the list; M left out: …», said in the panel's language. */
  summary: Message;
}

export interface PanelActions {
  listClients(filter: ClientFilter, limit?: number): Promise<ClientList>;
  /** Whom to contact: everyone's list, or one manager's (null: everyone). */
  today(manager: string | null): Promise<TodayView>;
  getClient(id: string): Promise<ClientCard>;
  selectClient(row: number): Promise<void>;
  /** Filter the clients sheet to the matching rows; null clears the filter. */
  showInSheet(filter: ClientFilter | null): Promise<void>;
  setStatus(id: string, status: string): Promise<ClientCard>;
  addNote(id: string, note: string): Promise<ClientCard>;
  /** A contact with the client, appended to the history sheet; its next-contact date becomes the client's. */
  logContact(id: string, contact: ContactInput): Promise<ClientCard>;
  /**
   * The «Поздравлен» mark: a greeting row appended to the history sheet (none when the client is already
   * congratulated on this birthday), logged by `manager` (the client's when null); answers `today(manager)`.
   */
  logGreeting(id: string, manager: string | null): Promise<TodayView>;
  /** The clients chosen who consented to the channel, as CSV; nothing is written to the workbook. */
  campaign(request: CampaignRequest): Promise<CampaignExport>;
  statuses(): Promise<string[]>;
  services(): Promise<string[]>;
  /**
   * Makes the new-client check ready while the user fills the form: the base's index takes seconds to
   * build on 100,000 clients, a check with it milliseconds. Optional: a host that keeps nothing between
   * calls (Apps Script: each call is an execution of its own) has nothing to make ready.
   */
  prepareNewClientCheck?(): Promise<void>;
  checkNewClient(client: NewClient): Promise<DuplicateWarning[]>;
  addClient(client: NewClient): Promise<ClientCard>;
  recordOrder(order: NewOrder): Promise<ClientCard>;
  /**
   * Runs a named action. `signal` is the user's «Cancel», where the host can honour it (the local actions;
   * not Google Sheets, whose actions run on Google's servers): the run then rejects with an error named
   * `ActionCancelledError` (when it is honoured: src/actions/pacing.ts).
   */
  run(action: ActionName, onProgress?: ProgressListener, signal?: AbortSignal): Promise<ActionResult>;
  duplicateGroups(): Promise<DuplicateGroupsView>;
  merge(groupId: string, keepId: string): Promise<MergeResult>;
  undoMerge(undoToken: string): Promise<ActionResult>;
  /** Mark the group as "not duplicates": its pairs are kept in a sheet and never suggested again. */
  dismissGroup(groupId: string): Promise<ActionResult>;
  getSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  layout(): Promise<LayoutView>;
  /** Tell the product that `field` of `sheet` is under `header` (stored in the settings sheet). */
  setMapping(sheet: 'services' | 'clients' | 'orders', field: string, header: string | null): Promise<LayoutView>;
}
