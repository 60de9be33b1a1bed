/**
 * A job's operations as text, and that text in cell-sized pieces.
 *
 * Plain JSON would lose two things operations carry: cell values that are `Date`s (JSON makes them ISO
 * strings, which would then be written as text) and the `undefined` of writeColumns, which means "leave
 * this cell alone" (JSON makes it `null`, which would clear the cell). Both are written as tagged objects
 * and turned back on reading. No cell value is an object, so the tags cannot collide with user data.
 */
const DATE_TAG = '$date';
const UNDEFINED_TAG = '$undefined';

function isTagged(value: unknown, tag: string): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && tag in value && Object.keys(value).length === 1;
}

export function encodeJson(value: unknown): string {
  return JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    // `v` is already the result of Date's toJSON; the holder still has the Date itself
    const raw = (this as Record<string, unknown>)[key];
    if (raw instanceof Date) return { [DATE_TAG]: Number.isNaN(raw.getTime()) ? null : raw.toISOString() };
    if (v === undefined && Array.isArray(this)) return { [UNDEFINED_TAG]: true };
    return v;
  });
}

export function decodeJson<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => {
    if (isTagged(v, DATE_TAG)) return new Date(v[DATE_TAG] === null ? NaN : String(v[DATE_TAG]));
    // the array, not the element: a reviver that answers undefined deletes the element and leaves a hole
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) if (isTagged(v[i], UNDEFINED_TAG)) v[i] = undefined;
    return v;
  }) as T;
}

/**
 * The text cut into pieces of at most `size` characters, never between the two halves of a surrogate pair
 * (a lone half cannot be stored as UTF-8 and would come back as U+FFFD).
 */
export function splitText(text: string, size: number): string[] {
  if (size < 2) throw new Error('splitText: pieces must hold at least two characters');
  const pieces: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}
