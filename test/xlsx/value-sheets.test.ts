/**
 * The client-value and ABC-XYZ sheets as written to .xlsx, read back by openpyxl (an independent reader):
 * their figures are numbers with their formats, in the order the analysis gives them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runAnalysis } from '../../src/actions/runners';
import { isoToDay } from '../../src/core/normalise/date';
import { generateSampleWorkbook, SAMPLE_DEFAULTS } from '../../src/sample';
import type { AnalysisReport } from '../../src/core/analysis';
import { xlsxToBuffer } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { describeWithTool } from '../support/tools';
import { inspectWithOpenpyxl } from './openpyxl-reader';

interface PyCell { ref: string; value: unknown; type: string; format: string }
interface PySheet { name: string; cells: PyCell[] }

describeWithTool('openpyxl', 'client value and ABC-XYZ sheets read by openpyxl', () => {
  let dir: string;
  let report: AnalysisReport;
  let sheets: PySheet[];
  const cell = (sheet: string, ref: string) => sheets.find((s) => s.name === sheet)?.cells.find((c) => c.ref === ref);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'crm-value-'));
    const wb = XlsxWorkbook.fromSnapshot(generateSampleWorkbook());
    report = await runAnalysis({ workbook: wb, asOf: isoToDay(SAMPLE_DEFAULTS.asOf)! }, ['clientValue', 'abcXyz']);
    const path = join(dir, 'book.xlsx');
    writeFileSync(path, await xlsxToBuffer(wb));
    sheets = inspectWithOpenpyxl<PySheet>(path);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the clients most at risk as numbers, most first, with percent and money formats', () => {
    expect(cell('Ценность клиентов', 'K1')?.value).toBe('Под риском');
    const atRisk = [2, 3, 4, 5].map((row) => cell('Ценность клиентов', `K${row}`)!);
    expect(atRisk.every((c) => c.type === 'n')).toBe(true);
    const values = atRisk.map((c) => c.value as number);
    expect([...values].sort((a, b) => b - a)).toEqual(values);
    const alive = cell('Ценность клиентов', 'F2')!;
    expect([alive.type, alive.format]).toEqual(['n', '0.0%']);
    expect(alive.value as number).toBeGreaterThanOrEqual(0);
    expect(alive.value as number).toBeLessThanOrEqual(1);
    expect(cell('Ценность клиентов', 'N1')?.value).toBe('Как читать этот лист');
  });

  it('writes the nine ABC-XYZ cells whose counts add up to the clients with both classes', () => {
    const codes = [2, 3, 4, 5, 6, 7, 8, 9, 10].map((row) => cell('ABC-XYZ', `A${row}`)?.value);
    expect(codes).toEqual(['AX', 'AY', 'AZ', 'BX', 'BY', 'BZ', 'CX', 'CY', 'CZ']);
    const counted = [2, 3, 4, 5, 6, 7, 8, 9, 10].reduce((sum, row) => sum + (cell('ABC-XYZ', `B${row}`)?.value as number), 0);
    expect(counted).toBe(report.clients.filter((c) => c.abc !== null && c.xyz !== null).length);
    expect(counted).toBeGreaterThan(0);
  });
});
