/** An order recorded with the tracker planned over the base with the order in it, before either is written. */
import { generateSampleWorkbook } from '../../sample';
import { MemoryWorkbook } from '../../workbook/memory';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { planAnalysisWrites } from '../analysis';
import { readBase } from '../base';
import { clientRef } from '../client-ref';
import { isoToDay } from '../normalise/date';
import { planRecordOrder, planRecordOrderWithTracker, type OrderInput } from '../order-form';
import { planStructure } from '../structure';

const AS_OF = isoToDay('2026-11-01')!;

/** The sample as the panel records orders in it: with IDs and the Orders sheet (the structure plan's work). */
async function structuredSample(): Promise<WorkbookSnapshot> {
  const workbook = new MemoryWorkbook(generateSampleWorkbook({ clients: 200, orders: 1500 }));
  await workbook.apply(planStructure(await workbook.read()).operations);
  return workbook.read();
}

describe('an order recorded with the tracker', () => {
  beforeAll(() => {
    // The settings sheet and the history are stamped with the wall clock: both ways must see one moment.
    jest.useFakeTimers({ now: new Date(Date.UTC(2026, 10, 1, 9, 30)) });
  });
  afterAll(() => jest.useRealTimers());

  it('writes what the order and a tracker run over a read after it write, in one plan over one read', async () => {
    const snapshot = await structuredSample();
    const base = readBase(snapshot);
    const typed = base.clients.findIndex((client) => client.history.lastOrder !== null);
    expect(typed).toBeGreaterThanOrEqual(0);
    const cases: Array<[number, OrderInput]> = [
      [0, { date: '2026-10-30', amount: '1 234,56', service: 'Мойка окон', number: 'З-9001' }],
      // A client whose last order date was typed by hand.
      [typed, { date: '2026-10-31', amount: 5000 }],
      // Dated after the as-of date: it counts nowhere yet.
      [7, { date: '2026-11-20', amount: 700 }],
      // Years back: it moves the first order, not the last.
      [base.clients.length - 1, { date: '2019-03-01', amount: 100 }],
    ];
    for (const [index, input] of cases) {
      const client = base.clients[index];
      const twoSteps = new MemoryWorkbook(snapshot);
      await twoSteps.apply(planRecordOrder(base, client, clientRef(client), input).operations);
      await twoSteps.apply(planAnalysisWrites(await twoSteps.read(), { asOf: AS_OF, parts: ['tracker'] }));
      const oneStep = new MemoryWorkbook(snapshot);
      await oneStep.apply(planRecordOrderWithTracker(snapshot, base, client, clientRef(client), input, AS_OF).operations);
      expect(oneStep.state()).toEqual(twoSteps.state());
    }
    // The tracker did move: the first client's «Заказов» cell counts one order more than a tracker run alone.
    const ordersCell = (book: WorkbookSnapshot) => {
      const sheet = book.sheets.find((s) => s.name === base.layout.clients!.sheet)!;
      return sheet.rows[base.clients[0].row - 2][sheet.header.indexOf('Заказов')];
    };
    const client = base.clients[0];
    const recorded = new MemoryWorkbook(snapshot);
    await recorded.apply(planRecordOrderWithTracker(snapshot, base, client, clientRef(client), cases[0][1], AS_OF).operations);
    const trackerAlone = new MemoryWorkbook(snapshot);
    await trackerAlone.apply(planAnalysisWrites(snapshot, { asOf: AS_OF, parts: ['tracker'] }));
    expect(ordersCell(await recorded.read())).toBe(Number(ordersCell(await trackerAlone.read())) + 1);
  });
});
