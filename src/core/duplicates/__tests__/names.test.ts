import { skeleton } from '../skeleton';
import { isPatronymic, parseName, splitGluedForm } from '../names';

describe('skeleton', () => {
  it.each([
    ['Ромашка', 'Romashka'],
    ['Иванов', 'Ivanov'],
    ['Щукин', 'Shchukin'],
    ['Щукин', 'Schukin'],
    ['Юлия', 'Yulia'],
    ['Юлия', 'Julia'],
    ['Юлия', 'Iuliia'],
    ['Семёнов', 'Semyonov'],
    ['Семёнов', 'Семенов'],
    ['Семёнов', 'Semenov'],
    ['Хабаров', 'Khabarov'],
    ['Хабаров', 'Habarov'],
    ['Цветков', 'Tsvetkov'],
    ['Жуков', 'Zhukov'],
    ['Алексей', 'Alexey'],
    ['Алексей', 'Aleksei'],
    ['Мария', 'Maria'],
    ['Мария', 'Mariya'],
    ['Дмитрий', 'Dmitry'],
    ['Евгений', 'Yevgeniy'],
    ['Наталья', 'Natalya'],
    ['Ильин', "Il'in"],
    ['Эдуард', 'Eduard'],
    ['Чернов', 'Chernov'],
    ['Андреев', 'Andreyev'],
  ])('%s and %s share a skeleton', (a, b) => {
    expect(skeleton(a)).toBe(skeleton(b));
  });

  it.each([
    ['Иван', 'Иона'],
    ['Петров', 'Петраков'],
    ['Ромашка', 'Ромашкин'],
    ['Шукин', 'Жукин'],
  ])('%s and %s stay different', (a, b) => {
    expect(skeleton(a)).not.toBe(skeleton(b));
  });

  it('ignores case and punctuation inside a word', () => {
    expect(skeleton('РОМАШКА')).toBe(skeleton('ромашка'));
    expect(skeleton('Д’Артаньян')).toBe(skeleton('дартаньян'));
  });
});

describe('parseName', () => {
  it('takes legal forms out wherever and however they are written', () => {
    for (const name of ['ООО «Ромашка»', 'Ромашка ООО', 'ооо "Ромашка"', 'Общество с ограниченной ответственностью “Ромашка”', 'Romashka LLC', 'ООО„Ромашка“']) {
      const parsed = parseName(name);
      expect({ name, form: parsed.legalFamily, key: parsed.key }).toEqual({ name, form: 'llc', key: skeleton('Ромашка') });
    }
  });

  it('groups forms of one kind and tells kinds apart', () => {
    expect(parseName('ОАО Вектор').legalFamily).toBe('jsc');
    expect(parseName('ПАО Вектор').legalFamily).toBe('jsc');
    expect(parseName('Vector JSC').legalFamily).toBe('jsc');
    expect(parseName('ИП Иванов').legalFamily).toBe('sole');
    expect(parseName('Индивидуальный предприниматель Иванов И.И.').legalFamily).toBe('sole');
    expect(parseName('ООО Иванов').legalFamily).toBe('llc');
    expect(parseName('Иванов Иван').legalFamily).toBeNull();
  });

  it('is insensitive to word order and ё', () => {
    expect(parseName('Семёнов Иван').key).toBe(parseName('Иван Семенов').key);
  });

  it('keeps initials apart from words', () => {
    const parsed = parseName('Иванов И.И.');
    expect(parsed.tokens).toEqual([skeleton('Иванов')]);
    expect(parsed.initials).toEqual(['i', 'i']);
    expect(parseName('Щукин Ю. Я.').initials).toEqual(['i', 'i']);
  });

  it('reads an initial transliterated with two letters as the one letter it stands for', () => {
    expect(parseName('Shchukin Yu.Ya.')).toMatchObject({ tokens: [skeleton('Shchukin')], initials: parseName('Щукин Ю.Я.').initials });
    expect(parseName('ZHUKOV ZH. KH.').initials).toEqual(parseName('Жуков Ж. Х.').initials);
    // Without a dot it is a name: Yu Wang.
    expect(parseName('Yu Wang').tokens).toHaveLength(2);
    expect(parseName('Yu Wang').initials).toEqual([]);
  });

  it('keeps numbers as words, so Ромашка 1 and Ромашка 2 differ', () => {
    expect(parseName('Ромашка 1').key).not.toBe(parseName('Ромашка 2').key);
  });

  it('does not take a word that merely contains a form for the form', () => {
    const parsed = parseName('Оооник');
    expect(parsed.legalFamily).toBeNull();
    expect(parsed.tokens).toHaveLength(1);
  });

  it('gives an empty parse for an empty name', () => {
    expect(parseName('  ')).toEqual({ legalFamily: null, tokens: [], words: [], initials: [], tokenInitials: [], key: '' });
  });
});

describe('isPatronymic', () => {
  it.each(['Иванович', 'Петровна', 'Ильич', 'Ильинична', 'Ivanovich'])('%s is a patronymic', (word) => {
    expect(isPatronymic(skeleton(word))).toBe(true);
  });
  it.each(['Иванов', 'Ромашка', 'Мич'])('%s is not', (word) => {
    expect(isPatronymic(skeleton(word))).toBe(false);
  });
});

describe('skeleton of numbers', () => {
  it('keeps repeated digits (only doubled letters fold)', () => {
    expect(skeleton('Клиент77')).not.toBe(skeleton('Клиент7'));
    expect(skeleton('1183')).not.toBe(skeleton('1883'));
  });
});

describe('splitGluedForm', () => {
  it('sets apart a legal form typed flush against a capitalised name', () => {
    expect(splitGluedForm('ОООРомашка')).toBe('ООО Ромашка');
    expect(splitGluedForm('АОТранс-Авто')).toBe('АО Транс-Авто');
    expect(parseName('ИПГоризонт')).toMatchObject({ legalFamily: 'sole', tokens: ['gorizont'] });
  });
  it('sets apart a legal form glued to a name in apostrophes', () => {
    expect(parseName("ООО'Агро-Био'")).toMatchObject({ legalFamily: 'llc', tokens: ['agro', 'bio'] });
    expect(parseName("'Вектор' ООО")).toMatchObject({ legalFamily: 'llc', tokens: ['vektor'] });
  });
  it('leaves words that only start with the letters of a form alone', () => {
    expect(splitGluedForm('ИПОТЕКА Центр')).toBe('ИПОТЕКА Центр');
    expect(splitGluedForm('Аорта')).toBe('Аорта');
    expect(parseName('Иванов Иван').legalFamily).toBeNull();
  });
});

describe('apostrophes inside words', () => {
  it('reads a transliterated soft sign as part of the word', () => {
    expect(parseName("Grigor'ev Grigoriy Vasil'evich").key).toBe(parseName('Григорьев Григорий Васильевич').key);
    expect(parseName('Natal’ya Il’ina').key).toBe(parseName('Наталья Ильина').key);
  });
  it('keeps an elided name whole (O’Brien is one word, not O and Brien)', () => {
    expect(parseName("Sean O'Brien").tokens).toEqual(['sean', 'obrien']);
  });
  it('still splits at an apostrophe used as a quote or standing alone', () => {
    expect(parseName("'Парус' ЗАО").tokens).toEqual(['parus']);
    expect(parseName("Иванов ' Иван").tokens).toEqual(['ivanov', 'ivan']);
  });
});
