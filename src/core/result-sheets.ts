/**
 * Result sheets are the product's own: every run writes them whole. A sheet of the user's that happens
 * to carry a result sheet's name (their own «Воронка», «Сегодня», «ABC») is never cleared: the result goes
 * to the first free name («Воронка (2)», «Воронка (3)»…) and a problem says where and why. A sheet is
 * taken for the product's when it is empty or its first row begins with exactly the header the run
 * writes; a result sheet of an older layout is kept too, which costs a second sheet, never the user's data.
 */
import type { SheetOperation } from '../workbook/operations';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot';
import type { Problem } from './model';
import { message } from './messages/message';
import { cellText } from './normalise/text';
import { headerKey } from './schema';

/** Sheet names hold at most 31 characters in Excel. */
const MAX_SHEET_NAME = 31;
const MAX_TRIES = 99;

export interface KeptSheets {
  operations: SheetOperation[];
  /** The name each result sheet is written under, by the name it was planned with. */
  names: ReadonlyMap<string, string>;
  problems: Problem[];
}

function trimmed(row: readonly CellValue[]): string[] {
  const keys = row.map(headerKey);
  while (keys.length > 0 && keys[keys.length - 1] === '') keys.pop();
  return keys;
}

function isResultSheet(sheet: SheetSnapshot | undefined, header: readonly CellValue[]): boolean {
  if (!sheet) return true;
  const existing = trimmed(sheet.header);
  if (existing.length === 0 && sheet.rows.every((row) => row.every((cell) => cellText(cell) === ''))) return true;
  // Tables may stand side by side in the first row (the funnel's): the run's first table begins the row.
  const planned = trimmed(header);
  return existing.length >= planned.length && planned.every((key, i) => key === existing[i]);
}

/** `name`, or the first `name (n)` that is free or already holds this result. */
function freeName(snapshot: WorkbookSnapshot, name: string, header: readonly CellValue[]): string {
  const byName = (candidate: string) => snapshot.sheets.find((s) => s.name.trim().toLowerCase() === candidate.toLowerCase());
  for (let n = 1; n <= MAX_TRIES; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const candidate = `${name.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    if (isResultSheet(byName(candidate), header)) return candidate;
  }
  throw new Error(`No free name for the result sheet «${name}»`);
}

function renamed(op: SheetOperation, names: ReadonlyMap<string, string>): SheetOperation {
  const rename = (name: string) => names.get(name) ?? name;
  if (op.kind !== 'addChart') return { ...op, sheet: rename(op.sheet) };
  const range = <R extends { sheet?: string }>(r: R): R => (r.sheet === undefined ? r : { ...r, sheet: rename(r.sheet) });
  const chart = { ...op.chart, categories: range(op.chart.categories), series: op.chart.series.map((s) => ({ ...s, values: range(s.values) })) };
  return { ...op, sheet: rename(op.sheet), chart };
}

/** The plan with every result sheet that would clear a sheet of the user's moved to a free name. */
export function keepUsersSheets(snapshot: WorkbookSnapshot, operations: SheetOperation[]): KeptSheets {
  const names = new Map<string, string>();
  const problems: Problem[] = [];
  for (const op of operations) {
    if (op.kind !== 'writeTable' || !op.replace || names.has(op.sheet)) continue;
    const target = freeName(snapshot, op.sheet, op.header);
    names.set(op.sheet, target);
    if (target !== op.sheet) problems.push({ sheet: op.sheet, row: 1, column: '', value: op.sheet, message: message('resultSheet.usersOwn', { sheet: op.sheet, target }) });
  }
  if (problems.length === 0) return { operations, names, problems };
  return { operations: operations.map((op) => renamed(op, names)), names, problems };
}
