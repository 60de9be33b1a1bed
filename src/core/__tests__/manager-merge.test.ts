/**
 * Splitting the base per manager and merging the files back, three ways by client ID and cell: what the
 * manager changed comes in (the old value archived), what both changed differently is a listed conflict
 * with the main book's value kept, new clients, orders and history rows are appended once, a client
 * deleted in a file stays, and a file not made by the split is refused on its own.
 */
import { MemoryWorkbook } from '../../workbook/memory';
import type { CellValue, WorkbookSnapshot } from '../../workbook/snapshot';
import { readBase } from '../base';
import { planPartMerge, mergeCounts, mergeResultOperations, type MergeEntry } from '../manager-merge';
import { partFileName, planSplit, splitSummary } from '../manager-split';
import { MessageError, render } from '../messages/message';
import { SPLIT_RECORD_SHEET } from '../split-record';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const SPLIT_AT = new Date('2026-12-01T09:00:00Z');
const MERGE_AT = new Date('2026-12-04T18:00:00Z');

const CLIENTS_HEADER = ['Клиент', 'ID', 'Менеджер', 'Телефон', 'Статус', 'Комментарий'];
const ORDERS_HEADER = ['Дата', 'ID клиента', 'Клиент', 'Услуга', 'Сумма'];
const HISTORY_HEADER = ['Дата и время', 'ID клиента', 'Клиент', 'Менеджер', 'Вид', 'Результат'];

function mainBook(): WorkbookSnapshot {
  return {
    sheets: [
      { name: 'Услуги', header: ['Услуга', 'Цена'], rows: [['Уборка', 3000]] },
      {
        name: 'Клиенты',
        header: CLIENTS_HEADER,
        rows: [
          ['ООО «Ромашка»', 'К-00001', 'Анна Крылова', '+7 912 000-00-01', 'Серый', '=СУММ(1;2)'],
          ['ИП Белова', 'К-00002', 'Анна Крылова', '+7 912 000-00-02', 'Зелёный', ''],
          ['Иванов Пётр', 'К-00003', 'Олег Титов', '+7 912 000-00-03', 'Серый', 'звонить после 18'],
          ['Новая Вера', 'К-00004', '', '', 'Белый', ''],
          ['Петров', 'К-00005', 'анна крылова', '', 'Серый', ''],
        ],
      },
      {
        name: 'Заказы',
        header: ORDERS_HEADER,
        rows: [
          [day('2026-10-01'), 'К-00001', 'ООО «Ромашка»', 'Уборка', 3000],
          [day('2026-10-02'), 'К-00003', 'Иванов Пётр', 'Уборка', 3500],
          [day('2026-10-03'), 'К-99999', 'Никто', 'Уборка', 100],
        ],
      },
      {
        name: 'История',
        header: HISTORY_HEADER,
        rows: [
          [new Date('2026-11-02T10:30:00Z'), 'К-00002', 'ИП Белова', 'Анна Крылова', 'звонок', 'перезвонить'],
          [new Date('2026-11-03T11:00:00Z'), 'К-00003', 'Иванов Пётр', 'Олег Титов', 'встреча', 'договорились'],
        ],
      },
    ],
  };
}

/** Each part as the manager opens it: the split's operations applied to an empty workbook. */
async function split(snapshot: WorkbookSnapshot) {
  const plan = planSplit(snapshot, readBase(snapshot), SPLIT_AT);
  const parts = await Promise.all(
    plan.parts.map(async (part) => {
      const book = new MemoryWorkbook();
      await book.apply(part.operations);
      return { ...part, book };
    }),
  );
  return { plan, parts };
}

function sheetOf(snapshot: WorkbookSnapshot, name: string) {
  const sheet = snapshot.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** Sets the cell of the client `id` under `header` in a snapshot's clients sheet. */
function setClientCell(snapshot: WorkbookSnapshot, id: string, header: string, value: CellValue): void {
  const sheet = sheetOf(snapshot, 'Клиенты');
  const row = sheet.rows.find((cells) => cells[1] === id);
  if (!row) throw new Error(`no client ${id}`);
  row[sheet.header.indexOf(header)] = value;
}

async function merged(main: WorkbookSnapshot, part: WorkbookSnapshot) {
  const book = new MemoryWorkbook(main);
  const plan = planPartMerge(await book.read(), part, 'База — Анна Крылова.xlsx', MERGE_AT);
  await book.apply(plan.operations);
  return { plan, result: await book.read(), entries: plan.report.entries };
}

const only = (entries: MergeEntry[], kind: MergeEntry['kind']) => entries.filter((entry) => entry.kind === kind);

describe('planSplit', () => {
  it('gives each manager (case and spacing aside) their clients, orders and history, and the unmanaged clients a file of their own', async () => {
    const { plan, parts } = await split(mainBook());
    expect(plan.parts.map((p) => [p.file, p.clients, p.orders, p.history])).toEqual([
      ['База — Анна Крылова.xlsx', 3, 1, 1],
      ['База — Олег Титов.xlsx', 1, 1, 1],
      ['База — без менеджера.xlsx', 1, 0, 0],
    ]);
    expect(plan.unlinkedOrders).toBe(1);
    expect(splitSummary(plan).map((line) => render(line, 'ru'))).toEqual([
      'База — Анна Крылова.xlsx: 3 клиента, 1 заказ, 1 запись истории',
      'База — Олег Титов.xlsx: 1 клиент, 1 заказ, 1 запись истории',
      'База — без менеджера.xlsx: 1 клиент, 0 заказов, 0 записей истории',
      'Заказы без клиента из базы (1) ни в один файл не вошли: они остаются только в основной книге.',
    ]);
    expect(render(splitSummary(plan)[0], 'en')).toBe('База — Анна Крылова.xlsx: 3 clients, 1 order, 1 history row');
    const anna = await parts[0].book.read();
    expect(anna.sheets.map((s) => s.name)).toEqual(['Услуги', 'Клиенты', 'Заказы', 'История', SPLIT_RECORD_SHEET]);
    expect(sheetOf(anna, 'Клиенты').header).toEqual(CLIENTS_HEADER);
    expect(sheetOf(anna, 'Клиенты').rows.map((row) => row[1])).toEqual(['К-00001', 'К-00002', 'К-00005']);
    // Text that looks like a formula is copied as the text it is.
    expect(sheetOf(anna, 'Клиенты').rows[0][5]).toBe('=СУММ(1;2)');
    expect(parts[0].book.state().sheets.find((s) => s.name === 'Клиенты')!.formulaCells).toEqual([]);
    expect(sheetOf(anna, 'Заказы').rows).toEqual([[day('2026-10-01'), 'К-00001', 'ООО «Ромашка»', 'Уборка', 3000]]);
  });

  it('stops, pointing to crm-base structure, when a client has no ID, and names file-unsafe managers safely', () => {
    const book = mainBook();
    setClientCell(book, 'К-00004', 'ID', null);
    expect(() => planSplit(book, readBase(book), SPLIT_AT)).toThrow(MessageError);
    expect(() => planSplit(book, readBase(book), SPLIT_AT)).toThrow(/crm-base structure/);
    expect(partFileName('Отдел продаж: Москва/СПб?', 'ru')).toBe('База — Отдел продаж_ Москва_СПб_.xlsx');
    expect(partFileName('  ', 'en')).toBe('Base — no manager.xlsx');
  });
});

describe('planPartMerge', () => {
  it('changes nothing when neither side changed anything', async () => {
    const main = mainBook();
    const { parts } = await split(main);
    const { plan, result } = await merged(main, await parts[0].book.read());
    expect(plan.operations).toEqual([]);
    expect(plan.report.entries).toEqual([]);
    expect(result).toEqual(await new MemoryWorkbook(mainBook()).read());
  });

  it('takes a cell changed in the file only, archiving the typed value it replaces', async () => {
    const main = mainBook();
    const { parts } = await split(main);
    const part = await parts[0].book.read();
    setClientCell(part, 'К-00002', 'Статус', 'Золотой');
    setClientCell(part, 'К-00002', 'Комментарий', 'ключи у охраны');
    const untouched = await new MemoryWorkbook(main).read();
    const { result, entries } = await merged(main, part);
    expect(entries.map((e) => [e.kind, e.clientId, e.column, e.main, e.part])).toEqual([
      ['changed', 'К-00002', 'Статус', 'Зелёный', 'Золотой'],
      ['changed', 'К-00002', 'Комментарий', null, 'ключи у охраны'],
    ]);
    const clients = sheetOf(result, 'Клиенты');
    expect(clients.rows[1]).toEqual(['ИП Белова', 'К-00002', 'Анна Крылова', '+7 912 000-00-02', 'Золотой', 'ключи у охраны']);
    // Every other client is as it was.
    expect([clients.rows[0], ...clients.rows.slice(2)]).toEqual([sheetOf(untouched, 'Клиенты').rows[0], ...sheetOf(untouched, 'Клиенты').rows.slice(2)]);
    // The typed «Зелёный» is archived; the empty comment had nothing to keep.
    const archive = sheetOf(result, 'Архив значений');
    expect(archive.rows.map((row) => row.slice(2))).toEqual([['Клиенты', 3, 'Статус', 'К-00002', 'ИП Белова', 'Зелёный', 'Золотой']]);
    expect(archive.rows[0][1]).toBe('Слияние файла менеджера «База — Анна Крылова.xlsx»');
  });

  it('keeps the main book\'s value where both changed a cell differently, and lists the conflict; a change made the same way twice is no conflict', async () => {
    const main = mainBook();
    const { parts } = await split(main);
    const part = await parts[0].book.read();
    setClientCell(part, 'К-00001', 'Телефон', '+7 900 111-11-11');
    setClientCell(main, 'К-00001', 'Телефон', '+7 900 222-22-22');
    setClientCell(part, 'К-00001', 'Статус', 'Зелёный');
    setClientCell(main, 'К-00001', 'Статус', 'Зелёный');
    setClientCell(main, 'К-00002', 'Статус', 'Красный');
    const { result, entries } = await merged(main, part);
    expect(entries.map((e) => [e.kind, e.clientId, e.client, e.column, e.main, e.part])).toEqual([
      ['conflict', 'К-00001', 'ООО «Ромашка»', 'Телефон', '+7 900 222-22-22', '+7 900 111-11-11'],
    ]);
    const clients = sheetOf(result, 'Клиенты');
    expect(clients.rows[0][3]).toBe('+7 900 222-22-22');
    // Changed in the main book only: stays.
    expect(clients.rows[1][4]).toBe('Красный');
    expect(result.sheets.some((s) => s.name === 'Архив значений')).toBe(false);
  });

  it('appends new clients (giving an ID to a row without one), new orders and history rows once; a client deleted in the file stays', async () => {
    const main = mainBook();
    const { parts } = await split(main);
    const part = await parts[0].book.read();
    const partClients = sheetOf(part, 'Клиенты');
    // К-00005 deleted in the file; one new client without an ID.
    partClients.rows.splice(2, 1);
    partClients.rows.push(['Сидорова Мария', null, 'Анна Крылова', '+7 912 555-55-55', 'Белый', '']);
    sheetOf(part, 'Заказы').rows.push([day('2026-11-20'), 'К-00002', 'ИП Белова', 'Мойка окон', 2500]);
    sheetOf(part, 'История').rows.push([new Date('2026-12-02T15:45:00Z'), 'К-00001', 'ООО «Ромашка»', 'Анна Крылова', 'звонок', 'ждут КП']);
    const { result, entries } = await merged(main, part);
    const counts = mergeCounts({ file: '', manager: '', entries });
    expect([counts.newClient, counts.newOrder, counts.newHistory, counts.deletedInPart, counts.changed, counts.conflict]).toEqual([1, 1, 1, 1, 0, 0]);
    expect(only(entries, 'deletedInPart').map((e) => [e.clientId, e.client])).toEqual([['К-00005', 'Петров']]);
    const clients = sheetOf(result, 'Клиенты');
    expect(clients.rows).toHaveLength(6);
    expect(clients.rows[4][1]).toBe('К-00005');
    expect(clients.rows[5]).toEqual(['Сидорова Мария', 'К-00006', 'Анна Крылова', '+7 912 555-55-55', 'Белый']);
    expect(only(entries, 'newClient')[0].clientId).toBe('К-00006');
    expect(only(entries, 'newOrder').map((e) => [e.clientId, e.client, e.column])).toEqual([['К-00002', 'ИП Белова', 'Заказы']]);
    expect(sheetOf(result, 'Заказы').rows).toHaveLength(4);
    expect(sheetOf(result, 'Заказы').rows[3]).toEqual([day('2026-11-20'), 'К-00002', 'ИП Белова', 'Мойка окон', 2500]);
    expect(sheetOf(result, 'История').rows[2]).toEqual([new Date('2026-12-02T15:45:00Z'), 'К-00001', 'ООО «Ромашка»', 'Анна Крылова', 'звонок', 'ждут КП']);

    // Merging the same file again into the result adds no second copy of anything.
    const again = await merged(result, part);
    expect(again.entries.map((e) => e.kind)).toEqual(['deletedInPart']);
    expect(sheetOf(again.result, 'Клиенты').rows).toHaveLength(6);
    expect(sheetOf(again.result, 'Заказы').rows).toHaveLength(4);
    expect(sheetOf(again.result, 'История').rows).toHaveLength(3);
  });

  it('lists a new client whose ID the main book already gives someone else, without merging it', async () => {
    const main = mainBook();
    const { parts } = await split(main);
    const part = await parts[0].book.read();
    sheetOf(part, 'Клиенты').rows.push(['Чужой', 'К-00003', 'Анна Крылова', '', 'Белый', '']);
    const { result, entries } = await merged(main, part);
    expect(entries.map((e) => [e.kind, e.clientId, e.main, e.part])).toEqual([['idTaken', 'К-00003', 'Иванов Пётр', 'Чужой']]);
    expect(sheetOf(result, 'Клиенты').rows).toHaveLength(5);
  });

  it('refuses a file the split did not make, planning nothing', async () => {
    const { plan } = await merged(mainBook(), mainBook());
    expect(plan.operations).toEqual([]);
    expect(plan.report.manager).toBeNull();
    expect(plan.report.entries.map((e) => e.kind)).toEqual(['notPart']);
    expect(render(plan.report.entries[0].note!, 'ru')).toContain('не файл, сделанный crm-base split');
  });

  it('writes the result sheet «Слияние», conflicts first, and never over a sheet of the user\'s of that name', () => {
    const entries: MergeEntry[] = [
      { file: 'a.xlsx', kind: 'changed', clientId: 'К-1', client: 'А', column: 'Статус', main: 'x', part: 'y' },
      { file: 'a.xlsx', kind: 'conflict', clientId: 'К-2', client: 'Б', column: 'Телефон', main: '1', part: '2' },
    ];
    const reports = [{ file: 'a.xlsx', manager: 'А', entries }];
    const [ensure, table] = mergeResultOperations(mainBook(), reports, 'ru').operations;
    expect(ensure).toEqual({ kind: 'ensureSheet', sheet: 'Слияние' });
    expect(table.kind === 'writeTable' && table.rows.map((row) => row[1])).toEqual(['Конфликт: оставлено значение основной книги', 'Изменено по файлу менеджера']);
    const users = { sheets: [...mainBook().sheets, { name: 'Слияние', header: ['Мои заметки'], rows: [['не трогать']] }] };
    expect(mergeResultOperations(users, reports, 'ru').operations[0]).toEqual({ kind: 'ensureSheet', sheet: 'Слияние (2)' });
  });
});
