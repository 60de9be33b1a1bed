/**
 * The `crm-base` command as a user runs it: the built bin script, real files, exit codes, JSON reports;
 * the workbook it writes is read back by ExcelJS (through our gateway) and by openpyxl (independent).
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { generateSampleWorkbook, generateOrdersCsv } from '../../src/sample';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { xlsxFromFile, xlsxToFile } from '../../src/xlsx/node';
import type { CellValue, WorkbookSnapshot } from '../../src/workbook/snapshot';
import { SEGMENT_KEYS } from '../../src/core/rfm';
import { DEBIAN_PYTHON, describeWithTool } from '../support/tools';

const BIN = join(__dirname, '..', '..', 'bin', 'crm-base.js');
const dir = mkdtempSync(join(tmpdir(), 'crm-cli-'));

function crmBase(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The sample, plus formula-like strings a user may well type, in the clients' comment column. */
const FORMULA_LIKE = ['=HYPERLINK("http://evil","click")', '+7 912 345-67-89', '-5', '@SUM(A1)'];

function messyBook(): WorkbookSnapshot {
  const book = generateSampleWorkbook({ clients: 300, orders: 1500 });
  const clients = book.sheets.find((s) => s.name === 'Клиенты')!;
  const comment = clients.header.indexOf('Комментарий');
  FORMULA_LIKE.forEach((text, i) => {
    clients.rows[i][comment] = text;
  });
  return book;
}

const bookPath = join(dir, 'book.xlsx');
let original: WorkbookSnapshot;

beforeAll(async () => {
  original = messyBook();
  await xlsxToFile(XlsxWorkbook.fromSnapshot(original), bookPath);
});

function comparable(value: CellValue | undefined): unknown {
  if (value instanceof Date) return value.toISOString();
  return value === undefined || value === '' ? null : value;
}

describe('crm-base structure', () => {
  const out = join(dir, 'structured.xlsx');
  const reportPath = join(dir, 'report.json');
  let code: number | null;
  let stderr: string;

  beforeAll(() => {
    ({ code, stderr } = crmBase('structure', bookPath, '-o', out, '--json', reportPath));
  });

  it('exits 0 with the bad cells listed, not fatal', () => {
    expect(code).toBe(0);
    expect(stderr).toMatch(/Проблем в данных/);
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    expect(report.problems.length).toBeGreaterThan(0);
    for (const problem of report.problems) {
      expect(Object.keys(problem).sort()).toEqual(['column', 'message', 'row', 'sheet', 'value']);
      expect(problem.row).toBeGreaterThanOrEqual(1);
    }
    expect(report.problems.some((p: { message: string }) => /не дата|не сумма/.test(p.message))).toBe(true);
  });

  it('keeps every value the user typed where it was', async () => {
    const result = await (await xlsxFromFile(out)).read();
    for (const sheet of original.sheets) {
      const written = result.sheets.find((s) => s.name === sheet.name)!;
      expect(written.header.slice(0, sheet.header.length)).toEqual(sheet.header);
      sheet.rows.forEach((row, r) => {
        row.forEach((cell, c) => {
          expect([sheet.name, r + 2, c + 1, comparable(written.rows[r][c])]).toEqual([sheet.name, r + 2, c + 1, comparable(cell)]);
        });
      });
    }
  });

  it('fills the client IDs', async () => {
    const clients = (await (await xlsxFromFile(out)).read(['Клиенты'])).sheets[0];
    const idColumn = clients.header.indexOf('ID');
    expect(idColumn).toBeGreaterThanOrEqual(original.sheets[1].header.length);
    const ids = clients.rows.map((row) => row[idColumn]);
    expect(new Set(ids).size).toBe(clients.rows.length);
    expect(ids.every((id) => /^К-\d{5}$/.test(String(id)))).toBe(true);
  });

  describeWithTool('openpyxl', 'read by openpyxl', () => {
    interface Described {
      sheets: Array<{
        name: string;
        cells: Array<{ ref: string; value: unknown; type: string }>;
        validations: Array<{ sqref: string; type: string; formula1: string | null }>;
        freeze: string | null;
      }>;
    }
    let described: Described;
    beforeAll(() => {
      const json = execFileSync(DEBIAN_PYTHON, [join(__dirname, '..', 'xlsx', 'inspect_openpyxl.py'), out], {
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
      });
      described = JSON.parse(json);
    });

    it('stores formula-like text as text', () => {
      const clients = described.sheets.find((s) => s.name === 'Клиенты')!;
      for (const text of FORMULA_LIKE) {
        const cell = clients.cells.find((c) => c.value === text);
        expect([text, cell?.type]).toEqual([text, 's']);
      }
      expect(clients.cells.filter((c) => c.type === 'f')).toEqual([]);
    });

    it('adds the dropdowns: services from the services sheet, the statuses, the cities', () => {
      const clients = described.sheets.find((s) => s.name === 'Клиенты')!;
      const lists = clients.validations.filter((v) => v.type === 'list');
      const header = original.sheets[1].header;
      const letter = (name: string) => String.fromCharCode(65 + header.indexOf(name));
      const on = (name: string) => lists.find((v) => v.sqref.startsWith(`${letter(name)}2:`));
      expect(on('Услуга')?.formula1).toMatch(/Услуги'?!\$A\$2:\$A\$\d+/);
      expect(on('Статус')).toBeDefined();
      expect(on('Город')).toBeDefined();
      expect(clients.freeze).toBe('A2');
    });
  });
});

describe('crm-base analyze', () => {
  const results = join(dir, 'results.json');
  const out = join(dir, 'analysed.xlsx');
  const csv = join(dir, 'orders.csv');

  it('imports 1C orders from CSV, analyses as of a date, and writes RESULTS.json', () => {
    writeFileSync(csv, generateOrdersCsv({ clients: 50, orders: 400, seed: 7 }));
    const { code, stderr } = crmBase('analyze', bookPath, '--orders', csv, '--as-of', '2026-11-01', '-o', out, '--json', results);
    expect([code, stderr]).toEqual([0, expect.stringContaining('Импортировано заказов: 400')]);
    const report = JSON.parse(readFileSync(results, 'utf8'));
    expect(report.asOf).toBe('2026-11-01');
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['asOf', 'clients', 'abc', 'segments', 'thresholds', 'problems']));
    expect(Object.keys(report.segments).sort()).toEqual([...SEGMENT_KEYS].sort());
    const withOrders = report.clients.filter((c: { orders: number }) => c.orders > 0);
    expect(withOrders.length).toBeGreaterThan(50);
    for (const client of report.clients) {
      expect(Object.keys(client)).toEqual(
        expect.arrayContaining(['id', 'name', 'firstOrder', 'lastOrder', 'orders', 'revenue', 'daysSinceLastOrder', 'cold', 'r', 'f', 'm', 'rfm', 'segment', 'abc', 'statusSuggestion']),
      );
      if (client.orders === 0) expect([client.abc, client.rfm, client.lastOrder]).toEqual([null, null, null]);
      else expect(client.rfm).toMatch(/^[1-5]{3}$/);
    }
    expect(existsSync(out)).toBe(true);
  });

  it('gives the same results when run again on its own output', () => {
    const again = join(dir, 'again.json');
    expect(crmBase('analyze', out, '--as-of', '2026-11-01', '--json', again).code).toBe(0);
    const first = JSON.parse(readFileSync(results, 'utf8'));
    const second = JSON.parse(readFileSync(again, 'utf8'));
    expect(second.clients).toEqual(first.clients);
  });
});

describe('crm-base duplicates', () => {
  it('writes GROUPS.json naming members by their IDs, and the Дубликаты sheet', async () => {
    const groupsPath = join(dir, 'groups.json');
    const out = join(dir, 'deduplicated.xlsx');
    const { code } = crmBase('duplicates', bookPath, '--json', groupsPath, '-o', out);
    expect(code).toBe(0);
    const { groups } = JSON.parse(readFileSync(groupsPath, 'utf8'));
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) {
      expect(group.members.length).toBeGreaterThanOrEqual(2);
      for (const member of group.members) expect(member).toMatch(/^К-\d{5}$/);
      expect(group.score).toBeGreaterThan(0);
      expect(group.score).toBeLessThanOrEqual(1);
      expect(typeof group.reason).toBe('string');
    }
    const written = await xlsxFromFile(out);
    expect(await written.sheetNames()).toContain('Дубликаты');
  });
});

describe('crm-base demo', () => {
  const demoDir = join(dir, 'demo');
  it('runs the whole pipeline on the sample: structure, check, analyses and duplicates, with counts in words', async () => {
    const { code, stdout, stderr } = crmBase('demo', '--dir', demoDir);
    expect(code).toBe(0);
    expect(stdout).toContain(join(demoDir, 'result.xlsx'));
    const steps = stderr.split('\n').filter((line) => /^\d\. /.test(line));
    expect(steps.map((line) => line.slice(0, 2))).toEqual(['1.', '2.', '3.', '4.']);
    // 2,000 clients: the count grouped and its noun in the form it takes.
    expect(steps[2]).toMatch(/: 2\u00a0000 клиентов, холодных [\d\u00a0]+;/);
    const [, groups, members] = /Дубликаты: групп (\d+), клиентов в них (\d+)/.exec(steps[3]) ?? [];
    expect(Number(groups)).toBeGreaterThan(0);
    const result = (await (await xlsxFromFile(join(demoDir, 'result.xlsx'))).read()).sheets;
    expect(result.map((s) => s.name)).toEqual(expect.arrayContaining(['ABC', 'RFM', 'Дубликаты']));
    const clients = result.find((s) => s.name === 'Клиенты')!;
    const group = clients.header.indexOf('Группа дубликатов');
    expect(group).toBeGreaterThan(0);
    expect(clients.rows.filter((row) => row[group] != null && row[group] !== '').length).toBe(Number(members));
  }, 120_000);

  describeWithTool('openpyxl', 'its result, read by openpyxl', () => {
    it('has the Pareto chart on the ABC sheet: revenue columns and the cumulative share as a line', () => {
      const out = execFileSync(DEBIAN_PYTHON, [join(__dirname, '..', 'xlsx', 'inspect_openpyxl.py'), join(demoDir, 'result.xlsx')], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      const sheets = (JSON.parse(out) as { sheets: Array<{ name: string; charts: Array<{ groups: Array<{ type: string; series: Array<{ values: string }> }> }> }> }).sheets;
      const charts = sheets.find((s) => s.name === 'ABC')!.charts;
      expect(charts.map((c) => c.groups.map((g) => g.type))).toEqual([['BarChart', 'LineChart']]);
      expect(charts[0].groups[1].series[0].values).toMatch(/^'ABC'!\$[A-Z]+\$2:\$[A-Z]+\$51$/);
    });
  });
});

describe('crm-base on unusable input', () => {
  it('says so and exits 2 for a missing file', () => {
    const { code, stderr } = crmBase('analyze', join(dir, 'nope.xlsx'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/no such file/);
  });

  it('exits 2 for a workbook without a clients sheet', async () => {
    const path = join(dir, 'empty.xlsx');
    await xlsxToFile(XlsxWorkbook.fromSnapshot({ sheets: [{ name: 'Лист1', header: ['a', 'b'], rows: [[1, 2]] }] }), path);
    const { code, stderr } = crmBase('analyze', path);
    expect(code).toBe(2);
    expect(stderr).toMatch(/клиентов|clients/);
  });

  it('exits 2 for a bad --as-of and for an unknown command', () => {
    expect(crmBase('analyze', bookPath, '--as-of', '01.11.2026').code).toBe(2);
    expect(crmBase('frobnicate').code).toBe(2);
  });
});
