/** @jest-environment jsdom */
import '../testing/setup';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { renderPanel, settingsLoaded } from './render';

describe('Setup tab', () => {
  it('shows the detected columns and fixes a mapping from the sheet’s own headers', async () => {
    const { actions } = renderPanel();
    fireEvent.click(screen.getByTestId('tab-setup'));
    const clients = await screen.findByTestId('layout-clients');
    expect(clients.textContent).toContain('Лист: Клиенты');
    const email = within(clients).getByTestId('mapping-clients-email');
    expect(email.textContent).toContain('— нет колонки —');
    expect(screen.getByTestId('layout-orders').textContent).toContain('Лист не найден');

    fireEvent.click(email);
    fireEvent.click(await screen.findByText('Почта', { selector: '[role=option]' }));
    await waitFor(() => expect(screen.getByTestId('mapping-clients-email').textContent).toContain('Почта'));
    expect(actions.calls.find((c) => c.method === 'setMapping')?.args).toEqual(['clients', 'email', 'Почта']);
  });

  it('structures the base and reports it', async () => {
    const { actions } = renderPanel();
    fireEvent.click(screen.getByTestId('tab-setup'));
    await screen.findByTestId('layout-clients');
    fireEvent.click(screen.getByTestId('structure'));
    expect((await screen.findByTestId('structure-done')).textContent).toBe('База структурирована.');
    expect(actions.calls.filter((c) => c.method === 'layout')).toHaveLength(2);
  });
});

describe('English', () => {
  it('speaks English when asked', async () => {
    renderPanel({ language: 'en' });
    expect(screen.getByTestId('tab-clients').textContent).toBe('Clients');
    await waitFor(() => expect(screen.getByTestId('client-count').textContent).toBe('Found: 8 of 8'));
    fireEvent.click(screen.getByTestId('tab-analysis'));
    expect(screen.getByTestId('run-all').textContent).toBe('Everything');
    await settingsLoaded();
  });
});
