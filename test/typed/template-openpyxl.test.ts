/**
 * The two-sheet template as a user's own Excel file: openpyxl writes it (not our writer), `crm-base structure`
 * and `crm-base analyze` run on it as a user runs them, and openpyxl reads every cell of «Клиенты» back. Every
 * cell the user typed — dates as dates and as text, impossible dates, words, formula-like text, typed counts and
 * sums, a title above the header — is still there, unchanged, after each step; the typed history is used.
 */
import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { DEBIAN_PYTHON, describeWithTool } from '../support/tools';

const BIN = join(__dirname, '..', '..', 'bin', 'crm-base.js');
const SCRIPT = join(__dirname, 'template_book.py');
const dir = mkdtempSync(join(tmpdir(), 'crm-template-'));

type Cells = Record<string, [string, unknown]>;

function cellsOf(path: string): Cells {
  return JSON.parse(execFileSync(DEBIAN_PYTHON, [SCRIPT, 'cells', path], { encoding: 'utf8' })) as Cells;
}

function crmBase(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir });
  return { code: run.status, stderr: run.stderr };
}

/** The original cells whose value or type is not the same any more. */
function changed(original: Cells, now: Cells): string[] {
  return Object.entries(original)
    .filter(([ref, [type, value]]) => now[ref]?.[0] !== type || now[ref]?.[1] !== value)
    .map(([ref, cell]) => `${ref}: ${JSON.stringify(cell)} → ${JSON.stringify(now[ref] ?? null)}`);
}

describeWithTool('openpyxl', 'the template workbook, written and read back by openpyxl', () => {
  describe.each(['', 'counts', 'title,counts', 'title,merged,textdates', 'textdates,counts'])('variant «%s»', (variant) => {
    const name = variant.replace(/,/g, '-') || 'plain';
    const book = join(dir, `${name}.xlsx`);
    let original: Cells;

    beforeAll(() => {
      execFileSync(DEBIAN_PYTHON, [SCRIPT, 'make', book, variant]);
      original = cellsOf(book);
    });

    it('structure, analyze and analyze again keep every typed cell', () => {
      const structured = join(dir, `${name}.structured.xlsx`);
      expect(crmBase('structure', book, '-o', structured).code).toBe(0);
      expect(changed(original, cellsOf(structured))).toEqual([]);
      const analysed = join(dir, `${name}.analysed.xlsx`);
      const results = join(dir, `${name}.json`);
      const run = crmBase('analyze', structured, '--as-of', '2026-11-01', '-o', analysed, '--json', results);
      expect(run.code).toBe(0);
      expect(changed(original, cellsOf(analysed))).toEqual([]);
      const again = join(dir, `${name}.again.xlsx`);
      expect(crmBase('analyze', analysed, '--as-of', '2026-11-01', '-o', again).code).toBe(0);
      expect(changed(original, cellsOf(again))).toEqual([]);

      // The typed history is used: the last order dates, and the counts and sums where they are typed.
      const report = JSON.parse(readFileSync(results, 'utf8'));
      const client = (n: string) => report.clients.find((c: { name: string }) => c.name === n);
      expect(client('ООО «Ромашка»')).toMatchObject({ lastOrder: '2025-10-01', cold: true });
      expect(client('ИП Петров П. П.')).toMatchObject({ lastOrder: '2026-09-15', daysSinceLastOrder: 47, cold: false });
      if (variant.includes('counts')) expect(client('ООО «Ромашка»')).toMatchObject({ orders: 5, revenue: 50000, abc: 'A' });
      // Impossible dates and words are reported by row and column.
      const row = (n: number) => n + (variant.includes('title') ? 3 : 1);
      const problems = report.problems.map((p: { row: number; column: string }) => `${p.row} ${p.column}`);
      expect(problems).toEqual(expect.arrayContaining([`${row(3)} Дата первого обращения`, `${row(3)} Дата последнего заказа`, `${row(6)} Дата последнего заказа`]));
    });
  });

  it('structure --fix-values makes the text dates and sums real, archives the originals, and touches nothing else', () => {
    const book = join(dir, 'fix.xlsx');
    execFileSync(DEBIAN_PYTHON, [SCRIPT, 'make', book, 'title,textdates,counts']);
    const original = cellsOf(book);
    const fixed = join(dir, 'fix.fixed.xlsx');
    const run = crmBase('structure', book, '-o', fixed, '--fix-values');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Превращено в настоящие даты и числа');
    const now = cellsOf(fixed);
    const changedCells = changed(original, now);
    // Only the text dates and the text sum changed: each is now a real date ('d') or number ('n').
    expect(changedCells.length).toBeGreaterThan(0);
    for (const line of changedCells) expect(line).toMatch(/^[DFI]\d+: \["s",.*\] → \["[dn]",/);
    // Impossible dates and words stay exactly as typed.
    expect([now.D6, now.F6, now.F9]).toEqual([['s', '32.13.2023'], ['s', 'вчера'], ['s', '31.02.2024']]);
    const archive = JSON.parse(execFileSync(DEBIAN_PYTHON, ['-c', ARCHIVE_READER, fixed], { encoding: 'utf8' })) as unknown[][];
    expect(archive.length).toBe(changedCells.length);
    expect(archive.map((row) => row[7])).toEqual(expect.arrayContaining(['12.03.2023', '12 500,50 ₽']));
  });
});

/** The «Архив значений» rows of a workbook, read by openpyxl (dates as ISO text). */
const ARCHIVE_READER = `
import json, sys, datetime, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['Архив значений']
rows = [[v.isoformat() if isinstance(v, datetime.datetime) else v for v in r] for r in ws.iter_rows(min_row=2, values_only=True)]
print(json.dumps(rows, ensure_ascii=False))
`;
