/** «Воронка: движение» on the hand-checked history of movement-fixture.ts (the figures are worked there). */
import { planAnalysis } from '../analysis';
import { readHistory } from '../contact-history';
import { computeFunnelMovement } from '../funnel-movement';
import { isoToDay } from '../normalise/date';
import { MOVEMENT_AS_OF, MOVEMENT_MONTHS, movementWorkbook } from './movement-fixture';

const AS_OF = isoToDay(MOVEMENT_AS_OF)!;

describe('funnel movement', () => {
  const movement = computeFunnelMovement(readHistory(movementWorkbook()), AS_OF);

  it('counts the distinct clients entering each status per month, up to the as-of month, leaving out undated and later rows', () => {
    expect(movement.months).toEqual(MOVEMENT_MONTHS);
    expect([movement.undated, movement.later]).toEqual([1, 1]);
  });

  it('gives the conversion along the main chain: later, not necessarily directly, after the first entry', () => {
    expect(movement.conversions.map((c) => [c.from, c.to, c.entered, c.converted, c.rate])).toEqual([
      ['white', 'grey', 3, 3, 1],
      ['grey', 'green', 3, 2, 2 / 3],
      ['green', 'yellow', 2, 0, 0],
      ['yellow', 'green_gold', 1, 0, 0],
      ['green_gold', 'gold', 0, 0, null],
      ['gold', 'platinum', 0, 0, null],
    ]);
  });

  it('gives the median days of finished stays only, none that begins or ends with a seen row', () => {
    const days = Object.fromEntries(movement.days.map((d) => [d.status, [d.stays, d.medianDays]]));
    expect(days).toEqual({
      white: [3, 10],
      grey: [3, 25],
      green: [1, 15],
      yellow: [0, null],
      green_gold: [0, null],
      gold: [0, null],
      platinum: [0, null],
      red_green: [0, null],
      red_gold: [0, null],
      red_platinum: [0, null],
    });
  });

  it('extends the months to the as-of month with zeros', () => {
    const later = computeFunnelMovement(readHistory(movementWorkbook()), isoToDay('2026-05-10')!);
    expect(later.months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05']);
    // D's row of 04-02 counts now: Серый in April.
    expect(later.months[3].entered).toEqual([0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(later.months[4].entered.every((n) => n === 0)).toBe(true);
  });

  it('is planned as the sheet «Воронка — движение» with a chart and given in the report', () => {
    const plan = planAnalysis(movementWorkbook(), { asOf: AS_OF, now: new Date('2026-03-31T12:00:00Z'), parts: ['funnelMovement'] });
    expect(plan.report.funnelMovement?.months).toEqual(MOVEMENT_MONTHS);
    // Every client's status cell matches its last status row: nothing seen, nothing logged.
    expect(plan.report.statusChangesSeen).toBe(0);
    const ops = plan.operations.filter((op) => op.sheet === 'Воронка — движение');
    const first = ops[0];
    expect(first.kind === 'writeTable' && first.replace ? first.rows : null).toEqual(MOVEMENT_MONTHS.map((m) => [m.month, ...m.entered]));
    const chart = ops.find((op) => op.kind === 'addChart');
    expect(chart?.kind === 'addChart' ? [chart.chart.type, chart.chart.series.length, chart.chart.categories] : null).toEqual(['column', 10, { column: 1, fromRow: 2, toRow: 4 }]);

    // Below the entries: the conversion and the median days by month entered, one column per pair / status.
    const tables = ops.flatMap((op) => (op.kind === 'writeTable' ? [op] : []));
    const byMonth = tables.find((op) => op.header[0] === 'Конверсия по месяцу входа')!;
    expect([byMonth.anchor, byMonth.header.slice(1, 3)]).toEqual([{ row: 6, column: 1 }, ['Белый → Серый', 'Серый → Зелёный']]);
    expect(byMonth.rows).toEqual([
      ['2026-01', 1, 1, null, null, null, null],
      ['2026-02', 1, 0.5, 0, 0, null, null],
      ['2026-03', null, null, 0, null, null, null],
    ]);
    const days = tables.find((op) => op.header[0] === 'Медиана дней по месяцу входа')!;
    expect(days.anchor).toEqual({ row: 11, column: 1 });
    expect(days.rows.map((row) => row.slice(0, 4))).toEqual([
      ['2026-01', 20, 30, null],
      ['2026-02', 2, 18, 15],
      ['2026-03', null, null, null],
    ]);
  });
});
