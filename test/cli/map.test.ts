/**
 * `crm-base analyze --orders` with an export whose client column the product does not recognise: the
 * run is refused (exit 2, nothing written) with the `--map` that fixes it, and with that `--map` every
 * line links to its client. The export the product recognises by its words links without one.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { xlsxToFile } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { crmBase } from '../faults/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'crm-map-'));
const book = join(dir, 'book.xlsx');
const IDS = ['К-00001', 'К-00002', 'К-00003'];

function exportCsv(name: string, clientHeader: string): string {
  const path = join(dir, name);
  const lines = [`Дата;${clientHeader};Сумма;Номер заказа`, ...IDS.map((id, i) => `0${i + 1}.10.2026;${id};1 200,50;З-${i + 1}`), `04.10.2026;${IDS[0]};300;З-4`];
  writeFileSync(path, lines.join('\r\n') + '\r\n');
  return path;
}

function analyze(name: string, orders: string, ...more: string[]) {
  const out = join(dir, `${name}.xlsx`);
  const json = join(dir, `${name}.json`);
  const run = crmBase(dir, 'analyze', book, '--orders', orders, '--as-of', '2026-11-01', '-o', out, '--json', json, ...more);
  return { ...run, out, json };
}

beforeAll(async () => {
  const clients = { name: 'Клиенты', header: ['ID', 'Клиент', 'Телефон'], rows: IDS.map((id, i) => [id, `Клиент ${i + 1}`, `+7912000000${i}`]) };
  const orders = { name: 'Заказы', header: ['Дата', 'ID клиента', 'Клиент', 'Услуга', 'Сумма', 'Номер заказа'], rows: [] };
  await xlsxToFile(XlsxWorkbook.fromSnapshot({ sheets: [clients, orders] }), book);
});

it('refuses an export whose client column is not recognised, names the --map to add, and writes nothing', () => {
  const run = analyze('refused', exportCsv('bank.csv', 'Лицевой счёт'));
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(/не распознан столбец клиента.*«Лицевой счёт»/);
  expect(run.stderr).toContain('--map "Лицевой счёт=clientId"');
  expect(existsSync(run.out)).toBe(false);
  expect(existsSync(run.json)).toBe(false);
});

it('links every line once the column is mapped', () => {
  const run = analyze('mapped', exportCsv('bank.csv', 'Лицевой счёт'), '--map', 'Лицевой счёт=clientId');
  expect(run.code).toBe(0);
  const report = JSON.parse(readFileSync(run.json, 'utf8'));
  expect(report.imported).toMatchObject({ imported: 4, linked: 4, clientsAdded: 0, ignoredColumns: [] });
  const revenue = Object.fromEntries(report.clients.map((c: { id: string; revenue: number }) => [c.id, c.revenue]));
  expect(revenue).toEqual({ 'К-00001': 1500.5, 'К-00002': 1200.5, 'К-00003': 1200.5 });
});

it('links the lines of an export headed «Клиент ID» without a --map', () => {
  const run = analyze('words', exportCsv('export.csv', 'Клиент ID'));
  expect(run.code).toBe(0);
  expect(JSON.parse(readFileSync(run.json, 'utf8')).imported).toMatchObject({ imported: 4, linked: 4, ignoredColumns: [] });
});

it('takes a bad --map for a usage error', () => {
  const orders = exportCsv('bank.csv', 'Лицевой счёт');
  const noField = analyze('bad-field', orders, '--map', 'Лицевой счёт=счёт');
  expect([noField.code, noField.stderr]).toEqual([2, expect.stringContaining('«счёт» — не поле заказа')]);
  const noEquals = analyze('bad-syntax', orders, '--map', 'Лицевой счёт');
  expect([noEquals.code, noEquals.stderr]).toEqual([2, expect.stringContaining('HEADER=FIELD')]);
  const noColumn = analyze('bad-sheet', orders, '--map', 'clients:Наименование=name');
  expect([noColumn.code, noColumn.stderr]).toEqual([2, expect.stringContaining('нет столбца «Наименование»')]);
  expect(existsSync(noColumn.out)).toBe(false);
});
