/**
 * A1 notation, as every host writes cell addresses: column letters (1 → A, 27 → AA), cells (`B7`) and
 * ranges (`B7:D9`). One module, so no gateway or fake spells it differently.
 */

/** Column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 1-based column number of column letters: A → 1, AA → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The A1 range of 1-based rows `top..bottom` and columns `left..right`; a single cell as `B7`. */
export function rangeA1(top: number, left: number, bottom: number, right: number): string {
  const start = `${columnLetter(left)}${top}`;
  const end = `${columnLetter(right)}${bottom}`;
  return start === end ? start : `${start}:${end}`;
}
