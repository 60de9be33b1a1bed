/** A sheet of the user's that carries a result sheet's name survives every action that writes results. */
import { createActions } from '../local';
import { MemoryWorkbook } from '../../workbook/memory';
import { generateSampleWorkbook } from '../../sample';
import { isoToDay } from '../../core/normalise/date';
import { render } from '../../core/messages/message';
import type { WorkbookSnapshot } from '../../workbook/snapshot';

const TODAY = isoToDay('2026-11-01')!;

function bookWithOwnSheets(): WorkbookSnapshot {
  const book = generateSampleWorkbook({ clients: 60, orders: 240 });
  book.sheets.push(
    { name: 'Воронка', header: ['Этап', 'План', 'Заметки директора'], rows: [['Звонок', 40, 'не забыть про скидку'], ['Встреча', 12, 'перенести']] },
    { name: 'Проблемы', header: ['Что', 'Кто решает'], rows: [['Сломан принтер', 'Пётр']] },
  );
  return book;
}

describe('result sheets beside sheets of the user with the same name', () => {
  it('«Все анализы сразу» keeps the user’s «Воронка» and «Проблемы» whole and writes the results beside them, twice over without a third copy', async () => {
    const original = bookWithOwnSheets();
    const workbook = new MemoryWorkbook(original);
    const actions = createActions(workbook, { today: () => TODAY });
    const result = await actions.run('all');
    await actions.run('all');
    const after = await workbook.read();
    const sheet = (name: string) => after.sheets.find((s) => s.name === name);
    for (const own of ['Воронка', 'Проблемы']) expect(sheet(own)).toEqual(original.sheets.find((s) => s.name === own));
    expect(sheet('Воронка (2)')?.rows.length).toBeGreaterThan(0);
    expect(sheet('Проблемы (2)')?.header[0]).toBe('Лист');
    expect(after.sheets.map((s) => s.name).filter((name) => name.includes('(3)'))).toEqual([]);
    expect(result.sheets).toEqual(expect.arrayContaining(['Воронка (2)', 'Проблемы (2)']));
    const said = result.problems.map((p) => render(p.message, 'ru'));
    expect(said).toEqual(expect.arrayContaining([expect.stringContaining('Лист «Проблемы» — ваш'), expect.stringContaining('результат записан на лист «Проблемы (2)»')]));
  });
});
