/** @jest-environment jsdom */
import '../testing/setup';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { renderPanel, settingsLoaded } from './render';

// The fixture book (src/ui/testing/fixtureBook.ts) has no consent column: nobody has consented to anything.

describe('campaign list in the Analysis tab', () => {
  it('says the law above the button, and with nobody consenting makes no file and says why', async () => {
    const { actions, workbook } = renderPanel();
    fireEvent.click(screen.getByTestId('tab-analysis'));
    await settingsLoaded();
    expect(screen.getByTestId('campaign-law').textContent).toMatch(/38-ФЗ «О рекламе», ст\. 18/);
    const before = JSON.stringify(await workbook.read());
    fireEvent.click(screen.getByTestId('campaign-export'));
    await waitFor(() => expect(screen.getByTestId('campaign-result').textContent).toMatch(/^В списке 0 клиентов; не включено \d+: без согласия — \d+/));
    expect(screen.getByTestId('campaign-empty').textContent).toMatch(/Файл не создан/);
    expect(actions.calls.filter((call) => call.method === 'campaign').map((call) => call.args)).toEqual([[{ channel: 'sms' }]]);
    // A list is read, never written.
    expect(JSON.stringify(await workbook.read())).toBe(before);
  });

  it('asks for the channel and the audience chosen', async () => {
    const { actions } = renderPanel();
    fireEvent.click(screen.getByTestId('tab-analysis'));
    await settingsLoaded();
    fireEvent.click(screen.getByTestId('campaign-channel'));
    fireEvent.click(await screen.findByRole('option', { name: 'E-mail' }));
    fireEvent.click(screen.getByTestId('campaign-audience'));
    fireEvent.click(await screen.findByRole('option', { name: 'ABC: A' }));
    fireEvent.click(screen.getByTestId('campaign-export'));
    await screen.findByTestId('campaign-result');
    expect(actions.calls.filter((call) => call.method === 'campaign').map((call) => call.args)).toEqual([[{ channel: 'email', abc: 'A' }]]);
  });
});
