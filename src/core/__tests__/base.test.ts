import { readBase, type Base } from '../base';
import * as phones from '../normalise/phone';
import * as links from '../link-orders';
import * as text from '../normalise/text';
import { locateBase, managedColumns } from '../layout';
import { DEFAULT_SETTINGS } from '../settings';
import { isoToDay } from '../normalise/date';
import { book, date, sheet } from './snapshot-builder';
import { rendered } from '../messages/rendered';

const clientsHeader = ['ID', 'ФИО', 'Телефон', 'E-mail', 'Город', 'Дата первого контакта', 'Статус'];

describe('locateBase', () => {
  it('finds sheets by name synonyms, any case and spacing', () => {
    const layout = locateBase(
      book(sheet(' прайс ', ['Услуга', 'Цена']), sheet('База клиентов', ['Клиент']), sheet('ПРОДАЖИ', ['Дата', 'Сумма']), sheet('Настройки', ['Ключ'])),
    );
    expect(layout.services?.sheet).toBe(' прайс ');
    expect(layout.clients?.sheet).toBe('База клиентов');
    expect(layout.orders?.sheet).toBe('ПРОДАЖИ');
    expect(layout.settingsSheet).toBe('Настройки');
    expect(layout.language).toBe('ru');
  });

  it('takes an unnamed sheet by its headers, the best fit first', () => {
    const layout = locateBase(
      book(
        sheet('Лист1', ['Клиент', 'Телефон']),
        sheet('Лист2', ['Дата', 'Клиент', 'Услуга', 'Сумма']),
        sheet('Лист3', ['Заметки']),
      ),
    );
    expect(layout.clients?.sheet).toBe('Лист1');
    expect(layout.orders?.sheet).toBe('Лист2');
    expect(layout.services).toBeUndefined();
  });

  it('never takes a result or archive sheet for user data', () => {
    const layout = locateBase(book(sheet('Архив', ['Клиент', 'Телефон']), sheet('ABC', ['Клиент', 'Выручка'])));
    expect(layout.clients).toBeUndefined();
  });

  it('maps columns by header synonyms; the first of duplicate headers wins and the second is a problem', () => {
    const layout = locateBase(book(sheet('Клиенты', ['Клиент', 'Тел.', 'Телефон', 'Заметка', 'Телефон рабочий'])));
    expect(layout.clients?.columns).toEqual({ name: 0, phone: 1, comment: 3 });
    expect(rendered(layout.problems, 'ru')).toHaveLength(1);
    expect(rendered(layout.problems[0], 'ru')).toMatchObject({ sheet: 'Клиенты', row: 1, column: 'Телефон' });
    expect(rendered(layout.problems[0].message, 'ru')).toContain('Тел.');
  });

  it('lets the user mapping override synonyms, and null block a field', () => {
    const snapshot = book(sheet('Клиенты', ['Клиент', 'Телефон', 'Моб']));
    const layout = locateBase(snapshot, { clients: { phone: 'моб', name: null } });
    expect(layout.clients?.columns).toEqual({ phone: 2 });
  });

  it('reports a mapped header that is not there and falls back to synonyms', () => {
    const layout = locateBase(book(sheet('Clients', ['Name', 'Phone'])), { clients: { phone: 'Mobile' } });
    expect(layout.language).toBe('en');
    expect(layout.clients?.columns.phone).toBe(1);
    expect(rendered(layout.problems[0].message, 'en')).toMatch(/no such header/);
  });

  it('counts data rows up to the last non-blank one', () => {
    const layout = locateBase(book(sheet('Клиенты', ['Клиент'], ['А'], [null], ['Б'], [''], [null])));
    expect(layout.clients?.rowCount).toBe(3);
  });
});

describe('managedColumns', () => {
  it('appends missing managed columns after everything in use, and keeps existing ones in place', () => {
    const snapshot = book(sheet('Клиенты', ['Клиент', 'Выручка', '', 'ID'], ['Иванов', 5, null, 'К-00001', 'под заголовком нет']));
    const layout = locateBase(snapshot).clients!;
    const columns = managedColumns(layout, 'ru');
    expect(columns[0]).toEqual({ field: 'id', column: 4, header: 'ID', isNew: false });
    expect(columns.find((c) => c.field === 'revenue')).toEqual({ field: 'revenue', column: 2, header: 'Выручка', isNew: false });
    // Column 5 holds a value under no header: new columns start at 6, so nothing typed is overwritten.
    expect(columns.filter((c) => c.isNew).map((c) => [c.field, c.column])).toEqual([
      ['firstOrder', 6],
      ['lastOrder', 7],
      ['orders', 8],
      ['daysSinceLastOrder', 9],
      ['abc', 10],
      ['rfm', 11],
      ['segment', 12],
      ['duplicateGroup', 13],
      ['status', 14],
      ['expectedOrder', 15],
      ['rhythm', 16],
    ]);
    expect(columns.find((c) => c.field === 'orders')?.header).toBe('Заказов');
  });

  it('uses English headers for an English workbook', () => {
    const layout = locateBase(book(sheet('Clients', ['Name']))).clients!;
    expect(managedColumns(layout, 'en').map((c) => c.header).slice(0, 3)).toEqual(['ID', 'First order', 'Last order']);
  });
});

describe('readBase', () => {
  it('reads clients with spreadsheet row numbers, skipping empty rows and normalising', () => {
    const base = readBase(
      book(
        sheet(
          'Клиенты',
          clientsHeader,
          ['К-00001', ' ООО «Ромашка» ', '8 (912) 345-67-89', 'Info@Romashka.RU ', 'МСК', '15.03.2024', 'Белый'],
          [null, null, null, null, null, null, null],
          ['', 'Петров Пётр', '+7 912 000', 'нет', 'Тверь', date(31, 1, 2024), null],
        ),
      ),
    );
    expect(base.clients).toHaveLength(2);
    const [romashka, petrov] = base.clients;
    expect(romashka).toMatchObject({
      row: 2,
      id: 'К-00001',
      name: 'ООО «Ромашка»',
      phoneNormalised: '+79123456789',
      emailNormalised: 'info@romashka.ru',
      cityNormalised: 'Москва',
      firstContact: isoToDay('2024-03-15'),
      status: 'Белый',
    });
    expect(petrov).toMatchObject({ row: 4, id: null, phoneNormalised: null, emailNormalised: null, firstContact: isoToDay('2024-01-31') });
    expect(rendered(base.problems, 'ru')).toEqual([]);
  });

  it('reports a bad date with the row and the user header, and keeps reading', () => {
    const base = readBase(book(sheet('Клиенты', clientsHeader, ['', 'А', '', '', '', '31.02.2024', ''], ['', 'Б', '', '', '', 'вчера', ''])));
    expect(base.clients.map((c) => c.firstContact)).toEqual([null, null]);
    expect(rendered(base.problems.map((p) => [p.row, p.column, p.value]), 'ru')).toEqual([
      [2, 'Дата первого контакта', '31.02.2024'],
      [3, 'Дата первого контакта', 'вчера'],
    ]);
    expect(rendered(base.problems[0].message, 'ru')).toMatch(/нет в календаре/);
  });

  it('reads runs of the same date text, blanks and bad dates between them, each as its own cell', () => {
    // Lines of an export come day by day: the reader remembers the last date text; nothing else may leak.
    const base = readBase(
      book(
        sheet(
          'Заказы',
          ['Дата', 'Клиент', 'Сумма'],
          ['01.02.2024', 'А', '1'],
          ['01.02.2024', 'Б', '2'],
          ['', 'В', '3'],
          ['01.02.2024', 'Г', '4'],
          ['31.02.2024', 'Д', '5'],
          [date(2, 2, 2024), 'Е', '6'],
          ['01.02.2024 23:59', 'Ж', '7'],
          ['31.02.2024', 'З', '8'],
          ['01.02.2024', 'И', '9'],
        ),
      ),
    );
    const first = isoToDay('2024-02-01');
    expect(base.orders.map((o) => o.date)).toEqual([first, first, null, first, null, (first as number) + 1, first, null, first]);
    expect(rendered(base.problems.map((p) => [p.row, p.value]), 'ru')).toEqual([
      [6, '31.02.2024'],
      [9, '31.02.2024'],
    ]);
  });

  it('does not parse a column as dates or amounts unless its header says so', () => {
    const base = readBase(book(sheet('Клиенты', ['Клиент', 'Комментарий'], ['А', '31.02.2024'], ['Б', 'дорого'])));
    expect(rendered(base.problems, 'ru')).toEqual([]);
    expect(base.clients[0].comment).toBe('31.02.2024');
  });

  it('reads orders with Russian amounts and links them by ID, then name, then phone', () => {
    const base = readBase(
      book(
        sheet('Клиенты', ['ID', 'Клиент', 'Телефон'], ['К-00001', 'ООО «Ромашка»', '8 (912) 345-67-89'], ['К-00002', 'Иванов Иван', '']),
        sheet(
          'Заказы',
          ['Дата', 'ID клиента', 'Клиент', 'Сумма', 'Номер заказа'],
          ['01.02.2024', 'к-00002', 'кто-то', '1\u00A0234,56\u00A0₽', '17'],
          [date(2, 2, 2024), '', 'ооо "ромашка"', 500, ''],
          [45366, '', '+7 912 345 67 89', '-500', ''],
          ['03.02.2024', 'К-99999', 'Неизвестный', 'дорого', ''],
        ),
      ),
    );
    expect(base.orders.map((o) => o.amount)).toEqual([1234.56, 500, -500, null]);
    expect(base.orders.map((o) => o.date)).toEqual([isoToDay('2024-02-01'), isoToDay('2024-02-02'), isoToDay('2024-03-15'), isoToDay('2024-02-03')]);
    expect(base.orderClient).toEqual([1, 0, 0, null]);
    expect(rendered(base.problems, 'ru')).toHaveLength(1);
    expect(rendered(base.problems[0], 'ru')).toMatchObject({ sheet: 'Заказы', row: 5, column: 'Сумма', value: 'дорого' });
  });

  it('links by the first client of a shared ID, name or phone, whichever index the orders need', () => {
    const clients = book(
      sheet(
        'Клиенты',
        ['ID', 'Клиент', 'Телефон'],
        ['К-1', 'Иванов Иван', '8 912 000-00-01'],
        ['К-2', 'иванов  иван', '8 912 000-00-01'],
        ['к-3', 'Пётр', '8 912 000-00-03'],
        ['', 'Без ID', ''],
      ),
    );
    const withOrders = (...rows: (string | null)[][]) => readBase(book(clients.sheets[0], sheet('Заказы', ['Дата', 'ID клиента', 'Клиент'], ...rows))).orderClient;
    // Names only (a 1C file): the first of two clients whose names fold alike; ё folds to е.
    expect(withOrders(['01.02.2024', '', 'ИВАНОВ ИВАН'], ['01.02.2024', '', 'Петр'], ['01.02.2024', '', 'Без ID'], ['01.02.2024', '', 'Никто'])).toEqual([0, 2, 3, null]);
    // IDs as typed or folded; an unknown ID falls back to the name, then to a phone in either cell.
    expect(
      withOrders(
        ['01.02.2024', 'К-3', ''],
        ['01.02.2024', 'К-2', 'Пётр'],
        ['01.02.2024', 'К-9', 'Пётр'],
        ['01.02.2024', '', '+7 912 000 00 03'],
        ['01.02.2024', '89120000001', ''],
        ['01.02.2024', '', ''],
      ),
    ).toEqual([2, 1, 2, 2, 0, null]);
  });

  it('reads services with prices and the active flag', () => {
    const base = readBase(book(sheet('Услуги', ['Услуга', 'Цена', 'Активна'], ['Стрижка', '1 500 ₽', 'да'], ['Маникюр', 900, 'нет'], ['Окрашивание', '', 'может быть'])));
    expect(base.services.map((s) => [s.row, s.name, s.price, s.active])).toEqual([
      [2, 'Стрижка', 1500, true],
      [3, 'Маникюр', 900, false],
      [4, 'Окрашивание', null, true],
    ]);
    expect(rendered(base.problems, 'ru')).toHaveLength(1);
    expect(rendered(base.problems[0], 'ru')).toMatchObject({ row: 4, column: 'Активна' });
  });

  it('warns about hidden rows (one warning per run) and merged cells, but still reads them', () => {
    const snapshot = book(sheet('Клиенты', ['Клиент', 'Город'], ['А', 'Москва'], ['Б', ''], ['В', ''], ['Г', '']));
    snapshot.sheets[0].hiddenRows = [3, 4, 1];
    snapshot.sheets[0].mergedRanges = ['B3:B5'];
    const base = readBase(snapshot);
    expect(base.clients).toHaveLength(4);
    expect(rendered(base.problems.map((p) => [p.row, p.column]), 'ru')).toEqual([
      [3, ''],
      [3, 'Город'],
    ]);
    expect(rendered(base.problems[0].message, 'ru')).toContain('3–4');
  });

  it('is empty but usable for a workbook without the sheets', () => {
    const base = readBase(book(sheet('Лист1', [])));
    expect(base.clients).toEqual([]);
    expect(base.orders).toEqual([]);
    expect(base.orderClient).toEqual([]);
    expect(base.layout.clients).toBeUndefined();
  });

  it('takes settings and the header mapping from the settings sheet, unless settings are given', () => {
    const snapshot = book(
      sheet('Clients', ['Name', 'Mob'], ['Smith', '9123456789']),
      sheet('Settings', ['Key', 'Value'], ['coldDays', 30], ['phoneRegion', 'kz'], ['mapping.clients.phone', 'Mob']),
    );
    const base = readBase(snapshot);
    expect(base.settings.coldDays).toBe(30);
    expect(base.settings.language).toBe('en');
    expect(base.clients[0].phone).toBe('9123456789');
    expect(readBase(snapshot, DEFAULT_SETTINGS).settings.coldDays).toBe(60);
  });

  it('reads a snapshot of the orders once, for every base read over it, and again when its columns are mapped anew', () => {
    // The steps of a run share the orders' snapshot while the clients sheet is written between them.
    const orders = sheet('Заказы', ['Дата', 'ID клиента', 'Сумма', 'Итого'], ['01.02.2026', 'К-00001', 100, 900], ['31.02.2026', 'К-00001', 200, 800]);
    const clients = (status: string) => sheet('Клиенты', clientsHeader, ['К-00001', 'Иванов Иван', '', '', '', '', status]);
    const first = readBase(book(clients('Новый'), orders));
    const second = readBase(book(clients('Клиент'), orders));
    expect(second.orders).toBe(first.orders);
    expect(Object.isFrozen(first.orders)).toBe(true);
    expect(first.orders.map((o) => o.amount)).toEqual([100, 200]);
    // The bad date is each base's problem, once.
    for (const base of [first, second]) expect(base.problems.filter((p) => p.sheet === 'Заказы' && p.row === 3)).toHaveLength(1);
    const mapped = readBase(book(clients('Клиент'), orders, sheet('Настройки', ['Ключ', 'Значение'], ['mapping.orders.amount', 'Итого'])));
    expect(mapped.orders).not.toBe(first.orders);
    expect(mapped.orders.map((o) => o.amount)).toEqual([900, 800]);
  });

  it("reads a snapshot of the clients once while the settings stay, and links the orders again only when a client's ID, name or phone changed", () => {
    // «Всё сразу»: the check writes only its problems sheet, so the analysis reads the clients the check read.
    const orders = sheet('Заказы', ['Дата', 'ID клиента', 'Сумма'], ['01.02.2026', 'К-00002', 100]);
    const clients = sheet('Клиенты', clientsHeader, ['К-00001', 'Иванов Иван', '', '', '', '', 'Новый'], ['К-00002', 'Петров Пётр', '', '', '', 'не дата', 'Клиент']);
    const first = readBase(book(clients, orders));
    const second = readBase(book(clients, orders, sheet('Проблемы', ['Лист', 'Строка'])));
    expect(second.clients).toBe(first.clients);
    expect(second.orderClient).toBe(first.orderClient);
    expect(Object.isFrozen(first.clients)).toBe(true);
    expect(first.orderClient).toEqual([1]);
    for (const base of [first, second]) expect(base.problems.filter((p) => p.sheet === 'Клиенты' && p.row === 3)).toHaveLength(1);
    // Other settings (a phone region) read the clients again; so does a snapshot of a rewritten sheet.
    const kazakh = readBase(book(clients, orders, sheet('Настройки', ['Ключ', 'Значение'], ['phoneRegion', 'KZ'])));
    expect(kazakh.clients).not.toBe(first.clients);
    expect(kazakh.orderClient).not.toBe(first.orderClient);
    const rewritten = readBase(book({ ...clients, rows: clients.rows.map((row) => [...row]) }, orders));
    expect(rewritten.clients).not.toBe(first.clients);
    expect(rewritten.clients).toEqual(first.clients);
    expect(rewritten.orderClient).toEqual(first.orderClient);
    // The links hold while no client's ID, name or phone changed (a status did): the orders are not gone through again.
    const statusMoved = readBase(book({ ...clients, rows: clients.rows.map((row) => [...row.slice(0, 6), 'Постоянный']) }, orders));
    expect(statusMoved.clients).not.toEqual(rewritten.clients);
    expect(statusMoved.orderClient).toBe(rewritten.orderClient);
    const renamed = readBase(book({ ...clients, rows: [clients.rows[1], clients.rows[0]] }, orders));
    expect(renamed.orderClient).not.toBe(first.orderClient);
    expect(renamed.orderClient).toEqual([0]);
  });

  it('keeps the links when clients gained IDs no order names, and links again when an order names one', () => {
    const header = ['ID', 'ФИО', 'Телефон'];
    const orders = sheet('Заказы', ['Дата', 'ID клиента', 'Клиент', 'Сумма'], ['01.02.2026', '', 'Иванов Иван', 100], ['02.02.2026', 'к-00009', '', 200]);
    const clients = (first: string, second: string) => sheet('Клиенты', header, [first, 'Иванов Иван', ''], [second, 'Петров Пётр', '']);
    const before = readBase(book(clients('', ''), orders));
    expect(before.orderClient).toEqual([0, null]);
    // The structure gave every client an ID; no order names them.
    const structured = readBase(book(clients('К-00001', 'К-00002'), orders));
    expect(structured.orderClient).toBe(before.orderClient);
    // IDs taken away: linked again, to the same clients.
    const cleared = readBase(book(clients('', ''), orders));
    expect(cleared.orderClient).not.toBe(before.orderClient);
    expect(cleared.orderClient).toEqual([0, null]);
    // An ID an order names, as folded («к-00009» is «К-00009»): that order now has its client.
    const named = readBase(book(clients('К-00001', 'К-00009'), orders));
    expect(named.orderClient).toEqual([0, 1]);
  });

  it('parses again only the rows whose read cells changed: the other rows keep their clients and problems', () => {
    const header = [...clientsHeader, 'Класс ABC'];
    const rows = [
      ['К-00001', 'Иванов Иван', '8 (912) 345-67-89', 'ivanov@mail.ru', 'Москва', date(5, 1, 2026), 'Новый', ''],
      ['К-00002', 'Петров Пётр', '', '', '', 'не дата', 'Клиент', ''],
      ['К-00003', 'Сидоров Сидор', '8 (912) 000-00-01', '', 'МСК', '', 'Клиент', ''],
    ];
    const read = (rowsNow: typeof rows) => readBase(book(sheet('Клиенты', header, ...rowsNow)));
    const dateProblems = (base: Base) => base.problems.filter((p) => p.sheet === 'Клиенты' && p.column === 'Дата первого контакта');
    const first = read(rows);
    // The analysis wrote its column in every row and added one, and each read copies its dates: every client is kept.
    const analysedRows = rows.map((row, i) => [...row.slice(0, 5), row[5] instanceof Date ? new Date(row[5].getTime()) : row[5], row[6], 'ABC'[i], 10 * i]);
    const analysed = readBase(book(sheet('Клиенты', [...header, 'Дней с последнего заказа'], ...analysedRows)));
    expect(analysed.layout.clients).not.toEqual(first.layout.clients);
    analysed.clients.forEach((client, i) => expect(client).toBe(first.clients[i]));
    expect(dateProblems(analysed)).toHaveLength(1);
    // A date put right and a phone typed anew: those rows are read again, the first one is kept.
    const edits = [rows[0], [...rows[1].slice(0, 5), date(1, 2, 2026), ...rows[1].slice(6)], [...rows[2].slice(0, 2), '+7 912 000-00-02', ...rows[2].slice(3)]];
    const edited = read(edits);
    expect(edited.clients[0]).toBe(first.clients[0]);
    expect(edited.clients[1].firstContact).toBe(isoToDay('2026-02-01'));
    expect(edited.clients[2].phoneNormalised).toBe('+79120000002');
    expect(dateProblems(edited)).toHaveLength(0);
    // What is kept equals a read from scratch (after another sheet's clients: nothing to keep from).
    readBase(book(sheet('Клиенты', ['Клиент'], ['ООО «Ромашка»'])));
    const scratch = read(edits);
    expect(scratch.clients[0]).not.toBe(edited.clients[0]);
    expect(scratch.clients).toEqual(edited.clients);
    expect(scratch.problems).toEqual(edited.problems);
  });

  it('parses again only the order rows that changed, and links only the orders a read appended', () => {
    const clients = sheet('Клиенты', clientsHeader, ['К-00001', 'Иванов Иван', '', '', '', '', 'Новый'], ['К-00002', 'Петров Пётр', '8 (912) 345-67-89', '', '', '', 'Клиент']);
    const header = ['Дата', 'ID клиента', 'Клиент', 'Сумма'];
    const rows = [
      [date(1, 2, 2026), 'К-00001', '', 100],
      ['31.02.2026', '', 'Петров Пётр', 200],
      [date(3, 2, 2026), '', '8 912 345 67 89', 'сто'],
    ];
    const copied = (list: typeof rows) => list.map((row) => row.map((cell) => (cell instanceof Date ? new Date(cell.getTime()) : cell)));
    // Each read names the read before it, as the panel's session does.
    const read = (list: typeof rows, people = clients, previous?: Base) => readBase(book(people, sheet('Заказы', header, ...copied(list))), undefined, previous);
    const orderProblems = (base: Base) => base.problems.filter((p) => p.sheet === 'Заказы').map((p) => [p.row, p.column]);
    const first = read(rows);
    expect(first.orderClient).toEqual([0, 1, 1]);
    // An order recorded: a new snapshot, one row more. The rows before it keep their orders and their
    // problems, and only the new order is linked.
    const linking = jest.spyOn(links, 'linkOrders');
    const appended = read([...rows, [date(4, 2, 2026), 'к-00002', '', 50]], clients, first);
    expect(linking.mock.calls.map(([, orders]) => orders.length)).toEqual([1]);
    linking.mockRestore();
    first.orders.forEach((order, i) => expect(appended.orders[i]).toBe(order));
    expect(appended.orders[3]).toMatchObject({ row: 5, clientId: 'к-00002', amount: 50 });
    expect(orderProblems(appended)).toEqual(orderProblems(first));
    expect(appended.orderClient).toEqual([0, 1, 1, 1]);
    // A row edited is read again, and its problem goes.
    const editedRows = [rows[0], [date(2, 2, 2026), ...rows[1].slice(1)], rows[2]];
    const edited = read(editedRows, clients, appended);
    expect(edited.orders[0]).toBe(first.orders[0]);
    expect(edited.orders[1].date).toBe(isoToDay('2026-02-02'));
    expect(orderProblems(edited)).toEqual([[4, 'Сумма']]);
    // Clients renamed: the kept orders are linked anew (Петров is no longer named so, his phone still finds him).
    const renamed = { ...clients, rows: [clients.rows[0], ['К-00002', 'Петров-Водкин Пётр', '8 (912) 345-67-89', '', '', '', 'Клиент']] };
    expect(read([...editedRows, [date(5, 2, 2026), 'К-00001', '', 1]], renamed, edited).orderClient).toEqual([0, null, 1, 0]);
    // Whatever was kept, the base equals one read from scratch (with no read before: nothing to keep).
    const longer = [...rows, [date(4, 2, 2026), 'к-00002', '', 50]];
    const kept = read(longer, clients, first);
    const scratch = read(longer);
    expect(scratch.orders[0]).not.toBe(kept.orders[0]);
    expect(scratch.orders).toEqual(kept.orders);
    expect(scratch.orderClient).toEqual(kept.orderClient);
    expect(scratch.problems).toEqual(kept.problems);
  });

  it('links orders to the same clients, or clients that link alike, with the indexes it built, and builds them anew for a client renamed', () => {
    const base = readBase(book(sheet('Клиенты', ['ID', 'Клиент', 'Телефон'], ['К-1', 'Иванов Иван', ''], ['К-2', 'Петров Пётр', '8 912 000-00-02'])));
    const order = (client: string) => [{ clientId: '', client }];
    const folded = jest.spyOn(text, 'normaliseText');
    try {
      expect(links.linkOrders(base.clients, order('ПЕТРОВ ПЁТР'), 'RU')).toEqual([1]);
      const built = folded.mock.calls.length;
      // The same IDs, names and phones in another list (a read after the tracker wrote), the first list named
      // as alike: the order's name alone is folded.
      expect(links.linkOrders(base.clients.map((client) => ({ ...client, status: 'Клиент' })), order('иванов иван'), 'RU', base.clients)).toEqual([0]);
      expect(folded.mock.calls.length).toBe(built + 1);
      // The same list again with nothing named alike (the base an order recorded is appended to): its own indexes.
      expect(links.linkOrders(base.clients, order('петров пётр'), 'RU')).toEqual([1]);
      expect(folded.mock.calls.length).toBe(built + 2);
      // A client renamed: linked by the new names.
      const renamed = base.clients.map((client, i) => (i === 1 ? { ...client, name: 'Сидоров Сидор' } : client));
      expect(links.linkOrders(renamed, [...order('Петров Пётр'), ...order('Сидоров Сидор')], 'RU', base.clients)).toEqual([null, 1]);
    } finally {
      folded.mockRestore();
    }
  });

  it('keeps a row whose field moved to another column only where that field is blank in both reads, and the row has no problem', () => {
    const header = ['Клиент', 'Телефон', 'Дата первого контакта'];
    const rows = [
      ['Иванов Иван', '8 (912) 345-67-89', date(5, 1, 2026)],
      ['Петров Пётр', '', 'не дата'],
      ['Сидоров Сидор', '', ''],
    ];
    const first = readBase(book(sheet('Клиенты', header, ...rows)));
    // The structure added the order-history columns: empty, but for one value typed since.
    const historyHeader = [...header, 'Первый заказ', 'Заказов', 'Выручка'];
    const withHistory = [[...rows[0], '', '', ''], [...rows[1], '', '', ''], [...rows[2], '', 3, '']];
    const added = readBase(book(sheet('Клиенты', historyHeader, ...withHistory)));
    expect(added.clients[0]).toBe(first.clients[0]);
    // Read again: the row with a bad date (its problem could name a column that moved), and the typed count.
    expect(added.clients[1]).not.toBe(first.clients[1]);
    expect(added.clients[2]).not.toBe(first.clients[2]);
    expect(added.clients[2].history.orders).toBe(3);
    // What is kept equals a read from scratch (after another sheet's clients: nothing to keep from).
    readBase(book(sheet('Клиенты', ['Клиент'], ['ООО «Ромашка»'])));
    const scratch = readBase(book(sheet('Клиенты', historyHeader, ...withHistory)));
    expect(scratch.clients[0]).not.toBe(added.clients[0]);
    expect(scratch.clients).toEqual(added.clients);
    expect(scratch.problems).toEqual(added.problems);
  });

  it('reads again only the plain-text fields of a row changed in nothing else: the IDs the structure wrote, a status typed', () => {
    const header = ['Клиент', 'Телефон', 'Дата первого контакта', 'Статус'];
    const rows = [
      ['Иванов Иван', '8 (912) 345-67-89', date(5, 1, 2026), 'Новый'],
      ['Петров Пётр', '', 'не дата', 'Клиент'],
      ['Сидоров Сидор', '8 (912) 000-00-01', '', 'Клиент'],
    ];
    const first = readBase(book(sheet('Клиенты', header, ...rows)));
    // The structure gave every client an ID, in a column of its own; one status and one date were typed since.
    const structuredHeader = [...header, 'ID клиента'];
    const structuredRows = [
      [...rows[0].slice(0, 3), 'Постоянный', 'К-00001'],
      [...rows[1], 'К-00002'],
      [rows[2][0], rows[2][1], date(1, 2, 2026), rows[2][3], 'К-00003'],
    ];
    const structured = readBase(book(sheet('Клиенты', structuredHeader, ...structuredRows)));
    expect(structured.clients.map((client) => [client.id, client.status, client.firstContact])).toEqual([
      ['К-00001', 'Постоянный', first.clients[0].firstContact],
      ['К-00002', 'Клиент', null],
      ['К-00003', 'Клиент', isoToDay('2026-02-01')],
    ]);
    expect(structured.problems.filter((p) => p.sheet === 'Клиенты' && p.row === 3)).toHaveLength(1);
    // What is patched equals a read from scratch (after another sheet's clients: nothing to keep from).
    readBase(book(sheet('Клиенты', ['Клиент'], ['ООО «Ромашка»'])));
    const scratch = readBase(book(sheet('Клиенты', structuredHeader, ...structuredRows)));
    expect(scratch.clients).toEqual(structured.clients);
    expect(scratch.problems).toEqual(structured.problems);
  });

  it('normalises a phone or e-mail again only when its text changed, also when the columns moved', () => {
    const normalising = jest.spyOn(phones, 'normalisePhone');
    try {
      const header = ['Клиент', 'Телефон', 'E-mail', 'Согласие на рассылку'];
      const rows = [
        ['Иванов Иван', '8 (912) 345-67-89', 'Ivanov@Mail.ru', 'да'],
        ['Петров Пётр', '8 (912) 000-00-01', 'petrov@mail.ru', 'да, смс, 31.02.2026'],
      ];
      // After another sheet's clients nothing is kept: every phone is normalised.
      readBase(book(sheet('Clients', ['Name', 'Phone'], ['Smith', '8 (912) 345-67-89'])));
      normalising.mockClear();
      const first = readBase(book(sheet('Клиенты', header, ...rows)));
      expect(normalising).toHaveBeenCalledTimes(2);
      // The structure put an ID column in front, and a phone was typed anew.
      normalising.mockClear();
      const withIds = [
        ['К-00001', ...rows[0]],
        ['К-00002', rows[1][0], '8 (912) 000-00-02', ...rows[1].slice(2)],
      ];
      const structured = readBase(book(sheet('Клиенты', ['ID', ...header], ...withIds)));
      expect(normalising).toHaveBeenCalledTimes(1);
      expect(structured.clients.map((c) => [c.id, c.phoneNormalised, c.emailNormalised])).toEqual([
        ['К-00001', first.clients[0].phoneNormalised, 'ivanov@mail.ru'],
        ['К-00002', '+79120000002', 'petrov@mail.ru'],
      ]);
      // The unreadable consent is each read's problem, as is: a consent read once per text, reported per row.
      for (const base of [first, structured]) expect(base.problems.filter((p) => p.column === 'Согласие на рассылку')).toHaveLength(1);
      // Another phone region normalises every phone again.
      normalising.mockClear();
      const kazakh = readBase(book(sheet('Клиенты', ['ID', ...header], ...withIds), sheet('Настройки', ['Ключ', 'Значение'], ['phoneRegion', 'KZ'])));
      expect(normalising).toHaveBeenCalledTimes(2);
      expect(kazakh.clients[1].phoneNormalised).toBe('+79120000002');
    } finally {
      normalising.mockRestore();
    }
  });
});
