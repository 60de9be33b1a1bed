/**
 * «Воронка — движение» as written to .xlsx by the analysis action, read back by openpyxl (an independent
 * reader): the hand-checked figures of movement-fixture.ts as numbers, months as text; and the status
 * change typed in the sheet logged to «История» once, the status cell as typed.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runAnalysis } from '../../src/actions/runners';
import type { AnalysisReport } from '../../src/core/analysis';
import { isoToDay } from '../../src/core/normalise/date';
import { MOVEMENT_AS_OF, MOVEMENT_MONTHS, movementWorkbook } from '../../src/core/__tests__/movement-fixture';
import { xlsxToBuffer } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { describeWithTool } from '../support/tools';
import { inspectWithOpenpyxl } from './openpyxl-reader';

interface PyCell { ref: string; value: unknown; type: string; format: string }
interface PyChart { title: string | null; groups: Array<{ barDir: string | null; series: Array<{ name: string | null; categories: string | null; values: string | null }> }> }
interface PySheet { name: string; cells: PyCell[]; charts: PyChart[] }

describeWithTool('openpyxl', 'the funnel-movement sheet read by openpyxl', () => {
  let dir: string;
  let report: AnalysisReport;
  let sheets: PySheet[];
  const cell = (sheet: string, ref: string) => sheets.find((s) => s.name === sheet)?.cells.find((c) => c.ref === ref);
  const SHEET = 'Воронка — движение';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-movement-'));
    const snapshot = movementWorkbook();
    // Альфа's status typed by hand since its last status row (Красно-зелёный): seen and logged by the run.
    snapshot.sheets[0].rows[0][3] = 'Серый';
    const wb = XlsxWorkbook.fromSnapshot(snapshot);
    report = await runAnalysis({ workbook: wb, asOf: isoToDay(MOVEMENT_AS_OF)! }, ['funnelMovement']);
    const path = join(dir, 'book.xlsx');
    writeFileSync(path, await xlsxToBuffer(wb));
    sheets = inspectWithOpenpyxl<PySheet>(path);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the months as text and the clients entering each status as numbers', () => {
    expect(['A1', 'B1', 'C1', 'K1'].map((ref) => cell(SHEET, ref)?.value)).toEqual(['Месяц', 'Белый', 'Серый', 'Красно-платиновый']);
    MOVEMENT_MONTHS.forEach((month, i) => {
      const row = i + 2;
      expect(cell(SHEET, `A${row}`)?.value).toBe(month.month);
      // Альфа's change is seen in the run's month (today), later than the as-of month: not in these rows.
      const entered = ['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K'].map((col) => cell(SHEET, `${col}${row}`));
      expect(entered.map((c) => c?.value)).toEqual(month.entered);
      expect(entered.every((c) => c?.type === 'n')).toBe(true);
    });
  });

  it('draws the monthly entries as a column chart, one series per status over the month rows', () => {
    const [chart] = sheets.find((s) => s.name === SHEET)!.charts;
    expect(chart.title).toBe('Клиенты, вошедшие в статус, по месяцам');
    const [group] = chart.groups;
    expect(group.barDir).toBe('col');
    expect(group.series).toHaveLength(10);
    expect(group.series[0].values).toContain('$B$2:$B$4');
    expect(group.series[0].categories).toContain('$A$2:$A$4');
  });

  it('writes the conversion as a percent and the median days as numbers', () => {
    expect(['M2', 'N2', 'O2', 'P2', 'Q2'].map((ref) => cell(SHEET, ref)?.value)).toEqual(['Белый', 'Серый', 3, 3, 1]);
    const grey = cell(SHEET, 'Q3')!;
    expect([grey.value, grey.format]).toEqual([2 / 3, '0.0%']);
    // The stays block: header on row 9 (6 conversions + 3), Белый, Серый, Зелёный below it.
    expect(['M9', 'M10', 'O10', 'O11', 'O12'].map((ref) => cell(SHEET, ref)?.value)).toEqual(['Статус', 'Белый', 10, 25, 15]);
  });

  it('logs the status typed in the sheet to «История» once, leaving the status cell as typed', () => {
    expect(report.statusChangesSeen).toBe(1);
    const history = sheets.find((s) => s.name === 'История')!;
    const results = history.cells.filter((c) => c.ref.startsWith('F')).map((c) => c.value);
    expect(results.filter((r) => typeof r === 'string' && r.startsWith('Красно-зелёный → Серый (замечено в таблице'))).toHaveLength(1);
    expect(cell('Клиенты', 'D2')?.value).toBe('Серый');
  });
});
