/**
 * The candidate pairs of duplicate detection: clients that share a blocking key (blocking.ts) are compared,
 * a big block only within a sliding window over its members sorted by name, and so are neighbours in the
 * names sorted by each of their words (`eachSortedNeighbour`); each pair is visited once with the exact
 * keys (phone, e-mail, ИНН) its two clients share.
 */
import { COMMON_KEY_CAP, CONTACT_TYPO_KINDS, eachKey, HEAVY_SLIP_KINDS, KEY_WORDS, offerKeys, PROBE_PREFIX, probedWords } from './blocking';
import { SHARED_EMAIL, SHARED_INN, SHARED_PHONE } from './evidence';
import { PLACEHOLDER_COUNT } from './rarity';
import type { MatchRecord } from './prepare';
import { correctedNames, findMisspellings } from './spelling';
import { doubled, GroupsByNumber, KeyList } from './key-numbers';

/**
 * Records kept in an order of their own (ranks) for speed: `byRank[rank]` is client `clientOf[rank]`,
 * and `rankOf` is the inverse. Everything the user sees is in the clients' own order and indices.
 */
export interface RankedRecords {
  byRank: readonly MatchRecord[];
  clientOf: Int32Array;
  rankOf: Int32Array;
}

/**
 * A block bigger than this is compared within a sliding window over its members sorted by name, and a
 * probe of initials meets at most this many offers: the size above which the heavy-slip blocks are
 * dropped, the same for every kind of key (blocks of two name words have a narrower window of their own).
 * It was 120 (six windows): at 50 the labelled lists of `npm run bench:duplicates` give the same groups at
 * every sensitivity with half the pairs compared at 20,000 clients, and a 100,000-client sample book the
 * same groups with a quarter fewer pairs (6.3 M, not 8.3 M).
 */
const MAX_BLOCK = COMMON_KEY_CAP;
const WINDOW = 20;

/**
 * The block size and window of the keys of two name words (`p:` four letters of each, `w:` their sounds).
 * A base's common first names and surnames make thousands of such blocks of 10 to 50 clients who share
 * two words and differ in the third (`Абрамова Софья Игоревна`, `Абрамов Артём Игоревич`); most of their
 * pairs are two people. On the 100,000-client sample book, windows of 20 and whole blocks up to 50
 * compared 6.3 M pairs, most of them met in these blocks; at 10 it compares 4.2 M and finds the same
 * groups. The labelled lists give the same groups at 20,000 clients and lose 34 of 21,026 reached true
 * pairs at 100,000 (F1 unchanged, 0.9465).
 */
const TWO_WORD_WIDTH = 10;
const TWO_WORD_KINDS = 'pw';

/** What a pair in a block of phones (`t:`), e-mails (`e:`) or ИНН (`i:`) shares, by the key's kind (its first letter). */
const EXACT_KEY_SHARES: Readonly<Record<string, number>> = { t: SHARED_PHONE, e: SHARED_EMAIL, i: SHARED_INN };
const PROBE_KIND = PROBE_PREFIX.charCodeAt(0);

interface Block {
  exact: boolean;
  /**
   * SHARED_* bits every pair of the block shares: its key when exact. A bigger block's key is a placeholder
   * (rarity.ts), which shares nothing.
   */
  shares: number;
  /** A block of one whole name (`n:`) or of contacts one typo apart: equal names are compared in it too. */
  withSameNames?: boolean;
  /** Compared whole up to this size, else within a window this wide (`MAX_BLOCK`, `TWO_WORD_WIDTH`). */
  width?: number;
  members: number[];
  /** For a block of initials probes: the offers they are compared with (never with each other's offers). */
  offers?: number[];
}

/**
 * Bits of the bucket numbers of `KeyHashes`: about 32 one-byte counters per client (a client has a dozen
 * keys or so), at most 4 M.
 */
function bucketBits(clients: number): number {
  return Math.min(22, Math.max(10, Math.ceil(Math.log2(clients * 32))));
}

/**
 * Every blocking key of every client, as numbers (`keyNumber`), owned by ranks, in the clients' order, and
 * how often each bucket (a key number's first bits) was hit: a base of 100,000 clients has about 2 M keys,
 * most of them its own client's alone.
 */
class KeyHashes extends KeyList {
  readonly bucketHits: Uint8Array;
  private readonly shift: number;

  constructor(clients: number) {
    super();
    const bits = bucketBits(clients);
    this.bucketHits = new Uint8Array(2 ** bits);
    this.shift = 2 ** (53 - bits);
  }

  /** Records `key` of the client at `rank`. */
  override add(key: string, rank: number): number {
    const number = super.add(key, rank);
    const bucket = Math.floor(number / this.shift);
    if (this.bucketHits[bucket] < 2) this.bucketHits[bucket]++;
    return number;
  }

  /** Whether the key at `entry` may be shared: its bucket was hit twice or more. */
  mayBeShared(entry: number): boolean {
    return this.bucketHits[Math.floor(this.numbers[entry] / this.shift)] > 1;
  }
}

/**
 * Clients by key; keys that cannot make a pair are dropped. Most keys belong to one client only: only
 * keys whose bucket was hit twice (or probes, which pair with offers) are gathered.
 */
function blocks(records: RankedRecords): Block[] {
  const { byRank, rankOf } = records;
  const hashes = new KeyHashes(byRank.length);
  const probed = new Set<string>();
  const fixes = findMisspellings(byRank.map((record) => record.name));
  const corrected = byRank.map((record) => correctedNames(record.name, fixes));
  // Members are listed in the clients' order, which settles ties in a window and which offers are kept.
  let rank = 0;
  const addKey = (key: string) => hashes.add(key, rank);
  for (let client = 0; client < rankOf.length; client++) {
    rank = rankOf[client];
    const record = byRank[rank];
    eachKey(record, corrected[rank], addKey);
    for (const word of probedWords(record)) probed.add(word);
    for (const name of corrected[rank]) for (const word of probedWords({ ...record, name })) probed.add(word);
  }
  const keysEnd = hashes.length;
  for (let client = 0; client < rankOf.length && probed.size > 0; client++) {
    rank = rankOf[client];
    for (const key of offerKeys(byRank[rank], probed)) addKey(key);
  }
  const gathered = (entry: number) => hashes.kinds[entry] === PROBE_KIND || hashes.mayBeShared(entry);
  let count = 0;
  for (let entry = 0; entry < keysEnd; entry++) if (gathered(entry)) count++;
  const groups = new GroupsByNumber(count);
  const kinds: number[] = [];
  const members: number[][] = [];
  for (let entry = 0; entry < keysEnd; entry++) {
    if (!gathered(entry)) continue;
    const kind = hashes.kinds[entry];
    const group = groups.groupOf(hashes.numbers[entry]);
    if (group === members.length) {
      kinds.push(kind);
      members.push([]);
    }
    members[group].push(hashes.owners[entry]);
  }
  const offers: number[][] = [];
  for (let entry = keysEnd; entry < hashes.length; entry++) {
    const group = groups.existingGroupOf(hashes.numbers[entry]);
    if (group >= 0 && kinds[group] === PROBE_KIND) (offers[group] ??= []).push(hashes.owners[entry]);
  }
  const out: Block[] = [];
  members.forEach((blockMembers, group) => {
    const kind = kinds[group];
    if (kind === PROBE_KIND) {
      const blockOffers = offers[group] ?? [];
      if (blockMembers.length + blockOffers.length >= 2) out.push({ exact: false, shares: 0, members: blockMembers, offers: blockOffers });
      return;
    }
    const prefix = String.fromCharCode(kind);
    if (blockMembers.length < 2 || (blockMembers.length > COMMON_KEY_CAP && HEAVY_SLIP_KINDS.includes(prefix))) return;
    const shares = EXACT_KEY_SHARES[prefix] ?? 0;
    const exact = shares !== 0;
    if (exact && blockMembers.length > PLACEHOLDER_COUNT) return;
    out.push({ exact, shares, members: blockMembers, withSameNames: prefix === 'n' || CONTACT_TYPO_KINDS.includes(prefix), width: TWO_WORD_KINDS.includes(prefix) ? TWO_WORD_WIDTH : undefined });
  });
  return out;
}

/** Room for the SHARED_* bits under a rank, in bits. */
const SHARE_SHIFT = 3;
const SHARE_MASK = (1 << SHARE_SHIFT) - 1;

/**
 * A growable list of candidate pairs of ranks (x < y) with their SHARED_* bits, in typed arrays: millions
 * of pairs, no garbage.
 */
class PairList {
  private firsts = new Int32Array(1 << 16);
  private seconds = new Int32Array(1 << 16);
  private shares = new Uint8Array(1 << 16);
  private length = 0;

  push(x: number, y: number, shares: number): void {
    if (this.length === this.firsts.length) {
      this.firsts = doubled(this.firsts, (size) => new Int32Array(size));
      this.seconds = doubled(this.seconds, (size) => new Int32Array(size));
      this.shares = doubled(this.shares, (size) => new Uint8Array(size));
    }
    this.firsts[this.length] = x;
    this.seconds[this.length] = y;
    this.shares[this.length++] = shares;
  }

  /**
   * Calls `visit` once per pair, in the order of (x, y), with the bits of all its entries. The pairs are
   * bucketed by x (ranks 0 … size − 1) and each x's few partners sorted: far cheaper than one sort of
   * millions of pairs.
   */
  eachOnce(size: number, visit: (x: number, y: number, shared: number) => void): void {
    const { firsts, seconds, shares, length } = this;
    const start = new Int32Array(size + 1);
    for (let k = 0; k < length; k++) start[firsts[k] + 1]++;
    for (let x = 0; x < size; x++) start[x + 1] += start[x];
    // Each partner with its bits under it, grouped by x.
    const partners = new Int32Array(length);
    const next = start.slice(0, size);
    for (let k = 0; k < length; k++) partners[next[firsts[k]]++] = (seconds[k] << SHARE_SHIFT) | shares[k];
    for (let x = 0; x < size; x++) {
      const of = partners.subarray(start[x], start[x + 1]).sort();
      for (let k = 0; k < of.length; k++) {
        const y = of[k] >> SHARE_SHIFT;
        let bits = of[k] & SHARE_MASK;
        while (k + 1 < of.length && of[k + 1] >> SHARE_SHIFT === y) bits |= of[++k] & SHARE_MASK;
        visit(x, y, bits);
      }
    }
  }
}

/**
 * Calls `visit(x, y, shared)` once for every candidate pair of ranks (x < y; SHARED_* bits of the exact
 * keys they share), in the order of ranks, so that clients compared one after the other lie close in memory.
 */
export function eachCandidatePair(ranked: RankedRecords, visit: (x: number, y: number, shared: number) => void): void {
  const records = ranked.byRank;
  const n = records.length;
  const pairs = new PairList();
  // The `n:` keys as numbers, so that telling equal names apart touches no strings.
  const nameIds = new Int32Array(n);
  const ids = new Map<string, number>();
  records.forEach((record, index) => {
    let id = ids.get(record.name.key);
    if (id === undefined) ids.set(record.name.key, (id = ids.size));
    nameIds[index] = id;
  });
  let shares = 0;
  const add = (x: number, y: number) => {
    if (x < y) pairs.push(x, y, shares);
    else if (y < x) pairs.push(y, x, shares);
  };
  // Clients with the same words meet in their `n:` block; other name blocks skip them.
  const addUnlessSameName = (x: number, y: number) => {
    if (nameIds[x] !== nameIds[y]) add(x, y);
  };
  const allPairs = (members: readonly number[], pair: (x: number, y: number) => void) => {
    for (let a = 0; a < members.length; a++) for (let b = a + 1; b < members.length; b++) pair(members[a], members[b]);
  };
  const window = (members: readonly number[], pair: (x: number, y: number) => void, width?: number) => {
    if (members.length <= (width ?? MAX_BLOCK)) return allPairs(members, pair);
    const sorted = members
      .map((member) => ({ member, key: sortKey(records[member]) }))
      .sort((x, y) => compareText(x.key, y.key))
      .map(({ member }) => member);
    for (let a = 0; a < sorted.length; a++) {
      for (let b = a + 1; b < Math.min(sorted.length, a + (width ?? WINDOW)); b++) pair(sorted[a], sorted[b]);
    }
  };
  for (const block of blocks(ranked)) {
    shares = block.shares;
    if (block.exact) allPairs(block.members, add);
    else if (block.withSameNames) window(block.members, add, block.width);
    else window(block.members, addUnlessSameName, block.width);
    if (block.offers) {
      const offers = block.offers.slice(0, MAX_BLOCK);
      for (const probe of block.members) for (const offer of offers) addUnlessSameName(probe, offer);
    }
  }
  // Neighbours share no exact key by being neighbours (a phone they share has its own block).
  shares = 0;
  eachSortedNeighbour(records, addUnlessSameName);
  pairs.eachOnce(n, visit);
}

/**
 * How many names on from each a name is compared with in `eachSortedNeighbour`. At 3 the labelled lists
 * of `npm run bench:duplicates` reach 1–2 % more of their true pairs (Latin 0.950 → 0.962, heavy 0.908 →
 * 0.922), and the 100,000-client sample book compares 3 % more pairs (4.20 M → 4.32 M) for the same
 * groups. At 6 the heavy list reaches a little more and finds less: the extra pairs are namesakes.
 */
const NEIGHBOURS = 3;
/** Words shorter than this lead no order of `eachSortedNeighbour`: `Ли`, `Ян`, numbers. */
const LEADING_WORD = 4;

/**
 * Names sorted by each of their words in turn (`reynolds: brian reynolds, brixan reynolds`; `parker:
 * christian parker, parker`): each name meets the few names that follow it in every such order (sorted
 * neighbourhood). A slip early in a word (`Brixan`, `Jdohnson`) or a word left out breaks the name keys;
 * here the other word holds the names together. The pairs grow with the base, never with the size of a
 * block. The orders are made without a string sort: the names under each word are put in the order of
 * their keys by numbers (a key's place among the base's keys, then the rank).
 */
function eachSortedNeighbour(records: readonly MatchRecord[], pair: (x: number, y: number) => void): void {
  const n = records.length;
  const keyOrder = new Map<string, number>();
  [...new Set(records.map((record) => record.name.key))].sort(compareText).forEach((key, order) => keyOrder.set(key, order));
  // Each leading word's names, as key order × n + rank: exact in a double up to 94 million clients.
  const byWord = new Map<string, number[]>();
  records.forEach((record, rank) => {
    const place = keyOrder.get(record.name.key)! * n + rank;
    const words = record.name.tokens;
    for (let k = 0; k < Math.min(words.length, KEY_WORDS); k++) {
      const word = words[k];
      if (word.length < LEADING_WORD || words.indexOf(word) < k) continue;
      const names = byWord.get(word);
      if (names) names.push(place);
      else byWord.set(word, [place]);
    }
  });
  for (const names of byWord.values()) {
    if (names.length < 2) continue;
    const sorted = Float64Array.from(names).sort();
    for (let a = 0; a < sorted.length; a++) {
      for (let b = a + 1; b < Math.min(sorted.length, a + 1 + NEIGHBOURS); b++) pair(sorted[a] % n, sorted[b] % n);
    }
  }
}

function sortKey(record: MatchRecord): string {
  return `${record.name.key}|${record.city}`;
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
