import { calendarDay } from '../normalise/date';
import { classifyXyz, monthlyRevenue, xyzWindow, XYZ_MONTHS } from '../value/xyz';

const day = (y: number, m: number, d: number) => calendarDay(y, m, d) as number;

/** Monthly revenue of one group per row of 12 figures. */
function rows(...months: number[][]): Float64Array {
  return Float64Array.from(months.flat());
}

describe('XYZ window', () => {
  it('is the 12 full calendar months before the as-of month', () => {
    const window = xyzWindow(day(2026, 12, 4));
    expect(window.monthStarts[0]).toBe(day(2025, 12, 1));
    expect(window.monthStarts[11]).toBe(day(2026, 11, 1));
    expect(window.end).toBe(day(2026, 12, 1));
    // The last day of a month: that month still runs as of it, and is not counted.
    expect(xyzWindow(day(2026, 1, 31)).monthStarts[0]).toBe(day(2025, 1, 1));
  });
  it('puts lines in their month; lines outside the window, undated or without a group are left out', () => {
    const lines = [
      { day: day(2025, 11, 30), amount: 1000, group: 0 },
      { day: day(2025, 12, 1), amount: 10, group: 0 },
      { day: day(2026, 2, 28), amount: 20, group: 0 },
      { day: day(2026, 2, 1), amount: 5, group: 1 },
      { day: day(2026, 11, 30), amount: 30, group: 1 },
      { day: day(2026, 12, 1), amount: 1000, group: 1 },
      { day: null, amount: 1000, group: 1 },
      { day: day(2026, 3, 3), amount: 1000, group: null },
    ];
    const revenue = monthlyRevenue(2, day(2026, 12, 4), lines.length, (i) => lines[i]);
    expect(revenue.length).toBe(2 * XYZ_MONTHS);
    expect(Array.from(revenue.slice(0, 12))).toEqual([10, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(revenue.slice(12))).toEqual([0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 30]);
  });
});

describe('XYZ classes', () => {
  const alternating = (low: number, high: number) => Array.from({ length: 12 }, (_, m) => (m % 2 === 0 ? low : high));
  it('classifies by the population CV with empty months as 0', () => {
    const { classes, variation } = classifyXyz(
      rows(
        new Array(12).fill(100), // CV 0 → X
        alternating(90, 110), // mean 100, std 10 → CV exactly 10 % → X
        alternating(80, 120), // std 20 → 20 % → Y
        alternating(75, 125), // 25 % → Y (the limit is inclusive)
        [...new Array(11).fill(100), 0], // mean 91.667; Σ(dev²) = 11·8.333² + 91.667² = 9166.67; std = √763.89 = 27.639; CV 30.15 % → Z
        new Array(12).fill(0), // nothing sold → no class
        [100, -100, ...new Array(10).fill(0)], // sums to 0 → no class
        [-50, ...new Array(11).fill(0)], // negative → no class
      ),
      10,
      25,
    );
    expect(classes).toEqual(['X', 'X', 'Y', 'Y', 'Z', null, null, null]);
    expect(variation[0]).toBe(0);
    expect(variation[4]).toBeCloseTo(Math.sqrt(9166.6667 / 12) / (1100 / 12), 6);
    expect(variation[4]).toBeCloseTo(0.301511, 6);
    expect(variation[5]).toBeNull();
  });
  it('follows the limits it is given', () => {
    const { classes } = classifyXyz(rows(alternating(80, 120)), 20, 30);
    expect(classes).toEqual(['X']);
    expect(classifyXyz(rows(alternating(80, 120)), 5, 15).classes).toEqual(['Z']);
  });
  it('a single order in the year is Z (CV √11 = 331.7 %)', () => {
    const { classes, variation } = classifyXyz(rows([0, 0, 0, 0, 500, 0, 0, 0, 0, 0, 0, 0]), 10, 25);
    expect(classes).toEqual(['Z']);
    expect(variation[0]).toBeCloseTo(Math.sqrt(11), 10);
  });
});
