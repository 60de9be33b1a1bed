/** The import action: a refused import leaves the workbook exactly as it was, even one it would structure first. */
import { MemoryWorkbook } from '../../workbook/memory';
import { UnlinkedOrdersError } from '../../core/order-import';
import { runOrderImport } from '../runners';
import { book, sheet } from '../../core/__tests__/snapshot-builder';

const clients = sheet('Клиенты', ['Клиент', 'Телефон'], ['ООО «Ромашка»', '89123456789'], ['Иванов Иван', '']);
const source = sheet('bank.csv', ['Дата', 'Лицевой счёт', 'Сумма'], ['01.10.2026', 'К-00001', '100'], ['02.10.2026', 'К-00002', '200']);

describe('runOrderImport', () => {
  it('writes nothing for an import whose lines link to no client, not even the structure it needs', async () => {
    const workbook = new MemoryWorkbook(book(clients));
    const before = await workbook.read();
    await expect(runOrderImport({ workbook }, source)).rejects.toThrow(UnlinkedOrdersError);
    expect(await workbook.read()).toEqual(before);
  });

  it('imports the same file with the column mapped, after structuring the base', async () => {
    const workbook = new MemoryWorkbook(book(clients));
    const report = await runOrderImport({ workbook }, source, [{ header: 'Лицевой счёт', field: 'clientId' }]);
    // The base had no IDs: the structure plan gives К-00001 and К-00002, and the file's lines link to them.
    expect(report).toMatchObject({ imported: 2, linked: 2, clientsAdded: 0 });
    const after = await workbook.read();
    const orders = after.sheets.find((s) => s.name === 'Заказы')!;
    expect(orders.rows.map((row) => row[orders.header.indexOf('ID клиента')])).toEqual(['К-00001', 'К-00002']);
    expect(after.sheets.find((s) => s.name === 'Клиенты')!.rows).toHaveLength(2);
  });
});
