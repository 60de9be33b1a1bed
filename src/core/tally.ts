/**
 * Counting clients by a free-typed value (city, industry, manager): values that differ only in case,
 * spacing, quotes or ё/е are one group, shown under the first spelling met in the sheet.
 */
import { normaliseText } from './normalise/text';

export interface Tally {
  /** The first spelling met, trimmed; '' for the group of empty values. */
  label: string;
  count: number;
}

/** Groups by the comparable form of each value; biggest first, then by label, the empty group last. */
export function tallyValues(values: Iterable<string>): Tally[] {
  const groups = new Map<string, Tally>();
  for (const value of values) {
    const key = normaliseText(value);
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { label: key === '' ? '' : value.trim(), count: 1 });
  }
  return [...groups.values()].sort(
    (a, b) =>
      Number(a.label === '') - Number(b.label === '') || b.count - a.count || a.label.localeCompare(b.label, 'ru'),
  );
}
