/**
 * Plan vs fact per manager, through the real analysis plan, on a base small enough to work out by hand:
 * the orders' manager or else the client's, first orders as new clients, history rows as contacts (the
 * product's «статус» rows not), a bad plan cell reported and the rest read, the user's plan never written.
 */
import { planAnalysis } from '../analysis';
import { render } from '../messages/message';
import { dayToIso, dayToSerial, isoToDay } from '../normalise/date';
import { parseMonth, readPlanSheet } from '../plan-sheet';
import { monthOfDay } from '../months';
import type { WriteTable } from '../../workbook/operations';
import { book, date, sheet } from './snapshot-builder';
import { clients, history, orders, plan } from './plan-fact-fixture';

import { PLAN_FACT_AS_OF as AS_OF } from './plan-fact-fixture';

const pair = (plan: number | null, fact: number | null) => ({ plan, fact });

describe('plan vs fact', () => {
  const run = (...extra: ReturnType<typeof sheet>[]) => planAnalysis(book(clients, orders, ...extra), { asOf: AS_OF, parts: ['planFact'] });

  it('counts the fact by the order’s manager, else the client’s, for the plan’s months', () => {
    const { report } = run(history, plan);
    expect(report.planFact).toEqual([
      { manager: 'Иванов', month: '2026-11', revenue: pair(4000, 2800), newClients: pair(2, 1), contacts: pair(2, 1) },
      { manager: 'Петров', month: '2026-11', revenue: pair(500, 0), newClients: pair(null, 1), contacts: pair(1, 1) },
      { manager: 'Иванов', month: '2026-12', revenue: pair(1000, 0), newClients: pair(null, 0), contacts: pair(null, 1) },
      // A month without plan still shows the fact.
      { manager: 'Петров', month: '2026-12', revenue: pair(null, 700), newClients: pair(null, 0), contacts: pair(null, 0) },
    ]);
  });

  it('reports a bad plan cell with its row and column, and reads the rest', () => {
    const { report } = run(history, plan);
    const planProblems = report.problems.filter((p) => p.sheet === 'План');
    expect(planProblems.map((p) => [p.row, p.column, p.value])).toEqual([
      [3, 'Новые клиенты', 'abc'],
      [5, 'Месяц', 'тринадцатый'],
    ]);
    expect(render(planProblems[0].message, 'ru')).toContain('не число');
  });

  it('never writes the user’s plan sheet, and writes the result sheet with totals, colours and a chart', () => {
    const { operations, report } = run(history, plan);
    expect(operations.filter((op) => op.sheet === 'План')).toEqual([]);
    expect(report.sheets).toEqual(['План-факт']);
    const result = operations.find((op): op is WriteTable => op.kind === 'writeTable' && op.replace)!;
    expect(result.sheet).toBe('План-факт');
    expect(result.rows.map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ['2026-11', 'Иванов', 4000, 2800],
      ['2026-11', 'Петров', 500, 0],
      ['2026-11', 'Итого', 4500, 2800],
      ['2026-12', 'Иванов', 1000, 0],
      ['2026-12', 'Петров', null, 700],
      ['2026-12', 'Итого', 1000, 700],
    ]);
    expect(result.rows[0][4]).toBeCloseTo(0.7);
    expect(result.rows[1][10]).toBe(1); // Петров's contacts: 1 of 1
    expect(result.rows[4][4]).toBeNull(); // no plan, no share
    expect(result.rows[0].slice(11)).toEqual([2, 'да', 'да']);
    expect(result.rows[3][13]).toBe('нет, по 04.12.2026');
    const colours = operations.filter((op) => op.kind === 'colourCells');
    // The revenue shares of rows 2..5 (row 6, no plan, is left uncoloured), then new clients and contacts.
    expect(colours.map((op) => op.kind === 'colourCells' && [op.column, op.fromRow, op.toRow])).toEqual([
      [5, 2, 5], [5, 7, 7], [8, 2, 2], [8, 4, 4], [11, 2, 4],
    ]);
    const chart = operations.find((op) => op.kind === 'addChart');
    expect(chart?.kind === 'addChart' && chart.chart).toMatchObject({
      type: 'column',
      categories: { column: 2, fromRow: 2, toRow: 3 },
      series: [{ values: { column: 3, fromRow: 2, toRow: 3 } }, { values: { column: 4, fromRow: 2, toRow: 3 } }],
    });
  });

  it('creates an empty plan template when there is none, and shows the last months with facts', () => {
    const { operations, report } = run();
    const template = operations.find((op): op is WriteTable => op.kind === 'writeTable' && op.sheet === 'План' && op.replace)!;
    expect(template.header).toEqual(['Менеджер', 'Месяц', 'Выручка', 'Новые клиенты', 'Контакты']);
    expect(template.rows).toEqual([
      ['Иванов', '2026-12', null, null, null], ['Петров', '2026-12', null, null, null],
      ['Иванов', '2027-01', null, null, null], ['Петров', '2027-01', null, null, null],
      ['Иванов', '2027-02', null, null, null], ['Петров', '2027-02', null, null, null],
    ]);
    expect(report.sheets).toEqual(['План', 'План-факт']);
    expect([...new Set(report.planFact.map((r) => r.month))]).toEqual(['2026-10', '2026-11', '2026-12']);
    // No history sheet: the contacts fact is unknown, not zero, and the sheet says why.
    expect(report.planFact.every((r) => r.contacts.fact === null)).toBe(true);
    const parameters = operations.find((op): op is WriteTable => op.kind === 'writeTable' && op.sheet === 'План-факт' && !op.replace)!;
    expect(parameters.rows.map((r) => r[1])).toContain('не считается: нет листа «История»');
  });

  it('reads a month typed in any of the documented ways', () => {
    expect(['2026-03', '03.2026', '3/2026', 'март 2026', 'Марта 2026 г.', 'March 2026', date(1, 3, 2026), date(17, 3, 2026), '01.03.2026', dayToSerial(isoToDay('2026-03-20')!)].map(parseMonth)).toEqual(
      new Array(10).fill('2026-03'),
    );
    expect(['2026-13', 'март', 'тринадцатый', 42.5, ''].map(parseMonth)).toEqual([null, null, null, null, null]);
    expect(readPlanSheet(book(sheet('План', ['Менеджер', 'Выручка'], ['Иванов', 1]))).problems).toHaveLength(1);
  });

  it('finds the month of a day by arithmetic as the calendar has it', () => {
    for (let day = isoToDay('1899-12-25')!; day <= isoToDay('2101-03-05')!; day += 13) {
      const iso = dayToIso(day);
      expect([iso, monthOfDay(day)]).toEqual([iso, Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1]);
    }
  });

  it('works in an English workbook: the template and the result sheet in English, an English plan read', () => {
    const en = (...extra: ReturnType<typeof sheet>[]) =>
      planAnalysis(
        book(
          sheet('Clients', ['ID', 'Client', 'Manager'], ['C-1', 'Alpha', 'Smith']),
          sheet('Orders', ['Date', 'Client ID', 'Amount'], [date(3, 11, 2026), 'C-1', 250]),
          ...extra,
        ),
        { asOf: AS_OF, parts: ['planFact'] },
      );
    const fresh = en();
    expect(fresh.report.sheets).toEqual(['Plan', 'Plan vs actual']);
    const template = fresh.operations.find((op): op is WriteTable => op.kind === 'writeTable' && op.sheet === 'Plan' && op.replace)!;
    expect(template.header).toEqual(['Manager', 'Month', 'Revenue', 'New clients', 'Contacts']);
    const planned = en(sheet('Plan', ['Manager', 'Month', 'Revenue', 'New clients', 'Contacts'], ['smith', 'November 2026', 500, 1, null]));
    expect(planned.report.sheets).toEqual(['Plan vs actual']);
    expect(planned.report.planFact).toEqual([
      { manager: 'smith', month: '2026-11', revenue: pair(500, 250), newClients: pair(1, 1), contacts: pair(null, null) },
    ]);
  });
});

describe('«План-факт» on a base with no plan and no dated orders', () => {
  it('says why the table is empty instead of leaving it silently blank', () => {
    const typedOnly = book(sheet('Услуги', ['Услуга'], ['Стрижка']), sheet('Клиенты', ['Клиент', 'Менеджер'], ['Иванов', 'Анна']));
    const planned = planAnalysis(typedOnly, { asOf: isoToDay('2026-12-04')!, parts: ['planFact'] });
    const tables = planned.operations.filter((op): op is WriteTable => op.kind === 'writeTable' && op.sheet === 'План-факт');
    expect(tables[0].rows).toEqual([]);
    const parameters = tables.flatMap((t) => t.rows).map((row) => row.join(' '));
    expect(parameters).toContain('Таблица пуста нет ни плана, ни заказов с датой до даты анализа: заполните лист «План» или запишите заказы');
  });
});
