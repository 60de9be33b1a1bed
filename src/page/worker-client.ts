/**
 * The page's side of its worker: requests matched to their answers by id, a failure rethrown as an
 * error with the worker's name and message, a run's progress handed to its listener, and the panel's
 * actions (`PanelActions`) as calls to the worker, so the panel works unchanged while the core runs off
 * the page's thread.
 */
import type { PanelActions } from '../actions/panel';
import { MessageError } from '../core/messages/message';
import type { ProgressListener } from '../workbook/workbook';
import type { CallMethod, CrossedError, Endpoint, GridEvent, WorkerAnswers, WorkerMessage, WorkerRequest } from './worker-protocol';

type Unsent<R> = R extends unknown ? Omit<R, 'id'> : never;

/** The worker's failure as an error here: same name (the panel tells a cancel by it), same message, a product message kept whole. */
export function crossedError(error: CrossedError): Error {
  const rebuilt = error.detail ? new MessageError(error.detail, 'ru') : new Error(error.message);
  rebuilt.name = error.name;
  return rebuilt;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  onProgress?: ProgressListener;
}

/** Every panel action but `run`: each crosses as a plain call. Typed so a new action missing here fails the build. */
const CALLS: Record<CallMethod, true> = {
  listClients: true,
  today: true,
  getClient: true,
  selectClient: true,
  showInSheet: true,
  setStatus: true,
  addNote: true,
  logContact: true,
  logGreeting: true,
  campaign: true,
  statuses: true,
  services: true,
  prepareNewClientCheck: true,
  checkNewClient: true,
  addClient: true,
  recordOrder: true,
  duplicateGroups: true,
  merge: true,
  undoMerge: true,
  dismissGroup: true,
  getSettings: true,
  saveSettings: true,
  layout: true,
  setMapping: true,
};

export class WorkerClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(event: GridEvent) => void>();

  constructor(private readonly endpoint: Endpoint) {
    endpoint.addEventListener('message', (event) => this.receive(event.data as WorkerMessage));
  }

  request<M extends Unsent<WorkerRequest>>(
    message: M,
    options: { transfer?: Transferable[]; onProgress?: ProgressListener; onSent?: (id: number) => void } = {},
  ): Promise<WorkerAnswers[M['kind']]> {
    const id = this.nextId++;
    return new Promise<WorkerAnswers[M['kind']]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, onProgress: options.onProgress });
      this.endpoint.postMessage({ ...message, id }, options.transfer ?? []);
      options.onSent?.(id);
    });
  }

  /** Hears the grid's new pictures; returns the unsubscribe. */
  subscribe(listener: (event: GridEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The panel's actions, run in the worker. */
  actions(): PanelActions {
    const calls = Object.fromEntries(
      Object.keys(CALLS).map((method) => [method, (...args: unknown[]) => this.request({ kind: 'call', method: method as CallMethod, args })]),
    ) as unknown as Omit<PanelActions, 'run'>;
    return {
      ...calls,
      run: (action, onProgress, signal) =>
        this.request(
          { kind: 'run', action },
          {
            onProgress,
            onSent: (id) => {
              const cancel = () => this.endpoint.postMessage({ id: this.nextId++, kind: 'cancel', run: id } satisfies WorkerRequest);
              if (signal?.aborted) cancel();
              else signal?.addEventListener('abort', cancel, { once: true });
            },
          },
        ) as ReturnType<PanelActions['run']>,
    };
  }

  private receive(message: WorkerMessage): void {
    if (message.kind === 'event') {
      for (const listener of [...this.listeners]) listener(message.event);
      return;
    }
    const waiting = this.pending.get(message.id);
    if (!waiting) return;
    if (message.kind === 'progress') {
      waiting.onProgress?.(message.progress);
      return;
    }
    this.pending.delete(message.id);
    if (message.kind === 'done') waiting.resolve(message.value);
    else waiting.reject(crossedError(message.error));
  }
}
