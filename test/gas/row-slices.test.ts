/**
 * A long operation written in slices of rows, in order, leaves the spreadsheet exactly as the operation
 * written whole: what lets a job stop between slices.
 */
import { rowCount, type RowOperation } from '../../appsscript/src/gateway/row-slices';
import type { SpreadsheetAppWorkbook } from '../../appsscript/src/gateway/spreadsheet-app-workbook';
import type { CellValue, WorkbookSnapshot } from '../../src/workbook/snapshot';
import { workbookState } from '../fakes/gas/state';
import { fakeSpreadsheetFrom, gatewayOver } from '../fakes/gas/workbook';

const initial = (): WorkbookSnapshot => ({
  sheets: [
    { name: 'Клиенты', header: ['ID', 'Клиент', 'Телефон'], rows: Array.from({ length: 12 }, (_, i) => [`К-${i + 1}`, `Клиент ${i + 1}`, `8 (912) 345-67-${String(i).padStart(2, '0')}`]) },
    { name: 'ABC', header: ['старое', 'содержимое', 'листа', 'шире'], rows: Array.from({ length: 40 }, (_, i) => [i, i, i, i]) },
  ],
});

function inSlices(gateway: SpreadsheetAppWorkbook, op: RowOperation, size: number): number {
  const appendAt = op.kind === 'appendRows' ? gateway.appendRowOf(op.sheet) : undefined;
  let slices = 0;
  for (let from = 0; from === 0 || from < rowCount(op); from += size, slices++) {
    gateway.applyRows(op, { from, to: Math.min(from + size, rowCount(op)), appendAt });
  }
  return slices;
}

async function expectSlicesLikeWhole(prepare: RowOperation[], op: RowOperation, size: number) {
  const whole = fakeSpreadsheetFrom(initial());
  await gatewayOver(whole).apply([...prepare, op]);
  const sliced = fakeSpreadsheetFrom(initial());
  const gateway = gatewayOver(sliced);
  await gateway.apply(prepare);
  const slices = inSlices(gateway, op, size);
  expect(slices).toBe(Math.max(1, Math.ceil(rowCount(op) / size)));
  expect(workbookState(sliced)).toEqual(workbookState(whole));
}

const day = (d: number) => new Date(Date.UTC(2024, 0, d));
const row = (i: number): CellValue[] => (i % 7 === 3 ? [`=HYPERLINK("x","${i}")`] : [`Клиент ${i}`, i * 1.5, day((i % 31) + 1), i % 2 === 0]);

describe('row slices', () => {
  it('writeTable with replace: cleared on the first slice only, formatted and filtered on the last', async () => {
    const previous: RowOperation = { kind: 'writeTable', sheet: 'ABC', replace: true, header: ['a', 'b'], rows: [[1, 2]], table: { name: 'Old' } };
    await expectSlicesLikeWhole([previous], {
      kind: 'writeTable',
      sheet: 'ABC',
      replace: true,
      header: ['Клиент', 'Сумма', 'Дата', 'Флаг'],
      rows: Array.from({ length: 23 }, (_, i) => row(i)),
      numberFormats: [null, '#,##0.00', 'dd.mm.yyyy', null],
      columnWidths: [30, null, 12, null],
      freezeHeader: true,
      table: { name: 'ABC' },
      headerFill: '#DDEBF7',
    }, 5);
  });

  it('writeTable at an anchor without replace, into a new sheet', async () => {
    await expectSlicesLikeWhole([], { kind: 'writeTable', sheet: 'Новый', replace: false, anchor: { row: 3, column: 2 }, header: ['x'], rows: Array.from({ length: 11 }, (_, i) => row(i)), autoFilter: true }, 4);
  });

  it('writeTable with no rows is one slice', async () => {
    await expectSlicesLikeWhole([], { kind: 'writeTable', sheet: 'ABC', replace: true, header: ['Клиент'], rows: [] }, 4);
  });

  it('appendRows keeps its rows in place even when a slice ends with empty rows', async () => {
    const rows = Array.from({ length: 14 }, (_, i): CellValue[] => (i % 5 === 4 || i % 5 === 3 ? [null, null] : row(i)));
    await expectSlicesLikeWhole([], { kind: 'appendRows', sheet: 'Клиенты', rows, numberFormats: [null, '0.0', 'dd.mm.yyyy'] }, 5);
  });

  it('writeColumns with a new header and cells left alone across slice edges', async () => {
    const values = (f: (i: number) => CellValue) => Array.from({ length: 12 }, (_, i) => (i % 4 === 1 || i === 5 ? undefined : f(i)));
    await expectSlicesLikeWhole([], {
      kind: 'writeColumns',
      sheet: 'Клиенты',
      columns: [
        { column: 4, header: 'Заказов', values: values((i) => i), numberFormat: '0' },
        { column: 5, header: 'Последний заказ', values: values((i) => day(i + 1)), numberFormat: 'dd.mm.yyyy' },
        { column: 1, values: Array.from({ length: 12 }, (_, i) => (i > 9 ? `К-new-${i}` : undefined)) },
      ],
    }, 5);
  });
});
