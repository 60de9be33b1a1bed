/**
 * The «Ценность клиентов» and «ABC-XYZ» sheets through the real analysis: what they list, in what
 * order, and what they say when the base is too small for the models.
 */
import type { WriteTable } from '../../workbook/operations';
import type { CellValue } from '../../workbook/snapshot';
import { planAnalysis } from '../analysis';
import { isoToDay } from '../normalise/date';
import { generateSampleWorkbook, SAMPLE_DEFAULTS } from '../../sample';
import { book, date, sheet } from './snapshot-builder';

const tables = (plan: ReturnType<typeof planAnalysis>, name: string) => plan.operations.filter((op): op is WriteTable => op.kind === 'writeTable' && op.sheet === name);

describe('«Ценность клиентов»', () => {
  const asOf = isoToDay(SAMPLE_DEFAULTS.asOf)!;
  const plan = planAnalysis(generateSampleWorkbook(), { asOf, parts: ['clientValue'] });
  const [list, guide, parameters] = tables(plan, 'Ценность клиентов');

  it('lists the clients with the most value at risk first, CLV × (1 − P(alive)), as the report gives them', () => {
    expect(list.header.slice(-3)).toEqual(['Ожидаемый чек', 'CLV за 12 месяцев', 'Под риском']);
    expect(list.rows.length).toBe(100);
    const atRisk = list.rows.map((row) => row[10] as number);
    expect([...atRisk].sort((a, b) => b - a)).toEqual(atRisk);
    // The report's own figures, ranked here: the first rows are those clients, with their figures.
    const ranked = plan.report.clients
      .filter((c) => c.clv12 !== null && c.pAlive !== null)
      .map((c) => ({ name: c.name, pAlive: c.pAlive, atRisk: c.clv12! * (1 - c.pAlive!) }))
      .sort((a, b) => b.atRisk - a.atRisk);
    list.rows.slice(0, 5).forEach((row, k) => {
      expect([row[1], row[5]]).toEqual([ranked[k].name, ranked[k].pAlive]);
      expect(row[10]).toBeCloseTo(ranked[k].atRisk, 6);
    });
    // Nobody left out has more at risk than the list's last row.
    expect(ranked[100].atRisk).toBeLessThanOrEqual(atRisk[atRisk.length - 1]);
  });

  it('says in words what the numbers mean, and gives the fitted parameters', () => {
    expect(guide.rows.map((row) => row[0]).join(' ')).toMatch(/Вероятность активности — шанс, что клиент ещё покупает/);
    const names = parameters.rows.map((row) => row[0]);
    expect(names).toEqual(expect.arrayContaining(['BG/NBD r', 'BG/NBD α', 'BG/NBD a', 'BG/NBD b', 'Gamma-Gamma p', 'Gamma-Gamma q', 'Gamma-Gamma γ']));
  });

  it('on a base too small for the models, says why instead of leaving the sheet silently empty', () => {
    const small = book(
      sheet('Услуги', ['Услуга'], ['Стрижка']),
      sheet('Клиенты', ['Клиент'], ['Иванов'], ['Петров']),
      sheet('Заказы', ['Дата', 'Клиент', 'Услуга', 'Сумма'], [date(1, 2, 2026), 'Иванов', 'Стрижка', 1000], [date(1, 3, 2026), 'Иванов', 'Стрижка', 1000]),
    );
    const smallPlan = planAnalysis(small, { asOf: isoToDay('2026-11-01')!, parts: ['clientValue'] });
    const [smallList, smallGuide] = tables(smallPlan, 'Ценность клиентов');
    expect(smallList.rows).toEqual([]);
    expect(smallGuide.rows[0][0]).toMatch(/Расчёта нет: нужно не меньше 10 клиентов с повторными заказами/);
    expect(smallPlan.report.clients.map((c) => c.pAlive)).toEqual([null, null]);
  });
});

describe('«ABC-XYZ»', () => {
  // Monthly revenue over the 12 full months before 01.11.2026 (11.2025–10.2026):
  //   Ровный: 1000 every month → CV 0 → X;   Волна: 1000 and 1500 by turns → CV 0.2 → Y;
  //   Разовый: 8,000 in one month → CV √11 → Z;   Давний: bought in 2024 only → ABC class, no XYZ.
  const months = Array.from({ length: 12 }, (_, k) => date(15, ((10 + k) % 12) + 1, 2025 + Math.floor((10 + k) / 12)));
  const orders: CellValue[][] = [
    ...months.map((day) => [day, 'Ровный', 'Стрижка', 1000]),
    ...months.map((day, k) => [day, 'Волна', 'Стрижка', k % 2 === 0 ? 1000 : 1500]),
    [months[3], 'Разовый', 'Окрашивание', 8000],
    [date(1, 6, 2024), 'Давний', 'Окрашивание', 500],
  ];
  const workbook = book(
    sheet('Услуги', ['Услуга'], ['Стрижка'], ['Окрашивание']),
    sheet('Клиенты', ['Клиент'], ['Ровный'], ['Волна'], ['Разовый'], ['Давний']),
    sheet('Заказы', ['Дата', 'Клиент', 'Услуга', 'Сумма'], ...orders),
  );
  const plan = planAnalysis(workbook, { asOf: isoToDay('2026-11-01')!, parts: ['abcXyz'] });
  const [cells, matrix, parameters, services] = tables(plan, 'ABC-XYZ');

  it('classes each client by the variation of their monthly revenue', () => {
    expect(plan.report.clients.map((c) => [c.name, c.abc, c.xyz])).toEqual([
      ['Ровный', 'A', 'X'],
      ['Волна', 'A', 'Y'],
      ['Разовый', 'B', 'Z'],
      ['Давний', 'C', null],
    ]);
  });

  it('counts clients and revenue in the nine cells, with advice, and the client without XYZ apart', () => {
    const cell = (code: string) => cells.rows.find((row) => row[0] === code)!;
    expect(cells.rows.map((row) => row[0])).toEqual(['AX', 'AY', 'AZ', 'BX', 'BY', 'BZ', 'CX', 'CY', 'CZ']);
    expect(cell('AX').slice(1, 3)).toEqual([1, 12000]);
    expect(cell('AY').slice(1, 3)).toEqual([1, 15000]);
    expect(cell('BZ').slice(1, 3)).toEqual([1, 8000]);
    expect(cell('CZ').slice(1, 3)).toEqual([0, 0]);
    expect(cells.rows.every((row) => typeof row[4] === 'string' && (row[4] as string).length > 20)).toBe(true);
    expect(matrix.rows).toEqual([
      ['A', 1, 1, 0],
      ['B', 0, 0, 1],
      ['C', 0, 0, 0],
    ]);
    expect(parameters.rows[2]).toEqual(['Класс ABC есть, заказов за 12 месяцев нет', 1]);
  });

  it('classes the services the same way: Стрижка sells 2000 and 2500 by turns (CV 11.1 %)', () => {
    expect(services.rows.map((row) => [row[0], row[3]])).toEqual([
      ['Стрижка', 'Y'],
      ['Окрашивание', 'Z'],
    ]);
  });
});
