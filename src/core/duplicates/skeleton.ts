/**
 * A Latin "skeleton" of a word, the same for the ways Russian names are written in either alphabet:
 * `Ромашка` = `Romashka`, `Щукин` = `Shchukin` = `Schukin`, `Юлия` = `Yulia` = `Julia` = `Iuliia`,
 * `Семёнов` = `Semyonov` = `Semenov`, `Хабаров` = `Khabarov`, `Цветков` = `Tsvetkov`, `Алексей` =
 * `Alexey`. Cyrillic is first spelled out in Latin, then both sides go through the same folding of
 * the variant spellings (kh/h, ya/ia/ja, yu/iu/ju, zh/j, ts/tz/c, shch/sch/sh, x/ks, y/i, doubled letters).
 * A skeleton is only ever compared with another skeleton: it is a matching key, not a transliteration.
 */

import { memoised } from '../memoised';

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  // Ukrainian and Belarusian letters that turn up in Russian client lists.
  і: 'i', ї: 'i', є: 'e', ґ: 'g', ў: 'u',
};

/**
 * Folding of Latin variant spellings, applied in order. Upper-case letters are placeholders for sounds
 * spelled with several letters, so that a later rule cannot split them again (`sh` must not become `s`+`h`).
 */
const FOLDS: Array<[RegExp, string]> = [
  [/shch|sch|shh/g, 'S'],
  [/tch|ch|cz/g, 'C'],
  [/sh|sz/g, 'S'],
  [/zh/g, 'Z'],
  [/kh/g, 'h'],
  [/ts|tz/g, 'T'],
  [/x/g, 'ks'],
  [/ph/g, 'f'],
  [/ck|q/g, 'k'],
  [/w/g, 'v'],
  // ё/е: Semyonov = Semenov, Fyodor = Fedor; е at the start or after a vowel: Yelena = Elena, Andreyev = Andreev.
  [/[yj]o/g, 'e'],
  [/[yj]e/g, 'e'],
  [/[yj]a/g, 'ia'],
  [/[yj]u/g, 'iu'],
  [/[yj]/g, 'i'],
  // Latin c outside ch/cz/ts is mostly k (Coca = Кока); ц was folded to T above.
  [/c/g, 'k'],
  [/T/g, 'c'],
  [/S/g, 'sh'],
  [/C/g, 'ch'],
  [/Z/g, 'j'],
  // Doubled letters (Анна/Ana, Iuliia/Iulia, Дмитрий/Dmitry).
  [/([a-z])\1+/g, '$1'],
];

/** Cyrillic letters spelled out in Latin; everything else is kept. Expects lower case. */
function spellLatin(word: string): string {
  let out = '';
  for (const ch of word) out += CYRILLIC_TO_LATIN[ch] ?? ch;
  return out;
}

/** Words repeat a lot in a client base (a few thousand names and surnames), so skeletons and sound codes are remembered. */
const WORDS_REMEMBERED = 100000;

/** The skeleton of one word (letters and digits only; other characters are dropped). */
export const skeleton = memoised((word: string): string => {
  let text = spellLatin(word.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '')).replace(/[^a-z0-9]/g, '');
  for (const [pattern, replacement] of FOLDS) text = text.replace(pattern, replacement);
  return text;
}, WORDS_REMEMBERED);

const VOWEL = /[aeiou]/;
/** Letters that sound alike once unstressed or at a word's end, folded as a phonetic key reads them. */
const SOUND_CLASS: Record<string, string> = { b: 'p', v: 'f', g: 'k', d: 't', z: 's', h: '' };

/**
 * A phonetic code of a skeleton, for blocking: its first sound, then its consonants with voiced and
 * unvoiced ones folded together (б/п, в/ф, г/к, д/т, з/с) and repeats collapsed; vowels after the first
 * letter and a Latin `h` are dropped. So the misspellings spelled as heard fall together: unstressed
 * о/а and е/и (`Варонова` = `Воронова`), `Тимофиев` = `Тимофеев`, `Stephan` = `Stefan`,
 * `Brandan` = `Brandon`, and since skeletons are alike in both alphabets, `Семёнов` = `Semenov`.
 */
export const soundCode = memoised((skeletonWord: string): string => {
  if (!skeletonWord) return '';
  let code = VOWEL.test(skeletonWord[0]) ? 'a' : (SOUND_CLASS[skeletonWord[0]] ?? skeletonWord[0]) || skeletonWord[0];
  for (let k = 1; k < skeletonWord.length; k++) {
    const ch = skeletonWord[k];
    if (VOWEL.test(ch)) continue;
    const folded = SOUND_CLASS[ch] ?? ch;
    if (folded && folded !== code[code.length - 1]) code += folded;
  }
  return code;
}, WORDS_REMEMBERED);
