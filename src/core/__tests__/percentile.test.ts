import { percentileInc, percentileIncSorted, percentilesInc } from '../percentile';

describe('percentileInc (Excel PERCENTILE.INC)', () => {
  it('interpolates at (n − 1)·p, like Excel', () => {
    // Excel: =PERCENTILE.INC({1,2,3,4,5}, 0.2) → 1.8; 0.4 → 2.6; 0.6 → 3.4; 0.8 → 4.2
    expect(percentilesInc([1, 2, 3, 4, 5], [0.2, 0.4, 0.6, 0.8]).map((v) => +v.toFixed(12))).toEqual([1.8, 2.6, 3.4, 4.2]);
    // =PERCENTILE.INC({15,20,35,40,50}, 0.4) → 29 (position 1.6: 20 + 0.6 · 15)
    expect(percentileInc([15, 20, 35, 40, 50], 0.4)).toBeCloseTo(29, 12);
    expect(percentileInc([10, 20], 0.25)).toBe(12.5);
  });

  it('does not depend on the input order and does not reorder the input', () => {
    const values = [50, 15, 40, 20, 35];
    expect(percentileInc(values, 0.4)).toBeCloseTo(29, 12);
    expect(values).toEqual([50, 15, 40, 20, 35]);
  });

  it('gives the extremes at 0 and 1 and the value itself for one value', () => {
    expect(percentileInc([3, 9, 1], 0)).toBe(1);
    expect(percentileInc([3, 9, 1], 1)).toBe(9);
    expect(percentileInc([7], 0.8)).toBe(7);
  });

  it('lands exactly on a value when (n − 1)·p is whole despite rounding (0.7 · 90)', () => {
    const sorted = Array.from({ length: 91 }, (_, i) => i * 10);
    expect(percentileIncSorted(sorted, 0.7)).toBe(630);
  });

  it('keeps equal neighbours exact', () => {
    expect(percentileInc([2, 2, 2, 2, 9], 0.6)).toBe(2);
  });

  it('is NaN for no values and rejects p outside 0..1', () => {
    expect(percentileInc([], 0.5)).toBeNaN();
    expect(() => percentileInc([1], 1.2)).toThrow(RangeError);
  });
});
