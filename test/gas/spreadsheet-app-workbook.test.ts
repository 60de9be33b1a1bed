/**
 * What the contract suite does not pin down: round trips to SpreadsheetApp per block, the time zone, and
 * the literal-text rule against the fake's Sheets-like parsing of typed strings.
 */
import { SpreadsheetClock } from '../../appsscript/src/gateway/clock';
import { ROWS_PER_BLOCK } from '../../appsscript/src/gateway/blocks';
import { FakeSpreadsheet } from '../fakes/gas/spreadsheet';
import { workbookState } from '../fakes/gas/state';
import { fakeUtilities } from '../fakes/gas/utilities';
import type { SheetOperation } from '../../src/workbook/operations';
import { fakeSpreadsheetFrom, gatewayOver } from '../fakes/gas/workbook';

const clients = (n: number) => ({
  sheets: [{ name: 'Клиенты', header: ['ID', 'Клиент', 'Заказов', 'Выручка'], rows: Array.from({ length: n }, (_, i) => [`К-${i + 1}`, `Клиент ${i + 1}`, null, null]) }],
});

describe('SpreadsheetAppWorkbook', () => {
  it('reads a sheet with one getValues per block of rows, never per cell', async () => {
    const spreadsheet = fakeSpreadsheetFrom(clients(ROWS_PER_BLOCK + 10));
    spreadsheet.sheets[0].maxRows = ROWS_PER_BLOCK + 100;
    const snapshot = await gatewayOver(spreadsheet).read();
    expect(snapshot.sheets[0].rows).toHaveLength(ROWS_PER_BLOCK + 10);
    expect(spreadsheet.calls.getValues).toBe(2);
  });

  it('writes adjacent managed columns as one setValues per run of rows', async () => {
    const spreadsheet = fakeSpreadsheetFrom(clients(300));
    await gatewayOver(spreadsheet).apply([
      { kind: 'writeColumns', sheet: 'Клиенты', columns: [
        { column: 3, values: Array.from({ length: 300 }, (_, i) => i), numberFormat: '0' },
        { column: 4, values: Array.from({ length: 300 }, (_, i) => i * 10.5), numberFormat: '#,##0.00' },
        // an ID column with gaps: only the two runs of missing IDs are written
        { column: 1, values: Array.from({ length: 300 }, (_, i) => (i < 5 || i >= 295 ? `К-new-${i}` : undefined)) },
      ] },
    ]);
    expect(spreadsheet.calls.setValues).toBe(3);
    const state = workbookState(spreadsheet).sheets[0];
    expect(state.values[6]).toEqual(['К-6', 'Клиент 6', 5, 52.5]);
    expect(state.values[1][0]).toBe('К-new-0');
    expect(state.numberFormats.D301).toBe('#,##0.00');
  });

  it('reads dates as the wall-clock time the spreadsheet shows, in any zone, and writes them back the same', async () => {
    for (const zone of ['Europe/Moscow', 'America/New_York', 'Asia/Kamchatka']) {
      const evening = new Date(Date.UTC(2024, 2, 31, 23, 30));
      const spreadsheet = fakeSpreadsheetFrom({ sheets: [{ name: 'Заказы', header: ['Дата'], rows: [[evening]] }] }, zone);
      const wb = gatewayOver(spreadsheet);
      expect((await wb.read()).sheets[0].rows[0][0]).toEqual(evening);
      await wb.apply([{ kind: 'appendRows', sheet: 'Заказы', rows: [[new Date(Date.UTC(2023, 11, 31))]] }]);
      expect((await wb.read()).sheets[0].rows[1][0]).toEqual(new Date(Date.UTC(2023, 11, 31)));
      expect(spreadsheet.sheets[0].getRange(3, 1).getDisplayValues()).toEqual([['31.12.2023']]);
    }
  });

  it('keeps strings the fake (like Sheets) would turn into formulas, numbers, dates or booleans as text', async () => {
    const tricky = ['=HYPERLINK("http://x","y")', '+7 912 345-67-89', '-5', '@SUM(A1)', '01.02.2024', '1\u00a0234,56', 'TRUE', "'quoted", '8 (912) 345-67-89', 'ООО «Ромашка»'];
    const spreadsheet = new FakeSpreadsheet();
    // the hostile fake really does reinterpret them when nothing protects them
    spreadsheet.addSheetWithValues('Сырое', [['x']]);
    spreadsheet.sheets[0].getRange(1, 1, tricky.length, 1).setValues(tricky.map((t) => [t]));
    expect(workbookState(spreadsheet).sheets[0].formulaCells.length).toBeGreaterThan(0);

    const wb = gatewayOver(spreadsheet);
    await wb.apply([{ kind: 'writeTable', sheet: 'Текст', replace: true, header: ['Значение'], rows: tricky.map((t) => [t]) }]);
    expect((await wb.read(['Текст'])).sheets[0].rows.map((r) => r[0])).toEqual(tricky);
    const state = workbookState(spreadsheet).sheets.find((s) => s.name === 'Текст')!;
    expect(state.formulaCells).toEqual([]);
    expect(state.numberFormats).toEqual({});
  });

  it('asks Utilities for the zone offset once per hour of dates, not per cell', () => {
    const formatDate = jest.fn(fakeUtilities.formatDate);
    const clock = new SpreadsheetClock('Europe/Moscow', formatDate);
    const base = Date.UTC(2024, 0, 1, 10);
    for (let i = 0; i < 100; i++) clock.toWall(new Date(base + i * 1000));
    expect(formatDate).toHaveBeenCalledTimes(1);
  });

  it('grows the grid for a validation past the last row and replaces only its own colour rules', async () => {
    const spreadsheet = fakeSpreadsheetFrom(clients(3));
    const wb = gatewayOver(spreadsheet);
    await wb.apply([
      { kind: 'setValidation', sheet: 'Клиенты', column: 3, fromRow: 2, toRow: 5001, rule: { type: 'number', min: 0 }, strict: true },
      { kind: 'colourCells', sheet: 'Клиенты', column: 3, fromRow: 2, toRow: 5001, rules: [{ when: { atLeast: 60 }, fill: '#FF9999' }] },
      { kind: 'colourCells', sheet: 'Клиенты', column: 3, fromRow: 2, toRow: 5001, wholeRow: true, rules: [{ when: { atLeast: 60 }, fill: '#FF9999' }] },
      { kind: 'colourCells', sheet: 'Клиенты', column: 3, fromRow: 2, toRow: 5001, rules: [{ when: { atMost: 0 }, fill: '#BFBFBF' }] },
    ]);
    expect(spreadsheet.sheets[0].maxRows).toBe(5001);
    const formats = workbookState(spreadsheet).sheets[0].conditionalFormats;
    expect(formats).toEqual([
      { range: 'A2:D5001', testColumn: 'C', rules: [{ when: { atLeast: 60 }, fill: '#FF9999' }] },
      { range: 'C2:C5001', rules: [{ when: { atMost: 0 }, fill: '#BFBFBF' }] },
    ]);
  });

  it('a table is a filter with alternating colours, and a rerun replaces both', async () => {
    const spreadsheet = new FakeSpreadsheet();
    const wb = gatewayOver(spreadsheet);
    const op: SheetOperation = { kind: 'writeTable', sheet: 'ABC', replace: false, header: ['Клиент', 'Класс'], rows: [['А', 'A']], table: { name: 'ABC' } };
    await wb.apply([op]);
    await wb.apply([op]);
    const sheet = spreadsheet.sheets[0];
    expect(sheet.bandings.map((b) => b.getRange().getA1Notation())).toEqual(['A1:B2']);
    expect(sheet.filter?.getRange().getA1Notation()).toBe('A1:B2');
  });
});
