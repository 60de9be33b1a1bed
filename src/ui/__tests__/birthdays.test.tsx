/** @jest-environment jsdom */
import '../testing/setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderPanel } from './render';

// As of 2024-06-30 (src/ui/testing/fixtureBook.ts): Петров Пётр Петрович (manager Иванова, born 04.07.1985)
// has his birthday in 4 days; nobody has one today or later in June.

beforeEach(() => localStorage.clear());

describe('«Дни рождения» in «Сегодня»', () => {
  it('shows the greeting, logs «Поздравлен» as a history row, and then shows the mark and the row in the timeline', async () => {
    const { actions, workbook } = renderPanel();
    fireEvent.click(screen.getByTestId('tab-today'));
    const week = await screen.findByTestId('birthdays-week');
    expect(screen.queryByTestId('birthdays-today')).toBeNull();
    expect(within(week).getByTestId('birthdays-count').textContent).toBe('1');
    expect(within(screen.getByTestId('today-birthday')).getAllByTestId('today-count')[0].textContent).toBe('1');
    expect(within(week).getByTestId('birthday-greeting').textContent).toBe('Пётр, с днём рождения! Желаем здоровья, радости и успехов во всём. Спасибо, что вы с нами!');
    expect(screen.getByTestId('today-as-of').textContent).toBe('На 30.06.2024: 3 дела');

    fireEvent.click(within(week).getByTestId('birthday-mark'));
    await waitFor(() => expect(within(screen.getByTestId('birthdays-week')).getByTestId('birthday-congratulated').textContent).toBe('✓ Поздравлен в этом году'));
    expect(screen.queryByTestId('birthday-mark')).toBeNull();
    // A congratulated birthday is no longer something to do.
    expect(screen.getByTestId('today-as-of').textContent).toBe('На 30.06.2024: 2 дела');
    expect(within(screen.getByTestId('today-birthday')).getAllByTestId('today-count')[0].textContent).toBe('0');
    const id = screen.getByTestId('birthday-item').getAttribute('data-client-id');
    expect(actions.calls.filter((c) => c.method === 'logGreeting').map((c) => c.args)).toEqual([[id, null]]);
    const history = (await workbook.read(['История'])).sheets[0];
    expect(history.rows.map((row) => row.slice(1, 6))).toEqual([[id, 'Петров Пётр Петрович', 'Иванова', 'поздравление', 'Пётр, с днём рождения! Желаем здоровья, радости и успехов во всём. Спасибо, что вы с нами!']]);

    fireEvent.click(within(screen.getByTestId('today-birthday')).getByTestId('today-item'));
    const greeting = await screen.findByTestId('timeline-contact');
    expect(greeting.textContent).toContain('Поздравление');
    expect(greeting.textContent).toContain('Пётр, с днём рождения!');
  });

  it('copies the greeting, and says so when the browser refuses', async () => {
    const writeText = jest.fn<Promise<void>, [string]>().mockResolvedValueOnce(undefined).mockRejectedValueOnce(new Error('denied'));
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    renderPanel({ language: 'en' });
    fireEvent.click(screen.getByTestId('tab-today'));
    const week = await screen.findByTestId('birthdays-week');
    expect(within(week).getByText('Next 7 days')).toBeTruthy();
    expect(within(week).getByTestId('today-item').textContent).toContain('in 4 days · age 39');
    fireEvent.click(within(week).getByTestId('birthday-copy'));
    await waitFor(() => expect(within(week).getByTestId('birthday-copy').textContent).toBe('Copied'));
    // The greeting of a Russian workbook stays Russian: it is written to the client.
    expect(writeText).toHaveBeenLastCalledWith(expect.stringMatching(/^Пётр, с днём рождения!/));
    fireEvent.click(within(week).getByTestId('birthday-copy'));
    await screen.findByTestId('birthday-copy-failed');
    expect(within(week).getByTestId('birthday-copy').textContent).toBe('Copy');
  });
});
