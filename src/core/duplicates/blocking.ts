/**
 * Blocking: the keys that make two clients candidates for comparison, so matching never compares all
 * pairs. Two clients are compared only when they share a key:
 * - a phone, an e-mail or an ИНН (exact keys, `t:` `e:` `i:`);
 * - the whole set of name words, in any order and alphabet (`n:`);
 * - the first four letters of two of the name words (`p:`: word order, a missing patronymic, a typo
 *   past the fourth letter);
 * - in a two-word name, a whole word with the first four letters of a short other word, one letter left
 *   out (`q:`): a slip early in a short word (`Panl Cooper`, `Шпаковский Оелг`), which the spelling fixes
 *   leave alone (a slip early in a longer word is theirs, see spelling.ts);
 * - a one-word name's first or last five letters (`a:` `z:`);
 * - initials: a name with initials (`Иванов И.И.`) probes (`j:`) a whole word and its initial, or each two
 *   of its initials; every name offers (`J:`) each whole word with the first letter of each other word and
 *   of each two other words. Offers are only compared with probes, never among themselves: they would make
 *   blocks of every Ivanov with an I-name;
 * - contacts one typo apart (`d:` `m:`, see `contactTypoKeys`), so a retyped phone or e-mail meets its
 *   original even inside a block too big to compare whole (a common brand, a common name);
 * - the day of birth (`b:`), also with day and month swapped: a name with a slip in every word still
 *   meets its original, when both records carry the birthday. A base has a few clients a day, so these
 *   blocks are small;
 * - phonetic codes of name words, a phone's digits sorted (`w:` `o:`, see `heavySlipKeys`), for records
 *   with a slip in every field; over-common ones are dropped.
 */
import type { MatchRecord } from './prepare';
import type { ParsedName } from './names';
import { calendarDay } from '../normalise/date';
import { soundCode } from './skeleton';

/** Name words used for keys: long company names are recognised by their first words. */
export const KEY_WORDS = 4;

/**
 * Words up to this long get the `q:` keys, in two-word names. Longer ones would make blocking a fifth
 * slower on a big base for little: their early slips are mostly the spelling fixes'. A name of three
 * words or more has another pair of words for its `p:` key (surname and patronymic).
 */
const SHORT_WORD = 5;

/** Key kinds whose members are compared only with the probes of the same key (see the module comment). */
export const OFFER_PREFIX = 'J:';
export const PROBE_PREFIX = 'j:';

/** Key kinds (first letters) of contacts one typo apart: their blocks are compared whole even between equal names. */
export const CONTACT_TYPO_KINDS = 'dm';

/** Logins that many unrelated firms use (a typo between two of them means nothing). */
export const GENERIC_LOGINS: ReadonlySet<string> = new Set(['info', 'mail', 'office', 'sales', 'admin', 'contact', 'hello', 'order', 'zakaz', 'support', 'post', 'manager', 'buh', 'secretary']);

export function exactKeys(record: MatchRecord): string[] {
  const keys: string[] = [];
  for (const phone of record.phones) keys.push(`t:${phone}`);
  for (const email of record.emails) keys.push(`e:${email}`);
  if (record.inn) keys.push(`i:${record.inn}`);
  return keys;
}

/** The day of birth, and the day with day and month swapped (03.05 typed for 05.03) when that is a date too. */
export function birthdayKeys(record: MatchRecord): string[] {
  if (record.birthday === null) return [];
  const keys = [`b:${record.birthday}`];
  const digits = record.birthdayDigits;
  const [year, month, day] = [Math.floor(digits / 10000), Math.floor(digits / 100) % 100, digits % 100];
  const swapped = day !== month && day <= 12 ? calendarDay(year, day, month) : null;
  if (swapped !== null) keys.push(`b:${swapped}`);
  return keys;
}

/**
 * Keys for records with a slip in every field (heavy corruption), whose other keys all fail. Their
 * blocks are only compared when small (`COMMON_KEY_CAP`): an over-common key (a common pair of names)
 * is dropped rather than windowed, as its pairs are mostly reached by the other keys already.
 * - two name words by their phonetic codes (`w:`, skeleton.ts), in any order: a misspelling as heard,
 *   in either alphabet, in any word, with a third word left out or swapped;
 * - a phone by its first three digits and the rest sorted (`o:`): any digits transposed after the code.
 * A half of a phone with a name's first sound (two mistyped digits in the other half) was tried and left
 * out: on 100,000 clients it added 130,000 compared pairs and a tenth of the time for 0.4 % of the true
 * pairs of the heavy list, pairs the verdict does not accept today anyway.
 */
export function heavySlipKeys(record: MatchRecord): string[] {
  const keys = new Set<string>();
  const codes = record.name.tokens.slice(0, KEY_WORDS).map(soundCode).filter((code) => code.length >= 2);
  for (let i = 0; i < codes.length; i++) {
    for (let j = i + 1; j < codes.length; j++) keys.add(codes[i] <= codes[j] ? `w:${codes[i]}|${codes[j]}` : `w:${codes[j]}|${codes[i]}`);
  }
  for (const digits of record.phoneDigits) {
    if (digits.length >= 7) keys.add(`o:${digits.slice(0, 3)}|${sortedDigits(digits, 3)}`);
  }
  return [...keys];
}

/** The digits of `digits` from `from` on, in ascending order (counted: this runs for every phone of a base). */
function sortedDigits(digits: string, from: number): string {
  const counts = new Int32Array(10);
  for (let k = from; k < digits.length; k++) counts[digits.charCodeAt(k) - 48]++;
  let sorted = '';
  for (let digit = 0; digit < 10; digit++) if (counts[digit] > 0) sorted += String(digit).repeat(counts[digit]);
  return sorted;
}

/** Key kinds (first letters) of `heavySlipKeys`, and the size above which their blocks are dropped. */
export const HEAVY_SLIP_KINDS = 'wo';
export const COMMON_KEY_CAP = 50;

/** Width of the run of digits a phone typo key leaves out; runs overlap by one digit. */
const PHONE_MASK = 3;

/**
 * Keys shared by two contacts one typo apart. A phone gives its digits with one run of three left out,
 * for runs starting at every second digit (`d:`): one wrong digit, or two neighbours swapped, lies inside
 * one of the runs, and the rest of the number (seven digits of ten) still names almost nobody else.
 * Runs of four starting at every third digit kept six digits of ten, which a 100,000-client sample book
 * shares by chance: 475,000 compared pairs, none of them duplicates the other keys missed; with seven,
 * 67,000. The heavy list of `npm run bench:duplicates` loses 13 of its 6,877 true pairs by it: a wrong
 * digit beside a swap, which a run of four held. A run starting at every digit holds those too (10 more
 * than runs of four), but makes eight keys a phone, not five: blocking a 20,000-client base took a tenth
 * longer, more than its fewer pairs saved.
 * An e-mail gives its login (`m:`), which a typo in the domain (gmial.com) leaves whole.
 */
export function contactTypoKeys(record: MatchRecord): string[] {
  const keys: string[] = [];
  for (const digits of record.phoneDigits) {
    for (let start = 0; start < digits.length - 1; start += PHONE_MASK - 1) {
      keys.push(`d:${digits.slice(0, start)}-${digits.slice(start + PHONE_MASK)}|${digits.length}`);
    }
  }
  for (const email of record.emails) {
    const login = email.slice(0, email.indexOf('@'));
    if (login.length >= 4 && !GENERIC_LOGINS.has(login)) keys.push(`m:${login}`);
  }
  return keys;
}

/** Keys of the name (`n:` `p:` `q:` `a:` `z:`, and the probes `j:` of a name with initials); offers are `offerKeys`. */
export function nameKeys(record: MatchRecord): string[] {
  const { tokens, initials, key } = record.name;
  if (tokens.length === 0) return [];
  const keys = new Set<string>([`n:${key}`]);
  const words = tokens.slice(0, KEY_WORDS);
  if (words.length === 1 && initials.length === 0) {
    const word = words[0];
    if (word.length >= 5) keys.add(`a:${word.slice(0, 5)}`);
    if (word.length >= 7) keys.add(`z:${word.slice(-5)}`);
    return [...keys];
  }
  for (let i = 0; i < words.length; i++) {
    for (let j = 0; j < words.length; j++) {
      if (i === j) continue;
      const [x, y] = [words[i].slice(0, 4), words[j].slice(0, 4)];
      if (x <= y) keys.add(`p:${x}|${y}`);
      if (words.length === 2 && words[j].length <= SHORT_WORD) for (let k = 0; k < y.length; k++) keys.add(`q:${words[i]}|${y.slice(0, k)}${y.slice(k + 1)}`);
    }
    for (const letters of probeLetters(initials)) keys.add(`${PROBE_PREFIX}${words[i]}|${letters}`);
  }
  return [...keys];
}

/**
 * What a name's probes hold besides a whole word: its one initial, or each two of its initials as one
 * key, in alphabetical order (`Голубева А.Б.` probes `golubeva|ab`). A probe of one letter meets every
 * namesake with a word of that letter: on a 100,000-client sample book, whose tenth of the names have
 * initials, 830,000 compared pairs, none of them duplicates. A name of two words also offers its other
 * word's letter marked as its only word, which a probe of two initials asks for (`Голубева Анна`).
 */
function probeLetters(initials: readonly string[]): string[] {
  if (initials.length < 2) return [...initials];
  const letters = initials.map((initial) => initial + ONLY_WORD);
  for (let a = 0; a < initials.length; a++) for (let b = a + 1; b < initials.length; b++) letters.push(letterPair(initials[a], initials[b]));
  return letters;
}

/** Marks an offer of a two-word name, whose other word is all there is to stand for initials. */
const ONLY_WORD = '=';

function letterPair(x: string, y: string): string {
  return x <= y ? x + y : y + x;
}

/**
 * The offers (`J:`) of a name: each whole word with the first letter of each other word, and with those
 * of each two other words (see `probeLetters`). Only a word some probe holds can meet a probe, so
 * `probedWords`, when given, limits the offers to those words (most bases have few names with initials,
 * and every name offers up to two dozen keys).
 */
export function offerKeys(record: MatchRecord, probedWords?: ReadonlySet<string>): string[] {
  const { tokens, tokenInitials } = record.name;
  const words = tokens.length > KEY_WORDS ? tokens.slice(0, KEY_WORDS) : tokens;
  if (words.length < 2) return [];
  const keys = new Set<string>();
  // `John` is offered under `j.` as well as under its skeleton's first letter.
  const lettersOf = words.map((word, j) => (tokenInitials[j] !== word.charAt(0) ? [word.charAt(0), tokenInitials[j]] : [word.charAt(0)]));
  for (let i = 0; i < words.length; i++) {
    if (probedWords && !probedWords.has(words[i])) continue;
    for (let j = 0; j < words.length; j++) {
      if (i === j) continue;
      for (const x of lettersOf[j]) {
        keys.add(`${OFFER_PREFIX}${words[i]}|${x}`);
        if (words.length === 2) keys.add(`${OFFER_PREFIX}${words[i]}|${x}${ONLY_WORD}`);
      }
      for (let k = j + 1; k < words.length; k++) {
        if (k === i) continue;
        for (const x of lettersOf[j]) for (const y of lettersOf[k]) keys.add(`${OFFER_PREFIX}${words[i]}|${letterPair(x, y)}`);
      }
    }
  }
  return [...keys];
}

/** The words of a name's probes (`j:`): its whole words when it has initials (see `offerKeys`). */
export function probedWords(record: MatchRecord): string[] {
  return record.name.initials.length > 0 ? record.name.tokens.slice(0, KEY_WORDS) : [];
}

/**
 * Every key of a record except the offers, those of its name with a misspelt word corrected too
 * (spelling.ts): what the full search and the new-client index both block by.
 */
export function eachKey(record: MatchRecord, corrected: readonly ParsedName[], visit: (key: string) => void): void {
  for (const key of exactKeys(record)) visit(key);
  for (const key of nameKeys(record)) visit(key);
  for (const name of corrected) for (const key of nameKeys({ ...record, name })) visit(key);
  for (const key of contactTypoKeys(record)) visit(key);
  for (const key of birthdayKeys(record)) visit(key);
  for (const key of heavySlipKeys(record)) visit(key);
}
