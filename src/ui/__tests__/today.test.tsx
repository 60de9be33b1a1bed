/** @jest-environment jsdom */
import '../testing/setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderPanel } from './render';

// As of 2024-06-30 (src/ui/testing/fixtureBook.ts): cold with no next contact — ООО «Ромашка» (Иванова, last
// order 31.03.2024) and ООО «Техносервис» (Петрова, 10.04.2024); Орлов is cold too but Красно-золотой, a
// decision already recorded; Петров's birthday is on 4 July; every client has a first contact, so none is new.

const names = (testId: string) => within(screen.getByTestId(testId)).getAllByTestId('today-item').map((item) => item.textContent);

beforeEach(() => localStorage.clear());

describe('«Сегодня» tab', () => {
  it('lists each kind with its count, and opens the client a row names', async () => {
    renderPanel();
    fireEvent.click(screen.getByTestId('tab-today'));
    await waitFor(() => expect(screen.getByTestId('today-as-of').textContent).toBe('На 30.06.2024: 3 дела'));
    expect(names('today-cold')).toEqual(['ООО «Ромашка»Иванова · 31.03.2024', 'ООО «Техносервис»Петрова · 10.04.2024']);
    expect(within(screen.getByTestId('today-cold')).getByTestId('today-count').textContent).toBe('2');
    expect(names('today-birthday')).toEqual(['Петров Пётр ПетровичИванова · 04.07.2024 · через 4 дня · 39 лет']);
    expect(screen.queryByTestId('today-overdue')).toBeNull();
    expect(screen.queryByTestId('today-new')).toBeNull();

    fireEvent.click(within(screen.getByTestId('today-cold')).getAllByTestId('today-item')[0]);
    await waitFor(() => expect(screen.getByTestId('card-name').textContent).toContain('ООО «Ромашка»'));
  });

  it('shows one manager\'s list, and remembers whose it is when the panel opens again', async () => {
    const first = renderPanel();
    fireEvent.click(screen.getByTestId('tab-today'));
    await screen.findByTestId('today-as-of');
    fireEvent.click(screen.getByTestId('today-manager'));
    fireEvent.click(await screen.findByRole('option', { name: 'Петрова' }));
    await waitFor(() => expect(screen.getByTestId('today-as-of').textContent).toBe('На 30.06.2024: 1 дело'));
    expect(names('today-cold')).toEqual(['ООО «Техносервис»Петрова · 10.04.2024']);
    expect(first.actions.calls.filter((call) => call.method === 'today').pop()?.args).toEqual(['Петрова']);
    first.unmount();

    renderPanel();
    fireEvent.click(screen.getByTestId('tab-today'));
    await waitFor(() => expect(screen.getByTestId('today-as-of').textContent).toBe('На 30.06.2024: 1 дело'));
  });

  it('opens the client list on the chosen manager\'s clients, follows a new choice, and can be widened to everyone', async () => {
    const { actions } = renderPanel();
    fireEvent.click(screen.getByTestId('tab-today'));
    await screen.findByTestId('today-as-of');
    fireEvent.click(screen.getByTestId('today-manager'));
    fireEvent.click(await screen.findByRole('option', { name: 'Петрова' }));
    await waitFor(() => expect(screen.getByTestId('today-as-of').textContent).toBe('На 30.06.2024: 1 дело'));

    fireEvent.click(screen.getByTestId('tab-clients'));
    await waitFor(() => expect(screen.getByTestId('my-clients').textContent).toMatch(/^Показаны клиенты менеджера Петрова/));
    const lists = () => actions.calls.filter((call) => call.method === 'listClients').map((call) => call.args[0]);
    await waitFor(() => expect(lists().pop()).toEqual({ managers: ['Петрова'] }));
    // Some of the 12, not all (and not «Загрузка…» while the list is drawn).
    await waitFor(() => expect(screen.getByTestId('client-count').textContent).toMatch(/^Найдено: ([1-9]|1[01]) из 12$/));

    // Everyone again: the list widens and the note goes; choosing no manager on «Сегодня» keeps it wide.
    fireEvent.click(screen.getByTestId('clear-filters'));
    await waitFor(() => expect(screen.getByTestId('client-count').textContent).toBe('Найдено: 12 из 12'));
    expect(screen.queryByTestId('my-clients')).toBeNull();

    fireEvent.click(screen.getByTestId('tab-today'));
    await screen.findByTestId('today-as-of');
    fireEvent.click(screen.getByTestId('today-manager'));
    fireEvent.click(await screen.findByRole('option', { name: 'Все менеджеры' }));
    fireEvent.click(screen.getByTestId('tab-clients'));
    await waitFor(() => expect(lists().pop()).toEqual({}));
    expect(screen.queryByTestId('my-clients')).toBeNull();
  });

  it('moves a client\'s next contact in one click: a note with the new date in «История», and the client leaves the list of what is due', async () => {
    const { actions } = renderPanel();
    fireEvent.click(screen.getByTestId('tab-today'));
    await waitFor(() => expect(screen.getByTestId('today-as-of').textContent).toBe('На 30.06.2024: 3 дела'));
    const romashka = within(screen.getByTestId('today-cold')).getAllByTestId('today-item')[0].closest('li') as HTMLElement;
    fireEvent.click(within(romashka).getByTestId('today-move-1'));
    await waitFor(() => expect(screen.getByTestId('today-as-of').textContent).toBe('На 30.06.2024: 2 дела'));
    const logged = actions.calls.filter((call) => call.method === 'logContact').pop();
    expect(logged?.args[1]).toEqual({ kind: 'note', nextContact: '2024-07-01' });
    expect(names('today-cold')).toEqual(['ООО «Техносервис»Петрова · 10.04.2024']);

    // «Записать контакт» opens the card with its contact form.
    const technoservice = within(screen.getByTestId('today-cold')).getAllByTestId('today-item')[0].closest('li') as HTMLElement;
    fireEvent.click(within(technoservice).getByTestId('today-log'));
    await waitFor(() => expect(screen.getByTestId('card-name').textContent).toContain('ООО «Техносервис»'));
    expect(screen.getByTestId('log-contact')).toBeTruthy();
  });

    it('speaks English in an English panel', async () => {
    renderPanel({ language: 'en' });
    fireEvent.click(screen.getByTestId('tab-today'));
    await waitFor(() => expect(screen.getByTestId('today-as-of').textContent).toBe('As of 2024-06-30: 3 items'));
    expect(within(screen.getByTestId('today-cold')).getByRole('heading').textContent).toBe('Gone cold with no next contact: call or reassign');
  });
});
