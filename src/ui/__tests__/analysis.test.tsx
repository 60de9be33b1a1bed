/** @jest-environment jsdom */
import '../testing/setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderPanel, settingsLoaded } from './render';

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
    expect((await screen.findByTestId('run-result')).textContent).toContain('ABC-анализ готов');
    const shares = screen.getByTestId('abc-shares');
    // Revenue: Ромашка 135 000, Петров 120 000, Вектор 80 000, Орлов 5 000, Северный ветер 3 000 (343 000).
    // Cumulative share before each: 0, 39.4, 74.3 % → A (the third crosses 75 % and stays A); 97.7, 99.1 % → C.
    const text = (id: string) => within(shares).getByTestId(id).textContent?.replace(/\s/g, ' ');
    expect(text('abc-bar-A')).toBe('A: 3 клиентов · 97,7 %');
    expect(text('abc-bar-B')).toBe('B: 0 клиентов · 0 %');
    expect(text('abc-bar-C')).toBe('C: 2 клиентов · 2,3 %');
    expect(shares.textContent).toContain('Без продаж: 3');
    expect(actions.calls.filter((c) => c.method === 'run').map((c) => c.args[0])).toEqual(['abc']);
  });

  it('running RFM shows the segment counts and the cold clients', async () => {
    await openAnalysisTab();
    fireEvent.click(screen.getByTestId('run-rfm'));
    const segments = await screen.findByTestId('segments');
    expect(within(segments).getByTestId('segment-champions').textContent).toBe('Чемпионы: 1');
    expect(within(segments).queryByTestId('segment-at_risk')).toBeNull();
    expect(screen.getByTestId('summary-cold').textContent).toBe('Холодных клиентов: 2');
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
    await openAnalysisTab();
    fireEvent.click(screen.getByTestId('run-check'));
    const problems = await screen.findByTestId('problems');
    expect(within(problems).getAllByTestId('problem')).toHaveLength(50);
    expect(within(problems).getAllByTestId('problem')[0].textContent).toBe('Клиенты, строка 2, «Телефон» Телефон не похож на номер («12-0»)');
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
    const group = await screen.findByTestId('dup-group');
    const choices = within(group).getAllByTestId('dup-keep') as HTMLInputElement[];
    expect(choices.map((c) => c.checked)).toEqual([true, false]);
    fireEvent.click(choices[1]);
    fireEvent.click(within(group).getByTestId('merge'));
    await screen.findByTestId('merge-done');
    expect(actions.calls.find((c) => c.method === 'merge')?.args).toEqual(['Д-К-00001', 'К-00006']);
    await waitFor(() => expect(screen.queryByTestId('dup-group')).toBeNull());
    expect(screen.getByText('Дубликатов не найдено.')).toBeTruthy();

    fireEvent.click(screen.getByTestId('undo-merge'));
    expect((await screen.findByTestId('dup-done')).textContent).toBe('Возвращено строк: 1.');
    expect(await screen.findByTestId('dup-group')).toBeTruthy();
  });

  it('marks a group as not duplicates and stops showing it', async () => {
    const { actions } = await openAnalysisTab();
    fireEvent.click(screen.getByTestId('run-duplicates'));
    const group = await screen.findByTestId('dup-group');
    fireEvent.click(within(group).getByTestId('dismiss'));
    expect((await screen.findByTestId('dup-done')).textContent).toContain('не дубликаты');
    expect(actions.calls.find((c) => c.method === 'dismissGroup')?.args).toEqual(['Д-К-00001']);
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
