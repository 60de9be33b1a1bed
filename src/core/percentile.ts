/**
 * Percentiles computed exactly like Excel's PERCENTILE.INC (and NumPy's default "linear" method):
 * over the n values sorted ascending, the p-th percentile sits at the 0-based position h = (n − 1)·p,
 * interpolated linearly between the two neighbouring values.
 */

/**
 * PERCENTILE.INC of values already sorted ascending; p in [0, 1]. NaN for an empty list.
 *
 * (n − 1)·p is snapped to the nearest whole number when it is within rounding error of it: in binary
 * floating point 0.7 · 90 comes out as 62.99999999999999, and without the snap the result would be a
 * hair below the value at position 3 — enough to flip a "value exceeds the threshold" comparison.
 */
export function percentileIncSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile must be within 0..1, got ${p}`);
  let h = (n - 1) * p;
  const nearest = Math.round(h);
  if (Math.abs(h - nearest) < 1e-9) h = nearest;
  const lower = Math.floor(h);
  const fraction = h - lower;
  if (fraction === 0) return sorted[lower];
  return sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower]);
}

/** PERCENTILE.INC of values in any order (the input is not changed). */
export function percentileInc(values: ArrayLike<number>, p: number): number {
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  return percentileIncSorted(sorted, p);
}

/** Several percentiles of the same values, sorting them once. */
export function percentilesInc(values: ArrayLike<number>, ps: readonly number[]): number[] {
  const sorted = Float64Array.from(values as ArrayLike<number>).sort();
  return ps.map((p) => percentileIncSorted(sorted, p));
}
