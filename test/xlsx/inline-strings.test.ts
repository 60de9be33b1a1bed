/**
 * Texts of a column that do not repeat (order numbers) are written in their cells, not in the shared
 * strings (row-xml.ts): the file must read back the same in openpyxl and in our own reader, spaces and
 * markup kept, and a column whose texts repeat must stay in the shared strings however long it is.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import JSZip from 'jszip';
import { xlsxFromFile, xlsxToFile } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import type { CellValue } from '../../src/workbook/snapshot';
import { DEBIAN_PYTHON, describeWithTool } from '../support/tools';

const ROWS = 70_000;
const MANAGERS = ['Иванова', 'Петров', 'Сидоренко'];

/** Row i: a distinct order number (some with spaces or markup), a repeating manager, a number. */
function orderRow(i: number): CellValue[] {
  let number = `З-${String(i).padStart(6, '0')}`;
  if (i === ROWS - 2) number = ' З-с пробелами ';
  if (i === ROWS - 1) number = 'З-<&>"\'';
  return [number, MANAGERS[i % MANAGERS.length], i * 10];
}

const rows = Array.from({ length: ROWS }, (_, i) => orderRow(i));
let dir: string;
let path: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'crm-inline-strings-'));
  path = join(dir, 'orders.xlsx');
  await xlsxToFile(XlsxWorkbook.fromSnapshot({ sheets: [{ name: 'Заказы', header: ['Номер', 'Менеджер', 'Сумма'], rows }] }), path);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('writes the non-repeating column in its cells past the judgement, and keeps repeating texts shared', async () => {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  const lastRow = xml.slice(xml.lastIndexOf('<row '));
  expect(lastRow).toContain('<c r="A70001" t="inlineStr"><is><t>З-&lt;&amp;&gt;&quot;&apos;</t></is></c>');
  expect(lastRow).toMatch(/<c r="B70001" t="s"><v>\d+<\/v><\/c>/);
  expect(xml).toContain('<t xml:space="preserve"> З-с пробелами </t>');
  const firstRow = xml.slice(xml.indexOf('<row r="2"'), xml.indexOf('<row r="3"'));
  expect(firstRow).toMatch(/<c r="A2" t="s">/);
});

it('is read back by our own reader with the same values', async () => {
  const read = await (await xlsxFromFile(path)).read(['Заказы']);
  expect(read.sheets[0].rows).toEqual(rows);
}, 60_000);

describeWithTool('openpyxl', 'texts written in their cells read by openpyxl', () => {
  it('reads every text as written', () => {
    const script = [
      'import json, sys, openpyxl',
      'ws = openpyxl.load_workbook(sys.argv[1], read_only=True)["Заказы"]',
      'print(json.dumps([list(r) for r in ws.iter_rows(min_row=2, values_only=True)], ensure_ascii=False))',
    ].join('\n');
    const read = JSON.parse(execFileSync(DEBIAN_PYTHON, ['-c', script, path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as CellValue[][];
    expect(read).toEqual(rows);
  }, 60_000);
});
