/** The birthday list's bands on fixed days, the «поздравлен в этом году» mark and the greeting template. */
import { readBase } from '../base';
import { ageTurned, birthdayList } from '../birthday-list';
import { birthdayIn, daysToBirthday } from '../birthdays';
import { readHistory } from '../contact-history';
import { momentOn } from '../contact-log';
import { planLogGreeting, renderGreeting } from '../greetings';
import { isoToDay } from '../normalise/date';
import { readSettings } from '../settings-sheet';
import { todayList } from '../today';
import { computeTracker } from '../tracker';
import { MemoryWorkbook } from '../../workbook/memory';
import type { CellValue, WorkbookSnapshot } from '../../workbook/snapshot';
import { book, date, sheet } from './snapshot-builder';

const HEADER = ['ID', 'Клиент', 'Контактное лицо', 'Менеджер', 'День рождения'];
const HISTORY_HEADER = ['Дата и время', 'ID клиента', 'Клиент', 'Менеджер', 'Вид', 'Результат'];
const day = (iso: string) => isoToDay(iso)!;
const at = (iso: string) => new Date(`${iso}T12:30:00Z`);

function workbook(clients: CellValue[][], history: CellValue[][] = [], ...more: WorkbookSnapshot['sheets']): WorkbookSnapshot {
  return book(sheet('Клиенты', HEADER, ...clients), ...(history.length ? [sheet('История', HISTORY_HEADER, ...history)] : []), ...more);
}

function listOn(snapshot: WorkbookSnapshot, asOf: string, manager?: string) {
  return birthdayList(readBase(snapshot), readHistory(snapshot), day(asOf), { manager });
}

const bands = (list: ReturnType<typeof listOn>) => list.items.map((item) => [item.band, item.clientId, item.date, item.days]);

describe('the birthday list', () => {
  it('bands today, the next 7 days and the rest of this month, each client once, by date', () => {
    const snapshot = workbook([
      ['К-1', 'Сегодняшний', '', 'Анна', date(10, 3, 1980)],
      ['К-2', 'Через неделю', '', 'Анна', date(17, 3, 1985)],
      ['К-3', 'Через восемь дней', '', 'Борис', date(18, 3, 1990)],
      ['К-4', 'Был в начале месяца', '', 'Борис', date(2, 3, 1975)],
      ['К-5', 'Вчера', '', 'Анна', date(9, 3, 1970)],
      ['К-6', 'В апреле', '', 'Анна', date(1, 4, 1970)],
      ['К-7', 'Завтра', '', 'Борис', date(11, 3, 2001)],
      ['К-8', 'Без даты', '', 'Анна', null],
    ]);
    expect(bands(listOn(snapshot, '2026-03-10'))).toEqual([
      ['today', 'К-1', '2026-03-10', 0],
      ['week', 'К-7', '2026-03-11', 1],
      ['week', 'К-2', '2026-03-17', 7],
      ['month', 'К-4', '2026-03-02', -8],
      ['month', 'К-5', '2026-03-09', -1],
      ['month', 'К-3', '2026-03-18', 8],
    ]);
    expect(bands(listOn(snapshot, '2026-03-10', 'борис'))).toEqual([
      ['week', 'К-7', '2026-03-11', 1],
      ['month', 'К-4', '2026-03-02', -8],
      ['month', 'К-3', '2026-03-18', 8],
    ]);
    expect(listOn(snapshot, '2026-03-10').items[0]).toMatchObject({ client: 'Сегодняшний', manager: 'Анна', row: 2, age: 46, congratulated: false });
  });

  it('keeps a birthday of the next 7 days in the week band across the month end and the year end', () => {
    const snapshot = workbook([
      ['К-1', 'Второго января', '', 'Анна', date(2, 1, 1980)],
      ['К-2', 'Тридцатого декабря', '', 'Анна', date(30, 12, 1980)],
      ['К-3', 'Первого декабря', '', 'Анна', date(1, 12, 1980)],
      ['К-4', 'Пятого января', '', 'Анна', date(5, 1, 1980)],
    ]);
    expect(bands(listOn(snapshot, '2026-12-28'))).toEqual([
      ['week', 'К-2', '2026-12-30', 2],
      ['week', 'К-1', '2027-01-02', 5],
      ['month', 'К-3', '2026-12-01', -27],
    ]);
    // The age is the one turned on the day shown: next year's for a birthday across the year end.
    expect(listOn(snapshot, '2026-12-28').items[1].age).toBe(47);
    // On 29 January a birthday on 2 February is this week's, not next month's or January's.
    const february = workbook([['К-1', 'Второго февраля', '', 'Анна', date(2, 2, 1980)]]);
    expect(bands(listOn(february, '2026-01-29'))).toEqual([['week', 'К-1', '2026-02-02', 4]]);
  });

  it('keeps 29 February on 28 February in a year without one', () => {
    const snapshot = workbook([['К-1', 'Високосный', '', 'Анна', date(29, 2, 1988)]]);
    expect(bands(listOn(snapshot, '2027-02-28'))).toEqual([['today', 'К-1', '2027-02-28', 0]]);
    expect(bands(listOn(snapshot, '2027-02-22'))).toEqual([['week', 'К-1', '2027-02-28', 6]]);
    expect(bands(listOn(snapshot, '2027-02-01'))).toEqual([['month', 'К-1', '2027-02-28', 27]]);
    expect(bands(listOn(snapshot, '2028-02-29'))).toEqual([['today', 'К-1', '2028-02-29', 0]]);
    expect(bands(listOn(snapshot, '2027-03-01'))).toEqual([]);
    expect(birthdayIn(day('1988-02-29'), 2027)).toBe(day('2027-02-28'));
    expect(daysToBirthday(day('1988-02-29'), day('2027-03-01'))).toBe(day('2028-02-29') - day('2027-03-01'));
  });

  it('says the age only for a plausible birth year', () => {
    const asOf = day('2026-06-01');
    expect(ageTurned(day('1980-06-05'), day('2026-06-05'), asOf)).toBe(46);
    // Typed without a year: the spreadsheet took the current one.
    expect(ageTurned(day('2026-06-05'), day('2026-06-05'), asOf)).toBeNull();
    // The spreadsheets' day zero, not a 126-year-old client.
    expect(ageTurned(day('1900-06-05'), day('2026-06-05'), asOf)).toBeNull();
    expect(ageTurned(day('1906-06-05'), day('2026-06-05'), asOf)).toBe(120);
  });
});

describe('the «поздравлен в этом году» mark', () => {
  it('counts a greeting of this year, not last year\'s, matched by ID or, without one, by name', () => {
    const clients = [
      ['К-1', 'Поздравлен в прошлом году', '', 'Анна', date(12, 3, 1980)],
      ['К-2', 'Поздравлен в этом году', '', 'Анна', date(12, 3, 1980)],
      ['К-3', 'Строка без ID', '', 'Анна', date(12, 3, 1980)],
      ['К-4', 'Только звонок', '', 'Анна', date(12, 3, 1980)],
    ];
    const history = [
      [at('2025-03-12'), 'К-1', 'Поздравлен в прошлом году', 'Анна', 'поздравление', 'С днём рождения!'],
      [at('2026-03-09'), 'К-2', 'Поздравлен в этом году', 'Анна', 'Поздравление', ''],
      [at('2026-03-10'), '', 'Строка без ID', 'Анна', 'greeting', ''],
      [at('2026-03-10'), 'К-4', 'Только звонок', 'Анна', 'звонок', 'поздравил устно'],
    ];
    const list = listOn(workbook(clients, history), '2026-03-10');
    expect(list.items.map((item) => [item.clientId, item.congratulated])).toEqual([
      ['К-1', false],
      ['К-2', true],
      ['К-3', true],
      ['К-4', false],
    ]);
    // Viewed as of a day before the greeting, it is not there yet.
    expect(listOn(workbook(clients, history), '2026-03-08').items.find((item) => item.clientId === 'К-2')?.congratulated).toBe(false);
  });

  it('counts a greeting sent early across the year end for the birthday of next year, and not last January\'s', () => {
    const clients = [
      ['К-1', 'Заранее', '', 'Анна', date(2, 1, 1980)],
      ['К-2', 'В прошлом январе', '', 'Анна', date(2, 1, 1980)],
    ];
    const history = [
      [at('2026-12-27'), 'К-1', 'Заранее', 'Анна', 'поздравление', ''],
      [at('2026-01-02'), 'К-2', 'В прошлом январе', 'Анна', 'поздравление', ''],
    ];
    expect(listOn(workbook(clients, history), '2026-12-28').items.map((item) => [item.clientId, item.date, item.congratulated])).toEqual([
      ['К-2', '2027-01-02', false],
      ['К-1', '2027-01-02', true],
    ]);
  });

  it('is logged once as a history row with the greeting, and «Сегодня» then marks the birthday', async () => {
    const snapshot = workbook([
      ['К-1', 'Иванова Анна Сергеевна', '', 'Анна', date(12, 3, 1980)],
      ['К-2', 'Петров Пётр', '', 'Борис', date(14, 3, 1980)],
    ]);
    const asOf = day('2026-03-10');
    const now = momentOn(asOf, new Date(Date.UTC(2000, 0, 1, 9, 5)));
    const base = readBase(snapshot);
    const plan = planLogGreeting(base, snapshot, base.clients[0], asOf, now, 'Борис');
    expect(plan.report).toEqual({ logged: true });
    const memory = new MemoryWorkbook(snapshot);
    await memory.apply(plan.operations);
    const after = await memory.read();
    const history = readHistory(after);
    expect(history).toEqual([
      expect.objectContaining({ clientId: 'К-1', client: 'Иванова Анна Сергеевна', manager: 'Борис', kind: 'greeting', kindText: 'поздравление', result: 'Анна, с днём рождения! Желаем здоровья, радости и успехов во всём. Спасибо, что вы с нами!' }),
    ]);
    expect(history[0].when?.toISOString()).toBe('2026-03-10T09:05:00.000Z');

    // A second click writes nothing.
    const again = readBase(after);
    expect(planLogGreeting(again, after, again.clients[0], asOf, now)).toEqual({ operations: [], report: { logged: false } });

    const tracker = computeTracker(again.clients.map((c) => c.history), again.orders, again.orderClient, asOf, again.settings.coldDays);
    const birthdays = (list: ReturnType<typeof todayList>) => list.items.filter((item) => item.kind === 'birthday');
    expect(birthdays(todayList(again, tracker, asOf, { history })).map((item) => [item.clientId, item.congratulated])).toEqual([
      ['К-1', true],
      ['К-2', false],
    ]);
    // Without the history (the CLI's JSON) the item is as before.
    expect(birthdays(todayList(again, tracker, asOf))[0]).not.toHaveProperty('congratulated');
  });

  it('refuses a client without a birthday, naming them', () => {
    const snapshot = workbook([['К-1', 'Без даты', '', 'Анна', null]]);
    const base = readBase(snapshot);
    expect(() => planLogGreeting(base, snapshot, base.clients[0], day('2026-03-10'), at('2026-03-10'))).toThrow(/«Без даты».*не указан день рождения/);
  });
});

describe('the greeting template', () => {
  const template = '{имя}, с днём рождения! Для {фио}. {Name} / {fullName} / {отчество}';

  it('greets a person by the first name of the ФИО, written the Russian way or not', () => {
    expect(renderGreeting(template, { name: 'Иванова Анна Сергеевна', contact: '' })).toBe('Анна, с днём рождения! Для Иванова Анна Сергеевна. Анна / Иванова Анна Сергеевна / {отчество}');
    expect(renderGreeting('{имя}', { name: 'Анна Сергеевна Иванова', contact: '' })).toBe('Анна');
    expect(renderGreeting('{имя}', { name: 'Петров Пётр', contact: '' })).toBe('Пётр');
  });

  it('greets a company\'s contact person, and falls back to the whole name when no first name can be told', () => {
    expect(renderGreeting('{имя} ({фио})', { name: 'ООО «Ромашка»', contact: 'Белова Ольга Ивановна' })).toBe('Ольга (Белова Ольга Ивановна)');
    expect(renderGreeting('{имя}!', { name: 'ООО «Ромашка»', contact: '' })).toBe('ООО «Ромашка»!');
    expect(renderGreeting('{имя}!', { name: 'Маргарита', contact: '' })).toBe('Маргарита!');
  });

  it('keeps a template that looks like a formula as text: the history row holds it as typed', async () => {
    const settings = sheet('Настройки', ['Параметр', 'Значение', 'Описание', 'Ключ'], ['Шаблон поздравления', '=HYPERLINK("x";"{имя}")', '', 'greetingTemplate']);
    const snapshot = workbook([['К-1', 'Иванова Анна Сергеевна', '', 'Анна', date(12, 3, 1980)]], [], settings);
    expect(readSettings(snapshot).settings.greetingTemplate).toBe('=HYPERLINK("x";"{имя}")');
    const base = readBase(snapshot);
    const memory = new MemoryWorkbook(snapshot);
    await memory.apply(planLogGreeting(base, snapshot, base.clients[0], day('2026-03-10'), at('2026-03-10')).operations);
    expect(readHistory(await memory.read())[0].result).toBe('=HYPERLINK("x";"Анна")');
    expect(listOn(snapshot, '2026-03-10').items[0].greeting).toBe('=HYPERLINK("x";"Анна")');
  });

  it('starts from the default in the workbook\'s language', () => {
    expect(readSettings(workbook([])).settings.greetingTemplate).toMatch(/^\{имя\}, с днём рождения!/);
    const english = book(sheet('Clients', ['ID', 'Client', 'Manager', 'Birthday'], ['C-1', 'Anna Smith', 'Bob', date(12, 3, 1980)]));
    expect(readSettings(english).settings.greetingTemplate).toMatch(/^\{name\}, happy birthday!/);
    expect(birthdayList(readBase(english), [], day('2026-03-10')).items[0].greeting).toMatch(/^Anna, happy birthday!/);
  });
});
