/**
 * The domain records the core reasons about, parsed from a snapshot by `readBase` (base.ts).
 * Dates are whole days since 1970-01-01 of the calendar date the user sees (`DayNumber`), so no time
 * zone ever enters a computation.
 */

export type DayNumber = number;

import type { Message } from './messages/message';

export type Language = 'ru' | 'en';

/** A message in the workbook's language. */
export function say(language: Language, ru: string, en: string): string {
  return language === 'ru' ? ru : en;
}

/** One bad cell, with the spreadsheet row (header = 1) and the column's header as the user wrote it. */
export interface Problem {
  sheet: string;
  row: number;
  column: string;
  value: string;
  /** What is wrong and what to do, rendered in the reader's language (the sheet's or the panel's). */
  message: Message;
}

export const CLIENT_FIELDS = [
  'id',
  'name',
  'type',
  'contact',
  'phone',
  'email',
  'inn',
  'city',
  'industry',
  'source',
  'manager',
  'status',
  'service',
  'firstContact',
  'firstOrder',
  'lastOrder',
  'orders',
  'revenue',
  'daysSinceLastOrder',
  'expectedOrder',
  'rhythm',
  'birthday',
  'nextContact',
  'channel',
  'consent',
  'refusalReason',
  'comment',
  'abc',
  'rfm',
  'segment',
  'duplicateGroup',
] as const;
export type ClientField = (typeof CLIENT_FIELDS)[number];

export const CAMPAIGN_CHANNELS = ['sms', 'email', 'messenger'] as const;
export type CampaignChannel = (typeof CAMPAIGN_CHANNELS)[number];

/** A client's consent to advertising, read from the «Согласие на рассылку» cell (consent.ts). */
export interface Consent {
  /** True only for a readable «да». */
  given: boolean;
  /** The channels consented to (every channel for a bare «да»); empty without consent. */
  channels: readonly CampaignChannel[];
  /** The day written in the cell, null when none. */
  date: DayNumber | null;
  /** Set when the cell could not be read: what is wrong and what to do. Such a cell counts as no consent. */
  problem?: Message;
}

export const SERVICE_FIELDS = ['name', 'category', 'price', 'audience', 'description', 'active'] as const;
export type ServiceField = (typeof SERVICE_FIELDS)[number];

export const ORDER_FIELDS = ['date', 'clientId', 'client', 'service', 'amount', 'number', 'manager', 'comment'] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

/**
 * The order history the user keeps on the clients sheet by hand (first and last order date, number of
 * orders, revenue): data the tracker uses, never a cache it may blank. Null where the cell is empty or
 * the sheet has no such column.
 */
export interface TypedHistory {
  firstOrder: DayNumber | null;
  lastOrder: DayNumber | null;
  orders: number | null;
  revenue: number | null;
}

export const NO_HISTORY: Readonly<TypedHistory> = Object.freeze({ firstOrder: null, lastOrder: null, orders: null, revenue: null });

export interface Client {
  /** Spreadsheet row. */
  row: number;
  /** The ID cell as text, null when empty. */
  id: string | null;
  /** Client name as typed, trimmed; '' when empty. */
  name: string;
  type: string;
  contact: string;
  phone: string;
  /** E.164 form of `phone`, null when it is empty or not a valid number. */
  phoneNormalised: string | null;
  email: string;
  /** Trimmed, lower-case e-mail, null when empty or invalid. */
  emailNormalised: string | null;
  inn: string;
  city: string;
  /** Canonical city (МСК → Москва), '' when empty. */
  cityNormalised: string;
  industry: string;
  source: string;
  manager: string;
  status: string;
  service: string;
  firstContact: DayNumber | null;
  birthday: DayNumber | null;
  nextContact: DayNumber | null;
  channel: string;
  /** The consent to advertising as read (consent.ts); the cell itself is never changed. */
  consent: Consent;
  refusalReason: string;
  comment: string;
  /** The history typed on the clients sheet (see TypedHistory). */
  history: TypedHistory;
}

export interface Service {
  row: number;
  name: string;
  category: string;
  price: number | null;
  audience: string;
  description: string;
  active: boolean;
}

export interface Order {
  row: number;
  date: DayNumber | null;
  clientId: string;
  client: string;
  service: string;
  amount: number | null;
  number: string;
  manager: string;
  comment: string;
}

/** Where each field sits in a sheet: 0-based column index into the snapshot row, by field. */
export type ColumnMap<F extends string> = Partial<Record<F, number>>;

export interface SheetLayout<F extends string> {
  /** The sheet's actual name. */
  sheet: string;
  columns: ColumnMap<F>;
  /** The header texts as read, trimmed, so problems can name the user's own header. */
  header: string[];
  /** Number of data rows below the header, up to the last non-blank one (with the header in row 1: rows 2..rowCount+1). */
  rowCount: number;
}
