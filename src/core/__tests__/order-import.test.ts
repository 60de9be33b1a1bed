import { planOrderImport, NoOrdersSheetError } from '../order-import';
import type { AppendRows } from '../../workbook/operations';
import { book, date, sheet } from './snapshot-builder';

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
    expect(plan.report.problems.map((p) => [p.sheet, p.row, p.column, p.value])).toEqual([
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
    expect(plan.report.problems).toHaveLength(101);
    expect(plan.report.problems[0]).toMatchObject({ sheet: 'retail.csv', row: 2 });
    expect(plan.report.problems[100].message).toMatch(/ещё 50 строк без клиента \(строки 102–151\)/);
  });

  it('names the columns it does not import', () => {
    const source = sheet('orders.csv', ['Дата', 'Клиент', 'Сумма', 'Склад'], ['01.10.2026', 'Иванов Иван', '1', 'Основной']);
    expect(planOrderImport(base, source).report.ignoredColumns).toEqual(['Склад']);
  });

  it('needs an Orders sheet', () => {
    expect(() => planOrderImport(book(clients), sheet('x.csv', ['Дата'], ['01.10.2026']))).toThrow(NoOrdersSheetError);
  });
});
