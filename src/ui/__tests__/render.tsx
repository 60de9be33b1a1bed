import { act, render, screen } from '@testing-library/react';
import { ClientBasePanel } from '../App';
import { createFakeActions, type FakeOptions } from '../testing/fakeActions';
import type { Language } from '../../core/model';

/** The panel over fresh fake actions, as a host would mount it. */
export function renderPanel(options: FakeOptions & { language?: Language } = {}) {
  const actions = createFakeActions(options);
  const view = render(<ClientBasePanel actions={actions} host="browser" language={options.language} />);
  return { actions, ...view };
}

/**
 * Waits for the analysis tab's settings form, which loads last, and for the load's own
 * bookkeeping after it, so that no update of the form lands after the test has ended.
 */
export async function settingsLoaded() {
  await screen.findByTestId('settings-abc-a');
  await act(async () => undefined);
}
