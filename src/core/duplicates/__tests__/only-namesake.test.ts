import type { DuplicateSensitivity } from '../../settings';
import type { Client } from '../../model';
import { findDuplicates } from '../match';
import { clients } from './fixtures';
import { judgePair } from '../evidence';
import { OnlyNamesakes } from '../only-namesake';
import { prepareRecord } from '../prepare';
import { measureRarity } from '../rarity';
import { compareNames } from '../similarity';

const find = (list: Client[], sensitivity: DuplicateSensitivity = 'normal', dismissed?: Array<[number, number]>) =>
  findDuplicates(list, { sensitivity, phoneRegion: 'RU', dismissed });

/** Filler clients with contacts and names of their own, so that no word under test is rare by accident of a tiny base. */
const crowd = (n: number): Array<Partial<Client>> =>
  Array.from({ length: n }, (_, i) => ({ name: `Клиент${i} Заполнитель${i % 7}`, phone: `+7 900 ${String(1000000 + i)}`, city: 'Москва' }));

/** A common surname and first name: never rare enough to join on the name alone (`rareName`). */
const common = (n: number): Array<Partial<Client>> =>
  Array.from({ length: n }, (_, i) => ({ name: `Полякова ${['Мария', 'Ольга', 'Ирина', 'Вера'][i % 4]}`, phone: `+7 901 ${String(2000000 + i * 137911)}`, city: 'Казань' }));

describe('a client known by name only', () => {
  it('joins the one client of the base its name may stand for', () => {
    const list = clients(...crowd(40), ...common(8), { name: 'ИП Полякова Элина Антоновна', phone: '+7 926 677-29-74', city: 'Санкт-Петербург' }, { name: 'Полякова Э.А.' });
    const groups = find(list);
    expect(groups.map((g) => g.members)).toEqual([[48, 49]]);
    expect(groups[0].reasons).toEqual(['similarName', 'initials', 'onlyNamesake']);
    expect(groups[0].score).toBeLessThanOrEqual(0.85);
  });

  it('joins a company by its brand and legal form, and not one of another form', () => {
    const list = clients(...crowd(40), { name: 'АО «Медмаркет»', phone: '8 383 711-15-48', email: 'info@medmarket.ru', city: 'Волгоград' }, { name: 'Медмаркет АО' });
    expect(find(list).map((g) => [g.members, g.reasons])).toEqual([[[40, 41], ['sameName', 'onlyNamesake']]]);
    const otherForm = clients(...crowd(40), { name: 'ООО «Медмаркет»', phone: '8 383 711-15-48', city: 'Волгоград' }, { name: 'Медмаркет АО' });
    expect(find(otherForm)).toEqual([]);
  });

  it('joins nothing when its name may stand for two clients', () => {
    // Two offices of «Меридиан» with numbers of their own: which one a bare «Меридиан» is, nobody can tell.
    const list = clients(...crowd(40), { name: 'ООО «Меридиан»', phone: '+7 495 605-88-02', city: 'Москва' }, { name: 'ООО Меридиан', phone: '+7 812 163-35-84', city: 'Санкт-Петербург' }, { name: '«Меридиан» ООО' });
    expect(find(list)).toEqual([]);
    // The two are one client (the same phone): then the bare one is theirs too.
    const one = clients(...crowd(40), { name: 'ООО «Меридиан»', phone: '+7 495 605-88-02', city: 'Москва' }, { name: 'ООО Меридиан', phone: '8 495 605-88-02', city: 'Москва' }, { name: '«Меридиан» ООО', city: 'Москва' });
    expect(find(one).map((g) => g.members)).toEqual([[40, 41, 42]]);
  });

  it('joins nothing in another city, with another patronymic, or when neither record has a contact', () => {
    const person = { name: 'Краснов Фёдор Андреевич', phone: '+7 981 906-87-82', city: 'Казань' };
    expect(find(clients(...crowd(40), person, { name: 'Краснов Фёдор', city: 'Пермь' }))).toEqual([]);
    expect(find(clients(...crowd(40), person, { name: 'Краснов Фёдор Ильич' }))).toEqual([]);
    expect(find(clients(...crowd(40), ...common(8), { name: 'ИП Полякова Элина Антоновна', city: 'Санкт-Петербург' }, { name: 'Полякова Э.А.' }))).toEqual([]);
  });

  it('needs a name of two words or a company: a surname alone may be anyone, a brand alone is its company', () => {
    expect(find(clients(...crowd(40), { name: 'Соловьёва Анна', phone: '+7 947 080-47-54' }, { name: 'Соловьёва' }))).toEqual([]);
    expect(find(clients(...crowd(40), { name: 'ИП Соловьёва', phone: '+7 947 080-47-54' }, { name: 'Соловьёва' }))).toEqual([]);
    const brand = clients(...crowd(40), { name: 'ООО «Западлогистик»', phone: '+7 909 976-04-15', city: 'Москва' }, { name: 'Западлогистик' });
    expect(find(brand).map((g) => [g.members, g.reasons])).toEqual([[[40, 41], ['sameName', 'onlyNamesake']]]);
    // Two companies of that brand: either may be meant.
    const two = clients(...crowd(40), { name: 'ООО «Западлогистик»', phone: '+7 909 976-04-15', city: 'Москва' }, { name: 'АО Западлогистик', phone: '+7 812 440-00-98', city: 'Казань' }, { name: 'Западлогистик' });
    expect(find(two)).toEqual([]);
  });

  it('takes a name with a slip and a word left out for the same name', () => {
    // 0.87 alike: `Степнаов` is `Степанов` with two letters swapped, and the patronymic is not in the other.
    const list = clients(...crowd(40), { name: 'Степанов Кирилл', phone: '+7 990 519-45-00', city: 'Волгоград' }, { name: 'Степнаов Кирилл Вадимович' });
    expect(find(list).map((g) => g.members)).toEqual([[40, 41]]);
  });

  it('joins neither of two namesakes of its city that the rules match as strongly, and the one that fits best', () => {
    const bare = { name: 'Игорь Наумов', city: 'Екатеринбург' };
    const naumov = { name: 'Наумов Игорь', phone: '+7 918 299-27-86', city: 'Екатеринбург' };
    expect(find(clients(...crowd(40), naumov, bare)).map((g) => g.members)).toEqual([[40, 41]]);
    // Two of that city, each with a phone of their own: which one it is, nobody can tell.
    const namesakes = clients(...crowd(40), naumov, { name: 'ИП Игорь Наумов', phone: '+7 937 871-06-02', city: 'Екатеринбург' }, bare);
    expect(find(namesakes)).toEqual([]);
    expect(find(namesakes, 'strict')).toEqual([]);
    // A fuller name fits one of two better: `Фролов Фёдор` may be any Фёдор Фролов, `Фролов Фёдор Фёдорович` is him.
    const frolov = clients(
      ...crowd(40),
      { name: 'Фролов Фёдор', phone: '+7 963 509-41-19', city: 'Новосибирск' },
      { name: 'Фролов Фёдор Фёдорович', phone: '+7 966 280-30-00', city: 'Новосибирск' },
      { name: 'Федор Федорович Фролов', city: 'Новосибирск' },
    );
    expect(find(frolov).map((g) => g.members)).toEqual([[41, 42]]);
  });

  it('is not done at the strict sensitivity, nor against the user\'s «not a duplicate»', () => {
    const list = clients(...crowd(40), { name: 'Краснов Фёдор', phone: '+7 981 906-87-82', city: 'Казань' }, { name: 'Краснов Ф.А.', city: 'Казань' });
    expect(find(list).map((g) => g.members)).toEqual([[40, 41]]);
    expect(find(list, 'strict')).toEqual([]);
    expect(find(list, 'normal', [[40, 41]])).toEqual([]);
  });

  it('joins no group with a member in another city', () => {
    // Краснов of Казань and of Пермь. Apart, the bare Краснов of Казань is the one of Казань. One client by
    // their phone, the group says he has moved, or that it joins two people: either way a guess.
    const records = clients(
      { name: 'Краснов Фёдор Андреевич', phone: '+7 981 906-87-82', city: 'Казань' },
      { name: 'Краснов Федор', phone: '8 981 906-87-82', city: 'Пермь' },
      { name: 'Краснов Ф.А.', city: 'Казань' },
    ).map((c) => prepareRecord(c, 'RU'));
    const rarity = measureRarity(records);
    const joinsWith = (groups: number[][]) => {
      const namesakes = new OnlyNamesakes((client) => records[client], (city) => city);
      for (const [i, j] of [[0, 2], [1, 2]]) namesakes.consider(i, j, records[i], records[j], compareNames(records[i].name, records[j].name, rarity.words), { match: false, score: 0.7, reasons: ['initials'], conflict: null }, -1);
      return namesakes.joins((client) => groups.find((members) => members.includes(client)) ?? [client]).map((edge) => [edge.i, edge.j, edge.reasons]);
    };
    expect(joinsWith([[0], [1], [2]])).toEqual([[0, 2, ['initials', 'onlyNamesake']]]); // the one in its city
    expect(joinsWith([[0, 1], [2]])).toEqual([]); // one group, in two cities
    expect(judgePair(records[0], records[1], 'normal', rarity, 2).match).toBe(true);
  });

  it('takes a city typed with a slip, or a rare spelling of a common city, for the same city', () => {
    const joins = (bareCity: string, cityAsMeant = (city: string) => city) => {
      const records = clients({ name: 'Гаврилов Андрей Петрович', phone: '+7 907 860-13-55', city: 'Тюмень' }, { name: 'Гаврилов Андрей', city: bareCity }).map((c) => prepareRecord(c, 'RU'));
      const namesakes = new OnlyNamesakes((client) => records[client], cityAsMeant);
      const name = compareNames(records[0].name, records[1].name, measureRarity(records).words);
      namesakes.consider(0, 1, records[0], records[1], name, { match: false, score: 0.7, reasons: ['similarName'], conflict: null }, -1);
      return namesakes.joins((client) => [client]).map((edge) => [edge.i, edge.j]);
    };
    expect(joins('Тюмень')).toEqual([[0, 1]]);
    expect(joins('Тюмеень')).toEqual([[0, 1]]); // a slip
    expect(joins('Тююмен')).toEqual([]); // two: another town, unless the base says otherwise
    expect(joins('Тююмен', (city) => (city === 'тююмен' ? 'тюмень' : city))).toEqual([[0, 1]]);
    expect(joins('Пермь')).toEqual([]);
  });
});
