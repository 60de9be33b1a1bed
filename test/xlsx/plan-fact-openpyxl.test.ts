/**
 * Plan vs actual written to a real .xlsx by the one-click action and read back by openpyxl: the result
 * sheet's figures, share colours and chart; the plan template created when the workbook had none (with
 * its number formats), and a user's plan sheet left exactly as it was.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runNamedAction } from '../../src/actions/named-actions';
import { render } from '../../src/core/messages/message';
import { book } from '../../src/core/__tests__/snapshot-builder';
import { clients, history, orders, plan, PLAN_FACT_AS_OF } from '../../src/core/__tests__/plan-fact-fixture';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { describeWithTool } from '../support/tools';
import { inspectWithOpenpyxl, XLSX_WRITERS } from './openpyxl-reader';

interface PyCell { ref: string; value: unknown; format: string }
interface PyRule { sqref: string; operator: string | null; formula: string[]; fill: string | null }
interface PyChart { title: string | null; groups: Array<{ type: string; barDir: string | null; series: Array<{ name: string | null; categories: string | null; values: string | null; cache: number[] }> }> }
interface PySheet { name: string; cells: PyCell[]; conditional: PyRule[]; charts: PyChart[] }

const valueAt = (sheet: PySheet, ref: string) => sheet.cells.find((c) => c.ref === ref)?.value ?? null;
const cellAt = (sheet: PySheet, ref: string) => sheet.cells.find((c) => c.ref === ref);

async function written(snapshot: WorkbookSnapshot, write: (wb: XlsxWorkbook, path: string) => Promise<void>, path: string) {
  const workbook = XlsxWorkbook.fromSnapshot(snapshot);
  const result = await runNamedAction({ workbook, asOf: PLAN_FACT_AS_OF }, 'planFact');
  await write(workbook, path);
  return { result, sheets: inspectWithOpenpyxl<PySheet>(path) };
}

describeWithTool('openpyxl', 'plan vs actual in the .xlsx', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'crm-planfact-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe.each(XLSX_WRITERS)('%s', (label, write) => {
    it('writes the result sheet and leaves the user’s plan as typed', async () => {
      const { result, sheets } = await written(book(clients, orders, history, plan), write, join(dir, `${label}-plan.xlsx`));
      expect(render(result.message, 'ru')).toBe('План/факт: 2 менеджера, 2 месяца на листе «План-факт».');
      expect(result.sheets).toEqual(['План-факт']);
      const planSheet = sheets.find((s) => s.name === 'План')!;
      expect([valueAt(planSheet, 'B3'), valueAt(planSheet, 'D3'), valueAt(planSheet, 'B5')]).toEqual(['11.2026', 'abc', 'тринадцатый']);
      const sheet = sheets.find((s) => s.name === 'План-факт')!;
      expect([1, 2, 3, 4, 5, 6, 7].map((row) => [valueAt(sheet, `A${row}`), valueAt(sheet, `B${row}`), valueAt(sheet, `C${row}`), valueAt(sheet, `D${row}`)])).toEqual([
        ['Месяц', 'Менеджер', 'Выручка, план', 'Выручка, факт'],
        ['2026-11', 'Иванов', 4000, 2800],
        ['2026-11', 'Петров', 500, 0],
        ['2026-11', 'Итого', 4500, 2800],
        ['2026-12', 'Иванов', 1000, 0],
        ['2026-12', 'Петров', null, 700],
        ['2026-12', 'Итого', 1000, 700],
      ]);
      expect(valueAt(sheet, 'E2')).toBeCloseTo(0.7);
      expect(cellAt(sheet, 'E2')?.format).toBe('0.0%');
      expect(valueAt(sheet, 'E6')).toBeNull();
      const revenueRules = sheet.conditional.filter((r) => r.sqref.startsWith('E'));
      expect(revenueRules.map((r) => [r.sqref, r.operator, r.formula[0]])).toEqual([
        ['E2:E5', 'greaterThanOrEqual', '1'], ['E2:E5', 'greaterThanOrEqual', '0.8'], ['E2:E5', 'lessThanOrEqual', '0.8'],
        ['E7', 'greaterThanOrEqual', '1'], ['E7', 'greaterThanOrEqual', '0.8'], ['E7', 'lessThanOrEqual', '0.8'],
      ]);
      expect(sheet.charts).toHaveLength(1);
      const [group] = sheet.charts[0].groups;
      expect([group.type, group.barDir]).toEqual(['BarChart', 'col']);
      expect(group.series.map((s) => [s.values, s.cache])).toEqual([
        ["'План-факт'!$C$2:$C$3", [4000, 500]],
        ["'План-факт'!$D$2:$D$3", [2800, 0]],
      ]);
    });

    it('creates the empty plan template in the same run when the workbook has none', async () => {
      const { result, sheets } = await written(book(clients, orders), write, join(dir, `${label}-template.xlsx`));
      expect(result.sheets).toEqual(['План', 'План-факт']);
      expect(render(result.message, 'ru')).toContain('Создан лист «План»');
      const template = sheets.find((s) => s.name === 'План')!;
      expect(['A1', 'B1', 'C1', 'D1', 'E1', 'A2', 'B2', 'A7', 'B7'].map((ref) => valueAt(template, ref))).toEqual([
        'Менеджер', 'Месяц', 'Выручка', 'Новые клиенты', 'Контакты', 'Иванов', '2026-12', 'Петров', '2027-02',
      ]);
      expect(valueAt(template, 'C2')).toBeNull();
      expect(cellAt(template, 'G1')?.value).toBe('Как заполнять');
      const resultSheet = sheets.find((s) => s.name === 'План-факт')!;
      expect(resultSheet.cells.some((c) => c.value === 'не считается: нет листа «История»')).toBe(true);
    });
  });
});
