/**
 * A client reduced to what duplicate matching compares: contact keys (all phones and e-mails written in
 * the cells, `8 912 …, 8 913 …` gives two), ИНН, city and the parsed name. Computed once per client.
 */
import type { Client, DayNumber } from '../model';
import { normaliseEmail } from '../normalise/email';
import { callingCodePrefix, nationalNumber, normalisePhone, phoneDigits, withoutExtension } from '../normalise/phone';
import { normaliseText } from '../normalise/text';
import { normaliseCity } from '../normalise/city';
import { dayToIso } from '../normalise/date';
import { parseName, type ParsedName } from './names';

export interface MatchRecord {
  /** E.164 phones; the national digits of a phone that is not valid for the region (see `phonesOf`). */
  phones: string[];
  /** Digits of each phone, for typo checks (also of phones too broken to normalise). */
  phoneDigits: string[];
  /** Normalised e-mails. */
  emails: string[];
  /** Digits of the ИНН (10 for a company, 12 for a person), '' when missing or not an ИНН. */
  inn: string;
  /** Comparable city: canonical (МСК → Москва), then lower case. */
  city: string;
  /** Day of birth, null when unknown. */
  birthday: DayNumber | null;
  /**
   * The day of birth as the number yyyymmdd, -1 when unknown: slips in its digits are told by arithmetic,
   * once per record, not by writing both days out in every pair compared (see `compareBirthdays`).
   */
  birthdayDigits: number;
  name: ParsedName;
}

/** The fields of a client the matcher reads; `Client` has them all, and so has the panel's new client. */
export type MatchInput = Pick<Client, 'name' | 'phone' | 'email' | 'city'> & {
  inn?: string;
  birthday?: DayNumber | null;
  contact?: string;
  phoneNormalised?: string | null;
  emailNormalised?: string | null;
};

/** Cells may hold several contacts separated by commas, semicolons, slashes or new lines. */
const LIST_SEPARATOR = /[,;\n/]|\s{2,}/u;

/** Fewer digits than any phone number has: an area code before a separator, an extension after one. */
const SHORTEST_NUMBER = 7;

/**
 * The numbers written in a phone cell. A piece too short to be a number belongs to a neighbour: an
 * area code before it (`310/456-5733`, US lists write it so) or an extension after it (`…, доб. 12`).
 */
function phoneParts(raw: string): string[] {
  const pieces = raw.split(LIST_SEPARATOR).map((p) => p.trim()).filter(Boolean);
  const parts: string[] = [];
  let prefix = '';
  pieces.forEach((piece, k) => {
    const short = phoneDigits(piece).length < SHORTEST_NUMBER;
    if (short && k < pieces.length - 1) prefix += `${piece} `;
    else if (short && parts.length > 0 && prefix === '') parts[parts.length - 1] += ` ${piece}`;
    else {
      parts.push(prefix + piece);
      prefix = '';
    }
  });
  return parts;
}

/** `000-00-00`, `1111111`, `1234567…`: typed where a phone was required, never anyone's number. */
function isPlaceholderNumber(digits: string): boolean {
  return /^(\d)\1+$/.test(digits) || '01234567890'.includes(digits) || '9876543210'.includes(digits);
}

function phonesOf(raw: string, normalised: string | null | undefined, region: string): { e164: string[]; digits: string[] } {
  const parts = phoneParts(raw);
  const e164 = new Set<string>();
  const digits = new Set<string>();
  const nationalDigits = (part: string) => {
    const d = phoneDigits(withoutExtension(part));
    // The national part is what typos are compared on: +7 912…, 8 912… and 912… alike.
    return d.length >= SHORTEST_NUMBER ? (d.length > 10 ? d.slice(-10) : d) : '';
  };
  // A number that is not valid for the region (a foreign one written without its country code, say
  // `02 9876 5432` or `8 029 123-45-67`) is still the same number when its digits are: they stand in as
  // its key, without the trunk prefix. A foreign number written with its country code is keyed by its
  // national number too, so `+375 29 123-45-67` meets `8 029 123-45-67` and `+1 310 246 1501` meets `310-246-1501`.
  const home = callingCodePrefix(region);
  const add = (part: string, phone: string | null) => {
    const key = phone ?? nationalDigits(part).replace(/^0+/, '');
    if (!key || isPlaceholderNumber(key)) return;
    e164.add(key);
    if (phone && home && !phone.startsWith(home)) {
      const national = nationalNumber(phone);
      if (national) e164.add(national);
    }
  };
  // One number in the cell: the reader has normalised it already (parsing phones is the costly part).
  if (parts.length <= 1 && normalised !== undefined) {
    if (parts.length === 1) add(parts[0], normalised);
  } else {
    for (const part of parts) add(part, normalisePhone(part, region));
  }
  for (const part of parts) {
    const d = nationalDigits(part);
    if (d) digits.add(d);
  }
  return { e164: [...e164], digits: [...digits] };
}

function emailsOf(raw: string, normalised: string | null | undefined): string[] {
  const emails = new Set<string>();
  if (normalised) emails.add(normalised);
  // "Ivan@Mail.ru " is one address; "a@x.ru, b@y.ru" two.
  const parts = raw.trim().split(/[,;\s]+/u);
  if (parts.length <= 1 && normalised !== undefined) return [...emails];
  for (const part of parts) {
    const email = normaliseEmail(part);
    if (email) emails.add(email);
  }
  return [...emails];
}

/** The ИНН's digits when it has the length of one (10 or 12), else ''. */
export function innDigits(raw: string | undefined): string {
  const digits = (raw ?? '').replace(/\D/g, '');
  return digits.length === 10 || digits.length === 12 ? digits : '';
}

/** A base names a few hundred cities among its thousands of clients, so comparable cities are remembered. */
const CITY_CACHE_LIMIT = 10000;
const cities = new Map<string, string>();

function comparableCity(raw: string): string {
  let city = cities.get(raw);
  if (city === undefined) {
    city = normaliseText(normaliseCity(raw));
    if (cities.size >= CITY_CACHE_LIMIT) cities.clear();
    cities.set(raw, city);
  }
  return city;
}

/** yyyymmdd of a day, -1 for none (or a year not of four digits, which no typo explains). */
function dayDigits(day: DayNumber | null): number {
  if (day === null) return -1;
  const iso = dayToIso(day);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) ? Number(iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10)) : -1;
}

/** The name matching goes by: the client's name, else the contact person's. */
export function nameOf(client: MatchInput): string {
  return client.name || client.contact || '';
}

/** `name`: the client's name parsed already (matching parses each distinct name once). */
export function prepareRecord(client: MatchInput, region: string, name = parseName(nameOf(client))): MatchRecord {
  const phone = phonesOf(client.phone ?? '', client.phoneNormalised, region);
  return {
    phones: phone.e164,
    phoneDigits: phone.digits,
    emails: emailsOf(client.email ?? '', client.emailNormalised),
    inn: innDigits(client.inn),
    city: comparableCity(client.city ?? ''),
    birthday: client.birthday ?? null,
    birthdayDigits: dayDigits(client.birthday ?? null),
    name,
  };
}
