/**
 * `crm-base analyze` on a two-sheet book whose order history is typed by hand, with an export imported on
 * top: the typed cells stay as they are until the user confirms with --update-typed; then the old values are
 * archived and the new ones written, once — a later run neither asks again nor counts the orders twice.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { xlsxFromFile, xlsxToFile } from '../../src/xlsx/node';
import type { CellValue } from '../../src/workbook/snapshot';
import { templateBook, TEMPLATE_AS_OF } from '../contract/template-book';

const BIN = join(__dirname, '..', '..', 'bin', 'crm-base.js');
const dir = mkdtempSync(join(tmpdir(), 'crm-typed-'));
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function crmBase(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir });
  return { code: run.status, stderr: run.stderr };
}

async function romashkaRow(path: string): Promise<Record<string, CellValue>> {
  const snapshot = await (await xlsxFromFile(path)).read();
  const clients = snapshot.sheets.find((s) => s.name === 'Клиенты')!;
  const row = clients.rows.find((r) => r[0] === 'ООО «Ромашка»')!;
  return Object.fromEntries(clients.header.map((h, i) => [String(h), row[i] ?? null]));
}

const results = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const romashka = (report: { clients: Array<{ name: string }> }) => report.clients.find((c) => c.name === 'ООО «Ромашка»');

describe('crm-base analyze on typed order history', () => {
  const book = join(dir, 'book.xlsx');
  const csv = join(dir, 'orders.csv');

  beforeAll(async () => {
    await xlsxToFile(XlsxWorkbook.fromSnapshot(templateBook({ withCounts: true })), book);
    writeFileSync(csv, 'Дата;Клиент;Сумма;Номер заказа\n05.10.2026;ООО «Ромашка»;8000;Z-1\n');
  });

  it('keeps the typed cells, says how to update them, and counts the typed history with the new order', async () => {
    const { code, stderr } = crmBase('analyze', book, '--orders', csv, '--as-of', TEMPLATE_AS_OF, '-o', join(dir, 'kept.xlsx'), '--json', join(dir, 'kept.json'));
    expect(code).toBe(0);
    expect(stderr).toContain('--update-typed');
    const report = results(join(dir, 'kept.json'));
    expect(romashka(report)).toMatchObject({ lastOrder: '2026-10-05', orders: 6, revenue: 58000 });
    expect(report.typedReplaced).toBe(false);
    expect(report.typedDiffering.map((d: { column: string }) => d.column)).toEqual(['Дата последнего заказа', 'Заказов', 'Выручка']);
    expect(await romashkaRow(join(dir, 'kept.xlsx'))).toMatchObject({ 'Дата последнего заказа': day('2025-10-01'), Заказов: 5, Выручка: 50000 });
  });

  it('with --update-typed archives the old values, writes the new ones, and the next run settles', async () => {
    const updated = join(dir, 'updated.xlsx');
    expect(crmBase('analyze', join(dir, 'kept.xlsx'), '--as-of', TEMPLATE_AS_OF, '--update-typed', '-o', updated, '--json', join(dir, 'updated.json')).code).toBe(0);
    expect(results(join(dir, 'updated.json')).typedReplaced).toBe(true);
    expect(await romashkaRow(updated)).toMatchObject({ 'Дата последнего заказа': day('2026-10-05'), Заказов: 6, Выручка: 58000 });
    const archive = (await (await xlsxFromFile(updated)).read()).sheets.find((s) => s.name === 'Архив значений')!;
    expect(archive.rows.map((r) => [r[4], r[6], r[7], r[8]])).toEqual([
      ['Дата последнего заказа', 'ООО «Ромашка»', day('2025-10-01'), day('2026-10-05')],
      ['Заказов', 'ООО «Ромашка»', 5, 6],
      ['Выручка', 'ООО «Ромашка»', 50000, 58000],
    ]);

    expect(crmBase('analyze', updated, '--as-of', TEMPLATE_AS_OF, '--json', join(dir, 'again.json')).code).toBe(0);
    const again = results(join(dir, 'again.json'));
    expect(again.typedDiffering).toEqual([]);
    expect(romashka(again)).toMatchObject({ lastOrder: '2026-10-05', orders: 6, revenue: 58000 });
  });
});
