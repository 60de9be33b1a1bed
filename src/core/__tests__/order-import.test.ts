import { checkOrderImport, orderImportSummary, planOrderImport, NoOrdersSheetError, OrderImportError, UnlinkedOrdersError, type OrderImportReport } from '../order-import';
import { readBase } from '../base';
import type { AppendRows } from '../../workbook/operations';
import { book, date, sheet } from './snapshot-builder';
import { MemoryWorkbook } from '../../workbook/memory';
import { csvToSheet } from '../import';
import { planAnalysis } from '../analysis';
import { isoToDay } from '../normalise/date';
import { render } from '../messages/message';
import { rendered } from '../messages/rendered';

const clients = sheet(
  'Клиенты',
  ['ID', 'Клиент', 'Телефон', 'Комментарий'],
  ['К-00007', 'ООО «Ромашка»', '8 (912) 345-67-89', ''],
  ['К-00012', 'Иванов Иван', '', ''],
);
const orders = sheet('Заказы', ['Дата', 'ID клиента', 'Клиент', 'Услуга', 'Сумма', 'Номер заказа']);
const base = book(clients, orders);

function appended(plan: ReturnType<typeof planOrderImport>, sheetName: string): AppendRows | undefined {
  return plan.operations.find((op): op is AppendRows => op.kind === 'appendRows' && op.sheet === sheetName);
}

describe('planOrderImport', () => {
  it('converts 1C dates and amounts to real values, in the Orders sheet column order', () => {
    const source = sheet(
      'orders.csv',
      ['Номер', 'Дата', 'Контрагент', 'Номенклатура', 'Сумма'],
      ['З-1', '05.10.2026', 'ООО «Ромашка»', 'Уборка', '1\u00a0234,56'],
      ['З-2', '31.12.2025 23:59', 'Иванов Иван', 'Мойка', '-500'],
    );
    const plan = planOrderImport(base, source);
    expect(plan.report).toMatchObject({ imported: 2, clientsAdded: 0, problems: [] });
    const rows = appended(plan, 'Заказы')!.rows;
    expect(rows[0]).toEqual([date(5, 10, 2026), 'К-00007', 'ООО «Ромашка»', 'Уборка', 1234.56, 'З-1']);
    expect(rows[1]).toEqual([date(31, 12, 2025), 'К-00012', 'Иванов Иван', 'Мойка', -500, 'З-2']);
    expect(appended(plan, 'Клиенты')).toBeUndefined();
  });

  it('keeps a cell that is not a date or an amount as its text and reports it with the file row', () => {
    const source = sheet('orders.csv', ['Дата', 'Клиент', 'Сумма'], ['32.13.2024', 'Иванов Иван', 'дорого']);
    const plan = planOrderImport(base, source);
    const [row] = appended(plan, 'Заказы')!.rows;
    expect(row[0]).toBe('32.13.2024');
    expect(row[4]).toBe('дорого');
    expect(rendered(plan.report.problems.map((p) => [p.sheet, p.row, p.column, p.value]), 'ru')).toEqual([
      ['orders.csv', 2, 'Дата', '32.13.2024'],
      ['orders.csv', 2, 'Сумма', 'дорого'],
    ]);
  });

  it('adds each unknown client once: with the ID the file gives, or the next free ID', () => {
    const source = sheet(
      'orders.csv',
      ['Дата', 'Код клиента', 'Клиент', 'Сумма', 'Телефон'],
      ['01.10.2026', '', 'ИП Сидоров', '100', '+7 999 000-00-01'],
      ['02.10.2026', '', 'ИП Сидоров', '200', ''],
      ['03.10.2026', '12506', 'Соколов', '300', ''],
      ['04.10.2026', '12506', 'Соколов', '400', ''],
    );
    const plan = planOrderImport(base, source);
    expect(plan.report.clientsAdded).toBe(2);
    const added = appended(plan, 'Клиенты')!.rows;
    expect(added.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['К-00013', 'ИП Сидоров', '+7 999 000-00-01'],
      ['12506', 'Соколов', null],
    ]);
    expect(added[0][3]).toMatch(/импорте/);
    expect(appended(plan, 'Заказы')!.rows.map((r) => r[1])).toEqual(['К-00013', 'К-00013', '12506', '12506']);
  });

  it('adds a client typed differently, or met again lines later, once', () => {
    const source = sheet(
      'orders.csv',
      ['Дата', 'Код клиента', 'Клиент', 'Сумма'],
      ['01.10.2026', '', 'ООО «Лютик»', '100'],
      ['02.10.2026', '', 'Петров Пётр', '200'],
      ['03.10.2026', '', 'ооо лютик', '300'],
      ['04.10.2026', 'п-7', 'Петрова Анна', '400'],
      ['05.10.2026', '', 'ООО «Лютик»', '500'],
      ['06.10.2026', 'П-7', 'Петрова А.', '600'],
      ['07.10.2026', '', 'Петров Пётр', '700'],
    );
    const plan = planOrderImport(base, source);
    expect(plan.report.clientsAdded).toBe(3);
    expect(appended(plan, 'Клиенты')!.rows.map((r) => [r[0], r[1]])).toEqual([
      ['К-00013', 'ООО «Лютик»'],
      ['К-00014', 'Петров Пётр'],
      ['п-7', 'Петрова Анна'],
    ]);
    expect(appended(plan, 'Заказы')!.rows.map((r) => r[1])).toEqual(['К-00013', 'К-00014', 'К-00013', 'п-7', 'К-00013', 'п-7', 'К-00014']);
  });

  it('plans the same import from the lines its check found as from the file again', () => {
    const source = sheet(
      'orders.csv',
      ['Дата', 'Код клиента', 'Клиент', 'Сумма'],
      ['01.10.2026', '', 'ООО «Ромашка»', '100'],
      ['02.10.2026', '', 'Петров Пётр', '200'],
      ['03.10.2026', 'К-00012', '', '300'],
    );
    const read = readBase(base);
    const checked = checkOrderImport(read, source);
    expect(checked.lines.orders).toHaveLength(3);
    expect(planOrderImport(base, source, undefined, read, [], {}, checked)).toEqual(planOrderImport(base, source));
    // Lines found for another language are not taken over.
    const foreign = { ...checked, language: 'en' as const, lines: { ...checked.lines, orders: [] } };
    expect(planOrderImport(base, source, undefined, read, [], {}, foreign)).toEqual(planOrderImport(base, source));
  });

  it('links an order by phone when the file names the client by phone only', () => {
    const source = sheet('orders.csv', ['Дата', 'Клиент', 'Сумма'], ['01.10.2026', '+79123456789', '100']);
    const plan = planOrderImport(base, source);
    expect(plan.report.clientsAdded).toBe(0);
    expect(appended(plan, 'Заказы')!.rows[0][1]).toBe('К-00007');
  });

  it('imports lines without a client, lists the first hundred and counts the rest in one problem', () => {
    const rows = Array.from({ length: 150 }, (_, i) => ['01.10.2026', '', String(i + 1)]);
    const plan = planOrderImport(base, sheet('retail.csv', ['Дата', 'Клиент', 'Сумма'], ...rows));
    expect(plan.report.imported).toBe(150);
    expect(rendered(plan.report.problems, 'ru')).toHaveLength(101);
    expect(rendered(plan.report.problems[0], 'ru')).toMatchObject({ sheet: 'retail.csv', row: 2 });
    expect(rendered(plan.report.problems[100].message, 'ru')).toMatch(/ещё 50 строк без клиента \(строки 102–151\)/);
  });

  it('names the columns it does not import', () => {
    const source = sheet('orders.csv', ['Дата', 'Клиент', 'Сумма', 'Склад'], ['01.10.2026', 'Иванов Иван', '1', 'Основной']);
    expect(planOrderImport(base, source).report.ignoredColumns).toEqual(['Склад']);
  });

  it('adds a column the file has and a sheet lacks, at that sheet\'s right, so nothing of the file is dropped', async () => {
    const ownClients = sheet('Клиенты', ['ID', 'Клиент', 'Заметки'], ['К-00007', 'ООО «Ромашка»', 'звонить утром']);
    const ownOrders = sheet('Заказы', ['Дата', 'ID клиента', 'Клиент', 'Сумма'], [date(1, 9, 2026), 'К-00007', 'ООО «Ромашка»', 5]);
    const source = sheet(
      'orders.csv',
      ['Дата', 'Контрагент', 'Сумма', 'Менеджер', 'Телефон'],
      ['05.10.2026', 'ООО «Ромашка»', '10', 'Анна', ''],
      ['06.10.2026', 'ИП Новиков', '20', 'Борис', '8 (912) 000-11-22'],
    );
    const workbook = new MemoryWorkbook(book(ownClients, ownOrders));
    const plan = planOrderImport(await workbook.read(), source);
    expect(plan.report.addedColumns).toEqual([
      { sheet: 'Заказы', header: 'Менеджер' },
      { sheet: 'Клиенты', header: 'Телефон' },
    ]);
    await workbook.apply(plan.operations);
    const after = await workbook.read();
    const orders = after.sheets.find((s) => s.name === 'Заказы')!;
    expect(orders.header).toEqual(['Дата', 'ID клиента', 'Клиент', 'Сумма', 'Менеджер']);
    expect(orders.rows.map((row) => row[4] ?? null)).toEqual([null, 'Анна', 'Борис']);
    const clientsAfter = after.sheets.find((s) => s.name === 'Клиенты')!;
    expect(clientsAfter.header).toEqual(['ID', 'Клиент', 'Заметки', 'Телефон']);
    expect(clientsAfter.rows).toEqual([
      ['К-00007', 'ООО «Ромашка»', 'звонить утром'],
      ['К-00008', 'ИП Новиков', 'добавлен при импорте заказов', '8 (912) 000-11-22'],
    ]);
    // The next read finds the managers in the column the import added.
    expect(readBase(after).orders.map((order) => order.manager)).toEqual(['', 'Анна', 'Борис']);
  });

  it('adds no column when the sheets have them all', () => {
    const source = sheet('orders.csv', ['Дата', 'Контрагент', 'Сумма'], ['05.10.2026', 'ООО «Ромашка»', '10']);
    const plan = planOrderImport(base, source);
    expect(plan.report.addedColumns).toEqual([]);
    expect(plan.operations.map((op) => op.kind)).toEqual(['appendRows']);
  });

  it('needs an Orders sheet', () => {
    expect(() => planOrderImport(book(clients), sheet('x.csv', ['Дата'], ['01.10.2026']))).toThrow(NoOrdersSheetError);
  });

  it('reads an English retail export: the amount is quantity × unit price, exact to the kopeck', () => {
    const source = sheet(
      'online-retail.csv',
      ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'],
      ['536365', '85123A', 'WHITE HANGING HEART', '6', '01.12.2010', '2.55', 'К-00007', 'United Kingdom'],
      ['536365', '71053', 'WHITE METAL LANTERN', '3', '01.12.2010', '0,1', 'К-00007', 'United Kingdom'],
      ['536366', '22633', 'HAND WARMER', '-2', '01.12.2010', '1 234,5', 'К-00012', 'France'],
    );
    const plan = planOrderImport(base, source);
    expect(plan.report).toMatchObject({ imported: 3, linked: 3, clientsAdded: 0, problems: [], ignoredColumns: ['StockCode', 'Country'] });
    const rows = appended(plan, 'Заказы')!.rows;
    // 6 × 2.55 is 15.299999999999999 in floating point, 3 × 0.1 is 0.30000000000000004.
    expect(rows.map((r) => r[4])).toEqual([15.3, 0.3, -2469]);
    expect(rows.map((r) => [r[1], r[3], r[5]])).toEqual([
      ['К-00007', 'WHITE HANGING HEART', '536365'],
      ['К-00007', 'WHITE METAL LANTERN', '536365'],
      ['К-00012', 'HAND WARMER', '536366'],
    ]);
  });

  it('takes the sum column when there is one, and the price alone when there is no quantity', () => {
    const withSum = sheet('a.csv', ['Дата', 'Клиент', 'Количество', 'Цена', 'Сумма с НДС'], ['01.10.2026', 'Иванов Иван', '2', '100', '250']);
    expect(appended(planOrderImport(base, withSum), 'Заказы')!.rows[0][4]).toBe(250);
    const priceOnly = sheet('b.csv', ['Дата', 'Клиент', 'Цена'], ['01.10.2026', 'Иванов Иван', '1 500,50']);
    expect(appended(planOrderImport(base, priceOnly), 'Заказы')!.rows[0][4]).toBe(1500.5);
  });

  it('reports a line whose quantity or price is missing or not a number, and leaves its amount empty', () => {
    const source = sheet(
      'till.csv',
      ['Дата', 'Покупатель', 'Кол-во', 'Цена'],
      ['01.10.2026', 'Иванов Иван', 'два', '100'],
      ['01.10.2026', 'Иванов Иван', '2', ''],
      ['01.10.2026', 'Иванов Иван', '', ''],
    );
    const plan = planOrderImport(base, source);
    expect(appended(plan, 'Заказы')!.rows.map((r) => r[4])).toEqual([null, null, null]);
    expect(rendered(plan.report.problems.map((p) => [p.row, p.column, p.value]), 'ru')).toEqual([
      [2, 'Кол-во', 'два'],
      [3, 'Цена', ''],
    ]);
  });

  it('prefers the sum with VAT to the VAT alone, and a synonym to other words', () => {
    const source = sheet('1c.csv', ['Дата', 'Контрагент', 'Сумма НДС', 'Сумма с НДС'], ['01.10.2026', 'Иванов Иван', '50', '300']);
    const plan = planOrderImport(base, source);
    expect(appended(plan, 'Заказы')!.rows[0][4]).toBe(300);
    expect(plan.report.ignoredColumns).toEqual(['Сумма НДС']);
    const both = sheet('1c.csv', ['Дата', 'Контрагент', 'Сумма с НДС', 'Сумма'], ['01.10.2026', 'Иванов Иван', '300', '250']);
    expect(appended(planOrderImport(base, both), 'Заказы')!.rows[0][4]).toBe(250);
  });

  describe('lines that cannot be linked to clients', () => {
    const lines = [
      ['01.10.2026', 'К-00007', '100'],
      ['02.10.2026', 'К-00012', '200'],
      ['03.10.2026', 'К-00007', '300'],
    ];

    it('refuse an import without a client column, naming the column whose values are clients of the base', () => {
      const source = sheet('bank.csv', ['Дата', 'Склад', 'Лицевой счёт', 'Сумма'], ...lines.map(([day, id, sum]) => [day, 'Основной', id, sum]));
      const refuse = () => planOrderImport(base, source);
      expect(refuse).toThrow(UnlinkedOrdersError);
      expect(refuse).toThrow(/не распознан столбец клиента.*ничего не записано.*«Лицевой счёт».*clientId/);
      expect(refuse).toThrow(expect.objectContaining({ column: 'Лицевой счёт', field: 'clientId' }));
      expect(() => checkOrderImport(readBase(base), source)).toThrow(UnlinkedOrdersError);
    });

    it('refuse it too when no column links to the base, listing the unrecognised columns', () => {
      const source = sheet('bank.csv', ['Дата', 'Лицевой счёт', 'Сумма'], ['01.10.2026', '40817-1', '100']);
      expect(() => planOrderImport(base, source)).toThrow(/нет столбца клиента.*Нераспознанные столбцы: Лицевой счёт/);
      expect(() => planOrderImport(base, source)).toThrow(expect.objectContaining({ column: null }));
    });

    it('link every line once the column is mapped', () => {
      const source = sheet('bank.csv', ['Дата', 'Лицевой счёт', 'Сумма'], ...lines);
      const plan = planOrderImport(base, source, undefined, readBase(base), [{ header: 'лицевой  счёт', field: 'clientId' }]);
      expect(plan.report).toMatchObject({ imported: 3, linked: 3, clientsAdded: 0, ignoredColumns: [] });
      expect(appended(plan, 'Заказы')!.rows.map((r) => r[1])).toEqual(['К-00007', 'К-00012', 'К-00007']);
    });

    it('refuse an import where most lines link nowhere while a column naming the client is not recognised', () => {
      const source = sheet(
        'crm.csv',
        ['Дата', 'Покупатель', 'ФИО / код клиента', 'Сумма'],
        ['01.10.2026', 'Петров', 'К-00007', '100'],
        ['02.10.2026', 'Сидоров', 'К-00012', '200'],
        ['03.10.2026', 'Иванов Иван', 'К-00012', '300'],
      );
      let error: unknown;
      try {
        planOrderImport(base, source);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UnlinkedOrdersError);
      expect(error).toMatchObject({ column: 'ФИО / код клиента', field: 'clientId' });
      expect(rendered((error as Error).message, 'ru')).toMatch(/2 из 3 строк/);
      // Mapped away, the column no longer counts: the unknown buyers are added as new clients.
      const mappedAway = planOrderImport(base, source, undefined, readBase(base), [{ header: 'ФИО / код клиента', field: null }]);
      expect(mappedAway.report).toMatchObject({ imported: 3, linked: 1, clientsAdded: 2, ignoredColumns: [] });
    });

    it('accept new clients when the client column is recognised', () => {
      const source = sheet('new.csv', ['Дата', 'Клиент ID', 'Сумма'], ['01.10.2026', '900', '1'], ['01.10.2026', '901', '1']);
      expect(planOrderImport(base, source).report).toMatchObject({ imported: 2, linked: 0, clientsAdded: 2 });
    });
  });

  it('refuses a mapping to a header the file does not have, or one field mapped twice', () => {
    const source = sheet('x.csv', ['Дата', 'Клиент', 'Сумма'], ['01.10.2026', 'Иванов Иван', '1']);
    const plan = (mapping: Parameters<typeof planOrderImport>[4]) => () => planOrderImport(base, source, undefined, readBase(base), mapping);
    expect(plan([{ header: 'Склад', field: 'comment' }])).toThrow(OrderImportError);
    expect(plan([{ header: 'Склад', field: 'comment' }])).toThrow(/нет столбца «Склад».*Дата, Клиент, Сумма/);
    expect(plan([{ header: 'Дата', field: 'date' }, { header: 'Сумма', field: 'date' }])).toThrow(/сопоставлено двум столбцам/);
  });
});

describe('importing the same export again', () => {
  it('adds nothing the second time and only the new lines of an overlapping export, so revenue is not doubled', async () => {
    const book = {
      sheets: [
        { name: 'Клиенты', header: ['ID', 'Клиент'], rows: [['К-00001', 'ООО «Ромашка»'], ['К-00002', 'Иванов']] },
        { name: 'Заказы', header: ['Дата', 'ID клиента', 'Клиент', 'Сумма', 'Номер заказа'], rows: [] },
      ],
    };
    const workbook = new MemoryWorkbook(book);
    const march = csvToSheet(new TextEncoder().encode('Дата;Клиент ID;Сумма;Номер заказа\n01.03.2025;К-00001;1000;A-1\n01.03.2025;К-00001;500;A-1\n02.03.2025;К-00002;300;\n'), 'march.csv');
    const apply = async (source: ReturnType<typeof csvToSheet>) => {
      const plan = planOrderImport(await workbook.read(), source);
      await workbook.apply(plan.operations);
      return plan.report;
    };
    expect(await apply(march)).toMatchObject({ imported: 3, alreadyPresent: 0 });
    expect(await apply(march)).toMatchObject({ imported: 0, alreadyPresent: 3 });
    const april = csvToSheet(new TextEncoder().encode('Дата;Клиент ID;Сумма;Номер заказа\n02.03.2025;К-00002;300;\n05.04.2025;К-00002;700;\n'), 'april.csv');
    expect(await apply(april)).toMatchObject({ imported: 1, alreadyPresent: 1 });
    const report = planAnalysis(await workbook.read(), { asOf: isoToDay('2025-06-01')! }).report;
    expect(report.clients.map((c) => [c.orders, c.revenue])).toEqual([[1, 1500], [2, 1000]]);
  });
});

describe('an order number the Orders sheet already has', () => {
  const held = book(
    clients,
    sheet('Заказы', ['Дата', 'ID клиента', 'Клиент', 'Услуга', 'Сумма', 'Номер заказа'], [date(5, 3, 2025), 'К-00007', 'ООО «Ромашка»', 'Уборка', 1000, 'З-1'], [date(5, 3, 2025), 'К-00007', 'ООО «Ромашка»', 'Мойка', 500, 'З-1']),
  );

  it('skips every line of that order for the same client and date, and imports the new one', () => {
    const source = sheet(
      'march.csv',
      ['Номер', 'Дата', 'Клиент ID', 'Номенклатура', 'Сумма'],
      ['З-1', '05.03.2025', 'К-00007', 'Уборка', '1000'],
      ['З-1', '05.03.2025', 'К-00007', 'Мойка', '500'],
      ['З-2', '06.03.2025', 'К-00007', 'Мойка', '500'],
    );
    const plan = planOrderImport(held, source);
    expect(plan.report).toMatchObject({ imported: 1, alreadyPresent: 2, problems: [] });
    expect(appended(plan, 'Заказы')!.rows.map((row) => row[5])).toEqual(['З-2']);
  });

  it('imports a line with that number for another client or on another date, and says why, by line', () => {
    const source = sheet(
      'export.csv',
      ['Номер', 'Дата', 'Клиент ID', 'Сумма'],
      ['З-1', '05.03.2025', 'К-00012', '700'],
      ['З-1', '07.03.2025', 'К-00007', '1000'],
    );
    const plan = planOrderImport(held, source);
    expect(plan.report).toMatchObject({ imported: 2, alreadyPresent: 0 });
    expect(rendered(plan.report.problems.map((p) => [p.sheet, p.row, p.column, p.value]), 'ru')).toEqual([
      ['export.csv', 2, 'Номер заказа', 'З-1'],
      ['export.csv', 3, 'Номер заказа', 'З-1'],
    ]);
    expect(rendered(plan.report.problems[0].message, 'ru')).toMatch(/у другого клиента.*импортирована/);
    expect(rendered(plan.report.problems[1].message, 'ru')).toMatch(/с другой датой \(05\.03\.2025\).*импортирована/);
  });
});

describe('text from the file', () => {
  it('is written exactly as the file has it: a tab before a formula sign, a line break at the end, spaces', () => {
    const target = book(clients, sheet('Заказы', ['Дата', 'ID клиента', 'Клиент', 'Сумма', 'Комментарий']));
    const source = sheet('x.csv', ['Дата', 'Клиент', 'Сумма', 'Комментарий'], ['01.10.2026', ' Петров Пётр\t', '\t100 ', '\t=1+1'], ['02.10.2026', 'Иванов Иван', '1', 'звонить\n']);
    const plan = planOrderImport(target, source);
    expect(rendered(plan.report.problems, 'ru')).toEqual([]);
    const rows = appended(plan, 'Заказы')!.rows;
    expect(rows.map((row) => [row[2], row[3], row[4]])).toEqual([
      [' Петров Пётр\t', 100, '\t=1+1'],
      ['Иванов Иван', 1, 'звонить\n'],
    ]);
    // The new client is added under the name as written, and found by it the next time.
    expect(appended(plan, 'Клиенты')!.rows[0][1]).toBe(' Петров Пётр\t');
  });

  it('keeps a value that is not a date as written, and reports it so', () => {
    const plan = planOrderImport(base, sheet('x.csv', ['Дата', 'Клиент', 'Сумма'], ['\tвчера ', 'Иванов Иван', '1']));
    expect(appended(plan, 'Заказы')!.rows[0][0]).toBe('\tвчера ');
    expect(rendered(plan.report.problems.map((p) => p.value), 'ru')).toEqual(['\tвчера ']);
  });
});

describe('importing since a day', () => {
  const source = sheet(
    'big.csv',
    ['Дата', 'Клиент', 'Сумма'],
    ['28.02.2025', 'Иванов Иван', '1'],
    ['01.03.2025', 'Иванов Иван', '2'],
    ['', 'Иванов Иван', '3'],
    ['15.02.2025', 'Соколов', '4'],
    ['весной', 'ООО «Ромашка»', '5'],
    ['2025-03-02', 'ООО «Ромашка»', '6'],
  );
  const since = isoToDay('2025-03-01')!;

  it('imports the lines dated on or after it, counts those before, imports and lists the undated', () => {
    const plan = planOrderImport(base, source, undefined, readBase(base), [], { since });
    expect(plan.report).toMatchObject({ imported: 4, beforeSince: 2, since: '2025-03-01', clientsAdded: 0 });
    expect(appended(plan, 'Заказы')!.rows.map((row) => row[4])).toEqual([2, 3, 5, 6]);
    const undated = plan.report.problems.filter((p) => /без даты/.test(render(p.message, 'ru')));
    expect(undated.map((p) => [p.row, p.column])).toEqual([
      [4, 'Дата'],
      [6, 'Дата'],
    ]);
    // A client whose only lines are before the day is not added.
    expect(appended(plan, 'Клиенты')).toBeUndefined();
  });

  it('imports everything without it', () => {
    expect(planOrderImport(base, source).report).toMatchObject({ imported: 6, beforeSince: 0, since: null, clientsAdded: 1 });
  });

  it('refuses a file without a date column, before anything is planned', () => {
    const undated = sheet('x.csv', ['Клиент', 'Сумма'], ['Иванов Иван', '1']);
    expect(() => planOrderImport(base, undated, undefined, readBase(base), [], { since })).toThrow(OrderImportError);
    expect(() => checkOrderImport(readBase(base), undated, [], { since })).toThrow(/нет столбца даты: импорт с 2025-03-01/);
  });
});

describe('orderImportSummary', () => {
  const report: OrderImportReport = {
    source: 'x.csv',
    imported: 12_345,
    alreadyPresent: 1_234,
    since: '2025-03-01',
    beforeSince: 1_000_000,
    linked: 12_000,
    clientsAdded: 3,
    ignoredColumns: [],
    addedColumns: [],
    problems: [],
  };

  it('groups thousands with a no-break space in Russian and a comma in English', () => {
    expect(orderImportSummary(report, 'ru')).toBe(
      'Импортировано заказов: 12\u00a0345 (связано с клиентами базы: 12\u00a0000), уже были: 1\u00a0234, раньше 01.03.2025: 1\u00a0000\u00a0000, добавлено клиентов: 3',
    );
    expect(orderImportSummary({ ...report, since: null }, 'en')).toBe('Orders imported: 12,345 (linked to clients of the base: 12,000), already there: 1,234, clients added: 3');
  });

  it('names the columns the import added', () => {
    const added = { ...report, since: null, addedColumns: [{ sheet: 'Заказы', header: 'Менеджер' }] };
    expect(orderImportSummary(added, 'ru')).toMatch(/, добавлены столбцы, которых не было: «Менеджер» \(Заказы\)$/);
  });
});
