/**
 * Speed work on the matcher (precomputed words, banded edit distance, shared keys known from the
 * blocks, hashed key counting) must not change what it finds. The fingerprints below are of the groups
 * the matcher found on a generated list before that work; a deliberate change of the rules updates them.
 * Last updated for apostrophes inside words (`Grigor'ev`), exact matches outweighing conflicts of weak
 * evidence, misspelt words blocked as their common spelling (spelling.ts), two common names a typo apart
 * kept apart, and initials accepted with a phone one typo apart: more correct pairs at every
 * sensitivity, the same wrong ones. Then each group's `disagreement` (null throughout: the same groups).
 * Then the match weights (match-weights.ts): 6 more correct pairs at strict, 1 at normal, the same wrong ones.
 * Then a client known by name only joining the one client its name may stand for (only-namesake.ts): 40 more
 * correct pairs at normal, 34 at loose, the same wrong ones; strict does not do it. Then a record with no
 * contact that the rules match as strongly with two namesakes who must stay apart joining neither
 * (match.ts `tornClients`), a brand alone joining its company, and a name 0.85 alike as a candidate: the same
 * correct pairs, 1 wrong pair fewer at strict, 2 at normal and loose.
 */
import { findDuplicates } from '../match';
import { generateLabelledClients } from '../../../bench/labelled';
import { asReadByBase, scoreGroups } from '../../../bench/labelled-client';
import { editDistance } from '../similarity';
import { judgePair, SHARED_EMAIL, SHARED_INN, SHARED_PHONE } from '../evidence';
import { measureRarity } from '../rarity';
import { prepareRecord } from '../prepare';

/** FNV-1a of a text, as 8 hex digits. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

describe('groups on 5,000 labelled clients', () => {
  const list = asReadByBase(generateLabelledClients({ size: 5000, seed: 3 }));

  it.each([
    ['strict', 522, 'be2687c3', 981, 981],
    ['normal', 551, '812e70bb', 1084, 1085],
    ['loose', 551, '7b3d76d7', 1090, 1093],
  ] as const)('%s: %d groups, the same as before', (sensitivity, count, print, correctPairs, predictedPairs) => {
    const groups = findDuplicates(list, { sensitivity, phoneRegion: 'RU' });
    const score = scoreGroups(list, groups);
    expect({ count: groups.length, correctPairs: score.correctPairs, predictedPairs: score.predictedPairs }).toEqual({ count, correctPairs, predictedPairs });
    // The groups as found, not the words that explain them (each group's `evidence`).
    expect(fingerprint(JSON.stringify(groups, (key, value: unknown) => (key === 'evidence' ? undefined : value)))).toBe(print);
  });
});

/** Plain optimal-string-alignment distance over the whole table, to check the banded one against. */
function referenceDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

describe('banded editDistance', () => {
  it('agrees with the full table within the limit and reports limit + 1 past it', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = (alphabet: string) => Array.from({ length: Math.floor(random() * 12) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let t = 0; t < 3000; t++) {
      const alphabet = 'abcd'.slice(0, 2 + Math.floor(random() * 3));
      const a = word(alphabet);
      // Half the time a near copy, so that distances within the limit are common.
      const b = random() < 0.5 ? word(alphabet) : [...a].map((c) => (random() < 0.2 ? alphabet[Math.floor(random() * alphabet.length)] : c)).join('');
      const exact = referenceDistance(a, b);
      expect(editDistance(a, b)).toBe(exact);
      for (const limit of [1, 2, 3, 5]) expect([a, b, limit, editDistance(a, b, limit)]).toEqual([a, b, limit, exact <= limit ? exact : limit + 1]);
    }
  });
});

describe('judgePair with the shared keys given', () => {
  it('gives the verdict it finds by comparing the contacts itself', () => {
    const clients = [
      { name: 'Иванов Иван', phone: '8 (912) 345-67-89', email: 'ivan@mail.ru', city: 'Москва', inn: '7707083893' },
      { name: 'Иван Иванов', phone: '+79123456789', email: 'IVAN@mail.ru ', city: 'МСК', inn: '7707083893' },
      { name: 'ООО «Ромашка»', phone: '', email: '', city: '', inn: '' },
    ];
    const records = clients.map((client) => prepareRecord(client, 'RU'));
    const rarity = measureRarity(records);
    expect(judgePair(records[0], records[1], 'normal', rarity, SHARED_INN | SHARED_PHONE | SHARED_EMAIL)).toEqual(judgePair(records[0], records[1], 'normal', rarity));
    expect(judgePair(records[0], records[1], 'normal', rarity).reasons).toEqual(['sameInn', 'samePhone', 'sameEmail', 'sameName']);
    expect(judgePair(records[0], records[2], 'normal', rarity, 0)).toEqual(judgePair(records[0], records[2], 'normal', rarity));
  });
});
