/**
 * The worksheet events of the fake Excel, as Office.js has them: a handler added to
 * `workbook.worksheets.onChanged` (and its siblings) is registered with the host when the batch syncs and
 * outlives that batch's context; the host calls it after a change, asynchronously. The fake fires only
 * for what the user does (`FakeExcel.userTypes`): Excel also fires for an add-in's own writes, which the
 * product does not need from the fake because it drops its cache on its own writes anyway.
 */
import { FakeContextCore, FakeProxy } from './context';
import type { Mirror } from './mirror';

/** The WorksheetCollection events the fake knows, with the arguments Office passes their handlers. */
export interface SheetEventArgs {
  onChanged: Excel.WorksheetChangedEventArgs;
  onAdded: Excel.WorksheetAddedEventArgs;
  onDeleted: Excel.WorksheetDeletedEventArgs;
  onNameChanged: Excel.WorksheetNameChangedEventArgs;
}

export type SheetEvent = keyof SheetEventArgs;

type Handler<E extends SheetEvent> = (args: SheetEventArgs[E]) => Promise<unknown>;

/** What the host has registered, across all batches. */
export class FakeEventRegistry {
  private readonly handlers: { [E in SheetEvent]: Set<Handler<E>> } = {
    onChanged: new Set(),
    onAdded: new Set(),
    onDeleted: new Set(),
    onNameChanged: new Set(),
  };

  register<E extends SheetEvent>(event: E, handler: Handler<E>): void {
    (this.handlers[event] as Set<Handler<E>>).add(handler);
  }

  /** How many handlers listen to an event (what a test can check the gateway registered). */
  listeners(event: SheetEvent): number {
    return this.handlers[event].size;
  }

  /** Calls every handler of the event and waits for them, as the host's event dispatch eventually does. */
  async fire<E extends SheetEvent>(event: E, args: SheetEventArgs[E]): Promise<void> {
    await Promise.all([...(this.handlers[event] as Set<Handler<E>>)].map((handler) => handler(args)));
  }
}

export class FakeEventHandlers<E extends SheetEvent> extends FakeProxy implements Mirror<OfficeExtension.EventHandlers<SheetEventArgs[E]>, never, 'add'> {
  constructor(
    core: FakeContextCore,
    private readonly event: E,
  ) {
    super(core, `workbook.worksheets.${event}`);
  }

  protected read(name: string): unknown {
    throw new Error(`the fake ${this.event} has no property ${name}`);
  }

  /** Registered at the next sync. The result Office returns (to remove the handler later) is not modelled: the gateway listens for the runtime's lifetime. */
  add(handler: Handler<E>): void {
    this.send('add');
    this.core.afterSync(() => this.core.events.register(this.event, handler));
  }
}
