/**
 * `crm-base analyze` lists every bad cell that `crm-base check` lists — a negative amount among them —
 * plus the analysis's own (an order dated after the as-of date), each problem once.
 */
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Rendered } from '../../src/core/messages/rendered';
import type { Problem } from '../../src/core/model';
import { generateSampleWorkbook } from '../../src/sample';
import { xlsxToFile } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { crmBase } from '../faults/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'crm-analyze-problems-'));
const book = join(dir, 'book.xlsx');
const REFUND_ROW = 12;
const LATE_ROW = 15;
const key = (p: Rendered<Problem>) => `${p.sheet}!${p.row} [${p.column}] ${p.message}`;

/** The problems as the CLI writes them: each message in the workbook's language. */
let analysed: Array<Rendered<Problem>>;
let checked: Array<Rendered<Problem>>;
let stderr: string;

beforeAll(async () => {
  const snapshot = generateSampleWorkbook({ clients: 80, orders: 400 });
  const orders = snapshot.sheets.find((s) => s.name === 'Заказы')!;
  orders.rows[REFUND_ROW - 2][orders.header.indexOf('Сумма')] = -1500;
  orders.rows[LATE_ROW - 2][orders.header.indexOf('Дата')] = new Date(Date.UTC(2030, 0, 15));
  await xlsxToFile(XlsxWorkbook.fromSnapshot(snapshot), book);
  const analyze = crmBase(dir, 'analyze', book, '--as-of', '2026-11-01', '--json', join(dir, 'analysis.json'));
  expect(analyze.code).toBe(0);
  stderr = analyze.stderr;
  analysed = JSON.parse(readFileSync(join(dir, 'analysis.json'), 'utf8')).problems;
  expect(crmBase(dir, 'check', book, '--json', join(dir, 'check.json')).code).toBe(0);
  checked = JSON.parse(readFileSync(join(dir, 'check.json'), 'utf8')).problems;
});

it('includes the negative-amount warning of the data check, in the JSON and on the terminal', () => {
  const refund = analysed.filter((p) => p.sheet === 'Заказы' && p.row === REFUND_ROW);
  expect(refund).toEqual([expect.objectContaining({ column: 'Сумма', value: '-1500', message: expect.stringMatching(/меньше нуля/) })]);
  expect(stderr).toContain(`Заказы!${REFUND_ROW} [Сумма] «-1500»`);
});

it('includes every problem the check lists, and its own late order', () => {
  const keys = new Set(analysed.map(key));
  expect(checked.map(key).filter((k) => !keys.has(k))).toEqual([]);
  expect(analysed.filter((p) => p.row === LATE_ROW && /позже даты анализа/.test(p.message))).toHaveLength(1);
});

it('lists each problem once', () => {
  const keys = analysed.map(key);
  expect(keys.length).toBeGreaterThan(checked.length);
  expect(new Set(keys).size).toBe(keys.length);
});
