/**
 * Which of the clients sheet's managed columns the product fills itself — the "computed" columns — and
 * which are the user's. A column the product added, or found entirely empty, is computed from then on,
 * and the settings remember it (`computedColumns`, a list of headers the user may edit). Any other
 * column with a managed meaning (a user's own «Дата последнего заказа», «ABC», «Давность») holds what the
 * user typed: the product reads it, never overwrites it without the user's confirmation, and says so.
 *
 * Remembering matters: once filled, a computed column is no longer empty, and without the list the next
 * run could not tell the product's figures from the user's.
 */
import type { SheetOperation } from '../workbook/operations';
import type { CellValue, WorkbookSnapshot } from '../workbook/snapshot';
import { say, type Problem } from './model';
import { message } from './messages/message';
import { isBlank } from './normalise/text';
import { headerKey } from './schema';
import { readSettings, settingsChangeOperations } from './settings-sheet';

/** True when the settings list the header among the columns the product fills itself. */
export function isListedComputed(header: string, computedColumns: readonly string[]): boolean {
  const key = headerKey(header);
  return computedColumns.some((listed) => headerKey(listed) === key);
}

/** A managed column as the planners see it. */
export interface ManagedColumnCells {
  header: string;
  /** 0-based index into the snapshot's rows, or -1 for a column the product is adding now. */
  index: number;
}

export interface ColumnOwnership {
  /** The product fills the column. */
  computed: boolean;
  /** Computed from now on, and not yet in the settings' list. */
  newlyComputed: boolean;
}

/**
 * Whether the product fills `column`: listed in the settings, new, or with no value in any of `rows`
 * (the raw snapshot rows of the sheet, index 0 = spreadsheet row 2) at the spreadsheet rows `dataRows`.
 */
export function columnOwnership(column: ManagedColumnCells, computedColumns: readonly string[], rows: readonly (readonly CellValue[])[], dataRows: readonly number[]): ColumnOwnership {
  if (isListedComputed(column.header, computedColumns)) return { computed: true, newlyComputed: false };
  const empty = column.index < 0 || dataRows.every((row) => isBlank(rows[row - 2]?.[column.index]));
  return { computed: empty, newlyComputed: empty };
}

/**
 * The settings sheet with `headers` added to `computedColumns`, when there are any. The stored settings
 * are written, not the overrides a caller may have analysed with.
 */
export function computedColumnsSettingOperations(snapshot: WorkbookSnapshot, headers: readonly string[], when: Date): SheetOperation[] {
  if (headers.length === 0) return [];
  const stored = readSettings(snapshot);
  const settings = { ...stored.settings, computedColumns: [...stored.settings.computedColumns, ...headers] };
  const action = say(stored.settings.language, 'Столбцы, которые заполняет надстройка', 'Columns the add-in fills');
  return settingsChangeOperations(snapshot, settings, stored.mapping, { action, when });
}

/** The problem for a column of the user's that an action would have filled and leaves as it is. */
export function userColumnKeptProblem(sheet: string, header: string, resultsSheet: string): Problem {
  return {
    sheet,
    row: 1,
    column: header,
    value: header,
    message: message('column.userOwned', { header, sheet: resultsSheet }),
  };
}
