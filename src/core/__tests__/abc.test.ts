import { assignAbcClasses, rankAbc, summariseAbc } from '../abc';

describe('assignAbcClasses', () => {
  it('keeps the client who crosses a cut-off in the upper class', () => {
    // cumulative share before: 0 → A, 50 % → A (crosses 75 %), 80 % → B
    expect(assignAbcClasses([50, 30, 20])).toEqual(['A', 'A', 'B']);
  });

  it('classes by the share BEFORE the client: exactly 75 % before is B, exactly 95 % is C', () => {
    expect(assignAbcClasses([75, 20, 5])).toEqual(['A', 'B', 'C']);
  });

  it('sorts by revenue descending and gives results in input order', () => {
    expect(assignAbcClasses([5, 75, 20])).toEqual(['C', 'A', 'B']);
  });

  it('breaks ties by input (sheet) order', () => {
    // four equal clients: before = 0, 25, 50, 75 % → the last in sheet order is B
    expect(assignAbcClasses([10, 10, 10, 10])).toEqual(['A', 'A', 'A', 'B']);
    const ranking = rankAbc([1, 10, 10, 1]);
    expect(ranking.order).toEqual([1, 2, 0, 3]);
  });

  it('gives no class to zero or negative revenue and leaves it out of the total', () => {
    const ranking = rankAbc([0, -500, 100, 60, 40]);
    expect(ranking.classes).toEqual([null, null, 'A', 'A', 'B']);
    expect(ranking.total).toBe(200);
  });

  it('handles no clients, no sales and one client', () => {
    expect(assignAbcClasses([])).toEqual([]);
    expect(assignAbcClasses([0, 0])).toEqual([null, null]);
    expect(assignAbcClasses([12.5])).toEqual(['A']);
  });

  it('uses the cut-offs given', () => {
    expect(assignAbcClasses([40, 30, 20, 10], 50, 30)).toEqual(['A', 'A', 'B', 'C']);
  });

  it('compares shares exactly where division would round (29 % before, cut-off 29 %)', () => {
    // 29/100·100 is 28.999999999999996 in floating point, which would wrongly keep the second item in A.
    expect(assignAbcClasses([29, 28, 28, 15], 29, 20)).toEqual(['A', 'B', 'C', 'C']);
  });

  it('reports item and cumulative shares in rank order', () => {
    const ranking = rankAbc([25, 0, 75]);
    expect(Array.from(ranking.share)).toEqual([0.75, 0.25]);
    expect(Array.from(ranking.cumulativeShare)).toEqual([0.75, 1]);
  });
});

describe('summariseAbc', () => {
  it('sums clients, revenue and shares per class', () => {
    const values = [50, 30, 20, 0, -5];
    const summary = summariseAbc(values, assignAbcClasses(values));
    expect(summary).toEqual({
      A: { clients: 2, revenue: 80, share: 0.8 },
      B: { clients: 1, revenue: 20, share: 0.2 },
      C: { clients: 0, revenue: 0, share: 0 },
      none: 2,
      total: 100,
    });
  });

  it('is all zero without sales', () => {
    const summary = summariseAbc([0], [null]);
    expect(summary.A).toEqual({ clients: 0, revenue: 0, share: 0 });
    expect(summary.none).toBe(1);
  });
});

describe('shares that sit exactly on a cut-off', () => {
  it('puts a client whose share before it is exactly 75 % in B, whatever binary rounding says', () => {
    // 54.96 + 20.04 = 75.00 of a 100.00 total; in floating point the total is 100.00000000000001.
    expect(assignAbcClasses([54.96, 20.04, 19.46, 5.54])).toEqual(['A', 'A', 'B', 'B']);
  });

  it('puts a client whose share before it is exactly 95 % in C', () => {
    expect(assignAbcClasses([75, 20, 5])).toEqual(['A', 'B', 'C']);
  });
});
