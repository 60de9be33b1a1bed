import { birthdayKeys, COMMON_KEY_CAP, eachKey, heavySlipKeys } from '../blocking';
import { eachCandidatePair } from '../candidates';
import { prepareRecord, type MatchInput } from '../prepare';
import { soundCode, skeleton } from '../skeleton';
import { calendarDay } from '../../normalise/date';

const record = (client: MatchInput) => prepareRecord(client, 'RU');

/** The pairs of clients blocking lets through, as `i-j` (i < j). */
function comparedPairs(clients: readonly MatchInput[]): Set<string> {
  const byRank = clients.map(record);
  const identity = Int32Array.from(clients, (_, i) => i);
  const pairs = new Set<string>();
  eachCandidatePair({ byRank, clientOf: identity, rankOf: identity }, (x, y) => pairs.add(`${Math.min(x, y)}-${Math.max(x, y)}`));
  return pairs;
}

/** A client's blocking keys other than the heavy-slip ones (what blocking had before them). */
function otherKeys(client: MatchInput): Set<string> {
  const keys = new Set<string>();
  eachKey(record(client), [], (key) => keys.add(key));
  for (const key of heavySlipKeys(record(client))) keys.delete(key);
  return keys;
}

function shareOtherKeys(a: MatchInput, b: MatchInput): boolean {
  const of = otherKeys(b);
  return [...otherKeys(a)].some((key) => of.has(key));
}

describe('blocking with a slip in every field', () => {
  const pairs: Array<[string, MatchInput, MatchInput]> = [
    [
      'a misspelling as heard in the surname, two digits swapped twice, a city typo',
      { name: 'Воронова Виктория', phone: '+7 924 558-53-77', email: '', city: 'Новосибирск' },
      { name: 'Варонова Виктория Евгеньевна', phone: '+7 924 585-35-77', email: '', city: 'Навосибирск' },
    ],
    [
      'Latin names spelled as heard and swapped, no country code, a mistyped and two swapped digits, no city',
      { name: 'Stephen Brandon', phone: '+7 979 808-01-56', email: '', city: 'lake brook' },
      { name: 'Brendan Stiphen', phone: '979 828-05-16', email: '', city: '' },
    ],
    [
      'a word left out and a misspelling as heard, two pairs of digits swapped, no city',
      { name: 'Кондратьев Дмитрий Павлович', phone: '+7 987 578-97-45', email: '', city: 'Москва' },
      { name: 'Кандратьев Павлович', phone: '8 978 758-97-45', email: '', city: '' },
    ],
  ];
  it.each(pairs)('compares a true pair: %s', (_, a, b) => {
    // Without the heavy-slip keys these two would never be compared.
    expect(shareOtherKeys(a, b)).toBe(false);
    const others: MatchInput[] = [
      { name: 'Петров Сергей', phone: '+7 916 111-22-33', email: '', city: 'Москва' },
      { name: 'Smith John', phone: '+7 903 444-55-66', email: '', city: 'north wood' },
    ];
    expect(comparedPairs([a, ...others, b]).has('0-3')).toBe(true);
  });

  it('folds misspellings as heard into one phonetic code, in either alphabet, and keeps different names apart', () => {
    const code = (word: string) => soundCode(skeleton(word));
    expect(code('Варонова')).toBe(code('Воронова'));
    expect(code('Тимофиев')).toBe(code('Тимофеев'));
    expect(code('Семёнов')).toBe(code('Semenov'));
    expect(code('Stephan')).toBe(code('Stefan'));
    expect(code('Воронова')).not.toBe(code('Петрова'));
    expect(code('Анна')).not.toBe(code('Алла'));
  });

  it('keys a birthday also with its day and month swapped, when that is a date', () => {
    const born = (day: number | null) => birthdayKeys(record({ name: 'Иванов', phone: '', email: '', city: '', birthday: day }));
    const [march5, may3] = [calendarDay(1980, 3, 5), calendarDay(1980, 5, 3)];
    expect(born(march5).some((key) => born(may3).includes(key))).toBe(true);
    // The 25th of March has no swapped twin; the 5th of May is only itself once.
    expect(born(calendarDay(1980, 3, 25))).toHaveLength(1);
    expect(born(calendarDay(1980, 5, 5))).toHaveLength(1);
  });
});

describe('over-common heavy-slip keys', () => {
  /**
   * `count` clients with names of their own and phones that are the same digits in other orders: one
   * `o:` key (clients of one name are compared in their name's block, never in another). Each name is
   * one word of its own (`Фирма100`), so no two names meet as neighbours under a shared word either.
   */
  const sameDigits = (count: number): MatchInput[] => {
    const out: MatchInput[] = [];
    const digits = [...'1234567'];
    for (let n = 0; out.length < count; n++) {
      // The n-th permutation of the seven digits, in the factorial number system.
      const pool = [...digits];
      let rest = n * 37;
      let phone = '';
      for (let k = pool.length; k > 0; k--) {
        phone += pool.splice(rest % k, 1)[0];
        rest = Math.floor(rest / k);
      }
      out.push({ name: `Фирма${100 + n}`, phone: `+7 912 ${phone}`, email: '', city: '' });
    }
    return out;
  };
  const allPairs = (n: number) => (n * (n - 1)) / 2;

  it('compares a block of one key whole while it is small', () => {
    const small = sameDigits(COMMON_KEY_CAP);
    expect(new Set(small.map((c) => c.phone)).size).toBe(COMMON_KEY_CAP);
    expect(comparedPairs(small).size).toBe(allPairs(COMMON_KEY_CAP));
  });

  it('drops it once it is over-common: only pairs some other key joins are compared', () => {
    const big = sameDigits(3 * COMMON_KEY_CAP);
    expect(new Set(big.map((c) => c.phone)).size).toBe(3 * COMMON_KEY_CAP);
    const keys = big.map((client) => {
      const all = new Set<string>();
      eachKey(record(client), [], (key) => all.add(key));
      expect(all.has('o:912|1234567')).toBe(true);
      all.delete('o:912|1234567');
      return all;
    });
    const compared = comparedPairs(big);
    for (const pair of compared) {
      const [i, j] = pair.split('-').map(Number);
      expect([...keys[i]].some((key) => keys[j].has(key))).toBe(true);
    }
    expect(compared.size).toBeLessThan(allPairs(3 * COMMON_KEY_CAP) / 2);
  });
});

describe('blocks of two name words', () => {
  it('compares a common pair of words within a narrow window, not whole', () => {
    // Thirty people who share a surname and a first name and differ in the patronymic: one `p:` block.
    const patronymics = ['Андреевич', 'Борисович', 'Викторович', 'Глебович', 'Денисович', 'Егорович', 'Жоресович', 'Захарович', 'Игоревич', 'Кириллович'];
    const clients: MatchInput[] = [];
    for (let k = 0; clients.length < 30; k++) {
      clients.push({ name: `Абрамов Дмитрий ${patronymics[k % 10]}`, phone: `+7 912 ${String(1000000 + k * 7919).slice(-7)}`, email: '', city: `Город ${k}` });
    }
    const compared = comparedPairs(clients);
    // Whole, the block would make 435 pairs; a window of ten compares each client with nine neighbours.
    expect(compared.size).toBeGreaterThan(0);
    expect(compared.size).toBeLessThanOrEqual(30 * 9);
  });
});

describe('names sorted by each of their words', () => {
  /** Filler clients whose names share no word with the ones under test. */
  const crowd = (n: number): MatchInput[] => Array.from({ length: n }, (_, k) => ({ name: `Заполнитель${k} Клиент${k}`, phone: '', email: '', city: '' }));
  const comparedWith = (clients: MatchInput[], a: number, b: number) => comparedPairs(clients).has(`${Math.min(a, b)}-${Math.max(a, b)}`);

  it('bring a name with a slip early in a word, and a name with a word left out, to the names they are', () => {
    // No name key is shared: `bria|reyn` against `brix|reyn`, and a surname alone has no `p:` key.
    for (const [a, b] of [
      ['Brian Reynolds', 'Brixan Reynolds'],
      ['Parker', 'Christian Parker'],
    ]) {
      const clients = [...crowd(20), { name: a, phone: '', email: '', city: 'glen bay' }, { name: b, phone: '', email: '', city: 'glen bay' }];
      expect(comparedWith(clients, 20, 21)).toBe(true);
    }
  });

  it('compare each name with a few neighbours, however many share the word', () => {
    const clients: MatchInput[] = Array.from({ length: 300 }, (_, k) => ({ name: `Кузнецова Имя${k}`, phone: '', email: '', city: '' }));
    // Every name has one word of its own, so only the neighbours under `Кузнецова` meet (3 each), and
    // whole-name blocks of two words (`p:`, compared within a window of ten) add their own.
    expect(comparedPairs(clients).size).toBeLessThan(300 * 12);
  });
});
