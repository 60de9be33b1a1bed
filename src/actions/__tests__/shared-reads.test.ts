/**
 * The actions sharing one read (the page's worker): each later step of «Всё сразу» still sees what the
 * earlier ones wrote — the workbook ends exactly as with a fresh read per step — a sheet is read again
 * only after an action wrote it or the host said it put sheets back, and no step changes the snapshots it
 * is handed (they are frozen).
 */
import { generateSampleWorkbook, SAMPLE_DEFAULTS } from '../../sample';
import { isoToDay } from '../../core/normalise/date';
import { MemoryWorkbook } from '../../workbook/memory';
import { SETS_ONLY_FORMATS, type OperationKind, type SheetOperation } from '../../workbook/operations';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import type { ProgressListener, Workbook } from '../../workbook/workbook';
import { createActions } from '../local';
import { SharedReadsWorkbook } from '../shared-reads';

const TODAY = isoToDay(SAMPLE_DEFAULTS.asOf)!;

/** A memory workbook that logs what is read and written, and hands out frozen snapshots. */
class LoggedWorkbook implements Workbook {
  readonly log: Array<{ read: string } | { wrote: string; kind: OperationKind }> = [];
  constructor(readonly memory: MemoryWorkbook) {}

  sheetNames(): Promise<string[]> {
    return this.memory.sheetNames();
  }

  async read(sheets?: string[], onProgress?: ProgressListener): Promise<WorkbookSnapshot> {
    const snapshot = await this.memory.read(sheets, onProgress);
    for (const sheet of snapshot.sheets) {
      this.log.push({ read: sheet.name });
      sheet.rows.forEach((row) => Object.freeze(row));
      Object.freeze(sheet.rows);
      Object.freeze(Object.freeze(sheet.header));
      Object.freeze(sheet);
    }
    return snapshot;
  }

  async apply(operations: SheetOperation[], onProgress?: ProgressListener): Promise<void> {
    for (const op of operations) this.log.push({ wrote: op.sheet, kind: op.kind });
    await this.memory.apply(operations, onProgress);
  }
}

/** «Всё сразу» over a fresh sample base (no IDs yet: the structure step writes first), the clock fixed. */
async function runAll(sharesReads: boolean): Promise<LoggedWorkbook> {
  const workbook = new LoggedWorkbook(new MemoryWorkbook(generateSampleWorkbook({ clients: 300, orders: 1500 })));
  await createActions(sharesReads ? new SharedReadsWorkbook(workbook) : workbook, { today: () => TODAY }).run('all');
  return workbook;
}

describe('«Всё сразу» with one shared read', () => {
  const realDate = Date;
  beforeAll(() => {
    // The settings sheet and the archive note the moment of the run: both runs happen at the same moment.
    const moment = new realDate('2026-11-01T09:30:00Z').getTime();
    jest.spyOn(Date, 'now').mockReturnValue(moment);
    global.Date = class extends realDate {
      constructor(...args: unknown[]) {
        super(...((args.length === 0 ? [moment] : args) as [number]));
      }
    } as DateConstructor;
  });
  afterAll(() => {
    global.Date = realDate;
    jest.restoreAllMocks();
  });

  it('ends with the workbook a fresh read per step gives', async () => {
    const shared = await runAll(true);
    const fresh = await runAll(false);
    expect(shared.memory.state()).toEqual(fresh.memory.state());
    // The structure step did write the clients sheet, and the later steps planned over what it wrote.
    expect(shared.log).toContainEqual(expect.objectContaining({ wrote: 'Клиенты' }));
    expect(shared.memory.state().sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['ABC', 'RFM', 'Дубликаты', 'Проблемы']));
  });

  it('reads a sheet again only after the run wrote values or hidden rows into it', async () => {
    const shared = await runAll(true);
    const fresh = await runAll(false);
    const readOnce = new Set<string>();
    const writtenSince = new Set<string>();
    for (const entry of shared.log) {
      if ('wrote' in entry) {
        if (!SETS_ONLY_FORMATS[entry.kind]) writtenSince.add(entry.wrote);
      } else {
        if (readOnce.has(entry.read)) expect(writtenSince.has(entry.read)).toBe(true);
        readOnce.add(entry.read);
        writtenSince.delete(entry.read);
      }
    }
    // The orders, the biggest sheet, get formats and dropdowns from the structure step, and no values: a
    // snapshot holds no formats, so they are read once per run, not once per step.
    const ordersReads = (w: LoggedWorkbook) => w.log.filter((entry) => 'read' in entry && entry.read === 'Заказы').length;
    expect(shared.log).toContainEqual({ wrote: 'Заказы', kind: 'setValidation' });
    expect(ordersReads(shared)).toBe(1);
    expect(ordersReads(fresh)).toBe(4);
  });

  it('shares the reads of views and runs alike, and reads afresh what the host says it put back', async () => {
    const logged = new LoggedWorkbook(new MemoryWorkbook(generateSampleWorkbook({ clients: 300, orders: 1500 })));
    const shared = new SharedReadsWorkbook(logged);
    const actions = createActions(shared, { today: () => TODAY });
    const ordersReads = () => logged.log.filter((entry) => 'read' in entry && entry.read === 'Заказы').length;
    await actions.listClients({}, 5);
    await actions.run('all');
    await actions.listClients({}, 5);
    expect(ordersReads()).toBe(1);
    const snapshot = await shared.read(['Заказы']);
    expect(Object.isFrozen(snapshot.sheets[0].rows[0])).toBe(true);
    await actions.run('check');
    expect(ordersReads()).toBe(1);
    shared.forget();
    await actions.run('check');
    expect(ordersReads()).toBe(2);
  });
});
