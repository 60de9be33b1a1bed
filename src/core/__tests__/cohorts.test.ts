import { MemoryWorkbook } from '../../workbook/memory';
import type { ColourCells, WriteTable } from '../../workbook/operations';
import { planAnalysis } from '../analysis';
import { computeCohorts } from '../cohorts';
import { monthLabel, monthOfDay } from '../months';
import { NO_HISTORY, type Order, type TypedHistory } from '../model';
import { isoToDay } from '../normalise/date';
import { book, date, sheet } from './snapshot-builder';

const day = (iso: string) => isoToDay(iso) as number;
const AS_OF = day('2024-06-15');

function order(iso: string | null, amount: number | null): Order {
  return { row: 0, date: iso === null ? null : day(iso), clientId: '', client: '', service: '', amount, number: '', manager: '', comment: '' };
}

const typed = (history: Partial<TypedHistory>): TypedHistory => ({ ...NO_HISTORY, ...history });

describe('monthOfDay', () => {
  it('gives the calendar month of a day, across years and leap days', () => {
    for (const iso of ['1970-01-01', '1999-12-31', '2000-02-29', '2024-01-31', '2024-02-01', '2024-12-31', '2100-03-01']) {
      expect(monthLabel(monthOfDay(day(iso)))).toBe(iso.slice(0, 7));
    }
    expect(monthOfDay(day('2025-01-01')) - monthOfDay(day('2024-12-31'))).toBe(1);
  });
});

describe('computeCohorts', () => {
  // Clients: 0 A, 1 B, 2 C, 3 D (typed only), 4 E (typed earlier), 5 F, 6 G (typed last later), 7 H (undated), 8 I (old).
  const histories = [NO_HISTORY, NO_HISTORY, NO_HISTORY, typed({ firstOrder: day('2023-12-01') }), typed({ firstOrder: day('2023-11-01') }), NO_HISTORY, typed({ lastOrder: day('2024-03-05') }), NO_HISTORY, NO_HISTORY];
  const rows: Array<[number | null, Order]> = [
    [0, order('2024-01-05', 100)],
    [0, order('2024-01-20', 50)], // a return in the cohort month itself: not month 1
    [0, order('2024-03-10', 30)],
    [1, order('2024-01-31', 200)],
    [1, order('2024-02-01', 10)], // month 1
    [1, order('2024-04-15', 20)], // month 3
    [2, order('2024-05-10', 40)],
    [2, order('2024-07-01', 999)], // after the as-of date: ignored
    [4, order('2024-01-10', 60)],
    [5, order('2024-06-01', 5)],
    [6, order('2024-01-03', 70)],
    [7, order(null, 80)],
    [8, order('2022-01-01', 90)],
    [null, order('2024-02-10', 1000)], // linked to no client
  ];
  const report = computeCohorts(histories, rows.map(([, o]) => o), rows.map(([c]) => c), AS_OF);

  it('groups clients by the month of their first order, oldest first', () => {
    expect(report.cohorts.map((c) => [c.month, c.clients])).toEqual([['2024-01', 3], ['2024-05', 1], ['2024-06', 1]]);
    expect(report.asOfMonth).toBe('2024-06');
  });

  it('counts a return per calendar month after the cohort month; later months are null, not 0', () => {
    const january = report.cohorts[0];
    // B in February and April; A in March and G's typed last order in March; nobody in May or June.
    expect(january.shares).toEqual([1 / 3, 2 / 3, 1 / 3, 0, 0, null, null, null, null, null, null, null]);
    expect(january.partialMonth).toBe(5);
    expect(report.cohorts[1].shares).toEqual([0, ...Array(11).fill(null)]);
    expect(report.cohorts[1].partialMonth).toBe(1);
    expect(report.cohorts[2].shares).toEqual(Array(12).fill(null));
    expect(report.cohorts[2].partialMonth).toBeNull();
  });

  it('sums the dated revenue up to the as-of date and the cohort month revenue', () => {
    expect(report.cohorts.map((c) => [c.revenue, c.firstMonthRevenue])).toEqual([[480, 420], [40, 40], [5, 5]]);
  });

  it('leaves out, and counts, clients whose months are not all in the order rows', () => {
    expect(report).toMatchObject({ typedOnly: 1, typedEarlier: 1, olderClients: 1 });
  });

  it('shows at most the last 24 cohort months', () => {
    const days = Array.from({ length: 30 }, (_, i) => day(`${2022 + Math.floor((i + 1) / 12)}-${String(((i + 1) % 12) + 1).padStart(2, '0')}-01`));
    const many = computeCohorts(days.map(() => NO_HISTORY), days.map((d) => ({ ...order(null, 1), date: d })), days.map((_, i) => i), AS_OF);
    expect(many.cohorts).toHaveLength(24);
    expect(many.cohorts[0].month).toBe('2022-07');
    expect(many.cohorts[23].month).toBe('2024-06');
  });
});

describe('the Когорты sheet through planAnalysis', () => {
  const snapshot = book(
    sheet('Клиенты', ['Клиент', 'Первый заказ'], ['Анна', ''], ['Борис', ''], ['Вера', date(1, 12, 2023)]),
    sheet(
      'Заказы',
      ['Дата', 'Клиент', 'Сумма'],
      [date(5, 1, 2024), 'Анна', 100],
      [date(20, 1, 2024), 'Анна', 50],
      [date(10, 3, 2024), 'Анна', 30],
      [date(31, 1, 2024), 'Борис', 200],
      [date(1, 2, 2024), 'Борис', 10],
      [date(1, 7, 2024), 'Борис', 999],
    ),
  );
  const plan = planAnalysis(snapshot, { asOf: AS_OF, parts: ['cohorts'] });

  it('reports the cohorts in RESULTS.json and writes only the cohorts sheet', () => {
    expect(plan.report.cohorts).toEqual([
      { month: '2024-01', clients: 2, revenue: 390, firstMonthRevenue: 350, shares: [0.5, 0.5, 0, 0, 0, null, null, null, null, null, null, null], partialMonth: 5 },
    ]);
    expect(plan.report.sheets).toEqual(['Когорты']);
  });

  it('writes percentages, empty future months, the reading notes and a heat map on each month column', async () => {
    const workbook = new MemoryWorkbook({ sheets: [] });
    await workbook.apply(plan.operations);
    const written = workbook.state().sheets.find((s) => s.name === 'Когорты');
    expect(written?.values[0].slice(0, 6)).toEqual(['Когорта (месяц первого заказа)', 'Клиентов', 'Выручка', 'Выручка в месяц 0', 'Месяц 1', 'Месяц 2']);
    // A month not observable yet is an empty cell (null), not 0.
    expect(written?.values[1].slice(0, 11)).toEqual(['2024-01', 2, 390, 350, 0.5, 0.5, 0, 0, 0, null, null]);
    expect(written?.conditionalFormats).toHaveLength(12);
    const first = plan.operations[0] as WriteTable;
    expect(first.numberFormats?.slice(4)).toEqual(Array(12).fill('0.0%'));
    const colours = plan.operations.filter((op): op is ColourCells => op.kind === 'colourCells');
    expect(colours.map((op) => op.column)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    const notes = plan.operations[1] as WriteTable;
    expect(String(notes.rows[1][0])).toContain('k-й календарный месяц');
    const parameters = plan.operations[2] as WriteTable;
    expect(parameters.rows).toContainEqual(['Не учтены: только введённые даты', 1]);
  });

  it('names the sheet and its headers in English for an English workbook', () => {
    const english = book(sheet('Clients', ['Client'], ['Ann']), sheet('Orders', ['Date', 'Client', 'Amount'], [date(5, 1, 2024), 'Ann', 10]));
    const operations = planAnalysis(english, { asOf: AS_OF, parts: ['cohorts'] }).operations;
    expect((operations[0] as WriteTable).sheet).toBe('Cohorts');
    expect((operations[0] as WriteTable).header[4]).toBe('Month 1');
  });
});
