import type { DuplicateSensitivity } from '../../settings';
import { findDuplicates } from '../match';
import { clients } from './fixtures';
import { calendarDay } from '../../normalise/date';
import type { Client } from '../../model';

const find = (list: Client[], sensitivity: DuplicateSensitivity = 'normal', dismissed?: Array<[number, number]>) =>
  findDuplicates(list, { sensitivity, phoneRegion: 'RU', dismissed });
const memberSets = (list: Client[], sensitivity?: DuplicateSensitivity) => find(list, sensitivity).map((g) => g.members);

/** Filler clients so that word frequencies look like a real base (the names under test are not rare). */
const crowd = (n: number): Array<Partial<Client>> =>
  Array.from({ length: n }, (_, i) => ({ name: `Клиент${i} Заполнитель${i % 7}`, phone: `+7 900 ${String(1000000 + i)}`, city: 'Москва' }));

describe('exact keys', () => {
  it('joins the same phone written in different formats', () => {
    const list = clients({ name: 'Иванов Иван', phone: '8 (912) 345-67-89' }, { name: 'Иван Иванов', phone: '+79123456789' }, { name: 'Петров Пётр', phone: '+7 913 000-00-00' });
    const groups = find(list);
    expect(groups.map((g) => g.members)).toEqual([[0, 1]]);
    expect(groups[0].reasons).toContain('samePhone');
    expect(groups[0].score).toBeGreaterThan(0.9);
  });

  it('joins the same foreign number written without its country code, but not placeholder numbers', () => {
    // Not valid for the RU region, yet the same digits: the same number (lists from abroad, public benchmarks).
    const foreign = find(clients({ name: 'John Smith', phone: '02 9876 5432' }, { name: 'Smith Jon', phone: '(02) 9876-5432' }, { name: 'Mary Brown', phone: '02 9876 5433' }));
    expect(foreign.map((g) => g.members)).toEqual([[0, 1]]);
    expect(foreign[0].reasons).toContain('samePhone');
    const placeholders = find(clients({ name: 'Анна Белова', phone: '000-00-00', city: 'Москва' }, { name: 'Ольга Белова', phone: '000-00-00', city: 'Москва' }, { name: 'Пётр Орлов', phone: '1234567' }, { name: 'Иван Орлов', phone: '1234567' }));
    expect(placeholders).toEqual([]);
  });

  it('reads an area code before a slash and an extension after a comma as parts of one number', () => {
    // US lists write `310/246-1501`: the slash is not a list of two phones there.
    const slashed = find(clients({ name: "Arnie Morton's of Chicago", phone: '310/246-1501', city: 'Los Angeles' }, { name: "Arnie Morton's of Chicago", phone: '310-246-1501', city: 'Los Angeles' }));
    expect(slashed.map((g) => g.members)).toEqual([[0, 1]]);
    expect(slashed[0].reasons).toContain('samePhone');
    // The extension's digits are not the number's: one wrong digit of the number itself is a typo.
    const extension = find(clients({ name: 'Осипов Глеб', phone: '(495) 123-45-67, доб. 12' }, { name: 'Осипов Глеб', phone: '8 495 123-45-68' }));
    expect(extension.map((g) => g.reasons)).toEqual([expect.arrayContaining(['phoneTypo'])]);
  });

  it('joins a foreign number written with its country code and without it', () => {
    // A client from Minsk: +375 29 … in one row, 8 029 … (the Belarusian trunk prefix) in another.
    const minsk = find(clients({ name: 'Ковалёв Андрей', phone: '+375 29 123-45-67' }, { name: 'Андрей Ковалев', phone: '8 029 123 45 67' }, { name: 'Ковалёв Антон', phone: '8 029 123 45 68' }));
    expect(minsk.map((g) => g.members)).toEqual([[0, 1]]);
    expect(minsk[0].reasons).toContain('samePhone');
    const us = find(clients({ name: 'Mary Brown', phone: '+1 310 246 1501' }, { name: 'Brown Mary', phone: '310-246-1501' }));
    expect(us.map((g) => g.reasons)).toEqual([expect.arrayContaining(['samePhone'])]);
  });

  it('joins the same e-mail in another case and with spaces', () => {
    const groups = find(clients({ name: 'ООО «Ромашка»', email: ' Info@Romashka.RU ' }, { name: 'Ромашка', email: 'info@romashka.ru' }));
    expect(groups.map((g) => g.members)).toEqual([[0, 1]]);
    expect(groups[0].reasons).toContain('sameEmail');
  });

  it('reads several phones in one cell', () => {
    const groups = find(clients({ name: 'Сидоров', phone: '8 912 345-67-89, 8 913 111-22-33' }, { name: 'Сидоров С.', phone: '+7 913 111 22 33' }));
    expect(groups.map((g) => g.members)).toEqual([[0, 1]]);
  });

  it('joins the same ИНН and never joins different ИНН, even with one phone', () => {
    expect(memberSets(clients({ name: 'Вектор', inn: '7701234567' }, { name: 'ООО Вектор', inn: '77 0123 4567' }))).toEqual([[0, 1]]);
    const list = clients({ name: 'ООО Вектор', inn: '7701234567', phone: '+74951234567' }, { name: 'ООО Вектор', inn: '7709999999', phone: '+74951234567' });
    expect(memberSets(list)).toEqual([]);
  });

  it('never joins another legal form of the same brand', () => {
    expect(memberSets(clients({ name: 'ИП Иванов', phone: '+79123456789', city: 'Москва' }, { name: 'ООО «Иванов»', phone: '+79123456789', city: 'Москва' }))).toEqual([]);
    // Forms of one family do not count against: ОАО became ПАО.
    expect(memberSets(clients({ name: 'ОАО Вектор', phone: '+74951234567' }, { name: 'ПАО «Вектор»', phone: '+74951234567' }))).toEqual([[0, 1]]);
  });

  it('ignores a phone shared by a crowd (a placeholder)', () => {
    const list = clients(...Array.from({ length: 40 }, (_, i) => ({ name: `Клиент${i} Разный${i}`, phone: '+7 495 000-00-00' })));
    expect(memberSets(list)).toEqual([]);
  });

  it('joins no two people on one phone at any sensitivity: they share a contact', () => {
    // Once a group at the normal sensitivity: an office switchboard offered as a merge.
    const list = clients({ name: 'Иванов Иван', phone: '+79123456789' }, { name: 'Петрова Анна', phone: '+79123456789' });
    expect(memberSets(list, 'normal')).toEqual([]);
    expect(memberSets(list, 'strict')).toEqual([]);
  });

  it('joins an identical name a base of its size holds twice about once in a hundred times', () => {
    // Вольдемар and Шпак are each borne by 4 clients of 2,006: 2·log2(2006/4) − log2(2006) ≈ 7 bits,
    // one namesake expected in ≈128 such bases.
    const others = [
      { name: 'Вольдемар Иной', phone: '+7 913 000 00 11' },
      { name: 'Вольдемар Другой', phone: '+7 913 000 00 12' },
      { name: 'Шпак Роман', phone: '+7 913 000 00 13' },
      { name: 'Шпак Олег', phone: '+7 913 000 00 14' },
    ];
    const list = clients(...crowd(2000), ...others, { name: 'Вольдемар Шпак', phone: '+7 912 555 44 33', city: 'Москва' }, { name: 'Шпак Вольдемар' });
    expect(memberSets(list)).toEqual([[2004, 2005]]);
    expect(memberSets(list, 'strict')).toEqual([]);
  });

  it('compares a short given name with a slip in its first letters', () => {
    const list = clients(...crowd(2000), { name: 'Paul Sheridan', phone: '02 9876 5432', city: 'Toowoomba' }, { name: 'Panl Sheridan', city: 'Toowoomba' });
    expect(memberSets(list)).toEqual([[2000, 2001]]);
  });

  it('takes a long city name a letter apart for the same city misspelt, and a short one for another town', () => {
    const pair = (name: string, city: string) =>
      memberSets(clients(...crowd(2000), { name: 'Вольдемар Пржевальский', phone: '+7 912 555 44 33', city: 'Екатеринбург' }, { name, city }));
    // A name with an initial agrees only with the city's help.
    expect(pair('Пржевальский В.', 'Екатеринбур')).toEqual([[2000, 2001]]);
    expect(pair('Пржевальский В.', 'Челябинск')).toEqual([]);
    const short = clients(...crowd(2000), { name: 'Вольдемар Пржевальский', city: 'Омск' }, { name: 'Пржевальский Вольдемар', city: 'Орск' });
    expect(memberSets(short)).toEqual([]);
  });
});

describe('fuzzy names', () => {
  it('joins a similar name in the same city only with the city agreeing', () => {
    const base = crowd(200);
    const sameCity = clients(...base, { name: 'Ромашкин Пётр Сергеевич', city: 'МСК' }, { name: 'Пётр Ромашкин', city: 'Москва', phone: '+7 912 000 11 22' });
    expect(memberSets(sameCity)).toEqual([[200, 201]]);
    const otherCity = clients(...base, { name: 'Ромашкин Пётр Сергеевич', city: 'Казань' }, { name: 'Пётр Ромашкин', city: 'Москва', phone: '+7 912 000 11 22' });
    expect(memberSets(otherCity)).toEqual([]);
  });

  it('joins a name with a typo when the phone is one digit apart', () => {
    const groups = find(clients({ name: 'Кузнецов Алексей', phone: '+7 912 345-67-89' }, { name: 'Кузнецова Алексей', phone: '8 912 345 67 98' }));
    expect(groups.map((g) => g.members)).toEqual([[0, 1]]);
    expect(groups[0].reasons).toEqual(expect.arrayContaining(['similarName', 'phoneTypo']));
  });

  it('joins a transliterated name with an e-mail one typo apart', () => {
    const groups = find(clients({ name: 'Ivanov Sergey', email: 'sergey.ivanov77@mail.ru' }, { name: 'Иванов Сергей', email: 'sergey.ivanv77@mail.ru' }));
    expect(groups.map((g) => g.members)).toEqual([[0, 1]]);
    expect(groups[0].reasons).toContain('emailTypo');
  });

  it('keeps namesakes in one city with their own phones apart', () => {
    const list = clients(
      ...crowd(50),
      { name: 'Смирнов Андрей Петрович', city: 'Москва', phone: '+7 912 111 11 11', email: 'a.smirnov@mail.ru' },
      { name: 'Смирнов Андрей Петрович', city: 'Москва', phone: '+7 903 222 22 22', email: 'smirnov.andrey@yandex.ru' },
    );
    expect(memberSets(list)).toEqual([]);
  });

  it('does not chain two namesakes through a third record without contacts', () => {
    const list = clients(
      ...crowd(50),
      { name: 'Смирнов Андрей', city: 'Москва', phone: '+7 912 111 11 11' },
      { name: 'Смирнов Андрей', city: 'Москва', phone: '+7 903 222 22 22' },
      { name: 'Андрей Смирнов', city: 'Москва', phone: '+7 912 111 11 12' },
    );
    const groups = memberSets(list);
    for (const members of groups) expect(members.includes(50) && members.includes(51)).toBe(false);
  });

  it('does not join a common name on the city alone', () => {
    // 30 Ivanov Ivans, each with a number of his own: "Иванов Иван in Moscow" says little. (Numbers a digit
    // apart would make them one client typed 30 times, and the 31st record one more of his.)
    const list = clients(
      ...Array.from({ length: 30 }, (_, i) => ({ name: 'Иванов Иван', city: i % 2 ? 'Москва' : 'Казань', phone: `+7 912 ${String(1_000_000 + ((i * 733_103) % 9_000_000))}` })),
      ...crowd(100),
      { name: 'Иван Иванов', city: 'Москва' },
    );
    const groups = memberSets(list);
    expect(groups.some((members) => members.includes(130))).toBe(false);
  });

  it('joins a rare identical name with nothing else to compare', () => {
    const list = clients(...crowd(2000), { name: 'Вольдемар Пржевальский-Оглы', phone: '+7 912 555 44 33', city: 'Москва' }, { name: 'Пржевальский-Оглы Вольдемар' });
    const groups = find(list);
    expect(groups.map((g) => g.members)).toEqual([[2000, 2001]]);
    expect(groups[0].reasons).toContain('rareName');
    expect(memberSets(list, 'strict')).toEqual([]);
  });
});

describe('date of birth', () => {
  const born = (year: number, month: number, day: number) => calendarDay(year, month, day);

  it('joins a common name by the same date of birth, and a name with a slip in every word', () => {
    const namesakes = Array.from({ length: 30 }, (_, i) => ({ name: 'Иванов Иван', city: 'Москва', phone: `+7 912 000 00 ${String(10 + i)}` }));
    const list = clients(...namesakes, ...crowd(100), { name: 'Иванов Иван', birthday: born(1980, 5, 17), phone: '+7 903 555 12 34' }, { name: 'Иван Иванов', birthday: born(1980, 5, 17) });
    const group = find(list).find((g) => g.members.includes(130));
    expect(group?.members).toEqual([130, 131]);
    expect(group?.reasons).toContain('sameBirthday');
    // Typos early in both words: no name key is shared, the day of birth brings them together.
    const slips = clients(...crowd(2000), { name: 'Jonathan Sheridan', city: 'Toowoomba', birthday: born(1956, 4, 9) }, { name: 'Jnoathan Shreidan', birthday: born(1956, 4, 9) });
    expect(memberSets(slips)).toEqual([[2000, 2001]]);
  });

  it('keeps two people with one name and different days of birth apart, but forgives a slip in the date', () => {
    const pair = (second: number | null) =>
      memberSets(clients(...crowd(2000), { name: 'Вольдемар Пржевальский', city: 'Тверь', birthday: born(1975, 3, 8) }, { name: 'Пржевальский Вольдемар', city: 'Тверь', birthday: second }));
    expect(pair(born(1975, 3, 8))).toEqual([[2000, 2001]]);
    expect(pair(born(1975, 8, 3))).toEqual([[2000, 2001]]);
    expect(pair(born(1976, 3, 8))).toEqual([[2000, 2001]]);
    expect(pair(null)).toEqual([[2000, 2001]]);
    expect(pair(born(1991, 11, 23))).toEqual([]);
  });

  it('joins a name with a word left out by the same date of birth and city, but not two names differing in a word', () => {
    const pair = (first: string, second: string, birthday: number | null) =>
      memberSets(clients(...crowd(2000), { name: first, city: 'Toowoomba', birthday: born(1962, 7, 14) }, { name: second, city: 'Toowoomba', birthday }));
    expect(pair('Owens', 'Victoria Owens', born(1962, 7, 14))).toEqual([[2000, 2001]]);
    expect(pair('Owens', 'Victoria Owens', null)).toEqual([]);
    expect(pair('Owens', 'Victoria Owens', born(1970, 2, 3))).toEqual([]);
    // Twins: one surname and day of birth, two given names.
    expect(pair('Шпаковский Олег', 'Шпаковский Игорь', born(1962, 7, 14))).toEqual([]);
  });

  it('lets a shared phone join whatever the dates of birth say', () => {
    const list = clients({ name: 'Орлов Пётр', phone: '+7 912 345 67 89', birthday: born(1970, 1, 2) }, { name: 'Орлов Пётр', phone: '8 912 345-67-89', birthday: born(1990, 6, 30) });
    expect(memberSets(list)).toEqual([[0, 1]]);
  });
});

describe('groups', () => {
  it('is empty for no clients and for one client', () => {
    expect(find([])).toEqual([]);
    expect(find(clients({ name: 'Иванов' }))).toEqual([]);
  });

  it('joins three records of one client into one group with each reason once', () => {
    const groups = find(clients({ name: 'Иванов Иван', phone: '89123456789' }, { name: 'Иван Иванов', phone: '+7 912 345 67 89', email: 'ivan@x.ru' }, { name: 'Иванов И.', email: 'IVAN@X.RU' }));
    expect(groups).toHaveLength(1);
    expect(groups[0].members).toEqual([0, 1, 2]);
    expect(new Set(groups[0].reasons).size).toBe(groups[0].reasons.length);
  });

  it('keeps a dismissed pair apart, also through a third client', () => {
    const list = clients({ name: 'Иванов Иван', phone: '89123456789' }, { name: 'Иван Иванов', phone: '+7 912 345 67 89' });
    expect(find(list, 'normal', [[0, 1]])).toEqual([]);
    const three = clients({ name: 'А', phone: '89123456789', email: 'a@x.ru' }, { name: 'Б', phone: '89123456789' }, { name: 'В', email: 'a@x.ru' });
    const groups = find(three, 'normal', [[1, 2]]);
    for (const g of groups) expect(g.members.includes(1) && g.members.includes(2)).toBe(false);
  });

  it('lets a shared e-mail join a record across a namesake conflict of another member', () => {
    // The contactless record matches both by name and city; the shared e-mail says which one it is.
    const list = clients(
      ...crowd(50),
      { name: 'Нестеров Евгений', city: 'Волгоград', email: 'e.nesterov108@gmail.com' },
      { name: 'Нестеров Евгений', city: 'Волгоград', phone: '+7 903 222 22 22' },
      { name: 'Нестеров Евгений', city: 'Волгоград', phone: '+7 980 821 54 28', email: 'E.NESTEROV108@GMAIL.COM' },
    );
    expect(memberSets(list)).toEqual([[50, 52]]);
  });

  it('never lets a shared phone join two different ИНН through a third record', () => {
    const list = clients(
      { name: 'ООО Ромашка', phone: '+7 495 111 22 33', inn: '7701234567' },
      { name: 'Ромашка', phone: '84951112233' },
      { name: 'ООО «Ромашка»', phone: '+7 (495) 111-22-33', inn: '7709876543' },
    );
    for (const members of memberSets(list)) expect(members.includes(0) && members.includes(2)).toBe(false);
  });

  it('finds at least as many pairs when looser', () => {
    const list = clients(...crowd(100), { name: 'Киселёв Иван Александрович', city: 'Москва', phone: '+7 981 118 34 93' }, { name: 'Киселёв И.А.', city: 'Москва' });
    const pairs = (s: DuplicateSensitivity) => find(list, s).reduce((n, g) => n + (g.members.length * (g.members.length - 1)) / 2, 0);
    expect(pairs('strict')).toBeLessThanOrEqual(pairs('normal'));
    expect(pairs('normal')).toBeLessThanOrEqual(pairs('loose'));
  });
});

describe('evidence for and against a fuzzy name', () => {
  it('keeps apart namesakes with different patronymics, however rare the rest', () => {
    const list = clients({ name: 'Ромашкин Пётр Сергеевич', city: 'Москва' }, { name: 'Ромашкин Пётр Иванович', city: 'Москва' });
    expect(memberSets(list, 'loose')).toEqual([]);
    // A missing patronymic is not a different one.
    expect(memberSets(clients({ name: 'Ромашкин Пётр Сергеевич', city: 'Москва' }, { name: 'Пётр Ромашкин', city: 'Москва' }), 'loose')).toEqual([[0, 1]]);
  });

  it('takes Иванов and Иванова for one client only when a phone says so', () => {
    const base = crowd(200);
    const withEmail = clients(...base, { name: 'Никитин Евгений', email: 'e.nikitin@mail.ru', city: 'Москва' }, { name: 'Никитина Евгения', email: 'e.nikitina@mail.ru', city: 'Москва' });
    expect(memberSets(withEmail)).toEqual([]);
  });

  it('does not take an e-mail with another number for a typo', () => {
    const list = clients({ name: 'Белов Денис', email: 'denis.belov348@mail.ru', phone: '+7 917 914-32-12' }, { name: 'Белов Денис', email: 'denis.belov328@mail.ru' });
    expect(memberSets(list)).toEqual([]);
  });

  it('does not count phones two typos apart as the phones of two people', () => {
    const base = crowd(200);
    const list = clients(...base, { name: 'Ромашкин Пётр Сергеевич', phone: '+7 943 426-47-58', city: 'Москва' }, { name: 'Пётр Ромашкин', phone: '+7 943 462-47-85', city: 'Москва' });
    expect(memberSets(list)).toEqual([[200, 201]]);
    const far = clients(...base, { name: 'Ромашкин Пётр Сергеевич', phone: '+7 943 426-47-58', city: 'Москва' }, { name: 'Пётр Ромашкин', phone: '+7 916 111-22-33', city: 'Москва' });
    expect(memberSets(far)).toEqual([]);
  });

  it('finds a retyped phone inside a block too big to compare whole', () => {
    const brand = Array.from({ length: 300 }, (_, i) => ({ name: 'ООО «Исток»', phone: `+7 900 ${String(2000000 + i * 7)}`, city: i % 2 ? 'Москва' : 'Казань' }));
    const list = clients(...brand, { name: 'АО «Исток»', phone: '+7 343 656 91 83', city: 'Москва' }, { name: 'АО Исток', phone: '7 343 656 91 38', city: 'Москва' });
    const groups = find(list);
    expect(groups.map((g) => g.members)).toContainEqual([300, 301]);
  });
});
