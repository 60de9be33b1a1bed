/** @jest-environment jsdom */
import '../testing/setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderPanel, settingsLoaded } from './render';
import { fixtureBook } from '../testing/fixtureBook';

describe('Setup tab', () => {
  it('shows the detected columns and fixes a mapping from the sheet’s own headers', async () => {
    // A workbook as a user first brings it: no orders sheet yet, and the e-mails under a header of their own.
    const book = fixtureBook();
    book.sheets = book.sheets.filter((sheet) => sheet.name !== 'Заказы');
    const clientsSheet = book.sheets.find((sheet) => sheet.name === 'Клиенты')!;
    clientsSheet.header[clientsSheet.header.indexOf('E-mail')] = 'Куда писать';
    const { actions, workbook } = renderPanel({ book });
    fireEvent.click(screen.getByTestId('tab-setup'));
    const clients = await screen.findByTestId('layout-clients');
    expect(clients.textContent).toContain('Лист: Клиенты');
    const email = within(clients).getByTestId('mapping-clients-email');
    expect(email.textContent).toContain('— нет колонки —');
    expect(screen.getByTestId('layout-orders').textContent).toContain('Лист не найден');

    fireEvent.click(email);
    fireEvent.click(await screen.findByText('Куда писать', { selector: '[role=option]' }));
    await waitFor(() => expect(screen.getByTestId('mapping-clients-email').textContent).toContain('Куда писать'));
    expect(actions.calls.find((c) => c.method === 'setMapping')?.args).toEqual(['clients', 'email', 'Куда писать']);
    // The user's word is kept in the workbook, so the e-mails are read from now on.
    expect((await actions.listClients({ search: 'petrov@mail.ru' })).clients.map((c) => c.id)).toEqual(['К-00002']);
    expect((await workbook.read(['Клиенты'])).sheets[0].header).toContain('Куда писать');
  });

  it('structures the base and reports it', async () => {
    const { actions } = renderPanel();
    fireEvent.click(screen.getByTestId('tab-setup'));
    await screen.findByTestId('layout-clients');
    fireEvent.click(screen.getByTestId('structure'));
    // The fixture's clients sheet has IDs and statuses but none of the other eleven managed columns (first
    // and last order, orders, revenue, days, ABC, RFM, segment, duplicate group, expected order, rhythm); the data is clean.
    expect((await screen.findByTestId('structure-done')).textContent).toBe('Структура готова: добавлено 11 столбцов, присвоено 0 ID, в данных 0 проблем.');
    expect(actions.calls.filter((c) => c.method === 'layout')).toHaveLength(2);
    const mapped = within(screen.getByTestId('layout-clients')).getByTestId('mapping-clients-revenue');
    await waitFor(() => expect(mapped.textContent).toContain('Выручка'));
  });
});

describe('English', () => {
  it('speaks English when asked', async () => {
    renderPanel({ language: 'en' });
    expect(screen.getByTestId('tab-clients').textContent).toBe('Clients');
    await waitFor(() => expect(screen.getByTestId('client-count').textContent).toBe('Found: 12 of 12'));
    fireEvent.click(screen.getByTestId('tab-analysis'));
    expect(screen.getByTestId('run-all').textContent).toBe('Everything');
    await settingsLoaded();
  });
});
