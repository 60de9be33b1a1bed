import { parseName } from '../names';
import { compareNames, editDistance, isGenderPair, oneTypoApart, rememberedComparison, tokenSimilarity } from '../similarity';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', 'abc', 0],
    ['abc', 'abd', 1],
    ['abc', 'ab', 1],
    ['abc', 'acb', 1],
    ['abcd', 'badc', 2],
    ['kitten', 'sitting', 3],
  ])('%s → %s is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it('stops past the limit', () => {
    expect(editDistance('abcdef', 'uvwxyz', 1)).toBe(2);
    expect(editDistance('abcdefgh', 'ab', 2)).toBe(3);
  });
});

describe('oneTypoApart', () => {
  it('accepts one wrong, missing, extra or swapped digit', () => {
    expect(oneTypoApart('9123456789', '9123456780')).toBe(true);
    expect(oneTypoApart('9123456789', '912345678')).toBe(true);
    expect(oneTypoApart('9123456789', '91234567890')).toBe(true);
    expect(oneTypoApart('9123456789', '9123457689')).toBe(true);
  });
  it('rejects equal strings and two typos', () => {
    expect(oneTypoApart('9123456789', '9123456789')).toBe(false);
    expect(oneTypoApart('9123456789', '9123456700')).toBe(false);
    expect(oneTypoApart('', 'a')).toBe(false);
  });
});

describe('tokenSimilarity', () => {
  it('forgives one typo in a long word but not in a short one', () => {
    expect(tokenSimilarity('ivanov', 'ivonov')).toBeGreaterThanOrEqual(0.8);
    expect(tokenSimilarity('ivan', 'iona')).toBe(0);
    expect(tokenSimilarity('ivan', 'ivanov')).toBe(0);
  });
  it('never calls different numbers similar', () => {
    expect(tokenSimilarity('12345', '12346')).toBe(0);
  });
});

describe('compareNames', () => {
  const compare = (a: string, b: string) => compareNames(parseName(a), parseName(b));

  it('scores the same words in another order as identical', () => {
    expect(compare('Иванов Иван Иванович', 'Иван Иванович Иванов')).toEqual({ score: 1, exact: true, byInitials: false, patronymicsDiffer: false, genderDiffers: false, wordsConflict: false, misspeltWords: false });
  });

  it('tells two different patronymics from a missing one', () => {
    expect(compare('Марков Егор Владимирович', 'Марков Егор Алексеевич').patronymicsDiffer).toBe(true);
    expect(compare('Марков Егор Владимирович', 'Егор Марков').patronymicsDiffer).toBe(false);
    // A misspelt patronymic is still the same patronymic.
    expect(compare('Марков Егор Владимирович', 'Марков Егор Владимирвич').patronymicsDiffer).toBe(false);
  });

  it('flags the other-gender form of a word', () => {
    expect(isGenderPair('ivanov', 'ivanova')).toBe(true);
    expect(isGenderPair('evgeniia', 'evgenii')).toBe(true);
    expect(isGenderPair('ivanov', 'ivanovo')).toBe(false);
    expect(isGenderPair('ivanov', 'ivanovy')).toBe(false);
    expect(compare('Никитина Евгения', 'Евгений Никитин').genderDiffers).toBe(true);
    expect(compare('Никитин Евгений', 'Никитн Евгений').genderDiffers).toBe(false);
  });

  it('barely counts a missing patronymic', () => {
    const result = compare('Иванов Иван Иванович', 'Иван Иванов');
    expect(result.exact).toBe(true);
    expect(result.score).toBeGreaterThan(0.9);
  });

  it('takes initials as weaker evidence', () => {
    const initials = compare('Иванов И.И.', 'Иванов Иван Иванович');
    expect(initials.byInitials).toBe(true);
    expect(initials.exact).toBe(false);
    expect(initials.score).toBeGreaterThan(0.6);
    expect(initials.score).toBeLessThan(compare('Иванов Иван', 'Иванов Иван Иванович').score);
    expect(compare('Иванов П.И.', 'Иванов Иван Иванович').score).toBeLessThan(initials.score);
  });

  it('forgives a slip that the skeleton’s folding turns into two', () => {
    // `graam` folds to `gram` (doubled letters), `mcihael` to `mkihael` (c before i): two letters off the
    // skeletons of `graham` and `michael`, one typo as written.
    expect(compare('Kevin Graam', 'Kevin Graham').score).toBeGreaterThan(0.85);
    expect(compare('Mcihael Evans', 'Michael Evans').score).toBeGreaterThan(0.85);
    expect(compare('Kevin Grant', 'Kevin Graham').score).toBeLessThan(0.6);
  });

  it('matches an initial with the letter the word is written with, not only its skeleton', () => {
    // `John` and `Yelena` fold to skeletons starting with `e`; `J.` and `Y.` to `i`.
    expect(compare('J. Smith', 'John Smith').byInitials).toBe(true);
    expect(compare('Petrova Y.', 'Yelena Petrova').byInitials).toBe(true);
    expect(compare('Петрова Е.', 'Yelena Petrova').byInitials).toBe(true);
    expect(compare('K. Smith', 'John Smith').byInitials).toBe(false);
    expect(compare('Shpakovskiy Yu.A.', 'Шпаковский Юрий Андреевич').byInitials).toBe(true);
    expect(compare('Shpakovskiy Zh.A.', 'Шпаковский Юрий Андреевич').score).toBeLessThan(compare('Shpakovskiy Yu.A.', 'Шпаковский Юрий Андреевич').score);
    expect(compare('K. Smith', 'John Smith').score).toBeLessThan(compare('J. Smith', 'John Smith').score);
  });

  it('tells a word with a few slips from another person’s word', () => {
    for (const [a, b] of [
      ['Ефремова Анна', 'Анан Ефремова'],
      ['Скворцова Алмн', 'Скворцова Алина'],
    ]) {
      const result = compare(a, b);
      expect(result.score).toBeLessThan(0.4);
      expect(result).toMatchObject({ misspeltWords: true, wordsConflict: false });
    }
    expect(compare('Баранов Сергей', 'Баранов Владимир')).toMatchObject({ misspeltWords: false, wordsConflict: true });
    // A word left out is no misspelling.
    expect(compare('Иванов Иван Петрович', 'Иванов Иван').misspeltWords).toBe(false);
    // Alike as spellings, but a base that holds both as names holds two sisters.
    const [marina, irina] = [parseName('Ковалёва Марина'), parseName('Ковалёва Ирина')];
    expect(compareNames(marina, irina).misspeltWords).toBe(true);
    expect(compareNames(marina, irina, rememberedComparison(() => true)).misspeltWords).toBe(false);
  });

  it('takes names with other initials for other names', () => {
    expect(compare('Васильева О.А.', 'Васильева В.К.').exact).toBe(false);
    expect(compare('Васильева О.А.', 'Васильева О. А.').exact).toBe(true);
    // An initial on one side only is a name written shorter, not another name.
    expect(compare('Васильева О.', 'Васильева').exact).toBe(true);
  });

  it('scores another first name low', () => {
    expect(compare('Иванов Иван', 'Иванов Пётр').score).toBeLessThan(0.5);
  });

  it('scores an extra word of a company name against', () => {
    expect(compare('Ромашка', 'Ромашка Плюс').score).toBeLessThanOrEqual(0.5);
  });

  it('matches across alphabets and with a typo', () => {
    expect(compare('Romashka', 'ООО «Ромашка»').score).toBe(1);
    const typo = compare('Иванов Иван', 'Ивонов Иван');
    expect(typo.exact).toBe(false);
    expect(typo.score).toBeGreaterThan(0.85);
  });

  it('gives 0 when either name is empty', () => {
    expect(compare('', 'Иванов').score).toBe(0);
    expect(compare('ООО', 'ООО').score).toBe(0);
  });
});

describe('a remembered word comparison', () => {
  // Typos, a swap, a Latin name compared as written, other-gender forms and plainly other words.
  const pairs: [string, string][] = [
    ['Смирнов Иван Петрович', 'Смирнвo Иван Петрвоич'],
    ['Graham Cooper', 'Graam Cooper'],
    ['Michael Smith', 'Mcihael Smith'],
    ['Никитина Евгения', 'Евгений Никитин'],
    ['Юдина Марина', 'Юдина Мария'],
    ['Баранов Сергей Евгеньевич', 'Баранов Владимир Дмитриевич'],
    ['ООО «Ромашка-Трейд»', 'Ромашка Трэйд'],
    // Words left over that are one word with slips, or words run together.
    ['Jon Smith', 'John Smith'],
    // Short Latin words, compared as written too: a glance settles them.
    ['Jay Roy', 'Jai Roi'],
    ['Ann Lee', 'An Le'],
    ['Урал-Волгамастер', 'УралуВолгамастер'],
    ['Урал Волга Мастер Петров', 'УралВолгаМастер Петров'],
  ];

  it('compares names as their spellings do, on the first look-up and on every repeated one', () => {
    const words = rememberedComparison();
    for (let round = 0; round < 2; round++) {
      for (const [a, b] of pairs) {
        expect({ a, b, round, comparison: compareNames(parseName(a), parseName(b), words) }).toEqual({ a, b, round, comparison: compareNames(parseName(a), parseName(b)) });
        expect(compareNames(parseName(b), parseName(a), words)).toEqual(compareNames(parseName(b), parseName(a)));
      }
    }
  });

  it('remembers thousands of word pairs, each answer the same as worked out anew', () => {
    // 150 spellings of one surname, each a letter or two from the others: every pair needs an edit distance.
    const letters = 'абвгдежзиклмнопрстуфхцчшщэюя';
    const spellings = Array.from({ length: 150 }, (_, k) => {
      const chars = [...'константинов'];
      chars[1 + (k % 11)] = letters[k % letters.length];
      if (k >= 75) chars[11 - (k % 7)] = letters[(k * 7) % letters.length];
      return `${chars.join('')} Иван`;
    });
    const names = [...new Set(spellings)].map(parseName);
    expect(names.length).toBeGreaterThan(100);
    const words = rememberedComparison();
    for (let round = 0; round < 2; round++) {
      for (const a of names) {
        for (const b of names) {
          const [remembered, anew] = [compareNames(a, b, words), compareNames(a, b)];
          if (remembered.score !== anew.score || remembered.wordsConflict !== anew.wordsConflict) expect({ a: a.key, b: b.key, remembered }).toEqual({ a: a.key, b: b.key, remembered: anew });
        }
      }
    }
  });

  it('keeps apart the words the base holds as two names, however often they are met', () => {
    const twoNames = (x: string, y: string) => [x, y].sort().join() === 'maria,marina';
    const words = rememberedComparison(twoNames);
    const [marina, maria, misspelt] = [parseName('Юдина Марина'), parseName('Юдина Мария'), parseName('Юдина Марнна')];
    expect(compareNames(marina, maria).score).toBeGreaterThan(0.9);
    for (let round = 0; round < 2; round++) {
      // Юдина matches, Марина and Мария are each a word left over.
      expect(compareNames(marina, maria, words).score).toBeCloseTo(1 / 3);
      expect(compareNames(maria, marina, words).score).toBeCloseTo(1 / 3);
      // A misspelling is not another name: it still pairs with Марина.
      expect(compareNames(marina, misspelt, words).score).toBeGreaterThan(0.8);
    }
  });
});
