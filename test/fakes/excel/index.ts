/**
 * A fake Excel for the Office.js gateway: `new FakeExcel(snapshot)` holds a workbook; `fake.run` stands in
 * for `Excel.run`; `fake.recorder` has every sync with the size of its request and response;
 * `fake.userTypes` is the user editing the workbook while the add-in is open.
 */
import type { WorkbookSnapshot } from '../../../src/workbook/snapshot';
import { FakeContextCore, FakeRecorder } from './context';
import { FakeEventRegistry } from './events';
import { cellFor, type FakeSheet, formatAddress, newSheet, parseAddress, writeInput } from './host';
import { FakeRequestContext } from './objects';

export { FakeRecorder } from './context';
export type { SyncRecord } from './context';

/** Serial of a Date whose UTC fields are the wall-clock time (the harness seeds dates the way Excel stores them). */
function serial(date: Date): number {
  return date.getTime() / 86400000 + 25569;
}

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  readonly recorder = new FakeRecorder();
  /** The event handlers add-ins have registered (they outlive the batch that added them). */
  readonly events = new FakeEventRegistry();
  private readonly pendingEvents: Array<() => Promise<void>> = [];

  /** A workbook holding the snapshot, as if the user had typed it (dates get a date format). */
  constructor(initial: WorkbookSnapshot = { sheets: [] }) {
    for (const s of initial.sheets) {
      const sheet = newSheet(s.name);
      [s.header, ...s.rows].forEach((row, r) =>
        row.forEach((value, c) => {
          if (value === null || value === '') return;
          if (value instanceof Date) {
            const cell = cellFor(sheet, r + 1, c + 1);
            cell.value = serial(value);
            cell.format = value.getUTCHours() || value.getUTCMinutes() ? 'dd.mm.yyyy hh:mm' : 'dd.mm.yyyy';
          } else if (typeof value === 'string') cellFor(sheet, r + 1, c + 1).value = value;
          else writeInput(sheet, r + 1, c + 1, value);
        }),
      );
      s.hiddenRows?.forEach((row) => sheet.manuallyHidden.add(row));
      this.sheets.push(sheet);
    }
  }

  /** `Excel.run`: a fresh context per batch; queued commands are sent when the batch ends. */
  readonly run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const core = new FakeContextCore(this.recorder, this.sheets, this.events);
    try {
      const result = await batch(new FakeRequestContext(core) as unknown as Excel.RequestContext);
      if (core.hasPending) await core.sync();
      return result;
    } finally {
      core.closed = true;
    }
  };

  /**
   * The user types a block of cells, starting at `topLeft` (`A7`): each entry is read as typed input (see
   * host.ts), then Excel tells the `worksheets.onChanged` listeners. Resolves once they have run; with
   * `eventLater` the event is still on its way (Office delivers it asynchronously, after the keystroke)
   * until `deliverEvents`.
   */
  async userTypes(sheetName: string, topLeft: string, values: (string | number)[][], options: { eventLater?: boolean } = {}): Promise<void> {
    const sheet = this.sheet(sheetName);
    const { top, left } = parseAddress(topLeft).rect;
    values.forEach((line, i) => line.forEach((value, j) => writeInput(sheet, top + i, left + j, value)));
    const edited = { top, left, bottom: top + values.length - 1, right: left + Math.max(1, ...values.map((line) => line.length)) - 1 };
    // What the gateway may look at; the details and getRange of Office's arguments are not modelled.
    const args: Pick<Excel.WorksheetChangedEventArgs, 'type' | 'worksheetId' | 'address' | 'changeType' | 'source'> = {
      type: 'WorksheetChanged',
      worksheetId: sheet.name,
      address: formatAddress(edited),
      changeType: 'RangeEdited',
      source: 'Local',
    };
    const event = () => this.events.fire('onChanged', args as Excel.WorksheetChangedEventArgs);
    if (options.eventLater) this.pendingEvents.push(event);
    else await event();
  }

  /** Office's events that were on their way arrive. */
  async deliverEvents(): Promise<void> {
    const pending = this.pendingEvents.splice(0);
    for (const event of pending) await event();
  }

  sheet(name: string): FakeSheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  }
}
