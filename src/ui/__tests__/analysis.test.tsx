/** @jest-environment jsdom */
import '../testing/setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderPanel, settingsLoaded } from './render';
import { fixtureBook, moreClients } from '../testing/fixtureBook';

// The figures below follow from the fixture base (src/ui/testing/fixtureBook.ts, its table as of 2024-06-30)
// and the definitions in docs/ARCHITECTURE.md.

async function openAnalysisTab(options: Parameters<typeof renderPanel>[0] = {}) {
  const view = renderPanel(options);
  fireEvent.click(screen.getByTestId('tab-analysis'));
  await settingsLoaded();
  return view;
}

describe('Analysis tab', () => {
  it('running ABC shows the result and the revenue shares', async () => {
    const { actions } = await openAnalysisTab();
    fireEvent.click(screen.getByTestId('run-abc'));
    // Revenue, descending: Ромашка 135 000, Петров 120 000, Вектор 80 000, Волкова 75 000, Техносервис 60 000,
    // Зайцев 10 000, Орлов 5 000, Северный ветер 3 000; 488 000 in all. The share before each client:
    // 0; 135/488 = 27.7 %; 255/488 = 52.3 %; 335/488 = 68.6 % → A (Волкова crosses 75 % and stays A);
    // 410/488 = 84.0 % → B (Техносервис crosses 95 % and stays B); 470/488 = 96.3 %, 480/488 = 98.4 %,
    // 485/488 = 99.4 % → C. Four clients have no orders.
    expect((await screen.findByTestId('run-result')).textContent).toBe('ABC: A 4, B 1, C 3, без продаж 4.');
    const shares = screen.getByTestId('abc-shares');
    const text = (id: string) => within(shares).getByTestId(id).textContent?.replace(/\s/g, ' ');
    // A: 410 000 / 488 000 = 84.02 %; B: 60 000 / 488 000 = 12.30 %; C: 18 000 / 488 000 = 3.69 %.
    expect(text('abc-bar-A')).toBe('A: 4 клиента · 84 %');
    expect(text('abc-bar-B')).toBe('B: 1 клиент · 12,3 %');
    expect(text('abc-bar-C')).toBe('C: 3 клиента · 3,7 %');
    expect(shares.textContent).toContain('Без продаж: 4');
    expect(actions.calls.filter((c) => c.method === 'run').map((c) => c.args[0])).toEqual(['abc']);
  });

  it('running RFM shows the segment counts and the cold clients', async () => {
    await openAnalysisTab();
    fireEvent.click(screen.getByTestId('run-rfm'));
    // Eight clients with orders. PERCENTILE.INC at 20/40/60/80 % of n = 8 sorted values sits at rank 1.4, 2.8, 4.2, 5.6 (0-based).
    // Days 5 10 15 20 29 81 91 198 → t = 12, 19, 39.4, 87; R = 5 − thresholds exceeded:
    //   Северный 5 → 5, Петров 10 → 5, Волкова 15 → 4, Зайцев 20 → 3, Вектор 29 → 3, Техносервис 81 → 2, Ромашка 91 → 1, Орлов 198 → 1.
    // Orders 1 1 1 1 2 2 3 4 → t = 1, 1, 2, 2.6; F = 1 + thresholds exceeded: 1 → 1, 2 → 3, 3 → 5, 4 → 5.
    // (R, F): Петров (5, 5) champions; Волкова (4, 5) loyal; Северный (5, 1) new; Зайцев (3, 3) need attention;
    // Вектор (3, 1) about to sleep; Ромашка (1, 3) at risk; Техносервис (2, 1) and Орлов (1, 1) hibernating.
    expect((await screen.findByTestId('run-result')).textContent).toBe('RFM: оценено клиентов 8.');
    const segments = screen.getByTestId('segments');
    // Each segment's row of the chart is named by its first line.
    const count = (key: string) => within(segments).getByTestId(`segment-${key}`).querySelector('text')?.textContent?.replace(/\s/g, ' ');
    expect(count('champions')).toBe('Чемпионы · 1 клиент');
    expect(count('loyal')).toBe('Лояльные · 1 клиент');
    expect(count('at_risk')).toBe('Под угрозой · 1 клиент');
    expect(count('hibernating')).toBe('Спящие · 2 клиента');
    for (const empty of ['potential_loyalists', 'promising', 'cant_lose']) expect(within(segments).queryByTestId(`segment-${empty}`)).toBeNull();
    // Cold (≥ 60 days): Ромашка, Орлов, Техносервис.
    expect(screen.getByTestId('summary-cold').textContent).toBe('Холодных клиентов: 3');
  });

  it('keeps the last summary when the user switches tabs and back', async () => {
    await openAnalysisTab();
    fireEvent.click(screen.getByTestId('run-abc'));
    await screen.findByTestId('abc-shares');
    fireEvent.click(screen.getByTestId('tab-clients'));
    fireEvent.click(screen.getByTestId('tab-analysis'));
    expect(screen.getByTestId('abc-shares')).toBeTruthy();
    await settingsLoaded();
  });

  it('lists the first 50 problems and counts the rest', async () => {
    // The fixture base has no problems; 60 more clients (rows 14…73) have a phone too short to be a number.
    const book = fixtureBook(moreClients(60, (i) => ({ name: `Клиент ${13 + i}`, phone: `12-${i}` })));
    await openAnalysisTab({ book });
    fireEvent.click(screen.getByTestId('run-check'));
    const problems = await screen.findByTestId('problems');
    expect(within(problems).getAllByTestId('problem')).toHaveLength(50);
    expect(within(problems).getAllByTestId('problem')[0].textContent).toBe(
      'Клиенты, строка 14, «Телефон» «12-0» — не номер телефона. Введите номер полностью, например 8 (912) 345-67-89 или +7 912 345-67-89. («12-0»)',
    );
    expect(problems.textContent).toContain('И ещё 10');
  });

  it('shows a failed run and enables the buttons again', async () => {
    await openAnalysisTab({ failures: { run: 'Книга открыта только для чтения' } });
    fireEvent.click(screen.getByTestId('run-rfm'));
    expect((await screen.findByTestId('error')).textContent).toContain('Книга открыта только для чтения');
    expect(screen.getByTestId('run-rfm')).not.toHaveProperty('disabled', true);
    expect(screen.queryByTestId('run-result')).toBeNull();
  });

  it('finds duplicates, merges the chosen row and undoes the merge', async () => {
    const { actions } = await openAnalysisTab();
    fireEvent.click(screen.getByTestId('run-duplicates'));
    // К-00001 and К-00006 share a phone (8 (912) 345-67-89 = +79123456789): the only group, Д-1.
    // К-00001 has more filled cells, so it is the one suggested to keep.
    const group = await screen.findByTestId('dup-group');
    expect(group.getAttribute('data-group-id')).toBe('Д-1');
    const choices = within(group).getAllByTestId('dup-keep') as HTMLInputElement[];
    expect(choices.map((c) => c.value)).toEqual(['К-00001', 'К-00006']);
    expect(choices.map((c) => c.checked)).toEqual([true, false]);
    fireEvent.click(choices[1]);
    fireEvent.click(within(group).getByTestId('merge'));
    expect((await screen.findByTestId('merge-done')).textContent).toContain('Объединено строк: 2, оставлен К-00006.');
    expect(actions.calls.find((c) => c.method === 'merge')?.args).toEqual(['Д-1', 'К-00006']);
    await waitFor(() => expect(screen.queryByTestId('dup-group')).toBeNull());
    expect(screen.getByText('Дубликатов не найдено.')).toBeTruthy();

    fireEvent.click(screen.getByTestId('undo-merge'));
    expect((await screen.findByTestId('dup-done')).textContent).toMatch(/^Слияние отменено: возвращено строк — 1 \(строка \d+\)\.$/);
    expect(await screen.findByTestId('dup-group')).toBeTruthy();
  });

  it('lists duplicate groups twenty at a time, and shared contacts alike', async () => {
    // 45 more pairs of one name on one phone (groups Д-2…Д-46 beside the fixture's Д-1), and 25 pairs of
    // different people on one phone (shared contacts).
    const pairs = moreClients(90, (i) => ({ name: `Клиентов Пара${'абвгдежзиклмнопрстуфхцчшщэюя'[Math.floor(i / 2) % 28]}${Math.floor(i / 56)}`, phone: `8 (913) 100-${String(10 + Math.floor(i / 2)).padStart(2, '0')}-00` }));
    const families = moreClients(50, (i) => ({ name: i % 2 === 0 ? `Иванов Пётр Сергеевич` : `Сидоров Олег Иванович`, phone: `8 (914) 200-${String(10 + Math.floor(i / 2)).padStart(2, '0')}-00` }));
    const book = fixtureBook([...pairs, ...families.map((client, k) => ({ ...client, id: `К-${String(200 + k).padStart(5, '0')}` }))]);
    await openAnalysisTab({ book });
    fireEvent.click(screen.getByTestId('load-duplicates'));
    await screen.findAllByTestId('dup-group');
    expect(screen.getByTestId('dup-count').textContent).toBe('Групп: 46');
    expect(screen.getAllByTestId('dup-group')).toHaveLength(20);
    expect(screen.getByTestId('dup-more').textContent).toBe('Показать ещё 20');
    fireEvent.click(screen.getByTestId('dup-more'));
    expect(screen.getAllByTestId('dup-group')).toHaveLength(40);
    expect(screen.getByTestId('dup-more').textContent).toBe('Показать ещё 6');
    fireEvent.click(screen.getByTestId('dup-more'));
    expect(screen.getAllByTestId('dup-group')).toHaveLength(46);
    expect(screen.queryByTestId('dup-more')).toBeNull();
    expect(screen.getAllByTestId('dup-shared')).toHaveLength(20);
    fireEvent.click(screen.getByTestId('dup-shared-more'));
    expect(screen.getAllByTestId('dup-shared')).toHaveLength(25);
    expect(screen.queryByTestId('dup-shared-more')).toBeNull();
  });

  it('marks a group as not duplicates and stops showing it', async () => {
    const { actions } = await openAnalysisTab();
    fireEvent.click(screen.getByTestId('run-duplicates'));
    const group = await screen.findByTestId('dup-group');
    fireEvent.click(within(group).getByTestId('dismiss'));
    expect((await screen.findByTestId('dup-done')).textContent).toContain('не дубликаты');
    expect(actions.calls.find((c) => c.method === 'dismissGroup')?.args).toEqual(['Д-1']);
    await waitFor(() => expect(screen.queryByTestId('dup-group')).toBeNull());
    expect(actions.calls.some((c) => c.method === 'merge')).toBe(false);
  });

  it('refuses ABC cut-offs above 100 % and saves valid settings', async () => {
    const { actions } = await openAnalysisTab();
    const abcA = screen.getByTestId('settings-abc-a') as HTMLInputElement;
    expect(abcA.value).toBe('75');
    fireEvent.change(abcA, { target: { value: '85' } });
    fireEvent.click(screen.getByTestId('save-settings'));
    expect((await screen.findByTestId('error')).textContent).toContain('не может быть больше 100');
    expect(actions.calls.some((c) => c.method === 'saveSettings')).toBe(false);

    fireEvent.change(screen.getByTestId('settings-abc-b'), { target: { value: '10' } });
    fireEvent.change(screen.getByTestId('settings-cold-days'), { target: { value: '90' } });
    fireEvent.change(screen.getByTestId('settings-phone-region'), { target: { value: 'kz' } });
    fireEvent.click(screen.getByTestId('save-settings'));
    await screen.findByTestId('settings-saved');
    expect(actions.calls.find((c) => c.method === 'saveSettings')?.args[0]).toMatchObject({ abcA: 85, abcB: 10, coldDays: 90, phoneRegion: 'KZ' });
  });
});
