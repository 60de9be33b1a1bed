/**
 * Blocking: the keys that make two clients candidates for comparison, so matching never compares all
 * pairs. Two clients are compared only when they share a key:
 * - a phone, an e-mail or an ИНН (exact keys, `t:` `e:` `i:`);
 * - the whole set of name words, in any order and alphabet (`n:`);
 * - the first four letters of two of the name words (`p:`: word order, a missing patronymic, a typo
 *   past the fourth letter; a typo in the first letters of a two-word name is left to the exact keys);
 * - a one-word name's first or last five letters (`a:` `z:`);
 * - initials: a name with initials (`Иванов И.И.`) probes (`j:`) a whole word and an initial; every name
 *   offers (`J:`) each whole word with the first letter of each other word. Offers are only compared
 *   with probes, never among themselves: they would make blocks of every Ivanov with an I-name.
 */
import type { MatchRecord } from './prepare';

/** Name words used for keys: long company names are recognised by their first words. */
const KEY_WORDS = 4;

/** Key kinds whose members are compared only with the probes of the same key (see the module comment). */
export const OFFER_PREFIX = 'J:';
export const PROBE_PREFIX = 'j:';

export function exactKeys(record: MatchRecord): string[] {
  const keys: string[] = [];
  for (const phone of record.phones) keys.push(`t:${phone}`);
  for (const email of record.emails) keys.push(`e:${email}`);
  if (record.inn) keys.push(`i:${record.inn}`);
  return keys;
}

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
      keys.add(`${OFFER_PREFIX}${words[i]}|${words[j].charAt(0)}`);
    }
    for (const initial of initials) keys.add(`${PROBE_PREFIX}${words[i]}|${initial}`);
  }
  return [...keys];
}
