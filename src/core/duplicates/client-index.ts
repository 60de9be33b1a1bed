/**
 * The side panel's "is this client already there?" check: an index of the base built once, then each
 * new client (name, phone, e-mail, city, ИНН) is compared only with the clients sharing a blocking key,
 * with the same verdict as the full duplicate search.
 */
import type { Client, DayNumber } from '../model';
import type { DuplicateSensitivity, Settings } from '../settings';
import { COMMON_KEY_CAP, eachKey, HEAVY_SLIP_KINDS, OFFER_PREFIX, offerKeys, PROBE_PREFIX } from './blocking';
import { judgePair, reasonMessage, type ReasonCode } from './evidence';
import type { Message } from '../messages/message';
import { measureRarity, type Rarity } from './rarity';
import { prepareRecord, type MatchInput, type MatchRecord } from './prepare';
import type { ParsedName } from './names';
import { CommonWords, correctedNames } from './spelling';

export interface ClientIndex {
  readonly records: readonly MatchRecord[];
  readonly byKey: ReadonlyMap<string, readonly number[]>;
  readonly rarity: Rarity;
  /** The base's common name words, to correct a misspelt word of the new client's name. */
  readonly commonWords: CommonWords;
  readonly sensitivity: DuplicateSensitivity;
  readonly phoneRegion: string;
  readonly language: 'ru' | 'en';
}

export interface NewClientQuery {
  name: string;
  phone?: string;
  email?: string;
  city?: string;
  inn?: string;
  birthday?: DayNumber | null;
}

export interface ClientMatch {
  /** Index into the clients the index was built from. */
  clientIndex: number;
  /** In words, for the reader's language. */
  reason: Message;
  reasons: readonly ReasonCode[];
  score: number;
}

/** At most this many clients of one name block are compared (a block this big is a very common name). */
const MAX_CANDIDATES_PER_KEY = 5000;
const MAX_MATCHES = 10;

/** The keys a client of the base is filed under: its blocking keys (`eachKey`) and its offers. */
function filedKeys(record: MatchRecord, corrected: readonly ParsedName[]): string[] {
  const keys = offerKeys(record);
  eachKey(record, corrected, (key) => keys.push(key));
  return keys;
}

/**
 * The keys a new client is looked up by, as the full search pairs them: its blocking keys, each probe of
 * initials among the offers too, and each offer among the probes only. Offers never meet each other:
 * `Иванов Иван Петрович` would meet every Иванов with an И-name.
 */
function lookupKeys(record: MatchRecord, corrected: readonly ParsedName[]): string[] {
  const keys: string[] = [];
  eachKey(record, corrected, (key) => {
    keys.push(key);
    if (key.startsWith(PROBE_PREFIX)) keys.push(OFFER_PREFIX + key.slice(PROBE_PREFIX.length));
  });
  for (const offer of offerKeys(record)) keys.push(PROBE_PREFIX + offer.slice(OFFER_PREFIX.length));
  return keys;
}

export function buildClientIndex(clients: readonly MatchInput[] | readonly Client[], settings: Pick<Settings, 'phoneRegion' | 'duplicateSensitivity' | 'language'>): ClientIndex {
  const records = (clients as readonly MatchInput[]).map((client) => prepareRecord(client, settings.phoneRegion));
  const commonWords = CommonWords.of(records.map((record) => record.name));
  const fixes = commonWords.misspellings();
  const byKey = new Map<string, number[]>();
  records.forEach((record, index) => {
    for (const key of filedKeys(record, correctedNames(record.name, fixes))) {
      const list = byKey.get(key);
      if (list) list.push(index);
      else byKey.set(key, [index]);
    }
  });
  return {
    records,
    byKey,
    rarity: measureRarity(records),
    commonWords,
    sensitivity: settings.duplicateSensitivity,
    phoneRegion: settings.phoneRegion,
    language: settings.language,
  };
}

/** The clients of the base the new client may be, or shares a phone or e-mail with, best first (at most ten). */
export function checkNewClient(index: ClientIndex, query: NewClientQuery): ClientMatch[] {
  const record = prepareRecord({ name: query.name, phone: query.phone ?? '', email: query.email ?? '', city: query.city ?? '', inn: query.inn, birthday: query.birthday }, index.phoneRegion);
  const seen = new Set<number>();
  const matches: ClientMatch[] = [];
  for (const key of lookupKeys(record, correctedNames(record.name, index.commonWords.fixesForNewName(record.name)))) {
    const candidates = index.byKey.get(key) ?? [];
    // As in the full search: an over-common heavy-slip key, the new client counted, compares nobody, and
    // a probe meets the first offers only.
    if (candidates.length + 1 > COMMON_KEY_CAP && HEAVY_SLIP_KINDS.includes(key.charAt(0))) continue;
    const limit = key.startsWith(OFFER_PREFIX) ? COMMON_KEY_CAP : MAX_CANDIDATES_PER_KEY;
    for (let k = 0; k < candidates.length && k < limit; k++) {
      const candidate = candidates[k];
      if (seen.has(candidate)) continue;
      seen.add(candidate);
      const verdict = judgePair(record, index.records[candidate], index.sensitivity, index.rarity);
      // A phone or e-mail already in the base is worth a word before saving even when the names say another
      // person (a family, an office): the user decides, nothing is merged.
      if (verdict.match || verdict.conflict === 'sharedContact') {
        matches.push({ clientIndex: candidate, reason: reasonMessage(verdict.reasons), reasons: verdict.reasons, score: verdict.score });
      }
    }
  }
  return matches.sort((a, b) => b.score - a.score || a.clientIndex - b.clientIndex).slice(0, MAX_MATCHES);
}
