/**
 * Reading an .xlsx written by another program (openpyxl) through both readers, and writing it back:
 * values, formulas, fonts and fills, hidden rows, merges, frozen panes, filters and validations survive.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { xlsxFromBuffer, xlsxFromFile, xlsxToBuffer } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { readXlsx } from '../../src/xlsx/package-reader';
import { DEBIAN_PYTHON, describeWithTool } from '../support/tools';

const readers: Array<[string, (path: string) => Promise<XlsxWorkbook>]> = [
  ['whole-file reader', async (path) => XlsxWorkbook.fromBuffer(readFileSync(path))],
  ['fast reader (node.ts)', xlsxFromFile],
  ['fast reader, parts inflated natively as in a browser', async (path) => readXlsx(readFileSync(path), { inflateNatively: true })],
];

describeWithTool('openpyxl', 'reading an .xlsx written by openpyxl', () => {
  let dir: string;
  let path: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-foreign-'));
    path = join(dir, 'book.xlsx');
    execFileSync(DEBIAN_PYTHON, [join(__dirname, 'make_openpyxl_book.py'), path]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe.each(readers)('%s', (_label, open) => {
    it('reads names, values, hidden rows and merges', async () => {
      const wb = await open(path);
      expect(await wb.sheetNames()).toEqual(['Услуги', 'Клиенты']);
      const clients = (await wb.read(['Клиенты'])).sheets[0];
      expect(clients.header).toEqual(['ID', 'Клиент', 'Дата', 'Сумма', 'Итого', 'Статус']);
      // openpyxl stores no cached results, so the formula cells read as empty.
      expect(clients.rows.slice(0, 3)).toEqual([
        ['К-1', 'ООО «Ромашка»', new Date(Date.UTC(2024, 1, 29)), 10, null, 'Золотой'],
        ['К-2', 'Скрытый', new Date(Date.UTC(2023, 11, 31, 23, 59)), -5, null, 'Белый'],
        ['К-3', '+7 912 345-67-89', null, 1234.56],
      ]);
      expect(clients.rows[4]).toEqual(['Объединено']);
      expect(clients.hiddenRows).toEqual([3]);
      expect(clients.mergedRanges).toEqual(['A6:B6']);
    });

    it('describes formulas, formats, fills, panes, filter and validations', async () => {
      const state = (await open(path)).state().sheets.find((s) => s.name === 'Клиенты')!;
      expect(state.formulaCells.sort()).toEqual(['E2', 'E3']);
      expect(state.numberFormats.D4).toBe('#,##0.00');
      expect(state.fills).toEqual({ F2: '#FFD966' });
      expect(state.frozenRows).toBe(1);
      expect(state.autoFilter).toBe('A1:F4');
      expect(state.validations).toEqual([
        { range: 'C2:C1048576', rule: { type: 'date', min: '2000-01-01' }, strict: false },
        { range: 'F2:F100', rule: { type: 'list', values: ['Белый', 'Золотой'] }, strict: true },
      ]);
    });

    it('writes the file back keeping formulas, fonts, widths and what the user hid', async () => {
      const wb = await open(path);
      await wb.apply([{ kind: 'writeColumns', sheet: 'Клиенты', columns: [{ column: 7, header: 'ABC', values: ['A', 'B', null] }] }]);
      const again = await xlsxFromBuffer(await xlsxToBuffer(wb));
      const expected = wb.state();
      // The one change: user text that looks like a formula gets the text format, so editing keeps it text.
      expected.sheets[1].numberFormats.B4 = '@';
      expect(again.state()).toEqual(expected);
      const clients = again.sheets.find((s) => s.name === 'Клиенты')!;
      expect(clients.formulas[1][4]).toBe('D2*2');
      expect(clients.hostStyles[1][1]).toMatchObject({ font: { bold: true, color: { argb: 'FF0000FF' } } });
      expect(clients.columnWidths.get(2)).toBeCloseTo(40, 0);
      // Kinds we do not model are carried through as they were.
      expect(clients.hostValidations).toEqual([{ range: 'B2:B50', host: expect.objectContaining({ type: 'list', formulae: ['Услуги_список'] }) }]);
      expect(clients.hostConditionalFormats).toEqual([{ range: 'D2:D4', host: [expect.objectContaining({ type: 'colorScale' })] }]);
      expect(again.definedNames).toEqual([{ name: 'Услуги_список', ranges: ["'Услуги'!$A$2:$A$3"] }]);
    });
  });
});
