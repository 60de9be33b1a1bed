import { checkHostLimits, hostLimitExcesses, HostLimitError } from '../host-limits';
import type { SheetOperation } from '../../workbook/operations';
import type { CellValue, WorkbookSnapshot } from '../../workbook/snapshot';
import { EXCEL_LIMITS, GOOGLE_SHEETS_LIMITS } from '../../workbook/workbook';

/** `count` rows that are one shared array: a million of them cost nothing. */
function rows(count: number, row: CellValue[] = ['x']): CellValue[][] {
  return new Array<CellValue[]>(count).fill(row);
}

/** A structured Orders sheet holding `dataRows` rows below its header. */
function ordersBook(dataRows: number): WorkbookSnapshot {
  return {
    sheets: [
      { name: 'Клиенты', header: ['ID', 'Клиент'], rows: [['К-00001', 'Иванов']] },
      { name: 'Заказы', header: ['Дата', 'ID клиента', 'Сумма'], rows: rows(dataRows, [new Date(Date.UTC(2025, 0, 1)), 'К-00001', 100]) },
    ],
  };
}

const append = (count: number): SheetOperation => ({ kind: 'appendRows', sheet: 'Заказы', rows: rows(count) });

describe('Excel: 1,048,576 rows × 16,384 columns per sheet', () => {
  it('refuses an import that runs the Orders sheet past the last row, saying by how much', () => {
    const snapshot = ordersBook(15_000);
    // 15,001 rows are there; 1,033,575 more is exactly the last row, one more is too many.
    expect(hostLimitExcesses(snapshot, [append(1_033_575)], EXCEL_LIMITS)).toEqual([]);
    expect(hostLimitExcesses(snapshot, [append(1_600_000)], EXCEL_LIMITS)).toEqual([
      { sheet: 'Заказы', measure: 'rows', needed: 1_615_001, limit: 1_048_576 },
    ]);
  });

  it('counts the rows a rule reaches as well as the rows holding values', () => {
    const rule: SheetOperation = { kind: 'setValidation', sheet: 'Заказы', column: 1, fromRow: 2, toRow: 1_050_000, rule: { type: 'date' }, strict: true };
    expect(hostLimitExcesses(ordersBook(10), [rule], EXCEL_LIMITS)).toEqual([{ sheet: 'Заказы', measure: 'rows', needed: 1_050_000, limit: 1_048_576 }]);
  });

  it('refuses a column past XFD', () => {
    const write: SheetOperation = { kind: 'writeColumns', sheet: 'Клиенты', columns: [{ column: 16_385, header: 'ABC', values: [] }] };
    expect(hostLimitExcesses(ordersBook(1), [write], EXCEL_LIMITS)).toEqual([{ sheet: 'Клиенты', measure: 'columns', needed: 16_385, limit: 16_384 }]);
  });

  it('lets rows deleted first make room for the rows appended after', () => {
    const snapshot = ordersBook(1_048_575);
    const remove: SheetOperation = { kind: 'deleteRows', sheet: 'Заказы', rows: [2, 3, 3] };
    expect(hostLimitExcesses(snapshot, [append(2)], EXCEL_LIMITS)).toHaveLength(1);
    expect(hostLimitExcesses(snapshot, [remove, append(2)], EXCEL_LIMITS)).toEqual([]);
  });
});

describe('Google Sheets: 10,000,000 cells per spreadsheet', () => {
  it('counts the cells of every sheet together, and a replaced table by its new size', () => {
    // 3 columns × 3,000,001 rows on Orders and 2 × 2 on Clients: 9,000,007 cells fit.
    const snapshot = ordersBook(3_000_000);
    expect(hostLimitExcesses(snapshot, [], GOOGLE_SHEETS_LIMITS)).toEqual([]);
    const summary: SheetOperation = { kind: 'writeTable', sheet: 'Сводка', replace: false, header: ['a', 'b'], rows: rows(500_000, ['x', 1]) };
    expect(hostLimitExcesses(snapshot, [summary], GOOGLE_SHEETS_LIMITS)).toEqual([
      { sheet: null, measure: 'cells', needed: 9_000_007 + 2 * 500_001, limit: 10_000_000 },
    ]);
    const replaced: SheetOperation = { kind: 'writeTable', sheet: 'Заказы', replace: true, header: ['a'], rows: rows(10) };
    expect(hostLimitExcesses(snapshot, [replaced, summary], GOOGLE_SHEETS_LIMITS)).toEqual([]);
  });

  it('has no row limit of its own: a tall narrow sheet within the cells fits', () => {
    const tall: WorkbookSnapshot = { sheets: [{ name: 'Заказы', header: ['Дата'], rows: rows(2_000_000) }] };
    expect(hostLimitExcesses(tall, [], GOOGLE_SHEETS_LIMITS)).toEqual([]);
    expect(hostLimitExcesses(tall, [], EXCEL_LIMITS)).toHaveLength(1);
  });
});

describe('the refusal', () => {
  it('names the sheet, the host, the sizes and the way out, in the workbook language', () => {
    const refuse = (language: 'ru' | 'en') => () => checkHostLimits(ordersBook(15_000), [append(1_600_000)], EXCEL_LIMITS, language, true);
    expect(refuse('ru')).toThrow(HostLimitError);
    expect(refuse('ru')).toThrow(/«Заказы».*1\s615\s001 строка, а Excel вмещает 1\s048\s576 \(на 566\s425 больше\).*--since ГГГГ-ММ-ДД.*сводном/);
    expect(refuse('en')).toThrow(/"Заказы" would have 1,615,001 rows; Excel holds 1,048,576 \(566,425 too many\).*--since YYYY-MM-DD.*aggregated/);
  });

  it('offers an import a date range, and any other plan a smaller workbook', () => {
    expect(() => checkHostLimits(ordersBook(15_000), [append(1_600_000)], EXCEL_LIMITS, 'ru', true)).toThrow(/--since/);
    const other = () => checkHostLimits(ordersBook(15_000), [append(1_600_000)], EXCEL_LIMITS, 'en');
    expect(other).toThrow(/The workbook is nearly full: move old orders to a separate file/);
    expect(other).not.toThrow(/--since/);
  });

  it('does not throw for a plan that fits', () => {
    expect(() => checkHostLimits(ordersBook(10), [append(10)], EXCEL_LIMITS, 'ru')).not.toThrow();
  });
});
