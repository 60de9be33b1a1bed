/**
 * The analysis on a clients sheet whose order history is typed by hand: typed cells are kept unless the user
 * confirms, the tracker's own columns follow the orders, and every replaced value is archived first.
 */
import { planAnalysis } from '../analysis';
import { isoToDay } from '../normalise/date';
import { readSettings } from '../settings-sheet';
import { MemoryWorkbook } from '../../workbook/memory';
import type { CellValue, WorkbookSnapshot } from '../../workbook/snapshot';
import type { WriteColumns, WriteTable } from '../../workbook/operations';
import { render } from '../messages/message';
import { rendered } from '../messages/rendered';

const AS_OF = isoToDay('2025-06-01')!;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function book(orders: CellValue[][]): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: 'Клиенты',
        header: ['ID', 'Клиент', 'Дата последнего заказа', 'Заказов'],
        rows: [
          ['К-00001', 'Орлов Павел', day('2025-01-10'), 3],
          ['К-00002', 'Белова Ольга', '12.02.2025', null],
          ['К-00003', 'Новиков Илья', null, null],
        ],
      },
      { name: 'Заказы', header: ['Дата', 'ID клиента', 'Сумма', 'Номер заказа'], rows: orders },
    ],
  };
}

const ORDERS: CellValue[][] = [
  [day('2025-03-01'), 'К-00001', 1000, '101'], // after Орлов's typed date: a fourth order
  [day('2025-02-12'), 'К-00002', 700, '102'], // on Белова's typed date: already counted
  [day('2025-05-20'), 'К-00003', 300, '103'],
];

function columnValues(operations: ReturnType<typeof planAnalysis>['operations'], header: string): Array<CellValue | undefined> | undefined {
  const write = operations.find((op): op is WriteColumns => op.kind === 'writeColumns' && op.sheet === 'Клиенты');
  return write?.columns.find((c) => c.header === header)?.values;
}

describe('planAnalysis on typed order history', () => {
  it('keeps typed cells that the orders have moved on, lists them, and still counts both', () => {
    const plan = planAnalysis(book(ORDERS), { asOf: AS_OF });
    const [orlov, belova, novikov] = plan.report.clients;
    expect(orlov).toMatchObject({ lastOrder: '2025-03-01', orders: 4 });
    expect(belova).toMatchObject({ lastOrder: '2025-02-12', orders: 1, revenue: 700 });
    expect(novikov).toMatchObject({ lastOrder: '2025-05-20', orders: 1, revenue: 300 });
    // Орлов's two typed cells are left as they are; the empty cells of Белова and Новиков get what the orders add.
    expect(columnValues(plan.operations, 'Дата последнего заказа')).toEqual([undefined, undefined, day('2025-05-20')]);
    expect(columnValues(plan.operations, 'Заказов')).toEqual([undefined, 1, 1]);
    expect(plan.report.typedDiffering.map((d) => [d.row, d.column, d.before, d.after])).toEqual([
      [2, 'Дата последнего заказа', day('2025-01-10'), day('2025-03-01')],
      [2, 'Заказов', 3, 4],
    ]);
    expect(plan.report.typedReplaced).toBe(false);
    expect(rendered(plan.report.problems.filter((p) => /расходятся с заказами/.test(render(p.message, 'ru'))).map((p) => [p.row, p.column]), 'ru')).toEqual([
      [2, 'Дата последнего заказа'],
      [2, 'Заказов'],
    ]);
    expect(plan.operations.some((op) => op.sheet === 'Архив значений')).toBe(false);
  });

  it('with the user\'s confirmation, archives the typed values first and then writes the new ones', async () => {
    const workbook = new MemoryWorkbook(book(ORDERS));
    const now = new Date(Date.UTC(2025, 5, 1, 10, 30));
    const plan = planAnalysis(await workbook.read(), { asOf: AS_OF, replaceTyped: true, now });
    expect(plan.report.typedReplaced).toBe(true);
    const firstArchive = plan.operations.findIndex((op) => op.sheet === 'Архив значений');
    const firstClientsWrite = plan.operations.findIndex((op) => op.kind === 'writeColumns' && op.sheet === 'Клиенты');
    expect(firstArchive).toBeGreaterThanOrEqual(0);
    expect(firstArchive).toBeLessThan(firstClientsWrite);
    await workbook.apply(plan.operations);
    const state = workbook.state();
    const clients = state.sheets.find((s) => s.name === 'Клиенты')!.values;
    expect(clients[1].slice(2, 4)).toEqual([day('2025-03-01'), 4]);
    const archive = state.sheets.find((s) => s.name === 'Архив значений')!.values;
    expect(archive[0]).toEqual(['Когда', 'Действие', 'Лист', 'Строка', 'Столбец', 'ID клиента', 'Клиент', 'Было', 'Стало']);
    expect(archive.slice(1).map((row) => row.slice(2))).toEqual([
      ['Клиенты', 2, 'Дата последнего заказа', 'К-00001', 'Орлов Павел', day('2025-01-10'), day('2025-03-01')],
      ['Клиенты', 2, 'Заказов', 'К-00001', 'Орлов Павел', 3, 4],
    ]);
    // Confirmed once, the figures are settled: the next run finds nothing to replace and changes nothing.
    const again = planAnalysis(await workbook.read(), { asOf: AS_OF, replaceTyped: true, now });
    expect(again.report.typedDiffering).toEqual([]);
    expect(again.report.clients).toEqual(plan.report.clients);
  });

  it('fills the columns it adds itself and keeps following the orders there, recorded in the settings', async () => {
    const snapshot: WorkbookSnapshot = { sheets: book(ORDERS).sheets.map((s) => (s.name === 'Клиенты' ? { ...s, header: ['ID', 'Клиент'], rows: s.rows.map((r) => r.slice(0, 2)) } : s)) };
    const workbook = new MemoryWorkbook(snapshot);
    await workbook.apply(planAnalysis(await workbook.read(), { asOf: AS_OF }).operations);
    const tracked = readSettings(await workbook.read()).settings.computedColumns;
    expect(tracked).toEqual(['Первый заказ', 'Последний заказ', 'Заказов', 'Выручка', 'Дней с последнего заказа', 'ABC', 'RFM', 'Сегмент RFM', 'Ожидаемый заказ', 'Ритм']);
    // A new order: the tracker's own columns follow it without asking.
    const orders = (await workbook.read()).sheets.find((s) => s.name === 'Заказы')!;
    await workbook.apply([{ kind: 'appendRows', sheet: orders.name, rows: [[day('2025-05-30'), 'К-00001', 50, '104']] }]);
    const next = planAnalysis(await workbook.read(), { asOf: AS_OF });
    expect(next.report.typedDiffering).toEqual([]);
    expect(next.report.clients[0]).toMatchObject({ lastOrder: '2025-05-30', orders: 2, revenue: 1050 });
    expect(columnValues(next.operations, 'Последний заказ')?.[0]).toEqual(day('2025-05-30'));
  });

  it("leaves a results column of the user's own (a hand-kept ABC) as it is, and says where the results are", () => {
    const snapshot = book(ORDERS);
    const clients = snapshot.sheets[0];
    clients.header.push('ABC');
    clients.rows.forEach((row, i) => row.push(['VIP', null, 'C'][i]));
    const plan = planAnalysis(snapshot, { asOf: AS_OF });
    expect(columnValues(plan.operations, 'ABC')).toBeUndefined();
    expect(plan.operations.some((op) => op.kind === 'colourCells' && op.sheet === 'Клиенты' && op.column === 5)).toBe(false);
    expect(rendered(plan.report.problems, 'ru')).toContainEqual(expect.objectContaining({ sheet: 'Клиенты', column: 'ABC', message: expect.stringMatching(/заполнен вами.*листе «ABC»/) }));
    // The classes are still computed, and written on the ABC sheet: revenue 1000, 700, 300 of 2000, shares
    // before each 0 %, 50 %, 85 % → A, A, B.
    expect(plan.report.clients.map((c) => c.abc)).toEqual(['A', 'A', 'B']);
  });

  it('on a book with typed dates and no amounts, says revenue is unknown instead of «нет продаж», on the ABC and RFM sheets', () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [{ name: 'Клиенты', header: ['Клиент', 'Дата последнего заказа'], rows: [['Орлов Павел', day('2025-05-01')], ['Белова Ольга', day('2024-11-20')], ['Новиков Илья', null]] }],
    };
    const plan = planAnalysis(snapshot, { asOf: AS_OF });
    expect(plan.report.clients.map((c) => [c.orders, c.revenueKnown, c.abc, c.rfm !== null])).toEqual([
      [1, false, null, true],
      [1, false, null, true],
      [0, true, null, false],
    ]);
    expect(columnValues(plan.operations, 'ABC')).toEqual(['выручка неизвестна', 'выручка неизвестна', 'нет продаж']);
    const tables = plan.operations.filter((op): op is WriteTable => op.kind === 'writeTable');
    const abcSummary = tables.find((t) => t.sheet === 'ABC' && t.anchor?.row === 1)!;
    expect(abcSummary.rows.map((r) => [r[0], r[1]])).toContainEqual(['выручка неизвестна', 2]);
    expect(abcSummary.rows.map((r) => [r[0], r[1]])).toContainEqual(['нет продаж', 1]);
    expect(tables.find((t) => t.sheet === 'ABC' && t.header[0] === 'Внимание')?.rows[0][0]).toMatch(/^Выручка неизвестна у 2 клиентов: .*«Выручка».*--orders/);
    const rfm = tables.find((t) => t.sheet === 'RFM' && t.replace)!;
    expect(rfm.rows.map((r) => r[4])).toEqual([null, null]);
    expect(tables.find((t) => t.sheet === 'RFM' && t.anchor?.row === 6)?.rows).toContainEqual(['Выручка неизвестна (M — по известной части)', 2]);
  });

  it('never blanks a typed cell, not even when the as-of date is before it', () => {
    const plan = planAnalysis(book([]), { asOf: isoToDay('2024-12-31')! });
    expect(columnValues(plan.operations, 'Дата последнего заказа')).toEqual([undefined, undefined, undefined]);
    expect(columnValues(plan.operations, 'Заказов')).toEqual([undefined, undefined, undefined]);
    expect(rendered(plan.report.problems.filter((p) => /позже даты анализа/.test(render(p.message, 'ru'))).map((p) => p.row), 'ru')).toEqual([2, 3]);
  });
});
