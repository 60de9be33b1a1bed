import type { Client } from '../../model';
import { findDuplicates } from '../match';
import { parseName } from '../names';
import { measureRarity } from '../rarity';
import { correctedNames, findMisspellings } from '../spelling';
import { prepareRecord } from '../prepare';
import { clients } from './fixtures';

const names = (...texts: string[]) => texts.map((text) => parseName(text));
const times = (n: number, text: string) => Array.from({ length: n }, () => text);
/** Phones that differ in most digits, so that no two are one typo apart. */
const distinctPhone = (i: number) => `+7 9${String(10 + i * 7).padStart(2, '0')} ${String(1000000 + ((i * 837461) % 9000000))}`;

describe('findMisspellings', () => {
  it('takes a rare word one typo from a common one for its misspelling', () => {
    const fixes = findMisspellings(names(...times(5, 'Смирнов Илья'), 'Сминров И.А.', 'Smirnvo John'));
    expect(fixes.get('sminrov')).toEqual(['smirnov']);
    expect(fixes.get('smirnvo')).toEqual(['smirnov']);
    // The common word itself is never corrected.
    expect(fixes.has('smirnov')).toBe(false);
  });

  it('corrects nothing when the words near a rare one are not common', () => {
    expect(findMisspellings(names(...times(4, 'Смирнов Илья'), 'Сминров И.А.')).size).toBe(0);
  });

  it('leaves a spelling held by several clients alone: two names, not a typo (Марина, Мария)', () => {
    const fixes = findMisspellings(names(...times(5, 'Юдина Марина'), ...times(3, 'Юдина Мария')));
    expect(fixes.size).toBe(0);
  });

  it('does not correct short words, where one letter makes another name', () => {
    expect(findMisspellings(names(...times(5, 'Иван Петров'), 'Иона Петров')).has('iona')).toBe(false);
  });

  it('corrects nothing when the rare word is one typo from too many common words', () => {
    // Харин is one letter from Ларин, Марин and Барин: which was meant is anyone's guess.
    const two = findMisspellings(names(...times(5, 'Ларин'), ...times(5, 'Марин'), 'Харин'));
    expect(two.get('harin')).toEqual(['larin', 'marin']);
    const three = findMisspellings(names(...times(5, 'Ларин'), ...times(5, 'Марин'), ...times(5, 'Барин'), 'Харин'));
    expect(three.has('harin')).toBe(false);
  });
});

describe('correctedNames', () => {
  it('spells the name with each correction of one word, keeping its initials', () => {
    const fixes = findMisspellings(names(...times(5, 'Смирнов Илья'), 'Сминров И.А.'));
    const [corrected, ...more] = correctedNames(parseName('Сминров И.А.'), fixes);
    expect(more).toEqual([]);
    expect(corrected).toMatchObject({ tokens: ['smirnov'], initials: ['i', 'a'], key: 'smirnov' });
    expect(correctedNames(parseName('Смирнов Илья'), fixes)).toEqual([]);
  });
});

describe('misspelt names in matching', () => {
  const smirnovs = (n: number): Array<Partial<Client>> =>
    Array.from({ length: n }, (_, i) => ({ name: `Смирнов ${['Андрей', 'Олег', 'Павел', 'Игорь', 'Денис', 'Роман'][i % 6]}`, phone: distinctPhone(i), city: 'Казань' }));

  it('finds initials with a typo in the surname when a phone one digit apart agrees', () => {
    const list = clients(...smirnovs(12), { name: 'Смирнов Илья Алексеевич', phone: '8 991 913 06 20', city: 'Москва' }, { name: 'Сминров И.А.', phone: '8 991 913 06 21', city: 'Москва' });
    expect(findDuplicates(list, { sensitivity: 'normal', phoneRegion: 'RU' }).map((g) => g.members)).toEqual([[12, 13]]);
  });

  it('finds a Latin name with a typo early in the surname and an e-mail one typo apart', () => {
    const list = clients(
      ...Array.from({ length: 6 }, (_, i) => ({ name: `Smith ${['Paul', 'Mary', 'Anne', 'Peter', 'Kate', 'Mark'][i]}`, email: `p${i}@example.com` })),
      { name: 'Robert Smith', email: 'robert.smith77@example.com' },
      { name: 'Smtih R.', email: 'rboert.smith77@example.com' },
    );
    expect(findDuplicates(list, { sensitivity: 'normal', phoneRegion: 'RU' }).map((g) => g.members)).toEqual([[6, 7]]);
  });

  it('keeps apart another given name even with a phone one digit apart', () => {
    const list = clients(...smirnovs(12), { name: 'Смирнов Олег', phone: '8 991 913 06 20' }, { name: 'Сминров И.А.', phone: '8 991 913 06 21' });
    expect(findDuplicates(list, { sensitivity: 'normal', phoneRegion: 'RU' })).toEqual([]);
  });

  it('keeps apart a misspelt name with nothing but the city to agree (a common surname and an initial)', () => {
    const list = clients(...smirnovs(12), { name: 'Смирнов Илья Алексеевич', phone: '8 991 913 06 20', city: 'Казань' }, { name: 'Сминров И.А.', city: 'Казань' });
    expect(findDuplicates(list, { sensitivity: 'normal', phoneRegion: 'RU' })).toEqual([]);
  });
});

describe('two common names a typo apart', () => {
  it('are two names to the rarity of the base, a misspelling is not', () => {
    const base = clients(...times(6, 'Юдина Марина').map((name) => ({ name })), ...times(6, 'Юдина Мария').map((name) => ({ name })), { name: 'Юдина Марнна' });
    const rarity = measureRarity(base.map((c) => prepareRecord(c, 'RU')));
    expect(rarity.twoNames('marina', 'maria')).toBe(true);
    expect(rarity.twoNames('marina', 'marnna')).toBe(false);
  });

  it('keep apart Марина and Мария whose e-mails differ only where the names do', () => {
    const list = clients(
      ...Array.from({ length: 12 }, (_, i) => ({ name: `${i % 2 ? 'Марина' : 'Мария'} Крылова${i}`, phone: distinctPhone(i) })),
      { name: 'Юдина Марина', phone: '+7 972 911 83 23', email: 'marina.yudina@gmail.com', city: 'Москва' },
      { name: 'Юдина Мария Валерьевна', phone: '+7 958 531 47 35', email: 'mariya.yudina@gmail.com', city: 'Москва' },
    );
    expect(findDuplicates(list, { sensitivity: 'normal', phoneRegion: 'RU' })).toEqual([]);
  });
});
