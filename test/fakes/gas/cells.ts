/**
 * How the fake stores and shows cells, and how it interprets a string written by `setValues` the way
 * Google Sheets does (as if the user typed it): `=…` and `+…`/`-…`/`@…` that are not numbers become
 * formulas, numeric text becomes a number, `dd.mm.yyyy` a date, TRUE/FALSE a boolean — unless the cell's
 * number format is plain text (`@`) or the string starts with an apostrophe (which is dropped). Being this
 * hostile is what makes the gateway's literal-text tests meaningful.
 */

export type StoredValue = string | number | boolean | Date;

export interface FakeCell {
  value?: StoredValue;
  /** The formula text when the cell holds a formula (its value is then an error string). */
  formula?: string;
  format?: string;
  /** Lower-case `#rrggbb`, as Sheets reports it. */
  background?: string;
}

/** One formatter per zone: making one costs far more than using it, and a big fake has many dates. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Wall-clock fields of an instant in a time zone, as a Date whose UTC fields carry them. */
export function wallClock(instant: Date, timeZone: string): Date {
  const parts = formatterOf(timeZone).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return new Date(Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'), instant.getUTCMilliseconds()));
}

/** The instant at which the wall clock of `timeZone` shows the UTC fields of `wall`. */
export function instantOf(wall: Date, timeZone: string): Date {
  let guess = wall.getTime();
  for (let i = 0; i < 3; i++) guess = wall.getTime() - (wallClock(new Date(guess), timeZone).getTime() - guess);
  return new Date(guess);
}

const NUMBER = /^[+-]?(\d{1,3}([\s\u00a0]\d{3})+|\d+)([.,]\d+)?$/;
const DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** What Sheets makes of a string typed into a cell with the given format. */
export function interpretTyped(text: string, format: string | undefined, timeZone: string): FakeCell {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (format === '@' || text === '') return { value: text };
  const trimmed = text.trim();
  if (NUMBER.test(trimmed)) return { value: Number(trimmed.replace(/[\s\u00a0]/g, '').replace(',', '.')) };
  if (/^[=+\-@]/.test(trimmed)) return { formula: trimmed.startsWith('=') ? trimmed : `=${trimmed}`, value: '#ERROR!' };
  const date = DATE.exec(trimmed);
  if (date) return { value: instantOf(new Date(Date.UTC(Number(date[3]), Number(date[2]) - 1, Number(date[1]))), timeZone) };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  return { value: text };
}

/** The text a cell shows (dates as dd.mm.yyyy in the spreadsheet's zone), for display values and filters. */
export function displayText(cell: FakeCell | undefined, timeZone: string): string {
  const value = cell?.value;
  if (value === undefined) return '';
  if (value instanceof Date) {
    const wall = wallClock(value, timeZone);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(wall.getUTCDate())}.${pad(wall.getUTCMonth() + 1)}.${wall.getUTCFullYear()}`;
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
