import { render } from '@testing-library/react';
import { ClientBasePanel } from '../App';
import { createFakeActions, type FakeOptions } from '../testing/fakeActions';
import type { Language } from '../../core/model';

/** The panel over fresh fake actions, as a host would mount it. */
export function renderPanel(options: FakeOptions & { language?: Language } = {}) {
  const actions = createFakeActions(options);
  const view = render(<ClientBasePanel actions={actions} host="browser" language={options.language} />);
  return { actions, ...view };
}
