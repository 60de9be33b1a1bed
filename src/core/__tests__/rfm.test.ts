import { DEFAULT_SETTINGS } from '../settings';
import { computeRfm, countSegments, findSegment, rfmSegment, segmentLabel, type RfmMeasures, type RfmOptions } from '../rfm';

const PERCENTILES: RfmOptions = { mode: 'percentiles', recencyBands: [], frequencyBands: [] };
const FIXED: RfmOptions = { mode: 'fixed', recencyBands: DEFAULT_SETTINGS.rfmRecencyBands, frequencyBands: DEFAULT_SETTINGS.rfmFrequencyBands };

const client = (daysSinceLastOrder: number | null, orders: number, revenue: number): RfmMeasures => ({ daysSinceLastOrder, orders, revenue });

describe('computeRfm with percentiles', () => {
  it('scores against the 20/40/60/80 % PERCENTILE.INC thresholds', () => {
    const rows = [client(10, 1, 100), client(20, 2, 200), client(30, 3, 300), client(40, 4, 400), client(50, 5, 500)];
    const { scores, thresholds, scored } = computeRfm(rows, PERCENTILES);
    expect(scored).toBe(5);
    expect(thresholds.recency.map((t) => +t.toFixed(9))).toEqual([18, 26, 34, 42]);
    expect(thresholds.frequency.map((t) => +t.toFixed(9))).toEqual([1.8, 2.6, 3.4, 4.2]);
    expect(thresholds.monetary.map((t) => +t.toFixed(9))).toEqual([180, 260, 340, 420]);
    expect(scores.map((s) => s?.code)).toEqual(['511', '422', '333', '244', '155']);
    expect(scores.map((s) => s?.segment)).toEqual(['new', 'potential_loyalists', 'need_attention', 'at_risk', 'cant_lose']);
  });

  it('compares strictly: a value equal to a threshold does not exceed it', () => {
    // days 0,10,…,40: thresholds 8,16,24,32 — none equal; orders 1,1,2,3,3: thresholds 1, 1.6, 2.4, 3
    const rows = [client(0, 1, 5), client(10, 1, 5), client(20, 2, 5), client(30, 3, 5), client(40, 3, 5)];
    const { scores, thresholds } = computeRfm(rows, PERCENTILES);
    expect(thresholds.frequency.map((t) => +t.toFixed(9))).toEqual([1, 1.6, 2.4, 3]);
    expect(scores.map((s) => s?.f)).toEqual([1, 1, 3, 4, 4]);
  });

  it('gives equal values equal scores (all clients with one order and the same revenue)', () => {
    const rows = [client(5, 1, 100), client(90, 1, 100), client(5, 1, 100), client(300, 1, 100)];
    const { scores } = computeRfm(rows, PERCENTILES);
    expect(scores.map((s) => s?.f)).toEqual([1, 1, 1, 1]);
    expect(scores.map((s) => s?.m)).toEqual([1, 1, 1, 1]);
    expect(scores[0]?.r).toBe(scores[2]?.r);
    expect(scores[0]?.r).toBe(5);
  });

  it('scores a single client 5-1-1 (new)', () => {
    const { scores, thresholds } = computeRfm([client(12, 3, 999)], PERCENTILES);
    expect(scores[0]).toEqual({ r: 5, f: 1, m: 1, code: '511', segment: 'new' });
    expect(thresholds.recency).toEqual([12, 12, 12, 12]);
  });

  it('leaves clients without orders (or without a dated order) out of scores and thresholds', () => {
    const base = [client(10, 1, 100), client(20, 2, 200), client(30, 3, 300)];
    const withOthers = [client(null, 0, 0), ...base, client(null, 2, 50), client(null, 0, 0)];
    const a = computeRfm(base, PERCENTILES);
    const b = computeRfm(withOthers, PERCENTILES);
    expect(b.thresholds).toEqual(a.thresholds);
    expect(b.scored).toBe(3);
    expect(b.scores[0]).toBeNull();
    expect(b.scores[4]).toBeNull();
    expect(b.scores.slice(1, 4)).toEqual(a.scores);
  });

  it('scores zero and negative revenue in the lowest M band', () => {
    const rows = [client(1, 1, -50), client(1, 1, 0), client(1, 1, 100), client(1, 1, 200), client(1, 1, 300)];
    expect(computeRfm(rows, PERCENTILES).scores.map((s) => s?.m)).toEqual([1, 2, 3, 4, 5]);
  });

  it('returns empty thresholds when nobody has orders', () => {
    const result = computeRfm([client(null, 0, 0)], PERCENTILES);
    expect(result).toEqual({ scores: [null], thresholds: { mode: 'percentiles', recency: [], frequency: [], monetary: [] }, scored: 0 });
  });
});

describe('computeRfm with fixed bands', () => {
  it('uses the bands for R and F (≤30/60/90/180 days; 1/2/3/4-5/6+ orders) and percentiles for M', () => {
    const rows = [client(30, 1, 10), client(31, 3, 20), client(60, 4, 30), client(180, 5, 40), client(181, 6, 50)];
    const { scores, thresholds } = computeRfm(rows, FIXED);
    expect(scores.map((s) => s?.r)).toEqual([5, 4, 4, 2, 1]);
    expect(scores.map((s) => s?.f)).toEqual([1, 3, 4, 4, 5]);
    expect(scores.map((s) => s?.m)).toEqual([1, 2, 3, 4, 5]);
    expect(thresholds).toMatchObject({ mode: 'fixed', recency: [30, 60, 90, 180], frequency: [1, 2, 3, 5] });
  });

  it('rejects bands that are not four ascending numbers', () => {
    expect(() => computeRfm([client(1, 1, 1)], { ...FIXED, recencyBands: [30, 20, 90, 180] })).toThrow(RangeError);
  });
});

describe('rfmSegment', () => {
  it('follows docs/ARCHITECTURE.md for all 25 (R, F) pairs', () => {
    const expected: Record<number, string[]> = {
      1: ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'],
      2: ['hibernating', 'hibernating', 'at_risk', 'at_risk', 'cant_lose'],
      3: ['about_to_sleep', 'about_to_sleep', 'need_attention', 'loyal', 'loyal'],
      4: ['promising', 'potential_loyalists', 'potential_loyalists', 'loyal', 'loyal'],
      5: ['new', 'potential_loyalists', 'potential_loyalists', 'champions', 'champions'],
    };
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) expect([r, f, rfmSegment(r, f)]).toEqual([r, f, expected[r][f - 1]]);
  });

  it('counts every segment key, zeros included', () => {
    const { scores } = computeRfm([client(1, 1, 1)], PERCENTILES);
    const counts = countSegments([...scores, null]);
    expect(Object.keys(counts)).toHaveLength(10);
    expect(counts.new).toBe(1);
    expect(counts.champions).toBe(0);
  });

  it('has labels in both languages and finds a segment by either', () => {
    expect(segmentLabel('cant_lose', 'ru')).toBe('Нельзя потерять');
    expect(findSegment(' нельзя потерять ')).toBe('cant_lose');
    expect(findSegment("Can't lose")).toBe('cant_lose');
    expect(findSegment('potential_loyalists')).toBe('potential_loyalists');
    expect(findSegment('')).toBeUndefined();
  });
});
