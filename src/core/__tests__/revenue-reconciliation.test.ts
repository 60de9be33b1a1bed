import type { WriteTable } from '../../workbook/operations';
import { analysisSummary, planAnalysis } from '../analysis';
import { isoToDay } from '../normalise/date';
import { generateSample } from '../../sample/workbook';

// The sample has returns, orders whose client is not on the clients sheet, and services sold but not listed:
// the three totals differ, and each ABC sheet must say why, in lines that add up.
const sample = generateSample();
const asOf = isoToDay(sample.facts.asOf)!;
const plan = planAnalysis(sample.workbook, { asOf, parts: ['abc'] });
const block = (sheet: string) => {
  const op = plan.operations.find((o) => o.kind === 'writeTable' && o.sheet === sheet && o.anchor?.column === 14) as WriteTable;
  return op.rows.map((row) => ({ label: String(row[0]), count: row[1] as number, revenue: row[2] as number }));
};
const kopecks = (x: number) => Math.round(x * 100);

describe('what each ABC total includes', () => {
  it('clients: A, B, C plus the clients outside ABC is the panel summary', () => {
    const [abc, outside, all, withoutClient, later] = block('ABC');
    const summary = analysisSummary(plan.report);
    const classes = plan.operations.find((o) => o.kind === 'writeTable' && o.sheet === 'ABC' && o.anchor?.column === 9) as WriteTable;
    const total = classes.rows.find((row) => row[0] === 'Итого')!;
    expect(kopecks(abc.revenue)).toBe(kopecks(total[2] as number));
    expect(kopecks(abc.revenue + outside.revenue)).toBe(kopecks(all.revenue));
    expect(kopecks(all.revenue)).toBe(kopecks(summary.revenue));
    expect(abc.count + outside.count).toBe(all.count);
    expect(all.count).toBe(summary.clients);
    // Two orders for a client nobody entered, and none after the as-of day.
    expect(withoutClient.count).toBe(sample.facts.unknownClientOrderRows.length);
    expect(withoutClient.revenue).toBeGreaterThan(0);
    expect(later).toMatchObject({ count: 0, revenue: 0 });
    expect(withoutClient.label).toMatch(/^Не входят/);
  });

  it('services: A, B, C plus the services outside ABC plus the lines without a service is every order line', () => {
    const [abc, outside, withoutService, all, withoutClient] = block('ABC услуг');
    const classes = plan.operations.find((o) => o.kind === 'writeTable' && o.sheet === 'ABC услуг' && o.anchor?.column === 9) as WriteTable;
    expect(kopecks(abc.revenue)).toBe(kopecks(classes.rows.find((row) => row[0] === 'Итого')![2] as number));
    expect(kopecks(abc.revenue + outside.revenue + withoutService.revenue)).toBe(kopecks(all.revenue));
    expect(all.count).toBe(sample.workbook.sheets.find((s) => s.name === 'Заказы')!.rows.length);
    // The lines whose client is not in the base are the same on both sheets.
    expect(withoutClient).toEqual({ ...block('ABC')[3], label: withoutClient.label });
  });
});
