/**
 * A labelled list with heavy corruption, shaped like the heavy profiles of the public record-linkage
 * generators (GeCo, FEBRL): people with a name, a phone and a city only, and every duplicate carrying
 * two to five slips, at most two in one field, spread over the three fields. The slips are the ones
 * those generators make: keyboard typos (a neighbouring key), OCR confusions (letters that look alike),
 * phonetic misspellings (Russian: unstressed о/а, е/и, тс/ц, doubled letters; Latin: ph/f, c/k, y/i,
 * w/v, doubled letters), a letter dropped, added or two swapped, words swapped or left out, a value left
 * out, a mistyped or two transposed digits, the country code left out. Most people have Russian names
 * written in Cyrillic; some have English names, as in the public lists. Originals are clean.
 */
import { emptyClient, seededRandom, type LabelledClient } from './labelled-client';
import { CITIES, CITY_WEIGHTS, FEMALE, MALE, SURNAMES } from './labelled-names';
import { LATIN_GIVEN, LATIN_SURNAMES, LATIN_SUBURB_HEADS, LATIN_SUBURB_TAILS } from './labelled-latin';

/** The fields slips fall on. */
export type HeavyField = 'name' | 'phone' | 'city';
export const HEAVY_FIELDS: readonly HeavyField[] = ['name', 'phone', 'city'];
export type SlipCounts = Record<HeavyField, number>;

/** Slips per duplicate and per field (the profile of the issue and of the public heavy lists). */
export const MIN_SLIPS = 2;
export const MAX_SLIPS = 5;
export const MAX_FIELD_SLIPS = 2;

export interface HeavyClient extends LabelledClient {
  /** The slips this row carries in each field; all zero for an original. */
  slips: SlipCounts;
}

export interface HeavyListOptions {
  size: number;
  seed?: number;
  /** Share of people entered more than once (default 0.3, as in the public lists). */
  duplicateShare?: number;
  /** Share of people with English names (default 0.3). */
  latinShare?: number;
}

/** Rows of the keyboards, for keyboard typos: a key is mistyped as its neighbour in the row. */
const KEY_ROWS = ['йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
/** Keys of a phone keypad next to each digit. */
const KEYPAD: Record<string, string> = { 0: '8', 1: '24', 2: '135', 3: '26', 4: '157', 5: '2468', 6: '359', 7: '48', 8: '5790', 9: '68' };
/** Letters a scanner or a tired eye takes for one another. */
const OCR: Array<[string, string]> = [
  ['rn', 'm'], ['cl', 'd'], ['l', 'i'], ['o', 'c'], ['e', 'c'], ['u', 'v'], ['h', 'b'], ['n', 'h'],
  ['ш', 'щ'], ['и', 'н'], ['п', 'н'], ['ь', 'ъ'], ['о', 'с'], ['з', 'э'], ['л', 'п'], ['ц', 'щ'], ['в', 'б'],
];
/** Phonetic misspellings: spelled as heard. */
const PHONETIC: Array<[string, string]> = [
  ['о', 'а'], ['а', 'о'], ['е', 'и'], ['и', 'е'], ['тс', 'ц'], ['ться', 'ца'], ['в', 'ф'], ['г', 'к'], ['д', 'т'], ['з', 'с'],
  ['ph', 'f'], ['f', 'ph'], ['c', 'k'], ['k', 'c'], ['y', 'i'], ['i', 'y'], ['ee', 'i'], ['w', 'v'], ['s', 'z'], ['ou', 'u'],
];

interface Person {
  words: string[];
  latin: boolean;
  /** Ten national digits of a Russian mobile. */
  phone: string;
  /** How the phone is written: with the country code or the trunk 8, or none (a slip). */
  prefix: '+7 ' | '8 ' | '';
  phoneLost: boolean;
  city: string;
}

/** A heavy-corruption labelled list of `size` rows in random order, and the slips of each row. */
export function generateHeavyClients(options: HeavyListOptions): HeavyClient[] {
  const random = seededRandom(options.seed ?? 1);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]) => list[int(list.length)];
  const chance = (p: number) => random() < p;
  const weighted = (weights: readonly number[]) => {
    let r = random() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < weights.length; i++) if ((r -= weights[i]) < 0) return i;
    return weights.length - 1;
  };
  const digits = (n: number) => Array.from({ length: n }, () => String(int(10))).join('');

  const replaceAt = (text: string, at: number, length: number, by: string) => text.slice(0, at) + by + text.slice(at + length);
  /** One occurrence of a pattern of `pairs` (either way round when `both`) replaced, if the text has any. */
  const substitute = (text: string, pairs: ReadonlyArray<[string, string]>, both: boolean) => {
    const options: Array<[number, number, string]> = [];
    for (const [from, to] of pairs) {
      for (const [a, b] of both ? [[from, to], [to, from]] : [[from, to]]) {
        for (let at = text.indexOf(a, 1); at !== -1; at = text.indexOf(a, at + 1)) options.push([at, a.length, b]);
      }
    }
    if (options.length === 0) return text;
    const [at, length, by] = pick(options);
    return replaceAt(text, at, length, by);
  };
  const keyboard = (word: string) => {
    const at = int(word.length);
    const row = KEY_ROWS.find((keys) => keys.includes(word[at]));
    if (!row) return word;
    const k = row.indexOf(word[at]);
    const neighbours = [row[k - 1], row[k + 1]].filter(Boolean);
    return replaceAt(word, at, 1, pick(neighbours));
  };
  const letterSlips: Array<(word: string) => string> = [
    keyboard,
    (word) => substitute(word, OCR, true),
    (word) => substitute(word, PHONETIC, false),
    (word) => {
      const at = int(word.length - 1);
      return replaceAt(word, at, 2, word[at + 1] + word[at]);
    },
    (word) => replaceAt(word, 1 + int(word.length - 1), 1, ''),
    (word) => {
      const at = int(word.length);
      return replaceAt(word, at, 0, word[at]);
    },
  ];
  /** A slip in a word of text (a word of three letters or more), or the text unchanged. */
  const slipInWord = (text: string) => {
    const words = text.split(' ');
    const long = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 3);
    if (long.length === 0) return text;
    const [word, i] = pick(long);
    const lower = word.toLowerCase();
    const slipped = pick(letterSlips)(lower);
    words[i] = word === lower ? slipped : slipped.charAt(0).toUpperCase() + slipped.slice(1);
    return words.join(' ');
  };

  const nameSlips: Array<(p: Person) => void> = [
    (p) => (p.words = slipInWord(p.words.join(' ')).split(' ')),
    (p) => (p.words = slipInWord(p.words.join(' ')).split(' ')),
    (p) => (p.words = slipInWord(p.words.join(' ')).split(' ')),
    (p) => {
      if (p.words.length < 2) return;
      const at = int(p.words.length - 1);
      p.words = [...p.words.slice(0, at), p.words[at + 1], p.words[at], ...p.words.slice(at + 2)];
    },
    // A word left out, never the whole name.
    (p) => {
      if (p.words.length >= 2) p.words = p.words.filter((_, i, all) => i !== Math.min(all.length - 1, 1 + int(all.length - 1)));
    },
  ];
  const phoneSlips: Array<(p: Person) => void> = [
    // A digit mistyped (a neighbouring key) or two neighbours transposed, past the leading 9 of the mobile.
    (p) => {
      const at = 1 + int(9);
      p.phone = replaceAt(p.phone, at, 1, pick([...KEYPAD[p.phone[at]]]));
    },
    (p) => {
      const at = 1 + int(8);
      p.phone = replaceAt(p.phone, at, 2, p.phone[at + 1] + p.phone[at]);
    },
    (p) => (p.prefix = ''),
    (p) => (p.phoneLost = true),
  ];
  const citySlips: Array<(p: Person) => void> = [
    (p) => (p.city = slipInWord(p.city)),
    (p) => (p.city = slipInWord(p.city)),
    (p) => (p.city = ''),
  ];
  const slipsOf: Record<HeavyField, Array<(p: Person) => void>> = { name: nameSlips, phone: phoneSlips, city: citySlips };

  const phoneText = (p: Person) => {
    if (p.phoneLost) return '';
    const n = p.phone;
    return `${p.prefix}${n.slice(0, 3)} ${n.slice(3, 6)}-${n.slice(6, 8)}-${n.slice(8)}`;
  };
  const written = (p: Person) => ({ name: p.words.join(' '), phone: phoneText(p), city: p.city });
  /** Whether a field can take another slip: it is still there, and a lost phone or city is lost once. */
  const open = (p: Person, field: HeavyField) => (field === 'name' ? true : field === 'phone' ? !p.phoneLost : p.city !== '');

  /** A copy of `original` with 2–5 slips, at most two per field; each slip changes what is written. */
  const corrupt = (original: Person): { person: Person; slips: SlipCounts } => {
    const person: Person = { ...original, words: [...original.words] };
    const slips: SlipCounts = { name: 0, phone: 0, city: 0 };
    let wanted = MIN_SLIPS + int(MAX_SLIPS - MIN_SLIPS + 1);
    // One field at most is left out, so five slips always find room (2 + 2 + 1).
    let lostOne = false;
    for (let attempt = 0; wanted > 0 && attempt < 200; attempt++) {
      const field = pick(HEAVY_FIELDS.filter((f) => slips[f] < MAX_FIELD_SLIPS && open(person, f)));
      if (field === undefined) break;
      const before = { ...person, words: [...person.words] };
      const text = written(person)[field];
      pick(slipsOf[field])(person);
      const lost = (field === 'phone' && person.phoneLost) || (field === 'city' && person.city === '');
      // A slip must show, and a second one must not undo the first (two swaps of the same words).
      const now = written(person)[field];
      if (now === text || now === written(original)[field] || (lost && (lostOne || slips[field] > 0))) {
        Object.assign(person, before);
        continue;
      }
      if (lost) lostOne = true;
      slips[field]++;
      wanted--;
    }
    return { person, slips };
  };

  const rows: Array<{ entity: number; person: Person; slips: SlipCounts }> = [];
  const duplicateShare = options.duplicateShare ?? 0.3;
  const latinShare = options.latinShare ?? 0.3;
  for (let entity = 0; rows.length < options.size; entity++) {
    const latin = chance(latinShare);
    let words: string[];
    let city: string;
    if (latin) {
      words = [pick(LATIN_GIVEN), pick(LATIN_SURNAMES)].map((w) => w.charAt(0).toUpperCase() + w.slice(1));
      city = `${pick(LATIN_SUBURB_HEADS)} ${pick(LATIN_SUBURB_TAILS)}`;
    } else {
      const female = chance(0.5);
      const father = pick(MALE);
      const surname = pick(SURNAMES);
      words = [
        female && /(?:ов|ев|ёв|ин|ын)$/.test(surname) ? `${surname}а` : surname,
        female ? pick(FEMALE) : pick(MALE)[0],
        ...(chance(0.5) ? [female ? father[2] : father[1]] : []),
      ];
      city = CITIES[weighted(CITY_WEIGHTS)][0];
    }
    const original: Person = { words, latin, phone: `9${digits(9)}`, prefix: chance(0.5) ? '+7 ' : '8 ', phoneLost: false, city };
    rows.push({ entity, person: original, slips: { name: 0, phone: 0, city: 0 } });
    if (!chance(duplicateShare)) continue;
    const copies = chance(0.3) ? 2 : 1;
    for (let c = 0; c < copies; c++) rows.push({ entity, ...corrupt(original) });
  }
  rows.length = options.size;
  for (let i = rows.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows.map(({ entity, person, slips }, i) => ({
    ...emptyClient(i + 2, entity),
    id: `H-${String(i + 1).padStart(6, '0')}`,
    ...written(person),
    type: 'Физлицо',
    slips,
  }));
}
