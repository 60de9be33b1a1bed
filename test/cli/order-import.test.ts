/**
 * `crm-base analyze BOOK.xlsx --orders EXPORT.csv -o BOOK.xlsx` as a user runs it month after month: the
 * same export imported twice adds nothing, next month's export that repeats the last days adds only its
 * new lines, `--since` imports from a day on, a file with more fields than its header keeps them in
 * view, and a file that is not a CSV is refused (exit 2) with the workbook left as it was.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { xlsxToFile } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { crmBase } from '../faults/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'crm-import-'));
const blank = join(dir, 'blank.xlsx');

beforeAll(async () => {
  const clients = { name: 'Клиенты', header: ['ID', 'Клиент'], rows: [['К-00001', 'ООО «Ромашка»'], ['К-00002', 'Иванов Иван']] };
  const orders = { name: 'Заказы', header: ['Дата', 'ID клиента', 'Клиент', 'Услуга', 'Сумма', 'Номер заказа'], rows: [] };
  await xlsxToFile(XlsxWorkbook.fromSnapshot({ sheets: [clients, orders] }), blank);
});

/** A fresh copy of the two-client book. */
function bookCopy(name: string): string {
  const path = join(dir, `${name}.xlsx`);
  copyFileSync(blank, path);
  return path;
}

function csvFile(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\r\n') + '\r\n');
  return path;
}

/** `analyze BOOK --orders CSV -o BOOK --json`, the results read back. */
function analyzeInPlace(book: string, csv: string, ...more: string[]) {
  const json = `${book}.json`;
  const run = crmBase(dir, 'analyze', book, '--orders', csv, '--as-of', '2025-06-01', '-o', book, '--json', json, ...more);
  const results = run.code === 0 ? JSON.parse(readFileSync(json, 'utf8')) : undefined;
  const revenue = results ? Object.fromEntries(results.clients.map((c: { id: string; revenue: number }) => [c.id, c.revenue])) : undefined;
  return { ...run, results, revenue };
}

const HEADER = 'Дата;Клиент ID;Услуга;Сумма;Номер заказа';
const MARCH = [HEADER, '01.03.2025;К-00001;Уборка;1 000;A-1', '01.03.2025;К-00001;Мойка;500;A-1', '02.03.2025;К-00002;Мойка;300;', '02.03.2025;К-00002;Мойка;300;'];

describe('importing the same export twice', () => {
  it('adds nothing the second time: revenue is not doubled, and the summary says how many were there', () => {
    const book = bookCopy('twice');
    const csv = csvFile('march.csv', MARCH);
    const first = analyzeInPlace(book, csv);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('Импортировано заказов: 4 (связано с клиентами базы: 4), уже были: 0');
    expect(first.revenue).toEqual({ 'К-00001': 1500, 'К-00002': 600 });
    const second = analyzeInPlace(book, csv);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('Импортировано заказов: 0 (связано с клиентами базы: 0), уже были: 4');
    expect(second.results.imported).toMatchObject({ imported: 0, alreadyPresent: 4 });
    expect(second.revenue).toEqual(first.revenue);
  });

  it("imports only the new lines of next month's export that repeats the last days", () => {
    const book = bookCopy('overlap');
    analyzeInPlace(book, csvFile('march.csv', MARCH));
    const april = csvFile('april.csv', [HEADER, '02.03.2025;К-00002;Мойка;300;', '02.03.2025;К-00002;Мойка;300;', '02.03.2025;К-00002;Мойка;300;', '05.04.2025;К-00001;Уборка;700;A-2']);
    const run = analyzeInPlace(book, april);
    expect(run.results.imported).toMatchObject({ imported: 2, alreadyPresent: 2 });
    expect(run.revenue).toEqual({ 'К-00001': 2200, 'К-00002': 900 });
  });

  it('imports and reports, by line, an order number the sheet has for another client', () => {
    const book = bookCopy('conflict');
    analyzeInPlace(book, csvFile('march.csv', MARCH));
    const run = analyzeInPlace(book, csvFile('other.csv', [HEADER, '01.03.2025;К-00002;Уборка;1 000;A-1']));
    expect(run.results.imported).toMatchObject({ imported: 1, alreadyPresent: 0 });
    expect(run.stderr).toMatch(/other\.csv!2 \[Номер заказа\] «A-1»: Заказ с номером «A-1» уже есть на листе «Заказы» у другого клиента/);
  });
});

describe('--since', () => {
  it('imports the lines dated on or after the day, counts the ones before and lists the undated', () => {
    const book = bookCopy('since');
    const csv = csvFile('year.csv', [HEADER, '28.02.2025;К-00001;Уборка;100;', '01.03.2025;К-00001;Уборка;200;', ';К-00002;Мойка;50;', '2025-03-02;К-00002;Мойка;300;']);
    const run = analyzeInPlace(book, csv, '--since', '2025-03-01');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Импортировано заказов: 3 (связано с клиентами базы: 3), уже были: 0, раньше 01.03.2025: 1');
    expect(run.stderr).toMatch(/year\.csv!4 \[Дата\] «»: Строка без даты/);
    expect(run.results.imported).toMatchObject({ imported: 3, beforeSince: 1, since: '2025-03-01' });
    expect(run.revenue).toEqual({ 'К-00001': 200, 'К-00002': 350 });
  });

  it('is a usage error without --orders or without a date', () => {
    const book = bookCopy('since-usage');
    expect(crmBase(dir, 'analyze', book, '--since', '2025-03-01')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--since.*--orders/) });
    expect(crmBase(dir, 'analyze', book, '--orders', csvFile('x.csv', MARCH), '--since', '01.03.2025')).toMatchObject({ code: 2, stderr: expect.stringMatching(/--since needs a date as YYYY-MM-DD/) });
  });
});

describe('fields the header does not name', () => {
  it('are kept in view: the column gets a name, is reported once, and listed as not imported', () => {
    const book = bookCopy('extra');
    const csv = csvFile('extra.csv', [HEADER, '01.03.2025;К-00001;Уборка;100;;склад\t2', '02.03.2025;К-00001;Уборка;100;;склад 3']);
    const run = analyzeInPlace(book, csv);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Не импортированы столбцы: Столбец 6');
    expect(run.stderr).toMatch(/extra\.csv!2 \[Столбец 6\] «склад\\x092»: Значения в столбце без заголовка \(строк с ними: 2/);
    expect(run.results.imported.problems.filter((p: { column: string }) => p.column === 'Столбец 6')).toHaveLength(1);
  });
});

describe('line numbers in what the import says', () => {
  it('are the file\'s own lines: below a title block, and after a field that spans lines', () => {
    const book = bookCopy('lines');
    const csv = csvFile('lines.csv', [
      'Продажи за март 2025',
      '',
      `${HEADER};Комментарий`,
      '01.03.2025;К-00001;Уборка;1 000;A-1;"две',
      'строки"',
      '01.03.2025;К-00001;Мойка;abc;A-2;',
      '32.03.2025;К-00002;Мойка;300;A-3;;лишнее',
    ]);
    const run = analyzeInPlace(book, csv);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/lines\.csv!1 \[\] «Продажи за март 2025»: Над заголовком таблицы 2 стр\./);
    expect(run.stderr).toMatch(/lines\.csv!6 \[Сумма\] «abc»: не сумма/);
    expect(run.stderr).toMatch(/lines\.csv!7 \[Дата\] «32\.03\.2025»: не дата/);
    expect(run.stderr).toMatch(/lines\.csv!7 \[Столбец 7\] «лишнее»: Значения в столбце без заголовка \(строк с ними: 1, первая — 7\)/);
  });
});

describe('an orders file that is not a CSV', () => {
  it.each([
    ['an .xlsx workbook', () => readFileSync(blank), /архив zip/],
    ['binary data', () => Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 256), /двоичные данные/],
  ])('%s is refused with exit 2, and the workbook is not written', (_, bytes, message) => {
    const book = bookCopy('refused');
    const before = readFileSync(book);
    const csv = join(dir, 'orders.csv');
    writeFileSync(csv, bytes());
    const json = join(dir, 'refused.json');
    const run = crmBase(dir, 'analyze', book, '--orders', csv, '-o', book, '--json', json);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/ничего не импортировано/);
    expect(readFileSync(book)).toEqual(before);
    expect(existsSync(json)).toBe(false);
  });
});
