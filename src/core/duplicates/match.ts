/**
 * Finding duplicate clients (DESIGN.md "Duplicates"): candidates from blocking keys, a verdict per
 * candidate pair (evidence.ts), and groups as the union of matched pairs.
 *
 * Groups are built from the strongest pairs first, and two groups are never joined when some pair
 * across them is known to be two different clients (a different ИНН or legal form, namesakes with
 * their own phones) or was marked "not a duplicate" by the user: a client that matches two namesakes
 * joins the closer one instead of chaining them together.
 */
import type { DuplicateSensitivity } from '../settings';
import { CONTACT_TYPO_KEY, eachKey, OFFER_PREFIX, offerKeys, PROBE_PREFIX, probedWords } from './blocking';
import { judgePair, SHARED_EMAIL, SHARED_INN, SHARED_PHONE, type ConflictCode, type ReasonCode } from './evidence';
import { measureRarity, PLACEHOLDER_COUNT } from './rarity';
import { nameOf, prepareRecord, type MatchInput, type MatchRecord } from './prepare';
import { parseName, type ParsedName } from './names';
import { correctedNames, findMisspellings } from './spelling';

export interface MatchOptions {
  sensitivity: DuplicateSensitivity;
  /** Region for phones written without a country code. */
  phoneRegion: string;
  /** Pairs of indices into the clients the user marked "not a duplicate". */
  dismissed?: ReadonlyArray<readonly [number, number]>;
}

export interface MatchGroup {
  /** Indices into the clients, ascending. */
  members: number[];
  /** Reasons of the pairs that joined the group, strongest first, each once. */
  reasons: ReasonCode[];
  /** The weakest link of the group, 0..1. */
  score: number;
}

/** A block bigger than this is compared within a sliding window over its members sorted by name. */
const MAX_BLOCK = 120;
const WINDOW = 20;

/** Keys of phones (t:), e-mails (e:) and ИНН (i:), see blocking.ts, and what a pair in their block shares. */
const EXACT_KEY_SHARES: Readonly<Record<string, number>> = { 't:': SHARED_PHONE, 'e:': SHARED_EMAIL, 'i:': SHARED_INN };

interface Block {
  exact: boolean;
  /**
   * SHARED_* bits every pair of the block shares: its key when exact. A bigger block's key is a placeholder
   * (rarity.ts), which shares nothing.
   */
  shares: number;
  /** A block of one whole name (`n:`) or of contacts one typo apart: equal names are compared in it too. */
  withSameNames?: boolean;
  members: number[];
  /** For a block of initials probes: the offers they are compared with (never with each other's offers). */
  offers?: number[];
}

/**
 * Bits of the bucket numbers of the first pass of `blocks`: about 32 one-byte counters per client (a
 * client has a dozen keys or so), at most 4 M.
 */
function bucketBits(clients: number): number {
  return Math.min(22, Math.max(10, Math.ceil(Math.log2(clients * 32))));
}

/** FNV-1a hash of a key, cut to `bits` bits. */
function keyBucket(key: string, bits: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> (32 - bits);
}

/**
 * Clients by key; keys that cannot make a pair are dropped. Most keys belong to one client only, so a
 * first pass counts keys per hash bucket, and only keys whose bucket was hit twice (or probes, which
 * pair with offers) are gathered by their text: a million fewer strings kept and map entries made.
 */
function blocks(records: RankedRecords): Block[] {
  const { byRank, rankOf } = records;
  const bits = bucketBits(byRank.length);
  const bucketHits = new Uint8Array(2 ** bits);
  const probed = new Set<string>();
  const fixes = findMisspellings(byRank.map((record) => record.name));
  const corrected = byRank.map((record) => correctedNames(record.name, fixes));
  byRank.forEach((record, k) => {
    eachKey(record, corrected[k], (key) => {
      const bucket = keyBucket(key, bits);
      if (bucketHits[bucket] < 2) bucketHits[bucket]++;
    });
    for (const word of probedWords(record)) probed.add(word);
    for (const name of corrected[k]) for (const word of probedWords({ ...record, name })) probed.add(word);
  });
  // Members are listed in the clients' order, which settles ties in a window and which offers are kept.
  const byKey = new Map<string, number[]>();
  let rank = 0;
  const add = (key: string) => {
    const list = byKey.get(key);
    if (list) list.push(rank);
    else byKey.set(key, [rank]);
  };
  const addShared = (key: string) => {
    if (bucketHits[keyBucket(key, bits)] > 1 || key.startsWith(PROBE_PREFIX)) add(key);
  };
  for (let client = 0; client < rankOf.length; client++) {
    rank = rankOf[client];
    eachKey(byRank[rank], corrected[rank], addShared);
  }
  for (let client = 0; client < rankOf.length && probed.size > 0; client++) {
    rank = rankOf[client];
    for (const key of offerKeys(byRank[rank], probed)) add(key);
  }
  const out: Block[] = [];
  for (const [key, members] of byKey) {
    if (key.startsWith(OFFER_PREFIX)) continue;
    if (key.startsWith(PROBE_PREFIX)) {
      const offers = byKey.get(OFFER_PREFIX + key.slice(PROBE_PREFIX.length)) ?? [];
      if (members.length + offers.length >= 2) out.push({ exact: false, shares: 0, members, offers });
      continue;
    }
    if (members.length < 2) continue;
    const shares = EXACT_KEY_SHARES[key.slice(0, 2)] ?? 0;
    const exact = shares !== 0;
    if (exact && members.length > PLACEHOLDER_COUNT) continue;
    out.push({ exact, shares, members, withSameNames: key.startsWith('n:') || CONTACT_TYPO_KEY.test(key) });
  }
  return out;
}

/** Room for the SHARED_* bits under a pair id. */
const SHARE_BITS = 8;

/**
 * A growable list of candidate pairs, each packed as (i·n + j)·8 + SHARED_* bits, in a typed array:
 * millions of pairs, no garbage.
 */
class PairList {
  private packed = new Float64Array(1 << 16);
  length = 0;

  push(packed: number): void {
    if (this.length === this.packed.length) {
      const grown = new Float64Array(this.packed.length * 2);
      grown.set(this.packed);
      this.packed = grown;
    }
    this.packed[this.length++] = packed;
  }

  /** Sorted by pair, each pair once with the bits of all its entries. */
  unique(): Float64Array {
    const sorted = this.packed.subarray(0, this.length).sort();
    let kept = 0;
    for (let k = 0; k < sorted.length; k++) {
      const value = sorted[k];
      const pair = Math.floor(value / SHARE_BITS);
      if (kept > 0 && Math.floor(sorted[kept - 1] / SHARE_BITS) === pair) {
        sorted[kept - 1] = pair * SHARE_BITS + ((sorted[kept - 1] - pair * SHARE_BITS) | (value - pair * SHARE_BITS));
      } else {
        sorted[kept++] = value;
      }
    }
    return sorted.subarray(0, kept);
  }
}

/**
 * Calls `visit(x, y, shared)` once for every candidate pair of ranks (x < y; SHARED_* bits of the exact
 * keys they share), in the order of ranks, so that clients compared one after the other lie close in memory.
 */
function eachCandidatePair(ranked: RankedRecords, visit: (x: number, y: number, shared: number) => void): void {
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
    if (x !== y) pairs.push((x < y ? x * n + y : y * n + x) * SHARE_BITS + shares);
  };
  // Clients with the same words meet in their `n:` block; other name blocks skip them.
  const addUnlessSameName = (x: number, y: number) => {
    if (nameIds[x] !== nameIds[y]) add(x, y);
  };
  const allPairs = (members: readonly number[], pair: (x: number, y: number) => void) => {
    for (let a = 0; a < members.length; a++) for (let b = a + 1; b < members.length; b++) pair(members[a], members[b]);
  };
  const window = (members: readonly number[], pair: (x: number, y: number) => void) => {
    if (members.length <= MAX_BLOCK) return allPairs(members, pair);
    const sorted = members
      .map((member) => ({ member, key: sortKey(records[member]) }))
      .sort((x, y) => compareText(x.key, y.key))
      .map(({ member }) => member);
    for (let a = 0; a < sorted.length; a++) {
      for (let b = a + 1; b < Math.min(sorted.length, a + WINDOW); b++) pair(sorted[a], sorted[b]);
    }
  };
  for (const block of blocks(ranked)) {
    shares = block.shares;
    if (block.exact) allPairs(block.members, add);
    else if (block.withSameNames) window(block.members, add);
    else window(block.members, addUnlessSameName);
    if (block.offers) {
      const offers = block.offers.slice(0, MAX_BLOCK);
      for (const probe of block.members) for (const offer of offers) addUnlessSameName(probe, offer);
    }
  }
  for (const packed of pairs.unique()) {
    const id = Math.floor(packed / SHARE_BITS);
    const i = Math.floor(id / n);
    visit(i, id - i * n, packed - id * SHARE_BITS);
  }
}

function sortKey(record: MatchRecord): string {
  return `${record.name.key}|${record.city}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

interface Edge {
  i: number;
  j: number;
  score: number;
  reasons: ReasonCode[];
  /** Joined by a shared phone, e-mail or ИНН: outweighs a conflict of weak evidence (see `ConstrainedUnion`). */
  exact: boolean;
}

/**
 * Conflicts that only weigh against weak evidence: namesakes with their own phones, different patronymics
 * or days of birth.
 * A shared phone, e-mail or ИНН joins across them (one client with two phones, two records of whom were
 * each compared with a third). A different ИНН or legal form, and the user's "not a duplicate", always hold.
 */
const SOFT_CONFLICTS: ReadonlySet<ConflictCode> = new Set(['differentContacts', 'differentPatronymic', 'differentBirthday']);

/**
 * Union-find that refuses to join two sets when a cannot-link pair lies across them: any for a fuzzy
 * match, only a hard one (`hardCannotLink`) for an exact one.
 */
class ConstrainedUnion {
  private readonly parent: Int32Array;
  private readonly members: number[][];

  constructor(
    size: number,
    private readonly cannotLink: ReadonlyMap<number, number[]>,
    private readonly hardCannotLink: ReadonlyMap<number, number[]>,
  ) {
    this.parent = new Int32Array(size);
    this.members = [];
    for (let i = 0; i < size; i++) {
      this.parent[i] = i;
      this.members.push([i]);
    }
  }

  find(x: number): number {
    let root = x;
    while (this.parent[root] !== root) root = this.parent[root];
    while (this.parent[x] !== root) [x, this.parent[x]] = [this.parent[x], root];
    return root;
  }

  /** Join the sets of `a` and `b`; false when they are the same set already or must stay apart. */
  union(a: number, b: number, exact: boolean): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.members[ra].length < this.members[rb].length) [ra, rb] = [rb, ra];
    const links = exact ? this.hardCannotLink : this.cannotLink;
    for (const member of this.members[rb]) {
      for (const other of links.get(member) ?? []) if (this.find(other) === ra) return false;
    }
    this.parent[rb] = ra;
    this.members[ra].push(...this.members[rb]);
    this.members[rb] = [];
    return true;
  }
}

function addLink(links: Map<number, number[]>, a: number, b: number): void {
  for (const [x, y] of [[a, b], [b, a]]) {
    const list = links.get(x);
    if (list) list.push(y);
    else links.set(x, [y]);
  }
}

/** Groups of duplicates among prepared records. */
export function groupRecords(records: readonly MatchRecord[], options: Omit<MatchOptions, 'phoneRegion'>): MatchGroup[] {
  return groupRanked(rankedAsGiven(records), options);
}

/**
 * Records kept in an order of their own (ranks) for speed: `byRank[rank]` is client `clientOf[rank]`,
 * and `rankOf` is the inverse. Everything the user sees is in the clients' own order and indices.
 */
interface RankedRecords {
  byRank: readonly MatchRecord[];
  clientOf: Int32Array;
  rankOf: Int32Array;
}

function rankedAsGiven(records: readonly MatchRecord[]): RankedRecords {
  const identity = Int32Array.from(records, (_, index) => index);
  return { byRank: records, clientOf: identity, rankOf: identity };
}

/**
 * Clients prepared in the order of their names: the records of namesakes and similar names, which
 * blocking compares with each other, are then made one after the other and lie close in memory.
 * On 100,000 clients this saves about a quarter of the time, all of it in waiting for memory. Each
 * distinct name is parsed once and shared by the clients who bear it.
 */
function prepareByName(clients: readonly MatchInput[], phoneRegion: string): RankedRecords {
  const parsed = new Map<string, ParsedName>();
  const names = clients.map((client) => {
    const text = nameOf(client);
    let name = parsed.get(text);
    if (name === undefined) parsed.set(text, (name = parseName(text)));
    return name;
  });
  const clientOf = Int32Array.from(clients, (_, index) => index).sort((x, y) => compareText(names[x].key, names[y].key) || x - y);
  const rankOf = new Int32Array(clients.length);
  clientOf.forEach((client, rank) => (rankOf[client] = rank));
  return { byRank: Array.from(clientOf, (client) => prepareRecord(clients[client], phoneRegion, names[client])), clientOf, rankOf };
}

function groupRanked(ranked: RankedRecords, options: Omit<MatchOptions, 'phoneRegion'>): MatchGroup[] {
  const records = ranked.byRank;
  const rarity = measureRarity(records);
  const edges: Edge[] = [];
  const conflicts: number[] = [];
  const hardConflicts: number[] = [];
  eachCandidatePair(ranked, (x, y, shared) => {
    // The verdict and everything after it work on the clients' indices, the earlier client first.
    let i = ranked.clientOf[x];
    let j = ranked.clientOf[y];
    if (i > j) [i, j, x, y] = [j, i, y, x];
    const verdict = judgePair(records[x], records[y], options.sensitivity, rarity, shared);
    if (verdict.match) edges.push({ i, j, score: verdict.score, reasons: verdict.reasons, exact: shared !== 0 });
    else if (verdict.conflict) (SOFT_CONFLICTS.has(verdict.conflict) ? conflicts : hardConflicts).push(i, j);
  });
  // Exact matches first, so that a client joins the record it shares a phone with before a namesake.
  edges.sort((x, y) => Number(y.exact) - Number(x.exact) || y.score - x.score || x.i - y.i || x.j - y.j);
  // Only clients that some match would join can be kept apart by a conflict.
  const matched = new Uint8Array(records.length);
  for (const edge of edges) matched[edge.i] = matched[edge.j] = 1;
  const cannotLink = new Map<number, number[]>();
  const hardCannotLink = new Map<number, number[]>();
  const link = (a: number, b: number, hard: boolean) => {
    addLink(cannotLink, a, b);
    if (hard) addLink(hardCannotLink, a, b);
  };
  for (const [a, b] of options.dismissed ?? []) if (a !== b) link(a, b, true);
  for (const [list, hard] of [[conflicts, false], [hardConflicts, true]] as const) {
    for (let k = 0; k < list.length; k += 2) if (matched[list[k]] && matched[list[k + 1]]) link(list[k], list[k + 1], hard);
  }

  const union = new ConstrainedUnion(records.length, cannotLink, hardCannotLink);
  const joined: Edge[] = edges.filter((edge) => union.union(edge.i, edge.j, edge.exact));
  const byRoot = new Map<number, { members: Set<number>; edges: Edge[] }>();
  for (const edge of joined) {
    const root = union.find(edge.i);
    const group = byRoot.get(root) ?? { members: new Set<number>(), edges: [] };
    group.members.add(edge.i).add(edge.j);
    group.edges.push(edge);
    byRoot.set(root, group);
  }
  const groups = [...byRoot.values()].map(({ members, edges: groupEdges }) => ({
    members: [...members].sort((x, y) => x - y),
    reasons: [...new Set(groupEdges.flatMap((edge) => edge.reasons))],
    score: Math.round(Math.min(...groupEdges.map((edge) => edge.score)) * 100) / 100,
  }));
  return groups.sort((x, y) => x.members[0] - y.members[0]);
}

/** Groups of duplicates among clients (indices into `clients`). */
export function findDuplicates(clients: readonly MatchInput[], options: MatchOptions): MatchGroup[] {
  return groupRanked(prepareByName(clients, options.phoneRegion), options);
}
