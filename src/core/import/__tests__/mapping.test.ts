import { MemoryWorkbook } from '../../../workbook/memory';
import type { WorkbookSnapshot } from '../../../workbook/snapshot';
import { locateBase } from '../../layout';
import { readSettings } from '../../settings-sheet';
import { MappingError, planSheetMapping } from '../mapping';
import { book, sheet } from '../../__tests__/snapshot-builder';

async function mapped(snapshot: WorkbookSnapshot, ...mappings: Parameters<typeof planSheetMapping>[1]): Promise<WorkbookSnapshot> {
  const workbook = new MemoryWorkbook(snapshot);
  await workbook.apply(planSheetMapping(snapshot, mappings, WHEN));
  return workbook.read();
}

const WHEN = new Date(Date.UTC(2026, 10, 1, 9, 30));

describe('planSheetMapping', () => {
  const clients = sheet('Клиенты', ['Абонент', 'Телефон'], ['Иванов', '89123456789']);

  it('stores the mapping in a new settings sheet, and the sheet is then read by it', async () => {
    expect(locateBase(book(clients)).clients?.columns.name).toBeUndefined();
    const after = await mapped(book(clients), { kind: 'clients', header: 'абонент', field: 'name' });
    expect(readSettings(after).mapping).toEqual({ clients: { name: 'абонент' } });
    expect(locateBase(after, readSettings(after).mapping).clients?.columns).toEqual({ name: 0, phone: 1 });
  });

  it('changes only the mapping rows of an existing settings sheet, keeping a value typed there even when it does not parse', async () => {
    const settings = sheet('Настройки', ['Ключ', 'Значение', 'Описание'], ['coldDays', 'много', 'свой текст'], ['mapping.clients.name', 'Имя', '']);
    const orders = sheet('Заказы', ['Дата', 'Код', 'Сумма']);
    const after = await mapped(
      book(clients, orders, settings),
      { kind: 'clients', header: 'Абонент', field: 'name' },
      { kind: 'orders', header: 'Код', field: 'clientId' },
    );
    const written = after.sheets.find((s) => s.name === 'Настройки')!;
    expect(written.rows).toEqual([
      ['coldDays', 'много', 'свой текст'],
      ['mapping.clients.name', 'Абонент'],
      ['mapping.orders.clientId', 'Код', expect.stringContaining('листа «Заказы»')],
    ]);
    expect(locateBase(after, readSettings(after).mapping).orders?.columns).toMatchObject({ clientId: 1 });
    // The header the user had typed for the name is replaced only with a copy in the value archive.
    expect(after.sheets.find((s) => s.name === 'Архив значений')?.rows).toEqual([[WHEN, 'Настройки: сопоставление столбцов', 'Настройки', 3, 'Значение: Столбец «Клиент» листа «Клиенты»', null, '', 'Имя', 'Абонент']]);
  });

  it('refuses a header that is not on its sheet, or a sheet the workbook does not have', () => {
    expect(() => planSheetMapping(book(clients), [{ kind: 'clients', header: 'Наименование', field: 'name' }], WHEN)).toThrow(MappingError);
    expect(() => planSheetMapping(book(clients), [{ kind: 'clients', header: 'Наименование', field: 'name' }], WHEN)).toThrow(/нет столбца «Наименование».*Абонент, Телефон/);
    expect(() => planSheetMapping(book(clients), [{ kind: 'services', header: 'Услуга', field: 'name' }], WHEN)).toThrow(/нет листа «Услуги»/);
  });
});
