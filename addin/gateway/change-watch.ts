/**
 * Whether the open workbook changed since a moment, cheaply. The task pane keeps one analysis between
 * calls, and a manager goes on typing in the sheet while the pane is open.
 *
 * Where the host has worksheet events, every change — typed, pasted, a row inserted or deleted, a sheet
 * added, deleted or renamed; by the user, a co-author or the product itself — bumps a counter, and the
 * token is that counter: no round trip at all. Where the events cannot be used, the token is each sheet's
 * name and used range (one small round trip): it sees rows and columns typed beyond the data and sheets
 * added, removed or renamed, not a cell changed inside the data.
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

  async token(): Promise<string> {
    if (await this.listen()) return `events:${this.changes}`;
    return `used:${await this.run(usedRanges)}`;
  }

  /** Registers the listeners on first use, once: they live as long as the runtime. */
  private listen(): Promise<boolean> {
    this.listening ??= this.supports(CHANGE_EVENTS_API)
      ? this.register().then(
          () => true,
          // A host that refuses the registration is watched through the used ranges instead.
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

/** Each sheet's name and the address of its used range of values: a few bytes per sheet, no cell values. */
async function usedRanges(context: Excel.RequestContext): Promise<string> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  await context.sync();
  const used = sheets.items.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load('address');
    return range;
  });
  await context.sync();
  return sheets.items.map((sheet, i) => `${sheet.name}|${used[i].isNullObject ? '' : used[i].address}`).join('\n');
}
