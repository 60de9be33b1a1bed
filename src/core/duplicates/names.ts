/**
 * Client names made comparable for duplicate matching.
 *
 * `ООО «Ромашка»`, `Ромашка ООО`, `Общество с ограниченной ответственностью "Ромашка"` and `Romashka LLC`
 * all become the token set {romashka} with the legal form `llc`, kept apart: the same brand under another
 * legal form (`ИП Иванов` vs `ООО Иванов`) is a different legal entity, which is evidence against.
 * Person names are token sets, so word order does not matter (`Иванов Иван` = `Иван Иванов`), and
 * initials (`Иванов И.И.`) are kept as single letters that can stand for a whole word, as weaker evidence.
 * Every word is reduced to its Latin skeleton (skeleton.ts), so `Romashka` = `Ромашка`.
 */
import { skeleton } from './skeleton';

/**
 * Families of legal forms: forms in one family are the same kind of entity written in another language
 * or under an older name (ОАО became ПАО), so they do not count against a match; different families do.
 */
export type LegalFamily = 'llc' | 'jsc' | 'sole' | 'nonprofit' | 'state' | 'farm' | 'partnership';

/** Legal forms as written, in the normalised spelling of `wordsOf` (lower case, ё→е, no punctuation). */
const LEGAL_FORMS: Array<[string, LegalFamily]> = [
  ['общество с ограниченной ответственностью', 'llc'],
  ['открытое акционерное общество', 'jsc'],
  ['закрытое акционерное общество', 'jsc'],
  ['публичное акционерное общество', 'jsc'],
  ['непубличное акционерное общество', 'jsc'],
  ['акционерное общество', 'jsc'],
  ['индивидуальный предприниматель', 'sole'],
  ['предприниматель без образования юридического лица', 'sole'],
  ['автономная некоммерческая организация', 'nonprofit'],
  ['некоммерческая организация', 'nonprofit'],
  ['некоммерческое партнерство', 'nonprofit'],
  ['государственное унитарное предприятие', 'state'],
  ['муниципальное унитарное предприятие', 'state'],
  ['крестьянское фермерское хозяйство', 'farm'],
  ['товарищество с ограниченной ответственностью', 'llc'],
  ['limited liability company', 'llc'],
  ['joint stock company', 'jsc'],
  ['private limited', 'llc'],
  ['ооо', 'llc'],
  ['ooo', 'llc'],
  ['тоо', 'llc'],
  ['одо', 'llc'],
  ['llc', 'llc'],
  ['ltd', 'llc'],
  ['limited', 'llc'],
  ['gmbh', 'llc'],
  ['llp', 'partnership'],
  ['lp', 'partnership'],
  ['ао', 'jsc'],
  ['оао', 'jsc'],
  ['зао', 'jsc'],
  ['пао', 'jsc'],
  ['нао', 'jsc'],
  ['ao', 'jsc'],
  ['oao', 'jsc'],
  ['zao', 'jsc'],
  ['pao', 'jsc'],
  ['jsc', 'jsc'],
  ['ojsc', 'jsc'],
  ['cjsc', 'jsc'],
  ['pjsc', 'jsc'],
  ['inc', 'jsc'],
  ['incorporated', 'jsc'],
  ['corp', 'jsc'],
  ['corporation', 'jsc'],
  ['plc', 'jsc'],
  ['ag', 'jsc'],
  ['ип', 'sole'],
  ['пбоюл', 'sole'],
  ['чп', 'sole'],
  ['нко', 'nonprofit'],
  ['ано', 'nonprofit'],
  ['нп', 'nonprofit'],
  ['гуп', 'state'],
  ['муп', 'state'],
  ['фгуп', 'state'],
  ['гбу', 'state'],
  ['мбу', 'state'],
  ['фгбу', 'state'],
  ['кфх', 'farm'],
];

/** Legal forms by their first word, longest phrase first, for a single left-to-right scan. */
const FORMS_BY_FIRST_WORD: ReadonlyMap<string, Array<{ words: string[]; family: LegalFamily }>> = (() => {
  const map = new Map<string, Array<{ words: string[]; family: LegalFamily }>>();
  for (const [phrase, family] of LEGAL_FORMS) {
    const words = phrase.split(' ');
    const list = map.get(words[0]) ?? [];
    list.push({ words, family });
    list.sort((a, b) => b.words.length - a.words.length);
    map.set(words[0], list);
  }
  return map;
})();

/** Patronymic endings (`Иванович`, `Петровна`, `Ильич`, `Кузьминична`) in skeleton spelling. */
const PATRONYMIC = /(?:vich|vna|ichna|ich)$/;

/**
 * A name word with what comparing it needs, worked out once per distinct word: matching compares the
 * words of millions of candidate pairs, and most of the time that settles the pair cheaply.
 */
export interface NameWord {
  /** Tells this word apart from every other made by `nameWord`: a key for remembering word pairs (similarity.ts). */
  id: number;
  /** The skeleton. */
  text: string;
  /**
   * One bit per letter present (by char code mod 32). Two words k typos apart differ in at most 2k of
   * these bits, so a glance at the bits rules out most unrelated words before any edit distance.
   */
  letters: number;
  /** Long enough and without digits for a typo to be forgiven (see `tokenSimilarity`). */
  fuzzy: boolean;
  patronymic: boolean;
  /**
   * The word as written (lower case) where the skeleton spells it otherwise. A slip can meet a folding
   * and put two skeletons two letters apart (`graam` → `gram` against `graham`, `mcihael` → `mkihael`
   * against `michael`), so such words are compared as written too. Null where they agree, and for
   * Cyrillic words: their skeleton spells them out letter by letter with few folds, and comparing every
   * Russian name twice would cost a fifth of the matching time.
   */
  written: NameWord | null;
}

const LATIN_WORD = /^[a-z0-9]+$/;

/** Distinct words repeat a lot in a client base, so their `NameWord`s are shared. */
const WORD_CACHE_LIMIT = 100000;
const wordCache = new Map<string, NameWord>();
let wordsMade = 0;

/**
 * The letters of a text as bits (by char code mod 32): a typo adds or removes at most two, so texts whose
 * sets differ in more bits than twice a number of typos are further apart than that, told at a glance.
 */
export function letterSet(text: string): number {
  let letters = 0;
  for (let i = 0; i < text.length; i++) letters |= 1 << (text.charCodeAt(i) & 31);
  return letters;
}

/** The word of a skeleton `text`, written as `written` (see `NameWord.written`). */
export function nameWord(text: string, written = text): NameWord {
  const key = written === text ? text : `${text} ${written}`;
  const known = wordCache.get(key);
  if (known) return known;
  const word: NameWord = {
    id: wordsMade++,
    text,
    letters: letterSet(text),
    fuzzy: text.length >= 4 && !/\d/.test(text),
    patronymic: isPatronymic(text),
    written: written === text || !LATIN_WORD.test(written) ? null : nameWord(written),
  };
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(key, word);
  return word;
}

export interface ParsedName {
  /** Legal-form family, null when the name carries none. */
  legalFamily: LegalFamily | null;
  /** Skeletons of the words (numbers included, initials and legal forms not), in the order written. */
  tokens: string[];
  /** The tokens as `NameWord`s, in the same order. */
  words: NameWord[];
  /** Skeleton first letters of one-letter words (`Иванов И.И.` → ['i', 'i']). */
  initials: string[];
  /**
   * Per token, the initial it is written with: the skeleton of its first letter as typed. It differs from
   * the token's own first letter where the skeleton folds a first syllable (`John` → `ehn`, but `J.` → `i`).
   */
  tokenInitials: string[];
  /** The tokens, sorted and joined: equal for `Иванов Иван` and `Иван Иванов`. */
  key: string;
}

/**
 * A legal form typed flush against the name, `ОООРомашка`, `ИПИванов` or `ООО'Ромашка'`: upper-case letters
 * of a form followed by a capitalised word or an apostrophe used as a quote. Only the capitalisation tells them apart, so this runs before
 * `wordsOf` lowers the case.
 */
const GLUED_FORM = /(^|[^\p{L}])(ООО|ОАО|ЗАО|ПАО|НАО|АО|ИП|OOO)(?=\p{Lu}\p{Ll}|['’ʼ`])/gu;

/** The name with a legal form typed flush against it set apart by a space. */
export function splitGluedForm(name: string): string {
  return name.replace(GLUED_FORM, '$1$2 ');
}

/**
 * An apostrophe inside a word: the soft sign of a transliteration (`Grigor'ev`, `Natal'ya`) or an elision
 * (`O'Brien`), part of the word rather than a break in it. A legal form glued to a quoted name
 * (`ООО'Ромашка'`) is set apart by `splitGluedForm` first.
 */
const INNER_APOSTROPHE = /(?<=\p{L})['’ʼ`](?=\p{L})/gu;

/**
 * Words of a name: lower case, ё→е, apostrophes inside words dropped, every other run of non-letters/digits
 * a separator (quotes, dots, hyphens).
 */
export function wordsOf(name: string): string[] {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(INNER_APOSTROPHE, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * An initial transliterated with two or four letters (`Yu.`, `Zh.`, `Shch.`): it stands for one Cyrillic
 * letter, and is read as that letter's initial. Only with its dot: `Yu` alone is a name of its own.
 */
const DIGRAPH_INITIAL = /(?<!\p{L})(shch|yu|iu|ya|ia|ye|yo|zh|kh|ts|ch|sh)\./giu;
const DIGRAPH_LETTER: Readonly<Record<string, string>> = { shch: 'щ', yu: 'ю', iu: 'ю', ya: 'я', ia: 'я', ye: 'е', yo: 'ё', zh: 'ж', kh: 'х', ts: 'ц', ch: 'ч', sh: 'ш' };

/** The name with each two-letter initial (`Yu.`) written as its Cyrillic letter (`ю.`). */
function singleLetterInitials(name: string): string {
  // Most names have no dot at all, and this runs for every distinct name of the base.
  if (!name.includes('.')) return name;
  return name.replace(DIGRAPH_INITIAL, (_, digraph: string) => `${DIGRAPH_LETTER[digraph.toLowerCase()]}.`);
}

/** True when a skeleton looks like a Russian patronymic (the word most often left out or shortened). */
export function isPatronymic(token: string): boolean {
  return token.length >= 5 && PATRONYMIC.test(token);
}

/** A name parsed for matching (see the module comment). A `ParsedName` is never changed once made, so it may be shared. */
export function parseName(name: string): ParsedName {
  const words = wordsOf(splitGluedForm(singleLetterInitials(name)));
  let legalFamily: LegalFamily | null = null;
  const tokens: string[] = [];
  const nameWords: NameWord[] = [];
  const initials: string[] = [];
  const tokenInitials: string[] = [];
  for (let i = 0; i < words.length; ) {
    const form = FORMS_BY_FIRST_WORD.get(words[i])?.find((f) => f.words.every((w, k) => words[i + k] === w));
    if (form) {
      legalFamily ??= form.family;
      i += form.words.length;
      continue;
    }
    const word = skeleton(words[i]);
    // A one-letter word is an initial (Ю. → 'iu' → 'i'); a number is always a word (Ромашка 1 ≠ Ромашка 2).
    if (words[i].length === 1 && /\p{L}/u.test(words[i])) initials.push(word.charAt(0));
    else if (word) {
      tokens.push(word);
      nameWords.push(nameWord(word, words[i]));
      tokenInitials.push(skeleton(words[i].charAt(0)).charAt(0) || word.charAt(0));
    }
    i++;
  }
  return { legalFamily, tokens, words: nameWords, initials, tokenInitials, key: [...tokens].sort().join(' ') };
}
