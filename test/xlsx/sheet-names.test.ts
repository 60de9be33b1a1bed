/**
 * Sheet names Excel refuses fail the write whole, naming the sheet, and leave no bytes behind; the names the
 * product writes itself pass (the contract suite adds each of them on every gateway).
 */
import { PassThrough } from 'stream';
import { xlsxToStream } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { excelSheetNameProblem } from '../../src/xlsx/sheet-names';

async function written(names: string[]): Promise<{ bytes: number; error: string | null }> {
  const book = XlsxWorkbook.fromSnapshot({ sheets: names.map((name) => ({ name, header: ['A'], rows: [['1']] })) });
  const stream = new PassThrough();
  let bytes = 0;
  stream.on('data', (chunk: Buffer) => (bytes += chunk.length));
  try {
    await xlsxToStream(book, stream);
    return { bytes, error: null };
  } catch (error) {
    return { bytes, error: (error as Error).message };
  }
}

describe('sheet names an .xlsx can hold', () => {
  it.each([
    ['Итоги: март', ': \\ / ? * [ ]'],
    ['Продажи 01/2026', ': \\ / ? * [ ]'],
    ['[черновик]', ': \\ / ? * [ ]'],
    ['History', '«History»'],
    ['history', '«History»'],
    ["'Клиенты'", 'апостроф'],
    ['   ', 'пустое'],
    ['Очень длинное название листа клиентов', '31'],
  ])('refuses «%s» before writing anything', async (name, why) => {
    const result = await written(['Клиенты', name]);
    expect(result.error).toContain(`«${name}»`);
    expect(result.error).toContain(why);
    expect(result.bytes).toBe(0);
  });

  it('takes Cyrillic, spaces, dashes, dots and an apostrophe inside', async () => {
    const names = ['Воронка — движение', 'ABC-XYZ', 'Contact history', "Клиенты Д'Артаньяна", 'План-факт 2026.1', 'Ровно тридцать один символ ....'];
    expect(names.map(excelSheetNameProblem)).toEqual(names.map(() => null));
    const result = await written(names);
    expect(result.error).toBeNull();
    expect(result.bytes).toBeGreaterThan(0);
  });
});
