/**
 * The two veryHidden helper sheets the .xlsx gateway keeps next to the user's sheets:
 * - LISTS_SHEET holds dropdown lists Excel cannot take inline (longer than 255 characters, or with
 *   commas in a value): one list per column, referenced by the validation as `'_crm_lists'!$A$1:$A$n`;
 * - CHARTS_SHEET records each chart asked for (sheet name, JSON spec). The chart itself is drawn into the
 *   package from the spec on every save (chart-package.ts), but ExcelJS reads no chart back: the record
 *   is how a file we wrote, read again, knows its charts, and gets each of them once.
 * Both are rebuilt from the model on every save and never appear in sheetNames() or read().
 */
import type { ChartSpec } from '../workbook/operations';
import type { MemorySheet } from '../workbook/memory';
import { cellText, emptySheet, setGridCell } from '../workbook/memory';
import { absoluteColumnRef, CHARTS_SHEET, LISTS_SHEET } from './convert';

/** Collects long lists while sheets are written; each distinct list gets one column. */
export class ListSheetBuilder {
  private readonly columns = new Map<string, { column: number; values: string[] }>();

  place = (values: string[]): string => {
    const key = JSON.stringify(values);
    let entry = this.columns.get(key);
    if (!entry) {
      entry = { column: this.columns.size + 1, values };
      this.columns.set(key, entry);
    }
    return absoluteColumnRef(LISTS_SHEET, entry.column, 1, Math.max(values.length, 1));
  };

  /** The helper sheet, or undefined when no list needed it. */
  sheet(): MemorySheet | undefined {
    if (this.columns.size === 0) return undefined;
    const sheet = emptySheet(LISTS_SHEET);
    for (const { column, values } of this.columns.values()) {
      values.forEach((v, i) => setGridCell(sheet.values, i + 1, column, v));
    }
    return sheet;
  }
}

export function chartsSheet(sheets: readonly MemorySheet[]): MemorySheet | undefined {
  const rows = sheets.flatMap((s) => s.charts.map((chart) => [s.name, JSON.stringify(chart)]));
  if (rows.length === 0) return undefined;
  const sheet = emptySheet(CHARTS_SHEET);
  sheet.values = rows;
  return sheet;
}

/** Reads a column block of the lists helper sheet back as the list it holds. */
export function listResolver(lists: MemorySheet | undefined) {
  return (ref: { sheet: string; column: number; fromRow: number; toRow: number }): string[] | undefined => {
    if (!lists || ref.sheet !== LISTS_SHEET) return undefined;
    const values: string[] = [];
    for (let r = ref.fromRow; r <= ref.toRow; r++) values.push(cellText(lists.values[r - 1]?.[ref.column - 1]));
    return values;
  };
}

/** Attaches the recorded charts to their sheets (specs of sheets that are gone are dropped). */
export function attachCharts(sheets: MemorySheet[], charts: MemorySheet | undefined): void {
  for (const row of charts?.values ?? []) {
    const [name, json] = row ?? [];
    const sheet = sheets.find((s) => s.name === name);
    if (sheet && typeof json === 'string') sheet.charts.push(JSON.parse(json) as ChartSpec);
  }
}
