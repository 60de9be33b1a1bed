/** The panel's forms as core plans: checked input, the cells they write, and nothing else of the user's touched. */
import { readBase } from '../base';
import { FormError, planAddClient, planAddNote, planSetStatus } from '../client-forms';
import { planRecordOrder } from '../order-form';
import { planSaveSettings, planSetMapping } from '../settings-forms';
import { readSettings } from '../settings-sheet';
import { isoToDay } from '../normalise/date';
import { MemoryWorkbook } from '../../workbook/memory';
import type { WorkbookSnapshot } from '../../workbook/snapshot';

const TODAY = isoToDay('2026-11-01')!;
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function book(): WorkbookSnapshot {
  return {
    sheets: [
      { name: 'Клиенты', header: ['ID', 'Клиент', 'Телефон', 'Статус', 'Комментарий', 'Дата первого контакта'], rows: [['К-00007', 'ООО «Ромашка»', '8 (912) 345-67-89', 'Белый', 'звонить утром', null]] },
      { name: 'Заказы', header: ['Дата', 'ID клиента', 'Клиент', 'Сумма', 'Менеджер'], rows: [] },
      { name: 'Настройки', header: ['Ключ', 'Значение', 'Описание'], rows: [['coldDays', 45, ''], ['computedColumns', 'Заказов', ''], ['mapping.clients.phone', 'Телефон', '']] },
    ],
  };
}

async function applied(snapshot: WorkbookSnapshot, plan: { operations: Parameters<MemoryWorkbook['apply']>[0] }) {
  const workbook = new MemoryWorkbook(snapshot);
  await workbook.apply(plan.operations);
  return workbook.read();
}

describe('the panel forms as plans', () => {
  it('a new client gets the next ID, today as the first contact and the first status, in a new row', async () => {
    const snapshot = book();
    const plan = planAddClient(readBase(snapshot), { name: '  =Иванов  ', phone: '+7 912 000-00-00' }, TODAY);
    expect(plan.report.id).toBe('К-00008');
    const rows = (await applied(snapshot, plan)).sheets[0].rows;
    expect(rows).toEqual([['К-00007', 'ООО «Ромашка»', '8 (912) 345-67-89', 'Белый', 'звонить утром'], ['К-00008', '=Иванов', '+7 912 000-00-00', 'Белый', null, day('2026-11-01')]]);
    expect(() => planAddClient(readBase(snapshot), { name: '  ' }, TODAY)).toThrow('Укажите имя или название клиента.');
  });

  it('a status and a note change one cell of the client, and a note keeps what was there', async () => {
    const snapshot = book();
    const base = readBase(snapshot);
    const [client] = base.clients;
    expect(() => planSetStatus(base, client, 'Фиолетовый')).toThrow(FormError);
    const after = await applied(snapshot, { operations: [...planSetStatus(base, client, 'золотой').operations, ...planAddNote(base, client, ' перезвонить ', TODAY).operations] });
    expect(after.sheets[0].rows[0]).toEqual(['К-00007', 'ООО «Ромашка»', '8 (912) 345-67-89', 'Золотой', 'звонить утром\n01.11.2026: перезвонить']);
    expect(() => planAddNote(base, client, ' ', TODAY)).toThrow('Заметка пуста.');
  });

  it('an order is a new row naming the client by ID and name; a bad date or amount is a form error', async () => {
    const snapshot = book();
    const base = readBase(snapshot);
    const [client] = base.clients;
    const plan = planRecordOrder(base, client, 'К-00007', { date: '2026-10-30', amount: '1 234,56' });
    expect((await applied(snapshot, plan)).sheets[1].rows).toEqual([[day('2026-10-30'), 'К-00007', 'ООО «Ромашка»', 1234.56]]);
    expect(() => planRecordOrder(base, client, 'К-00007', { date: '30.10', amount: 5 })).toThrow(/Дата заказа не распознана: «30\.10»/);
    expect(() => planRecordOrder(base, client, 'К-00007', { date: '2026-10-30', amount: 'много' })).toThrow(/Сумма не распознана: «много»/);
  });

  it('the settings and mapping forms keep everything else stored on the settings sheet', async () => {
    const snapshot = book();
    const stored = readSettings(snapshot);
    const saved = await applied(snapshot, planSaveSettings(snapshot, { ...stored.settings, coldDays: 90 }, 'Настройки'));
    expect(readSettings(saved)).toMatchObject({ settings: { coldDays: 90, computedColumns: ['Заказов'] }, mapping: { clients: { phone: 'Телефон' } } });
    const mapped = await applied(snapshot, planSetMapping(snapshot, 'clients', 'comment', 'Комментарий', 'Настройки'));
    expect(readSettings(mapped)).toMatchObject({ settings: { coldDays: 45, computedColumns: ['Заказов'] }, mapping: { clients: { phone: 'Телефон', comment: 'Комментарий' } } });
  });
});
