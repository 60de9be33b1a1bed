/**
 * Misspelt name words, for blocking. A typo early in a word (`Ромнов` for `Романов`, `Сминров И.А.` for
 * `Смирнов И.А.`) changes the first letters every name key is made of, so such a record would never meet
 * its original. But a misspelling is rare in the base while the word it was typed for is common: a rare
 * word one typo away from a common one is looked up as that word too, and the name gets the keys of its
 * corrected spelling besides its own. Only blocking reads the corrections; the verdict still compares
 * the names as written, and still needs something else to agree.
 */
import { nameWord, type ParsedName } from './names';
import { COMMON_WORD_COUNT, countLists } from './rarity';
import { oneTypoApart } from './similarity';

/** A spelling held by at most this many clients may be a misspelling. */
export const RARE_WORD_COUNT = 2;
/** Words shorter than this are not corrected: one letter turns a short name into another (Иван, Иона). */
const MIN_LENGTH = 5;
/** A rare word close to more common words than this says nothing about which one was meant. */
const MAX_FIXES = 2;

/** The word with one letter left out, each way (its deletion neighbourhood). */
function deletions(word: string): string[] {
  const forms: string[] = [];
  for (let k = 0; k < word.length; k++) forms.push(word.slice(0, k) + word.slice(k + 1));
  return forms;
}

/** The common words of a base, for looking up what a rare word may be a misspelling of. */
export class CommonWords {
  /** Common words by themselves and by each of their deletion forms. */
  private readonly byForm = new Map<string, string[]>();

  constructor(private readonly counts: ReadonlyMap<string, number>) {
    const index = (form: string, word: string) => {
      const list = this.byForm.get(form);
      if (list) list.push(word);
      else this.byForm.set(form, [word]);
    };
    for (const [word, count] of counts) {
      if (count < COMMON_WORD_COUNT || word.length < MIN_LENGTH - 1 || !nameWord(word).fuzzy) continue;
      index(word, word);
      for (const form of deletions(word)) index(form, word);
    }
  }

  static of(names: readonly ParsedName[]): CommonWords {
    const counts = new Map<string, number>();
    for (const name of names) countLists(counts, name.tokens);
    return new CommonWords(counts);
  }

  /** The common words each rare word of the base may be a misspelling of. */
  misspellings(): Map<string, string[]> {
    return this.fixesOfRare(this.counts.keys(), 0);
  }

  /**
   * The corrections of a name about to join the base (the panel's new client): its words rare in the
   * base, counting this name too, that are one typo from a common word.
   */
  fixesForNewName(name: ParsedName): Map<string, string[]> {
    return this.fixesOfRare(name.tokens, 1);
  }

  /** Fixes of those of `words` held by at most RARE_WORD_COUNT clients once `added` more hold them. */
  private fixesOfRare(words: Iterable<string>, added: number): Map<string, string[]> {
    const fixes = new Map<string, string[]>();
    for (const word of words) {
      if ((this.counts.get(word) ?? 0) + added > RARE_WORD_COUNT) continue;
      const found = this.fixesOf(word);
      if (found.length > 0) fixes.set(word, found);
    }
    return fixes;
  }

  /**
   * The common words a word may be a misspelling of: two words one typo apart (a letter wrong, missing,
   * extra, or two swapped) share a deletion form or one is a deletion of the other. None for a short
   * word, or when there are too many to tell which was meant.
   */
  fixesOf(word: string): string[] {
    if (this.byForm.size === 0 || word.length < MIN_LENGTH || !nameWord(word).fuzzy) return [];
    const found = new Set<string>();
    for (const form of [word, ...deletions(word)]) {
      for (const candidate of this.byForm.get(form) ?? []) if (oneTypoApart(word, candidate)) found.add(candidate);
    }
    return found.size <= MAX_FIXES ? [...found] : [];
  }
}

/** The common words each rare word of the names may be a misspelling of. */
export function findMisspellings(names: readonly ParsedName[]): Map<string, string[]> {
  return CommonWords.of(names).misspellings();
}

/** The name spelt with one misspelt word corrected, each way `fixes` knows; none when it has no such word. */
export function correctedNames(name: ParsedName, fixes: ReadonlyMap<string, readonly string[]>): ParsedName[] {
  const out: ParsedName[] = [];
  for (let k = 0; k < name.tokens.length; k++) {
    for (const fix of fixes.get(name.tokens[k]) ?? []) {
      const tokens = name.tokens.map((token, i) => (i === k ? fix : token));
      out.push({ ...name, tokens, words: tokens.map((token) => nameWord(token)), key: [...tokens].sort().join(' ') });
    }
  }
  return out;
}
