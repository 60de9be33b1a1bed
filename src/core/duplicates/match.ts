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
import { contactTypoKeys, CONTACT_TYPO_KEY, exactKeys, nameKeys, OFFER_PREFIX, PROBE_PREFIX } from './blocking';
import { judgePair, type ReasonCode } from './evidence';
import { measureRarity, PLACEHOLDER_COUNT } from './rarity';
import { prepareRecord, type MatchInput, type MatchRecord } from './prepare';

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

/** Keys of phones (t:), e-mails (e:) and ИНН (i:); see blocking.ts. */
const EXACT_KEY = /^[tei]:/;

interface Block {
  exact: boolean;
  /** A block of one whole name (`n:`) or of contacts one typo apart: equal names are compared in it too. */
  withSameNames?: boolean;
  members: number[];
  /** For a block of initials probes: the offers they are compared with (never with each other's offers). */
  offers?: number[];
}

/** Clients by key; keys that cannot make a pair are dropped. */
function blocks(records: readonly MatchRecord[]): Block[] {
  const byKey = new Map<string, number[]>();
  const add = (key: string, index: number) => {
    const list = byKey.get(key);
    if (list) list.push(index);
    else byKey.set(key, [index]);
  };
  records.forEach((record, index) => {
    for (const key of exactKeys(record)) add(key, index);
    for (const key of nameKeys(record)) add(key, index);
    for (const key of contactTypoKeys(record)) add(key, index);
  });
  const out: Block[] = [];
  for (const [key, members] of byKey) {
    if (key.startsWith(OFFER_PREFIX)) continue;
    if (key.startsWith(PROBE_PREFIX)) {
      const offers = byKey.get(OFFER_PREFIX + key.slice(PROBE_PREFIX.length)) ?? [];
      if (members.length + offers.length >= 2) out.push({ exact: false, members, offers });
      continue;
    }
    if (members.length < 2) continue;
    const exact = EXACT_KEY.test(key);
    if (exact && members.length > PLACEHOLDER_COUNT) continue;
    out.push({ exact, members, withSameNames: key.startsWith('n:') || CONTACT_TYPO_KEY.test(key) });
  }
  return out;
}

/** A growable list of pair ids (i·n + j), kept in a typed array: millions of pairs, no garbage. */
class PairList {
  private ids = new Float64Array(1 << 16);
  length = 0;

  push(id: number): void {
    if (this.length === this.ids.length) {
      const grown = new Float64Array(this.ids.length * 2);
      grown.set(this.ids);
      this.ids = grown;
    }
    this.ids[this.length++] = id;
  }

  /** The ids sorted, each once. */
  unique(): Float64Array {
    const sorted = this.ids.subarray(0, this.length).sort();
    let kept = 0;
    for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[kept++] = sorted[k];
    return sorted.subarray(0, kept);
  }
}

/** Calls `visit(i, j)` (i < j) once for every candidate pair. */
function eachCandidatePair(records: readonly MatchRecord[], visit: (i: number, j: number) => void): void {
  const n = records.length;
  const pairs = new PairList();
  const add = (x: number, y: number) => {
    if (x !== y) pairs.push(x < y ? x * n + y : y * n + x);
  };
  // Clients with the same words meet in their `n:` block; other name blocks skip them.
  const addUnlessSameName = (x: number, y: number) => {
    if (records[x].name.key !== records[y].name.key) add(x, y);
  };
  const allPairs = (members: readonly number[], pair: (x: number, y: number) => void) => {
    for (let a = 0; a < members.length; a++) for (let b = a + 1; b < members.length; b++) pair(members[a], members[b]);
  };
  const window = (members: readonly number[], pair: (x: number, y: number) => void) => {
    if (members.length <= MAX_BLOCK) return allPairs(members, pair);
    const sorted = [...members].sort((x, y) => compareText(sortKey(records[x]), sortKey(records[y])));
    for (let a = 0; a < sorted.length; a++) {
      for (let b = a + 1; b < Math.min(sorted.length, a + WINDOW); b++) pair(sorted[a], sorted[b]);
    }
  };
  for (const block of blocks(records)) {
    if (block.exact) allPairs(block.members, add);
    else if (block.withSameNames) window(block.members, add);
    else window(block.members, addUnlessSameName);
    if (block.offers) {
      const offers = block.offers.slice(0, MAX_BLOCK);
      for (const probe of block.members) for (const offer of offers) addUnlessSameName(probe, offer);
    }
  }
  for (const id of pairs.unique()) {
    const i = Math.floor(id / n);
    visit(i, id - i * n);
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
}

/** Union-find that refuses to join two sets when a cannot-link pair lies across them. */
class ConstrainedUnion {
  private readonly parent: Int32Array;
  private readonly members: number[][];

  constructor(size: number, private readonly cannotLink: ReadonlyMap<number, number[]>) {
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
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.members[ra].length < this.members[rb].length) [ra, rb] = [rb, ra];
    for (const member of this.members[rb]) {
      for (const other of this.cannotLink.get(member) ?? []) if (this.find(other) === ra) return false;
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
  const rarity = measureRarity(records);
  const edges: Edge[] = [];
  const conflicts: number[] = [];
  eachCandidatePair(records, (i, j) => {
    const verdict = judgePair(records[i], records[j], options.sensitivity, rarity);
    if (verdict.match) edges.push({ i, j, score: verdict.score, reasons: verdict.reasons });
    else if (verdict.conflict) conflicts.push(i, j);
  });
  edges.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  // Only clients that some match would join can be kept apart by a conflict.
  const matched = new Uint8Array(records.length);
  for (const edge of edges) matched[edge.i] = matched[edge.j] = 1;
  const cannotLink = new Map<number, number[]>();
  for (const [a, b] of options.dismissed ?? []) if (a !== b) addLink(cannotLink, a, b);
  for (let k = 0; k < conflicts.length; k += 2) {
    if (matched[conflicts[k]] && matched[conflicts[k + 1]]) addLink(cannotLink, conflicts[k], conflicts[k + 1]);
  }

  const union = new ConstrainedUnion(records.length, cannotLink);
  const joined: Edge[] = edges.filter((edge) => union.union(edge.i, edge.j));
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
  const records = clients.map((client) => prepareRecord(client, options.phoneRegion));
  return groupRecords(records, options);
}
