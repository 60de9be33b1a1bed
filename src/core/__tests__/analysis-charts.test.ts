import { paretoCurve, segmentRevenue } from '../analysis-charts';
import { SEGMENT_KEYS } from '../rfm';

describe('paretoCurve', () => {
  it('ranks the clients with revenue and accumulates their shares', () => {
    // Ranked 50, 30, 15, 5 of 100 (the zero and the return do not count): four steps of a quarter of the clients.
    expect(paretoCurve([15, 0, 50, -20, 5, 30])).toEqual([[0, 0], [0.25, 0.5], [0.5, 0.8], [0.75, 0.95], [1, 1]]);
  });

  it('samples a long curve at 100 evenly spaced client counts', () => {
    // 200 clients: one of 801, 199 of 1; 1 000 in all. Step i takes the first 2i clients.
    const revenues = Array.from({ length: 200 }, (_, i) => (i === 120 ? 801 : 1));
    const curve = paretoCurve(revenues);
    expect(curve).toHaveLength(101);
    expect(curve[0]).toEqual([0, 0]);
    expect(curve[1]).toEqual([0.01, 0.802]); // 801 + 1
    expect(curve[50]).toEqual([0.5, 0.9]); // 801 + 99
    expect(curve[100]).toEqual([1, 1]);
    for (let i = 1; i < curve.length; i++) expect(curve[i][1]).toBeGreaterThanOrEqual(curve[i - 1][1]);
  });

  it('keeps uneven steps within a client of even', () => {
    // 150 clients of 2 each: step i takes round(1.5 i) clients, so the revenue share equals the client share.
    const curve = paretoCurve(new Array(150).fill(2));
    expect(curve).toHaveLength(101);
    expect(curve[1]).toEqual([0.0133, 0.0133]); // round(1.5) = 2 clients of 150
    expect(curve.every(([x, y]) => x === y)).toBe(true);
  });

  it('is empty without revenue', () => {
    expect(paretoCurve([])).toEqual([]);
    expect(paretoCurve([0, 0, -5])).toEqual([]);
  });
});

describe('segmentRevenue', () => {
  it('sums each segment and leaves unscored clients out', () => {
    const sums = segmentRevenue([
      { segment: 'champions', revenue: 100.1 },
      { segment: 'champions', revenue: 200.2 },
      { segment: 'hibernating', revenue: 5 },
      { segment: null, revenue: 1000 },
    ]);
    expect(sums.champions).toBe(300.3);
    expect(sums.hibernating).toBe(5);
    expect(Object.keys(sums).sort()).toEqual([...SEGMENT_KEYS].sort());
    expect(SEGMENT_KEYS.filter((key) => !['champions', 'hibernating'].includes(key)).every((key) => sums[key] === 0)).toBe(true);
  });
});
