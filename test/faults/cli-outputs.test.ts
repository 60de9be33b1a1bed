/**
 * What `crm-base` does with outputs it cannot write and with text it must not echo raw: a bad -o or
 * --json path is refused before any reading, with nothing written; control characters and bidi
 * overrides from a file reach the terminal as visible escapes; a run without -o says it wrote nothing.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { generateSampleWorkbook } from '../../src/sample';
import { xlsxToFile } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { crmBase } from './run-cli';

const dir = mkdtempSync(join(tmpdir(), 'crm-outputs-'));
const book = join(dir, 'book.xlsx');
/** Anything the command prints once it has started reading the workbook. */
const WORK_STARTED = /Чтение|Запись|Проблем|клиентов/;

beforeAll(async () => {
  const snapshot = generateSampleWorkbook({ clients: 60, orders: 300 });
  const clients = snapshot.sheets.find((s) => s.name === 'Клиенты')!;
  // A phone that is no phone, holding a C1 "clear screen" and a right-to-left override: it is listed as a problem.
  clients.rows[0][clients.header.indexOf('Телефон')] = 'звонить\u009b2J\u202Eмне';
  await xlsxToFile(XlsxWorkbook.fromSnapshot(snapshot), book);
});

const folderListing = () => readdirSync(dir).sort();

describe('a bad output path', () => {
  it('-o into a missing folder exits 2 before any reading, naming the folder', () => {
    const missing = join(dir, 'no-such-folder');
    const { code, stderr } = crmBase(dir, 'analyze', book, '-o', join(missing, 'out.xlsx'));
    expect(code).toBe(2);
    expect(stderr).toContain(`no folder ${missing}`);
    expect(stderr).not.toMatch(WORK_STARTED);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('--json under a file exits 2 before any reading, and writes neither the report nor -o', () => {
    const before = folderListing();
    const out = join(dir, 'never.xlsx');
    const { code, stderr } = crmBase(dir, 'structure', book, '-o', out, '--json', join(book, 'report.json'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/не папка.*is not a folder/);
    expect(stderr).not.toMatch(WORK_STARTED);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(folderListing()).toEqual(before);
  });

  it('--json naming the input workbook is refused, and the workbook is untouched', () => {
    const input = join(dir, 'json-over-input.xlsx');
    writeFileSync(input, readFileSync(book));
    const { code, stderr } = crmBase(dir, 'check', input, '--json', input);
    expect(code).toBe(2);
    expect(stderr).toMatch(/input file/);
    expect(readFileSync(input)).toEqual(readFileSync(book));
  });

  it('sample -o into a missing folder exits 2 without generating', () => {
    const { code, stderr } = crmBase(dir, 'sample', '-o', join(dir, 'missing', 'sample.xlsx'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/нет папки/);
  });

  it('-o naming the input itself is allowed: the workbook is updated in place', () => {
    const copy = join(dir, 'in-place.xlsx');
    writeFileSync(copy, readFileSync(book));
    const { code } = crmBase(dir, 'structure', copy, '-o', copy);
    expect(code).toBe(0);
    expect(statSync(copy).size).not.toBe(statSync(book).size);
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

describe('text from a file on the terminal', () => {
  it('shows control characters and bidi overrides of headers and values as escapes', () => {
    const csv = join(dir, 'orders.csv');
    writeFileSync(csv, 'Дата;Контрагент;Сумма;\x1b[2J\x07\u2066заметка\r\n01.10.2026;ООО «Ромашка»;1000;x\r\n');
    const { code, stderr } = crmBase(dir, 'analyze', book, '--orders', csv, '--as-of', '2026-11-01');
    expect(code).toBe(0);
    expect(stderr).toContain('Не импортированы столбцы: \\x1B[2J\\x07\\u2066заметка');
    expect(stderr).toContain('звонить\\x9B2J\\u202Eмне');
    expect(stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });
});

describe('a run without -o', () => {
  it.each(['structure', 'analyze', 'duplicates', 'check'])('%s says it was a dry run and writes nothing', (command) => {
    const before = folderListing();
    const bytes = readFileSync(book);
    const { code, stderr } = crmBase(dir, command, book);
    expect(code).toBe(0);
    expect(stderr.trim().split('\n').pop()).toMatch(/Пробный запуск.*dry run.*-o OUT\.xlsx/);
    expect(folderListing()).toEqual(before);
    expect(readFileSync(book)).toEqual(bytes);
  });

  it('and says where it wrote when -o is given', () => {
    const out = join(dir, 'structured.xlsx');
    const { stderr } = crmBase(dir, 'structure', book, '-o', out);
    expect(stderr).toContain(`written: ${out}`);
    expect(stderr).not.toMatch(/dry run/);
    expect(existsSync(out)).toBe(true);
  });
});
