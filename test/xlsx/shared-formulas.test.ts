/**
 * Formulas filled down are stored as one shared formula: the master cell has the text, the others only
 * point at it. Every cell must still read as its own formula (ExcelJS's streaming reader gets them empty).
 */
import * as ExcelJS from 'exceljs';
import { xlsxFromBuffer, xlsxToBuffer } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';

async function filledDownBook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Заказы');
  ws.addRow(['Кол-во', 'Цена', 'Сумма']);
  ws.addRow([2, 10]);
  ws.addRow([3, 20]);
  ws.addRow([1, 5]);
  ws.addRow(['/', 'текст']);
  ws.fillFormula('C2:C4', 'A2*B2', [20, 60, 5]);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('shared formulas', () => {
  it.each([
    ['fast reader (node.ts)', xlsxFromBuffer],
    ['whole-file reader', (data: Uint8Array) => XlsxWorkbook.fromBuffer(data)],
  ])('are read as formulas, each with its own references, by the %s', async (_label, open) => {
    const wb = await open(await filledDownBook());
    const sheet = wb.sheets[0];
    expect(sheet.formulas.slice(1, 4).map((row) => row[2])).toEqual(['A2*B2', 'A3*B3', 'A4*B4']);
    expect((await wb.read()).sheets[0].rows.map((r) => r[2] ?? null)).toEqual([20, 60, 5, null]);
    const again = await xlsxFromBuffer(await xlsxToBuffer(wb));
    expect(again.state().sheets[0].formulaCells).toEqual(['C2', 'C3', 'C4']);
  });
});
