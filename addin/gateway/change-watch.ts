/**
 * Whether the open workbook changed since a moment, cheaply. The task pane keeps one analysis between
 * calls, and a manager goes on typing in the sheet while the pane is open.
 *
 * Where the host has worksheet events, every change — typed, pasted, a row inserted or deleted, a sheet
 * added, deleted or renamed; by the user, a co-author or the product itself — bumps a counter, and the
 * token is that counter: no round trip at all. Where the events cannot be used there is no token: nothing
 * cheaper than the values themselves tells a cell changed inside the data (a used range or a row count
 * stays the same when a phone is corrected), so the panel then reads the workbook afresh on every call —
 * slower, never stale.
 */
import type { ExcelRunner } from './requirements';
import { type ApiCheck, CHANGE_EVENTS_API, NAME_CHANGED_EVENT_API } from './requirements';

export class ChangeWatch {
  private changes = 0;
  private listening: Promise<boolean> | null = null;

  constructor(
    private readonly run: ExcelRunner,
    private readonly supports: ApiCheck,
  ) {}

  /** The count of changes seen, or null where the host sends no events and a change cannot be seen cheaply. */
  async token(): Promise<string | null> {
    return (await this.listen()) ? `events:${this.changes}` : null;
  }

  /** Registers the listeners on first use, once: they live as long as the runtime. */
  private listen(): Promise<boolean> {
    this.listening ??= this.supports(CHANGE_EVENTS_API)
      ? this.register().then(
          () => true,
          // A host that refuses the registration gets no token: the panel then reads afresh each time.
          () => false,
        )
      : Promise.resolve(false);
    return this.listening;
  }

  private register(): Promise<void> {
    const changed = async () => {
      this.changes++;
    };
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.onChanged.add(changed);
      sheets.onAdded.add(changed);
      sheets.onDeleted.add(changed);
      if (this.supports(NAME_CHANGED_EVENT_API)) sheets.onNameChanged.add(changed);
      await context.sync();
    });
  }
}
