/**
 * Text as users type it, made comparable: names of services, statuses, cities and values in dropdowns.
 * `ООО «Ромашка» ` and `ооо ромашка` compare equal; nothing here is ever written back to the sheet.
 */
import type { CellValue } from '../../workbook/snapshot';

/** Every kind of space a spreadsheet may hold: NBSP, narrow NBSP, figure space, thin spaces, tabs. */
const SPACES = /[\s\u00A0\u2007\u2009\u200A\u202F\u205F\u3000]+/gu;
const QUOTES = /[«»"'„“”‘’‚‹›`]/gu;

/** Anything `normaliseText` would change besides the case: quotes, ё, odd or doubled spaces. */
const NEEDS_FOLDING = /[«»"'„“”‘’‚‹›`ё]|[^\S ]|^ | $| {2}/u;

/** The comparable form of a text: trimmed, spaces collapsed, lower case, ё → е, quotes removed. */
export function normaliseText(value: unknown): string {
  if (value === null || value === undefined) return '';
  const lower = String(value).toLowerCase();
  // Most values (IDs, names already typed neatly) need only the lower case: skip the replacements.
  if (!NEEDS_FOLDING.test(lower)) return lower;
  return lower.replace(QUOTES, '').replace(SPACES, ' ').trim().replace(/ё/g, 'е');
}

/** A cell as the text the user sees, trimmed; '' for an empty cell. Dates give `dd.mm.yyyy`. */
export function cellText(value: CellValue | undefined): string {
  // String.prototype.trim also removes NBSP and the narrow NBSP (both are Unicode space separators).
  if (typeof value === 'string') return value.trim();
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (Number.isNaN(value.getTime())) return '';
  const dd = String(value.getUTCDate()).padStart(2, '0');
  const mm = String(value.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}.${mm}.${value.getUTCFullYear()}`;
}

/** True when a cell holds nothing but spaces. */
export function isBlank(value: CellValue | undefined): boolean {
  if (typeof value === 'string') return value.length === 0 || value.trim().length === 0;
  if (value === null || value === undefined) return true;
  return value instanceof Date && Number.isNaN(value.getTime());
}
