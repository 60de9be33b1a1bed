import { MemoryWorkbook } from '../../../workbook/memory';
import type { SheetOperation } from '../../../workbook/operations';
import type { CellValue, WorkbookSnapshot } from '../../../workbook/snapshot';
import { createActions } from '../../../actions/local';
import { isoToDay } from '../../normalise/date';
import { planMerge, planUndoMerge } from '../merge';
import { rendered } from '../../messages/rendered';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const MERGED_AT = day('2024-03-01');
const UNDONE_AT = day('2024-03-05');

const CLIENT_HEADER = ['ID', 'Клиент', 'Телефон', 'E-mail', 'Город', 'Комментарий', 'Моя заметка'];
const ORDER_HEADER = ['Дата', 'ID клиента', 'Услуга', 'Сумма', 'Номер заказа'];

/** Two records of one client (К-00001 kept, К-00002 merged into it) and a third client. */
function book(orders: CellValue[][] = ORDERS): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: 'Клиенты',
        header: CLIENT_HEADER,
        rows: [
          ['К-00001', 'Иванов Иван', '+7 912 345-67-89', '', 'Москва', 'постоянный', ''],
          ['К-00002', 'Иванов Иван', '8 912 345 67 89', 'ivanov@mail.ru', '', 'второй номер', 'VIP'],
          ['К-00003', 'Петров Пётр', '+7 913 000 00 00', '', 'Казань', '', ''],
        ],
      },
      { name: 'Заказы', header: ORDER_HEADER, rows: orders.map((row) => [...row]) },
    ],
  };
}

const ORDERS: CellValue[][] = [
  [day('2024-01-10'), 'К-00002', 'Стрижка', 500, ''],
  [day('2024-02-10'), 'К-00001', 'Окрашивание', 3000, ''],
  [day('2024-02-20'), 'К-00003', 'Стрижка', 700, ''],
];

async function applied(snapshot: WorkbookSnapshot, operations: SheetOperation[]): Promise<WorkbookSnapshot> {
  const workbook = new MemoryWorkbook(snapshot);
  await workbook.apply(operations);
  return workbook.read();
}

const sheet = (snapshot: WorkbookSnapshot, name: string) => snapshot.sheets.find((s) => s.name === name)!;
const text = (value: CellValue | undefined) => (value === null || value === undefined ? '' : value instanceof Date ? value.toISOString().slice(0, 10) : String(value));
/** The clients as [ID, …cells] text rows, in sheet order. */
const clientRows = (snapshot: WorkbookSnapshot) => sheet(snapshot, 'Клиенты').rows.map((row) => CLIENT_HEADER.map((_, c) => text(row[c])));
/** Each order as `service amount → client ID`, in sheet order. */
const orderLinks = (snapshot: WorkbookSnapshot) => sheet(snapshot, 'Заказы').rows.map((row) => `${text(row[2])} ${text(row[3])} → ${text(row[1])}`);

function setCell(snapshot: WorkbookSnapshot, sheetName: string, id: string, header: string, value: CellValue): void {
  const target = sheet(snapshot, sheetName);
  const row = target.rows.find((r) => r[0] === id)!;
  row[target.header.indexOf(header)] = value;
}

async function merged(snapshot = book()): Promise<{ after: WorkbookSnapshot; token: string }> {
  const plan = planMerge(snapshot, { members: ['К-00001', 'К-00002'], keep: 'К-00001', date: MERGED_AT });
  return { after: await applied(snapshot, plan.operations), token: plan.report.token };
}

async function undone(snapshot: WorkbookSnapshot, token: string) {
  const plan = planUndoMerge(snapshot, token, UNDONE_AT);
  return { restored: await applied(snapshot, plan.operations), report: plan.report };
}

describe('undo after the user edited the kept row', () => {
  it('keeps what the user changed since the merge, undoes what only the merge changed, and lists the cells both changed', async () => {
    const { after, token } = await merged();
    expect(clientRows(after)[0]).toEqual(['К-00001', 'Иванов Иван', '+7 912 345-67-89', 'ivanov@mail.ru', 'Москва', 'постоянный | второй номер', 'VIP']);
    // The user: a new phone (the merge had kept the old one), a note added to the joined comment, the
    // e-mail the merge brought in cleared again; «Моя заметка» (filled by the merge) is left alone.
    setCell(after, 'Клиенты', 'К-00001', 'Телефон', '+7 999 000 11 22');
    setCell(after, 'Клиенты', 'К-00001', 'Комментарий', 'постоянный | второй номер | звонил 05.03');
    setCell(after, 'Клиенты', 'К-00001', 'E-mail', '');

    const { restored, report } = await undone(after, token);
    expect(clientRows(restored)).toEqual([
      ['К-00001', 'Иванов Иван', '+7 999 000 11 22', '', 'Москва', 'постоянный | второй номер | звонил 05.03', ''],
      ['К-00002', 'Иванов Иван', '8 912 345 67 89', 'ivanov@mail.ru', '', 'второй номер', 'VIP'],
      ['К-00003', 'Петров Пётр', '+7 913 000 00 00', '', 'Казань', '', ''],
    ]);
    // Only the comment could not be settled: it is listed with the three values, and kept as the user has it.
    expect(rendered(report.problems, 'ru')).toEqual([expect.objectContaining({ sheet: 'Клиенты', row: 2, column: 'Комментарий', value: 'постоянный | второй номер | звонил 05.03' })]);
    expect(rendered(report.problems[0].message, 'ru')).toContain('до слияния «постоянный», после слияния «постоянный | второй номер», сейчас «постоянный | второй номер | звонил 05.03»');
    expect(rendered(report.message, 'ru')).toBe('Слияние отменено: возвращено строк — 1 (строка 3). Оставлено как есть — это изменили после слияния, решите сами (1): «Клиенты», строка 2, «Комментарий». Значения до слияния — на листе «Архив».');
  });

  it('finds the kept row by its ID after the clients sheet is re-sorted', async () => {
    const { after, token } = await merged();
    sheet(after, 'Клиенты').rows.reverse();
    setCell(after, 'Клиенты', 'К-00001', 'Город', 'Химки');
    const { restored, report } = await undone(after, token);
    expect(clientRows(restored).find((r) => r[0] === 'К-00001')).toEqual(['К-00001', 'Иванов Иван', '+7 912 345-67-89', '', 'Химки', 'постоянный', '']);
    expect(clientRows(restored).find((r) => r[0] === 'К-00003')).toEqual(['К-00003', 'Петров Пётр', '+7 913 000 00 00', '', 'Казань', '', '']);
    expect(rendered(report.problems, 'ru')).toEqual([]);
  });

  it('reports a kept row deleted since the merge instead of writing into another row', async () => {
    const { after, token } = await merged();
    const clients = sheet(after, 'Клиенты');
    clients.rows = clients.rows.filter((r) => r[0] !== 'К-00001');
    const { restored, report } = await undone(after, token);
    expect(clientRows(restored).map((r) => r[0])).toEqual(['К-00003', 'К-00002']);
    expect(clientRows(restored)[0]).toEqual(['К-00003', 'Петров Пётр', '+7 913 000 00 00', '', 'Казань', '', '']);
    expect(rendered(report.problems, 'ru')).toEqual([expect.objectContaining({ sheet: 'Клиенты', value: 'К-00001', message: expect.stringMatching(/не найдена/) })]);
  });
});

describe('undo puts the removed rows back where they stood', () => {
  /** Five clients; К-00002 and К-00004 are merged into К-00001. */
  function fiveClients(): WorkbookSnapshot {
    const snapshot = book();
    const clients = sheet(snapshot, 'Клиенты');
    clients.rows = ['К-00001', 'К-00002', 'К-00003', 'К-00004', 'К-00005'].map((id, k) => [id, k === 0 || k === 1 || k === 3 ? 'Иванов Иван' : `Клиент ${k + 1}`, '', '', '', '', '']);
    return snapshot;
  }
  const ids = (snapshot: WorkbookSnapshot) => clientRows(snapshot).map((row) => row[0]);
  const mergeOf = async (snapshot: WorkbookSnapshot) => {
    const plan = planMerge(snapshot, { members: ['К-00001', 'К-00002', 'К-00004'], keep: 'К-00001', date: MERGED_AT });
    return { after: await applied(snapshot, plan.operations), token: plan.report.token };
  };

  it('each in its own row, and says which rows they are', async () => {
    const { after, token } = await mergeOf(fiveClients());
    expect(ids(after)).toEqual(['К-00001', 'К-00003', 'К-00005']);
    const { restored, report } = await undone(after, token);
    expect(ids(restored)).toEqual(['К-00001', 'К-00002', 'К-00003', 'К-00004', 'К-00005']);
    expect(rendered(report.message, 'ru')).toBe('Слияние отменено: возвращено строк — 2 (строки 3, 5).');
  });

  it('with clients added at the end since the merge: those stay at the end', async () => {
    const { after, token } = await mergeOf(fiveClients());
    sheet(after, 'Клиенты').rows.push(['К-00006', 'Новый клиент', '', '', '', '', '']);
    const { restored } = await undone(after, token);
    expect(ids(restored)).toEqual(['К-00001', 'К-00002', 'К-00003', 'К-00004', 'К-00005', 'К-00006']);
  });

  it('at the end when the sheet has become shorter than the place a row had', async () => {
    const { after, token } = await mergeOf(fiveClients());
    sheet(after, 'Клиенты').rows.splice(1); // the user deleted К-00003 and К-00005
    const { restored, report } = await undone(after, token);
    expect(ids(restored)).toEqual(['К-00001', 'К-00002', 'К-00004']);
    expect(rendered(report.message, 'ru')).toBe('Слияние отменено: возвращено строк — 2 (строки 3, 4).');
  });

  it('as one insert for neighbouring rows, the kept row written where it stands before they move it', async () => {
    const snapshot = fiveClients();
    const plan = planMerge(snapshot, { members: ['К-00003', 'К-00001', 'К-00002'], keep: 'К-00003', date: MERGED_AT });
    const after = await applied(snapshot, plan.operations);
    expect(ids(after)).toEqual(['К-00003', 'К-00004', 'К-00005']);
    const undo = planUndoMerge(after, plan.report.token, UNDONE_AT);
    expect(undo.operations.filter((op) => op.kind === 'insertRows')).toEqual([expect.objectContaining({ at: 2, rows: [expect.arrayContaining(['К-00001']), expect.arrayContaining(['К-00002'])] })]);
    const restored = await applied(after, undo.operations);
    expect(ids(restored)).toEqual(['К-00001', 'К-00002', 'К-00003', 'К-00004', 'К-00005']);
    expect(clientRows(restored)[2][1]).toBe('Клиент 3');
  });
});

describe('undo finds the re-pointed orders by identity', () => {
  it('gives each order back to its own client after the orders sheet is sorted', async () => {
    const { after, token } = await merged();
    expect(orderLinks(after)).toEqual(['Стрижка 500 → К-00001', 'Окрашивание 3000 → К-00001', 'Стрижка 700 → К-00003']);
    sheet(after, 'Заказы').rows.sort((a, b) => Number(b[3]) - Number(a[3]));
    const { restored, report } = await undone(after, token);
    expect(orderLinks(restored)).toEqual(['Окрашивание 3000 → К-00001', 'Стрижка 700 → К-00003', 'Стрижка 500 → К-00002']);
    expect(rendered(report.problems, 'ru')).toEqual([]);
  });

  it('tells orders apart by their number, and identical lines by how many there are', async () => {
    const orders: CellValue[][] = [
      [day('2024-01-10'), 'К-00002', 'Стрижка', 500, 'З-7'],
      [day('2024-01-10'), 'К-00002', 'Укладка', 300, 'З-7'],
      [day('2024-02-10'), 'К-00001', 'Стрижка', 500, 'З-8'],
      // The same visit typed for both records, without a number: after the merge the two lines are identical.
      [day('2024-02-15'), 'К-00001', 'Маникюр', 900, ''],
      [day('2024-02-15'), 'К-00002', 'Маникюр', 900, ''],
    ];
    const { after, token } = await merged(book(orders));
    const rows = sheet(after, 'Заказы').rows;
    expect(rows.every((r) => r[1] === 'К-00001')).toBe(true);
    rows.reverse();
    const { restored, report } = await undone(after, token);
    expect(rendered(report.problems, 'ru')).toEqual([]);
    const links = sheet(restored, 'Заказы').rows.map((r) => `${text(r[4]) || '—'} ${text(r[2])} → ${text(r[1])}`);
    expect(links.filter((l) => l.startsWith('З-'))).toEqual(['З-8 Стрижка → К-00001', 'З-7 Укладка → К-00002', 'З-7 Стрижка → К-00002']);
    expect(links.filter((l) => l.startsWith('—')).sort()).toEqual(['— Маникюр → К-00001', '— Маникюр → К-00002']);
  });

  it('reports an order deleted after the merge, and guesses no other', async () => {
    const { after, token } = await merged();
    const orders = sheet(after, 'Заказы');
    orders.rows = orders.rows.filter((r) => r[3] !== 500);
    orders.rows.reverse();
    const { restored, report } = await undone(after, token);
    expect(orderLinks(restored)).toEqual(['Стрижка 700 → К-00003', 'Окрашивание 3000 → К-00001']);
    expect(rendered(report.problems, 'ru')).toEqual([
      expect.objectContaining({ sheet: 'Заказы', row: 2, column: 'ID клиента', value: '10.01.2024 · К-00001 · 500 · Стрижка [1/1]', message: expect.stringMatching(/не найден: его удалили или изменили/) }),
    ]);
  });

  it('leaves identical lines alone when one of them was deleted: which one was whose cannot be told', async () => {
    const orders: CellValue[][] = [
      [day('2024-02-15'), 'К-00001', 'Маникюр', 900, ''],
      [day('2024-02-15'), 'К-00002', 'Маникюр', 900, ''],
    ];
    const { after, token } = await merged(book(orders));
    sheet(after, 'Заказы').rows.pop();
    const { restored, report } = await undone(after, token);
    expect(orderLinks(restored)).toEqual(['Маникюр 900 → К-00001']);
    expect(rendered(report.problems, 'ru')).toEqual([expect.objectContaining({ sheet: 'Заказы', row: 2, message: expect.stringMatching(/было 2, сейчас 1/) })]);
  });

  it('leaves an order the user gave to another client since, and says so', async () => {
    const { after, token } = await merged(book([[day('2024-01-10'), 'К-00002', 'Стрижка', 500, 'З-7']]));
    sheet(after, 'Заказы').rows[0][1] = 'К-00003';
    const { restored, report } = await undone(after, token);
    expect(orderLinks(restored)).toEqual(['Стрижка 500 → К-00003']);
    expect(rendered(report.problems, 'ru')).toEqual([expect.objectContaining({ sheet: 'Заказы', row: 2, value: '№ З-7 [1/1]', message: expect.stringMatching(/отнесён к «К-00003»/) })]);
  });
});

describe('archives written before the three-way undo', () => {
  /** The workbook right after a merge made by the earlier version: no «Какой заказ», no kept row after, orders by row. */
  function oldMerge(): WorkbookSnapshot {
    const snapshot = book();
    const meta = (role: string, row: number, previous: string) => ['M-old', MERGED_AT, role, 'К-00001', row, previous, null];
    sheet(snapshot, 'Клиенты').rows.splice(0, 2, ['К-00001', 'Иванов Иван', '+7 912 345-67-89', 'ivanov@mail.ru', 'Москва', 'постоянный | второй номер', 'VIP']);
    sheet(snapshot, 'Заказы').rows[0][1] = 'К-00001';
    snapshot.sheets.push({
      name: 'Архив',
      header: ['Слияние', 'Дата слияния', 'Что это', 'Оставлен ID', 'Строка', 'Прежний ID', 'Восстановлено', ...CLIENT_HEADER],
      rows: [
        [...meta('оставленная строка до слияния', 2, 'К-00001'), ...book().sheets[0].rows[0]],
        [...meta('удалённая строка', 3, 'К-00002'), ...book().sheets[0].rows[1]],
        meta('заказ перенесён', 2, 'К-00002'),
      ],
    });
    return snapshot;
  }

  it('still undoes: the removed row back, the kept row as it was, the order by its row', async () => {
    const { restored, report } = await undone(oldMerge(), 'M-old');
    expect(clientRows(restored)).toEqual([
      ['К-00001', 'Иванов Иван', '+7 912 345-67-89', '', 'Москва', 'постоянный', ''],
      ['К-00002', 'Иванов Иван', '8 912 345 67 89', 'ivanov@mail.ru', '', 'второй номер', 'VIP'],
      ['К-00003', 'Петров Пётр', '+7 913 000 00 00', '', 'Казань', '', ''],
    ]);
    expect(orderLinks(restored)).toEqual(['Стрижка 500 → К-00002', 'Окрашивание 3000 → К-00001', 'Стрижка 700 → К-00003']);
    expect(rendered(report.problems, 'ru')).toEqual([]);
    expect(sheet(restored, 'Архив').rows.every((r) => r[6] instanceof Date)).toBe(true);
  });

  it('keeps the user’s later edits there too: the merged row is made again from the archive', async () => {
    const snapshot = oldMerge();
    setCell(snapshot, 'Клиенты', 'К-00001', 'Телефон', '+7 999 000 11 22');
    const { restored, report } = await undone(snapshot, 'M-old');
    expect(clientRows(restored)[0]).toEqual(['К-00001', 'Иванов Иван', '+7 999 000 11 22', '', 'Москва', 'постоянный', '']);
    expect(rendered(report.problems, 'ru')).toEqual([]);
  });

  it('a new merge adds «Какой заказ» at the right of an old archive, and undoes by identity', async () => {
    const snapshot = oldMerge();
    const plan = planMerge(snapshot, { members: ['К-00001', 'К-00003'], keep: 'К-00001', date: MERGED_AT });
    const after = await applied(snapshot, plan.operations);
    const archive = sheet(after, 'Архив');
    expect(archive.header.slice(7)).toEqual([...CLIENT_HEADER, 'Какой заказ']);
    expect(archive.rows.find((r) => r[0] === plan.report.token && r[2] === 'заказ перенесён')![14]).toBe('20.02.2024 · К-00001 · 700 · Стрижка [1/1]');
    sheet(after, 'Заказы').rows.reverse();
    const { restored } = await undone(after, plan.report.token);
    expect(orderLinks(restored)).toEqual(['Стрижка 700 → К-00003', 'Окрашивание 3000 → К-00001', 'Стрижка 500 → К-00001']);
  });
});

describe('the panel’s undo', () => {
  it('lists the cells it left as the user has them', async () => {
    const workbook = new MemoryWorkbook(book());
    const actions = createActions(workbook, { today: () => isoToDay('2024-03-10')! });
    const { groups: [group] } = await actions.duplicateGroups();
    const { undoToken } = await actions.merge(group.id, 'К-00001');
    const snapshot = await workbook.read();
    const clients = sheet(snapshot, 'Клиенты');
    const row = clients.rows.findIndex((r) => r[0] === 'К-00001');
    const values: CellValue[] = [];
    values[row] = 'постоянный | второй номер | перезвонить';
    await workbook.apply([{ kind: 'writeColumns', sheet: 'Клиенты', columns: [{ column: clients.header.indexOf('Комментарий') + 1, values }] }]);

    const result = await actions.undoMerge(undoToken);
    expect(rendered(result.message, 'ru')).toMatch(/решите сами \(1\)/);
    expect(rendered(result.problems, 'ru')).toEqual([expect.objectContaining({ sheet: 'Клиенты', row: row + 2, column: 'Комментарий', value: 'постоянный | второй номер | перезвонить' })]);
    expect((await actions.getClient('К-00001')).comment).toBe('постоянный | второй номер | перезвонить');
  });
});
