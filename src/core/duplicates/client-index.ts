/**
 * The side panel's "is this client already there?" check: an index of the base built once, then each
 * new client (name, phone, e-mail, city, ИНН) is compared only with the clients sharing a blocking key,
 * with the same verdict as the full duplicate search.
 */
import type { Client, DayNumber } from '../model';
import type { DuplicateSensitivity, Settings } from '../settings';
import { COMMON_KEY_CAP, eachKey, HEAVY_SLIP_KINDS, OFFER_PREFIX, offerKeys, PROBE_PREFIX } from './blocking';
import { GroupsByNumber, KeyList, keyNumber } from './key-numbers';
import { judgePair, reasonMessage, SENSITIVITY, type ReasonCode } from './evidence';
import { knownByNameOnly, OnlyNamesakes } from './only-namesake';
import { compareNames } from './similarity';
import type { Message } from '../messages/message';
import { measureRarity, type Rarity } from './rarity';
import { prepareRecord, type MatchInput, type MatchRecord } from './prepare';
import type { ParsedName } from './names';
import { CommonWords, correctedNames } from './spelling';

export interface ClientIndex {
  /** The clients it answers for: a later read is checked against them (`keptIndex`). */
  readonly clients: readonly MatchInput[];
  readonly records: readonly MatchRecord[];
  readonly byKey: KeyedClients;
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

const PROBE_KIND = PROBE_PREFIX.charCodeAt(0);
const OFFER_KIND = OFFER_PREFIX.charCodeAt(0);

/**
 * The clients filed under each key, by the key's number (key-numbers.ts): group g's entries are
 * `clients[start[g]] … clients[start[g + 1] − 1]`, in the clients' order, each with its key's kind (its
 * first letter: a probe and its offers share a number). Typed arrays, not a `Map` of the keys' texts: on
 * 100,000 clients the 1.7 M keys filed as text took nearly half of the index's 5.4 s (now 3.7 s in all).
 */
export interface KeyedClients {
  readonly groups: GroupsByNumber;
  readonly start: Int32Array;
  readonly clients: Int32Array;
  readonly kinds: Uint8Array;
}

function fileKeys(records: readonly MatchRecord[], keysOf: (record: MatchRecord) => string[]): KeyedClients {
  const keys = new KeyList();
  records.forEach((record, index) => {
    for (const key of keysOf(record)) keys.add(key, index);
  });
  const groups = new GroupsByNumber(keys.length);
  const groupOf = new Int32Array(keys.length);
  for (let entry = 0; entry < keys.length; entry++) groupOf[entry] = groups.groupOf(keys.numbers[entry]);
  const start = new Int32Array(groups.count + 1);
  for (const group of groupOf) start[group + 1]++;
  for (let group = 0; group < groups.count; group++) start[group + 1] += start[group];
  const fill = start.slice(0, groups.count);
  const clients = new Int32Array(keys.length);
  const kinds = new Uint8Array(keys.length);
  groupOf.forEach((group, entry) => {
    const at = fill[group]++;
    clients[at] = keys.owners[entry];
    kinds[at] = keys.kinds[entry];
  });
  return { groups, start, clients, kinds };
}

type IndexSettings = Pick<Settings, 'phoneRegion' | 'duplicateSensitivity' | 'language'>;

export function buildClientIndex(clients: readonly MatchInput[] | readonly Client[], settings: IndexSettings): ClientIndex {
  const inputs = clients as readonly MatchInput[];
  const records = inputs.map((client) => prepareRecord(client, settings.phoneRegion));
  const commonWords = CommonWords.of(records.map((record) => record.name));
  const fixes = commonWords.misspellings();
  return {
    clients: inputs,
    records,
    byKey: fileKeys(records, (record) => filedKeys(record, correctedNames(record.name, fixes))),
    rarity: measureRarity(records),
    commonWords,
    sensitivity: settings.duplicateSensitivity,
    phoneRegion: settings.phoneRegion,
    language: settings.language,
  };
}

/** What `prepareRecord` reads of a client: the index depends on nothing else of it. */
const MATCHED_FIELDS = ['name', 'contact', 'phone', 'phoneNormalised', 'email', 'emailNormalised', 'inn', 'city', 'birthday'] as const;

/**
 * `index` again for these clients and settings, when it answers for them exactly as one built from them
 * would: the same clients in the same order, each with the same matched fields (a status, a note, an order
 * or a sum changed elsewhere leave it valid). It then holds these clients, so the read it was built from
 * is let go. Null when anything it depends on changed. Comparing 100,000 clients' fields takes
 * milliseconds; building the index anew takes seconds (see `KeyedClients`).
 */
export function keptIndex(index: ClientIndex, clients: readonly MatchInput[] | readonly Client[], settings: IndexSettings): ClientIndex | null {
  if (index.phoneRegion !== settings.phoneRegion || index.sensitivity !== settings.duplicateSensitivity || index.language !== settings.language) return null;
  const inputs = clients as readonly MatchInput[];
  if (inputs.length !== index.clients.length) return null;
  for (let k = 0; k < inputs.length; k++) {
    const now = inputs[k];
    const then = index.clients[k];
    if (now === then) continue;
    for (const field of MATCHED_FIELDS) if ((now[field] ?? null) !== (then[field] ?? null)) return null;
  }
  return { ...index, clients: inputs };
}

/**
 * The clients filed under `key` with a key of `kind`, at most `limit` of them, in the clients' order; none
 * when `skipOver` of them or more are (an over-common heavy-slip key compares nobody, as in the full search).
 */
function filedUnder(index: KeyedClients, key: string, kind: number, limit: number, skipOver = Infinity): number[] {
  const group = index.groups.existingGroupOf(keyNumber(key));
  if (group < 0) return [];
  const found: number[] = [];
  let filed = 0;
  for (let entry = index.start[group]; entry < index.start[group + 1]; entry++) {
    if (index.kinds[entry] !== kind) continue;
    filed++;
    if (found.length < limit) found.push(index.clients[entry]);
  }
  return filed >= skipOver ? [] : found;
}

/**
 * The clients a new client is compared with, as the full search pairs them: those sharing one of its
 * blocking keys; for each of its probes of initials, the first offers too; for each of its offers, the
 * probes. Offers never meet each other: `Иванов Иван Петрович` would meet every Иванов with an И-name.
 */
function candidatesOf(index: KeyedClients, record: MatchRecord, corrected: readonly ParsedName[]): number[][] {
  const lists: number[][] = [];
  eachKey(record, corrected, (key) => {
    const kind = key.charCodeAt(0);
    // The new client counted, an over-common heavy-slip key has more than COMMON_KEY_CAP clients.
    lists.push(filedUnder(index, key, kind, MAX_CANDIDATES_PER_KEY, HEAVY_SLIP_KINDS.includes(key.charAt(0)) ? COMMON_KEY_CAP : Infinity));
    if (kind === PROBE_KIND) lists.push(filedUnder(index, key, OFFER_KIND, COMMON_KEY_CAP));
  });
  for (const offer of offerKeys(record)) lists.push(filedUnder(index, offer, PROBE_KIND, MAX_CANDIDATES_PER_KEY));
  return lists;
}

/**
 * The clients of the base the new client may be, or shares a phone or e-mail with, best first (at most ten).
 * A new client typed with a name alone is checked as the full search checks such a record (only-namesake.ts):
 * the one client of the base its name may stand for, when there is just one, is worth a word before saving.
 */
export function checkNewClient(index: ClientIndex, query: NewClientQuery): ClientMatch[] {
  const record = prepareRecord({ name: query.name, phone: query.phone ?? '', email: query.email ?? '', city: query.city ?? '', inn: query.inn, birthday: query.birthday }, index.phoneRegion);
  // The new client is one past the base's clients, the later of every pair.
  const newClient = index.records.length;
  const namesakes = SENSITIVITY[index.sensitivity].onlyNamesake && knownByNameOnly(record) ? new OnlyNamesakes((client) => (client === newClient ? record : index.records[client]), index.rarity.cityAsMeant) : null;
  const seen = new Set<number>();
  const matches: ClientMatch[] = [];
  for (const candidates of candidatesOf(index.byKey, record, correctedNames(record.name, index.commonWords.fixesForNewName(record.name)))) {
    for (const candidate of candidates) {
      if (seen.has(candidate)) continue;
      seen.add(candidate);
      const name = compareNames(record.name, index.records[candidate].name, index.rarity.words);
      const verdict = judgePair(record, index.records[candidate], index.sensitivity, index.rarity, undefined, name);
      // A phone or e-mail already in the base is worth a word before saving even when the names say another
      // person (a family, an office): the user decides, nothing is merged.
      if (verdict.match || verdict.conflict === 'sharedContact') {
        matches.push({ clientIndex: candidate, reason: reasonMessage(verdict.reasons), reasons: verdict.reasons, score: verdict.score });
      } else namesakes?.consider(candidate, newClient, index.records[candidate], record, name, verdict, -1);
    }
  }
  if (matches.length === 0) {
    for (const { i, reasons, score } of namesakes?.joins((client) => [client]) ?? []) matches.push({ clientIndex: i, reason: reasonMessage(reasons), reasons, score });
  }
  return matches.sort((a, b) => b.score - a.score || a.clientIndex - b.clientIndex).slice(0, MAX_MATCHES);
}
