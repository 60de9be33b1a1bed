/**
 * The two readers (ExcelJS's whole-file model, and the fast sheet-data reader used for big files) must
 * describe the same file the same way, for every kind of cell a user's file may hold.
 */
import * as ExcelJS from 'exceljs';
import { xlsxFromBuffer } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';

async function everyKindOfCell(date1904: boolean): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.properties.date1904 = date1904;
  const ws = book.addWorksheet('Разное', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(['Вид', 'Значение']);
  ws.addRow(['rich text', { richText: [{ text: 'ООО ' }, { font: { bold: true }, text: '«Ромашка»' }] }]);
  ws.addRow(['error', { error: '#N/A' }]);
  ws.addRow(['hyperlink', { text: 'сайт', hyperlink: 'http://example.ru' }]);
  ws.addRow(['formula text', { formula: 'A1&"!"', result: 'Вид!' }]);
  ws.addRow(['formula number', { formula: '2*3', result: 6 }]);
  ws.addRow(['formula date', { formula: 'DATE(2024,2,29)', result: new Date(Date.UTC(2024, 1, 29)) }]);
  ws.addRow(['date', new Date(Date.UTC(2024, 11, 31, 23, 59, 59))]);
  ws.addRow(['boolean', false]);
  ws.addRow(['escaped', 'a < b & "c" > \'d\'']);
  ws.addRow(['spaces', '  ведущие и хвостовые  ']);
  ws.addRow(['negative', -1234.56]);
  ws.getCell('B7').numFmt = 'dd.mm.yyyy';
  ws.getCell('B8').numFmt = 'dd.mm.yyyy hh:mm:ss';
  ws.getCell('B12').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF9999' } };
  ws.getCell('B12').font = { italic: true };
  ws.getRow(11).hidden = true;
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe.each([false, true])('both readers, date1904 = %s', (date1904) => {
  it('read every kind of cell alike', async () => {
    const data = await everyKindOfCell(date1904);
    const whole = await XlsxWorkbook.fromBuffer(data);
    const fast = await xlsxFromBuffer(data);
    expect(fast.state()).toEqual(whole.state());
    const rows = Object.fromEntries((await fast.read()).sheets[0].rows.map((r) => [r[0], r[1]]));
    expect(rows).toEqual({
      'rich text': 'ООО «Ромашка»',
      error: '#N/A',
      hyperlink: 'сайт',
      'formula text': 'Вид!',
      'formula number': 6,
      'formula date': new Date(Date.UTC(2024, 1, 29)),
      date: new Date(Date.UTC(2024, 11, 31, 23, 59, 59)),
      boolean: false,
      escaped: 'a < b & "c" > \'d\'',
      spaces: '  ведущие и хвостовые  ',
      negative: -1234.56,
    });
    const sheet = fast.state().sheets[0];
    expect(sheet.formulaCells).toEqual(['B5', 'B6', 'B7']);
    expect(sheet.hiddenRows).toEqual([11]);
    expect(sheet.fills).toEqual({ B12: '#FF9999' });
    expect(sheet.frozenRows).toBe(1);
    expect(fast.sheets[0].hostStyles[11][1]).toMatchObject({ font: { italic: true } });
  });
});
