/**
 * String similarity for duplicate matching: edit distance with adjacent transpositions (a typo is one
 * wrong, missing, extra or swapped character), and the similarity of two parsed names as token sets.
 */
import { nameWord, type NameWord, type ParsedName } from './names';

/**
 * Optimal-string-alignment distance (Levenshtein plus swapping two neighbours), or `limit + 1` when it
 * exceeds `limit`. Only the band of cells within `limit` of the diagonal is filled (an alignment that
 * leaves it costs more than the limit), and the work stops once a whole row is past the limit.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (limit <= 1) return oneEditOrMore(a, b);
  const n = b.length;
  if (rows[0].length <= n + 1) rows = [new Int32Array(2 * n + 4), new Int32Array(2 * n + 4), new Int32Array(2 * n + 4)];
  let [before, previous, current] = rows;
  // Cells outside the band hold a cost past any limit worth computing.
  const outside = Math.min(limit + 1, a.length + n + 1);
  for (let j = 0; j <= n; j++) previous[j] = j;
  previous[n + 1] = outside;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(n, i + limit);
    current[from - 1] = from === 1 ? i : outside;
    let rowMin = current[from - 1];
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const cb = b.charCodeAt(j - 1);
      let value = previous[j - 1] + (ca === cb ? 0 : 1);
      if (previous[j] + 1 < value) value = previous[j] + 1;
      if (current[j - 1] + 1 < value) value = current[j - 1] + 1;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb && before[j - 2] + 1 < value) value = before[j - 2] + 1;
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    current[to + 1] = outside;
    if (rowMin > limit) return limit + 1;
    const oldest = before;
    before = previous;
    previous = current;
    current = oldest;
  }
  return previous[n] > limit ? limit + 1 : previous[n];
}

/** Three reusable rows for `editDistance` (matching compares millions of short words). */
let rows: Int32Array[] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/** True when `a` from `from` on equals `b` from `from + shift` on (no substrings: this runs per word pair). */
function sameTail(a: string, b: string, from: number, shift: number): boolean {
  for (let k = from; k < a.length; k++) if (a.charCodeAt(k) !== b.charCodeAt(k + shift)) return false;
  return true;
}

/** `editDistance` for a limit of one, without a table: 1 when one edit apart, else 2 (a ≠ b, lengths within 1). */
function oneEditOrMore(a: string, b: string): number {
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  if (short.length !== long.length) return sameTail(short, long, i, 1) ? 1 : 2;
  if (sameTail(short, long, i + 1, 0)) return 1;
  const swapped = short.charCodeAt(i) === long.charCodeAt(i + 1) && short.charCodeAt(i + 1) === long.charCodeAt(i);
  return swapped && sameTail(short, long, i + 2, 0) ? 1 : 2;
}

/** True when two different strings are one typo apart (one character wrong, missing, extra, or two swapped). */
export function oneTypoApart(a: string, b: string): boolean {
  return a !== b && a.length > 0 && b.length > 0 && editDistance(a, b, 1) === 1;
}

/** Similarity of two word skeletons, 0..1: 1 − typos / longer length. */
export function tokenSimilarity(a: string, b: string): number {
  return wordSimilarity(nameWord(a), nameWord(b));
}

/** Bits set in a 32-bit number. */
export function bitCount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Similarity of two words, 0..1: of their skeletons, or of the words as written when that is higher. */
function wordSimilarity(a: NameWord, b: NameWord): number {
  const folded = spellingSimilarity(a, b);
  if (folded >= SAME_WORD || (a.written === null && b.written === null)) return folded;
  return Math.max(folded, spellingSimilarity(a.written ?? a, b.written ?? b));
}

/**
 * The typos two different spellings may be apart and still be one word, or 0 when a glance rules them
 * out: a short word (names like Иван/Иона, numbers) changes with one letter, and each typo adds or
 * removes at most two of the `letters` bits.
 */
function typoLimit(a: NameWord, b: NameWord): number {
  if (!a.fuzzy || !b.fuzzy) return 0;
  const limit = Math.max(a.text.length, b.text.length) >> 2;
  if (Math.abs(a.text.length - b.text.length) > limit || bitCount(a.letters ^ b.letters) > 2 * limit) return 0;
  return limit;
}

/** 1 − typos / longer length of two spellings (skeletons, or words as written); 0 past the limit of typos. */
function spellingSimilarity(a: NameWord, b: NameWord): number {
  if (a === b || a.text === b.text) return 1;
  const limit = typoLimit(a, b);
  if (limit === 0) return 0;
  const distance = editDistance(a.text, b.text, limit);
  return distance > limit ? 0 : 1 - distance / Math.max(a.text.length, b.text.length);
}

function pairedSimilarity(a: NameWord, b: NameWord, twoNames?: (x: string, y: string) => boolean): number {
  const similarity = wordSimilarity(a, b);
  return similarity >= SAME_WORD && (similarity === 1 || !twoNames?.(a.text, b.text)) ? similarity : 0;
}

/** How `compareNames` compares two words of the names; for a base, `rememberedComparison`. */
export interface WordComparison {
  /**
   * The similarity two words pair with: at least `SAME_WORD`, and not two names of their own (see
   * `Rarity.twoNames`); else 0.
   */
  pair(a: NameWord, b: NameWord): number;
  /** Whether two words left over are spellings of one word a few slips apart (see `leftoversAlike`). */
  alike(a: NameWord, b: NameWord): boolean;
  /**
   * `alike`, and not two names of their own (`Марина`/`Ирина`, `Алёна`/`Алина`: alike as spellings, two
   * sisters by the base's counts): one word misspelt (see `NameComparison.misspeltWords`).
   */
  misspelt(a: NameWord, b: NameWord): boolean;
}

/** Words compared by their spellings alone, every pair worked out anew. */
const BY_SPELLING: WordComparison = { pair: (a, b) => pairedSimilarity(a, b), alike: wordsAlike, misspelt: wordsAlike };

/** `NameWord.id`s below this make a memo key of two ids that is still an exact number. */
const MEMO_ID_SPAN = 2 ** 26;
/** Word pairs remembered before a memo starts afresh. */
const MEMO_LIMIT = 1 << 20;

/**
 * `NameWord.id`s below this make a key of two ids that is a small integer (below 2³⁰), which a Map
 * hashes in place; a bigger key is a boxed number, made and hashed anew at every look-up (on the page's
 * 20,000 clients the look-ups took a quarter of the matcher's time in names).
 */
const SMALL_ID_SPAN = 2 ** 15;

/** `compare`, symmetric, remembered for each pair of words. */
function rememberedByWords<T>(compare: (a: NameWord, b: NameWord) => T): (a: NameWord, b: NameWord) => T {
  const knownSmall = new Map<number, T>();
  const knownLarge = new Map<number, T>();
  return (a, b) => {
    const low = a.id < b.id ? a.id : b.id;
    const high = a.id < b.id ? b.id : a.id;
    if (high >= MEMO_ID_SPAN) return compare(a, b);
    const small = high < SMALL_ID_SPAN;
    const known = small ? knownSmall : knownLarge;
    const key = small ? low * SMALL_ID_SPAN + high : low * MEMO_ID_SPAN + high;
    let value = known.get(key);
    if (value === undefined) {
      value = compare(a, b);
      if (known.size >= MEMO_LIMIT) known.clear();
      known.set(key, value);
    }
    return value;
  };
}

/**
 * Words compared for one base, each pair that needs an edit distance remembered. A base's names are made
 * of far fewer words than clients, so candidate pairs meet the same word pairs again and again: a
 * 100,000-client sample compared 5.8 M such word pairs, of which 5,841 were distinct.
 */
export function rememberedComparison(twoNames?: (x: string, y: string) => boolean): WordComparison {
  const rememberedPair = rememberedByWords((a, b) => pairedSimilarity(a, b, twoNames));
  const alike = rememberedByWords(wordsAlike);
  return {
    pair: (a, b) => {
      if (a === b || a.text === b.text) return 1;
      // Most pairs are settled at a glance, more cheaply than by a look-up.
      const glance = typoLimit(a, b) === 0 && ((a.written === null && b.written === null) || typoLimit(a.written ?? a, b.written ?? b) === 0);
      return glance ? pairedSimilarity(a, b, twoNames) : rememberedPair(a, b);
    },
    alike,
    misspelt: (a, b) => alike(a, b) && !twoNames?.(a.text, b.text),
  };
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
  /**
   * Each name keeps a word the other does not account for, a patronymic against another
   * word at the least: `Баранов Сергей` and `Баранов Владимир`. Two people, when their names are all
   * there is to tell them apart by (a family on one e-mail, an office on one phone).
   */
  wordsConflict: boolean;
  /**
   * Each name keeps a word the other does not account for, and those words are spellings of one word a
   * few slips apart (`Ефремова Анна`, `Анан Ефремова`; `Скворцова Алмн`, `Скворцова Алина`): too many
   * slips for the score, which counts them as two words, too few for another person's name. Never two
   * names the base holds as names of their own (`Ковалёва Марина`, `Ковалёва Ирина`: `WordComparison.misspelt`).
   */
  misspeltWords: boolean;
}

const NO_MATCH: NameComparison = { score: 0, exact: false, byInitials: false, patronymicsDiffer: false, genderDiffers: false, wordsConflict: false, misspeltWords: false };
/** Two names of which no word matches: every word of each is left over (`namesRunTogetherAlike` may still join them). */
const NO_WORD_MATCHES: NameComparison = { ...NO_MATCH, wordsConflict: true };
const SAME: NameComparison = { ...NO_MATCH, score: 1, exact: true };

/**
 * True for a word and its other-gender form in skeleton spelling: the feminine adds `a` to the masculine
 * (Ivanov/Ivanova, Ilin/Ilina, Aleksandr/Aleksandra, Evgenii/Evgeniia, Valerii/Valeriia).
 */
export function isGenderPair(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.length === short.length + 1 && long.charCodeAt(short.length) === 97 && long.startsWith(short);
}

/** Initials past this many are not paired (no name has so many): the initials taken are bits of a number. */
const MAX_INITIALS = 31;

/** The first initial equal to `letter` not taken yet (bits of `taken`), or -1. */
function untakenInitial(initials: readonly string[], taken: number, letter: string): number {
  for (let k = 0; k < Math.min(initials.length, MAX_INITIALS); k++) if (!(taken & (1 << k)) && initials[k] === letter) return k;
  return -1;
}

/**
 * How alike two names are as sets of words: words are paired greedily by similarity, as `words` pairs
 * them (for a base: never two words it holds as two names, however alike); a word left over
 * may be matched by an initial of the other name; the score is the matched weight over everything,
 * where words left over count against (patronymics and initials only a little).
 */
export function compareNames(a: ParsedName, b: ParsedName, words: WordComparison = BY_SPELLING): NameComparison {
  if (a.tokens.length === 0 || b.tokens.length === 0) return NO_MATCH;
  if (a.key === b.key && a.initials.length === 0 && b.initials.length === 0) return SAME;
  const wordsA = a.words;
  const wordsB = b.words;
  const countA = Math.min(wordsA.length, MAX_WORDS);
  const countB = Math.min(wordsB.length, MAX_WORDS);
  // Candidate word pairs packed as similarity·256² + i·256 + j, so one numeric order sorts them.
  let pairCount = 0;
  for (let i = 0; i < countA; i++) {
    for (let j = 0; j < countB; j++) {
      const similarity = words.pair(wordsA[i], wordsB[j]);
      if (similarity > 0) pairs[pairCount++] = Math.round(similarity * 1000) * 65536 + i * 256 + j;
    }
  }
  if (pairCount === 0) return NO_WORD_MATCHES;
  sortDescending(pairs, pairCount);
  let usedA = 0;
  let usedB = 0;
  let matched = 0;
  let weight = 0;
  let allExact = true;
  let genderDiffers = false;
  for (let k = 0; k < pairCount; k++) {
    const packed = pairs[k];
    const i = (packed >> 8) & 255;
    const j = packed & 255;
    if (usedA & (1 << i) || usedB & (1 << j)) continue;
    usedA |= 1 << i;
    usedB |= 1 << j;
    const similarity = Math.floor(packed / 65536) / 1000;
    matched += similarity;
    weight += 1;
    if (similarity < 1) allExact = false;
    if (similarity < 1 && isGenderPair(wordsA[i].text, wordsB[j].text)) genderDiffers = true;
  }

  // The initials of each name taken to stand for a word of the other, as bits.
  let takenA = 0;
  let takenB = 0;
  let byInitials = false;
  // The words left over on each side: an initial of the other name may stand for one; patronymics are counted.
  let extraPatronymicsA = 0;
  let extraPatronymicsB = 0;
  let extraWordsA = 0;
  let extraWordsB = 0;
  for (let side = 0; side < 2; side++) {
    const words = side === 0 ? wordsA : wordsB;
    const count = side === 0 ? countA : countB;
    const used = side === 0 ? usedA : usedB;
    const initials = side === 0 ? b.initials : a.initials;
    let taken = side === 0 ? takenB : takenA;
    const writtenInitials = side === 0 ? a.tokenInitials : b.tokenInitials;
    for (let i = 0; i < count; i++) {
      if (used & (1 << i)) continue;
      const first = words[i].text.charAt(0);
      let initial = initials.length > 0 ? untakenInitial(initials, taken, first) : -1;
      if (initial < 0 && initials.length > 0 && writtenInitials[i] !== first) initial = untakenInitial(initials, taken, writtenInitials[i]);
      if (initial >= 0) {
        taken |= 1 << initial;
        matched += INITIAL_WEIGHT;
        weight += 1;
        byInitials = true;
      } else if (words[i].patronymic) {
        weight += EXTRA_PATRONYMIC;
        if (side === 0) extraPatronymicsA++;
        else extraPatronymicsB++;
      } else {
        allExact = false;
        weight += 1;
        if (side === 0) extraWordsA++;
        else extraWordsB++;
      }
    }
    if (side === 0) takenB = taken;
    else takenA = taken;
  }
  const patronymicsDiffer = extraPatronymicsA > 0 && extraPatronymicsB > 0;
  // Initials on both sides with nothing to stand for: equal ones agree a little, the rest disagree, and
  // the names are not the same (`Васильева О.А.`, `Васильева В.К.`).
  // Initials left over are no conflict: an initial is too little to tell two names (`Ж.` for `Janna`).
  const bothHaveInitials = a.initials.length > bitCount(takenA) && b.initials.length > bitCount(takenB);
  for (let k = 0; k < a.initials.length; k++) {
    if (takenA & (1 << k) && k < MAX_INITIALS) continue;
    const initial = untakenInitial(b.initials, takenB, a.initials[k]);
    if (initial >= 0) {
      takenB |= 1 << initial;
      continue;
    }
    weight += EXTRA_INITIAL;
    if (bothHaveInitials) allExact = false;
  }
  weight += (b.initials.length - bitCount(takenB)) * EXTRA_INITIAL;
  const leftOnBothSides = (extraWordsA > 0 && extraWordsB + extraPatronymicsB > 0) || (extraWordsB > 0 && extraPatronymicsA > 0);
  const alike = leftOnBothSides && leftoversAlike(wordsA, countA, usedA, wordsB, countB, usedB, words.alike);
  const wordsConflict = leftOnBothSides && !alike;
  const misspeltWords = alike && extraWordsA > 0 && extraWordsB > 0 && leftoversAlike(wordsA, countA, usedA, wordsB, countB, usedB, words.misspelt);
  return { score: matched / weight, exact: allExact && !byInitials, byInitials, patronymicsDiffer, genderDiffers, wordsConflict, misspeltWords };
}

/**
 * Two spellings a few slips apart: one per three letters (`Jon`/`John`), or one per two letters after the
 * same first letter (`moore`/`moger`, heavily mistyped). `Сергей`/`Владимир` or `Сергей`/`Андрей` are not.
 */
function spellingsAlike(x: string, y: string): boolean {
  const longer = Math.max(x.length, y.length);
  const limit = x.charAt(0) === y.charAt(0) ? Math.max(1, longer >> 1) : Math.max(1, Math.floor(longer / 3));
  return editDistance(x, y, limit) <= limit;
}

/** Two words as spellings a few slips apart, as written or as their skeletons. */
function wordsAlike(x: NameWord, y: NameWord): boolean {
  return spellingsAlike(x.text, y.text) || spellingsAlike((x.written ?? x).text, (y.written ?? y).text);
}

/**
 * Whether the words left over on each side are variants of one name rather than two people's names:
 * those of one side all pair with the other's, a few slips apart (too many for the score, which wants one typo in five letters), or the
 * same when run together (`Урал Волгамастер`, `УралуВолгамастер`).
 */
function leftoversAlike(
  wordsA: readonly NameWord[],
  countA: number,
  usedA: number,
  wordsB: readonly NameWord[],
  countB: number,
  usedB: number,
  alike: (x: NameWord, y: NameWord) => boolean,
): boolean {
  const leftA = leftOver(wordsA, countA, usedA);
  const leftB = leftOver(wordsB, countB, usedB);
  let paired = 0;
  let pairedB = usedB;
  for (let i = 0; i < countA; i++) {
    if (usedA & (1 << i) || wordsA[i].patronymic) continue;
    for (let j = 0; j < countB; j++) {
      if (pairedB & (1 << j) || !alike(wordsA[i], wordsB[j])) continue;
      pairedB |= 1 << j;
      paired++;
      break;
    }
  }
  // Words left over on one side only are a word left out, not another name.
  // One word left over on each side was compared as a word already, and is not run together (most pairs
  // compared: two first names between a shared surname and patronymic).
  return paired === leftA || paired === leftB || (leftA + leftB > 2 && spellingsAlike(joined(wordsA, countA, usedA), joined(wordsB, countB, usedB)));
}

/** How many words of a name are neither used (bits of `used`) nor patronymics. */
function leftOver(words: readonly NameWord[], count: number, used: number): number {
  let left = 0;
  for (let i = 0; i < count; i++) if (!(used & (1 << i)) && !words[i].patronymic) left++;
  return left;
}

/** The words `leftOver` counts, run together. */
function joined(words: readonly NameWord[], count: number, used: number): string {
  let text = '';
  for (let i = 0; i < count; i++) if (!(used & (1 << i)) && !words[i].patronymic) text += words[i].text;
  return text;
}

/**
 * For two names of which no word matched: whether they are still one name, its words run together or
 * spelt with a few slips. Asked only of names that share a contact (the rare case; most pairs compared
 * are plainly different names).
 */
export function namesRunTogetherAlike(a: ParsedName, b: ParsedName): boolean {
  return leftoversAlike(a.words, Math.min(a.words.length, MAX_WORDS), 0, b.words, Math.min(b.words.length, MAX_WORDS), 0, wordsAlike);
}

/** Scratch for `compareNames`: at most MAX_WORDS² word pairs. */
const pairs = new Int32Array(MAX_WORDS * MAX_WORDS);

/** Insertion sort of the first `count` values, largest first (a handful of values, no comparator calls). */
function sortDescending(values: Int32Array, count: number): void {
  for (let k = 1; k < count; k++) {
    const value = values[k];
    let m = k - 1;
    while (m >= 0 && values[m] < value) {
      values[m + 1] = values[m];
      m--;
    }
    values[m + 1] = value;
  }
}
