/**
 * Finding duplicate clients (docs/ARCHITECTURE.md "Duplicates"): candidate pairs from blocking keys
 * (candidates.ts), a verdict per candidate pair (evidence.ts), and groups as the union of matched pairs.
 *
 * Groups are built from the strongest pairs first, and two groups are never joined when some pair
 * across them is known to be two different clients (a different ИНН or legal form, namesakes with
 * their own phones) or was marked "not a duplicate" by the user: a client that matches two namesakes
 * joins the closer one instead of chaining them together.
 */
import type { DuplicateSensitivity } from '../settings';
import { compareText, eachCandidatePair, type RankedRecords } from './candidates';
import { judgePair, SENSITIVITY, type ConflictCode, type PairVerdict, type ReasonCode } from './evidence';
import { fieldEvidence, fitMatchModel, pairPattern, patternReasons, PatternTally, WeighablePairs, type FieldEvidence } from './match-weights';
import { measureRarity } from './rarity';
import { hasContact, OnlyNamesakes } from './only-namesake';
import { compareNames, type NameComparison } from './similarity';
import { nameOf, prepareRecord, type MatchInput, type MatchRecord } from './prepare';
import { parseName, type ParsedName } from './names';

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
  /**
   * Two members proven different clients (they met only through the others, by a shared phone or e-mail
   * that outweighs a soft conflict): such a group is shown but never merged in one click. Null when every
   * two members agree.
   */
  disagreement: { members: [number, number]; conflict: ConflictCode } | null;
  /**
   * The weakest link's fields by the base's match weights (match-weights.ts `fieldEvidence`): what each
   * field known in both tells for or against. Null when the base is too small to fit the weights, or the
   * link's names are too far apart for the weights to weigh it.
   */
  evidence: FieldEvidence[] | null;
}

/**
 * Clients who share a phone or e-mail but are different people by their names (evidence.ts,
 * `sharedContact`): a family, an office switchboard. Never a merge suggestion.
 */
export interface SharedContactGroup {
  /** Indices into the clients, ascending. */
  members: number[];
  /** What they share: `samePhone`, `sameEmail`. */
  reasons: ReasonCode[];
}

export interface MatchResult {
  groups: MatchGroup[];
  sharedContacts: SharedContactGroup[];
}

interface Edge {
  i: number;
  j: number;
  score: number;
  reasons: readonly ReasonCode[];
  /** Joined by a shared phone, e-mail or ИНН: outweighs a conflict of weak evidence (see `ConstrainedUnion`). */
  exact: boolean;
  /** The pair's pattern of agreement (match-weights.ts), -1 when the weights do not weigh its names. */
  pattern: number;
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

  /** The clients in the set of `x`. */
  membersOf(x: number): readonly number[] {
    return this.members[this.find(x)];
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

/** Names less alike than this are never joined by the weights, however much else agrees (a family, colleagues), unless their words are misspellings of each other's. */
const WEIGHED_NAME_SCORE = 0.4;

/**
 * Names the weights may join: at least 0.4 alike (`Кузнецов` and `Кузнецов Георгий Викторович`) or with
 * words a few slips from each other's (`Ефремова Анна` and `Анан Ефремова`, `misspeltWords`), not
 * in conflict (each keeping a word the other lacks: siblings `Поляков Евгений Михайлович` and `Поляков
 * Фёдор Михайлович`, whose e-mails may share a login), not of two genders.
 */
function namesMayMatch(name: NameComparison): boolean {
  return (name.score >= WEIGHED_NAME_SCORE || name.misspeltWords) && !name.wordsConflict && !name.genderDiffers;
}

/**
 * A pair the rules turn down only for want of one clean agreement, with nothing against it: no shared
 * contact (those the rules decide), no conflict. The match weights may still accept it.
 */
function isWeighable(verdict: PairVerdict, shared: number): boolean {
  return shared === 0 && verdict.conflict === null;
}

/** Groups of duplicates among prepared records. */
export function groupRecords(records: readonly MatchRecord[], options: Omit<MatchOptions, 'phoneRegion'>): MatchGroup[] {
  return groupRanked(rankedAsGiven(records), options).groups;
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

function groupRanked(ranked: RankedRecords, options: Omit<MatchOptions, 'phoneRegion'>): MatchResult {
  const records = ranked.byRank;
  const rarity = measureRarity(records);
  const edges: Edge[] = [];
  const conflicts: number[] = [];
  const hardConflicts: number[] = [];
  const sharedPairs: Edge[] = [];
  const tally = new PatternTally();
  const weighable = new WeighablePairs();
  const namesakes = SENSITIVITY[options.sensitivity].onlyNamesake ? new OnlyNamesakes((client) => records[ranked.rankOf[client]], rarity.cityAsMeant) : null;
  // The rarity of a name, worked out once per client: identical names meet by the thousand.
  const nameBits = new Float64Array(records.length).fill(NaN);
  const bitsOf = (rank: number) => (Number.isNaN(nameBits[rank]) ? (nameBits[rank] = rarity.name(records[rank])) : nameBits[rank]);
  // What an identical name tells is the rarity of the words both hold: the commoner of the two spellings
  // (`Иванов Иван Петрович` and `Иванов Иван` share the rarity of `Иванов Иван`), as in the rules.
  const sharedBits = (x: number, y: number) => Math.min(bitsOf(x), bitsOf(y));
  eachCandidatePair(ranked, (x, y, shared) => {
    // The verdict and everything after it work on the clients' indices, the earlier client first.
    // (Swapped by hand: this runs for millions of pairs, and an array per swap adds up.)
    let i = ranked.clientOf[x];
    let j = ranked.clientOf[y];
    if (i > j) {
      const client = i;
      const rank = x;
      i = j;
      j = client;
      x = y;
      y = rank;
    }
    const a = records[x];
    const b = records[y];
    const name = compareNames(a.name, b.name, rarity.words);
    const verdict = judgePair(a, b, options.sensitivity, rarity, shared, name);
    // The weights are fitted to, and weigh, the pairs whose names may be one client's: the others are
    // never joined by them, and are most of the pairs compared.
    const pattern = namesMayMatch(name) ? pairPattern(a, b, name, shared, rarity.cityAsMeant) : -1;
    if (pattern >= 0) tally.add(pattern, verdict.match, name.exact ? sharedBits(x, y) : null);
    if (verdict.match) edges.push({ i, j, score: verdict.score, reasons: verdict.reasons, exact: shared !== 0, pattern });
    else if (pattern >= 0 && isWeighable(verdict, shared)) weighable.push(x, y, pattern);
    if (shared === 0) namesakes?.consider(i, j, a, b, name, verdict, pattern);
    if (verdict.conflict === 'sharedContact') sharedPairs.push({ i, j, score: 0, reasons: verdict.reasons, exact: true, pattern });
    if (verdict.conflict) (SOFT_CONFLICTS.has(verdict.conflict) ? conflicts : hardConflicts).push(i, j);
  });
  // Exact matches first, so that a client joins the record it shares a phone with before a namesake;
  // the rules' matches before the weights' (their probabilities are not on the rules' scale).
  const byStrength = (x: Edge, y: Edge) => Number(y.exact) - Number(x.exact) || y.score - x.score || x.i - y.i || x.j - y.j;
  edges.sort(byStrength);
  const model = fitMatchModel(tally);
  const weighed: Edge[] = [];
  if (model) {
    weighable.eachAccepted(model, SENSITIVITY[options.sensitivity].probability, sharedBits, (x, y, pattern, probability) => {
      const [i, j] = [ranked.clientOf[x], ranked.clientOf[y]];
      weighed.push({ i, j, score: probability, reasons: patternReasons(pattern), exact: false, pattern });
    });
  }
  for (const edge of weighed.sort(byStrength)) edges.push(edge);
  // Only clients that some match would join can be kept apart by a conflict.
  const matched = new Uint8Array(records.length);
  for (const edge of edges) matched[edge.i] = matched[edge.j] = 1;
  namesakes?.eachClient((client) => (matched[client] = 1));
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

  const join = (left: ReadonlySet<number>) => joinEdges(new ConstrainedUnion(records.length, cannotLink, hardCannotLink), edges, namesakes, left);
  const first = join(new Set());
  const torn = tornClients(first.joined, first.refused, (client) => records[ranked.rankOf[client]]);
  const { union, joined } = torn.size > 0 ? join(torn) : first;
  const byRoot = new Map<number, { members: Set<number>; edges: Edge[] }>();
  for (const edge of joined) {
    const root = union.find(edge.i);
    const group = byRoot.get(root) ?? { members: new Set<number>(), edges: [] };
    group.members.add(edge.i).add(edge.j);
    group.edges.push(edge);
    byRoot.set(root, group);
  }
  const judge = (i: number, j: number) => judgePair(records[ranked.rankOf[i]], records[ranked.rankOf[j]], options.sensitivity, rarity);
  // The weakest weighed link speaks for the group, as its score does.
  const evidenceOf = (groupEdges: readonly Edge[]) => {
    const weighed = groupEdges.filter((edge) => edge.pattern >= 0);
    if (!model || weighed.length === 0) return null;
    const weakest = weighed.reduce((least, edge) => (edge.score < least.score ? edge : least));
    return fieldEvidence(model, weakest.pattern, sharedBits(ranked.rankOf[weakest.i], ranked.rankOf[weakest.j]));
  };
  const groups = [...byRoot.values()].map(({ members, edges: groupEdges }) => {
    const sorted = [...members].sort((x, y) => x - y);
    return {
      members: sorted,
      reasons: [...new Set(groupEdges.flatMap((edge) => edge.reasons))],
      score: Math.round(Math.min(...groupEdges.map((edge) => edge.score)) * 100) / 100,
      disagreement: firstDisagreement(sorted, judge),
      evidence: evidenceOf(groupEdges),
    };
  });
  return { groups: groups.sort((x, y) => x.members[0] - y.members[0]), sharedContacts: sharedContactGroups(sharedPairs) };
}

/**
 * The union of the matches, strongest first, then of the clients known by name only with the one group
 * their name may stand for; none of the clients in `left` joins anything. Returns the matches made and
 * those refused across two groups that must stay apart.
 */
function joinEdges(union: ConstrainedUnion, edges: readonly Edge[], namesakes: OnlyNamesakes | null, left: ReadonlySet<number>) {
  const joined: Edge[] = [];
  const refused: Edge[] = [];
  for (const edge of edges) {
    if (left.has(edge.i) || left.has(edge.j)) continue;
    if (union.union(edge.i, edge.j, edge.exact)) joined.push(edge);
    else if (union.find(edge.i) !== union.find(edge.j)) refused.push(edge);
  }
  for (const edge of namesakes?.joins((client) => union.membersOf(client)) ?? []) {
    if (!left.has(edge.i) && !left.has(edge.j) && union.union(edge.i, edge.j, false)) joined.push({ ...edge, exact: false });
  }
  return { union, joined, refused };
}

/**
 * The clients with no phone, e-mail or ИНН that the rules matched as strongly with two clients who must
 * stay apart (`Игорь Наумов, Екатеринбург` and two namesakes of that city, each with a phone of their own):
 * such a record joined whichever match came first, a coin toss, so it joins neither and the user sees no
 * guess. A match weaker than the one made (`Фролов Фёдор` beside `Фролов Фёдор Фёдорович` for `Фёдор
 * Фёдорович Фролов`) leaves the choice as it is.
 */
function tornClients(joined: readonly Edge[], refused: readonly Edge[], recordOf: (client: number) => MatchRecord): Set<number> {
  const strongest = new Map<number, number>();
  for (const { i, j, score } of joined) {
    for (const client of [i, j]) strongest.set(client, Math.max(score, strongest.get(client) ?? 0));
  }
  const torn = new Set<number>();
  for (const { i, j, score } of refused) {
    const [a, b] = [recordOf(i), recordOf(j)];
    if (hasContact(a) === hasContact(b)) continue;
    const client = hasContact(a) ? j : i;
    if (score >= (strongest.get(client) ?? Infinity)) torn.add(client);
  }
  return torn;
}

/**
 * The first two members of a group proven different clients. A pair of two was joined by its own match;
 * in a bigger group every two are judged again, those that met only through the others included.
 */
function firstDisagreement(members: readonly number[], judge: (i: number, j: number) => PairVerdict): MatchGroup['disagreement'] {
  if (members.length < 3) return null;
  for (let a = 0; a < members.length; a++) {
    for (let b = a + 1; b < members.length; b++) {
      const { conflict } = judge(members[a], members[b]);
      if (conflict) return { members: [members[a], members[b]], conflict };
    }
  }
  return null;
}

/** Clients joined by shared contacts with conflicting names, as connected groups (a family of three on one address). */
function sharedContactGroups(pairs: readonly Edge[]): SharedContactGroup[] {
  const root = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while ((root.get(r) ?? r) !== r) r = root.get(r)!;
    return r;
  };
  for (const { i, j } of pairs) {
    const [ri, rj] = [find(i), find(j)];
    if (ri !== rj) root.set(Math.max(ri, rj), Math.min(ri, rj));
  }
  const byRoot = new Map<number, { members: Set<number>; reasons: Set<ReasonCode> }>();
  for (const { i, j, reasons } of pairs) {
    const r = find(i);
    const group = byRoot.get(r) ?? { members: new Set<number>(), reasons: new Set<ReasonCode>() };
    group.members.add(i).add(j);
    for (const reason of reasons) group.reasons.add(reason);
    byRoot.set(r, group);
  }
  return [...byRoot.values()]
    .map(({ members, reasons }) => ({ members: [...members].sort((x, y) => x - y), reasons: [...reasons] }))
    .sort((x, y) => x.members[0] - y.members[0]);
}

/** Groups of duplicates among clients (indices into `clients`). */
export function findDuplicates(clients: readonly MatchInput[], options: MatchOptions): MatchGroup[] {
  return findMatches(clients, options).groups;
}

/** Groups of duplicates and groups of clients who only share a contact (indices into `clients`). */
export function findMatches(clients: readonly MatchInput[], options: MatchOptions): MatchResult {
  return groupRanked(prepareByName(clients, options.phoneRegion), options);
}
