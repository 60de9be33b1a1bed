/**
 * "Show only these clients" on a clients sheet that is an Excel table. Excel refuses a sheet AutoFilter
 * over a table (the fake refuses it too), so the gateway must filter through the table when the column is
 * the table's, and hide rows itself when the column lies outside the table (the product's ID column added
 * at the right of the user's table), without widening the user's table.
 */
import { createActions } from '../../src/actions/local';
import { isoToDay } from '../../src/core/normalise/date';
import { OfficeWorkbook } from '../../addin/gateway/office-workbook';
import type { CellValue, WorkbookSnapshot } from '../../src/workbook/snapshot';
import { FakeExcel } from '../fakes/excel';
import { hiddenRows, type Rect } from '../fakes/excel/host';

const FIVE_MB = 5 * 1024 * 1024;

/** What a user's "Format as Table" leaves in the workbook. */
function formatAsTable(fake: FakeExcel, sheet: string, name: string, rect: Rect): void {
  fake.sheet(sheet).tables.push({ name, rect, criteria: new Map() });
}

const hidden = (fake: FakeExcel, sheet = 'Клиенты') => [...hiddenRows(fake.sheet(sheet))].sort((a, b) => a - b);

/** Commands on the clients sheet's AutoFilter: never wanted on a sheet with a table. */
const sheetAutoFilterCommands = (fake: FakeExcel) => fake.recorder.commands.filter((c) => c.target === "'Клиенты'.autoFilter");

/** Rows 2..6: a blank ID in row 5, Russian data, a phone that must stay text. */
function clients(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: 'Клиенты',
        header: ['ID', 'Клиент', 'Телефон', 'Город'],
        rows: [
          ['К-001', 'ООО «Ромашка»', '8 (912) 345-67-89', 'Москва'],
          ['К-002', 'Иванов Иван', '+7 903 111-22-33', 'Казань'],
          ['К-003', 'Петров Пётр', '', 'Москва'],
          [null, 'ИП Сидорова', '', 'Пермь'],
          ['К-005', 'Козлов', '', ''],
        ],
        hiddenRows: [3],
      },
    ],
  };
}

function setup(table: Rect, initial = clients()) {
  const fake = new FakeExcel(initial);
  formatAsTable(fake, 'Клиенты', 'Клиенты_т', table);
  return { fake, wb: new OfficeWorkbook({ run: fake.run }) };
}

const WHOLE = { top: 1, left: 1, bottom: 6, right: 4 };

describe('filtering a clients sheet that is an Excel table', () => {
  it('filters through the table when the column is the table’s, shows rows hidden by hand, and keeps the table', async () => {
    const { fake, wb } = setup(WHOLE);
    await wb.apply([{ kind: 'applyFilter', sheet: 'Клиенты', column: 1, values: ['К-002', 'К-005'] }]);
    expect(hidden(fake)).toEqual([2, 4, 5]);
    const [table] = fake.sheet('Клиенты').tables;
    expect(table).toMatchObject({ name: 'Клиенты_т', rect: WHOLE });
    expect([...table.criteria.keys()]).toEqual([0]);
    expect(fake.sheet('Клиенты').autoFilter).toBeNull();
    expect(sheetAutoFilterCommands(fake)).toEqual([]);
    expect(fake.recorder.commands.map((c) => c.member)).toEqual(expect.arrayContaining(['clearFilters', 'getItemAt', 'apply']));
  });

  it('replaces the earlier filter, selects blanks with an empty value, and reads back the hidden rows', async () => {
    const { fake, wb } = setup(WHOLE);
    await wb.apply([{ kind: 'applyFilter', sheet: 'Клиенты', column: 4, values: ['Москва'] }]);
    await wb.apply([{ kind: 'applyFilter', sheet: 'Клиенты', column: 1, values: [''] }]);
    expect(hidden(fake)).toEqual([2, 3, 4, 6]);
    expect([...fake.sheet('Клиенты').tables[0].criteria.keys()]).toEqual([0]);
    expect((await wb.read(['Клиенты'])).sheets[0].hiddenRows).toEqual([2, 3, 4, 6]);
  });

  it('clearFilter clears the table’s criteria and shows every row, those hidden by hand too', async () => {
    const { fake, wb } = setup(WHOLE);
    await wb.apply([{ kind: 'applyFilter', sheet: 'Клиенты', column: 1, values: ['К-001'] }]);
    fake.sheet('Клиенты').manuallyHidden.add(6);
    await wb.apply([{ kind: 'clearFilter', sheet: 'Клиенты' }]);
    expect(hidden(fake)).toEqual([]);
    expect(fake.sheet('Клиенты').tables[0].criteria.size).toBe(0);
    expect(fake.sheet('Клиенты').tables).toHaveLength(1);
    expect(sheetAutoFilterCommands(fake)).toEqual([]);
  });

  it('hides rows itself when the column lies right of the table, leaving the table as it was', async () => {
    const { fake, wb } = setup({ top: 1, left: 2, bottom: 6, right: 4 });
    // the user had filtered their table by city
    fake.sheet('Клиенты').tables[0].criteria.set(2, { filterOn: 'Values', values: ['Казань'] });
    await wb.apply([{ kind: 'applyFilter', sheet: 'Клиенты', column: 1, values: ['К-001', 'К-003', ''] }]);
    expect(hidden(fake)).toEqual([3, 6]);
    const [table] = fake.sheet('Клиенты').tables;
    expect(table.rect).toEqual({ top: 1, left: 2, bottom: 6, right: 4 });
    expect(table.criteria.size).toBe(0);
    expect(fake.sheet('Клиенты').autoFilter).toBeNull();
    expect(sheetAutoFilterCommands(fake)).toEqual([]);

    await wb.apply([{ kind: 'clearFilter', sheet: 'Клиенты' }]);
    expect(hidden(fake)).toEqual([]);
  });

  it('hides by hand the rows below a table that does not reach the last client', async () => {
    const { fake, wb } = setup({ top: 1, left: 1, bottom: 4, right: 4 });
    await wb.apply([{ kind: 'applyFilter', sheet: 'Клиенты', column: 1, values: ['К-003', 'К-005'] }]);
    expect(hidden(fake)).toEqual([2, 3, 5]);
    expect([...fake.sheet('Клиенты').tables[0].criteria.keys()]).toEqual([0]);
  });

  it('does not use a table whose header is not the sheet’s header row', async () => {
    const initial = clients();
    initial.sheets[0].rows.push([], ['Итог', 'Сумма'], ['x', 1]);
    const { fake, wb } = setup({ top: 8, left: 1, bottom: 9, right: 2 }, initial);
    await wb.apply([{ kind: 'applyFilter', sheet: 'Клиенты', column: 1, values: ['К-002'] }]);
    expect(hidden(fake)).toEqual([2, 4, 5, 6, 7, 8, 9]);
    expect(fake.sheet('Клиенты').tables[0].criteria.size).toBe(0);
  });

  it('hides rows by hand when the value list would not fit one request as a table criterion', async () => {
    const fake = new FakeExcel(clients());
    formatAsTable(fake, 'Клиенты', 'Клиенты_т', WHOLE);
    const wb = new OfficeWorkbook({ run: fake.run, requestBudget: 2_000 });
    const values = ['К-004', ...Array.from({ length: 200 }, (_, i) => `Нет такого ${i}`)];
    await wb.apply([{ kind: 'applyFilter', sheet: 'Клиенты', column: 1, values }]);
    expect(hidden(fake)).toEqual([2, 3, 4, 5, 6]);
    expect(fake.sheet('Клиенты').tables[0].criteria.size).toBe(0);
    expect(fake.recorder.largestRequest).toBeLessThan(2_000);
  });

  it('structuring leaves the table’s own filter buttons instead of a refused sheet AutoFilter', async () => {
    const { fake, wb } = setup({ top: 1, left: 1, bottom: 6, right: 3 });
    await wb.apply([{ kind: 'formatSheet', sheet: 'Клиенты', freezeHeader: true, autoFilter: true }]);
    expect(fake.sheet('Клиенты').autoFilter).toBeNull();
    expect(fake.sheet('Клиенты').frozenRows).toBe(1);
    expect(sheetAutoFilterCommands(fake)).toEqual([]);
  });

  it('still puts a sheet AutoFilter on a sheet without tables', async () => {
    const fake = new FakeExcel(clients());
    const wb = new OfficeWorkbook({ run: fake.run });
    await wb.apply([{ kind: 'applyFilter', sheet: 'Клиенты', column: 4, values: ['Москва'] }]);
    expect(fake.sheet('Клиенты').autoFilter?.rect).toEqual({ top: 1, left: 1, bottom: 6, right: 4 });
    expect(hidden(fake)).toEqual([3, 5, 6]);
    expect(fake.recorder.commands.some((c) => c.member === 'clearFilters' || c.member === 'getItemAt')).toBe(false);
    await wb.apply([{ kind: 'clearFilter', sheet: 'Клиенты' }]);
    expect(hidden(fake)).toEqual([]);
    expect(fake.sheet('Клиенты').autoFilter).not.toBeNull();
  });
});

describe('showInSheet on a clients table through createActions', () => {
  const TODAY = isoToDay('2026-11-01')!;

  function base(withId: boolean): WorkbookSnapshot {
    const id = (value: string): CellValue[] => (withId ? [value] : []);
    return {
      sheets: [
        { name: 'Услуги', header: ['Название', 'Цена'], rows: [['Уборка офиса', 5000]] },
        {
          name: 'Клиенты',
          header: [...(withId ? ['ID'] : []), 'Клиент', 'Телефон', 'Город', 'Менеджер'],
          rows: [
            [...id('К-00001'), 'ООО «Ромашка»', '8 (912) 345-67-89', 'МСК', 'Анна'],
            [...id('К-00002'), 'Иванов Иван', '+7 903 111-22-33', 'Казань', 'Олег'],
            [...id('К-00003'), 'Петров Пётр', '', 'москва', 'Анна'],
          ],
        },
        { name: 'Заказы', header: ['Дата', 'ID клиента', 'Клиент', 'Услуга', 'Сумма'], rows: [] },
      ],
    };
  }

  it.each([
    ['the product adds the ID column right of the table', false],
    ['the table holds the ID column', true],
  ])('shows only the matching clients and clears the filter (%s)', async (_case, withId) => {
    const fake = new FakeExcel(base(withId));
    const tableRect = { top: 1, left: 1, bottom: 4, right: withId ? 5 : 4 };
    formatAsTable(fake, 'Клиенты', 'Клиенты_т', tableRect);
    const actions = createActions(new OfficeWorkbook({ run: fake.run }), { today: () => TODAY });
    await actions.showInSheet({ cities: ['Москва'] });
    expect(hidden(fake)).toEqual([3]);
    expect(fake.sheet('Клиенты').tables[0].rect).toEqual(tableRect);
    expect(fake.sheet('Клиенты').tables[0].criteria.size).toBe(withId ? 1 : 0);
    expect(sheetAutoFilterCommands(fake)).toEqual([]);
    await actions.showInSheet(null);
    expect(hidden(fake)).toEqual([]);
  });
});

describe('filtering a 100,000-client table', () => {
  const CLIENTS = 100_000;
  const id = (i: number) => `К-${String(i + 1).padStart(6, '0')}`;
  const figures: string[] = [];
  afterAll(() => console.log(`Table filter, ${CLIENTS} clients:\n${figures.join('\n')}`));

  function bigTable(idInside: boolean) {
    const rows = Array.from({ length: CLIENTS }, (_, i): CellValue[] => [`Иванов Иван Иванович ${i}`, `8 (912) ${String(i % 1000).padStart(3, '0')}-67-89`, i % 3 ? 'Москва' : 'Пермь', id(i)]);
    const fake = new FakeExcel({ sheets: [{ name: 'Клиенты', header: ['Клиент', 'Телефон', 'Город', 'ID'], rows }] });
    formatAsTable(fake, 'Клиенты', 'Клиенты_т', { top: 1, left: 1, bottom: CLIENTS + 1, right: idInside ? 4 : 3 });
    return { fake, wb: new OfficeWorkbook({ run: fake.run }) };
  }

  // Every other client: the worst case for hiding by hand (50,000 separate runs of rows).
  const everyOther = Array.from({ length: CLIENTS / 2 }, (_, k) => id(2 * k));

  it.each([
    ['through the table', true],
    ['by hand, the ID column outside the table', false],
  ])('%s: syncs bounded by blocks and every request under 5 MB', async (name, idInside) => {
    const { fake, wb } = bigTable(idInside);
    fake.recorder.reset();
    await wb.apply([{ kind: 'applyFilter', sheet: 'Клиенты', column: 4, values: everyOther }]);
    const syncs = fake.recorder.syncs.length;
    const largest = fake.recorder.largestRequest;
    const hiddenNow = hiddenRows(fake.sheet('Клиенты'));
    expect(hiddenNow.size).toBe(CLIENTS / 2);
    expect(hiddenNow.has(2)).toBe(false);
    expect(hiddenNow.has(3)).toBe(true);
    expect(hiddenNow.has(CLIENTS + 1)).toBe(true);
    expect(largest).toBeLessThan(FIVE_MB);
    // prepare, used range, the table's place, then (by hand) 5 blocks of 20,000 rows and the requests of hidden runs
    expect(syncs).toBeLessThanOrEqual(idInside ? 4 : 20);
    figures.push(`applyFilter ${name}: ${syncs} syncs, largest request ${(largest / 1e6).toFixed(2)} MB`);

    fake.recorder.reset();
    await wb.apply([{ kind: 'clearFilter', sheet: 'Клиенты' }]);
    expect(hiddenRows(fake.sheet('Клиенты')).size).toBe(0);
    expect(fake.recorder.syncs.length).toBeLessThanOrEqual(3);
    figures.push(`clearFilter ${name}: ${fake.recorder.syncs.length} syncs, largest request ${(fake.recorder.largestRequest / 1e6).toFixed(2)} MB`);
  });
});

describe('filtering a table whose header is below a title', () => {
  /** A title in row 1, an empty row 2, the table's header in row 3 and its data in rows 4..8. */
  function titled(): WorkbookSnapshot {
    const sheet = clients().sheets[0];
    return { sheets: [{ name: 'Клиенты', header: ['Клиентская база'], rows: [[], sheet.header, ...sheet.rows] }] };
  }

  it('filters through the table that starts at the header row and leaves the title and the header shown', async () => {
    const table = { top: 3, left: 1, bottom: 8, right: 4 };
    const { fake, wb } = setup(table, titled());
    await wb.apply([{ kind: 'applyFilter', sheet: 'Клиенты', headerRow: 3, column: 1, values: ['К-002', 'К-005'] }]);
    expect(hidden(fake)).toEqual([4, 6, 7]);
    expect(fake.sheet('Клиенты').tables[0]).toMatchObject({ rect: table });
    expect(sheetAutoFilterCommands(fake)).toEqual([]);
  });
});
