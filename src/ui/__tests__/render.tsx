import { act, render, screen } from '@testing-library/react';
import { ClientBasePanel } from '../App';
import { createActions } from '../../actions/local';
import { MemoryWorkbook } from '../../workbook/memory';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { isoToDay } from '../../core/normalise/date';
import type { Language } from '../../core/model';
import { FIXTURE_TODAY, fixtureBook } from '../testing/fixtureBook';
import { recordingActions, type RecordingActions } from '../testing/recordingActions';

export interface PanelOptions {
  /** The workbook to open; the fixture base by default. */
  book?: WorkbookSnapshot;
  failures?: RecordingActions['failures'];
  language?: Language;
}

/** The panel over the real actions on an in-memory workbook, «today» being the fixture's date. */
export function renderPanel(options: PanelOptions = {}) {
  const workbook = new MemoryWorkbook(options.book ?? fixtureBook());
  const today = isoToDay(FIXTURE_TODAY)!;
  const actions = recordingActions(createActions(workbook, { today: () => today }), options.failures);
  const view = render(<ClientBasePanel actions={actions} host="browser" language={options.language} />);
  return { actions, workbook, ...view };
}

/**
 * Waits for the analysis tab's settings form, which loads last, and for the load's own
 * bookkeeping after it, so that no update of the form lands after the test has ended.
 */
export async function settingsLoaded() {
  await screen.findByTestId('settings-abc-a');
  await act(async () => undefined);
}
