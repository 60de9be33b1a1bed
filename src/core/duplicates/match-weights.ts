/**
 * Match weights learned from each base (the Fellegi–Sunter model). The verdict's rules (evidence.ts) need
 * one piece of evidence to agree cleanly; a record retyped with a slip in every field (a name with a typo,
 * a phone with two digits wrong, a misspelt city) fails them all, though together they leave no doubt.
 * Here every field of a pair is put on a level of agreement (the name exact, or similar to 0.9, 0.8 …;
 * the phone the same, one typo apart, two, another; …), and each level weighs log2(m / u): how much more
 * often it happens among true duplicates (m) than among other pairs (u). The weights add up with the
 * prior odds to the probability that a pair is one client.
 *
 * m and u are estimated on the base at hand, by expectation–maximisation over the pairs blocking compares:
 * a mixture of duplicates and other pairs, told apart by how their fields agree together, starting from
 * the rules' verdicts. u is estimated among the compared pairs, not on random pairs of the base, because
 * blocking brings namesakes and neighbours together: among them a similar name or the same city is far
 * commoner than among random pairs, and weights with u from random pairs take namesakes for duplicates
 * (on the generated Russian list of `npm run bench:duplicates`, at «normal»: 384 more true pairs, 3,206 false).
 * An identical name weighs more the rarer it is in the base (the term-frequency adjustment): a shared
 * `Шпаковский Олег` says more than a shared `Иванов Иван`.
 */
import type { MatchRecord } from './prepare';
import { editDistance, type NameComparison } from './similarity';
import { anyEmailTypoApart, anyTypoApart, birthdaySlip, cityTypo, fewestPhoneTypos, sameLogin } from './field-comparisons';
import { SHARED_EMAIL, SHARED_PHONE, type ReasonCode } from './evidence';
import { doubled } from './key-numbers';

/** The fields compared, in the order of a pattern's digits. */
export type WeighedField = 'name' | 'phone' | 'email' | 'city' | 'birthday';
export const WEIGHED_FIELDS: readonly WeighedField[] = ['name', 'phone', 'email', 'city', 'birthday'];

/**
 * Levels of agreement per field; level 0 is «not known in one of the two» and weighs nothing either way
 * (a missing value is no evidence).
 */
export const LEVELS: Readonly<Record<WeighedField, readonly string[]>> = {
  name: ['missing', 'exact', 'similar 0.9', 'similar 0.8', 'similar 0.7', 'similar 0.6', 'similar 0.5', 'similar 0.4', 'misspelt words'],
  phone: ['missing', 'same', 'one typo', 'two typos', 'three typos', 'different'],
  email: ['missing', 'same', 'typo', 'different'],
  city: ['missing', 'same', 'typo', 'slips', 'different'],
  birthday: ['missing', 'same', 'slip', 'different'],
};
const LEVEL_COUNTS = WEIGHED_FIELDS.map((field) => LEVELS[field].length);
/** How many patterns (one level per field) there are. */
export const PATTERN_COUNT = LEVEL_COUNTS.reduce((product, count) => product * count, 1);

/** The name similarities that open the levels below «exact», highest first. */
const NAME_BANDS = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4];
const LOWEST_BAND = LEVELS.name.indexOf('similar 0.4');
const MISSPELT_WORDS = LEVELS.name.indexOf('misspelt words');
/**
 * Cities this long may carry two slips (three, the longer ones) and still be told apart from other towns:
 * `Тююмен` is Тюмень, `munt lancl` is mount land; Омск and Орск are two towns.
 */
const CITY_TWO_SLIPS_LENGTH = 6;
const CITY_THREE_SLIPS_LENGTH = 9;

/** A pattern: the fields' levels as the digits of one number (mixed radix, the name most significant). */
export function patternOf(levels: readonly number[]): number {
  let code = 0;
  for (let f = 0; f < LEVEL_COUNTS.length; f++) code = code * LEVEL_COUNTS[f] + levels[f];
  return code;
}

/** The level of each field in a pattern. */
export function levelsOf(pattern: number): number[] {
  const levels = new Array<number>(LEVEL_COUNTS.length);
  for (let f = LEVEL_COUNTS.length - 1; f >= 0; f--) {
    levels[f] = pattern % LEVEL_COUNTS[f];
    pattern = Math.floor(pattern / LEVEL_COUNTS[f]);
  }
  return levels;
}

function nameLevel(a: MatchRecord, b: MatchRecord, name: NameComparison): number {
  if (a.name.tokens.length === 0 || b.name.tokens.length === 0) return 0;
  if (name.exact) return 1;
  const band = NAME_BANDS.findIndex((least) => name.score >= least);
  if (band >= 0) return band + 2;
  return name.misspeltWords ? MISSPELT_WORDS : LOWEST_BAND;
}

function phoneLevel(a: MatchRecord, b: MatchRecord, shared: number): number {
  if (a.phoneDigits.length === 0 || b.phoneDigits.length === 0) return 0;
  if (shared & SHARED_PHONE) return 1;
  if (anyTypoApart(a.phoneDigits, b.phoneDigits)) return 2;
  const typos = fewestPhoneTypos(a.phoneDigits, b.phoneDigits, 3);
  return typos <= 2 ? 3 : typos === 3 ? 4 : 5;
}

/**
 * The same login at another domain (ivanov.b@mail.ru, ivanov.b@gmail.com) weighs nothing, as in the rules:
 * a login is mostly the name again, so namesakes share it as often as one client's two addresses do.
 */
function emailLevel(a: MatchRecord, b: MatchRecord, shared: number): number {
  if (a.emails.length === 0 || b.emails.length === 0) return 0;
  if (shared & SHARED_EMAIL) return 1;
  if (anyEmailTypoApart(a.emails, b.emails)) return 2;
  return sameLogin(a.emails, b.emails) ? 0 : 3;
}

/** `asMeant`: the city a rare spelling stands for in the base (Rarity.cityAsMeant). */
function cityLevel(a: string, b: string, asMeant: (city: string) => string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  if (cityTypo(a, b)) return 2;
  const shorter = Math.min(a.length, b.length);
  const slips = shorter >= CITY_THREE_SLIPS_LENGTH ? 3 : shorter >= CITY_TWO_SLIPS_LENGTH ? 2 : 0;
  return (slips > 0 && editDistance(a, b, slips) <= slips) || asMeant(a) === asMeant(b) ? 3 : 4;
}

function birthdayLevel(a: MatchRecord, b: MatchRecord): number {
  if (a.birthdayDigits < 0 || b.birthdayDigits < 0) return 0;
  if (a.birthdayDigits === b.birthdayDigits) return 1;
  return birthdaySlip(a.birthdayDigits, b.birthdayDigits) ? 2 : 3;
}

/**
 * The pattern of a pair whose names may be one client's (match.ts `namesMayMatch`; the weights weigh no
 * others): how each field agrees. `name` is the pair's name comparison, `shared` the SHARED_* bits of the
 * contacts the pair shares.
 */
export function pairPattern(a: MatchRecord, b: MatchRecord, name: NameComparison, shared: number, cityAsMeant = (city: string) => city): number {
  return patternOf([nameLevel(a, b, name), phoneLevel(a, b, shared), emailLevel(a, b, shared), cityLevel(a.city, b.city, cityAsMeant), birthdayLevel(a, b)]);
}

/**
 * The compared pairs of a base, by pattern: all of them, those the rules (evidence.ts) accept, and the
 * rarity of identical names among them.
 */
export class PatternTally {
  readonly compared = new Float64Array(PATTERN_COUNT);
  readonly accepted = new Float64Array(PATTERN_COUNT);
  private exactNames = 0;
  private exactNameBitsSum = 0;

  /** A compared pair; `exactNameBits` is the rarity (bits, rarity.ts) of its name when the names are identical. */
  add(pattern: number, accepted: boolean, exactNameBits: number | null): void {
    this.compared[pattern]++;
    if (accepted) this.accepted[pattern]++;
    if (exactNameBits !== null) {
      this.exactNames++;
      this.exactNameBitsSum += exactNameBits;
    }
  }

  get pairs(): number {
    return this.compared.reduce((sum, count) => sum + count, 0);
  }

  get meanExactNameBits(): number {
    return this.exactNames === 0 ? 0 : this.exactNameBitsSum / this.exactNames;
  }
}

/** A count added to every level, so that a level never seen weighs a finite amount. */
const SMOOTHING = 0.5;
const MAX_ROUNDS = 200;
const CONVERGED = 1e-7;
/** Fewer weighed pairs than this cannot tell duplicates from the rest: the rules decide alone. */
export const LEAST_PAIRS_TO_FIT = 500;
/** The most an identical name's rarity moves its weight, in bits either way. */
const TERM_FREQUENCY_LIMIT = 6;

export interface MatchModel {
  /** The share of duplicates among the compared pairs. */
  matchShare: number;
  /** m and u per field and level (level 0, «missing», unused). */
  m: number[][];
  u: number[][];
  /** log2(m / u) per field and level; 0 for «missing». */
  weights: number[][];
  /** log2 of the prior odds of a compared pair being a duplicate. */
  prior: number;
  /** The mean rarity (bits) of identical names among the compared pairs: the rarity the «exact» weight stands for. */
  exactNameBits: number;
}

/** Shares of levels 1 … that sum to 1, from counts per level. */
function levelShares(counts: readonly number[]): number[] {
  const total = counts.reduce((sum, count, level) => (level === 0 ? sum : sum + count + SMOOTHING), 0);
  return counts.map((count, level) => (level === 0 ? 0 : (count + SMOOTHING) / total));
}

/**
 * m, u and the share of duplicates, fitted to the compared pairs by expectation–maximisation. It starts
 * from the rules' verdicts (a pair they accept is a duplicate) and lets the patterns settle the rest.
 * Null when the base has too few compared pairs, or the rules accept none, to tell the two kinds apart.
 */
export function fitMatchModel(tally: PatternTally): MatchModel | null {
  const { compared, accepted } = tally;
  const total = tally.pairs;
  const acceptedPairs = accepted.reduce((sum, count) => sum + count, 0);
  if (total < LEAST_PAIRS_TO_FIT || acceptedPairs === 0) return null;
  const seen = [...compared.keys()].filter((pattern) => compared[pattern] > 0);
  const levels = new Map(seen.map((pattern) => [pattern, levelsOf(pattern)]));
  const posterior = new Float64Array(PATTERN_COUNT);
  for (const pattern of seen) posterior[pattern] = accepted[pattern] / compared[pattern];
  const marginals = (weightOf: (pattern: number) => number) => {
    const sums = LEVEL_COUNTS.map((count) => new Array<number>(count).fill(0));
    for (const pattern of seen) levels.get(pattern)!.forEach((level, field) => (sums[field][level] += compared[pattern] * weightOf(pattern)));
    return sums.map(levelShares);
  };
  let matchShare = acceptedPairs / total;
  let m = marginals((pattern) => posterior[pattern]);
  let u = marginals((pattern) => 1 - posterior[pattern]);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let matched = 0;
    for (const pattern of seen) {
      let pm = matchShare;
      let pu = 1 - matchShare;
      levels.get(pattern)!.forEach((level, field) => {
        if (level === 0) return;
        pm *= m[field][level];
        pu *= u[field][level];
      });
      posterior[pattern] = pm / (pm + pu);
      matched += compared[pattern] * posterior[pattern];
    }
    m = marginals((pattern) => posterior[pattern]);
    u = marginals((pattern) => 1 - posterior[pattern]);
    const change = Math.abs(matched / total - matchShare);
    matchShare = matched / total;
    if (change < CONVERGED) break;
  }
  const weights = m.map((shares, field) => shares.map((share, level) => (level === 0 ? 0 : Math.log2(share / u[field][level]))));
  return { matchShare, m, u, weights, prior: Math.log2(matchShare / (1 - matchShare)), exactNameBits: tally.meanExactNameBits };
}

/** The weight of a pattern: the prior odds and each field's weight, in bits. */
function patternWeight(model: MatchModel, pattern: number): number {
  return levelsOf(pattern).reduce((weight, level, field) => weight + model.weights[field][level], model.prior);
}

/** Patterns per name level: a pattern's name level is `Math.floor(pattern / NAME_STRIDE)`. */
const NAME_STRIDE = PATTERN_COUNT / LEVEL_COUNTS[0];
const EXACT_NAME = 1;

/** What an identical name's rarity (bits, rarity.ts) adds to its weight: its distance from the average identical name's. */
function termFrequencyShift(model: MatchModel, nameBits: number): number {
  return Math.max(-TERM_FREQUENCY_LIMIT, Math.min(TERM_FREQUENCY_LIMIT, nameBits - model.exactNameBits));
}

function probabilityOf(weight: number): number {
  return 1 / (1 + 2 ** -weight);
}

/**
 * The probability that a compared pair of this pattern is one client. `nameBits` is the rarity of the
 * name, which counts when the names are identical.
 */
export function matchProbability(model: MatchModel, pattern: number, nameBits: number): number {
  const shift = Math.floor(pattern / NAME_STRIDE) === EXACT_NAME ? termFrequencyShift(model, nameBits) : 0;
  return probabilityOf(patternWeight(model, pattern) + shift);
}

/** What one field of a pair tells, by the base's weights: its level of agreement (`LEVELS`) and its weight in bits. */
export interface FieldEvidence {
  field: WeighedField;
  level: string;
  bits: number;
}

/**
 * The fields of a pair of this pattern known in both records, each with its weight (log2 m/u; an identical
 * name's rarity counted, `nameBits`): the «why» of a match, field by field. The prior is left out: it is
 * the base's, not the pair's.
 */
export function fieldEvidence(model: MatchModel, pattern: number, nameBits: number): FieldEvidence[] {
  const levels = levelsOf(pattern);
  const evidence: FieldEvidence[] = [];
  WEIGHED_FIELDS.forEach((field, f) => {
    const level = levels[f];
    if (level === 0) return;
    const shift = f === 0 && level === EXACT_NAME ? termFrequencyShift(model, nameBits) : 0;
    evidence.push({ field, level: LEVELS[field][level], bits: model.weights[f][level] + shift });
  });
  return evidence;
}

/**
 * The pairs the weights may join (ranks x, y and their pattern), in typed arrays: a big base has millions,
 * most of them namesakes the weights turn down.
 */
export class WeighablePairs {
  private firsts = new Int32Array(1 << 12);
  private seconds = new Int32Array(1 << 12);
  private patterns = new Uint16Array(1 << 12);
  private length = 0;

  push(x: number, y: number, pattern: number): void {
    if (this.length === this.firsts.length) {
      this.firsts = doubled(this.firsts, (size) => new Int32Array(size));
      this.seconds = doubled(this.seconds, (size) => new Int32Array(size));
      this.patterns = doubled(this.patterns, (size) => new Uint16Array(size));
    }
    this.firsts[this.length] = x;
    this.seconds[this.length] = y;
    this.patterns[this.length++] = pattern;
  }

  /**
   * Calls `visit` for each pair whose probability of one client reaches `least`. Each pattern's weight is
   * worked out once; the rarity of an identical name (`nameBits` of ranks x and y) only for those that may reach it.
   */
  eachAccepted(model: MatchModel, least: number, nameBits: (x: number, y: number) => number, visit: (x: number, y: number, pattern: number, probability: number) => void): void {
    const weights = new Float64Array(PATTERN_COUNT).fill(NaN);
    const leastWeight = Math.log2(least / (1 - least));
    for (let k = 0; k < this.length; k++) {
      const pattern = this.patterns[k];
      let weight = weights[pattern];
      if (Number.isNaN(weight)) weight = weights[pattern] = patternWeight(model, pattern);
      if (Math.floor(pattern / NAME_STRIDE) === EXACT_NAME) {
        if (weight + TERM_FREQUENCY_LIMIT < leastWeight) continue;
        weight += termFrequencyShift(model, nameBits(this.firsts[k], this.seconds[k]));
      }
      if (weight >= leastWeight) visit(this.firsts[k], this.seconds[k], pattern, probabilityOf(weight));
    }
  }
}

/** What each level of each field says in the reasons of a pair the weights accept (none: nothing agrees). */
const LEVEL_REASONS: ReadonlyArray<ReadonlyArray<ReasonCode | null>> = [
  [null, 'sameName', 'similarName', 'similarName', 'similarName', 'similarName', 'similarName', 'similarName', 'similarName'],
  [null, 'samePhone', 'phoneTypo', 'phoneSlips', 'phoneSlips', null],
  [null, 'sameEmail', 'emailTypo', null],
  [null, 'sameCity', 'cityTypo', 'cityTypo', null],
  [null, 'sameBirthday', 'birthdaySlip', null],
];

/** The fields that agree in a pattern, as reasons: what the user reads as the «why» of a weighed match. */
export function patternReasons(pattern: number): ReasonCode[] {
  const reasons: ReasonCode[] = [];
  levelsOf(pattern).forEach((level, field) => {
    const reason = LEVEL_REASONS[field][level];
    if (reason) reasons.push(reason);
  });
  return reasons;
}
