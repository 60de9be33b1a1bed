/**
 * Whether a plan fits its host: Excel holds 1,048,576 rows × 16,384 columns per sheet, Google Sheets
 * 10,000,000 cells per spreadsheet. A host asked for more fails half-way (or, for a file, writes one
 * Excel cannot open), so the actions check every plan before applying it and refuse one that would not
 * fit, saying which sheet would outgrow what, by how much, and what to do instead.
 *
 * Sizes are counted from the snapshot the plan was made from (each sheet's used rows and columns) and
 * from what each operation writes or reaches: a validation or a colour rule down to row N needs the
 * sheet to have N rows, as much as a value there does.
 */
import type { SheetOperation } from '../workbook/operations';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { HostLimits } from '../workbook/workbook';
import type { Language } from './model';
import { message, MessageError, type Message } from './messages/message';

/** A sheet's grid as the plan needs it. */
interface Grid {
  rows: number;
  columns: number;
}

export interface LimitExcess {
  /** The sheet, or null for the spreadsheet as a whole (a cells limit). */
  sheet: string | null;
  measure: 'rows' | 'columns' | 'cells';
  /** What the plan would need. */
  needed: number;
  limit: number;
}

function snapshotGrids(snapshot: WorkbookSnapshot): Map<string, Grid> {
  const grids = new Map<string, Grid>();
  for (const sheet of snapshot.sheets) {
    let columns = sheet.header.length;
    for (const row of sheet.rows) if (row.length > columns) columns = row.length;
    grids.set(sheet.name, { rows: sheet.rows.length + (sheet.rows.length > 0 || sheet.header.length > 0 ? 1 : 0), columns });
  }
  return grids;
}

/** Grows the grids the way the operations would, in order. */
function applyToGrids(grids: Map<string, Grid>, operations: readonly SheetOperation[]): void {
  const grid = (name: string): Grid => {
    let found = grids.get(name);
    if (!found) grids.set(name, (found = { rows: 0, columns: 0 }));
    return found;
  };
  const reach = (name: string, row: number, column: number) => {
    const g = grid(name);
    g.rows = Math.max(g.rows, row);
    g.columns = Math.max(g.columns, column);
  };
  for (const op of operations) {
    switch (op.kind) {
      case 'ensureSheet':
        if (!grids.has(op.sheet)) reach(op.sheet, op.header?.length ? 1 : 0, op.header?.length ?? 0);
        break;
      case 'writeTable': {
        if (op.replace) grids.set(op.sheet, { rows: 0, columns: 0 });
        const top = op.anchor?.row ?? 1;
        const left = op.anchor?.column ?? 1;
        const width = op.rows.reduce((w, r) => Math.max(w, r.length), op.header.length);
        reach(op.sheet, top + op.rows.length, left - 1 + width);
        break;
      }
      case 'writeColumns':
        for (const column of op.columns) reach(op.sheet, (op.headerRow ?? 1) + column.values.length, column.column);
        break;
      case 'appendRows':
      case 'insertRows': {
        const g = grid(op.sheet);
        g.rows += op.rows.length;
        for (const row of op.rows) if (row.length > g.columns) g.columns = row.length;
        break;
      }
      case 'deleteRows': {
        const g = grid(op.sheet);
        g.rows -= new Set(op.rows.filter((r) => r >= 1 && r <= g.rows)).size;
        break;
      }
      case 'setValidation':
        reach(op.sheet, op.toRow, op.column);
        if (op.rule.type === 'listRange') reach(op.rule.source.sheet, op.rule.source.toRow, op.rule.source.column);
        break;
      case 'colourCells':
        reach(op.sheet, op.toRow, op.column);
        break;
      case 'highlightRows':
        reach(op.sheet, op.rows.reduce((m, r) => Math.max(m, r), 0), 0);
        break;
      case 'formatSheet':
        for (const f of op.columnFormats ?? []) reach(op.sheet, f.toRow, f.column);
        for (const w of op.columnWidths ?? []) reach(op.sheet, 0, w.column);
        break;
      case 'addChart':
      case 'applyFilter':
      case 'clearFilter':
        break;
    }
  }
}

/** What the workbook would need after the plan, beyond the host's limits; empty when it fits. */
export function hostLimitExcesses(snapshot: WorkbookSnapshot, operations: readonly SheetOperation[], limits: HostLimits): LimitExcess[] {
  const grids = snapshotGrids(snapshot);
  applyToGrids(grids, operations);
  const excesses: LimitExcess[] = [];
  let cells = 0;
  for (const [sheet, { rows, columns }] of grids) {
    if (limits.rows !== undefined && rows > limits.rows) excesses.push({ sheet, measure: 'rows', needed: rows, limit: limits.rows });
    if (limits.columns !== undefined && columns > limits.columns) excesses.push({ sheet, measure: 'columns', needed: columns, limit: limits.columns });
    cells += rows * columns;
  }
  if (limits.cells !== undefined && cells > limits.cells) excesses.push({ sheet: null, measure: 'cells', needed: cells, limit: limits.cells });
  return excesses;
}

function excessMessage(excess: LimitExcess, host: string): Message {
  const params = { needed: message(`limit.${excess.measure}`, { count: excess.needed }), host, limit: excess.limit, over: excess.needed - excess.limit };
  return excess.sheet === null ? message('limit.book', params) : message('limit.sheet', { ...params, sheet: excess.sheet });
}

/** A plan refused because the host could not hold its result; nothing was written. */
export class HostLimitError extends MessageError {
  constructor(
    readonly excesses: readonly LimitExcess[],
    limits: HostLimits,
    language: Language,
    /** The plan imports orders: the way out is to import fewer; otherwise the workbook must shrink. */
    importing: boolean,
  ) {
    // What to do instead: an import can take a date range; a base already at the limit must shrink.
    super(message(importing ? 'limit.import' : 'limit.full', { excesses: excesses.map((e) => excessMessage(e, limits.host)) }), language);
    this.name = 'HostLimitError';
  }
}

/** Throws HostLimitError when the plan would outgrow the host; `importing` picks the way out it offers. */
export function checkHostLimits(snapshot: WorkbookSnapshot, operations: readonly SheetOperation[], limits: HostLimits, language: Language, importing = false): void {
  const excesses = hostLimitExcesses(snapshot, operations, limits);
  if (excesses.length > 0) throw new HostLimitError(excesses, limits, language, importing);
}
