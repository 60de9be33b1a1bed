/**
 * Files named .xlsx that are not a workbook the product can read, opened by the command as a user would:
 * each is refused with exit 2, the file's name, what it is and what to do, never the zip library's bare
 * message or a stack trace. A readable workbook with no clients sheet is refused by `check` as by the
 * other commands, not passed as "no problems found".
 */
import JSZip from 'jszip';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { xlsxToFile } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { crmBase } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'crm-not-book-'));
const good = join(dir, 'good.xlsx');

beforeAll(async () => {
  const clients = { name: 'Клиенты', header: ['ID', 'Клиент', 'Телефон'], rows: [['К-00001', 'ООО «Ромашка»', '8 (912) 345-67-89']] };
  await xlsxToFile(XlsxWorkbook.fromSnapshot({ sheets: [clients] }), good);
});

async function zipOf(files: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [path, text] of Object.entries(files)) zip.file(path, text);
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** A copy of the good workbook with its largest part's compressed bytes flipped. */
function damagedInside(): Buffer {
  const bytes = Buffer.from(readFileSync(good));
  for (let i = 200; i < 260; i++) bytes[i] ^= 0xff;
  return bytes;
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);

describe.each(['check', 'analyze'])('crm-base %s BOOK.xlsx on a file that is not a readable workbook', (command) => {
  it.each<[string, () => Buffer | Promise<Buffer>, RegExp]>([
    ['an empty file', () => Buffer.alloc(0), /the file is empty/],
    ['an Excel 97–2003 or password-protected book', () => OLE, /Excel 97–2003 workbook \(\.xls\) or a password-protected one; open it in Excel and save it as \.xlsx/],
    ['a CSV renamed to .xlsx', () => Buffer.from('Дата;Клиент;Сумма\r\n01.03.2025;ООО «Ромашка»;1 000\r\n'), /not an Excel workbook: perhaps a CSV.*--orders FILE\.csv/],
    ['a zip with no workbook inside', () => zipOf({ 'content.xml': '<office:document/>' }), /no Excel workbook inside \(no xl\/workbook\.xml\)/],
    ['a workbook cut short', () => readFileSync(good).subarray(0, 3000), /damaged or cut short; open it in Excel and save it again/],
    ['a workbook with a damaged part', damagedInside, /(damaged or cut short|part of the workbook is damaged); open it in Excel and save it again/],
  ])('%s: exit 2, the file, what it is and what to do', async (_, bytes, says) => {
    const path = join(dir, `${command}-${Math.random().toString(36).slice(2)}.xlsx`);
    writeFileSync(path, await bytes());
    const run = crmBase(dir, command, path);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(path);
    expect(run.stderr).toMatch(says);
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('crm-base check on a workbook with no clients sheet', () => {
  it('is refused with exit 2 and what to do, like structure and analyze', async () => {
    const path = join(dir, 'other.xlsx');
    await xlsxToFile(XlsxWorkbook.fromSnapshot({ sheets: [{ name: 'Лист1', header: ['a', 'b'], rows: [[1, 2]] }] }), path);
    const run = crmBase(dir, 'check', path, '--json', join(dir, 'other.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/нет листа клиентов|no clients sheet/);
    expect(run.stderr).not.toMatch(/Проблем не найдено|no problems found/);
  });

  it('while the same workbook with one is checked (exit 0)', () => {
    expect(crmBase(dir, 'check', good).code).toBe(0);
  });
});
