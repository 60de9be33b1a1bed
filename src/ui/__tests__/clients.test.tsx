/** @jest-environment jsdom */
import '../testing/setup';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderPanel } from './render';

/** Fluent's multi-select options are menu item checkboxes. */
async function pickChoice(testId: string, choice: string) {
  fireEvent.click(screen.getByTestId(testId));
  fireEvent.click(await screen.findByText(choice, { selector: '[role=menuitemcheckbox]' }));
}

describe('Clients tab', () => {
  it('lists every client with the count', async () => {
    renderPanel();
    await waitFor(() => expect(screen.getByTestId('client-count').textContent).toBe('Найдено: 8 из 8'));
    expect(screen.getAllByTestId('client-row')).toHaveLength(8);
  });

  it('filtering by city changes the count and the list', async () => {
    const { actions } = renderPanel();
    await screen.findAllByTestId('client-row');
    await pickChoice('filter-city', 'Казань');
    await waitFor(() => expect(screen.getByTestId('client-count').textContent).toBe('Найдено: 2 из 8'));
    const names = screen.getAllByTestId('client-row').map((row) => row.textContent);
    expect(names.every((name) => name?.includes('Казань'))).toBe(true);
    expect(actions.calls.filter((c) => c.method === 'listClients').pop()?.args[0]).toEqual({ cities: ['Казань'] });
  });
});

describe('Clients tab, more', () => {
  async function openCard(name: string) {
    const view = renderPanel();
    const rows = await screen.findAllByTestId('client-row');
    fireEvent.click(rows.find((row) => row.textContent?.includes(name)) as HTMLElement);
    await screen.findByTestId('card-name');
    return view;
  }

  it('searches by phone digits written differently, after a pause in typing', async () => {
    const { actions } = renderPanel();
    await screen.findAllByTestId('client-row');
    fireEvent.change(screen.getByTestId('search'), { target: { value: '345-67' } });
    await waitFor(() => expect(screen.getByTestId('client-count').textContent).toBe('Найдено: 2 из 8'));
    // The debounce sends the finished text, not every keystroke.
    expect(actions.calls.filter((c) => c.method === 'listClients').map((c) => c.args[0])).toEqual([{}, { search: '345-67' }]);
  });

  it('shows the first 100 and more on request', async () => {
    renderPanel({ extraClients: 142 });
    await waitFor(() => expect(screen.getByTestId('client-count').textContent?.replace(/\s/g, ' ')).toBe('Найдено: 150 из 150'));
    expect(screen.getAllByTestId('client-row')).toHaveLength(100);
    fireEvent.click(screen.getByTestId('show-more'));
    await waitFor(() => expect(screen.getAllByTestId('client-row')).toHaveLength(150));
    expect(screen.queryByTestId('show-more')).toBeNull();
  });

  it('selecting a client selects its row and opens the card with the tracker figures', async () => {
    const { actions } = await openCard('Петров');
    expect(actions.calls.find((c) => c.method === 'selectClient')?.args).toEqual([3]);
    expect(screen.getByTestId('card-orders').textContent).toBe('4');
    expect(screen.getByTestId('card-first-order').textContent).toBe('01.11.2023');
    expect(screen.getByTestId('card-last-order').textContent).toBe('20.06.2024');
    expect(screen.getByTestId('card-days-since').textContent).toBe('10');
    expect(screen.getByTestId('card-history').textContent).toContain('20.06.2024');
    expect(screen.queryByTestId('card-cold')).toBeNull();
  });

  it('applies the suggested status move', async () => {
    const { actions } = await openCard('АО «Вектор»');
    // Вектор is already Золотой after its one order: nothing to suggest. Северный ветер (Жёлтый, one order) should be Золотой.
    expect(screen.queryByTestId('card-suggestion')).toBeNull();
    fireEvent.click(screen.getByTestId('card-back'));
    const rows = await screen.findAllByTestId('client-row');
    fireEvent.click(rows.find((row) => row.textContent?.includes('ООО «Северный ветер»')) as HTMLElement);
    expect((await screen.findByTestId('card-suggestion')).textContent).toContain('«Золотой»');
    fireEvent.click(screen.getByTestId('apply-suggestion'));
    await waitFor(() => expect(screen.queryByTestId('card-suggestion')).toBeNull());
    expect(actions.calls.find((c) => c.method === 'setStatus')?.args).toEqual(['К-00008', 'Золотой']);
  });

  it('adds a note to the client and clears the box', async () => {
    const { actions } = await openCard('Орлов');
    expect(screen.getByTestId('card-cold')).toBeTruthy();
    fireEvent.change(screen.getByTestId('card-note'), { target: { value: 'Перезвонить в августе' } });
    fireEvent.click(screen.getByTestId('add-note'));
    expect((await screen.findByTestId('card-comment')).textContent).toBe('2024-06-30: Перезвонить в августе');
    expect((screen.getByTestId('card-note') as HTMLTextAreaElement).value).toBe('');
    expect(actions.calls.find((c) => c.method === 'addNote')?.args).toEqual(['К-00007', 'Перезвонить в августе']);
  });

  it('shows only the found clients in the sheet, and resets', async () => {
    const { actions } = renderPanel();
    await screen.findAllByTestId('client-row');
    fireEvent.click(screen.getByTestId('filter-cold'));
    await waitFor(() => expect(screen.getByTestId('client-count').textContent).toBe('Найдено: 2 из 8'));
    fireEvent.click(screen.getByTestId('show-in-sheet'));
    await screen.findByTestId('sheet-filter-done');
    fireEvent.click(screen.getByTestId('reset-sheet-filter'));
    await waitFor(() => expect(screen.getByTestId('sheet-filter-done').textContent).toBe('Фильтр на листе снят.'));
    expect(actions.calls.filter((c) => c.method === 'showInSheet').map((c) => c.args[0])).toEqual([{ coldOnly: true }, null]);
  });

  it('shows an error of the workbook instead of an empty list', async () => {
    renderPanel({ failures: { listClients: 'Лист «Клиенты» не найден' } });
    expect((await screen.findByTestId('error')).textContent).toContain('Лист «Клиенты» не найден');
  });

  it('filters by upcoming birthdays', async () => {
    renderPanel();
    await screen.findAllByTestId('client-row');
    // As of 2024-06-30: Петров's birthday is 4 July.
    fireEvent.change(screen.getByTestId('filter-birthday'), { target: { value: '4' } });
    await waitFor(() => expect(screen.getByTestId('client-count').textContent).toBe('Найдено: 1 из 8'));
    fireEvent.change(screen.getByTestId('filter-birthday'), { target: { value: '3' } });
    await waitFor(() => expect(screen.getByTestId('client-count').textContent).toBe('Найдено: 0 из 8'));
  });
});
