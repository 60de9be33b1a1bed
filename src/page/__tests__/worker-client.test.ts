/**
 * The page's worker protocol, end to end in one process: the worker's side (worker-host.ts) on one end
 * of a MessageChannel, the page's proxy of the panel's actions (worker-client.ts) on the other, over
 * the real local actions and the sample workbook.
 */
import { MessageChannel, type MessagePort } from 'worker_threads';
import { createActions } from '../../actions/local';
import type { Progress } from '../../workbook/workbook';
import { render } from '../../core/messages/message';
import { SAMPLE_TODAY, sampleWorkbook } from '../sources';
import { WatchedWorkbook } from '../watched-workbook';
import { WorkerClient } from '../worker-client';
import { serveWorkbook } from '../worker-host';
import type { Endpoint, GridEvent } from '../worker-protocol';

let ports: MessagePort[] = [];

async function connected(): Promise<WorkerClient> {
  const { port1, port2 } = new MessageChannel();
  ports.push(port1, port2);
  serveWorkbook(port1 as unknown as Endpoint);
  const client = new WorkerClient(port2 as unknown as Endpoint);
  port1.start();
  port2.start();
  await client.request({ kind: 'sample', language: 'ru' });
  return client;
}

afterEach(() => {
  for (const port of ports) port.close();
  ports = [];
});

describe('the page worker protocol', () => {
  it('matches each answer to its request, however many are in flight', async () => {
    const worker = await connected();
    const actions = worker.actions();
    const direct = createActions(sampleWorkbook(), { today: () => SAMPLE_TODAY });
    const [statuses, services, list, picture] = await Promise.all([
      actions.statuses(),
      actions.services(),
      actions.listClients({ cities: ['Казань'] }, 5),
      worker.request({ kind: 'picture', sheet: 'Заказы', first: 100, count: 3 }),
    ]);
    expect(statuses).toEqual(await direct.statuses());
    expect(services).toEqual(await direct.services());
    expect(list).toEqual(await direct.listClients({ cities: ['Казань'] }, 5));
    expect(picture.sheet).toBe('Заказы');
    expect(picture.first).toBe(100);
    expect(picture.cells).toHaveLength(3);
    expect(picture.rows[100]).toBe(102);
  });

  it('reads and analyses a workbook just opened before the panel asks for the clients, and answers that from it', async () => {
    const reads = jest.spyOn(WatchedWorkbook.prototype, 'read');
    try {
      const worker = await connected();
      // A request queued after the opening is answered after what the worker does meanwhile.
      await worker.request({ kind: 'download' });
      expect(reads).toHaveBeenCalled();
      const readsBefore = reads.mock.calls.length;
      const direct = createActions(sampleWorkbook(), { today: () => SAMPLE_TODAY });
      expect(await worker.actions().listClients({}, 20)).toEqual(await direct.listClients({}, 20));
      expect(reads).toHaveBeenCalledTimes(readsBefore);
    } finally {
      reads.mockRestore();
    }
  });

  it('rethrows a failure in the worker as an error with its name and message', async () => {
    const worker = await connected();
    const direct = createActions(sampleWorkbook(), { today: () => SAMPLE_TODAY });
    const expected = await direct.getClient('К-99999').catch((error: Error) => error);
    const failure = await worker.actions().getClient('К-99999').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toBe((expected as Error).message);
    expect((failure as Error).name).toBe((expected as Error).name);
    const notXlsx = await worker.request({ kind: 'open', language: 'ru', name: 'clients.csv', data: new TextEncoder().encode('a;b\n').buffer }).catch((error: Error) => error);
    expect(notXlsx).toMatchObject({ name: 'NotXlsxError', message: 'clients.csv' });
  });

  it("forwards a run's progress to its listener, with step names and a bar that only moves on", async () => {
    const worker = await connected();
    const events: GridEvent[] = [];
    worker.subscribe((event) => events.push(event));
    const progress: Progress[] = [];
    const result = await worker.actions().run('abc', (p) => progress.push(p));
    expect(result.action).toBe('abc');
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.map((p) => render(p.step, 'ru'))).toEqual(expect.arrayContaining(['Расчёт', expect.stringMatching(/Чтение листа/)]));
    for (let i = 1; i < progress.length; i++) expect(progress[i].done / progress[i].total).toBeGreaterThanOrEqual(progress[i - 1].done / progress[i - 1].total - 1e-9);
    // The grid is sent the new result sheet, not asked to fetch the workbook.
    expect(events.at(-1)).toMatchObject({ kind: 'changed', picture: { sheet: 'ABC' } });
  });

  it('stops a run on the signal and leaves the workbook as it was, even after the run began writing', async () => {
    const worker = await connected();
    const actions = worker.actions();
    const everything = async () =>
      Promise.all(['Услуги', 'Клиенты', 'Заказы'].map((sheet) => worker.request({ kind: 'picture', sheet, first: 0, count: 100_000 })));
    const before = await everything();
    const controller = new AbortController();
    let shareAtCancel = 0;
    const failure = await actions
      .run(
        'all',
        (p) => {
          // A third of «all» is past the structure plan, which has written IDs and the orders' rules by then.
          if (p.done / p.total > 0.3 && !controller.signal.aborted) {
            shareAtCancel = p.done / p.total;
            controller.abort();
          }
        },
        controller.signal,
      )
      .catch((error: unknown) => error);
    expect(shareAtCancel).toBeGreaterThan(0.3);
    expect(failure).toMatchObject({ name: 'ActionCancelledError' });
    const after = await everything();
    expect(after[0].tabs).toEqual(['Услуги', 'Клиенты', 'Заказы']);
    expect(after.map(({ rows, cells, header }) => ({ rows, cells, header }))).toEqual(before.map(({ rows, cells, header }) => ({ rows, cells, header })));
    const direct = createActions(sampleWorkbook(), { today: () => SAMPLE_TODAY });
    expect(await actions.listClients({}, 3)).toEqual(await direct.listClients({}, 3));
  });
});
