/**
 * CSV text → rows of fields, as 1C, banks, Excel and Google Sheets write it (RFC 4180 and the usual
 * departures from it).
 *
 * - Records end at CRLF, LF or a lone CR; a newline at the end of the text does not start an empty record.
 * - A field that starts with `"` is quoted: separators and newlines inside are data, `""` is one quote.
 * - A quote in the middle of an unquoted field is data (`ООО "Ромашка"` as 1C writes it unquoted).
 * - A field that opens with a quote but does not close before the separator (`"Ромашка" ООО`) is not
 *   a quoted field after all: it is kept exactly as written, quotes included, so nothing typed is lost.
 *   A lone quote never pairs with a quote on a later line unless that one closes a field, so the
 *   lines between stay lines (`"Ромашка;100` then `03.03;"Роза" ООО;300` are two records).
 * - Fields are kept exactly as written: spaces, tabs and line breaks inside are data.
 * - A byte-order mark at the start is dropped.
 *
 * Fields are sliced out of the text, never built character by character, and no regular expression
 * runs per character (see `parseCsv` for the fast path); a value that recurs in a column is one shared
 * string (see `FieldStrings`).
 */

import { FieldStrings } from './field-strings';

export type CsvSeparator = ';' | ',' | '\t';

/** Candidates in order of preference when two fit equally well: 1C writes `;`. */
const CANDIDATES: readonly CsvSeparator[] = [';', '\t', ','];
const QUOTE = 34;
const LF = 10;
const CR = 13;
const BOM = 0xfeff;

/** How many records `detectSeparator` looks at. */
const SAMPLE_RECORDS = 50;

/**
 * Counts each candidate per record over the first records, outside quoted text.
 * Records without any candidate (a 1C title line, a blank line) are left out.
 */
function separatorCounts(text: string): number[][] {
  const codes = CANDIDATES.map((c) => c.charCodeAt(0));
  const records: number[][] = [];
  let counts = codes.map(() => 0);
  let inQuotes = false;
  const flush = () => {
    if (counts.some((n) => n > 0)) records.push(counts);
    counts = codes.map(() => 0);
  };
  for (let i = 0; i < text.length && records.length < SAMPLE_RECORDS; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === LF || c === CR) flush();
    else {
      const k = codes.indexOf(c);
      if (k >= 0) counts[k]++;
    }
  }
  flush();
  return records;
}

/** The most frequent non-zero value and how many records have it. */
function modalCount(values: number[]): { count: number; records: number } {
  const tally = new Map<number, number>();
  for (const v of values) if (v > 0) tally.set(v, (tally.get(v) ?? 0) + 1);
  let best = { count: 0, records: 0 };
  for (const [count, records] of tally) {
    if (records > best.records || (records === best.records && count > best.count)) best = { count, records };
  }
  return best;
}

/**
 * The field separator: the candidate that splits the most records into the same number of fields
 * (then the one giving more fields, then `;` before tab before `,`). A comma inside `1 234,56` appears
 * once or twice per line and in no header, so it loses to the `;` that every line, the header included,
 * has the same number of. Text without any candidate gives `;`.
 */
export function detectSeparator(text: string): CsvSeparator {
  const records = separatorCounts(text);
  let best: { separator: CsvSeparator; records: number; count: number } = { separator: ';', records: 0, count: 0 };
  CANDIDATES.forEach((separator, k) => {
    const mode = modalCount(records.map((counts) => counts[k]));
    if (mode.records > best.records || (mode.records === best.records && mode.count > best.count)) {
      best = { separator, records: mode.records, count: mode.count };
    }
  });
  return best.separator;
}

/** Index of the first separator, CR or LF at or after `from`; `text.length` when there is none. */
function fieldEnd(text: string, from: number, separator: number): number {
  const n = text.length;
  let p = from;
  while (p < n) {
    const c = text.charCodeAt(p);
    if (c === separator || c === LF || c === CR) return p;
    p++;
  }
  return n;
}

/** Whether text[from, to) holds a CR or an LF (a loop: `indexOf` would search on past `to`). */
function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c === LF || c === CR) return true;
  }
  return false;
}

/**
 * Reads the quoted field starting at `start` (on its opening quote). Returns the value and the index
 * just after the field; a malformed quoted field is read raw up to the next separator or newline.
 */
function quotedField(text: string, start: number, separator: number): { value: string; end: number } {
  const n = text.length;
  let value = '';
  let from = start + 1;
  for (;;) {
    const q = text.indexOf('"', from);
    if (q < 0) break;
    if (text.charCodeAt(q + 1) === QUOTE) {
      value += text.slice(from, q + 1);
      from = q + 2;
      continue;
    }
    const after = q + 1;
    const c = after < n ? text.charCodeAt(after) : -1;
    if (c === -1 || c === separator || c === LF || c === CR) return { value: value + text.slice(from, q), end: after };
    // Text after the closing quote: the field was never quoted. On the same line, keep it whole up to
    // the separator; a quote found on a later line is another field's, and reading up to it would fold
    // the lines between into this field, so the field ends at its own line's separator.
    const end = fieldEnd(text, lineBreakBetween(text, start, q) ? start + 1 : after, separator);
    return { value: text.slice(start, end), end };
  }
  // No closing quote at all: a lone quote that opens an unquoted field.
  const end = fieldEnd(text, start + 1, separator);
  return { value: text.slice(start, end), end };
}

/**
 * Reads one record starting at `start` into `row` with the character scanner (quotes, lone CRs).
 * Returns the index just after the record's line end, or `text.length`.
 */
function scanRecord(text: string, start: number, sep: number, row: string[], strings: FieldStrings): number {
  const n = text.length;
  let i = start;
  for (;;) {
    let end: number;
    if (text.charCodeAt(i) === QUOTE) {
      const field = quotedField(text, i, sep);
      row.push(field.value);
      end = field.end;
    } else {
      end = fieldEnd(text, i, sep);
      row.push(strings.field(row.length, i, end));
    }
    if (end >= n) return n;
    const c = text.charCodeAt(end);
    if (c !== sep) return c === CR && text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
    i = end + 1;
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at < 0 ? text.length : at;
}

/** Splits the record text[start, end) that has no quote and no line break at each separator. */
function splitPlainRecord(text: string, start: number, end: number, separator: string, row: string[], strings: FieldStrings): void {
  let i = start;
  for (;;) {
    const s = text.indexOf(separator, i);
    if (s < 0 || s >= end) {
      row.push(strings.field(row.length, i, end));
      return;
    }
    row.push(strings.field(row.length, i, s));
    i = s + 1;
  }
}

/** How many lines text[from, to) ends: its LFs, and its CRs not followed by an LF (old Mac line ends). */
function lineEndsBetween(text: string, from: number, to: number): number {
  let count = 0;
  for (let p = from; p < to; p++) {
    const c = text.charCodeAt(p);
    if (c === LF || (c === CR && text.charCodeAt(p + 1) !== LF)) count++;
  }
  return count;
}

/**
 * The records of a CSV text as arrays of field strings (empty fields are '').
 *
 * Most records hold no quote: for them the line end and the separators are found with the native
 * `indexOf`, which is several times faster than a loop over characters; a record with a quote or a
 * lone CR goes through the character scanner.
 *
 * `firstLines`, when given, receives the file line (1-based) each record starts on: a record whose
 * quoted field spans lines takes several, and the problems of an import name the line a user finds.
 */
export function parseCsv(text: string, separator: CsvSeparator = detectSeparator(text), firstLines?: number[]): string[][] {
  const sep = separator.charCodeAt(0);
  const n = text.length;
  const rows: string[][] = [];
  let i = text.charCodeAt(0) === BOM ? 1 : 0;
  let line = 1;
  // Positions of the next quote, CR and LF at or after i, n when there is none; refreshed lazily, so a
  // file of lone CRs (old Mac line ends) is not searched to its end for an LF once per record.
  let nextQuote = -1;
  let nextCr = -1;
  let nextLf = -1;
  const fields: string[] = [];
  const strings = new FieldStrings(text);
  while (i < n) {
    if (nextQuote < i) nextQuote = indexOrEnd(text, '"', i);
    if (nextCr < i) nextCr = indexOrEnd(text, '\r', i);
    if (nextLf < i) nextLf = indexOrEnd(text, '\n', i);
    const lineEnd = nextLf;
    const contentEnd = nextCr === lineEnd - 1 ? lineEnd - 1 : lineEnd;
    fields.length = 0;
    firstLines?.push(line);
    if (nextQuote < contentEnd || nextCr < contentEnd) {
      const start = i;
      i = scanRecord(text, i, sep, fields, strings);
      if (firstLines) line += lineEndsBetween(text, start, i);
    } else {
      splitPlainRecord(text, i, contentEnd, separator, fields, strings);
      i = lineEnd + 1;
      line++;
    }
    // A copy of exactly the record's length: an array grown by push keeps room for 17 fields, which on
    // a million six-field records is about 90 MB of empty slots for the collector to copy.
    rows.push(fields.slice());
  }
  return rows;
}
