import type { Order } from '../model';
import { computeFunnel } from '../funnel';
import { computeManagerLoad } from '../managers';
import { revenueByService } from '../service-revenue';
import type { TrackerRow } from '../tracker';

const facts = (status: string, cityNormalised = '', industry = '') => ({ status, cityNormalised, industry });

describe('computeFunnel', () => {
  it('counts all ten statuses in funnel order, any spelling, then unknown and empty', () => {
    const report = computeFunnel([facts('Золотой'), facts(' золотой '), facts('Зеленый'), facts('Gold'), facts('VIP'), facts('')]);
    expect(report.total).toBe(6);
    expect(report.statuses.map((s) => s.key)).toEqual([
      'white', 'grey', 'green', 'yellow', 'green_gold', 'gold', 'platinum', 'red_green', 'red_gold', 'red_platinum',
    ]);
    expect(report.statuses.find((s) => s.key === 'gold')?.clients).toBe(3);
    expect(report.statuses.find((s) => s.key === 'green')?.clients).toBe(1);
    expect(report.statuses.find((s) => s.key === 'white')?.clients).toBe(0);
    expect(report.unknownStatus).toBe(1);
    expect(report.emptyStatus).toBe(1);
  });

  it('groups cities and industries by their comparable form, biggest first, empty last', () => {
    const report = computeFunnel([
      facts('', 'Москва', 'Розница'),
      facts('', 'Казань', 'розница '),
      facts('', '', 'Услуги'),
      facts('', 'Москва', ''),
      facts('', 'Казань', 'ООО «Опт»'),
      facts('', 'Москва', 'ооо опт'),
    ]);
    expect(report.cities).toEqual([
      { label: 'Москва', count: 3 },
      { label: 'Казань', count: 2 },
      { label: '', count: 1 },
    ]);
    expect(report.industries).toEqual([
      { label: 'ООО «Опт»', count: 2 },
      { label: 'Розница', count: 2 },
      { label: 'Услуги', count: 1 },
      { label: '', count: 1 },
    ]);
  });

  it('reports an empty base', () => {
    const report = computeFunnel([]);
    expect(report.total).toBe(0);
    expect(report.cities).toEqual([]);
  });
});

const tracked = (orders: number, days: number | null, cold: boolean, revenue = 0): TrackerRow => ({
  firstOrder: null, lastOrder: null, orders, revenue, revenueKnown: true, fromOrders: orders > 0, daysSinceLastOrder: days, cold, medianGap: null, expectedOrder: null, slipping: false,
});

describe('computeManagerLoad', () => {
  const client = (row: number, manager: string) => ({ row, id: `К-${row}`, name: `Клиент ${row}`, manager });

  it('counts clients, active, cold, without orders and revenue per manager', () => {
    const clients = [client(2, 'Иванова'), client(3, ' иванова'), client(4, 'Петров'), client(5, ''), client(6, 'Иванова')];
    const tracker = [tracked(2, 10, false, 100), tracked(1, 90, true, 50.5), tracked(0, null, false), tracked(3, 61, true, 7), tracked(1, null, false, 1)];
    const report = computeManagerLoad(clients, tracker, 70);
    expect(report.managers).toEqual([
      { manager: 'Иванова', clients: 3, active: 2, cold: 1, withoutOrders: 0, revenue: 151.5, overLimit: false },
      { manager: 'Петров', clients: 1, active: 0, cold: 0, withoutOrders: 1, revenue: 0, overLimit: false },
      { manager: '', clients: 1, active: 0, cold: 1, withoutOrders: 0, revenue: 7, overLimit: false },
    ]);
    expect(report.coldClients).toEqual([
      { row: 3, id: 'К-3', name: 'Клиент 3', manager: 'Иванова', daysSinceLastOrder: 90, revenue: 50.5 },
      { row: 5, id: 'К-5', name: 'Клиент 5', manager: '', daysSinceLastOrder: 61, revenue: 7 },
    ]);
  });

  it('is over the limit only with MORE active clients than the limit', () => {
    const clients = [client(2, 'А'), client(3, 'А'), client(4, 'А'), client(5, 'Б'), client(6, 'Б')];
    const tracker = [tracked(1, 1, false), tracked(1, 1, false), tracked(1, 1, false), tracked(1, 1, false), tracked(1, 100, true)];
    const report = computeManagerLoad(clients, tracker, 2);
    expect(report.managers.map((m) => [m.manager, m.active, m.overLimit])).toEqual([
      ['А', 3, true],
      ['Б', 1, false],
    ]);
  });
});

describe('revenueByService', () => {
  const order = (service: string, amount: number | null, date: number | null = 100): Order => ({
    row: 2, date, clientId: '', client: '', service, amount, number: '', manager: '', comment: '',
  });

  it('sums per listed service by comparable name, unknown names after, undated counted, later orders and blanks left out', () => {
    const result = revenueByService(
      ['Стрижка', 'Окрашивание', 'Укладка'],
      [order('стрижка ', 1000), order('Окрашивание', 2500, null), order('Маникюр', 800), order('', 50), order('Стрижка', 999, 101), order('Стрижка', -200)],
      100,
    );
    expect(result).toEqual([
      { name: 'Стрижка', listed: true, lines: 2, revenue: 800 },
      { name: 'Окрашивание', listed: true, lines: 1, revenue: 2500 },
      { name: 'Укладка', listed: true, lines: 0, revenue: 0 },
      { name: 'Маникюр', listed: false, lines: 1, revenue: 800 },
    ]);
  });
});
