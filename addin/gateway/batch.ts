/**
 * Keeps every Office.js request under a size budget. Excel on the web refuses a request over 5 MB, so
 * queued commands are estimated (the JSON of their arguments, in UTF-8) and sent with `context.sync()`
 * before the next piece of work would push the request past the budget. This is the one place the
 * writer syncs; it never syncs per row, only per budget-full of blocks.
 */

/** Default budget: 3.5 MB keeps real requests under ~4 MB (the estimate leaves out object paths), well under the 5 MB limit. */
export const DEFAULT_REQUEST_BUDGET = 3_500_000;
/** What a command without a payload costs in a request (its object path, method name and framing). */
export const COMMAND_OVERHEAD = 160;

/** UTF-8 size of a value's JSON: what it adds to a request. */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? '';
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export class RequestBatch {
  private queuedBytes = 0;
  private queuedCommands = 0;
  /** Syncs this batch has made (for progress and tests). */
  syncs = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    readonly budget: number = DEFAULT_REQUEST_BUDGET,
  ) {}

  /**
   * Queue commands estimated at `payloadBytes` (plus overhead per command). What is already queued is
   * sent first when the two together would exceed the budget.
   */
  async add(payloadBytes: number, enqueue: () => void, commands = 1): Promise<void> {
    const bytes = payloadBytes + commands * COMMAND_OVERHEAD;
    if (this.queuedCommands > 0 && this.queuedBytes + bytes > this.budget) await this.flush();
    enqueue();
    this.queuedBytes += bytes;
    this.queuedCommands += commands;
  }

  /** Send what is queued, if anything. */
  async flush(): Promise<void> {
    if (this.queuedCommands === 0) return;
    await this.context.sync();
    this.sent();
  }

  /**
   * The caller synced the context itself (to read what it loaded: written as a plain `context.sync()`
   * where the values are read, so the Office.js lint rules can follow it); the queue is empty again.
   */
  sent(): void {
    this.syncs++;
    this.queuedBytes = 0;
    this.queuedCommands = 0;
  }
}
