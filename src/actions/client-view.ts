/**
 * What the side panel shows of the clients: summaries, filters and cards, computed from one analysis
 * of the base (tracker, ABC and RFM are always current, whether or not the user ran them as actions).
 */
import type { Analysis } from '../core/analysis';
import type { Base } from '../core/base';
import type { Client, DayNumber } from '../core/model';
import { dayToIso } from '../core/normalise/date';
import { normaliseText } from '../core/normalise/text';
import { phoneDigits } from '../core/normalise/phone';
import { dropdownValues } from '../core/structure';
import type { ClientCard, ClientFacets, ClientFilter, ClientList, ClientSummary, OrderView } from './panel';
import { clientRef, rowOfRef } from '../core/client-ref';
import { daysToBirthday } from '../core/birthdays';
import { message, MessageError } from '../core/messages/message';
import { clientTimeline } from '../core/client-timeline';
import type { HistoryEntry } from '../core/contact-history';

/** The client a panel ID names; `row:N` still finds the row after the product has given it an ID. */
export function findClientIndex(base: Base, id: string): number {
  const clients = base.clients;
  let index = clients.findIndex((client) => clientRef(client) === id);
  const row = rowOfRef(id);
  if (index < 0 && row !== null) index = clients.findIndex((client) => client.row === row);
  if (index < 0) throw new MessageError(message('form.clientMissing', { id }), base.layout.language);
  return index;
}

function isoOrNull(day: DayNumber | null): string | null {
  return day === null ? null : dayToIso(day);
}

export function clientSummary(analysis: Analysis, index: number): ClientSummary {
  const client = analysis.base.clients[index];
  const tracker = analysis.tracker[index];
  const score = analysis.rfm.scores[index];
  return {
    row: client.row,
    id: clientRef(client),
    name: client.name,
    phone: client.phone,
    email: client.email,
    city: client.cityNormalised,
    industry: client.industry,
    status: client.status,
    manager: client.manager,
    abc: analysis.abc.classes[index],
    segment: score ? score.segment : null,
    orders: tracker.orders,
    revenue: tracker.revenue,
    lastOrder: isoOrNull(tracker.lastOrder),
    daysSinceLastOrder: tracker.daysSinceLastOrder,
    cold: tracker.cold,
    birthday: isoOrNull(client.birthday),
  };
}

/** The client's card; `history` is the history sheet as read (core/contact-history.ts). */
export function clientCard(analysis: Analysis, index: number, contacts: readonly HistoryEntry[]): ClientCard {
  const client = analysis.base.clients[index];
  const tracker = analysis.tracker[index];
  const history: OrderView[] = [];
  analysis.base.orderClient.forEach((link, i) => {
    if (link !== index) return;
    const order = analysis.base.orders[i];
    history.push({
      row: order.row,
      date: isoOrNull(order.date),
      service: order.service,
      amount: order.amount,
      number: order.number,
      manager: order.manager,
    });
  });
  history.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  return {
    ...clientSummary(analysis, index),
    type: client.type,
    contact: client.contact,
    service: client.service,
    source: client.source,
    channel: client.channel,
    comment: client.comment,
    firstContact: isoOrNull(client.firstContact),
    firstOrder: isoOrNull(tracker.firstOrder),
    rfm: analysis.rfm.scores[index]?.code ?? null,
    statusSuggestion: analysis.statusSuggestions[index],
    history,
    asOf: dayToIso(analysis.asOf),
    timeline: clientTimeline(analysis.base, contacts, index),
  };
}

function searchMatches(client: Client, query: string): boolean {
  const text = normaliseText(query);
  if (!text) return true;
  if ([client.name, client.contact, client.email, client.id ?? ''].some((field) => normaliseText(field).includes(text))) return true;
  const digits = phoneDigits(query);
  // A phone is searched by its last digits, so `8912…`, `+7912…` and `912…` all find `+79123456789`.
  return digits.length >= 3 && phoneDigits(client.phone).includes(digits.replace(/^[78](?=\d{10}$)/, ''));
}

/** Filter values are compared as `normaliseText` folds them, so «Королев» finds «Королёв» too. */
function oneOf(value: string, wanted: readonly string[] | undefined): boolean {
  if (!wanted || wanted.length === 0) return true;
  const key = normaliseText(value);
  return wanted.some((w) => normaliseText(w) === key);
}

export function matchesFilter(analysis: Analysis, index: number, filter: ClientFilter, today: DayNumber): boolean {
  const client = analysis.base.clients[index];
  const tracker = analysis.tracker[index];
  if (!oneOf(client.cityNormalised, filter.cities)) return false;
  if (!oneOf(client.industry, filter.industries)) return false;
  if (!oneOf(client.status, filter.statuses)) return false;
  if (!oneOf(client.manager, filter.managers)) return false;
  if (filter.abc && filter.abc.length > 0 && !filter.abc.includes(analysis.abc.classes[index] ?? 'none')) return false;
  if (filter.segments && filter.segments.length > 0) {
    const segment = analysis.rfm.scores[index]?.segment;
    if (!segment || !filter.segments.includes(segment)) return false;
  }
  if (filter.coldOnly && !tracker.cold) return false;
  if (filter.birthdayWithinDays !== undefined) {
    if (client.birthday === null || daysToBirthday(client.birthday, today) > filter.birthdayWithinDays) return false;
  }
  return filter.search ? searchMatches(client, filter.search) : true;
}

export function clientFacets(analysis: Analysis): ClientFacets {
  const clients = analysis.base.clients;
  return {
    cities: dropdownValues(clients.map((c) => c.cityNormalised)),
    industries: dropdownValues(clients.map((c) => c.industry)),
    statuses: dropdownValues(clients.map((c) => c.status)),
    managers: dropdownValues(clients.map((c) => c.manager)),
    types: dropdownValues(clients.map((c) => c.type)),
  };
}

/** Indices of the clients matching the filter, in sheet order. */
export function filterClients(analysis: Analysis, filter: ClientFilter, today: DayNumber): number[] {
  const matching: number[] = [];
  for (let i = 0; i < analysis.base.clients.length; i++) if (matchesFilter(analysis, i, filter, today)) matching.push(i);
  return matching;
}

export function clientList(analysis: Analysis, filter: ClientFilter, today: DayNumber, limit: number): ClientList {
  const matching = filterClients(analysis, filter, today);
  return {
    total: analysis.base.clients.length,
    matching: matching.length,
    clients: matching.slice(0, limit).map((index) => clientSummary(analysis, index)),
    facets: clientFacets(analysis),
    asOf: dayToIso(today),
  };
}
