/**
 * Formulas filled down are stored as one shared formula: the master cell has the text, the others only
 * point at it. Every cell must still read as its own formula (ExcelJS's streaming reader gets them empty).
 */
import * as ExcelJS from 'exceljs';
import { xlsxFromBuffer, xlsxToBuffer } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { slideFormula } from '../../src/xlsx/shared-formula';

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
    ['fast reader (package-reader.ts, the CLI\'s and the page\'s)', xlsxFromBuffer],
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

describe('a follower of a shared formula', () => {
  // ExcelJS's own translation, the reference for formulas without string literals.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const excelJs = require('exceljs/lib/utils/shared-formula') as { slideFormula(formula: string, from: string, to: string): string };
  const formulas = ['A2*B2', '$A2*B$2+$C$3', 'SUM(A2:C2)/COUNT($A$2:A2)', 'LOG10(B2)+ATAN2(A2,B2)', 'VLOOKUP(A2,Услуги!$A$2:$C$50,3,FALSE)', "'Лист 1'!B2+Sheet2!C3", 'IF(AA10>0,ZZ5,XEA1)'];

  it.each(formulas)('moves as in ExcelJS: %s', (formula) => {
    for (const to of ['C5', 'B2', 'AB40']) expect(slideFormula(formula, 'B2', to)).toBe(excelJs.slideFormula(formula, 'B2', to));
  });

  it('leaves text in quotes as it is and turns a reference moved off the grid into #REF!', () => {
    expect(slideFormula('IF(A2="B2";"C3 "&A2;"")', 'A2', 'A4')).toBe('IF(A4="B2";"C3 "&A4;"")');
    expect(slideFormula('A2-A1', 'B2', 'B1')).toBe('A1-#REF!');
    expect(slideFormula('XFD1+A1', 'A1', 'B1')).toBe('#REF!+B1');
  });
});
