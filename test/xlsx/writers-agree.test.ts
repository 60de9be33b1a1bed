/**
 * The streaming writer puts rows out as XML of its own (src/xlsx/row-xml.ts) and streams the shared
 * strings (shared-strings-part.ts); the whole-file writer goes through ExcelJS's cells. Both files are
 * opened by openpyxl, an independent reader, and must describe the same workbook, cell by cell: text
 * that needs escaping or keeps its spaces and line breaks, numbers, booleans, dates, formulas with their
 * cached results, fills on empty cells, hidden rows and merges. Our own reader reads the streamed file
 * back to the values written.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { emptySheet, setGridCell, type MemorySheet } from '../../src/workbook/memory';
import type { CellValue } from '../../src/workbook/snapshot';
import { xlsxFromFile, xlsxToFile } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { DEBIAN_PYTHON, describeWithTool } from '../support/tools';

interface PyCell { ref: string; value: unknown; type: string; format: string; fill: string | null }
interface PySheet { name: string; hiddenRows: number[]; merged: string[]; cells: PyCell[] }

const TEXTS = [' ведущий пробел', 'пробел в конце ', 'две\nстроки', 'a < b & c > "d" \'e\'', 'ООО «Ромашка»', '=1+1', '\tтаб', '<si><t>x</t></si>'];
const VALUES: CellValue[] = [0, -1.5, 1e-7, 123456789.25, true, false, new Date(Date.UTC(2024, 1, 29)), new Date(Date.UTC(2023, 11, 31, 23, 59))];

/** A sheet with every kind of cell both writers must agree on, built as the readers build sheets. */
function trickySheet(): MemorySheet {
  const sheet = emptySheet('Данные');
  TEXTS.forEach((text, i) => setGridCell(sheet.values, i + 1, 1, text));
  VALUES.forEach((value, i) => setGridCell(sheet.values, i + 1, 2, value));
  // Formulas with their cached results: a number, a text, a boolean, none.
  setGridCell(sheet.formulas, 1, 3, 'B1*2');
  setGridCell(sheet.values, 1, 3, 0);
  setGridCell(sheet.formulas, 2, 3, 'A5&"!"');
  setGridCell(sheet.values, 2, 3, 'ООО «Ромашка»!');
  setGridCell(sheet.formulas, 3, 3, 'B5');
  setGridCell(sheet.values, 3, 3, true);
  setGridCell(sheet.formulas, 4, 3, 'SUM(B1:B4)');
  // A fill and a number format on cells with no value, and a row that holds nothing but is hidden.
  setGridCell(sheet.fills, 10, 4, '#FFD966');
  setGridCell(sheet.formats, 11, 2, '#,##0.00');
  sheet.hiddenRows.add(3);
  sheet.hiddenRows.add(12);
  setGridCell(sheet.values, 14, 1, 'Объединено');
  sheet.mergedRanges.push('A14:C14');
  return sheet;
}

function inspect(path: string): PySheet[] {
  const out = execFileSync(DEBIAN_PYTHON, [join(__dirname, 'inspect_openpyxl.py'), path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return (JSON.parse(out) as { sheets: PySheet[] }).sheets;
}

describeWithTool('openpyxl', 'the streaming and the whole-file writer, read by openpyxl', () => {
  let dir: string;
  let streamed: PySheet;
  let wholeFile: PySheet;
  let streamedPath: string;
  const cell = (ref: string) => streamed.cells.find((c) => c.ref === ref);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-writers-'));
    streamedPath = join(dir, 'streamed.xlsx');
    const wholeFilePath = join(dir, 'whole-file.xlsx');
    await xlsxToFile(XlsxWorkbook.fromSheets([trickySheet()]), streamedPath);
    writeFileSync(wholeFilePath, await XlsxWorkbook.fromSheets([trickySheet()]).toBuffer());
    [streamed] = inspect(streamedPath);
    [wholeFile] = inspect(wholeFilePath);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('describe the same cells, hidden rows and merges', () => {
    // ExcelJS's whole-file writer drops a hidden row with no cells (row 12); the streaming writer keeps it.
    expect(wholeFile.hiddenRows).toEqual([3]);
    expect({ ...streamed, hiddenRows: streamed.hiddenRows.filter((r) => r !== 12) }).toEqual(wholeFile);
  });

  it('keep text exactly, spaces, line breaks and markup included, as text', () => {
    TEXTS.forEach((text, i) => expect(cell(`A${i + 1}`)).toMatchObject({ value: text, type: 's' }));
  });

  it('keep numbers, booleans and dates with their types', () => {
    expect(cell('B1')).toMatchObject({ value: 0, type: 'n' });
    expect(cell('B2')).toMatchObject({ value: -1.5, type: 'n' });
    expect(cell('B3')).toMatchObject({ value: 1e-7, type: 'n' });
    expect(cell('B4')).toMatchObject({ value: 123456789.25, type: 'n' });
    expect(cell('B5')).toMatchObject({ value: true, type: 'b' });
    expect(cell('B6')).toMatchObject({ value: false, type: 'b' });
    expect(cell('B7')).toMatchObject({ value: '2024-02-29T00:00:00', type: 'd', format: 'dd.mm.yyyy' });
    expect(cell('B8')).toMatchObject({ value: '2023-12-31T23:59:00', type: 'd', format: 'dd.mm.yyyy hh:mm' });
  });

  it('write formulas as formulas, and cells with only a fill or a format', () => {
    expect(['C1', 'C2', 'C3', 'C4'].map((ref) => cell(ref))).toEqual([
      expect.objectContaining({ value: '=B1*2', type: 'f' }),
      expect.objectContaining({ value: '=A5&"!"', type: 'f' }),
      expect.objectContaining({ value: '=B5', type: 'f' }),
      expect.objectContaining({ value: '=SUM(B1:B4)', type: 'f' }),
    ]);
    expect(cell('D10')).toMatchObject({ value: null, fill: 'FFFFD966' });
    expect(streamed.hiddenRows).toEqual([3, 12]);
    expect(streamed.merged).toEqual(['A14:C14']);
  });

  it('read back by our reader to the values and formula results written', async () => {
    const [sheet] = (await xlsxFromFile(streamedPath)).sheets;
    const source = trickySheet();
    expect(sheet.values.map((row) => row?.filter((v) => v !== undefined && v !== null))).toEqual(
      source.values.map((row) => row?.filter((v) => v !== undefined && v !== null)),
    );
    expect(sheet.formulas).toEqual(source.formulas);
  });
});
