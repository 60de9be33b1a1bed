import { cellText, MemoryWorkbook, parseRange, subtractRect } from './memory';
import type { SheetOperation } from './operations';
import type { WorkbookSnapshot } from './snapshot';

function clients(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: 'Клиенты',
        header: ['ID', 'Клиент', 'Город', 'Дата'],
        rows: [
          ['К-1', 'ООО «Ромашка»', 'Москва', new Date(Date.UTC(2024, 0, 31))],
          ['К-2', 'Иванов', 'МСК', null],
          ['К-3', 'Петров', 'Казань', new Date(Date.UTC(2024, 1, 29))],
          ['К-4', 'Сидоров', 'Москва', null],
        ],
        hiddenRows: [4],
        mergedRanges: ['A6:B6'],
      },
    ],
  };
}

describe('A1 ranges', () => {
  it('parses cells, ranges, absolute markers and sheet prefixes', () => {
    expect(parseRange('K2:K5001')).toEqual({ top: 2, left: 11, bottom: 5001, right: 11 });
    expect(parseRange("'Услуги'!$A$2:$A$21")).toEqual({ top: 2, left: 1, bottom: 21, right: 1 });
    expect(parseRange('AA7')).toEqual({ top: 7, left: 27, bottom: 7, right: 27 });
    expect(() => parseRange('R1C1')).toThrow(/Not an A1/);
  });

  it('subtracts a rectangle leaving the parts above, below, left and right', () => {
    expect(subtractRect(parseRange('A1:C10'), parseRange('B4:B5'))).toEqual([
      { top: 1, bottom: 3, left: 1, right: 3 },
      { top: 6, bottom: 10, left: 1, right: 3 },
      { top: 4, bottom: 5, left: 1, right: 1 },
      { top: 4, bottom: 5, left: 3, right: 3 },
    ]);
    expect(subtractRect(parseRange('A1:A3'), parseRange('B1:B3'))).toEqual([parseRange('A1:A3')]);
    expect(subtractRect(parseRange('A2:A9'), parseRange('A1:A100'))).toEqual([]);
  });
});

describe('cellText', () => {
  it('shows dates as dd.mm.yyyy from their UTC fields and blanks as empty', () => {
    expect(cellText(new Date(Date.UTC(2023, 11, 31, 23, 59)))).toBe('31.12.2023');
    expect(cellText(null)).toBe('');
    expect(cellText(-5)).toBe('-5');
    expect(cellText(false)).toBe('false');
  });
});

describe('MemoryWorkbook', () => {
  it('hands out copies: changing a snapshot or a state leaves the workbook alone', async () => {
    const wb = new MemoryWorkbook(clients());
    const snapshot = await wb.read();
    snapshot.sheets[0].rows[0][1] = 'испорчено';
    (snapshot.sheets[0].rows[0][3] as Date).setUTCFullYear(1999);
    const state = wb.state();
    state.sheets[0].values[1][2] = 'испорчено';
    const again = (await wb.read()).sheets[0];
    expect(again.rows[0]).toEqual(['К-1', 'ООО «Ромашка»', 'Москва', new Date(Date.UTC(2024, 0, 31))]);
    expect(again.hiddenRows).toEqual([4]);
    expect(again.mergedRanges).toEqual(['A6:B6']);
  });

  it('copies a date shared by many cells once per read, and never hands out the workbook’s own', async () => {
    const wb = new MemoryWorkbook(clients());
    const day = new Date(Date.UTC(2025, 5, 30));
    await wb.apply([{ kind: 'appendRows', sheet: 'Клиенты', rows: [['К-7', 'А', '', day], ['К-8', 'Б', '', day]] }]);
    const rows = (await wb.read()).sheets[0].rows;
    const [first, second] = rows.slice(-2).map((row) => row[3] as Date);
    expect(first).toBe(second);
    first.setUTCFullYear(1999);
    const again = (await wb.read()).sheets[0].rows.slice(-2).map((row) => row[3]);
    expect(again).toEqual([new Date(Date.UTC(2025, 5, 30)), new Date(Date.UTC(2025, 5, 30))]);
  });

  it('moves fills, formats, hidden rows and merges up with their rows when rows are deleted', async () => {
    const wb = new MemoryWorkbook(clients());
    await wb.apply([
      { kind: 'highlightRows', sheet: 'Клиенты', rows: [5], fill: '#C6EFCE' },
      { kind: 'formatSheet', sheet: 'Клиенты', columnFormats: [{ column: 4, format: 'dd.mm.yyyy', fromRow: 4, toRow: 4 }] },
      { kind: 'colourCells', sheet: 'Клиенты', column: 3, fromRow: 3, toRow: 3, rules: [{ when: { equals: 'МСК' }, fill: '#FF9999' }] },
      { kind: 'deleteRows', sheet: 'Клиенты', rows: [3, 3, 99] },
    ]);
    const sheet = wb.state().sheets[0];
    expect(sheet.values.map((r) => r[0])).toEqual(['ID', 'К-1', 'К-3', 'К-4']);
    expect(sheet.fills).toEqual({ A4: '#C6EFCE', B4: '#C6EFCE', C4: '#C6EFCE', D4: '#C6EFCE' });
    expect(sheet.numberFormats).toEqual({ D3: 'dd.mm.yyyy' });
    expect(sheet.hiddenRows).toEqual([3]);
    expect(sheet.conditionalFormats).toEqual([]);
    expect((await wb.read()).sheets[0].mergedRanges).toEqual(['A5:B5']);
  });

  it('creates the sheet a writeTable names and refuses other operations on a missing sheet', async () => {
    const wb = new MemoryWorkbook();
    await wb.apply([{ kind: 'writeTable', sheet: 'RFM', replace: false, header: ['Клиент'], rows: [] }]);
    expect(await wb.sheetNames()).toEqual(['RFM']);
    await expect(wb.apply([{ kind: 'appendRows', sheet: 'Нет', rows: [['x']] }])).rejects.toThrow('appendRows: no sheet named «Нет»');
  });

  it('table ranges keep one data row even for an empty table, and a rerun replaces the table by name', async () => {
    const wb = new MemoryWorkbook();
    const op: SheetOperation = { kind: 'writeTable', sheet: 'ABC', replace: false, header: ['Клиент', 'Класс'], rows: [], table: { name: 'ABC' } };
    await wb.apply([op, op]);
    expect(wb.state().sheets[0].tables).toEqual([{ name: 'ABC', range: 'A1:B2' }]);
  });

  it('gives every data row of a table its formats, and a format written later into one row changes that row only', async () => {
    const wb = new MemoryWorkbook(clients());
    const rows = [['К-1', 10], ['К-2', 20], ['К-3', 30]];
    await wb.apply([{ kind: 'writeTable', sheet: 'ABC', replace: true, header: ['ID', 'Сумма'], rows, numberFormats: [null, '#,##0'] }]);
    await wb.apply([{ kind: 'writeColumns', sheet: 'ABC', columns: [{ column: 2, values: [undefined, 25], numberFormat: '0.00' }] }]);
    expect(wb.state().sheets.find((sheet) => sheet.name === 'ABC')?.numberFormats).toEqual({ B2: '#,##0', B3: '0.00', B4: '#,##0' });
    // A table anchored right of the client rows keeps their cells, and formats its own columns only.
    await wb.apply([{ kind: 'writeTable', sheet: 'Клиенты', replace: false, anchor: { row: 1, column: 6 }, header: ['Сумма'], rows: [[1], [2]], numberFormats: ['0.0'] }]);
    const sheet = wb.state().sheets.find((s) => s.name === 'Клиенты')!;
    expect(sheet.values.slice(0, 3).map((row) => [row[0], row[3], row[5]])).toEqual([['ID', 'Дата', 'Сумма'], ['К-1', new Date(Date.UTC(2024, 0, 31)), 1], ['К-2', null, 2]]);
    expect(sheet.numberFormats).toMatchObject({ F2: '0.0', F3: '0.0' });
  });

  it('appends from row 1 on an empty sheet', async () => {
    const wb = new MemoryWorkbook({ sheets: [{ name: 'Пусто', header: [], rows: [] }] });
    await wb.apply([{ kind: 'appendRows', sheet: 'Пусто', rows: [['a'], ['b']] }]);
    expect(wb.state().sheets[0].values).toEqual([['a'], ['b']]);
  });

  it('filters on the shown text of numbers and dates', async () => {
    const wb = new MemoryWorkbook(clients());
    await wb.apply([{ kind: 'applyFilter', sheet: 'Клиенты', column: 4, values: ['29.02.2024', ''] }]);
    expect(wb.state().sheets[0].hiddenRows).toEqual([2]);
  });

  it('stores custom validation formulas without a leading =, and keeps messages', async () => {
    const wb = new MemoryWorkbook(clients());
    await wb.apply([{ kind: 'setValidation', sheet: 'Клиенты', column: 2, fromRow: 2, toRow: 9, rule: { type: 'custom', formula: '=LEN(B2)>0' }, strict: true, errorMessage: 'Пусто', prompt: 'Имя' }]);
    expect(wb.state().sheets[0].validations).toEqual([{ range: 'B2:B9', rule: { type: 'custom', formula: 'LEN(B2)>0' }, strict: true, errorMessage: 'Пусто', prompt: 'Имя' }]);
  });

  it('colours whole rows across the used columns, reaching the tested column', async () => {
    const wb = new MemoryWorkbook(clients());
    await wb.apply([{ kind: 'colourCells', sheet: 'Клиенты', column: 7, fromRow: 2, toRow: 5, wholeRow: true, rules: [{ when: { atLeast: 60 }, fill: '#FF9999' }] }]);
    expect(wb.state().sheets[0].conditionalFormats).toEqual([{ range: 'A2:G5', testColumn: 'G', rules: [{ when: { atLeast: 60 }, fill: '#FF9999' }] }]);
  });

  it('reports progress per operation', async () => {
    const wb = new MemoryWorkbook(clients());
    const steps: string[] = [];
    await wb.apply([{ kind: 'clearFilter', sheet: 'Клиенты' }, { kind: 'ensureSheet', sheet: 'Заказы' }], (p) => steps.push(`${p.done}/${p.total} ${p.step.key} ${p.step.params?.sheet}`));
    expect(steps).toEqual(['0/2 step.clearFilter Клиенты', '1/2 step.ensureSheet Заказы']);
  });
});

describe('number formats of appended rows, one row shared by all', () => {
  const appended: SheetOperation = {
    kind: 'appendRows',
    sheet: 'Клиенты',
    rows: [
      ['К-5', 'Орлов', 'Тверь', new Date(Date.UTC(2024, 2, 1))],
      ['К-6', 'Белов', 'Тула', new Date(Date.UTC(2024, 2, 2))],
      ['К-7', 'Носов'],
    ],
    numberFormats: [null, null, null, 'dd.mm.yyyy'],
  };
  const formatOf = (wb: MemoryWorkbook, cell: string) => wb.state().sheets[0].numberFormats[cell];

  it('gives every appended row its formats, and a row too short for them only the ones it reaches', async () => {
    const wb = new MemoryWorkbook(clients());
    await wb.apply([appended]);
    expect([formatOf(wb, 'D6'), formatOf(wb, 'D7'), formatOf(wb, 'D8')]).toEqual(['dd.mm.yyyy', 'dd.mm.yyyy', undefined]);
  });

  it('changes one row without changing the rows it shared its formats with', async () => {
    const wb = new MemoryWorkbook(clients());
    await wb.apply([appended, { kind: 'formatSheet', sheet: 'Клиенты', columnFormats: [{ column: 4, format: 'yyyy-mm-dd', fromRow: 6, toRow: 6 }, { column: 2, format: '@', fromRow: 7, toRow: 7 }] }]);
    expect([formatOf(wb, 'D6'), formatOf(wb, 'D7'), formatOf(wb, 'B6'), formatOf(wb, 'B7')]).toEqual(['yyyy-mm-dd', 'dd.mm.yyyy', undefined, '@']);
  });
});

describe('the in-memory workbook where structuredClone does not exist (Apps Script)', () => {
  const globals = globalThis as { structuredClone?: unknown };
  const saved = globals.structuredClone;
  beforeAll(() => {
    delete globals.structuredClone;
  });
  afterAll(() => {
    globals.structuredClone = saved;
  });

  it('applies rules and charts and describes itself, with copies the caller cannot change', async () => {
    expect(typeof globals.structuredClone).toBe('undefined');
    const wb = new MemoryWorkbook({ sheets: [{ name: 'Клиенты', header: ['Клиент', 'Город'], rows: [['Иванов', 'Москва']] }] });
    const rule = { type: 'list' as const, values: ['Москва', 'Казань'] };
    await wb.apply([
      { kind: 'setValidation', sheet: 'Клиенты', column: 2, fromRow: 2, toRow: 10, rule, strict: true },
      { kind: 'addChart', sheet: 'Клиенты', chart: { type: 'bar', title: 'Города', categories: { column: 2, fromRow: 2, toRow: 2 }, series: [{ name: 'n', values: { column: 1, fromRow: 2, toRow: 2 } }], anchor: { row: 1, column: 4 }, width: 300, height: 200 } },
    ]);
    rule.values.push('Тверь');
    const state = wb.state().sheets[0];
    expect(state.validations.map((v) => v.rule)).toEqual([{ type: 'list', values: ['Москва', 'Казань'] }]);
    expect(state.charts[0].title).toBe('Города');
  });
});

