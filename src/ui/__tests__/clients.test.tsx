/** @jest-environment jsdom */
import '../testing/setup';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderPanel } from './render';
import { fixtureBook, moreClients } from '../testing/fixtureBook';

// The figures below follow from the fixture base (src/ui/testing/fixtureBook.ts, its table as of 2024-06-30).

/** Fluent's multi-select options are menu item checkboxes. */
async function pickChoice(testId: string, choice: string) {
  fireEvent.click(screen.getByTestId(testId));
  fireEvent.click(await screen.findByText(choice, { selector: '[role=menuitemcheckbox]' }));
}

describe('Clients tab', () => {
  it('lists every client with the count', async () => {
    renderPanel();
    await waitFor(() => expect(screen.getByTestId('client-count').textContent).toBe('Найдено: 12 из 12'));
    expect(screen.getAllByTestId('client-row')).toHaveLength(12);
    // The day the figures are as of is said where they are read.
    expect(screen.getByTestId('as-of').textContent).toBe('показатели на 30.06.2024');
  });

  it('filtering by city changes the count and the list', async () => {
    const { actions } = renderPanel();
    await screen.findAllByTestId('client-row');
    await pickChoice('filter-city', 'Казань');
    // Казань: АО «Вектор» and Кузнецова Мария.
    await waitFor(() => expect(screen.getByTestId('client-count').textContent).toBe('Найдено: 2 из 12'));
    const rows = screen.getAllByTestId('client-row').map((row) => row.textContent);
    expect(rows.every((row) => row?.includes('Казань'))).toBe(true);
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
    // 34567 is in 8 (912) 345-67-89 (К-00001) and in +79123456789 (К-00006), and in no other phone.
    await waitFor(() => expect(screen.getByTestId('client-count').textContent).toBe('Найдено: 2 из 12'));
    expect(screen.getAllByTestId('client-row').map((row) => row.textContent?.includes('Ромашка'))).toEqual([true, true]);
    // The debounce sends the finished text, not every keystroke.
    expect(actions.calls.filter((c) => c.method === 'listClients').map((c) => c.args[0])).toEqual([{}, { search: '345-67' }]);
  });

  it('shows the first 100 and more on request', async () => {
    // 12 + 138 = 150 clients.
    renderPanel({ book: fixtureBook(moreClients(138, (i) => ({ name: `Клиент ${13 + i}`, city: 'Самара' }))) });
    await waitFor(() => expect(screen.getByTestId('client-count').textContent?.replace(/\s/g, ' ')).toBe('Найдено: 150 из 150'));
    expect(screen.getAllByTestId('client-row')).toHaveLength(100);
    fireEvent.click(screen.getByTestId('show-more'));
    await waitFor(() => expect(screen.getAllByTestId('client-row')).toHaveLength(150));
    expect(screen.queryByTestId('show-more')).toBeNull();
  });

  it('selecting a client selects its row and opens the card with the tracker figures', async () => {
    const { actions } = await openCard('Петров');
    // Петров is on row 3; orders З-3…З-6 dated 01.11.2023, 01.02.2024, 01.05.2024, 20.06.2024;
    // 20 June → 30 June is 10 days, below the 60 of «cold».
    expect(actions.calls.find((c) => c.method === 'selectClient')?.args).toEqual([3]);
    expect(screen.getByTestId('card-orders').textContent).toBe('4');
    expect(screen.getByTestId('card-first-order').textContent).toBe('01.11.2023');
    expect(screen.getByTestId('card-last-order').textContent).toBe('20.06.2024');
    expect(screen.getByTestId('card-days-since').textContent).toBe('10');
    expect(screen.getByTestId('card-history').textContent).toContain('20.06.2024');
    expect(screen.queryByTestId('card-cold')).toBeNull();
  });

  it('names a client whose row has no ID yet by its row, until the base is structured', async () => {
    const book = fixtureBook();
    const clients = book.sheets.find((sheet) => sheet.name === 'Клиенты')!;
    clients.header.shift();
    clients.rows.forEach((row) => row.shift());
    renderPanel({ book });
    const rows = await screen.findAllByTestId('client-row');
    fireEvent.click(rows.find((row) => row.textContent?.includes('Петров')) as HTMLElement);
    expect((await screen.findByTestId('card-id')).textContent).toBe('строка 3, без ID: ID появится после «Структуры»');
  });

  it('shows the ID of a client that has one', async () => {
    await openCard('Петров');
    expect(screen.getByTestId('card-id').textContent).toBe('К-00002');
  });

  it('applies the suggested status move', async () => {
    const { actions } = await openCard('АО «Вектор»');
    // Вектор is already Золотой after its one order: nothing to suggest. Северный ветер (Жёлтый, one order
    // five days ago) should be Золотой.
    expect(screen.queryByTestId('card-suggestion')).toBeNull();
    fireEvent.click(screen.getByTestId('card-back'));
    const rows = await screen.findAllByTestId('client-row');
    fireEvent.click(rows.find((row) => row.textContent?.includes('ООО «Северный ветер»')) as HTMLElement);
    expect((await screen.findByTestId('card-suggestion')).textContent).toContain('«Золотой»');
    fireEvent.click(screen.getByTestId('apply-suggestion'));
    await waitFor(() => expect(screen.queryByTestId('card-suggestion')).toBeNull());
    expect(screen.getByTestId('card-status').textContent).toContain('Золотой');
    expect(actions.calls.find((c) => c.method === 'setStatus')?.args).toEqual(['К-00008', 'Золотой']);
  });

  it('adds a note to the client and clears the box', async () => {
    const { actions } = await openCard('Орлов');
    // Орлов's one order was on 15.12.2023, 198 days ago.
    expect(screen.getByTestId('card-cold')).toBeTruthy();
    fireEvent.change(screen.getByTestId('card-note'), { target: { value: 'Перезвонить в августе' } });
    fireEvent.click(screen.getByTestId('add-note'));
    // Орлов had no comment: the note is the whole comment, dated with «today».
    expect((await screen.findByTestId('card-comment')).textContent).toBe('30.06.2024: Перезвонить в августе');
    expect((screen.getByTestId('card-note') as HTMLTextAreaElement).value).toBe('');
    expect(actions.calls.find((c) => c.method === 'addNote')?.args).toEqual(['К-00007', 'Перезвонить в августе']);
  });

  it('shows only the found clients in the sheet, and resets', async () => {
    const { actions, workbook } = renderPanel();
    const hiddenRows = async () => (await workbook.read(['Клиенты'])).sheets[0].hiddenRows ?? [];
    await screen.findAllByTestId('client-row');
    fireEvent.click(screen.getByTestId('filter-cold'));
    // Cold (≥ 60 days): Ромашка 91 (row 2), Орлов 198 (row 8), Техносервис 81 (row 11).
    await waitFor(() => expect(screen.getByTestId('client-count').textContent).toBe('Найдено: 3 из 12'));
    fireEvent.click(screen.getByTestId('show-in-sheet'));
    await screen.findByTestId('sheet-filter-done');
    // The other nine clients' rows (2…13 without 2, 8 and 11) are filtered out of the sheet.
    expect(await hiddenRows()).toEqual([3, 4, 5, 6, 7, 9, 10, 12, 13]);
    fireEvent.click(screen.getByTestId('reset-sheet-filter'));
    await waitFor(() => expect(screen.getByTestId('sheet-filter-done').textContent).toBe('Фильтр на листе снят.'));
    expect(await hiddenRows()).toEqual([]);
    expect(actions.calls.filter((c) => c.method === 'showInSheet').map((c) => c.args[0])).toEqual([{ coldOnly: true }, null]);
  });

  it('shows an error of the workbook instead of an empty list', async () => {
    const book = fixtureBook();
    book.sheets = book.sheets.filter((sheet) => sheet.name !== 'Клиенты');
    renderPanel({ book });
    expect((await screen.findByTestId('error')).textContent).toContain('В книге нет листа клиентов');
    expect(screen.queryAllByTestId('client-row')).toHaveLength(0);
  });

  it('filters by upcoming birthdays', async () => {
    renderPanel();
    await screen.findAllByTestId('client-row');
    // As of 30.06.2024: Петров's birthday is 4 July, 4 days ahead; Кузнецова's, 31 December, is far.
    fireEvent.change(screen.getByTestId('filter-birthday'), { target: { value: '4' } });
    await waitFor(() => expect(screen.getByTestId('client-count').textContent).toBe('Найдено: 1 из 12'));
    expect(screen.getByTestId('client-row').textContent).toContain('Петров');
    fireEvent.change(screen.getByTestId('filter-birthday'), { target: { value: '3' } });
    await waitFor(() => expect(screen.getByTestId('client-count').textContent).toBe('Найдено: 0 из 12'));
  });
});
