/**
 * The request machinery of the fake: a context that queues commands like Office.js does, measures each
 * request (the JSON of the commands queued between two syncs, in UTF-8 bytes) and each response (the JSON
 * of the properties loaded), and makes loaded properties readable only after a `sync()`. A context used
 * after its `run` has returned throws, as Office.js does.
 */
import type { FakeEventRegistry } from './events';
import type { FakeSheet } from './host';

export interface SyncRecord {
  commands: number;
  requestBytes: number;
  responseBytes: number;
}

export interface Command {
  target: string;
  member: string;
  args: unknown[];
}

export class FakeRecorder {
  readonly syncs: SyncRecord[] = [];
  /** Every command sent, in order (cleared by `reset`). */
  readonly commands: Command[] = [];

  reset(): void {
    this.syncs.length = 0;
    this.commands.length = 0;
  }

  get largestRequest(): number {
    return Math.max(0, ...this.syncs.map((s) => s.requestBytes));
  }
}

export function utf8Length(text: string): number {
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

/** Anything a proxy passes as an argument is sent by reference (its path), as Office.js does. */
function serialise(commands: Command[]): string {
  return JSON.stringify(commands, (_key, value) => (value instanceof FakeProxy ? { ref: value.path } : value));
}

export class FakeContextCore {
  private pending: Command[] = [];
  private staged: Array<() => void> = [];
  private stagedBytes = 0;
  closed = false;

  constructor(
    readonly recorder: FakeRecorder,
    readonly sheets: FakeSheet[],
    readonly events: FakeEventRegistry,
  ) {}

  record(target: string, member: string, args: unknown[]): void {
    this.assertOpen();
    this.pending.push({ target, member, args });
  }

  /** A load: its value is taken now (queue order) and becomes readable at the next sync. */
  stage(values: Record<string, unknown>, commit: (values: Record<string, unknown>) => void): void {
    this.stagedBytes += utf8Length(JSON.stringify(values, (_k, v) => (v instanceof FakeProxy ? { ref: v.path } : v)) ?? '');
    this.staged.push(() => commit(values));
  }

  /** A command whose effect on the host happens when the request is sent (an event registration). */
  afterSync(effect: () => void): void {
    this.staged.push(effect);
  }

  async sync(): Promise<void> {
    this.assertOpen();
    const requestBytes = utf8Length(serialise(this.pending));
    this.recorder.syncs.push({ commands: this.pending.length, requestBytes, responseBytes: this.stagedBytes });
    this.recorder.commands.push(...this.pending);
    this.pending = [];
    const staged = this.staged;
    this.staged = [];
    this.stagedBytes = 0;
    staged.forEach((commit) => commit());
  }

  get hasPending(): boolean {
    return this.pending.length > 0 || this.staged.length > 0;
  }

  assertOpen(): void {
    if (this.closed) throw new Error('InvalidObjectPath: the request context was used after Excel.run returned');
  }
}

/** A client object: loaded properties are readable after a sync, unloaded ones throw. */
export abstract class FakeProxy {
  private readonly loaded = new Map<string, unknown>();

  constructor(
    protected readonly core: FakeContextCore,
    readonly path: string,
  ) {}

  /** The current value of a loadable property (`name` may be a path such as `worksheet/name`). */
  protected abstract read(name: string): unknown;

  load(names?: string | string[]): this {
    const list = (Array.isArray(names) ? names : (names ?? '').split(','))
      .map((n) => n.trim())
      .filter(Boolean);
    if (list.length === 0) throw new Error('the fake wants explicit property names (an empty load loads everything)');
    this.core.record(this.path, 'load', [list]);
    this.stageLoad(list);
    return this;
  }

  /**
   * Take the values now; collections override this to load their items' properties. `isNullObject`
   * comes with any load, as in Office.js.
   */
  protected stageLoad(requested: string[]): void {
    const names = requested.includes('isNullObject') ? requested : [...requested, 'isNullObject'];
    const values: Record<string, unknown> = {};
    for (const name of names) values[name] = name === 'isNullObject' ? this.readNullness() : this.read(name);
    this.core.stage(values, () => {
      for (const name of names) this.loaded.set(name, values[name]);
    });
  }

  /** Whether the object is a null object; objects that cannot be null say false. */
  protected readNullness(): boolean {
    return false;
  }

  protected loadedValue<T>(name: string): T {
    this.core.assertOpen();
    if (!this.loaded.has(name)) throw new Error(`PropertyNotLoaded: ${this.path}.${name} (load it and sync first)`);
    return this.loaded.get(name) as T;
  }

  protected send(member: string, ...args: unknown[]): void {
    this.core.record(this.path, member, args);
  }
}
