/**
 * The first rule, on every gateway: a workbook shaped like the template (two sheets, history typed by hand,
 * no Orders sheet) goes through structure → analyze → analyze again → merge → undo, and after each step every
 * cell the user typed is compared with the original by value. Nothing typed changes, except the two rows a
 * merge joins — and those are archived first and come back whole on undo. The typed history is used: the
 * tracker's figures come from it, and no client who bought is reported as «нет продаж».
 *
 * A gateway's contract test calls `describeTypedHistoryContract(name, harness)` with the harness it gives
 * `describeWorkbookContract`.
 */
import { runAnalysis, runStructure, type RunContext } from '../../src/actions/runners';
import type { AnalysisReport } from '../../src/core/analysis';
import { readBase } from '../../src/core/base';
import { planMerge, planUndoMerge } from '../../src/core/duplicates/merge';
import { isoToDay } from '../../src/core/normalise/date';
import type { CellValue } from '../../src/workbook/snapshot';
import type { WorkbookState } from '../../src/workbook/state';
import type { Workbook } from '../../src/workbook/workbook';
import { templateBook, TEMPLATE_AS_OF, TEMPLATE_HEADER, TEMPLATE_TITLE, type TemplateVariant } from './template-book';
import type { WorkbookHarness } from './workbook-contract';

const NOW = new Date(Date.UTC(2026, 10, 1, 12, 0, 0));

/** A cell as compared: dates by instant, blanks alike, everything else as it is. */
function comparable(value: CellValue | undefined): unknown {
  if (value === null || value === undefined || value === '') return null;
  if (value instanceof Date) return `date:${value.getTime()}`;
  return value;
}

/** Every typed cell of the clients sheet, by client name (unique in the fixture) and header. */
function typedCells(header: readonly CellValue[], rows: readonly (readonly CellValue[])[]): Map<string, Map<string, unknown>> {
  const cells = new Map<string, Map<string, unknown>>();
  for (const row of rows) {
    const byHeader = new Map<string, unknown>();
    header.forEach((h, c) => byHeader.set(String(h), comparable(row[c])));
    cells.set(String(row[0]), byHeader);
  }
  return cells;
}

/** The clients sheet's rows in `state`, by client name: the value under each original header (found below any title). */
function clientRows(state: WorkbookState): Map<string, Map<string, unknown>> {
  const sheet = state.sheets.find((s) => s.name === 'Клиенты');
  if (!sheet) throw new Error('no clients sheet');
  const headerAt = sheet.values.findIndex((row) => row[0] === TEMPLATE_HEADER[0]);
  const [header, ...rows] = sheet.values.slice(headerAt);
  return typedCells(header, rows.filter((row) => row.some((v) => comparable(v) !== null)));
}

/** The cells above the header (a title), as they are in `state`. */
function titleCells(state: WorkbookState): unknown[][] {
  const sheet = state.sheets.find((s) => s.name === 'Клиенты')!;
  const headerAt = sheet.values.findIndex((row) => row[0] === TEMPLATE_HEADER[0]);
  return sheet.values.slice(0, headerAt).map((row) => row.map(comparable).filter((v) => v !== null));
}

/** Typed cells whose value differs now, as readable lines (empty when nothing typed changed). */
function changedTypedCells(original: Map<string, Map<string, unknown>>, now: Map<string, Map<string, unknown>>, skip: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const [name, cells] of original) {
    if (skip.includes(name)) continue;
    const row = now.get(name);
    if (!row) {
      out.push(`${name}: row missing`);
      continue;
    }
    for (const [header, value] of cells) {
      if (row.get(header) !== value) out.push(`${name} [${header}]: ${String(value)} → ${String(row.get(header))}`);
    }
  }
  return out;
}

function clientOf(report: AnalysisReport, name: string) {
  const client = report.clients.find((c) => c.name === name);
  if (!client) throw new Error(`no client ${name}`);
  return client;
}

export function describeTypedHistoryContract(name: string, harness: WorkbookHarness): void {
  describe.each<[string, TemplateVariant]>([
    ['typed dates only', {}],
    ['typed dates, counts and revenue', { withCounts: true }],
    ['a title row above the header', { withCounts: true, withTitle: true }],
  ])(`${name}: a two-sheet book with %s`, (_label, variant) => {
    const withCounts = variant.withCounts === true;
    const book = templateBook(variant);
    const clients = book.sheets[1];
    const headerAt = clients.rows.findIndex((row) => row[0] === TEMPLATE_HEADER[0]);
    const original = headerAt < 0 ? typedCells(clients.header, clients.rows) : typedCells(clients.rows[headerAt], clients.rows.slice(headerAt + 1));
    /** The spreadsheet row of the n-th client (1-based). */
    const clientRow = (n: number) => n + (headerAt < 0 ? 1 : headerAt + 2);
    let workbook: Workbook;
    let context: RunContext;
    let firstAnalysis: AnalysisReport;
    let analysedState: WorkbookState;

    beforeAll(async () => {
      workbook = await harness.create(book);
      context = { workbook, asOf: isoToDay(TEMPLATE_AS_OF)! };
    });

    it('structure changes no typed cell', async () => {
      await runStructure(context);
      const state = await harness.inspect(workbook);
      expect(changedTypedCells(original, clientRows(state))).toEqual([]);
      expect(titleCells(state)).toEqual(variant.withTitle ? [[TEMPLATE_TITLE], []] : []);
    });

    it('analyze changes no typed cell and works from the typed history', async () => {
      firstAnalysis = await runAnalysis(context);
      analysedState = await harness.inspect(workbook);
      expect(changedTypedCells(original, clientRows(analysedState))).toEqual([]);

      const romashka = clientOf(firstAnalysis, 'ООО «Ромашка»');
      // «Дата первого обращения» is the first contact; with a single typed order its date is the first order's too.
      expect(romashka).toMatchObject({ lastOrder: '2025-10-01', cold: true });
      expect(romashka.firstOrder).toBe(withCounts ? null : '2025-10-01');
      expect(clientOf(firstAnalysis, 'Иванов Иван Иванович')).toMatchObject({ lastOrder: '2026-09-15', daysSinceLastOrder: 47, cold: false });
      // A serial number where a date belongs is a date; a word and an impossible date are no date.
      expect(clientOf(firstAnalysis, 'Баранов Сергей').lastOrder).toBe('2024-07-27');
      expect(clientOf(firstAnalysis, 'Петрова Анна')).toMatchObject({ lastOrder: null, orders: 0 });
      // A typed date after the as-of date is kept and reported, not counted.
      expect(firstAnalysis.problems).toContainEqual(expect.objectContaining({ sheet: 'Клиенты', row: clientRow(8), column: 'Дата последнего заказа' }));
      expect(titleCells(analysedState)).toEqual(variant.withTitle ? [[TEMPLATE_TITLE], []] : []);
      // Every client with a typed order date is scored by recency; nobody who bought is «нет продаж».
      for (const client of firstAnalysis.clients.filter((c) => c.lastOrder !== null)) {
        expect(client.orders).toBeGreaterThan(0);
        expect(client.r).not.toBeNull();
      }
      if (withCounts) {
        expect(romashka).toMatchObject({ orders: 5, revenue: 50000, abc: 'A' });
        expect(clientOf(firstAnalysis, 'Иванов Иван Иванович')).toMatchObject({ orders: 2, revenue: 12500.5 });
      } else {
        expect(romashka).toMatchObject({ orders: 1, revenue: 0, abc: null });
        const abcColumn = clientRows(analysedState).get('ООО «Ромашка»')!.get('ABC');
        expect(abcColumn).toBe('выручка неизвестна');
      }
    });

    it('analyze again changes nothing and gives the same figures', async () => {
      const again = await runAnalysis(context);
      expect(again.clients).toEqual(firstAnalysis.clients);
      const state = await harness.inspect(workbook);
      const sheetValues = (s: WorkbookState) => s.sheets.find((sheet) => sheet.name === 'Клиенты')!.values.map((row) => row.map(comparable));
      expect(sheetValues(state)).toEqual(sheetValues(analysedState));
    });

    it('merge touches only the two joined rows, archived first; undo brings every typed cell back', async () => {
      const pair = ['Кузнецова Мария', 'Кузнецова Мария Петровна'];
      const snapshot = await workbook.read();
      const ids = pair.map((n) => readBase(snapshot).clients.find((c) => c.name === n)!.id!);
      const merge = planMerge(snapshot, { members: ids, keep: ids[0], date: NOW });
      await workbook.apply(merge.operations);
      await runAnalysis(context);
      const merged = await harness.inspect(workbook);
      expect(changedTypedCells(original, clientRows(merged), pair)).toEqual([]);
      const archive = merged.sheets.find((s) => s.name === 'Архив')!;
      expect(archive.values.flat().map(comparable)).toEqual(expect.arrayContaining(['Кузнецова Мария Петровна', 'вторая заявка']));

      const undo = planUndoMerge(await workbook.read(), merge.report.token, NOW);
      await workbook.apply(undo.operations);
      await runAnalysis(context);
      expect(changedTypedCells(original, clientRows(await harness.inspect(workbook)))).toEqual([]);
    });
  });
}
