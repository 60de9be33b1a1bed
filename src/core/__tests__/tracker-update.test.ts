/** The onEdit tracker update writes only changed cells, compared on the rows a write addresses. */
import { changedCellsOnly, planTrackerUpdate } from '../tracker-update';
import { isoToDay } from '../normalise/date';
import { MemoryWorkbook } from '../../workbook/memory';
import type { WorkbookSnapshot } from '../../workbook/snapshot';

/** Title in row 1, an empty row 2, the header in row 3, clients in rows 4–5 with 2 and 0 orders. */
const snapshot: WorkbookSnapshot = {
  sheets: [{ name: 'Клиенты', header: ['Клиентская база'], rows: [[], ['Клиент', 'Заказов'], ['ООО «Ромашка»', 2], ['Иванов', 0]] }],
};

describe('changedCellsOnly on a sheet whose header is below a title', () => {
  it('keeps the cells that differ from the rows below the header and drops those that agree', () => {
    const changed = changedCellsOnly({ kind: 'writeColumns', sheet: 'Клиенты', headerRow: 3, columns: [{ column: 2, header: 'Заказов', values: [2, 1] }] }, snapshot);
    expect(changed).toEqual({ kind: 'writeColumns', sheet: 'Клиенты', headerRow: 3, columns: [{ column: 2, header: undefined, values: [undefined, 1] }] });
  });

  it('writes nothing when every cell agrees', () => {
    expect(changedCellsOnly({ kind: 'writeColumns', sheet: 'Клиенты', headerRow: 3, columns: [{ column: 2, header: 'Заказов', values: [2, 0] }] }, snapshot)).toBeNull();
  });
});

describe('planTrackerUpdate', () => {
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
  const book = (orders: unknown[][]): WorkbookSnapshot => ({
    sheets: [
      { name: 'Клиенты', header: ['ID', 'Клиент', 'Дата последнего заказа'], rows: [['К-00001', 'ООО «Ромашка»', day('2025-01-10')], ['К-00002', 'Иванов', null]] },
      { name: 'Заказы', header: ['Дата', 'ID клиента', 'Сумма'], rows: orders as never },
    ],
  });

  it('writes the changed cells of the tracker and never the typed date the orders moved on', () => {
    const plan = planTrackerUpdate(book([[day('2025-03-01'), 'К-00001', 100], [day('2025-02-01'), 'К-00002', 50]]), isoToDay('2025-06-01')!);
    const clients = plan.operations.filter((op) => op.sheet === 'Клиенты');
    expect(clients).toHaveLength(1);
    const write = clients[0] as Extract<(typeof clients)[number], { kind: 'writeColumns' }>;
    const lastOrder = write.columns.find((c) => c.column === 3)!;
    // Ромашка's typed 10.01.2025 is kept (the orders moved it on: that needs the user's confirmation);
    // Иванов's empty cell gets the order's date.
    expect(lastOrder.values).toEqual([undefined, day('2025-02-01')]);
    expect(plan.report.cells).toBeGreaterThan(1);
  });

  it('plans nothing for the clients sheet once its figures are written', async () => {
    const workbook = new MemoryWorkbook(book([[day('2025-01-10'), 'К-00001', 100], [day('2025-02-01'), 'К-00002', 50]]));
    await workbook.apply(planTrackerUpdate(await workbook.read(), isoToDay('2025-06-01')!).operations);
    expect(planTrackerUpdate(await workbook.read(), isoToDay('2025-06-01')!).operations).toEqual([]);
  });
});
