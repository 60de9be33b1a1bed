/**
 * Campaign lists for SMS, e-mail and messenger services: the clients chosen (a segment, an ABC class,
 * a filtered list) narrowed to those who consented to the channel (consent.ts), as CSV.
 *
 * There is deliberately no way to list clients without consent: advertising by SMS or e-mail without
 * the recipient's prior consent is against 38-ФЗ «О рекламе», ст. 18. Those left out are counted by
 * reason so the user sees how many and why.
 */
import { consentsTo } from './consent';
import type { AbcClass } from './abc';
import type { Analysis } from './analysis-report';
import type { CampaignChannel, Client, Language } from './model';
import { message, type Message } from './messages/message';
import { segmentLabel, type SegmentKey } from './rfm';

export interface CampaignRow {
  /** E.164; '' when the list is for e-mail. */
  phone: string;
  /** Normalised address; '' when the list is for a phone channel. */
  email: string;
  name: string;
  firstName: string;
  segment: string;
}

/** Why a chosen client is not in the list. */
export interface LeftOut {
  /** No consent, a «нет», or consent for other channels only. */
  noConsent: number;
  /** Consent given, but no valid phone (SMS, messenger) or e-mail for the channel. */
  noContact: number;
  /** The consent cell could not be read (a problem on the «Проблемы» sheet): no consent. */
  unreadable: number;
  /** The same phone or e-mail already listed for another client (a duplicate): one message is enough. */
  repeated: number;
}

export interface CampaignList {
  channel: CampaignChannel;
  rows: CampaignRow[];
  leftOut: LeftOut;
}

export interface CampaignEntry {
  client: Client;
  /** The segment (or class) to write in the list, in the workbook's language; '' when none. */
  segment: string;
}

/** Patronymic endings: «Иванов Пётр Сергеевич» is written surname, first name, patronymic. */
const PATRONYMIC = /(?:вич|вна|ична|ильич|оглы|кызы)$/u;
const SURNAME = /(?:ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ский|ская|цкий|цкая|ых|их)$/u;
const COMPANY = /(?:^|\s)(?:ООО|ОАО|ЗАО|ПАО|АО|ИП|НКО|ГК|LLC|Ltd|Inc)(?:\s|$)|[«"»]/u;

/**
 * The first name to greet a person by: from the contact person when there is one, else from the
 * client's own name; '' for a company without a contact person or when it cannot be told.
 */
export function firstNameOf(client: Pick<Client, 'name' | 'contact'>): string {
  const person = client.contact || client.name;
  if (!person || COMPANY.test(person)) return '';
  const words = person.split(/\s+/u).filter((word) => /^\p{L}[\p{L}-]*$/u.test(word));
  if (words.length === 3 && PATRONYMIC.test(words[2].toLowerCase())) return words[1];
  if (words.length === 3 && PATRONYMIC.test(words[1].toLowerCase())) return words[0];
  if (words.length === 2) return SURNAME.test(words[0].toLowerCase()) && !SURNAME.test(words[1].toLowerCase()) ? words[1] : words[0];
  return words.length === 1 ? words[0] : '';
}

function contactFor(client: Client, channel: CampaignChannel): string | null {
  return channel === 'email' ? client.emailNormalised : client.phoneNormalised;
}

/** The entries whose clients consented to `channel` and can be reached by it, and those left out by reason. */
export function campaignList(entries: readonly CampaignEntry[], channel: CampaignChannel): CampaignList {
  const leftOut: LeftOut = { noConsent: 0, noContact: 0, unreadable: 0, repeated: 0 };
  const rows: CampaignRow[] = [];
  const listed = new Set<string>();
  for (const { client, segment } of entries) {
    if (client.consent.problem) leftOut.unreadable++;
    else if (!consentsTo(client.consent, channel)) leftOut.noConsent++;
    else {
      const contact = contactFor(client, channel);
      if (contact === null) leftOut.noContact++;
      else if (listed.has(contact)) leftOut.repeated++;
      else {
        listed.add(contact);
        rows.push({
          phone: channel === 'email' ? '' : contact,
          email: channel === 'email' ? contact : '',
          name: client.name,
          firstName: firstNameOf(client),
          segment,
        });
      }
    }
  }
  return { channel, rows, leftOut };
}

export function leftOutCount(leftOut: LeftOut): number {
  return leftOut.noConsent + leftOut.noContact + leftOut.unreadable + leftOut.repeated;
}

export const CAMPAIGN_CSV_HEADER = ['phone', 'email', 'name', 'first_name', 'segment'] as const;

/**
 * A value as a CSV field: always quoted, quotes doubled. Text beginning with = + - @ (or a tab or CR,
 * which some apps skip before one) would be a formula when the file is opened in a spreadsheet app:
 * it gets a leading apostrophe. Phones are E.164 built by the product (`+` and digits only) and are
 * not user text, so they stay as services expect them.
 */
export function csvField(value: string, isPhone = false): string {
  const safe = !isPhone && /^[=+\-@\t\r]/u.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * The list as CSV: UTF-8 with a byte-order mark (so Excel opens Cyrillic correctly; the services take
 * it), comma-separated, CRLF line ends (RFC 4180), a header row of the column names services map.
 */
export function campaignCsv(list: CampaignList): string {
  const lines = [CAMPAIGN_CSV_HEADER.map((name) => csvField(name)).join(',')];
  for (const row of list.rows) {
    lines.push([csvField(row.phone, /^\+\d+$/u.test(row.phone)), csvField(row.email), csvField(row.name), csvField(row.firstName), csvField(row.segment)].join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Which clients a campaign is for: an RFM segment, an ABC class, or (neither) the whole base. */
export interface CampaignChoice {
  segment?: SegmentKey;
  abc?: AbcClass;
}

/** The clients of an analysis the choice names, each with its RFM segment in the workbook's language. */
export function chosenClients(analysis: Pick<Analysis, 'base' | 'rfm' | 'abc' | 'language'>, choice: CampaignChoice): CampaignEntry[] {
  const entries: CampaignEntry[] = [];
  analysis.base.clients.forEach((client, i) => {
    const segment = analysis.rfm.scores[i]?.segment ?? null;
    if (choice.segment !== undefined && segment !== choice.segment) return;
    if (choice.abc !== undefined && analysis.abc.classes[i] !== choice.abc) return;
    entries.push({ client, segment: segment === null ? '' : segmentLabel(segment, analysis.language) });
  });
  return entries;
}

/** «N in the list; M left out: …» as a message. */
export function campaignSummary(list: CampaignList): Message {
  const { leftOut } = list;
  return message('campaign.summary', { count: list.rows.length, left: leftOutCount(leftOut), noConsent: leftOut.noConsent, noContact: leftOut.noContact, unreadable: leftOut.unreadable, repeated: leftOut.repeated });
}

/** A file name that says what the list is: «рассылка-sms-под-угрозой-2026-11-01.csv». */
export function campaignFileName(channel: CampaignChannel, choice: CampaignChoice, asOfIso: string, language: Language): string {
  const audience = choice.segment !== undefined ? segmentLabel(choice.segment, language) : choice.abc !== undefined ? `abc-${choice.abc}` : language === 'ru' ? 'все' : 'all';
  const words = [language === 'ru' ? 'рассылка' : 'campaign', channel, audience, asOfIso].join(' ');
  return `${words.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}.csv`;
}
