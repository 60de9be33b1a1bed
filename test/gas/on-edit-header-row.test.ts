/** The onEdit tracker update writes only changed cells, compared on the rows a write addresses. */
import { changedCellsOnly } from '../../appsscript/src/server/on-edit';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';

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
