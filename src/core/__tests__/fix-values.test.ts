/** "Fix formats": text dates and amounts made real on the user's word, the originals archived first. */
import { planFixValues } from '../fix-values';
import { MemoryWorkbook } from '../../workbook/memory';
import type { WorkbookSnapshot } from '../../workbook/snapshot';

const WHEN = new Date(Date.UTC(2026, 10, 1, 12, 0));
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function book(): WorkbookSnapshot {
  return {
    sheets: [
      { name: 'Услуги', header: ['Услуга', 'Цена'], rows: [['Уборка', '5\u00a0000 ₽'], ['Мойка', 2500]] },
      {
        name: 'Клиенты',
        header: ['Клиент', 'Дата первого обращения', 'Дата последнего заказа', 'Заказов', 'Выручка', 'День рождения'],
        rows: [
          ['ООО «Ромашка»', '12.03.2023', day('2025-10-01'), '3', '1 234,56 ₽', '31.12.1899'],
          ['Иванов', '2023-03-12', '45000', 2, 900, null],
          ['Петрова', '32.13.2023', 'вчера', 'много', 'дорого', '31.02.1990'],
          ['Сидоров', 45000, '', null, '', ''],
        ],
      },
      { name: 'Заказы', header: ['Дата', 'Клиент', 'Сумма'], rows: [['05.06.2025', 'Иванов', '1 500'], [day('2025-06-06'), 'Иванов', 700]] },
    ],
  };
}

describe('planFixValues', () => {
  it('makes text dates, serials and text amounts real, in every date and amount column', async () => {
    const workbook = new MemoryWorkbook(book());
    const plan = planFixValues(await workbook.read(), WHEN);
    await workbook.apply(plan.operations);
    const after = await workbook.read();
    const [services, clients, orders] = after.sheets;
    expect(services.rows).toEqual([['Уборка', 5000], ['Мойка', 2500]]);
    expect(clients.rows).toEqual([
      ['ООО «Ромашка»', day('2023-03-12'), day('2025-10-01'), 3, 1234.56, day('1899-12-31')],
      ['Иванов', day('2023-03-12'), day('2023-03-15'), 2, 900],
      // What cannot be read stays exactly as typed, and is listed.
      ['Петрова', '32.13.2023', 'вчера', 'много', 'дорого', '31.02.1990'],
      ['Сидоров', day('2023-03-15')],
    ]);
    expect(orders.rows).toEqual([[day('2025-06-05'), 'Иванов', 1500], [day('2025-06-06'), 'Иванов', 700]]);
    expect(plan.report.converted).toBe(10);
    expect(plan.report.problems.map((p) => [p.row, p.column])).toEqual(
      expect.arrayContaining([[4, 'Дата первого обращения'], [4, 'Дата последнего заказа'], [4, 'Заказов'], [4, 'Выручка'], [4, 'День рождения']]),
    );
    // The converted cells get formats that show them as dates and money.
    const state = workbook.state().sheets.find((s) => s.name === 'Клиенты')!;
    expect(state.numberFormats).toMatchObject({ B2: 'dd.mm.yyyy', E2: '#,##0.00' });
  });

  it('copies every original to the value archive first, and a second run changes nothing', async () => {
    const workbook = new MemoryWorkbook(book());
    const plan = planFixValues(await workbook.read(), WHEN);
    expect(plan.operations[0]).toMatchObject({ kind: 'ensureSheet', sheet: 'Архив значений' });
    await workbook.apply(plan.operations);
    const archive = (await workbook.read()).sheets.find((s) => s.name === 'Архив значений')!;
    expect(archive.rows).toHaveLength(10);
    expect(archive.rows[0]).toEqual([WHEN, 'Исправление форматов', 'Клиенты', 2, 'Дата первого обращения', null, 'ООО «Ромашка»', '12.03.2023', day('2023-03-12')]);
    expect(archive.rows).toContainEqual([WHEN, 'Исправление форматов', 'Услуги', 2, 'Цена', null, 'Уборка', '5\u00a0000 ₽', 5000]);
    expect(archive.rows.map((r) => r[7])).toContain('1 234,56 ₽');
    const again = planFixValues(await workbook.read(), WHEN);
    expect(again.report.converted).toBe(0);
    expect(again.operations).toEqual([]);
  });
});
