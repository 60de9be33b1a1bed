/**
 * Money as users type it: `1 234,56`, `1 234,56 ₽` (thousands separated by a space, NBSP or narrow
 * NBSP), `1,234.56`, `1.234,56`, `1234.5`, `-500`, with `₽`, `руб.`, `р.` or `RUB` around it.
 * A single comma is a decimal comma (Russian first); a single dot is a decimal point.
 */
import type { CellValue } from '../../workbook/snapshot';

export type AmountError = 'notAnAmount';

export interface ParsedAmount {
  amount: number | null;
  error?: AmountError;
}

/** Currency marks allowed before or after the number. */
const CURRENCY = /(?:₽|руб(?:лей|ля|ль)?\.?|р\.?|rub\.?|rur\.?)/iu;
const WITH_CURRENCY = new RegExp(String.raw`^(?:${CURRENCY.source}\s*)?(.*?)(?:\s*${CURRENCY.source})?$`, 'iu');
const PLAIN = /^-?\d+(?:[.,]\d+)?$/;
/** Spaces and apostrophes used as thousands separators. */
const GROUP_SPACES = /[\s\u00A0\u2007\u2009\u202F']/gu;
const GROUP_SPACE = /[\s\u00A0\u2007\u2009\u202F']/u;

/** `1.234,56` / `1,234.56` / `1234,5` / `1 234` → a plain `1234.56` form, or null when not a number. */
function plainNumber(text: string): string | null {
  const commas = (text.match(/,/g) ?? []).length;
  const dots = (text.match(/\./g) ?? []).length;
  let plain = text;
  if (commas && dots) {
    const decimal = text.lastIndexOf(',') > text.lastIndexOf('.') ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    if ((text.match(new RegExp(`\\${decimal}`, 'g')) ?? []).length > 1) return null;
    plain = text.split(group).join('').replace(decimal, '.');
  } else if (commas > 1) {
    plain = text.replace(/,/g, '');
  } else if (dots > 1) {
    plain = text.replace(/\./g, '');
  } else if (commas === 1) {
    plain = text.replace(',', '.');
  }
  return /^\d+(?:\.\d+)?$|^\.\d+$/.test(plain) ? plain : null;
}

/** The amount a cell holds; `{amount: null}` without an error for an empty cell. */
export function parseAmount(value: CellValue | undefined): ParsedAmount {
  if (value === null || value === undefined) return { amount: null };
  if (typeof value === 'number') return Number.isFinite(value) ? { amount: value } : { amount: null, error: 'notAnAmount' };
  if (typeof value !== 'string') return { amount: null, error: 'notAnAmount' };
  const trimmed = value.trim();
  if (!trimmed) return { amount: null };
  // Most cells are plain (`1234`, `1 234,5`, `-500.25`): read them without the general rules below.
  const compact = GROUP_SPACE.test(trimmed) ? trimmed.replace(GROUP_SPACES, '') : trimmed;
  if (PLAIN.test(compact)) {
    const amount = Number(compact.replace(',', '.'));
    return { amount: amount === 0 ? 0 : amount };
  }
  const body = (WITH_CURRENCY.exec(trimmed)?.[1] ?? trimmed).replace(GROUP_SPACES, '');
  // A typographic minus (U+2212) or a dash counts as a minus sign.
  const sign = /^[-−–]/u.test(body) ? -1 : 1;
  const digits = sign < 0 ? body.slice(1) : body.replace(/^\+/, '');
  const plain = plainNumber(digits);
  if (plain === null) return { amount: null, error: 'notAnAmount' };
  const amount = sign * Number(plain);
  // `-0` would print as "0" but compare oddly in tests and sorts.
  return { amount: amount === 0 ? 0 : amount };
}
