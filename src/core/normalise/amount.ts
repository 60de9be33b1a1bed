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

/** Powers of ten exact in binary floating point (10^22 is the largest). */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Up to 15 digits, a whole number of digits is exact in binary floating point. */
const MAX_EXACT_DIGITS = 15;

/** A thousands separator in a plain amount: space, NBSP, narrow NBSP, figure space, thin space, apostrophe. */
function isGroupSeparator(code: number): boolean {
  return code === 0x20 || code === 0xa0 || code === 0x202f || code === 0x2007 || code === 0x2009 || code === 0x27;
}

/**
 * `1234`, `-500,25`, `1 234,56` (any thousands separator above) read with character codes: the amount,
 * or NaN for anything else (currency marks, grouping by dots or commas, empty text), which
 * `parseAmount`'s general rules then read. The value is the digits as one whole number divided by a
 * power of ten: both are exact, so the quotient is the correctly rounded amount, as `Number` gives.
 */
function plainAmountText(text: string): number {
  const n = text.length;
  let i = text.charCodeAt(0) === 45 ? 1 : 0;
  let mantissa = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < n; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + (code - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if ((code === 44 || code === 46) && decimals < 0 && digits > 0) {
      decimals = 0;
    } else if (!isGroupSeparator(code) || decimals >= 0) {
      return Number.NaN;
    }
  }
  if (digits === 0 || digits > MAX_EXACT_DIGITS || decimals === 0) return Number.NaN;
  if (mantissa === 0) return 0;
  const amount = decimals > 0 ? mantissa / EXACT_POWERS_OF_TEN[decimals] : mantissa;
  return text.charCodeAt(0) === 45 ? -amount : amount;
}

/**
 * The amount of a number cell or of a plain amount text (see `plainAmountText`), without allocating:
 * NaN for anything else, empty cells and errors included, which `parseAmount` then reads. For readers
 * of big sheets; `plainAmount(v)` is never a different amount from `parseAmount(v).amount`.
 */
export function plainAmount(value: CellValue | undefined): number {
  if (typeof value === 'number') return Number.isFinite(value) ? value : Number.NaN;
  return typeof value === 'string' ? plainAmountText(value) : Number.NaN;
}

/** The amount a cell holds; `{amount: null}` without an error for an empty cell. */
export function parseAmount(value: CellValue | undefined): ParsedAmount {
  if (value === null || value === undefined) return { amount: null };
  if (typeof value === 'number') return Number.isFinite(value) ? { amount: value } : { amount: null, error: 'notAnAmount' };
  if (typeof value !== 'string') return { amount: null, error: 'notAnAmount' };
  const quick = plainAmountText(value);
  if (quick === quick) return { amount: quick };
  const trimmed = value.trim();
  if (!trimmed) return { amount: null };
  // Other plain forms (`1 234,5` with a tab or a leading space, more than 15 digits) without the general rules.
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
