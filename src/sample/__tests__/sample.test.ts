import { generateSample } from '../workbook';
import { SAMPLE_HEADERS, SAMPLE_SHEETS } from '../sample-types';
import { readBase } from '../../core/base';
import { computeTracker } from '../../core/tracker';
import { computeRfm, countSegments } from '../../core/rfm';
import { computeManagerLoad } from '../../core/managers';
import { normalisePhone } from '../../core/normalise/phone';
import { normaliseEmail } from '../../core/normalise/email';
import { normaliseCity } from '../../core/normalise/city';
import { isoToDay } from '../../core/normalise/date';
import { DEFAULT_SETTINGS } from '../../core/settings';
import type { CellValue, SheetSnapshot } from '../../workbook/snapshot';

const sample = generateSample();
const sheet = (name: string) => sample.workbook.sheets.find((s) => s.name === name) as SheetSnapshot;
const clients = sheet(SAMPLE_SHEETS.clients);
const orders = sheet(SAMPLE_SHEETS.orders);
const column = (s: SheetSnapshot, header: string): CellValue[] => {
  const index = s.header.indexOf(header);
  return s.rows.map((row) => row[index]);
};
const base = readBase(sample.workbook);
const asOf = isoToDay(sample.facts.asOf) as number;
const tracker = computeTracker(base.clients.map((client) => client.history), base.orders, base.orderClient, asOf, DEFAULT_SETTINGS.coldDays);

describe('generateSample', () => {
  it('is deterministic: the same seed gives the same workbook, another seed another one', () => {
    const again = generateSample({ clients: 300, orders: 2000 });
    expect(generateSample({ clients: 300, orders: 2000 })).toEqual(again);
    expect(generateSample({ clients: 300, orders: 2000, seed: 2 }).workbook).not.toEqual(again.workbook);
  });

  it('writes as many order lines as asked, also fewer than the buyers and none at all (a base of clients only)', () => {
    for (const asked of [0, 40]) {
      const small = generateSample({ clients: 300, orders: asked });
      const lines = small.workbook.sheets.find((s) => s.name === SAMPLE_SHEETS.orders)!;
      expect(lines.rows).toHaveLength(asked);
      const read = readBase(small.workbook);
      expect(read.clients.length).toBe(300);
      expect(read.orderClient.filter((client) => client !== null).length).toBeLessThanOrEqual(asked);
    }
  });

  it('has the three sheets with the headers of a real base and the asked sizes', () => {
    expect(sample.workbook.sheets.map((s) => s.name)).toEqual(['Услуги', 'Клиенты', 'Заказы']);
    expect(clients.header).toEqual(SAMPLE_HEADERS.clients);
    expect(clients.header).not.toContain('ID');
    expect(orders.header).toEqual(SAMPLE_HEADERS.orders);
    expect(sheet('Услуги').rows.length).toBeGreaterThanOrEqual(18);
    expect(clients.rows).toHaveLength(2000);
    expect(orders.rows).toHaveLength(15000);
    const days = base.orders.map((o) => o.date).filter((d): d is number => d !== null);
    expect(Math.min(...days)).toBeGreaterThanOrEqual(asOf - 3 * 365);
    expect(Math.max(...days)).toBeLessThan(asOf);
  });

  it('links every order to a client except the planted orders for an unknown client', () => {
    const unlinked = base.orderClient.flatMap((client, i) => (client === null ? [base.orders[i].row] : []));
    expect(unlinked).toEqual(sample.facts.unknownClientOrderRows);
    expect(unlinked).toHaveLength(2);
  });

  it('plants duplicates that share a phone or an e-mail written differently, or a name and city', () => {
    expect(sample.facts.duplicates).toHaveLength(60);
    const phones = column(clients, 'Телефон');
    const emails = column(clients, 'E-mail');
    const names = column(clients, 'Клиент');
    const cities = column(clients, 'Город');
    for (const d of sample.facts.duplicates) {
      const [a, b] = [d.originalRow - 2, d.duplicateRow - 2];
      expect(names[b]).not.toEqual(names[a]);
      expect(normaliseCity(cities[b])).toBe(normaliseCity(cities[a]));
      if (d.sharedPhone) {
        expect(phones[b]).not.toEqual(phones[a]);
        expect(normalisePhone(phones[a])).toBe(d.sharedPhone);
        expect(normalisePhone(phones[b])).toBe(d.sharedPhone);
      }
      if (d.sharedEmail) {
        expect(emails[b]).not.toEqual(emails[a]);
        expect(normaliseEmail(emails[b])).toBe(normaliseEmail(emails[a]));
      }
    }
    const variations = new Set(sample.facts.duplicates.flatMap((d) => d.variations));
    expect([...variations].sort()).toEqual(['city', 'emailCase', 'latin', 'legalForm', 'phoneFormat', 'wordOrder', 'yo']);
  });

  it('has the bad cells it says, where it says', () => {
    const kinds = sample.facts.badCells.map((c) => `${c.sheet}/${c.column}`);
    expect(kinds).toEqual(expect.arrayContaining(['Заказы/Дата', 'Заказы/Сумма', 'Заказы/Услуга', 'Клиенты/E-mail', 'Клиенты/Телефон', 'Клиенты/Клиент']));
    for (const cell of sample.facts.badCells) {
      const s = sheet(cell.sheet);
      const value = s.rows[cell.row - 2][s.header.indexOf(cell.column)];
      expect(value).toBe(cell.column === 'Клиент' ? null : cell.value);
    }
    const problems = base.problems.map((p) => `${p.sheet}/${p.row}/${p.value}`);
    expect(problems).toEqual(expect.arrayContaining(sample.facts.badCells.filter((c) => ['32.13.2024', 'дорого'].includes(c.value)).map((c) => `${c.sheet}/${c.row}/${c.value}`)));
  });

  it('types phones, cities, dates and amounts the many ways people do', () => {
    const phones = column(clients, 'Телефон').filter((p): p is string => typeof p === 'string');
    const shapes = new Set(phones.map((p) => p.replace(/\d/g, 'X')));
    expect(shapes.size).toBeGreaterThanOrEqual(6);
    const moscow = new Set(column(clients, 'Город').filter((c) => normaliseCity(c) === 'Москва'));
    expect(moscow.size).toBeGreaterThanOrEqual(5);
    const amounts = column(orders, 'Сумма');
    const textAmounts = amounts.filter((a) => typeof a === 'string' && /^-?\d{1,3}(\u00A0\d{3})*(,\d\d)?\u00A0₽$/.test(a));
    expect(textAmounts.length).toBeGreaterThan(300);
    expect(amounts.filter((a) => typeof a === 'number').length).toBeGreaterThan(13000);
    expect(amounts.some((a) => typeof a === 'number' && a < 0)).toBe(true);
    const dates = column(orders, 'Дата');
    expect(dates.filter((d) => typeof d === 'string' && /^\d\d\.\d\d\.\d{4}$/.test(d)).length).toBeGreaterThan(300);
    expect(dates.filter((d) => d instanceof Date).length).toBeGreaterThan(13000);
    const names = column(clients, 'Клиент').filter((n): n is string => typeof n === 'string');
    expect(names.some((n) => /^ООО «.+»$/.test(n))).toBe(true);
    expect(names.some((n) => /^ИП /.test(n))).toBe(true);
    expect(names.some((n) => /^АО /.test(n))).toBe(true);
  });

  it('gives the analyses something to say: Pareto revenue, every RFM segment, one overloaded manager', () => {
    const revenues = tracker.map((t) => t.revenue).sort((a, b) => b - a);
    const total = revenues.reduce((a, b) => a + b, 0);
    const top = revenues.slice(0, Math.round(revenues.length * 0.2)).reduce((a, b) => a + b, 0);
    expect(top / total).toBeGreaterThan(0.6);
    expect(tracker.filter((t) => t.orders === 0).length).toBeGreaterThan(100);

    const rfm = computeRfm(tracker, { mode: 'percentiles', recencyBands: DEFAULT_SETTINGS.rfmRecencyBands, frequencyBands: DEFAULT_SETTINGS.rfmFrequencyBands });
    for (const [segment, count] of Object.entries(countSegments(rfm.scores))) expect([segment, count > 20]).toEqual([segment, true]);

    const load = computeManagerLoad(base.clients, tracker, DEFAULT_SETTINGS.managerLimit);
    expect(load.managers.filter((m) => m.manager !== '')).toHaveLength(6);
    expect(load.managers.filter((m) => m.overLimit).map((m) => m.manager)).toEqual(['Анна Крылова']);

    const statuses = column(clients, 'Статус');
    expect(statuses.filter((s) => s !== null).length / statuses.length).toBeGreaterThan(0.85);
  });
});
