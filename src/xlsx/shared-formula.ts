/**
 * The formula of a shared formula's follower cell (ECMA-376 part 1, §18.3.1.40 `f` with t="shared"): the
 * file stores the text once, on the master cell, and each follower means the same formula moved by its
 * offset from the master, as if copied there. Relative parts of references move; `$`-anchored parts stay.
 * Text in string literals, quoted sheet names and the names of functions and defined names never moves.
 */
import { columnLetter, columnNumber } from '../workbook/a1';

const MAX_COLUMN = 16384;
const MAX_ROW = 1048576;

// In order: a string literal, a quoted sheet name, a cell reference (not a function's name, not a sheet's
// name), any other name (a function, a defined name, an unquoted sheet name), taken whole so that a
// reference is never found inside it.
const TOKEN = /"(?:[^"]|"")*"|'(?:[^']|'')*'|(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w.(!])|[A-Za-z_\\][\w.]*/g;

/** A1 (or $A$1) → column and row numbers. */
function cellPosition(address: string): { column: number; row: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address);
  if (!m) throw new Error(`Not a cell address: ${address}`);
  return { column: columnNumber(m[1].toUpperCase()), row: Number(m[2]) };
}

/** `formula`, written for the cell `from`, as it reads in the cell `to`. A reference moved off the grid is #REF!. */
export function slideFormula(formula: string, from: string, to: string): string {
  const master = cellPosition(from);
  const follower = cellPosition(to);
  const dColumn = follower.column - master.column;
  const dRow = follower.row - master.row;
  return formula.replace(TOKEN, (token: string, columnAnchor?: string, letters?: string, rowAnchor?: string, digits?: string) => {
    if (letters === undefined || digits === undefined) return token;
    const column = columnNumber(letters.toUpperCase());
    if (column > MAX_COLUMN) return token;
    const movedColumn = columnAnchor ? column : column + dColumn;
    const movedRow = rowAnchor ? Number(digits) : Number(digits) + dRow;
    if (movedColumn < 1 || movedColumn > MAX_COLUMN || movedRow < 1 || movedRow > MAX_ROW) return '#REF!';
    return `${columnAnchor}${columnLetter(movedColumn)}${rowAnchor}${movedRow}`;
  });
}
