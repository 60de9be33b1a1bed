/** The «Сегодня» result sheet, through the real reading, planning and the in-memory workbook. */
import { planTodaySheet } from '../today-sheet';
import { isoToDay } from '../normalise/date';
import { MemoryWorkbook } from '../../workbook/memory';
import { book, date, sheet } from './snapshot-builder';

const HEADER = ['ID', 'Клиент', 'Менеджер', 'Статус', 'Дата первого контакта', 'День рождения', 'Следующий контакт'];
const AS_OF = isoToDay('2026-12-04')!;

const clients = sheet(
  'Клиенты',
  HEADER,
  ['К-1', 'ООО «Ромашка»', 'Борис', 'Серый', date(1, 10, 2026), null, date(28, 11, 2026)],
  ['К-2', '=Иванов', 'Анна', 'Зелёный', date(1, 10, 2026), null, date(4, 12, 2026)],
  ['К-3', 'Именинница', 'Анна', 'Серый', date(1, 1, 2026), date(6, 12, 1990), null],
  ['К-4', 'Без менеджера', '', 'Серый', date(1, 10, 2026), null, date(1, 12, 2026)],
  ['К-5', 'Потом', 'Борис', 'Зелёный', date(1, 10, 2026), null, date(9, 12, 2026)],
);

describe('the «Сегодня» sheet', () => {
  it('lists each manager’s items together, in the list’s order, with counts by kind beside them; client names stay text', async () => {
    const snapshot = book(clients);
    const plan = planTodaySheet(snapshot, AS_OF);
    expect(plan.report).toEqual({ sheet: 'Сегодня', items: 4, managers: 3, problems: [] });
    const workbook = new MemoryWorkbook(snapshot);
    await workbook.apply(plan.operations);
    const written = (await workbook.read()).sheets.find((s) => s.name === 'Сегодня')!;
    expect(written.header).toEqual(['Менеджер', 'Что сделать', 'Клиент', 'ID', 'Дата', 'Строка', null, 'На 04.12.2026', 'Просрочено', 'Сегодня', 'Пропускают', 'Остыли', 'Дни рождения', 'Новые', 'Всего']);
    expect(written.rows.map((row) => row.slice(0, 6))).toEqual([
      ['(менеджер не указан)', 'Просроченные контакты', 'Без менеджера', 'К-4', date(1, 12, 2026), 5],
      ['Анна', 'Контакты на сегодня', '=Иванов', 'К-2', date(4, 12, 2026), 3],
      ['Анна', 'Дни рождения', 'Именинница', 'К-3', date(6, 12, 2026), 4],
      ['Борис', 'Просроченные контакты', 'ООО «Ромашка»', 'К-1', date(28, 11, 2026), 2],
    ]);
    expect(written.rows.slice(0, 3).map((row) => row.slice(7))).toEqual([
      ['(менеджер не указан)', 1, 0, 0, 0, 0, 0, 1],
      ['Анна', 0, 1, 0, 0, 1, 0, 2],
      ['Борис', 1, 0, 0, 0, 0, 0, 1],
    ]);
    expect(plan.operations[0]).toMatchObject({ numberFormats: [null, null, '@', '@', 'dd.mm.yyyy', '0'] });
  });

  it('marks a birthday the client was congratulated on, and leaves it out of the counts', async () => {
    const greeted = sheet('История', ['Дата и время', 'ID клиента', 'Клиент', 'Менеджер', 'Вид'], [new Date(Date.UTC(2026, 11, 3, 15)), 'К-3', 'Именинница', 'Анна', 'поздравление']);
    const snapshot = book(clients, greeted);
    const workbook = new MemoryWorkbook(snapshot);
    await workbook.apply(planTodaySheet(snapshot, AS_OF).operations);
    const written = (await workbook.read()).sheets.find((s) => s.name === 'Сегодня')!;
    expect(written.rows[2].slice(0, 4)).toEqual(['Анна', 'Дни рождения: поздравлен', 'Именинница', 'К-3']);
    expect(written.rows[1].slice(7)).toEqual(['Анна', 0, 1, 0, 0, 0, 0, 1]);
  });

  it('goes beside a sheet of the user’s named «Сегодня», and refuses a workbook with no clients sheet', () => {
    const own = sheet('Сегодня', ['Дело', 'Срок'], ['Позвонить бухгалтеру', date(4, 12, 2026)]);
    expect(planTodaySheet(book(clients, own), AS_OF).report).toMatchObject({ sheet: 'Сегодня (2)', problems: [expect.objectContaining({ sheet: 'Сегодня' })] });
    expect(() => planTodaySheet(book(sheet('Прайс', ['Услуга'])), AS_OF)).toThrow();
  });
});
