/**
 * A hostile file: one value typed at XFD1048576, the last cell a sheet has. The command must not hang
 * (it once spent more than ten minutes on it), must report the stray value by its address, and must keep
 * the product's columns and rules next to the real data.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import JSZip from 'jszip';
import { xlsxToBuffer, xlsxFromFile } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';

const BIN = join(__dirname, '..', '..', 'bin', 'crm-base.js');
const dir = mkdtempSync(join(tmpdir(), 'crm-far-cell-'));

/** A two-sheet book whose clients sheet also holds «забыли» at XFD1048576. */
async function bookWithFarCell(path: string): Promise<void> {
  const book = XlsxWorkbook.fromSnapshot({
    sheets: [
      { name: 'Услуги', header: ['Услуга', 'Цена'], rows: [['Уборка', 5000]] },
      { name: 'Клиенты', header: ['Клиент', 'Телефон', 'Дата последнего заказа'], rows: [['ООО «Ромашка»', '8 (912) 345-67-89', new Date(Date.UTC(2025, 9, 1))], ['Иванов', '+7 912 111-22-33', null]] },
    ],
  });
  const zip = await JSZip.loadAsync(await xlsxToBuffer(book));
  const sheetPath = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)).sort()[1];
  const xml = await zip.file(sheetPath)!.async('string');
  const far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>забыли</t></is></c></row>';
  zip.file(sheetPath, xml.replace('</sheetData>', `${far}</sheetData>`).replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'));
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
}

function crmBase(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir, timeout: 60_000 });
  return { code: run.status, stderr: run.stderr, signal: run.signal };
}

describe('a value at XFD1048576', () => {
  const book = join(dir, 'far.xlsx');
  beforeAll(() => bookWithFarCell(book), 30_000);

  it('is reported by its address, and structure and analyze finish with the columns beside the real data', async () => {
    const structured = join(dir, 'structured.xlsx');
    const structure = crmBase('structure', book, '-o', structured, '--json', join(dir, 'structure.json'));
    expect(structure.signal).toBeNull();
    expect(structure.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'structure.json'), 'utf8'));
    expect(report.problems).toContainEqual(expect.objectContaining({ sheet: 'Клиенты', row: 1048576, column: 'XFD1048576', value: 'забыли' }));
    // The managed columns are added right of the data (column D on), not after XFD.
    expect(report.addedColumns[0]).toMatchObject({ sheet: 'Клиенты', column: 4 });
    const analyze = crmBase('analyze', structured, '--as-of', '2026-11-01', '-o', join(dir, 'analysed.xlsx'), '--json', join(dir, 'results.json'));
    expect([analyze.signal, analyze.code]).toEqual([null, 0]);
    const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
    expect(results.clients.map((c: { name: string }) => c.name)).toEqual(['ООО «Ромашка»', 'Иванов']);
    // The stray value itself is kept where the user typed it.
    const kept = (await (await xlsxFromFile(join(dir, 'analysed.xlsx'))).read()).sheets.find((s) => s.name === 'Клиенты')!;
    expect(kept.rows[1048574]?.[16383]).toBe('забыли');
  }, 120_000);
});
