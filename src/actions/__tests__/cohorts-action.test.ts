import { createActions } from '../local';
import { MemoryWorkbook } from '../../workbook/memory';
import { isoToDay } from '../../core/normalise/date';
import { rendered } from '../../core/messages/rendered';

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('the one-click «Когорты» action', () => {
  it('writes the Когорты sheet and says how many cohorts and clients it holds', async () => {
    const workbook = new MemoryWorkbook({
      sheets: [
        { name: 'Клиенты', header: ['Клиент'], rows: [['Анна'], ['Борис'], ['Вера']] },
        {
          name: 'Заказы',
          header: ['Дата', 'Клиент', 'Сумма'],
          rows: [[utc(2026, 8, 3), 'Анна', 100], [utc(2026, 9, 1), 'Анна', 50], [utc(2026, 8, 20), 'Борис', 70], [utc(2026, 10, 2), 'Вера', 30]],
        },
      ],
    });
    const actions = createActions(workbook, { today: () => isoToDay('2026-11-01')! });
    const result = await actions.run('cohorts');
    expect(rendered(result.message, 'ru')).toBe('Когорты готовы: 2 когорты, в них 3 клиента.');
    expect(result.sheets).toEqual(['Когорты']);
    const sheet = workbook.state().sheets.find((s) => s.name === 'Когорты')!;
    expect(sheet.values.slice(1, 3).map((row) => row.slice(0, 6))).toEqual([
      ['2026-08', 2, 220, 170, 0.5, 0],
      ['2026-10', 1, 30, 30, 0, null],
    ]);
  });
});
