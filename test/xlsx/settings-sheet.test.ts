/**
 * The settings sheet as an owner opens it: Russian labels and values, the stable keys in a hidden last
 * column (openpyxl sees the column hidden), and the file read back by the product gives the same settings.
 */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { createActions } from '../../src/actions/local';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { describeWithTool } from '../support/tools';
import { inspectWithOpenpyxl, XLSX_WRITERS } from './openpyxl-reader';

interface PySheet { name: string; hiddenColumns: number[]; cells: Array<{ ref: string; value: unknown }> }


function russianBook(): XlsxWorkbook {
  return XlsxWorkbook.fromSnapshot({
    sheets: [
      { name: 'Услуги', header: ['Услуга', 'Цена'], rows: [['Стрижка', 1500]] },
      { name: 'Клиенты', header: ['Клиент', 'Телефон', 'Услуга'], rows: [['ООО «Ромашка»', '8 (912) 345-67-89', 'Стрижка']] },
    ],
  });
}

describeWithTool('openpyxl', 'the settings sheet in an .xlsx, read by openpyxl', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-settings-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(XLSX_WRITERS)('%s: labels and values in Russian, keys hidden, the same settings read back', async (label, write) => {
    const workbook = russianBook();
    const actions = createActions(workbook);
    await actions.run('structure');
    const chosen = { ...DEFAULT_SETTINGS, coldDays: 45, duplicateSensitivity: 'loose' as const, rfmMode: 'fixed' as const };
    await actions.saveSettings(chosen);
    const path = join(dir, `${label.replace(/\W+/g, '-')}.xlsx`);
    await write(workbook, path);

    const settings = inspectWithOpenpyxl<PySheet>(path).find((s) => s.name === 'Настройки')!;
    const at = (ref: string) => settings.cells.find((c) => c.ref === ref)?.value;
    expect(['A1', 'B1', 'C1', 'D1'].map(at)).toEqual(['Настройка', 'Значение', 'Описание', 'Ключ']);
    expect(settings.hiddenColumns).toEqual([4]);
    const rows = new Map<unknown, [unknown, unknown]>();
    for (let row = 2; at(`D${row}`) !== undefined; row++) rows.set(at(`D${row}`), [at(`A${row}`), at(`B${row}`)]);
    expect(rows.get('coldDays')).toEqual(['Клиент остывает через, дней', 45]);
    expect(rows.get('duplicateSensitivity')).toEqual(['Поиск дубликатов', 'мягкий']);
    expect(rows.get('rfmMode')).toEqual(['Границы RFM', 'фиксированные']);
    expect(rows.get('language')).toEqual(['Язык листов надстройки', 'русский']);

    const reopened = createActions(await XlsxWorkbook.fromBuffer(readFileSync(path)));
    expect(await reopened.getSettings()).toMatchObject({ coldDays: 45, duplicateSensitivity: 'loose', rfmMode: 'fixed', language: 'ru' });
  });
});
