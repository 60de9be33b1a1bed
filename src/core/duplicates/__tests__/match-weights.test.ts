import { findMatches } from '../match';
import { judgePair } from '../evidence';
import { fitMatchModel, LEAST_PAIRS_TO_FIT, LEVELS, levelsOf, matchProbability, pairPattern, PATTERN_COUNT, patternOf, PatternTally, WEIGHED_FIELDS, type WeighedField } from '../match-weights';
import { measureRarity } from '../rarity';
import { prepareRecord, type MatchRecord } from '../prepare';
import { compareNames } from '../similarity';
import { generateHeavyClients } from '../../../bench/labelled-heavy';
import { asReadByBase, scoreGroups, type LabelledClient } from '../../../bench/labelled-client';

const levelCounts = WEIGHED_FIELDS.map((field) => LEVELS[field].length);

describe('patterns', () => {
  it('reads every pattern back as the levels it was made of', () => {
    expect(PATTERN_COUNT).toBe(levelCounts.reduce((product, count) => product * count, 1));
    for (let pattern = 0; pattern < PATTERN_COUNT; pattern++) {
      const levels = levelsOf(pattern);
      levels.forEach((level, field) => expect(level).toBeLessThan(levelCounts[field]));
      expect(patternOf(levels)).toBe(pattern);
    }
  });

  it('puts each field of a pair on its level of agreement', () => {
    const [a, b] = [
      { name: 'Киселёв Руслан Константинович', phone: '+7 977 152-99-02', email: '', city: 'Ростов-на-Дону' },
      { name: 'Киселёв Руслан Константинович', phone: '+7 977 195-29-02', email: 'r.kiselev@mail.ru', city: 'Россстов-на-дону' },
    ].map((client) => prepareRecord(client, 'RU'));
    const levels = levelsOf(pairPattern(a, b, compareNames(a.name, b.name), 0));
    expect(Object.fromEntries(WEIGHED_FIELDS.map((field, f) => [field, LEVELS[field][levels[f]]]))).toEqual({
      name: 'exact',
      phone: 'two typos',
      email: 'missing',
      city: 'slips',
      birthday: 'missing',
    });
  });
});

describe('fields on their levels', () => {
  const record = (city: string, phone = '') => prepareRecord({ name: 'Орлов Олег', phone, email: '', city }, 'RU');
  const level = (field: WeighedField, a: MatchRecord, b: MatchRecord, rarity = measureRarity([a, b])) =>
    LEVELS[field][levelsOf(pairPattern(a, b, compareNames(a.name, b.name), 0, rarity.cityAsMeant))[WEIGHED_FIELDS.indexOf(field)]];

  it('reads a rare spelling of a city as the one common city it is a few slips from', () => {
    const base = [...Array.from({ length: 40 }, () => record('Москва')), ...Array.from({ length: 40 }, () => record('Омск')), ...Array.from({ length: 40 }, () => record('Орск'))];
    const rarity = measureRarity([...base, record('Мосфа'), record('Оск'), record('Омк'), record('Уфа')]);
    expect(rarity.cityAsMeant('мосфа')).toBe('москва');
    expect(rarity.cityAsMeant('омк')).toBe('омск');
    // `Оск` is a slip from Омск and from Орск alike: which was meant, nobody can tell.
    expect(rarity.cityAsMeant('оск')).toBe('оск');
    // A common city is itself, however close to another.
    expect(rarity.cityAsMeant('омск')).toBe('омск');
    expect(level('city', record('Мосфа'), record('Москва'), rarity)).toBe('slips');
    expect(level('city', record('Уфа'), record('Москва'), rarity)).toBe('different');
  });

  it('leaves a city column that holds addresses as typed: a spelling per client would cost seconds to correct', () => {
    const places = ['Москва', ...Array.from({ length: 699 }, (_, k) => `Пункт ${k}`)].flatMap((place) => Array.from({ length: 20 }, () => record(place)));
    const addresses = Array.from({ length: 3000 }, (_, k) => record(`ул. Ленина, ${k}`));
    expect(measureRarity([...places, ...addresses, record('Мосвка')]).cityAsMeant('мосвка')).toBe('мосвка');
    // Without the addresses, the same places and spelling: read as the place.
    expect(measureRarity([...places, record('Мосвка')]).cityAsMeant('мосвка')).toBe('москва');
  });

  it('puts phones three typos apart on a level of their own, and a shifted number with the other numbers', () => {
    expect(level('phone', record('', '+7 951 752-58-38'), record('', '+7 951 742-59-39'))).toBe('three typos');
    // A digit left out at the front and another added at the end: every digit moved, as in another number.
    expect(level('phone', record('', '+7 912 246-62-06'), record('', '+7 912 466-20-60'))).toBe('different');
  });
});

/** A seeded generator of numbers in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function draw(shares: readonly number[], random: () => number): number {
  let r = random();
  for (let level = 0; level < shares.length; level++) if ((r -= shares[level]) < 0) return level;
  return shares.length - 1;
}

describe('fitMatchModel', () => {
  /** m and u of the mixture drawn below, per field, level 0 («missing») never drawn. */
  const trueM = [
    [0, 0.5, 0.2, 0.1, 0.1, 0.04, 0.03, 0.02, 0.01],
    [0, 0.3, 0.4, 0.15, 0.05, 0.1],
    [0, 0.4, 0.3, 0.3],
    [0, 0.5, 0.3, 0.1, 0.1],
    [0, 0.6, 0.3, 0.1],
  ];
  const trueU = [
    [0, 0.3, 0.05, 0.1, 0.15, 0.15, 0.1, 0.1, 0.05],
    [0, 0.001, 0.004, 0.01, 0.005, 0.98],
    [0, 0.002, 0.008, 0.99],
    [0, 0.4, 0.02, 0.01, 0.57],
    [0, 0.01, 0.02, 0.97],
  ];

  it('recovers the share of duplicates and their m and u from a mixture the rules half label', () => {
    const random = seeded(7);
    const tally = new PatternTally();
    const pairs = 60_000;
    const duplicateShare = 0.1;
    for (let k = 0; k < pairs; k++) {
      const duplicate = random() < duplicateShare;
      const pattern = patternOf((duplicate ? trueM : trueU).map((shares) => draw(shares, random)));
      // The rules accept about half the duplicates, the ones with an exact phone or e-mail, and nothing else.
      const levels = levelsOf(pattern);
      tally.add(pattern, duplicate && (levels[1] === 1 || levels[2] === 1 || random() < 0.2), null);
    }
    const model = fitMatchModel(tally)!;
    expect(model.matchShare).toBeCloseTo(duplicateShare, 2);
    // A field that tells the two kinds apart poorly (the name here) has the loosest m.
    model.m.forEach((shares, field) => shares.forEach((share, level) => level > 0 && expect(Math.abs(share - trueM[field][level])).toBeLessThan(0.07)));
    model.u.forEach((shares, field) => shares.forEach((share, level) => level > 0 && expect(Math.abs(share - trueU[field][level])).toBeLessThan(0.02)));
    // A phone one typo apart speaks for one client, another phone against.
    expect(model.weights[1][2]).toBeGreaterThan(5);
    expect(model.weights[1][5]).toBeLessThan(-2);
  });

  it('fits nothing on too few pairs, or when the rules accept none', () => {
    const few = new PatternTally();
    for (let k = 0; k < LEAST_PAIRS_TO_FIT - 1; k++) few.add(patternOf([1, 1, 1, 1, 1]), k % 2 === 0, null);
    expect(fitMatchModel(few)).toBeNull();
    const noneAccepted = new PatternTally();
    for (let k = 0; k < LEAST_PAIRS_TO_FIT * 2; k++) noneAccepted.add(patternOf([1, 1, 1, 1, 1]), false, null);
    expect(fitMatchModel(noneAccepted)).toBeNull();
  });

  it('weighs an identical name by its rarity in the base', () => {
    const tally = new PatternTally();
    const random = seeded(3);
    for (let k = 0; k < 20_000; k++) {
      const duplicate = random() < 0.1;
      const pattern = patternOf((duplicate ? trueM : trueU).map((shares) => draw(shares, random)));
      tally.add(pattern, duplicate && random() < 0.5, levelsOf(pattern)[0] === 1 ? 8 : null);
    }
    const model = fitMatchModel(tally)!;
    expect(model.exactNameBits).toBe(8);
    const exactNameOnly = patternOf([1, 0, 0, 1, 0]);
    const [common, average, rare] = [2, 8, 14].map((bits) => matchProbability(model, exactNameOnly, bits));
    expect(common).toBeLessThan(average);
    expect(average).toBeLessThan(rare);
    // The rarity moves only an identical name's weight.
    const similarName = patternOf([2, 0, 0, 1, 0]);
    expect(matchProbability(model, similarName, 2)).toBe(matchProbability(model, similarName, 14));
  });
});

describe('matching with the weights', () => {
  const heavy = asReadByBase(generateHeavyClients({ size: 4000, seed: 5 }));
  const planted = (entity: number, name: string, phone: string, city: string, email = ''): LabelledClient => ({ ...heavy[0], row: 0, id: '', entity, name, phone, city, email, inn: '', birthday: null, phoneNormalised: null });
  const list = asReadByBase([
    ...heavy,
    planted(-1, 'Киселёв Руслан Константинович', '+7 977 152-99-02', 'Ростов-на-Дону'),
    planted(-1, 'Киселёв Руслан Константинович', '+7 977 195-29-02', 'Россстов-на-дону'),
    planted(-2, 'Баранов Сергей Михайлович', '+7 912 345-67-89', 'Тверь', 'baranov@mail.ru'),
    planted(-3, 'Баранов Владимир Михайлович', '+7 912 345-76-98', 'Тверь', 'baranov@gmail.com'),
    // A first name with two slips (a word of its own for the score), a phone with a swap.
    planted(-4, 'Ефремова Анна', '+7 916 398-37-30', 'Новосибирск'),
    planted(-4, 'Анан Ефремова', '+7 916 398-73-30', 'Новосибирск'),
    // Phones three typos apart: no conflict of their own numbers.
    planted(-5, 'Борисова Нина', '+7 951 752-58-38', 'Санкт-Петербург'),
    planted(-5, 'Бориисова Нина', '+7 951 742-59-39', 'Санкт-Петербург'),
    // A city two slips off a common one, too short for two slips by spelling alone.
    planted(-6, 'Кудрявцев Георкйи', '', 'Мосфа'),
    planted(-6, 'Кудрявцев Георгий', '+7 983 614-34-89', 'Москва'),
  ]);
  const index = (k: number) => heavy.length + k;

  it('joins a record retyped with a slip in every field, which the rules alone turn down, and says why', () => {
    const records = list.map((client) => prepareRecord(client, 'RU'));
    expect(judgePair(records[index(0)], records[index(1)], 'normal', measureRarity(records)).match).toBe(false);
    const group = findMatches(list, { sensitivity: 'normal', phoneRegion: 'RU' }).groups.find((g) => g.members.includes(index(0)));
    expect(group?.members).toEqual([index(0), index(1)]);
    expect(group?.reasons).toEqual(['sameName', 'phoneSlips', 'cityTypo']);
    expect(group?.score).toBeGreaterThanOrEqual(0.95);
  });

  it('weighs a misspelt word and a misspelt city, which the rules alone turn down', () => {
    const records = list.map((client) => prepareRecord(client, 'RU'));
    const rarity = measureRarity(records);
    const groups = findMatches(list, { sensitivity: 'normal', phoneRegion: 'RU' }).groups;
    for (const [first, reasons] of [
      [4, ['similarName', 'phoneTypo', 'sameCity']],
      [8, ['similarName', 'cityTypo']],
    ] as const) {
      expect(judgePair(records[index(first)], records[index(first + 1)], 'normal', rarity).match).toBe(false);
      const group = groups.find((g) => g.members.includes(index(first)));
      expect(group?.members).toEqual([index(first), index(first + 1)]);
      expect(group?.reasons).toEqual(reasons);
    }
  });

  it('takes phones three typos apart for one number retyped, not for two people', () => {
    const records = list.map((client) => prepareRecord(client, 'RU'));
    expect(judgePair(records[index(6)], records[index(7)], 'normal', measureRarity(records)).conflict).toBeNull();
    const group = findMatches(list, { sensitivity: 'normal', phoneRegion: 'RU' }).groups.find((g) => g.members.includes(index(6)));
    expect(group?.members).toEqual([index(6), index(7)]);
  });

  it('never joins two first names by their weights, however close their phones, with one login at two domains', () => {
    const groups = findMatches(list, { sensitivity: 'loose', phoneRegion: 'RU' }).groups;
    expect(groups.filter((g) => g.members.includes(index(2)) || g.members.includes(index(3)))).toEqual([]);
  });

  it('weighs an identical name by the rarity of the words both records hold, not by a patronymic only one has', () => {
    // `Орлов Олег Ильич` is rare for its patronymic; the name it shares with thirty namesakes is common,
    // and a city with a typo does not make up for it (weighed by the rarer spelling, the pair had 0.998).
    const random = seeded(7);
    const phone = () => `+7 9${Array.from({ length: 9 }, () => Math.floor(random() * 10)).join('')}`;
    const namesakes = Array.from({ length: 30 }, (_, k) => planted(-100 - k, 'Орлов Олег', phone(), 'Москва'));
    const withNamesakes = asReadByBase([planted(-99, 'Орлов Олег Ильич', '', 'Мосвка'), ...heavy, ...namesakes]);
    const groups = findMatches(withNamesakes, { sensitivity: 'normal', phoneRegion: 'RU' }).groups;
    expect(groups.filter((g) => g.members.includes(0))).toEqual([]);
  });

  it('finds most true pairs of the heavy list and keeps precision', () => {
    const score = scoreGroups(heavy, findMatches(heavy, { sensitivity: 'normal', phoneRegion: 'RU' }).groups);
    // The rules alone find 0.65 of the true pairs of this list, with the weights 0.87 (0.80 before they
    // weighed misspelt words, phones three typos apart and misspelt cities).
    expect(score.recall).toBeGreaterThan(0.85);
    expect(score.precision).toBeGreaterThan(0.99);
  });
});
