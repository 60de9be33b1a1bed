/**
 * The header row is found, not assumed: a title, a note, a merged title or empty rows above the header
 * are skipped; a sheet named for a kind in which no row reads as a header is reported and left alone.
 */
import { readBase } from '../base';
import { locateBase } from '../layout';
import { planStructure } from '../structure';
import { planAnalysis } from '../analysis';
import { planDuplicates } from '../duplicates/plan';
import { calendarDay } from '../normalise/date';
import type { WriteColumns } from '../../workbook/operations';
import type { CellValue, SheetSnapshot } from '../../workbook/snapshot';
import { MemoryWorkbook } from '../../workbook/memory';
import { book, date, sheet } from './snapshot-builder';
import { render } from '../messages/message';
import { rendered } from '../messages/rendered';

const TITLE = 'Клиентская база ООО Ромашка';
const HEADER = ['Клиент', 'Телефон', 'Город', 'Дата первого контакта'];
const DATA: CellValue[][] = [
  ['ООО «Ромашка»', '8 (912) 345-67-89', 'Москва', date(15, 3, 2024)],
  ['Иванов Иван', '+7 912 000-00-01', 'Казань', '31.02.2024'],
  ['ИП Петров', '+7 912 000-00-02', 'Москва', date(1, 4, 2024)],
];

/** Spreadsheet rows 1..n of a sheet as a snapshot (row 1 is the snapshot's header). */
function sheetOfRows(name: string, ...rows: CellValue[][]): SheetSnapshot {
  return sheet(name, rows[0] ?? [], ...rows.slice(1));
}

const titled = () => sheetOfRows('Клиенты', [TITLE], [], HEADER, ...DATA);
const services = sheet('Услуги', ['Услуга', 'Цена'], ['Аудит', 15000]);
const orders = sheet('Заказы', ['Дата', 'Клиент', 'Сумма'], [date(10, 5, 2024), 'ООО «Ромашка»', 5000], [date(20, 5, 2024), 'ИП Петров', 700], [date(21, 5, 2024), 'ООО «Ромашка»', 300]);

describe('finding the header row', () => {
  it('skips a title row and an empty row: the clients are read from below the header, with their spreadsheet rows', () => {
    const base = readBase(book(services, titled()));
    expect(base.layout.clients).toMatchObject({ headerRow: 3, rowCount: 3, header: HEADER });
    expect(base.clients.map((c) => [c.row, c.name, c.phone])).toEqual([
      [4, 'ООО «Ромашка»', '8 (912) 345-67-89'],
      [5, 'Иванов Иван', '+7 912 000-00-01'],
      [6, 'ИП Петров', '+7 912 000-00-02'],
    ]);
    expect(rendered(base.problems, 'ru')).toEqual([expect.objectContaining({ sheet: 'Клиенты', row: 5, column: 'Дата первого контакта', value: '31.02.2024' })]);
  });

  it('skips a merged title without warning about it, and still warns about merged cells in the data', () => {
    const snapshot = book({ ...sheetOfRows('Клиенты', [TITLE], HEADER, ...DATA), mergedRanges: ['A1:D1', 'C3:C4'] });
    const base = readBase(snapshot);
    expect(base.layout.clients?.headerRow).toBe(2);
    expect(base.clients.map((c) => c.row)).toEqual([3, 4, 5]);
    const merged = base.problems.filter((p) => render(p.message, 'ru').includes('Объединённые'));
    expect(merged).toEqual([expect.objectContaining({ row: 3, column: 'Город', value: 'C3:C4' })]);
  });

  it('skips a note above the header; hidden rows above the header are not reported, hidden data rows are', () => {
    const note = ['Телефоны вводить в формате +7, даты — дд.мм.гггг', null, 'обновлено 01.06.2024'];
    const snapshot = book({ ...sheetOfRows('Клиенты', note, HEADER, ...DATA), hiddenRows: [1, 4] });
    const base = readBase(snapshot);
    expect(base.layout.clients?.headerRow).toBe(2);
    expect(base.clients.map((c) => c.name)).toEqual(['ООО «Ромашка»', 'Иванов Иван', 'ИП Петров']);
    expect(rendered(base.problems.filter((p) => render(p.message, 'ru').includes('скрыт')).map((p) => p.row), 'ru')).toEqual([4]);
  });

  it('keeps row 1 when it is the header, even when a later row repeats the headers', () => {
    const base = readBase(book(sheet('Клиенты', HEADER, ...DATA, [], HEADER, ['Сидоров', '', '', null])));
    expect(base.layout.clients?.headerRow).toBe(1);
    expect(base.clients.map((c) => c.row)).toEqual([2, 3, 4, 6, 7]);
  });

  it('finds the clients in a sheet of another name by the header below its title', () => {
    const layout = locateBase(book(services, { ...titled(), name: 'Лист1' }));
    expect(layout.clients).toMatchObject({ sheet: 'Лист1', headerRow: 3 });
  });

  it('takes the header from the settings mapping into account when looking for it', () => {
    const odd = ['Контрагент', 'Тел. для связи'];
    const layout = locateBase(book(sheetOfRows('Клиенты', [TITLE], odd, ['ООО «Ромашка»', '8 912 345-67-89'])), { clients: { name: 'Контрагент', phone: 'Тел. для связи' } });
    expect(layout.clients).toMatchObject({ headerRow: 2, columns: { name: 0, phone: 1 } });
  });

  it('reads an empty clients sheet as before: header row 1, no clients, no problem', () => {
    const base = readBase(book(sheet('Клиенты', [])));
    expect(base.layout.clients).toMatchObject({ headerRow: 1, rowCount: 0 });
    expect(rendered(base.problems, 'ru')).toEqual([]);
  });
});

describe('a sheet named for the base with no header row', () => {
  const headerless = () => sheetOfRows('Клиенты', [TITLE], [], ...DATA);

  it('is a problem naming the sheet; no client is invented from its rows', () => {
    const base = readBase(book(services, headerless(), orders));
    expect(base.layout.clients).toBeUndefined();
    expect(base.layout.headerless).toEqual({ clients: 'Клиенты' });
    expect(base.clients).toEqual([]);
    const problem = base.problems.find((p) => p.sheet === 'Клиенты');
    expect(rendered(problem?.message, 'ru')).toMatch(/^На листе «Клиенты» не найдена строка заголовков.*«Клиент», «Телефон».*не изменён/);
  });

  it('is not given another sheet that merely looks like clients', () => {
    const layout = locateBase(book(headerless(), sheet('Лист1', HEADER, ...DATA)));
    expect(layout.clients).toBeUndefined();
  });

  it('gets no columns, IDs, rules or formats from structure, and the problem is in its report', () => {
    const plan = planStructure(book(services, headerless(), orders));
    expect(plan.operations.filter((op) => op.sheet === 'Клиенты')).toEqual([]);
    expect(rendered(plan.report.problems.map((p) => p.sheet), 'ru')).toContain('Клиенты');
    expect(rendered(plan.report.problems.some((p) => render(p.message, 'ru').startsWith('Не найден лист клиентов')), 'ru')).toBe(false);
  });

  it('the analysis refuses with the same message, naming the sheet', () => {
    expect(() => planAnalysis(book(services, headerless(), orders))).toThrow(/^На листе «Клиенты» не найдена строка заголовков/);
  });

  it('an orders sheet without a header is neither recreated nor given rules', () => {
    const plan = planStructure(book(services, titled(), sheetOfRows('Заказы', [date(10, 5, 2024), 'ООО «Ромашка»', 5000])));
    expect(plan.operations.filter((op) => op.sheet === 'Заказы')).toEqual([]);
    expect(plan.report.sheetsCreated).not.toContain('Заказы');
    expect(rendered(plan.report.problems.find((p) => p.sheet === 'Заказы')?.message, 'ru')).toMatch(/«Дата», «Сумма»/);
  });
});

describe('plans on a sheet with a title above the header', () => {
  const snapshot = () => book(services, titled(), orders);

  it('structure writes the managed headers into the header row and the IDs onto the clients’ rows', () => {
    const plan = planStructure(snapshot());
    const write = plan.operations.find((op): op is WriteColumns => op.kind === 'writeColumns' && op.sheet === 'Клиенты')!;
    expect(write.headerRow).toBe(3);
    const ids = write.columns.find((c) => c.header === 'ID')!;
    expect(ids.values).toEqual(['К-00001', 'К-00002', 'К-00003']);
    const onClients = plan.operations.filter((op) => op.sheet === 'Клиенты');
    for (const op of onClients) if (op.kind === 'setValidation' || op.kind === 'colourCells') expect(op.fromRow).toBe(4);
    expect(onClients.find((op) => op.kind === 'formatSheet')).toMatchObject({ headerRow: 3, freezeHeader: true, autoFilter: true });
  });

  it('the duplicates group column counts from the row below the header', () => {
    const dup = sheetOfRows('Клиенты', [TITLE], HEADER, DATA[0], ['ООО Ромашка', '89123456789', 'Москва', null]);
    const write = planDuplicates(book(dup)).operations.find((op): op is WriteColumns => op.kind === 'writeColumns')!;
    expect(write.headerRow).toBe(2);
    expect(write.columns[0].values).toHaveLength(2);
    expect(write.columns[0].values[0]).toBeTruthy();
    expect(write.columns[0].values[0]).toBe(write.columns[0].values[1]);
  });
});

describe('structure → analysis on the in-memory workbook, with a title above the header', () => {
  it('keeps the title and every typed cell, and puts what it adds in the header row and on the right rows', async () => {
    const wb = new MemoryWorkbook(book(services, titled(), orders));
    const structure = planStructure(await wb.read());
    await wb.apply(structure.operations);
    const asOf = calendarDay(2024, 6, 30)!;
    const analysis = planAnalysis(await wb.read(), { asOf });
    await wb.apply(analysis.operations);

    const clients = wb.state().sheets.find((s) => s.name === 'Клиенты')!;
    const values = clients.values;
    expect(values[0].filter((v) => v !== null && v !== '')).toEqual([TITLE]);
    expect((values[1] ?? []).filter((v) => v !== null && v !== '')).toEqual([]);
    expect(values[2].slice(0, 4)).toEqual(HEADER);
    DATA.forEach((row, i) => expect(values[3 + i].slice(0, 4)).toEqual(row));
    expect(values.length).toBe(6);

    const header = values[2].map(String);
    const column = (name: string) => header.indexOf(name);
    expect(column('ID')).toBe(4);
    expect(values.slice(3).map((r) => r[column('ID')])).toEqual(['К-00001', 'К-00002', 'К-00003']);
    expect(values.slice(3).map((r) => r[column('Выручка')])).toEqual([5300, 0, 700]);
    expect(values.slice(3).map((r) => r[column('Заказов')])).toEqual([2, 0, 1]);
    expect(values.slice(3).map((r) => r[column('ABC')])).toEqual(['A', 'нет продаж', 'B']);
    expect(clients.frozenRows).toBe(3);
    expect(clients.autoFilter).toMatch(/^A3:/);
    expect(clients.validations.every((v) => /^[A-Z]+4:/.test(v.range))).toBe(true);
    expect(clients.conditionalFormats.every((f) => /^[A-Z]+4:/.test(f.range))).toBe(true);

    const dateProblem = (problems: { sheet: string; row: number; column: string }[]) => problems.filter((p) => p.sheet === 'Клиенты' && p.column === 'Дата первого контакта').map((p) => p.row);
    expect(rendered(dateProblem(structure.report.problems), 'ru')).toEqual([5]);
    expect(rendered(dateProblem(analysis.report.problems), 'ru')).toEqual([5]);

    // A second run changes nothing.
    const before = wb.state();
    await wb.apply(planStructure(await wb.read()).operations);
    await wb.apply(planAnalysis(await wb.read(), { asOf }).operations);
    expect(wb.state().sheets.find((s) => s.name === 'Клиенты')).toEqual(before.sheets.find((s) => s.name === 'Клиенты'));
  });
});
