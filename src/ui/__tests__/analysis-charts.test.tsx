/** @jest-environment jsdom */
import '../testing/setup';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderPanel, settingsLoaded } from './render';
import { fixtureBook } from '../testing/fixtureBook';

// The figures follow from the fixture base (src/ui/testing/fixtureBook.ts, as of 2024-06-30); see also
// analysis.test.tsx. Revenue, descending: Ромашка 135 000, Петров 120 000, Вектор 80 000, Волкова 75 000,
// Техносервис 60 000, Зайцев 10 000, Орлов 5 000, Северный ветер 3 000; 488 000 in all. ABC: A the first
// four (410 000, 84.0 %), B Техносервис (12.3 %), C the last three (18 000, 3.7 %); four clients have no orders.

async function runAll(options: Parameters<typeof renderPanel>[0] = {}) {
  const view = renderPanel(options);
  fireEvent.click(screen.getByTestId('tab-analysis'));
  await settingsLoaded();
  fireEvent.click(screen.getByTestId('run-all'));
  await screen.findByTestId('summary', {}, { timeout: 5000 });
  return view;
}

const spaced = (text: string | null | undefined) => text?.replace(/\s/g, ' ');
const points = (line: Element) => (line.getAttribute('points') ?? '').split(' ').map((pair) => pair.split(',').map(Number));

describe('Analysis charts', () => {
  it('draw the Pareto curve of the eight clients with revenue and name its figures', async () => {
    await runAll();
    const chart = screen.getByRole('img', { name: /^Кривая Парето/ });
    expect(chart.getAttribute('data-testid')).toBe('pareto-chart');
    expect(spaced(chart.getAttribute('aria-label'))).toBe(
      'Кривая Парето: класс A — 4 клиента из 8 (50 %), 84 % выручки (граница 75 %); класс B — 1 клиент, 12,3 % (граница 95 %); класс C — 3 клиента, 3,7 %.',
    );
    expect(spaced(chart.querySelector('title')?.textContent)).toBe(spaced(chart.getAttribute('aria-label')));
    // Eight clients: the origin and one point per client; one bar per client, coloured by its class.
    const line = within(chart).getByTestId('pareto-line');
    const curve = points(line);
    expect(curve).toHaveLength(9);
    const bars = within(chart).getAllByTestId('pareto-bar');
    expect(bars.map((bar) => bar.getAttribute('data-abc'))).toEqual(['A', 'A', 'A', 'A', 'B', 'C', 'C', 'C']);
    // A bar's height is its client's revenue against the largest: Петров's 120 000 to Ромашка's 135 000.
    const heights = bars.map((bar) => Number(bar.getAttribute('height')));
    expect(heights[1] / heights[0]).toBeCloseTo(120 / 135, 3);
    // The line rises with each client by his share: after four clients 410 / 488 of the plot's height.
    const [origin, , , , afterA, , , , end] = curve;
    expect((origin[1] - afterA[1]) / (origin[1] - end[1])).toBeCloseTo(410 / 488, 2);
    expect(within(chart).getAllByTestId('pareto-limit')).toHaveLength(2);
    expect(['A', 'B', 'C'].map((cls) => within(chart).queryByTestId(`pareto-zone-${cls}`)?.textContent)).toEqual(['A', 'B', 'C']);
  });

  it('draw the limits the analysis used', async () => {
    renderPanel();
    fireEvent.click(screen.getByTestId('tab-analysis'));
    await settingsLoaded();
    fireEvent.change(screen.getByTestId('settings-abc-a'), { target: { value: '50' } });
    fireEvent.change(screen.getByTestId('settings-abc-b'), { target: { value: '30' } });
    fireEvent.click(screen.getByTestId('save-settings'));
    await screen.findByTestId('settings-saved');
    fireEvent.click(screen.getByTestId('run-abc'));
    // The share before each client: 0, 27.7 % → A (Ромашка, Петров: 255 000, 52.3 %); 52.3 %, 68.6 % → B (Вектор,
    // Волкова: 155 000, 31.8 %); 84.0 % and on → C (the other four: 78 000, 16.0 %).
    const chart = await screen.findByTestId('pareto-chart');
    expect(spaced(chart.getAttribute('aria-label'))).toBe(
      'Кривая Парето: класс A — 2 клиента из 8 (25 %), 52,3 % выручки (граница 50 %); класс B — 2 клиента, 31,8 % (граница 80 %); класс C — 4 клиента, 16 %.',
    );
  });

  it('draw two bars per RFM segment: its share of clients and of revenue', async () => {
    await runAll();
    const chart = screen.getByTestId('segment-chart');
    expect(chart.getAttribute('role')).toBe('img');
    // Seven segments (see analysis.test.tsx); revenue: Петров 120 000 champion, Волкова 75 000 loyal, Северный
    // ветер 3 000 new, Зайцев 10 000 need attention, Вектор 80 000 about to sleep, Ромашка 135 000 at risk,
    // Техносервис 60 000 and Орлов 5 000 hibernating.
    expect(within(chart).getAllByTestId('segment-bar')).toHaveLength(14);
    expect(spaced(chart.getAttribute('aria-label'))).toBe(
      'RFM-сегменты: Чемпионы — 1 клиент, 24,6 % выручки; Лояльные — 1 клиент, 15,4 % выручки; Новички — 1 клиент, 0,6 % выручки; ' +
        'Требуют внимания — 1 клиент, 2 % выручки; Засыпающие — 1 клиент, 16,4 % выручки; Под угрозой — 1 клиент, 27,7 % выручки; ' +
        'Спящие — 2 клиента, 13,3 % выручки.',
    );
    const hibernating = within(chart).getByTestId('segment-hibernating');
    expect(spaced(hibernating.textContent)).toBe('Спящие · 2 клиента25 %13,3 %');
  });

  it('speak English in an English panel', async () => {
    await runAll({ language: 'en' });
    expect(screen.getByTestId('pareto-chart').getAttribute('aria-label')).toBe(
      'Pareto curve: class A, 4 clients of 8 (50%), 84% of revenue (limit 75%); class B, 1 client, 12.3% (limit 95%); class C, 3 clients, 3.7%.',
    );
    expect(screen.getByTestId('segment-chart').getAttribute('aria-label')).toBe(
      'RFM segments: Champions: 1 client, 24.6% of revenue; Loyal: 1 client, 15.4% of revenue; New: 1 client, 0.6% of revenue; ' +
        'Need attention: 1 client, 2% of revenue; About to sleep: 1 client, 16.4% of revenue; At risk: 1 client, 27.7% of revenue; ' +
        'Hibernating: 2 clients, 13.3% of revenue.',
    );
  });

  it('say in a sentence that there is nothing to draw for a base without orders', async () => {
    const book = fixtureBook();
    book.sheets = book.sheets.filter((sheet) => sheet.name !== 'Заказы');
    await runAll({ book });
    expect(screen.queryByTestId('pareto-chart')).toBeNull();
    expect(screen.queryByTestId('segment-chart')).toBeNull();
    expect(screen.queryByRole('img', { name: /Парето|RFM/ })).toBeNull();
    expect(screen.getByTestId('pareto-empty').textContent).toBe('Графика нет: ни у одного клиента ещё нет выручки.');
    expect(screen.getByTestId('segments-empty').textContent).toBe('Графика нет: ни у одного клиента ещё нет заказов.');
  });
});
