/**
 * The «Когорты» sheet as written to .xlsx by both writers and read back by openpyxl (an independent
 * reader): the cohort rows and their percentages, empty cells for months not observable yet, and the
 * graded conditional fills on each month column.
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runAnalysis } from '../../src/actions/runners';
import type { AnalysisReport } from '../../src/core/analysis';
import { isoToDay } from '../../src/core/normalise/date';
import { generateSampleWorkbook, SAMPLE_DEFAULTS } from '../../src/sample';
import { xlsxToBuffer } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { DEBIAN_PYTHON, describeWithTool } from '../support/tools';

const READ_SHEET = `
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['Когорты']
rows = [[c.value for c in row[:16]] for row in ws.iter_rows(min_row=1, max_row=ws.max_row)]
formats = sorted({ws.cell(row=r, column=c).number_format for r in range(2, ws.max_row + 1) for c in range(5, 17)})
rules = []
for cf in ws.conditional_formatting:
    for rule in cf.rules:
        rules.append({'range': str(cf.sqref), 'type': rule.type, 'operator': rule.operator, 'formula': list(rule.formula),
                      'fill': rule.dxf.fill.bgColor.rgb if rule.dxf and rule.dxf.fill else None})
print(json.dumps({'rows': rows, 'formats': formats, 'rules': rules}, ensure_ascii=False))
`;

interface ReadBack {
  rows: Array<Array<string | number | null>>;
  formats: string[];
  rules: Array<{ range: string; type: string; operator: string; formula: string[]; fill: string | null }>;
}

describeWithTool('openpyxl', 'the Когорты sheet read by openpyxl', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-cohorts-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let report: AnalysisReport;
  let workbook: XlsxWorkbook;
  beforeAll(async () => {
    workbook = XlsxWorkbook.fromSnapshot(generateSampleWorkbook({ clients: 300, orders: 3000 }));
    report = await runAnalysis({ workbook, asOf: isoToDay(SAMPLE_DEFAULTS.asOf)! }, ['cohorts']);
    // Without cohorts that have both observed and future months the checks below would pass on nothing.
    expect(report.cohorts.some((c) => c.shares.includes(null) && c.shares.some((s) => s !== null && s > 0))).toBe(true);
  });

  const writers: Array<[string, (wb: XlsxWorkbook) => Promise<Uint8Array>]> = [
    ['whole-file writer', (wb) => wb.toBuffer()],
    ['streaming writer', xlsxToBuffer],
  ];

  it.each(writers)('holds the cohorts, percentages and the heat map (%s)', async (label, write) => {
    const path = join(dir, `${label}.xlsx`);
    writeFileSync(path, await write(workbook));
    const read = JSON.parse(execFileSync(DEBIAN_PYTHON, ['-c', READ_SHEET, path], { encoding: 'utf8' })) as ReadBack;
    expect(read.rows[0].slice(0, 5)).toEqual(['Когорта (месяц первого заказа)', 'Клиентов', 'Выручка', 'Выручка в месяц 0', 'Месяц 1']);
    const body = read.rows.slice(1, report.cohorts.length + 1);
    expect(body).toEqual(report.cohorts.map((c) => [c.month, c.clients, c.revenue, c.firstMonthRevenue, ...c.shares]));
    expect(read.formats).toEqual(['0.0%']);
    const lastRow = report.cohorts.length + 1;
    const columns = 'EFGHIJKLMNOP'.split('');
    expect([...new Set(read.rules.map((r) => r.range))].sort()).toEqual(columns.map((c) => `${c}2:${c}${lastRow}`).sort());
    const first = read.rules.filter((r) => r.range === `E2:E${lastRow}`);
    expect(first.map((r) => [r.type, r.operator, r.formula])).toEqual([
      ['cellIs', 'greaterThanOrEqual', ['0.5']],
      ['cellIs', 'greaterThanOrEqual', ['0.3']],
      ['cellIs', 'greaterThanOrEqual', ['0.15']],
      ['cellIs', 'greaterThanOrEqual', ['0.05']],
    ]);
    expect(first.every((r) => r.fill !== null)).toBe(true);
  });
});
