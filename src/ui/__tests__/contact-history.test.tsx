/** @jest-environment jsdom */
import '../testing/setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderPanel } from './render';

// As of 2024-06-30 (src/ui/testing/fixtureBook.ts): ООО «Ромашка» (Иванова) is cold with no next contact;
// its orders are dated 15.01.2024 and 31.03.2024.

const names = (testId: string) => within(screen.getByTestId(testId)).getAllByTestId('today-item').map((item) => item.textContent);

beforeEach(() => localStorage.clear());

describe('the client card logs a contact', () => {
  it('writes «История», shows the contact atop the timeline, and «Сегодня» lists the client for its next contact', async () => {
    const { actions, workbook } = renderPanel();
    fireEvent.click(screen.getByTestId('tab-today'));
    await waitFor(() => expect(names('today-cold')[0]).toContain('ООО «Ромашка»'));
    fireEvent.click(within(screen.getByTestId('today-cold')).getAllByTestId('today-item')[0]);
    await screen.findByTestId('contact-form');
    // The next contact proposed: three days after the base's as-of date.
    expect((screen.getByTestId('contact-next') as HTMLInputElement).value).toBe('2024-07-03');
    expect(within(screen.getByTestId('card-history')).getAllByTestId('timeline-order')).toHaveLength(2);

    fireEvent.click(screen.getByTestId('contact-kind'));
    fireEvent.click(await screen.findByRole('option', { name: 'Встреча' }));
    fireEvent.change(screen.getByTestId('contact-result'), { target: { value: '=договорились' } });
    fireEvent.change(screen.getByTestId('contact-next-step'), { target: { value: 'Выслать договор' } });
    fireEvent.change(screen.getByTestId('contact-next'), { target: { value: '2024-06-30' } });
    fireEvent.click(screen.getByTestId('log-contact'));

    const contact = await screen.findByTestId('timeline-contact');
    expect(contact.textContent).toContain('Встреча');
    expect(contact.textContent).toContain('=договорились');
    expect(contact.textContent).toContain('Следующий шаг: Выслать договор');
    expect(contact.textContent).toContain('следующий контакт 30.06.2024');
    expect(screen.getByTestId('card-history').firstElementChild).toBe(contact);
    // The form is cleared and proposes the next contact again.
    expect((screen.getByTestId('contact-result') as HTMLTextAreaElement).value).toBe('');
    expect((screen.getByTestId('contact-next') as HTMLInputElement).value).toBe('2024-07-03');
    expect(actions.calls.find((c) => c.method === 'logContact')?.args).toEqual([
      'К-00001',
      { kind: 'meeting', result: '=договорились', nextStep: 'Выслать договор', nextContact: '2024-06-30' },
    ]);
    const history = (await workbook.read(['История'])).sheets[0];
    expect(history.rows.map((row) => row.slice(1, 6))).toEqual([['К-00001', 'ООО «Ромашка»', 'Иванова', 'встреча', '=договорились']]);

    fireEvent.click(screen.getByTestId('tab-today'));
    await waitFor(() => expect(names('today-today')).toEqual(['ООО «Ромашка»Иванова · 30.06.2024']));
    expect(names('today-cold').join()).not.toContain('Ромашка');
  });
});
