/**
 * The panel's actions on a clients sheet whose header is below a title row and an empty row: every
 * cell they write lands on the client's own row, and the title stays as typed.
 */
import { createActions } from '../local';
import { MemoryWorkbook } from '../../workbook/memory';
import type { CellValue, WorkbookSnapshot } from '../../workbook/snapshot';
import { isoToDay } from '../../core/normalise/date';

const TODAY = isoToDay('2026-11-01')!;
const TITLE = 'Клиентская база ООО «Ромашка»';
const HEADER = ['Клиент', 'Телефон', 'Город', 'Статус', 'Комментарий'];

function utc(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m - 1, d));
}

/** Rows 1–3: the title, an empty row, the header; clients in rows 4–6. */
function titledBase(...more: CellValue[][]): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: 'Клиенты',
        header: [TITLE],
        rows: [
          [],
          HEADER,
          ['ООО «Ромашка»', '8 (912) 345-67-89', 'МСК', 'Золотой', ''],
          ['Иванов Иван', '+7 903 111-22-33', 'Казань', 'Белый', 'звонить утром'],
          ['Петров Пётр', '', 'москва', 'Серый', ''],
          ...more,
        ],
      },
      { name: 'Заказы', header: ['Дата', 'Клиент', 'Сумма'], rows: [[utc(2026, 10, 20), 'ООО «Ромашка»', 5000]] },
    ],
  };
}

function setup(...more: CellValue[][]) {
  const workbook = new MemoryWorkbook(titledBase(...more));
  const actions = createActions(workbook, { today: () => TODAY });
  const values = () => workbook.state().sheets.find((s) => s.name === 'Клиенты')!.values;
  const column = (name: string) => values()[2].map(String).indexOf(name);
  return { workbook, actions, values, column };
}

describe('actions on a clients sheet with a title above the header', () => {
  it('adds a client below the last one, with the next ID in its own row, the title untouched', async () => {
    const { actions, values, column } = setup();
    const card = await actions.addClient({ name: 'ИП Сидоров', phone: '+7 999 000-00-01' });
    expect(card.id).toBe('К-00004');
    expect(values()[0].filter((v) => v !== null && v !== '')).toEqual([TITLE]);
    expect(values()[2].slice(0, 5)).toEqual(HEADER);
    expect(values().slice(3).map((r) => [r[0], r[column('ID')]])).toEqual([
      ['ООО «Ромашка»', 'К-00001'],
      ['Иванов Иван', 'К-00002'],
      ['Петров Пётр', 'К-00003'],
      ['ИП Сидоров', 'К-00004'],
    ]);
  });

  it('changes a status and records an order on the client’s own row', async () => {
    const { actions, values, column } = setup();
    const petrov = (await actions.listClients({ search: 'Петров' })).clients[0];
    await actions.setStatus(petrov.id, 'зелёный');
    await actions.recordOrder({ clientId: petrov.id, service: '', amount: 700, date: '2026-10-30' });
    const rows = values();
    expect(rows[5][0]).toBe('Петров Пётр');
    expect(rows[5][3]).toBe('Зелёный');
    expect(rows[5][column('Заказов')]).toBe(1);
    expect(rows[3][3]).toBe('Золотой');
  });

  it('shows only the matching clients and never hides the title or the header', async () => {
    const { actions, workbook } = setup();
    await actions.showInSheet({ cities: ['Москва'] });
    expect(workbook.state().sheets.find((s) => s.name === 'Клиенты')!.hiddenRows).toEqual([5]);
  });

  it('merges a duplicate keeping the right row, and undo restores it', async () => {
    const { actions, values } = setup(['Ромашка ООО', '+7 912 3456789', 'Москва', '', 'второй раз']);
    const { groups: [group] } = await actions.duplicateGroups();
    const merged = await actions.merge(group.id, group.suggestedKeep);
    expect(values().slice(3).map((r) => r[0])).toEqual(['ООО «Ромашка»', 'Иванов Иван', 'Петров Пётр']);
    expect(values()[3][4]).toMatch(/второй раз/);
    expect(values()[0].filter((v) => v !== null && v !== '')).toEqual([TITLE]);
    await actions.undoMerge(merged.undoToken);
    expect(values().slice(3).map((r) => r[0])).toEqual(['ООО «Ромашка»', 'Иванов Иван', 'Петров Пётр', 'Ромашка ООО']);
    expect(values()[3][4]).toBe('');
  });

  it('a clients sheet without any header row: the panel names it, and nothing is written', async () => {
    const book = titledBase();
    book.sheets[0].rows.splice(0, 2);
    const workbook = new MemoryWorkbook(book);
    const before = workbook.state();
    const actions = createActions(workbook, { today: () => TODAY });
    await expect(actions.listClients({})).rejects.toThrow(/^На листе «Клиенты» не найдена строка заголовков/);
    expect(workbook.state()).toEqual(before);
  });

  it('an orders sheet without any header row: the order is refused with the reason, the sheet untouched', async () => {
    const book = titledBase();
    book.sheets[1] = { name: 'Заказы', header: [utc(2026, 10, 20), 'ООО «Ромашка»', 5000], rows: [] };
    const workbook = new MemoryWorkbook(book);
    const actions = createActions(workbook, { today: () => TODAY });
    const [client] = (await actions.listClients({})).clients;
    await expect(actions.recordOrder({ clientId: client.id, service: '', amount: 10, date: '2026-10-30' })).rejects.toThrow(/^Заказ не записан\. На листе «Заказы» не найдена строка заголовков/);
    expect(workbook.state().sheets.find((s) => s.name === 'Заказы')!.values).toEqual([[utc(2026, 10, 20), 'ООО «Ромашка»', 5000]]);
  });
});
