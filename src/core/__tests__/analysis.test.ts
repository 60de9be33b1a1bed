import { MemoryWorkbook } from '../../workbook/memory';
import type { WriteColumns, WriteTable } from '../../workbook/operations';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { analyseBase, analysisSummary, NoClientsSheetError, planAnalysis } from '../analysis';
import { readBase } from '../base';
import * as funnels from '../funnel';
import * as managerLoads from '../managers';
import * as serviceRevenues from '../service-revenue';
import { isoToDay } from '../normalise/date';
import { DEFAULT_SETTINGS } from '../settings';
import { render } from '../messages/message';

const AS_OF = isoToDay('2024-06-30') as number;

function sampleWorkbook(): WorkbookSnapshot {
  return {
    sheets: [
      { name: 'Услуги', header: ['Услуга', 'Цена'], rows: [['Стрижка', 1500], ['Окрашивание', 4000], ['Укладка', 1200]] },
      {
        name: 'Клиенты',
        header: ['Клиент', 'Телефон', 'Город', 'Менеджер', 'Статус'],
        rows: [
          ['ООО «Ромашка»', '8 (912) 345-67-89', 'МСК', 'Иванова', 'Белый'],
          ['Петров Пётр', '+7 912 000-00-01', 'Казань', 'Иванова', 'Золотой'],
          ['Сидорова Анна', '', 'Москва', 'Петров', 'Платиновый'],
          [],
          ['Без заказов', '', '', '', ''],
        ],
      },
      {
        name: 'Заказы',
        header: ['Дата', 'Клиент', 'Услуга', 'Сумма', 'Номер заказа'],
        rows: [
          ['01.03.2024', 'ООО «Ромашка»', 'Стрижка', '1\u00a0234,56\u00a0₽', 'A1'],
          ['01.03.2024', 'ООО «Ромашка»', 'Укладка', 1000, 'A1'],
          [new Date(Date.UTC(2024, 4, 1)), 'ООО «Ромашка»', 'Окрашивание', 4000, 'A2'],
          ['15.06.2024', 'Петров Пётр', 'Стрижка', 1500, ''],
          ['20.06.2024', 'Петров Пётр', 'Стрижка', -500, ''],
          ['01.07.2024', 'Петров Пётр', 'Стрижка', 9999, ''],
          ['10.01.2024', 'Сидорова Анна', 'Окрашивание', 1000, ''],
          ['10.02.2024', 'Сидорова Анна', 'Окрашивание', 1000, ''],
          ['10.03.2024', 'Сидорова Анна', 'Стрижка', 1000, ''],
          ['20.03.2024', 'Сидорова Анна', 'Стрижка', 1000, ''],
          ['01.04.2024', 'Сидорова Анна', 'Маникюр', 1000, ''],
        ],
      },
    ],
  };
}

describe('planAnalysis', () => {
  const plan = planAnalysis(sampleWorkbook(), { asOf: AS_OF });
  const byName = (name: string) => plan.report.clients.find((c) => c.name === name);

  it('reports the tracker, RFM, ABC and status suggestions per client', () => {
    expect(plan.report.asOf).toBe('2024-06-30');
    expect(byName('ООО «Ромашка»')).toEqual({
      id: null, name: 'ООО «Ромашка»', firstOrder: '2024-03-01', lastOrder: '2024-05-01', orders: 2, revenue: 6234.56, revenueKnown: true,
      daysSinceLastOrder: 60, cold: true, medianGap: null, expectedOrder: null, slipping: false, r: 3, f: 1, m: 5, rfm: '315', segment: 'about_to_sleep', abc: 'A',
      // Orders in March and May of the 12 months June 2023 – May 2024 only; three clients do not identify BG/NBD.
      xyz: 'Z', pAlive: null, expectedOrders90: null, expectedOrders365: null, expectedOrderValue: null, clv12: null,
      statusSuggestion: 'Красно-золотой',
    });
    expect(byName('Петров Пётр')).toMatchObject({ orders: 2, revenue: 1000, daysSinceLastOrder: 10, cold: false, rfm: '511', segment: 'new', abc: 'B', statusSuggestion: null });
    expect(byName('Сидорова Анна')).toMatchObject({ orders: 5, revenue: 5000, daysSinceLastOrder: 90, cold: true, rfm: '153', segment: 'cant_lose', abc: 'A', statusSuggestion: 'Красно-платиновый' });
    expect(byName('Без заказов')).toEqual({
      id: null, name: 'Без заказов', firstOrder: null, lastOrder: null, orders: 0, revenue: 0, revenueKnown: true, daysSinceLastOrder: null,
      cold: false, medianGap: null, expectedOrder: null, slipping: false, r: null, f: null, m: null, rfm: null, segment: null, abc: null, statusSuggestion: null,
      xyz: null, pAlive: null, expectedOrders90: null, expectedOrders365: null, expectedOrderValue: null, clv12: null,
    });
  });

  it('reports the thresholds, ABC summary and segment counts', () => {
    const { thresholds, abc, segments } = plan.report;
    expect(thresholds.mode).toBe('percentiles');
    expect(thresholds.recency.map((t) => +t.toFixed(6))).toEqual([30, 50, 66, 78]);
    expect(thresholds.frequency.map((t) => +t.toFixed(6))).toEqual([2, 2, 2.6, 3.8]);
    expect(thresholds.monetary.map((t) => +t.toFixed(6))).toEqual([2600, 4200, 5246.912, 5740.736]);
    expect(abc.A.clients).toBe(2);
    expect(abc.B).toMatchObject({ clients: 1, revenue: 1000 });
    expect(abc.B.share).toBeCloseTo(1000 / 12234.56, 12);
    expect(abc.none).toBe(1);
    expect(segments).toMatchObject({ about_to_sleep: 1, new: 1, cant_lose: 1, champions: 0 });
  });

  it('reports an order dated after the as-of date as a problem', () => {
    const later = plan.report.problems.filter((p) => render(p.message, 'ru').includes('позже даты анализа'));
    expect(later).toEqual([expect.objectContaining({ sheet: 'Заказы', row: 7, column: 'Дата', value: '01.07.2024' })]);
  });

  it('writes the managed columns at the right, by spreadsheet row, leaving the blank row alone', () => {
    const write = plan.operations.find((op) => op.kind === 'writeColumns') as WriteColumns;
    expect(write.sheet).toBe('Клиенты');
    expect(write.columns.map((c) => [c.column, c.header])).toEqual([
      [6, 'ID'], [7, 'Первый заказ'], [8, 'Последний заказ'], [9, 'Заказов'], [10, 'Выручка'],
      [11, 'Дней с последнего заказа'], [12, 'ABC'], [13, 'RFM'], [14, 'Сегмент RFM'], [15, 'Группа дубликатов'],
      [16, 'Ожидаемый заказ'], [17, 'Ритм'],
    ]);
    const values = (column: number) => write.columns.find((c) => c.column === column)?.values;
    expect(values(6)).toEqual([]);
    expect(values(7)).toEqual([new Date(Date.UTC(2024, 2, 1)), new Date(Date.UTC(2024, 5, 15)), new Date(Date.UTC(2024, 0, 10)), undefined, null]);
    expect(values(9)).toEqual([2, 2, 5, undefined, 0]);
    expect(values(11)).toEqual([60, 10, 90, undefined, null]);
    expect(values(12)).toEqual(['A', 'B', 'A', undefined, 'нет продаж']);
    expect(values(14)).toEqual(['Засыпающие', 'Новички', 'Нельзя потерять', undefined, null]);
    expect(write.columns.find((c) => c.column === 10)?.numberFormat).toBe('#,##0.00');
    expect(plan.operations).toContainEqual({
      kind: 'colourCells', sheet: 'Клиенты', column: 11, fromRow: 2, toRow: 6,
      rules: [{ when: { atLeast: 60 }, fill: '#F8CBAD', fontColour: '#9C0006' }],
    });
  });

  it('regenerates the result sheets whole, in the workbook language', () => {
    const replaced = plan.operations.filter((op): op is WriteTable => op.kind === 'writeTable' && op.replace).map((op) => op.sheet);
    // The settings sheet is written once, to record the history columns the tracker added and fills itself.
    expect(replaced).toEqual(['Настройки', 'ABC', 'ABC услуг', 'RFM', 'Воронка', 'Менеджеры', 'Ценность клиентов', 'ABC-XYZ', 'Когорты', 'План', 'План-факт', 'Воронка — движение']);
    expect(plan.report.sheets).toEqual(['Настройки', 'Клиенты', 'ABC', 'ABC услуг', 'RFM', 'Воронка', 'Менеджеры', 'Ценность клиентов', 'ABC-XYZ', 'Когорты', 'План', 'План-факт', 'Воронка — движение']);
    const abc = plan.operations.find((op) => op.kind === 'writeTable' && op.sheet === 'ABC') as WriteTable;
    expect(abc.rows.map((r) => [r[0], r[2], r[3], r[6]])).toEqual([
      [1, 'ООО «Ромашка»', 6234.56, 'A'],
      [2, 'Сидорова Анна', 5000, 'A'],
      [3, 'Петров Пётр', 1000, 'B'],
    ]);
    expect(plan.operations.some((op) => op.kind === 'addChart' && op.sheet === 'ABC' && op.chart.type === 'pareto')).toBe(true);
    const services = plan.operations.find((op) => op.kind === 'writeTable' && op.sheet === 'ABC услуг') as WriteTable;
    expect(services.rows.map((r) => [r[1], r[3], r[6]])).toEqual([
      ['Окрашивание', 6000, 'A'],
      ['Стрижка', 4234.56, 'A'],
      ['Укладка', 1000, 'B'],
      ['Маникюр (нет в списке услуг)', 1000, 'B'],
    ]);
    const thresholds = plan.operations.find((op) => op.kind === 'writeTable' && op.sheet === 'RFM' && op.anchor?.column === 12 && op.anchor.row === 1) as WriteTable;
    // The percentiles (F 2, 2, 2.6, 3.8; M …, 5246.912, 5740.736) shown rounded down to whole orders and kopecks.
    expect(thresholds.rows.map((r) => r.slice(1, 5))).toEqual([[30, 50, 66, 78], [2, 2, 2, 3], [2600, 4200, 5246.91, 5740.73]]);
    const managers = plan.operations.find((op) => op.kind === 'writeTable' && op.sheet === 'Менеджеры' && op.replace) as WriteTable;
    expect(managers.rows).toEqual([
      ['Иванова', 2, 1, 1, 0, 7234.56, 'нет'],
      ['Петров', 1, 0, 1, 0, 5000, 'нет'],
      ['(не назначен)', 1, 0, 0, 1, 0, 'нет'],
    ]);
  });

  it('gives the same workbook when run again on its own output', async () => {
    const book = new MemoryWorkbook(sampleWorkbook());
    await book.apply(planAnalysis(await book.read(), { asOf: AS_OF }).operations);
    const once = book.state();
    const again = planAnalysis(await book.read(), { asOf: AS_OF });
    await book.apply(again.operations);
    expect(book.state()).toEqual(once);
    expect(again.report.clients).toEqual(plan.report.clients);
  });

  it('writes only the chosen parts', () => {
    const funnelOnly = planAnalysis(sampleWorkbook(), { asOf: AS_OF, parts: ['funnel'] });
    expect([...new Set(funnelOnly.operations.map((op) => op.sheet))]).toEqual(['Воронка']);
    const abcOnly = planAnalysis(sampleWorkbook(), { asOf: AS_OF, parts: ['abc'] });
    const write = abcOnly.operations.find((op) => op.kind === 'writeColumns') as WriteColumns;
    // The ABC column keeps its place: the other new managed columns get their headers, no gap.
    expect(write.columns.find((c) => c.column === 12)?.values).toEqual(['A', 'B', 'A', undefined, 'нет продаж']);
    expect(write.columns.filter((c) => c.values.length === 0).map((c) => c.column)).toEqual([6, 7, 8, 9, 10, 11, 13, 14, 15, 16, 17]);
  });

  it('uses fixed RFM bands from the settings and writes them as the thresholds', () => {
    const settings = planAnalysis(sampleWorkbook(), { asOf: AS_OF }).report;
    expect(settings.thresholds.mode).toBe('percentiles');
    const fixed = planAnalysis(sampleWorkbook(), {
      asOf: AS_OF,
      settings: { ...DEFAULT_SETTINGS, rfmMode: 'fixed', rfmRecencyBands: [30, 60, 90, 180], rfmFrequencyBands: [1, 2, 3, 5], phoneRegion: 'RU', managerLimit: 70, duplicateSensitivity: 'normal', language: 'ru', computedColumns: [] },
    });
    expect(fixed.report.thresholds).toMatchObject({ mode: 'fixed', recency: [30, 60, 90, 180], frequency: [1, 2, 3, 5] });
    expect(fixed.report.clients.map((c) => c.rfm)).toEqual(['425', '521', '343', null]);
  });

  it('summarises for the side panel', () => {
    expect(analysisSummary(plan.report)).toEqual({
      asOf: '2024-06-30',
      clients: 4,
      clientsWithOrders: 3,
      cold: 2,
      revenue: 12234.56,
      abc: { A: plan.report.abc.A, B: plan.report.abc.B, C: plan.report.abc.C, none: 1 },
      revenueUnknown: 0,
      segments: plan.report.segments,
      // Ромашка about to sleep, Петров new, Сидорова can't lose.
      segmentRevenue: expect.objectContaining({ about_to_sleep: 6234.56, new: 1000, cant_lose: 5000, champions: 0 }),
      abcLimits: { A: 0.75, B: 0.95 },
      // Ranked 6 234,56, 5 000, 1 000 of 12 234,56: 6 234,56 / 12 234,56 = 50.96 %, 11 234,56 / 12 234,56 = 91.83 %.
      pareto: [[0, 0], [0.3333, 0.5096], [0.6667, 0.9183], [1, 1]],
    });
  });

  it('computes the services ABC, the funnel and the manager load only when they are read, once', () => {
    const counted = [jest.spyOn(funnels, 'computeFunnel'), jest.spyOn(managerLoads, 'computeManagerLoad'), jest.spyOn(serviceRevenues, 'revenueByService')];
    try {
      const analysis = analyseBase(readBase(sampleWorkbook()), AS_OF);
      // What the panel's client list reads.
      expect(analysis.tracker).toHaveLength(4);
      expect(analysis.statusSuggestions).toHaveLength(4);
      expect(counted.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0]);
      const first = [analysis.funnel, analysis.managers, analysis.services, analysis.servicesAbc, analysis.servicesAbcSummary];
      expect([analysis.funnel, analysis.managers, analysis.services, analysis.servicesAbc, analysis.servicesAbcSummary]).toEqual(first);
      expect(analysis.servicesAbc.classes).toHaveLength(analysis.services.length);
      expect(counted.map((spy) => spy.mock.calls.length)).toEqual([1, 1, 1]);
    } finally {
      for (const spy of counted) spy.mockRestore();
    }
  });

  it('draws the ABC limits from the settings the analysis used', () => {
    const settings = { ...DEFAULT_SETTINGS, abcA: 60, abcB: 30 };
    const summary = analysisSummary(planAnalysis(sampleWorkbook(), { asOf: AS_OF, settings }).report);
    expect(summary.abcLimits).toEqual({ A: 0.6, B: 0.9 });
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it('handles a base without orders', () => {
    const book = sampleWorkbook();
    book.sheets = book.sheets.filter((s) => s.name !== 'Заказы');
    const empty = planAnalysis(book, { asOf: AS_OF });
    expect(empty.report.clients.every((c) => c.orders === 0 && c.abc === null && c.segment === null)).toBe(true);
    expect(empty.report.thresholds).toEqual({ mode: 'percentiles', recency: [], frequency: [], monetary: [] });
    expect(empty.operations.some((op) => op.kind === 'addChart' && op.chart.type === 'pareto')).toBe(false);
  });

  it('refuses a workbook without a clients sheet', () => {
    expect(() => planAnalysis({ sheets: [{ name: 'Лист1', header: ['a'], rows: [] }] }, { asOf: AS_OF })).toThrow(NoClientsSheetError);
  });

  it('writes English sheets for an English workbook', () => {
    const english = planAnalysis(
      { sheets: [{ name: 'Clients', header: ['Client', 'Status'], rows: [['Acme', 'Gold']] }, { name: 'Orders', header: ['Date', 'Client', 'Amount'], rows: [['2024-06-01', 'Acme', 10]] }] },
      { asOf: AS_OF },
    );
    const replaced = english.operations.filter((op): op is WriteTable => op.kind === 'writeTable' && op.replace).map((op) => op.sheet);
    expect(replaced).toEqual(['Settings', 'ABC', 'ABC services', 'RFM', 'Funnel', 'Managers', 'Client value', 'ABC-XYZ', 'Cohorts', 'Plan', 'Plan vs actual', 'Funnel movement']);
    expect(english.report.clients[0]).toMatchObject({ rfm: '511', segment: 'new', statusSuggestion: null });
  });
});
