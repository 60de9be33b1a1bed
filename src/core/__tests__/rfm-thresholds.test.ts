import { rfmThresholdTable, shownThreshold } from '../rfm-thresholds';
import { percentileInc } from '../percentile';
import { Random } from '../../sample/random';

describe('RFM thresholds as the sheet shows them', () => {
  it('rounds down to the measure\'s step, so every value is scored the same against the shown number', () => {
    const random = new Random(5);
    for (let trial = 0; trial < 200; trial++) {
      const days = Array.from({ length: 1 + random.int(0, 30) }, () => random.int(0, 400));
      const money = Array.from({ length: 1 + random.int(0, 30) }, () => random.int(1, 5_000_000) / 100);
      for (const p of [0.2, 0.4, 0.6, 0.8]) {
        const t = percentileInc(days, p);
        for (const v of days) expect([v, v > shownThreshold(t, 'recency')]).toEqual([v, v > t]);
        const m = percentileInc(money, p);
        const shown = shownThreshold(m, 'monetary');
        expect(Math.round(shown * 100)).toBeCloseTo(shown * 100, 6);
        for (const v of money) expect([v, v > shown]).toEqual([v, v > m]);
      }
    }
    // A float just below a kopeck boundary is that kopeck, not the one below.
    expect(shownThreshold(0.29, 'monetary')).toBe(0.29);
    expect(shownThreshold(133890.5480000002, 'monetary')).toBe(133890.54);
    expect(shownThreshold(39.4, 'recency')).toBe(39);
  });

  it('heads the columns with the percentiles and says in words what they mean', () => {
    const { header, rows } = rfmThresholdTable({ mode: 'percentiles', recency: [12.2, 19, 39.4, 87.8], frequency: [1, 1, 2, 2.6], monetary: [3000, 10000.5, 60000.999, 133890.5480000002] }, 'ru');
    expect(header).toEqual(['Порог', '20 %', '40 %', '60 %', '80 %', 'Что это значит']);
    expect(rows.map((row) => row.slice(1, 5))).toEqual([
      [12, 19, 39, 87],
      [1, 1, 2, 2],
      [3000, 10000.5, 60000.99, 133890.54],
    ]);
    expect(rows[0][5]).toBe('Процентили (как PERCENTILE.INC в Excel): у 20 % клиентов с последнего заказа прошло не больше 12 дней, у 80 % — не больше 87 дней.');
    expect(rows[1][5]).toBe('Процентили (как PERCENTILE.INC в Excel): 20 % клиентов сделали не больше 1 заказа, 80 % — не больше 2 заказов.');
    expect(rows[2][5]).toBe('Процентили (как PERCENTILE.INC в Excel): 20 % клиентов принесли не больше 3\u00a0000 ₽, 80 % — не больше 133\u00a0890,54 ₽.');
  });

  it('names the bands of the fixed mode as the settings\' own, M staying percentiles', () => {
    const { header, rows } = rfmThresholdTable({ mode: 'fixed', recency: [30, 60, 90, 180], frequency: [1, 2, 3, 5], monetary: [1, 2, 3, 4] }, 'en');
    expect(header.slice(1, 5)).toEqual(['1', '2', '3', '4']);
    expect(rows[0][5]).toBe('Bands from the settings: 30 days / 60 days / 90 days / 180 days.');
    expect(rows[1][5]).toBe('Bands from the settings: 1 order / 2 orders / 3 orders / 5 orders.');
    expect(String(rows[2][5])).toMatch(/^Percentiles/);
  });
});
