/**
 * String similarity for duplicate matching: edit distance with adjacent transpositions (a typo is one
 * wrong, missing, extra or swapped character), and the similarity of two parsed names as token sets.
 */
import { isPatronymic, type ParsedName } from './names';

/**
 * Optimal-string-alignment distance (Levenshtein plus swapping two neighbours), or `limit + 1` as soon
 * as it is certain to exceed `limit` (so comparing long unrelated strings stays cheap).
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (limit <= 1) return oneEditOrMore(a, b);
  const n = b.length;
  const rows = buffers(n + 1);
  let [before, previous, current] = rows;
  for (let j = 0; j <= n; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, before[j - 2] + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[n];
}

/** `editDistance` for a limit of one, without a table: 1 when one edit apart, else 2 (a ≠ b, lengths within 1). */
function oneEditOrMore(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  if (short.length !== long.length) return short.slice(i) === long.slice(i + 1) ? 1 : 2;
  if (short.slice(i + 1) === long.slice(i + 1)) return 1;
  const swapped = short.charCodeAt(i) === long.charCodeAt(i + 1) && short.charCodeAt(i + 1) === long.charCodeAt(i);
  return swapped && short.slice(i + 2) === long.slice(i + 2) ? 1 : 2;
}

/** Three reusable rows for `editDistance` (matching compares millions of short words). */
let rowBuffers: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
function buffers(length: number): Int32Array[] {
  if (rowBuffers[0].length < length) rowBuffers = [new Int32Array(length * 2), new Int32Array(length * 2), new Int32Array(length * 2)];
  return rowBuffers;
}

/** True when two different strings are one typo apart (one character wrong, missing, extra, or two swapped). */
export function oneTypoApart(a: string, b: string): boolean {
  return a !== b && a.length > 0 && b.length > 0 && editDistance(a, b, 1) === 1;
}

function hasDigit(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}

/** Similarity of two word skeletons, 0..1: 1 − typos / longer length. */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longer = Math.max(a.length, b.length);
  // Short words (names like Иван/Иона, numbers) must be equal: one letter changes them.
  if (Math.min(a.length, b.length) < 4 || hasDigit(a) || hasDigit(b)) return 0;
  const limit = longer >> 2;
  if (Math.abs(a.length - b.length) > limit) return 0;
  const distance = editDistance(a, b, limit);
  return distance > limit ? 0 : 1 - distance / longer;
}

/** A word counts as the same word when its similarity reaches this (one typo in a word of 5+ letters). */
const SAME_WORD = 0.75;
/** An initial standing for a whole word (`И.` for `Иван`) is weaker evidence than the word itself. */
const INITIAL_WEIGHT = 0.6;
/** An unmatched patronymic hardly counts against (it is often left out); other extra words do. */
const EXTRA_PATRONYMIC = 0.15;
const EXTRA_INITIAL = 0.3;
/** Words beyond this many are not compared (company names with long descriptions). */
const MAX_WORDS = 8;

export interface NameComparison {
  /** 0..1: 1 for the same words in any order. */
  score: number;
  /** Every word of both names matched exactly (no typos, no initials, nothing extra but patronymics). */
  exact: boolean;
  /** Some word was matched only by an initial. */
  byInitials: boolean;
  /**
   * Both names carry a patronymic and they are not alike (`Иванов Иван Петрович`, `Иванов Иван
   * Сергеевич`): two people with different fathers, however common the rest of the name is.
   */
  patronymicsDiffer: boolean;
  /**
   * Some word was paired with its other-gender form (`Иванов`/`Иванова`, `Евгений`/`Евгения`): husband
   * and wife or brother and sister far more often than a typo.
   */
  genderDiffers: boolean;
}

const NO_MATCH: NameComparison = { score: 0, exact: false, byInitials: false, patronymicsDiffer: false, genderDiffers: false };
const SAME: NameComparison = { score: 1, exact: true, byInitials: false, patronymicsDiffer: false, genderDiffers: false };

/**
 * True for a word and its other-gender form in skeleton spelling: the feminine adds `a` to the masculine
 * (Ivanov/Ivanova, Ilin/Ilina, Aleksandr/Aleksandra, Evgenii/Evgeniia, Valerii/Valeriia).
 */
export function isGenderPair(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.length === short.length + 1 && long.charCodeAt(short.length) === 97 && long.startsWith(short);
}

/** Takes the first initial equal to `letter` out of `initials`; true when there was one. */
function takeInitial(initials: string[], letter: string): boolean {
  const k = initials.indexOf(letter);
  if (k < 0) return false;
  initials.splice(k, 1);
  return true;
}

/**
 * How alike two names are as sets of words: words are paired greedily by similarity; a word left over
 * may be matched by an initial of the other name; the score is the matched weight over everything,
 * where words left over count against (patronymics and initials only a little).
 */
export function compareNames(a: ParsedName, b: ParsedName): NameComparison {
  if (a.tokens.length === 0 || b.tokens.length === 0) return NO_MATCH;
  if (a.key === b.key && a.initials.length === 0 && b.initials.length === 0) return SAME;
  const tokensA = a.tokens.length > MAX_WORDS ? a.tokens.slice(0, MAX_WORDS) : a.tokens;
  const tokensB = b.tokens.length > MAX_WORDS ? b.tokens.slice(0, MAX_WORDS) : b.tokens;
  // Candidate word pairs packed as similarity·256² + i·256 + j, so one numeric sort orders them.
  const pairs: number[] = [];
  for (let i = 0; i < tokensA.length; i++) {
    for (let j = 0; j < tokensB.length; j++) {
      const similarity = tokenSimilarity(tokensA[i], tokensB[j]);
      if (similarity >= SAME_WORD) pairs.push(Math.round(similarity * 1000) * 65536 + i * 256 + j);
    }
  }
  if (pairs.length === 0) return NO_MATCH;
  if (pairs.length > 1) pairs.sort((x, y) => y - x);
  let usedA = 0;
  let usedB = 0;
  let matched = 0;
  let weight = 0;
  let allExact = true;
  let genderDiffers = false;
  for (const packed of pairs) {
    const i = (packed >> 8) & 255;
    const j = packed & 255;
    if (usedA & (1 << i) || usedB & (1 << j)) continue;
    usedA |= 1 << i;
    usedB |= 1 << j;
    const similarity = Math.floor(packed / 65536) / 1000;
    matched += similarity;
    weight += 1;
    if (similarity < 1) allExact = false;
    if (similarity < 1 && isGenderPair(tokensA[i], tokensB[j])) genderDiffers = true;
  }

  const initialsA = a.initials.length > 0 ? [...a.initials] : a.initials;
  const initialsB = b.initials.length > 0 ? [...b.initials] : b.initials;
  let byInitials = false;
  /** Counts the words left over; returns how many of them are patronymics. */
  const leftover = (tokens: readonly string[], used: number, initials: string[]): number => {
    let patronymics = 0;
    for (let i = 0; i < tokens.length; i++) {
      if (used & (1 << i)) continue;
      if (initials.length > 0 && takeInitial(initials, tokens[i].charAt(0))) {
        matched += INITIAL_WEIGHT;
        weight += 1;
        byInitials = true;
      } else if (isPatronymic(tokens[i])) {
        weight += EXTRA_PATRONYMIC;
        patronymics++;
      } else {
        allExact = false;
        weight += 1;
      }
    }
    return patronymics;
  };
  const extraPatronymicsA = leftover(tokensA, usedA, initialsB);
  const extraPatronymicsB = leftover(tokensB, usedB, initialsA);
  const patronymicsDiffer = extraPatronymicsA > 0 && extraPatronymicsB > 0;
  // Initials on both sides with nothing to stand for: equal ones agree a little, the rest disagree.
  for (const initial of initialsA) if (!takeInitial(initialsB, initial)) weight += EXTRA_INITIAL;
  weight += initialsB.length * EXTRA_INITIAL;
  return { score: matched / weight, exact: allExact && !byInitials, byInitials, patronymicsDiffer, genderDiffers };
}
