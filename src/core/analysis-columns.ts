/**
 * The client columns an analysis writes back: the order history (history-columns.ts), days since the last
 * order, ABC, RFM and segment — only where the product fills the column itself (computed-columns.ts); a
 * column of the user's own is left as it is and reported. Also the problems that tell the user which typed
 * values the orders have moved on.
 */
import type { AbcRanking } from './abc';
import { ABC_FILLS, noSalesLabel, revenueUnknownLabel } from './abc-sheets';
import { say, type Base } from './base';
import { headerRowOf, lastDataRow, managedColumns, type ManagedColumn } from './layout';
import { columnOwnership, userColumnKeptProblem } from './computed-columns';
import { historyColumnsValues, isHistoryField, type HistoryField } from './history-columns';
import type { ClientField, Language, Problem } from './model';
import { message } from './messages/message';
import { dayToDate } from './normalise/date';
import { cellText } from './normalise/text';
import { segmentLabel, type RfmResult } from './rfm';
import { sheetName, type SheetKind } from './schema';
import type { TrackerRow } from './tracker';
import { valueArchiveSheet, type ArchivedValue } from './value-archive';
import { FORMAT_DATE, FORMAT_INTEGER, FORMAT_MONEY, type ColourRule, type SheetOperation, type WriteColumns } from '../workbook/operations';
import type { CellValue, WorkbookSnapshot } from '../workbook/snapshot';
import { rowIndex } from '../workbook/snapshot';

/** What the written-back columns are made from (an `Analysis` is one). */
export interface ClientColumnsSource {
  base: Base;
  tracker: readonly TrackerRow[];
  rfm: RfmResult;
  abc: AbcRanking;
  language: Language;
}

const COLD_FILL = { fill: '#F8CBAD', fontColour: '#9C0006' };

/** The «Ритм» cell of a client with a rhythm: slipping past k × their usual gap, or keeping it. */
export function rhythmLabel(slipping: boolean, language: Language): string {
  return slipping ? say(language, 'пропускает', 'slipping') : say(language, 'в ритме', 'on rhythm');
}

/** The label of a client without an ABC class: no sales, or sales of unknown revenue. */
function unclassedLabel(row: TrackerRow, language: Language): string {
  return row.orders > 0 && !row.revenueKnown ? revenueUnknownLabel(language) : noSalesLabel(language);
}

/** The values of one derived client column (ABC, RFM, days), per spreadsheet row from row 2. */
function derivedColumnValues(analysis: ClientColumnsSource, field: ClientField, rowCount: number): Array<CellValue | undefined> {
  const values: Array<CellValue | undefined> = new Array(rowCount).fill(undefined);
  const { base, tracker, rfm, abc, language } = analysis;
  const valueOf = (i: number): CellValue => {
    switch (field) {
      case 'daysSinceLastOrder':
        return tracker[i].daysSinceLastOrder;
      case 'expectedOrder': {
        const expected = tracker[i].expectedOrder;
        return expected === null ? null : dayToDate(expected);
      }
      case 'rhythm':
        return tracker[i].medianGap === null ? null : rhythmLabel(tracker[i].slipping, language);
      case 'abc':
        return abc.classes[i] ?? unclassedLabel(tracker[i], language);
      case 'rfm':
        return rfm.scores[i]?.code ?? null;
      case 'segment': {
        const score = rfm.scores[i];
        return score ? segmentLabel(score.segment, language) : null;
      }
      default:
        throw new Error(`the analysis does not write ${field}`);
    }
  };
  base.clients.forEach((client, i) => {
    values[rowIndex(client.row, base.layout.clients?.headerRow)] = valueOf(i);
  });
  return values;
}

const NUMBER_FORMATS: Partial<Record<ClientField, string>> = {
  firstOrder: FORMAT_DATE,
  lastOrder: FORMAT_DATE,
  orders: FORMAT_INTEGER,
  revenue: FORMAT_MONEY,
  daysSinceLastOrder: FORMAT_INTEGER,
  expectedOrder: FORMAT_DATE,
};

/** The managed client columns an analysis writes, and what it found in the user's own columns. */
export interface ClientColumnsPlan {
  operations: SheetOperation[];
  /** Typed history cells that differ from the tracker's figures. */
  typedDiffering: ArchivedValue[];
  /** Managed columns the product fills itself from now on and the settings do not list yet. */
  newlyComputed: string[];
  /** The user's own columns of derived results (ABC, RFM, days) left as they are, as problems. */
  keptColumns: Problem[];
}

/** The result sheet where a derived client column's figures can be read instead. */
const RESULT_SHEET: Partial<Record<ClientField, SheetKind>> = { daysSinceLastOrder: 'rfm', expectedOrder: 'today', rhythm: 'today', abc: 'abc', rfm: 'rfm', segment: 'rfm' };

/**
 * The managed client columns in `written`. A managed column the sheet lacks and no chosen part
 * writes still gets its header, so the columns added at the right never leave a gap. Only columns the
 * product fills itself are written (computed-columns.ts); the order-history columns of the user's are
 * merged as history-columns.ts says, other columns of the user's are left as they are and reported.
 */
export function clientColumnOperations(analysis: ClientColumnsSource, written: ReadonlySet<ClientField>, snapshot: WorkbookSnapshot, replaceTyped: boolean): ClientColumnsPlan {
  const plan: ClientColumnsPlan = { operations: [], typedDiffering: [], newlyComputed: [], keptColumns: [] };
  const layout = analysis.base.layout.clients;
  if (!layout || written.size === 0) return plan;
  const managed = managedColumns(layout, analysis.language);
  const rows = snapshot.sheets.find((sheet) => sheet.name === layout.sheet)?.rows ?? [];
  const settings = analysis.base.settings;
  const language = analysis.language;
  const cells = (column: ManagedColumn) => ({ header: column.header, index: column.isNew ? -1 : column.column - 1 });
  const historyColumns = managed.filter((column) => written.has(column.field) && isHistoryField(column.field));
  const history = historyColumnsValues({
    columns: historyColumns.map((column) => ({ field: column.field as HistoryField, ...cells(column) })),
    sheet: layout.sheet,
    rows,
    firstRow: layout.headerRow + 1,
    rowCount: layout.rowCount,
    clients: analysis.base.clients,
    tracker: analysis.tracker,
    computedColumns: settings.computedColumns,
    replaceTyped,
  });
  plan.typedDiffering = history.differing;
  plan.newlyComputed = [...history.newlyComputed];
  const dataRows = analysis.base.clients.map((client) => client.row);
  const write: WriteColumns = { kind: 'writeColumns', sheet: layout.sheet, ...headerRowOf(layout), columns: [] };
  const userColumns = new Set<ClientField>();
  for (const column of managed) {
    if (!written.has(column.field)) {
      if (column.isNew) write.columns.push({ column: column.column, header: column.header, values: [] });
      continue;
    }
    const numberFormat = NUMBER_FORMATS[column.field];
    const historyIndex = historyColumns.indexOf(column);
    let values: Array<CellValue | undefined>;
    if (historyIndex >= 0) {
      values = history.values[historyIndex];
    } else {
      const ownership = columnOwnership(cells(column), settings.computedColumns, rows, dataRows);
      if (!ownership.computed) {
        userColumns.add(column.field);
        plan.keptColumns.push(userColumnKeptProblem(layout.sheet, column.header, sheetName(RESULT_SHEET[column.field] ?? 'abc', language)));
        continue;
      }
      if (ownership.newlyComputed) plan.newlyComputed.push(column.header);
      values = derivedColumnValues(analysis, column.field, layout.rowCount);
    }
    write.columns.push({ column: column.column, header: column.header, values, ...(numberFormat ? { numberFormat } : {}) });
  }
  const operations: SheetOperation[] = [write];
  plan.operations = operations;
  const lastRow = lastDataRow(layout);
  if (lastRow <= layout.headerRow) return plan;
  /** Colours for a written column the product fills itself (a user's own column keeps its look). */
  const colour = (field: ClientField, rules: ColourRule[]) => {
    if (!written.has(field) || userColumns.has(field)) return;
    const column = managed.find((c) => c.field === field)?.column as number;
    operations.push({ kind: 'colourCells', sheet: layout.sheet, column, fromRow: layout.headerRow + 1, toRow: lastRow, rules });
  };
  colour('daysSinceLastOrder', [{ when: { atLeast: settings.coldDays }, ...COLD_FILL }]);
  colour('rhythm', [{ when: { equals: rhythmLabel(true, language) }, ...COLD_FILL }]);
  colour('abc', (['A', 'B', 'C'] as const).map((cls) => ({ when: { equals: cls }, ...ABC_FILLS[cls] })));
  return plan;
}

/** One problem per user's history column whose typed values differ from the tracker's figures. */
export function typedDifferingProblems(differing: readonly ArchivedValue[], replaced: boolean, language: Language): Problem[] {
  const byColumn = new Map<string, ArchivedValue[]>();
  for (const cell of differing) {
    const cells = byColumn.get(cell.column);
    if (cells) cells.push(cell);
    else byColumn.set(cell.column, [cell]);
  }
  return [...byColumn.values()].map((cells) => {
    const [first] = cells;
    const example = `${cellText(first.before)} → ${cellText(first.after)}`;
    const count = cells.length;
    return {
      sheet: first.sheet,
      row: first.row,
      column: first.column,
      value: cellText(first.before),
      message: message(replaced ? 'typed.updated' : 'typed.differ', { count, example, archive: valueArchiveSheet(language) }),
    };
  });
}
