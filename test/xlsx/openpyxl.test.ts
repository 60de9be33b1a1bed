/**
 * The .xlsx we write, opened by an independent reader (openpyxl): validations present and pointing at the
 * right ranges, status fills as conditional formats, static fills, the frozen header, and user strings that
 * look like formulas stored as strings (data type 's', never 'f'). Both writers are checked.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { FUNNEL_STATUSES } from '../../src/core/statuses';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import type { SheetOperation } from '../../src/workbook/operations';
import { describeWithTool } from '../support/tools';
import { inspectWithOpenpyxl, XLSX_WRITERS } from './openpyxl-reader';

interface PyCell { ref: string; value: unknown; type: string; format: string; fill: string | null }
interface PyValidation { sqref: string; type: string; operator: string | null; formula1: string | null; formula2: string | null; errorStyle: string | null; error: string | null; prompt: string | null; allowBlank: boolean }
interface PyRule { sqref: string; type: string; operator: string | null; formula: string[]; fill: string | null; font: string | null }
interface PySheet { name: string; state: string; freeze: string | null; autoFilter: string | null; hiddenRows: number[]; cells: PyCell[]; validations: PyValidation[]; conditional: PyRule[] }

const FORMULA_LIKE = ['=HYPERLINK("http://x","y")', '+7 912 345-67-89', '-5', '@SUM(A1)'];
const SERVICES = Array.from({ length: 20 }, (_, i) => `Услуга ${i + 1}`);
const CITIES = Array.from({ length: 40 }, (_, i) => `Город «${i}», область`);
const STATUSES = FUNNEL_STATUSES.map((s) => s.ru);

function sourceWorkbook(): XlsxWorkbook {
  return XlsxWorkbook.fromSnapshot({
    sheets: [
      { name: 'Услуги', header: ['Услуга', 'Цена'], rows: SERVICES.map((s, i) => [s, 1000 * (i + 1)]) },
      {
        name: 'Клиенты',
        header: ['ID', 'Клиент', 'Телефон', 'E-mail', 'Город', 'Статус', 'Услуга', 'Дата', 'Дней'],
        rows: [
          ['К-00001', FORMULA_LIKE[0], FORMULA_LIKE[1], 'a@b.ru', CITIES[0], 'Золотой', 'Услуга 1', new Date(Date.UTC(2024, 0, 31)), 75],
          ['К-00002', 'ООО «Ромашка»', '8 (912) 345-67-89', FORMULA_LIKE[3], CITIES[1], 'Белый', 'Услуга 2', new Date(Date.UTC(2024, 1, 29, 23, 59)), 3],
          ['К-00003', FORMULA_LIKE[2], null, null, null, 'Платиновый', null, null, null],
        ],
      },
    ],
  });
}

const PLAN: SheetOperation[] = [
  { kind: 'setValidation', sheet: 'Клиенты', column: 6, fromRow: 2, toRow: 101, rule: { type: 'list', values: STATUSES }, strict: true, errorMessage: 'Выберите статус из списка' },
  { kind: 'setValidation', sheet: 'Клиенты', column: 7, fromRow: 2, toRow: 101, rule: { type: 'listRange', source: { sheet: 'Услуги', column: 1, fromRow: 2, toRow: 21 } }, strict: true },
  { kind: 'setValidation', sheet: 'Клиенты', column: 8, fromRow: 2, toRow: 101, rule: { type: 'date', min: '2000-01-01' }, strict: false, prompt: 'Дата дд.мм.гггг' },
  { kind: 'setValidation', sheet: 'Клиенты', column: 4, fromRow: 2, toRow: 101, rule: { type: 'custom', formula: 'ISNUMBER(SEARCH("@",D2))' }, strict: false },
  { kind: 'setValidation', sheet: 'Клиенты', column: 5, fromRow: 2, toRow: 101, rule: { type: 'list', values: CITIES }, strict: false },
  { kind: 'colourCells', sheet: 'Клиенты', column: 6, fromRow: 2, toRow: 101, rules: FUNNEL_STATUSES.map((s) => ({ when: { equals: s.ru }, fill: s.fill, fontColour: s.font })) },
  { kind: 'colourCells', sheet: 'Клиенты', column: 9, fromRow: 2, toRow: 101, rules: [{ when: { atLeast: 60 }, fill: '#FF9999' }] },
  { kind: 'formatSheet', sheet: 'Клиенты', freezeHeader: true, autoFilter: true },
  { kind: 'writeTable', sheet: 'ABC', replace: true, header: ['Клиент', 'Класс'], rows: [[FORMULA_LIKE[0], 'A'], ['-5', 'B']], freezeHeader: true, headerFill: '#D9E1F2' },
  { kind: 'highlightRows', sheet: 'ABC', rows: [3], fill: '#C6EFCE' },
  { kind: 'appendRows', sheet: 'Клиенты', rows: [['К-00004', '@SUM(A1)', '+7 912 345-67-89']] },
];

const inspect = (path: string) => inspectWithOpenpyxl<PySheet>(path);

describeWithTool('openpyxl', '.xlsx read by openpyxl', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-openpyxl-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe.each(XLSX_WRITERS)('%s', (label, write) => {
    let sheets: PySheet[];
    const sheet = (name: string) => sheets.find((s) => s.name === name)!;
    const cell = (name: string, ref: string) => sheet(name).cells.find((c) => c.ref === ref);

    beforeAll(async () => {
      const wb = sourceWorkbook();
      await wb.apply(PLAN);
      const path = join(dir, `${label.replace(/\W+/g, '-')}.xlsx`);
      await write(wb, path);
      sheets = inspect(path);
    });

    it('keeps formula-like user strings as strings, never formulas', () => {
      const stringCells = ['Клиенты!B2', 'Клиенты!C2', 'Клиенты!D3', 'Клиенты!B4', 'Клиенты!B5', 'Клиенты!C5', 'ABC!A2', 'ABC!A3'];
      for (const address of stringCells) {
        const [name, ref] = address.split('!');
        const c = cell(name, ref)!;
        expect({ address, type: c.type, format: c.format }).toEqual({ address, type: 's', format: '@' });
      }
      expect(cell('Клиенты', 'B2')!.value).toBe('=HYPERLINK("http://x","y")');
      expect(cell('Клиенты', 'C2')!.value).toBe('+7 912 345-67-89');
      expect(cell('Клиенты', 'B4')!.value).toBe('-5');
      expect(cell('Клиенты', 'D3')!.value).toBe('@SUM(A1)');
      expect(sheets.flatMap((s) => s.cells).filter((c) => c.type === 'f')).toEqual([]);
    });

    it('writes Russian text, numbers and dates with their types', () => {
      expect(cell('Клиенты', 'B3')).toMatchObject({ value: 'ООО «Ромашка»', type: 's' });
      expect(cell('Клиенты', 'C3')).toMatchObject({ value: '8 (912) 345-67-89', type: 's' });
      expect(cell('Клиенты', 'H2')).toMatchObject({ value: '2024-01-31T00:00:00', type: 'd', format: 'dd.mm.yyyy' });
      expect(cell('Клиенты', 'H3')).toMatchObject({ value: '2024-02-29T23:59:00', format: 'dd.mm.yyyy hh:mm' });
      expect(cell('Клиенты', 'I2')).toMatchObject({ value: 75, type: 'n' });
    });

    it('puts each validation on its range with its rule', () => {
      const bySqref = Object.fromEntries(sheet('Клиенты').validations.map((v) => [v.sqref, v]));
      expect(Object.keys(bySqref).sort()).toEqual(['D2:D101', 'E2:E101', 'F2:F101', 'G2:G101', 'H2:H101']);
      expect(bySqref['F2:F101']).toMatchObject({ type: 'list', formula1: `"${STATUSES.join(',')}"`, errorStyle: 'stop', error: 'Выберите статус из списка' });
      expect(bySqref['G2:G101']).toMatchObject({ type: 'list', formula1: "'Услуги'!$A$2:$A$21", errorStyle: 'stop' });
      expect(bySqref['H2:H101']).toMatchObject({ type: 'date', operator: 'greaterThanOrEqual', formula1: '36526', errorStyle: 'warning', prompt: 'Дата дд.мм.гггг' });
      expect(bySqref['D2:D101']).toMatchObject({ type: 'custom', formula1: 'ISNUMBER(SEARCH("@",D2))', errorStyle: 'warning' });
    });

    it('puts a list Excel cannot inline on a very hidden helper sheet and points at it', () => {
      const cities = sheet('Клиенты').validations.find((v) => v.sqref === 'E2:E101')!;
      expect(cities.type).toBe('list');
      expect(cities.formula1).toBe(`'_crm_lists'!$A$1:$A$${CITIES.length}`);
      const helper = sheet('_crm_lists');
      expect(helper.state).toBe('veryHidden');
      expect(helper.cells.map((c) => c.value)).toEqual(CITIES);
    });

    it('colours statuses with conditional formats carrying each status fill', () => {
      const status = sheet('Клиенты').conditional.filter((r) => r.sqref === 'F2:F101');
      expect(status).toHaveLength(FUNNEL_STATUSES.length);
      const gold = status.find((r) => r.formula[0] === '"Золотой"')!;
      expect(gold).toMatchObject({ type: 'cellIs', operator: 'equal', fill: 'FFFFD966', font: 'FF000000' });
      const cold = sheet('Клиенты').conditional.find((r) => r.sqref === 'I2:I101')!;
      expect(cold).toMatchObject({ type: 'cellIs', operator: 'greaterThanOrEqual', formula: ['60'], fill: 'FFFF9999' });
    });

    it('writes static fills, the frozen header and the autofilter', () => {
      expect(cell('ABC', 'A1')!.fill).toBe('FFD9E1F2');
      expect(cell('ABC', 'B3')!.fill).toBe('FFC6EFCE');
      expect(cell('ABC', 'A2')!.fill).toBeNull();
      expect(sheet('ABC').freeze).toBe('A2');
      expect(sheet('Клиенты').freeze).toBe('A2');
      expect(sheet('Клиенты').autoFilter).toBe('A1:I4');
      expect(sheets.map((s) => s.name)).toEqual(['Услуги', 'Клиенты', 'ABC', '_crm_lists']);
    });
  });
});
