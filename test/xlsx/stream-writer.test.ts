/**
 * The streaming .xlsx writer (book-writer.ts) read back by independent readers: openpyxl sees the same
 * values, validations, conditional formats, frozen header, autofilter, merges, column widths, hidden
 * columns and rows, tab colour, hidden sheet, defined names and styles (number formats, bold) that the
 * workbook holds, and LibreOffice opens the file and converts it.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { xlsxFromFile, xlsxToFile } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { setGridCell } from '../../src/workbook/memory';
import type { SheetOperation } from '../../src/workbook/operations';
import { describeWithTool } from '../support/tools';
import { inspectBookWithOpenpyxl } from './openpyxl-reader';

interface PyCell { ref: string; value: unknown; type: string; format: string; fill: string | null; bold: boolean }
interface PySheet {
  name: string; state: string; freeze: string | null; autoFilter: string | null; hiddenRows: number[]; hiddenColumns: number[];
  merged: string[]; widths: Record<string, number>; tabColour: string | null; cells: PyCell[];
  validations: Array<{ sqref: string; type: string; formula1: string | null; errorStyle: string | null; error: string | null }>;
  conditional: Array<{ sqref: string; operator: string | null; formula: string[]; fill: string | null }>;
}

const PLAN: SheetOperation[] = [
  { kind: 'setValidation', sheet: 'Клиенты', column: 5, fromRow: 2, toRow: 50, rule: { type: 'list', values: ['Белый', 'Золотой'] }, strict: true, errorMessage: 'Выберите статус' },
  { kind: 'setValidation', sheet: 'Клиенты', column: 4, fromRow: 2, toRow: 50, rule: { type: 'date', min: '2000-01-01' }, strict: false },
  { kind: 'colourCells', sheet: 'Клиенты', column: 3, fromRow: 2, toRow: 50, rules: [{ when: { atLeast: 1000 }, fill: '#FF9999' }] },
  { kind: 'formatSheet', sheet: 'Клиенты', freezeHeader: true, autoFilter: true },
];

/** A workbook with every part the writer writes. */
async function everyPart(): Promise<XlsxWorkbook> {
  const wb = XlsxWorkbook.fromSnapshot({
    sheets: [
      {
        name: 'Клиенты',
        header: ['ID', 'Клиент', 'Выручка', 'Дата', 'Статус', 'Активен'],
        rows: [
          ['К-1', 'ООО «Ромашка» & сыновья', 1234.5, new Date(Date.UTC(2024, 1, 29)), 'Золотой', true],
          ['К-2', '=HYPERLINK("http://x","y")', 99, new Date(Date.UTC(2023, 11, 31)), 'Белый', false],
          ['К-3', ' пробелы по краям ', 0, null, null, null],
        ],
      },
      { name: 'Итоги', header: ['Итого', '', 'Сумма'], rows: [['Всего', null, null]] },
      { name: 'Скрытый', header: ['x'], rows: [[1]] },
    ],
  });
  await wb.apply(PLAN);
  const [clients, totals, hidden] = wb.sheets;
  for (let column = 1; column <= 6; column++) setGridCell(clients.hostStyles, 1, column, { font: { bold: true } });
  for (let row = 2; row <= 4; row++) setGridCell(clients.formats, row, 3, '#,##0.00');
  clients.columnWidths.set(2, 30);
  clients.hiddenColumns.add(6);
  clients.hiddenRows.add(4);
  clients.tabColour = '#4472C4';
  setGridCell(totals.formulas, 2, 3, 'SUM(Клиенты!C2:C4)');
  setGridCell(totals.values, 2, 3, 1333.5);
  totals.mergedRanges.push('A2:B2');
  hidden.hidden = true;
  return XlsxWorkbook.fromSheets([...wb.sheets], [{ name: 'Статусы', ranges: ["'Клиенты'!$E$2:$E$4"] }]);
}

describeWithTool('openpyxl', 'the streaming writer read back by openpyxl', () => {
  let dir: string;
  let book: { sheets: PySheet[]; definedNames: Record<string, string> };
  const sheet = (name: string) => book.sheets.find((s) => s.name === name)!;
  const cell = (name: string, ref: string) => sheet(name).cells.find((c) => c.ref === ref);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-stream-writer-'));
    await xlsxToFile(await everyPart(), join(dir, 'book.xlsx'));
    book = inspectBookWithOpenpyxl<PySheet>(join(dir, 'book.xlsx'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps values, text as written and formula-like text as text, dates and a formula with its result', () => {
    expect(cell('Клиенты', 'B2')).toMatchObject({ value: 'ООО «Ромашка» & сыновья', type: 's' });
    expect(cell('Клиенты', 'B3')).toMatchObject({ value: '=HYPERLINK("http://x","y")', type: 's', format: '@' });
    expect(cell('Клиенты', 'B4')?.value).toBe(' пробелы по краям ');
    expect(cell('Клиенты', 'C2')).toMatchObject({ value: 1234.5, type: 'n', format: '#,##0.00' });
    expect(cell('Клиенты', 'D2')).toMatchObject({ value: '2024-02-29T00:00:00', type: 'd' });
    expect(cell('Клиенты', 'F2')).toMatchObject({ value: true, type: 'b' });
    expect(cell('Клиенты', 'F3')).toMatchObject({ value: false, type: 'b' });
    expect(cell('Итоги', 'C2')).toMatchObject({ value: '=SUM(Клиенты!C2:C4)', type: 'f' });
  });

  it('keeps bold headers and plain cells plain', () => {
    for (const ref of ['A1', 'B1', 'F1']) expect(cell('Клиенты', ref)?.bold).toBe(true);
    expect(cell('Клиенты', 'A2')?.bold).toBe(false);
  });

  it('keeps validations, the conditional format, the frozen header and the autofilter', () => {
    const clients = sheet('Клиенты');
    expect(clients.validations).toEqual(expect.arrayContaining([
      expect.objectContaining({ sqref: 'E2:E50', type: 'list', formula1: '"Белый,Золотой"', errorStyle: 'stop', error: 'Выберите статус' }),
      expect.objectContaining({ sqref: 'D2:D50', type: 'date', errorStyle: 'warning' }),
    ]));
    expect(clients.conditional).toEqual([expect.objectContaining({ sqref: 'C2:C50', operator: 'greaterThanOrEqual', formula: ['1000'], fill: 'FFFF9999' })]);
    expect(clients.freeze).toBe('A2');
    expect(clients.autoFilter).toBe('A1:F4');
  });

  it('keeps column widths, hidden columns and rows, merges, the tab colour, the hidden sheet and defined names', () => {
    const clients = sheet('Клиенты');
    expect(clients.widths.B).toBe(30);
    expect(clients.hiddenColumns).toEqual([6]);
    expect(clients.hiddenRows).toEqual([4]);
    expect(clients.tabColour).toBe('FF4472C4');
    expect(sheet('Итоги').merged).toEqual(['A2:B2']);
    expect(sheet('Скрытый').state).toBe('hidden');
    expect(book.definedNames['Статусы']).toBe("'Клиенты'!$E$2:$E$4");
  });

  it('is read back by our own reader with the same values', async () => {
    const again = await xlsxFromFile(join(dir, 'book.xlsx'));
    const [written, read] = [await (await everyPart()).read(['Клиенты']), await again.read(['Клиенты'])];
    expect(read.sheets[0].rows).toEqual(written.sheets[0].rows);
    expect(again.definedNames).toEqual([{ name: 'Статусы', ranges: ["'Клиенты'!$E$2:$E$4"] }]);
  });
});

describeWithTool('libreoffice', 'the streaming writer opened by LibreOffice', () => {
  it('converts the file, with its values, to CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-stream-writer-lo-'));
    try {
      const path = join(dir, 'book.xlsx');
      await xlsxToFile(await everyPart(), path);
      execFileSync('soffice', [
        `-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless',
        '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, path,
      ], { stdio: 'ignore', timeout: 150_000 });
      const csv = readFileSync(join(dir, 'book.csv'), 'utf8');
      expect(csv.split('\n').slice(0, 4)).toEqual([
        'ID,Клиент,Выручка,Дата,Статус,Активен',
        'К-1,ООО «Ромашка» & сыновья,"1,234.50",29.02.2024,Золотой,TRUE',
        'К-2,"=HYPERLINK(""http://x"",""y"")",99.00,31.12.2023,Белый,FALSE',
        'К-3, пробелы по краям ,0.00,,,',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
