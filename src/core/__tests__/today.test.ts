import { readBase } from '../base';
import { computeTracker } from '../tracker';
import { isoToDay } from '../normalise/date';
import { managerNames, todayList, type TodayOptions } from '../today';
import { book, date, sheet } from './snapshot-builder';

const HEADER = ['ID', 'Клиент', 'Менеджер', 'Статус', 'Дата первого контакта', 'Последний заказ', 'Заказов', 'День рождения', 'Следующий контакт'];

/** The list for a clients sheet as of `asOf` (yyyy-mm-dd), through the real reading and tracker. */
function listFor(rows: unknown[][], asOf: string, options?: TodayOptions) {
  const base = readBase(book(sheet('Клиенты', HEADER, ...(rows as never[][]))));
  const day = isoToDay(asOf)!;
  const tracker = computeTracker(base.clients.map((c) => c.history), base.orders, base.orderClient, day, base.settings.coldDays);
  return todayList(base, tracker, day, options);
}

const kinds = (list: ReturnType<typeof listFor>) => list.items.map((item) => [item.kind, item.clientId, item.date]);

describe('the «Сегодня» list', () => {
  it('lists overdue and today\'s next contacts, cold clients with no next contact, birthdays and untouched new clients, in that order', () => {
    const list = listFor(
      [
        ['К-1', 'Просрочен', 'Анна', 'Серый', date(1, 10, 2026), null, null, null, date(28, 11, 2026)],
        ['К-2', 'Сегодня', 'Анна', 'Зелёный', date(1, 10, 2026), null, null, null, date(4, 12, 2026)],
        ['К-3', 'Завтра', 'Анна', 'Зелёный', date(1, 10, 2026), null, null, null, date(5, 12, 2026)],
        ['К-4', 'Остывший', 'Борис', 'Золотой', date(1, 1, 2026), date(1, 9, 2026), 2, null, null],
        ['К-5', 'Остывший, звонок назначен', 'Борис', 'Золотой', date(1, 1, 2026), date(1, 9, 2026), 2, null, date(10, 12, 2026)],
        ['К-6', 'Отказался', 'Борис', 'Красно-золотой', date(1, 1, 2026), date(1, 9, 2026), 1, null, null],
        ['К-7', 'Тёплый', 'Борис', 'Золотой', date(1, 1, 2026), date(20, 11, 2026), 1, null, null],
        ['К-8', 'Именинник', 'Анна', 'Серый', date(1, 1, 2026), null, null, date(10, 12, 1980), null],
        ['К-9', 'Новый', 'Анна', 'Белый', null, null, null, null, null],
        ['К-10', 'Новый без статуса', 'Анна', '', null, null, null, null, null],
        ['К-11', 'Белый, но уже звонили', 'Анна', 'Белый', date(2, 12, 2026), null, null, null, null],
      ],
      '2026-12-04',
    );
    expect(list.asOf).toBe('2026-12-04');
    expect(kinds(list)).toEqual([
      ['overdue', 'К-1', '2026-11-28'],
      ['today', 'К-2', '2026-12-04'],
      ['cold', 'К-4', '2026-09-01'],
      ['birthday', 'К-8', '2026-12-10'],
      ['new', 'К-9', null],
      ['new', 'К-10', null],
    ]);
    expect(list.items[0]).toMatchObject({ client: 'Просрочен', manager: 'Анна', row: 2 });
  });

  it('judges a client with a rhythm by it instead of the cold threshold: a weekly buyer at day 20 is missing it, a yearly buyer at day 90 is fine', () => {
    const clients = sheet(
      'Клиенты',
      ['ID', 'Клиент', 'Менеджер', 'Статус', 'Следующий контакт'],
      ['К-1', 'Еженедельный', 'Анна', 'Золотой', null],
      ['К-2', 'Ежегодный', 'Анна', 'Золотой', null],
      ['К-3', 'Ежегодный, давно', 'Анна', 'Золотой', null],
      ['К-4', 'Два заказа', 'Анна', 'Золотой', null],
      ['К-5', 'Еженедельный, звонок назначен', 'Анна', 'Золотой', date(10, 12, 2026)],
    );
    const orderRows: unknown[][] = [];
    const add = (id: string, ...days: Array<[number, number, number]>) => days.forEach(([d, m, y]) => orderRows.push([date(d, m, y), id, 100]));
    add('К-1', [30, 10, 2026], [6, 11, 2026], [13, 11, 2026], [14, 11, 2026]); // gaps 7, 7, 1 → 7; 20 days since > 14
    add('К-2', [5, 9, 2024], [5, 9, 2025], [5, 9, 2026]); // gaps 365, 365 → 365; 90 days since
    add('К-3', [1, 1, 2023], [1, 1, 2024], [1, 1, 2025]); // gaps 365, 366 → 365.5; 702 days since, within 2 × 365.5
    add('К-4', [1, 1, 2026], [1, 6, 2026]); // no rhythm: the cold rule
    add('К-5', [30, 10, 2026], [6, 11, 2026], [13, 11, 2026]);
    const base = readBase(book(clients, sheet('Заказы', ['Дата', 'ID клиента', 'Сумма'], ...(orderRows as never[][]))));
    const day = isoToDay('2026-12-04')!;
    const tracker = computeTracker(base.clients.map((c) => c.history), base.orders, base.orderClient, day, base.settings.coldDays, base.settings.rhythmSlip);
    expect(tracker.map((t) => t.medianGap)).toEqual([7, 365, 365.5, null, 7]);
    expect(kinds(todayList(base, tracker, day))).toEqual([
      ['slipping', 'К-1', '2026-11-21'],
      ['cold', 'К-4', '2026-06-01'],
    ]);
    // 740 days without an order is more than twice 365.5 days and past the 60-day threshold too: К-3 has gone
    // cold, dated by the last order; К-1, 57 days after its last weekly order, is still slipping.
    const later = isoToDay('2027-01-10')!;
    const laterTracker = computeTracker(base.clients.map((c) => c.history), base.orders, base.orderClient, later, 60, 2);
    expect(laterTracker[2].slipping).toBe(true);
    // К-5's next contact is overdue by then: a contact is set, so the rhythm does not list the client too.
    expect(kinds(todayList(base, laterTracker, later))).toEqual([
      ['overdue', 'К-5', '2026-12-10'],
      ['slipping', 'К-1', '2026-11-21'],
      ['cold', 'К-3', '2025-01-01'],
      ['cold', 'К-4', '2026-06-01'],
    ]);
  });

  it('finds birthdays across the year end, and 29 February on 28 February of a common year', () => {
    const rows = [
      ['К-1', 'Новогодний', 'Анна', 'Серый', date(1, 1, 2020), null, null, date(2, 1, 1990), null],
      ['К-2', 'Високосный', 'Анна', 'Серый', date(1, 1, 2020), null, null, date(29, 2, 1996), null],
      ['К-3', 'Через восемь дней', 'Анна', 'Серый', date(1, 1, 2020), null, null, date(7, 1, 1990), null],
    ];
    expect(kinds(listFor(rows, '2026-12-30'))).toEqual([['birthday', 'К-1', '2027-01-02']]);
    expect(kinds(listFor(rows, '2027-02-25'))).toEqual([['birthday', 'К-2', '2027-02-28']]);
    expect(kinds(listFor(rows, '2028-02-25'))).toEqual([['birthday', 'К-2', '2028-02-29']]);
    expect(kinds(listFor(rows, '2028-03-01'))).toEqual([]);
    expect(kinds(listFor(rows, '2026-12-31', { birthdayDays: 7 }))).toEqual([
      ['birthday', 'К-1', '2027-01-02'],
      ['birthday', 'К-3', '2027-01-07'],
    ]);
  });

  it('keeps one manager\'s clients, whatever the case or ё, and names the managers there are', () => {
    const rows = [
      ['К-1', 'Первый', 'Пётр', 'Серый', date(1, 1, 2026), null, null, null, date(1, 12, 2026)],
      ['К-2', 'Второй', 'Анна', 'Серый', date(1, 1, 2026), null, null, null, date(1, 12, 2026)],
      ['К-3', 'Третий', ' петр ', 'Серый', date(1, 1, 2026), null, null, null, date(2, 12, 2026)],
    ];
    expect(listFor(rows, '2026-12-04', { manager: 'ПЕТР' }).items.map((item) => item.clientId)).toEqual(['К-1', 'К-3']);
    expect(listFor(rows, '2026-12-04', { manager: 'Никто' }).items).toEqual([]);
    expect(managerNames(readBase(book(sheet('Клиенты', HEADER, ...(rows as never[][])))))).toEqual(['Анна', 'Пётр']);
  });

  it('names a client of an unstructured base by its row', () => {
    const list = listFor([[null, 'Без ID', 'Анна', 'Серый', date(1, 1, 2026), null, null, null, date(1, 12, 2026)]], '2026-12-04');
    expect(list.items.map((item) => item.clientId)).toEqual(['row:2']);
  });
});
