import { createActions } from '../local';
import { MemoryWorkbook } from '../../workbook/memory';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { isoToDay } from '../../core/normalise/date';
import { hostLimitExcesses } from '../../core/host-limits';
import { formatCount } from '../../core/plural';
import { rendered } from '../../core/messages/rendered';
import * as clientIndex from '../../core/duplicates/client-index';
import * as analysis from '../../core/analysis';
import * as clientValue from '../../core/value/client-value';

const TODAY = isoToDay('2026-11-01')!;

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

/** A small base: three clients, one of them without orders, one cold; no IDs yet, no tracker columns. */
function smallBase(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: 'Услуги',
        header: ['Название', 'Цена', 'Активна'],
        rows: [
          ['Уборка офиса', 5000, 'Да'],
          ['Мойка окон', 2500, 'Да'],
          ['Химчистка', 3000, 'Нет'],
        ],
      },
      {
        name: 'Клиенты',
        header: ['Клиент', 'Телефон', 'E-mail', 'Город', 'Менеджер', 'Статус', 'День рождения', 'Комментарий', 'Мой столбец'],
        rows: [
          ['ООО «Ромашка»', '8 (912) 345-67-89', 'info@romashka.ru', 'МСК', 'Анна', 'Золотой', null, '', 'моё'],
          ['Иванов Иван', '+7 903 111-22-33', '', 'Казань', 'Олег', 'Белый', utc(1990, 11, 5), 'звонить утром', '=HYPERLINK("x")'],
          ['Петров Пётр', '', 'petrov@mail.ru', 'москва', 'Анна', 'Серый', null, '', ''],
        ],
      },
      {
        name: 'Заказы',
        header: ['Дата', 'Клиент', 'Услуга', 'Сумма', 'Номер заказа'],
        rows: [
          [utc(2026, 10, 20), 'ООО «Ромашка»', 'Уборка офиса', 5000, 'З-1'],
          [utc(2026, 9, 1), 'ООО «Ромашка»', 'Мойка окон', '2 500,00 ₽', 'З-2'],
          [utc(2026, 5, 1), 'Иванов Иван', 'Уборка офиса', 4000, 'З-3'],
        ],
      },
    ],
  };
}

function setup() {
  const workbook = new MemoryWorkbook(smallBase());
  const actions = createActions(workbook, { today: () => TODAY });
  return { workbook, actions };
}

describe('createActions over the in-memory workbook', () => {
  afterEach(() => jest.useRealTimers());

  it('lists clients with tracker figures computed from the orders, and filters them', async () => {
    const { actions } = setup();
    const all = await actions.listClients({});
    expect(all.total).toBe(3);
    expect(all.facets.cities).toEqual(['Казань', 'Москва']);
    const romashka = all.clients.find((c) => c.name === 'ООО «Ромашка»')!;
    expect(romashka).toMatchObject({ orders: 2, revenue: 7500, lastOrder: '2026-10-20', daysSinceLastOrder: 12, cold: false, city: 'Москва' });

    const moscow = await actions.listClients({ cities: ['Москва'] });
    expect(moscow.matching).toBe(2);
    expect((await actions.listClients({ coldOnly: true })).clients.map((c) => c.name)).toEqual(['Иванов Иван']);
    expect((await actions.listClients({ search: '912 345' })).clients.map((c) => c.name)).toEqual(['ООО «Ромашка»']);
    expect((await actions.listClients({ search: 'ПЕТР' })).clients.map((c) => c.name)).toEqual(['Петров Пётр']);
    expect((await actions.listClients({ abc: ['none'] })).clients.map((c) => c.name)).toEqual(['Петров Пётр']);
    expect((await actions.listClients({ birthdayWithinDays: 7 })).clients.map((c) => c.name)).toEqual(['Иванов Иван']);
    expect((await actions.listClients({ birthdayWithinDays: 3 })).matching).toBe(0);
  });

  it('offers one spelling of a value typed with ё and е, and the filter finds both', async () => {
    const book = smallBase();
    book.sheets[1].rows[0][3] = 'Королёв';
    book.sheets[1].rows[1][3] = 'королев';
    const actions = createActions(new MemoryWorkbook(book), { today: () => TODAY });
    const list = await actions.listClients({});
    expect(list.facets.cities).toEqual(['Королёв', 'Москва']);
    expect((await actions.listClients({ cities: ['Королёв'] })).matching).toBe(2);
  });

  it('records an order: the client gets an ID, the order lands on the Orders sheet and the tracker moves', async () => {
    const { actions, workbook } = setup();
    const [petrov] = (await actions.listClients({ search: 'Петров' })).clients;
    expect(petrov.orders).toBe(0);
    const card = await actions.recordOrder({ clientId: petrov.id, service: 'Мойка окон', amount: 2500, date: '2026-10-30' });
    expect(card.name).toBe('Петров Пётр');
    expect(card.id).toMatch(/^К-\d{5}$/);
    expect(card).toMatchObject({ orders: 1, revenue: 2500, lastOrder: '2026-10-30', daysSinceLastOrder: 2 });
    expect(card.history).toEqual([expect.objectContaining({ date: '2026-10-30', service: 'Мойка окон', amount: 2500 })]);

    const orders = (await workbook.read(['Заказы'])).sheets[0];
    expect(orders.rows).toHaveLength(4);
    const clients = (await workbook.read(['Клиенты'])).sheets[0];
    const header = clients.header.map(String);
    const ordersColumn = header.indexOf('Заказов');
    expect(ordersColumn).toBeGreaterThan(0);
    expect(clients.rows[2][ordersColumn]).toBe(1);
  });

  it('records an order with one analysis of the base, for the card, and fits no model only reports show', async () => {
    const { actions } = setup();
    const [petrov] = (await actions.listClients({ search: 'Петров' })).clients;
    await actions.recordOrder({ clientId: petrov.id, service: 'Мойка окон', amount: 2500, date: '2026-10-30' });
    const analysed = jest.spyOn(analysis, 'analyseBase');
    const fitted = jest.spyOn(clientValue, 'computeClientValue');
    try {
      const card = await actions.recordOrder({ clientId: petrov.id, service: 'Уборка офиса', amount: 5000, date: '2026-10-31' });
      expect(card).toMatchObject({ orders: 2, revenue: 7500, lastOrder: '2026-10-31' });
      // The read the order is planned from needs no figures; the tracker's update writes its columns only.
      expect(analysed).toHaveBeenCalledTimes(1);
      expect(fitted).not.toHaveBeenCalled();
      // A view's figures still include the value models.
      expect((await actions.run('clientValue')).message).toBeTruthy();
      expect(fitted).toHaveBeenCalled();
    } finally {
      analysed.mockRestore();
      fitted.mockRestore();
    }
  });

  it('refuses an order with a bad amount or date, writing nothing', async () => {
    const { actions, workbook } = setup();
    const [client] = (await actions.listClients({})).clients;
    await expect(actions.recordOrder({ clientId: client.id, service: 'Мойка окон', amount: Number.NaN, date: '2026-10-30' })).rejects.toThrow(/Сумма/);
    await expect(actions.recordOrder({ clientId: client.id, service: 'Мойка окон', amount: 10, date: '30.10' })).rejects.toThrow(/Дата/);
    expect((await workbook.read(['Заказы'])).sheets[0].rows).toHaveLength(3);
  });

  it('adds a client with the next ID and keeps the user columns and formula-like text untouched', async () => {
    const { actions, workbook } = setup();
    const card = await actions.addClient({ name: '  ИП Сидоров ', phone: '+7 999 000-00-01', city: 'СПб', status: '' });
    expect(card).toMatchObject({ name: 'ИП Сидоров', status: 'Белый', city: 'Санкт-Петербург', orders: 0 });
    const ids = (await actions.listClients({})).clients.map((c) => c.id);
    expect(ids).toEqual(['К-00001', 'К-00002', 'К-00003', 'К-00004']);
    expect(card.id).toBe('К-00004');
    const state = workbook.state().sheets.find((s) => s.name === 'Клиенты')!;
    expect(state.values[2][8]).toBe('=HYPERLINK("x")');
    expect(state.formulaCells).toEqual([]);
    expect(state.values[0].slice(0, 9)).toEqual(smallBase().sheets[1].header);
  });

  it('refuses a new client or order the host could not hold, and writes nothing', async () => {
    const workbook = new MemoryWorkbook(smallBase());
    const actions = createActions(workbook, { today: () => TODAY });
    await actions.run('structure');
    const [client] = (await actions.listClients({})).clients;
    // a spreadsheet exactly full: Google Sheets' cells limit at what the sheets need now
    const [{ needed }] = hostLimitExcesses(await workbook.read(), [], { host: 'Google Sheets', cells: 0 });
    Object.assign(workbook, { limits: { host: 'Google Sheets', cells: needed } });
    await actions.setStatus(client.id, client.status); // a write within the cells there are goes through
    const before = workbook.state();
    await expect(actions.addClient({ name: 'ИП Сидоров' })).rejects.toThrow(new RegExp(`Не записано: в книге было бы [\\d\\s]+ яче\\S+, а Google Sheets вмещает ${formatCount(needed, 'ru')} \\(на \\d+ больше\\)`));
    await expect(actions.recordOrder({ clientId: client.id, service: 'Мойка окон', amount: 2500, date: '2026-10-30' })).rejects.toThrow(/Google Sheets вмещает/);
    expect(workbook.state()).toEqual(before);
  });

  it('checks the data as of its own today, and says so in the workbook\'s language with the right plural', async () => {
    const book = smallBase();
    // a day after the actions' today (2026-11-01) and long before the clock this test runs by
    book.sheets[1].rows[2][6] = utc(2026, 11, 2);
    const actions = createActions(new MemoryWorkbook(book), { today: () => TODAY });
    const result = await actions.run('check');
    expect(rendered(result.problems.map((p) => p.message), 'ru')).toContain('Дата в будущем: «02.11.2026». Проверьте год и месяц.');
    const n = result.problems.length;
    const noun = n % 10 === 1 && n % 100 !== 11 ? 'проблема' : [2, 3, 4].includes(n % 10) && ![12, 13, 14].includes(n % 100) ? 'проблемы' : 'проблем';
    expect(rendered(result.message, 'ru')).toBe(`В данных ${n} ${noun}: см. лист «Проблемы».`);
  });

  it('rejects a client without a name', async () => {
    const { actions } = setup();
    await expect(actions.addClient({ name: '   ' })).rejects.toThrow(/имя/);
  });

  it('changes a status only to a funnel status, and appends dated notes to the comment', async () => {
    const { actions } = setup();
    const [, ivanov] = (await actions.listClients({})).clients;
    await expect(actions.setStatus(ivanov.id, 'Фиолетовый')).rejects.toThrow(/статус/);
    const moved = await actions.setStatus(ivanov.id, 'зелёный');
    expect(moved.status).toBe('Зелёный');
    const noted = await actions.addNote(moved.id, 'перезвонить в декабре');
    expect(noted.comment).toBe('звонить утром\n01.11.2026: перезвонить в декабре');
    // The move is in the history, from → to, and on the card's timeline.
    expect(noted.timeline.filter((e) => e.type === 'status').map((e) => e.title)).toEqual(['Белый → Зелёный']);
  });

  it('logs a contact: a row of «История», the next contact on the card and in «Сегодня»', async () => {
    // The moment is the wall clock's: pinned, so that a run in the minute after midnight (a moment shown as a date alone) cannot fail.
    jest.useFakeTimers({ now: new Date('2026-12-04T14:30:00Z'), doNotFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate', 'nextTick', 'queueMicrotask'] });
    const { actions, workbook } = setup();
    const [, ivanov] = (await actions.listClients({})).clients;
    await expect(actions.logContact(ivanov.id, { kind: 'call' })).rejects.toThrow(/Опишите результат/);
    const card = await actions.logContact(ivanov.id, { kind: 'call', result: 'просит КП', nextStep: 'выслать КП', nextContact: '2026-11-01' });
    expect(card.timeline[0]).toMatchObject({ type: 'contact', title: 'звонок', detail: 'просит КП', nextStep: 'выслать КП', nextContact: '2026-11-01', manager: 'Олег' });
    expect(card.timeline[0].when).toMatch(/^2026-11-01T\d\d:\d\d$/);
    expect(card.timeline.slice(1).every((e) => e.type === 'order')).toBe(true);
    const history = (await workbook.read()).sheets.find((s) => s.name === 'История')!;
    // The base had no IDs: the client got one first, and the history names it by that ID.
    expect(ivanov.id).toBe('row:3');
    expect(card.id).toBe('К-00002');
    expect(history.rows.map((r) => r.slice(1, 8))).toEqual([[card.id, 'Иванов Иван', 'Олег', 'звонок', 'просит КП', 'выслать КП', utc(2026, 11, 1)]]);
    const today = await actions.today('Олег');
    expect(today.items.filter((i) => i.kind === 'today').map((i) => i.client)).toEqual(['Иванов Иван']);
  });

  it('suggests status moves on the card', async () => {
    const { actions } = setup();
    const ivanov = (await actions.listClients({ search: 'Иванов' })).clients[0];
    const card = await actions.getClient(ivanov.id);
    // One order, and cold (184 days): a Белый client who bought once and stopped is suggested Красно-золотой.
    expect(card.statusSuggestion).toBe('Красно-золотой');
    const romashka = (await actions.listClients({ search: 'Ромашка' })).clients[0];
    // Already Золотой, two orders, not cold: nothing to suggest.
    expect((await actions.getClient(romashka.id)).statusSuggestion).toBeNull();
  });

  it('shows only the matching clients in the sheet and clears the filter', async () => {
    const { actions, workbook } = setup();
    await actions.showInSheet({ cities: ['Москва'] });
    const hidden = () => workbook.state().sheets.find((s) => s.name === 'Клиенты')!.hiddenRows;
    expect(hidden()).toEqual([3]);
    await actions.showInSheet(null);
    expect(hidden()).toEqual([]);
  });

  it('runs ABC and reports the shares', async () => {
    const { actions, workbook } = setup();
    const result = await actions.run('abc');
    // 7 500 of 11 500 before Иванов is 65 % < 75 %: he crosses the cut-off and stays in A.
    expect(result.summary!.abc.A.clients).toBe(2);
    expect(result.summary!.abc.none).toBe(1);
    expect(result.sheets).toContain('ABC');
    expect(await workbook.sheetNames()).toContain('ABC');
  });

  it('offers only active services, and the ten statuses', async () => {
    const { actions } = setup();
    expect(await actions.services()).toEqual(['Уборка офиса', 'Мойка окон']);
    expect(await actions.statuses()).toHaveLength(10);
  });

  it('stores settings in the workbook and reads them back', async () => {
    const { actions, workbook } = setup();
    const settings = await actions.getSettings();
    await actions.saveSettings({ ...settings, coldDays: 200 });
    expect((await actions.getSettings()).coldDays).toBe(200);
    expect(await workbook.sheetNames()).toContain('Настройки');
    expect((await actions.listClients({ coldOnly: true })).matching).toBe(0);
  });

  it('describes the layout and lets the user map a column by hand', async () => {
    const { actions } = setup();
    const layout = await actions.layout();
    expect(layout.clients.sheet).toBe('Клиенты');
    expect(layout.clients.fields.find((f) => f.field === 'phone')).toMatchObject({ header: 'Телефон', column: 2 });
    expect(layout.unknownHeaders).toContainEqual({ sheet: 'Клиенты', header: 'Мой столбец' });
    const mapped = await actions.setMapping('clients', 'industry', 'Мой столбец');
    expect(mapped.clients.fields.find((f) => f.field === 'industry')).toMatchObject({ header: 'Мой столбец', column: 9 });
  });

  it('warns about a new client whose phone is already in the base, however it is written', async () => {
    const { actions } = setup();
    const warnings = await actions.checkNewClient({ name: 'Ромашка', phone: '+79123456789' });
    expect(warnings.map((w) => w.name)).toEqual(['ООО «Ромашка»']);
    expect(rendered(warnings[0].reason, 'ru')).toMatch(/телефон/);
    expect(await actions.checkNewClient({ name: 'Совсем Другой', phone: '+7 999 888-77-66' })).toEqual([]);
  });

  it('keeps the new-client check ready across an order, and makes it anew once a client is added', async () => {
    const built = jest.spyOn(clientIndex, 'buildClientIndex');
    try {
      const { actions } = setup();
      await actions.prepareNewClientCheck!();
      expect(built).toHaveBeenCalledTimes(1);
      const [petrov] = (await actions.listClients({ search: 'Петров' })).clients;
      await actions.recordOrder({ clientId: petrov.id, service: 'Мойка окон', amount: 2500, date: '2026-10-30' });
      // The order gave Петров an ID and a tracker row; the fields the check compares are as they were.
      expect((await actions.checkNewClient({ name: 'Петров', email: 'PETROV@mail.ru' })).map((w) => w.name)).toEqual(['Петров Пётр']);
      expect(built).toHaveBeenCalledTimes(1);
      await actions.addClient({ name: 'Сидоров Сидор', phone: '+7 915 000-00-00' });
      await actions.prepareNewClientCheck!();
      expect(built).toHaveBeenCalledTimes(2);
      expect((await actions.checkNewClient({ name: 'Сидор Сидоров', phone: '89150000000' })).map((w) => w.name)).toEqual(['Сидоров Сидор']);
      expect(built).toHaveBeenCalledTimes(2);
    } finally {
      built.mockRestore();
    }
  });

  it('weighs the birthday typed for a new client against the base', async () => {
    const { actions } = setup();
    // Only the surname, but the same city and day of birth as Иванов Иван (5 November 1990).
    const same = await actions.checkNewClient({ name: 'Иванов', city: 'Казань', birthday: '1990-11-05' });
    expect(same.map((w) => w.name)).toEqual(['Иванов Иван']);
    expect(rendered(same[0].reason, 'ru')).toMatch(/дата рождения/);
    expect(await actions.checkNewClient({ name: 'Иванов', city: 'Казань' })).toEqual([]);
    expect(await actions.checkNewClient({ name: 'Иванов', city: 'Казань', birthday: '1971-03-18' })).toEqual([]);
  });

  it('finds a duplicate group, merges it keeping one row, and undo brings the row back', async () => {
    const book = smallBase();
    const clients = book.sheets[1];
    clients.rows.push(['Ромашка ООО', '+7 912 3456789', '', 'Москва', '', '', null, 'второй раз', '']);
    const workbook = new MemoryWorkbook(book);
    const actions = createActions(workbook, { today: () => TODAY });
    const { groups: [group] } = await actions.duplicateGroups();
    expect(group.members.map((m) => m.name).sort()).toEqual(['ООО «Ромашка»', 'Ромашка ООО']);
    const keep = group.suggestedKeep;
    expect(group.members.find((m) => m.id === keep)!.name).toBe('ООО «Ромашка»');

    const merged = await actions.merge(group.id, keep);
    expect((await actions.listClients({})).total).toBe(3);
    expect(await workbook.sheetNames()).toContain('Архив');
    const kept = await actions.getClient(keep);
    expect(kept.comment).toMatch(/второй раз/);
    expect(kept.orders).toBe(2);

    await actions.undoMerge(merged.undoToken);
    const names = (await actions.listClients({})).clients.map((c) => c.name);
    expect(names).toHaveLength(4);
    expect(names).toContain('Ромашка ООО');
    expect((await actions.getClient(keep)).comment).toBe('');
  });

  it('marks a group as not duplicates: kept in its own sheet, gone from the groups and the Дубликаты sheet', async () => {
    const book = smallBase();
    book.sheets[1].rows.push(['Ромашка ООО', '+7 912 3456789', '', 'Москва', '', '', null, '', '']);
    const workbook = new MemoryWorkbook(book);
    const actions = createActions(workbook, { today: () => TODAY });
    await actions.run('duplicates');
    const { groups: [group] } = await actions.duplicateGroups();

    const result = await actions.dismissGroup(group.id);
    expect(rendered(result.message, 'ru')).toMatch(/не дубликаты/);
    expect((await actions.duplicateGroups()).groups).toEqual([]);
    const sheets = workbook.state().sheets;
    const marks = sheets.find((s) => s.name === 'Не дубликаты')!;
    expect(marks.values.slice(1).map((row) => row.slice(0, 2).sort())).toEqual([group.members.map((m) => m.id).sort()]);
    const duplicatesSheet = sheets.find((s) => s.name === 'Дубликаты');
    expect(duplicatesSheet?.values.slice(1).filter((row) => row.some((v) => v !== '' && v !== null)) ?? []).toEqual([]);
    expect((await actions.listClients({})).total).toBe(4);
    await expect(actions.dismissGroup(group.id)).rejects.toThrow(/не найдена/);
  });
});
