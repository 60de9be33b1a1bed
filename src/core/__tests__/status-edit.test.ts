/** A status cell edited by hand is logged at once, with the real moment and the old value the edit event gives. */
import { readBase } from '../base';
import { readHistory } from '../contact-history';
import { planStatusEdit } from '../status-edit';
import { seenStatusRows } from '../status-diff';
import { MemoryWorkbook } from '../../workbook/memory';
import type { CellValue } from '../../workbook/snapshot';
import { book, sheet } from './snapshot-builder';

const NOW = new Date('2026-11-30T09:41:00Z');

function edited(status: CellValue) {
  return new MemoryWorkbook(
    book(
      sheet('Клиенты', ['ID', 'Клиент', 'Менеджер', 'Статус'], ['К-00001', 'Ромашка', 'Анна', status], ['К-00002', 'Петров', 'Борис', 'Серый']),
      sheet('Заказы', ['Дата', 'ID клиента', 'Клиент', 'Сумма']),
    ),
  );
}

describe('a status cell edited by hand', () => {
  it('logs one «from → to» row with the moment of the edit and the client\'s manager, and leaves the cell as typed', async () => {
    const workbook = edited('зелёный');
    const plan = planStatusEdit(await workbook.read(), { sheet: 'Клиенты', row: 2, column: 4, oldValue: 'Серый' }, NOW);
    expect(plan.report).toEqual({ logged: true });
    await workbook.apply(plan.operations);
    const after = await workbook.read();
    expect(readHistory(after).map(({ when, clientId, client, manager, kind, result }) => ({ when, clientId, client, manager, kind, result }))).toEqual([
      { when: NOW, clientId: 'К-00001', client: 'Ромашка', manager: 'Анна', kind: 'status', result: 'Серый → Зелёный' },
    ]);
    expect(after.sheets.find((s) => s.name === 'Клиенты')!.rows[0][3]).toBe('зелёный');
    // The next read finds nothing more to log: the history's last status is the cell's.
    expect(seenStatusRows(readBase(after).clients, readHistory(after), NOW, 'ru')).toEqual([]);
  });

  it('names an empty cell «—», before and after', async () => {
    const filled = edited('Белый');
    const plan = planStatusEdit(await filled.read(), { sheet: 'Клиенты', row: 2, column: 4, oldValue: '' }, NOW);
    await filled.apply(plan.operations);
    const cleared = edited(null);
    const planCleared = planStatusEdit(await cleared.read(), { sheet: 'Клиенты', row: 2, column: 4, oldValue: 'Белый' }, NOW);
    await cleared.apply(planCleared.operations);
    expect(readHistory(await filled.read()).map((entry) => entry.result)).toEqual(['— → Белый']);
    expect(readHistory(await cleared.read()).map((entry) => entry.result)).toEqual(['Белый → —']);
  });

  it.each([
    ['the same status in other words', { sheet: 'Клиенты', row: 2, column: 4, oldValue: ' ЗЕЛЁНЫЙ ' }],
    ['another column', { sheet: 'Клиенты', row: 2, column: 3, oldValue: 'Борис' }],
    ['the header', { sheet: 'Клиенты', row: 1, column: 4, oldValue: 'Этап' }],
    ['a row below the clients', { sheet: 'Клиенты', row: 9, column: 4, oldValue: 'Белый' }],
    ['another sheet', { sheet: 'Заказы', row: 2, column: 4, oldValue: 'Белый' }],
  ])('logs nothing for %s', async (_, edit) => {
    const workbook = edited('Зелёный');
    const plan = planStatusEdit(await workbook.read(), edit, NOW);
    expect(plan).toEqual({ operations: [], report: { logged: false } });
  });
});
