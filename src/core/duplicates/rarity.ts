/**
 * How rare a name (and a city) is in the base, in bits, from the base's own word frequencies. A name
 * alone says little when the base holds many namesakes (Иванов Иван in Moscow) and a lot when it is
 * rare (Ромашка-Трейд), so weak evidence (a name plus a city, or a name alone) is weighed by rarity.
 */
import type { MatchRecord } from './prepare';
import { bitCount, editDistance, rememberedComparison, type WordComparison } from './similarity';
import { letterSet } from './names';

/** An initial narrows a name about as much as a first letter does: one in ~12. */
const INITIAL_BITS = 3.5;

export interface Rarity {
  /**
   * Σ log2(clients / clients with the word) over the name's words and initials, minus log2(clients):
   * −log2 of the number of namesakes a base this size is expected to hold (7 bits: one in 128).
   */
  name(record: MatchRecord): number;
  /** log2(clients / clients in the city): the bits "the same city" adds; 0 for no city. */
  city(city: string): number;
  /** A phone, e-mail or ИНН held by so many clients that it identifies nobody (the firm's own number, info@…). */
  isPlaceholder(contact: string): boolean;
  /**
   * True when two name words a typo apart are both common in the base (`Марина` and `Мария`, `Алена`
   * and `Алина`): two names, not one name and its misspelling. A typo makes a spelling that few clients
   * share, far fewer than the name it was typed for.
   */
  twoNames(a: string, b: string): boolean;
  /** How name words compare in this base (`twoNames` kept apart), each pair that needs an edit distance remembered. */
  words: WordComparison;
  /**
   * The city a rare spelling stands for: the one common city of the base a few slips from it (`Мосфа`,
   * `Моссвка` → `москва`); the city itself when it is common, or no common city or more than one is that close.
   */
  cityAsMeant(city: string): string;
}

/**
 * A spelling held by fewer clients than this is never taken for a name of its own (and a rare one close
 * to one held by this many is looked up as that word too, see spelling.ts).
 */
export const COMMON_WORD_COUNT = 5;
/** The rarer of two spellings is a name of its own when it has at least this share of the commoner's clients. */
const NAME_SHARE = 1 / 20;

/** A misspelt city is at most one slip per this many letters from the city meant. */
const LETTERS_PER_CITY_SLIP = 3;

/**
 * The most spellings × common cities compared for `cityCorrections`. A base's city column names a few
 * hundred places; one that holds addresses (a spelling per client) would cost seconds, and is left as typed.
 */
const CITY_CORRECTION_BUDGET = 2_000_000;

/**
 * City spellings and the common city each stands for: the only nearest common city that at least twenty
 * times as many clients name (NAME_SHARE), within one slip per three letters of it. A spelling as close to
 * two such cities says nothing about which was meant.
 */
function cityCorrections(cities: ReadonlyMap<string, number>): Map<string, string> {
  const common = [...cities].filter(([, count]) => count >= COMMON_WORD_COUNT).map(([city, count]) => ({ city, count, letters: letterSet(city) }));
  const corrections = new Map<string, string>();
  if (cities.size * common.length > CITY_CORRECTION_BUDGET) return corrections;
  for (const [city, count] of cities) {
    const letters = letterSet(city);
    let best = Infinity;
    let nearest: string | null = null;
    let tied = false;
    for (const { city: candidate, count: candidateCount, letters: candidateLetters } of common) {
      if (count > NAME_SHARE * candidateCount) continue;
      const limit = Math.min(best, Math.max(1, Math.floor(Math.max(city.length, candidate.length) / LETTERS_PER_CITY_SLIP)));
      if (Math.abs(city.length - candidate.length) > limit || bitCount(letters ^ candidateLetters) > 2 * limit) continue;
      const distance = editDistance(city, candidate, limit);
      if (distance > limit) continue;
      // A later city as near as the nearest so far makes two; a nearer one wins.
      tied = nearest !== null && distance === best;
      if (!tied) nearest = candidate;
      best = distance;
    }
    if (nearest !== null && !tied) corrections.set(city, nearest);
  }
  return corrections;
}

/** A contact shared by more clients than this is a placeholder. */
export const PLACEHOLDER_COUNT = 30;

/** How many of the lists hold each value (a value twice in one list counts once). */
export function countLists(map: Map<string, number>, list: readonly string[]): void {
  for (let k = 0; k < list.length; k++) {
    const value = list[k];
    if (list.indexOf(value) === k) map.set(value, (map.get(value) ?? 0) + 1);
  }
}

export function measureRarity(records: readonly MatchRecord[]): Rarity {
  const words = new Map<string, number>();
  const cities = new Map<string, number>();
  const contacts = new Map<string, number>();
  for (const record of records) {
    countLists(words, record.name.tokens);
    if (record.city) cities.set(record.city, (cities.get(record.city) ?? 0) + 1);
    // Phones, e-mails and an ИНН never look alike, so each list counts on its own.
    countLists(contacts, record.phones);
    countLists(contacts, record.emails);
    if (record.inn) contacts.set(record.inn, (contacts.get(record.inn) ?? 0) + 1);
  }
  // A base too small to tell common from rare words counts as a base of a thousand clients.
  const total = Math.max(records.length, 1000);
  const size = Math.log2(total);
  const twoNames = (a: string, b: string) => {
    const [x, y] = [words.get(a) ?? 0, words.get(b) ?? 0];
    return Math.min(x, y) >= COMMON_WORD_COUNT && Math.min(x, y) >= NAME_SHARE * Math.max(x, y);
  };
  let corrections: Map<string, string> | null = null;
  return {
    name: (record) =>
      record.name.tokens.reduce((bits, token) => bits + Math.log2(total / (words.get(token) ?? 1)), 0) +
      record.name.initials.length * INITIAL_BITS -
      size,
    city: (city) => (city ? Math.log2(total / (cities.get(city) ?? 1)) : 0),
    isPlaceholder: (contact) => (contacts.get(contact) ?? 0) > PLACEHOLDER_COUNT,
    twoNames,
    words: rememberedComparison(twoNames),
    cityAsMeant: (city) => (corrections ??= cityCorrections(cities)).get(city) ?? city,
  };
}
