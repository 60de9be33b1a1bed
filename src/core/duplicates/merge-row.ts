/**
 * The kept row of a merge, cell by cell: how the merge makes it from the rows of the group, and how it is
 * written back. Used by the merge and again by its undo (which compares the row as the merge wrote it
 * with the row as it is then).
 *
 * The kept row's empty cells are filled from the other rows (the most complete first), comments are
 * joined with « | », phones and e-mails the kept row does not have are noted in its comment, the
 * tracker figures are combined (orders and revenue summed, first order the earliest, last order the
 * latest; the lead's tracker run recomputes them from the orders); analysis results stay the kept row's
 * own and the duplicate group is cleared.
 */
import type { CellValue, SheetSnapshot } from '../../workbook/snapshot';
import { rowIndex } from '../../workbook/snapshot';
import type { SheetOperation } from '../../workbook/operations';
import { say, type Base } from '../base';
import { headerRowOf } from '../layout';
import type { ClientField, Language } from '../model';
import { normaliseEmail } from '../normalise/email';
import { normalisePhone } from '../normalise/phone';
import { cellText, isBlank } from '../normalise/text';

/** Fields whose values are combined rather than filled from the first non-empty cell. */
const SUMMED: ReadonlySet<ClientField> = new Set<ClientField>(['orders', 'revenue']);
const EARLIEST: ReadonlySet<ClientField> = new Set<ClientField>(['firstOrder', 'firstContact']);
const LATEST: ReadonlySet<ClientField> = new Set<ClientField>(['lastOrder']);
/** Analysis results that the next analysis run rewrites: the kept row's own value stays. */
const LEFT_AS_IS: ReadonlySet<ClientField> = new Set<ClientField>(['id', 'abc', 'rfm', 'segment', 'daysSinceLastOrder', 'expectedOrder', 'rhythm']);

function comparable(value: CellValue): number | null {
  if (value instanceof Date) return value.getTime();
  if (typeof value === 'number') return value;
  return null;
}

function pickExtreme(values: CellValue[], latest: boolean): CellValue {
  let best: CellValue = null;
  for (const value of values) {
    const [v, b] = [comparable(value), comparable(best)];
    if (v === null) continue;
    if (b === null || (latest ? v > b : v < b)) best = value;
  }
  return best ?? values.find((value) => !isBlank(value)) ?? null;
}

/** The merged row: `keep` with its blanks filled from `others` (see the module comment). */
function mergeRow(keep: readonly CellValue[], others: ReadonlyArray<readonly CellValue[]>, fieldOfColumn: ReadonlyMap<number, ClientField>, width: number, language: Language, phoneRegion: string): CellValue[] {
  const merged: CellValue[] = [];
  const all = [keep, ...others];
  for (let c = 0; c < width; c++) {
    const field = fieldOfColumn.get(c);
    const own = keep[c] ?? null;
    const values = all.map((row) => row[c] ?? null).filter((value) => !isBlank(value));
    if (field === 'duplicateGroup') merged.push(null);
    else if (field && LEFT_AS_IS.has(field)) merged.push(own);
    else if (field && SUMMED.has(field)) {
      const numbers = values.filter((v): v is number => typeof v === 'number');
      merged.push(numbers.length === values.length && numbers.length > 0 ? Math.round(numbers.reduce((a, b) => a + b, 0) * 100) / 100 : own);
    } else if (field && (EARLIEST.has(field) || LATEST.has(field))) merged.push(pickExtreme(values, LATEST.has(field)));
    else if (field === 'comment') merged.push(null);
    else merged.push(isBlank(own) ? (values[0] ?? null) : own);
  }
  const commentColumn = [...fieldOfColumn].find(([, f]) => f === 'comment')?.[0];
  if (commentColumn !== undefined) {
    const notes = all.map((row) => cellText(row[commentColumn])).filter(Boolean);
    // Contacts the kept row does not carry go to its comment rather than being dropped.
    for (const [field, normalise, label] of [
      ['phone', (v: string) => normalisePhone(v, phoneRegion) ?? v, say(language, 'доп. телефон', 'other phone')],
      ['email', (v: string) => normaliseEmail(v) ?? v, say(language, 'доп. e-mail', 'other e-mail')],
    ] as const) {
      const column = [...fieldOfColumn].find(([, f]) => f === field)?.[0];
      if (column === undefined) continue;
      const keptValue = cellText(merged[column]);
      const seen = new Set([normalise(keptValue)]);
      for (const row of others) {
        const value = cellText(row[column]);
        if (value && !seen.has(normalise(value))) {
          seen.add(normalise(value));
          notes.push(`${label}: ${value}`);
        }
      }
    }
    merged[commentColumn] = [...new Set(notes)].join(' | ') || null;
  }
  return merged;
}

export type ClientsLayout = NonNullable<Base['layout']['clients']>;

/** The clients column of each field the layout found. */
function fieldsByColumn(layout: ClientsLayout): Map<number, ClientField> {
  return new Map<number, ClientField>(Object.entries(layout.columns).map(([field, c]) => [c as number, field as ClientField]));
}

/** The kept row as the merge writes it: the others fill its blanks in order of completeness. */
export function mergedKeptRow(kept: readonly CellValue[], removed: ReadonlyArray<readonly CellValue[]>, layout: ClientsLayout, width: number, language: Language, phoneRegion: string): CellValue[] {
  const filled = (row: readonly CellValue[]) => row.filter((v) => !isBlank(v)).length;
  const others = [...removed].sort((a, b) => filled(b) - filled(a));
  return mergeRow(kept, others, fieldsByColumn(layout), width, language, phoneRegion);
}

export function clientsWidth(layout: ClientsLayout): number {
  return Math.max(layout.usedWidth, layout.header.length);
}

/** The cells of spreadsheet row `row` (as the snapshot holds them: no header-row offset). */
export function cellsAt(sheet: SheetSnapshot | undefined, row: number): readonly CellValue[] {
  return sheet?.rows[rowIndex(row)] ?? [];
}

/** Two cells show the same thing (blanks of any kind are equal; text is compared trimmed). */
export function sameCell(a: CellValue | undefined, b: CellValue | undefined): boolean {
  return cellText(a) === cellText(b) && isBlank(a) === isBlank(b);
}

/** Writes `cells` (column index → value) into one row of the clients sheet, leaving its other cells. */
export function writeRowCells(layout: ClientsLayout, row: number, cells: ReadonlyArray<{ c: number; value: CellValue }>): SheetOperation {
  const index = rowIndex(row, layout.headerRow);
  return {
    kind: 'writeColumns',
    sheet: layout.sheet,
    ...headerRowOf(layout),
    columns: cells.map(({ value, c }) => {
      const values: Array<CellValue | undefined> = new Array(index + 1).fill(undefined);
      values[index] = value;
      return { column: c + 1, values };
    }),
  };
}
