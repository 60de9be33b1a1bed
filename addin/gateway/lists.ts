/**
 * Validation lists and their sources. Excel keeps an inline list as one comma-separated string of at most
 * 255 characters, with no way to escape a comma; a list that does not fit goes to a very hidden helper
 * sheet, one column per validated range (row 1 holds the range's key), and the rule points there.
 */
import { columnLetter } from '../../src/workbook/a1';

export const LISTS_SHEET = '_Списки';
const INLINE_LIMIT = 255;

/** The inline source for a list, or null when the list must live on the helper sheet. */
export function inlineListSource(values: string[]): string | null {
  if (values.length === 0) return null;
  if (values.some((v) => v === '' || /[,"]/.test(v) || v !== v.trim() || v.startsWith('='))) return null;
  const source = values.join(',');
  return source.length <= INLINE_LIMIT ? source : null;
}

export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `='Услуги'!$A$2:$A$21`: an absolute reference to a block of one column. */
export function columnSource(sheet: string, column: number, fromRow: number, toRow: number): string {
  const col = columnLetter(column);
  return `=${quoteSheetName(sheet)}!$${col}$${fromRow}:$${col}$${toRow}`;
}

/** The helper sheet's columns by key, as read from its row 1; new keys take the next free column. */
export class ListColumns {
  private readonly byKey = new Map<string, number>();

  constructor(keys: unknown[]) {
    keys.forEach((key, i) => {
      if (typeof key === 'string' && key !== '') this.byKey.set(key, i + 1);
    });
  }

  columnFor(key: string): number {
    let column = this.byKey.get(key);
    if (column === undefined) {
      column = Math.max(0, ...this.byKey.values()) + 1;
      this.byKey.set(key, column);
    }
    return column;
  }
}
