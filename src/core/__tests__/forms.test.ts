/** The panel's forms as core plans: checked input, the cells they write, and nothing else of the user's touched. */
import { readBase } from '../base';
import { FormError, planAddClient, planAddNote, planSetStatus } from '../client-forms';
import { planRecordOrder } from '../order-form';
import { planSaveSettings, planSetMapping } from '../settings-forms';
import { readSettings } from '../settings-sheet';
import { computedColumnsSettingOperations } from '../computed-columns';
import { isoToDay } from '../normalise/date';
import { MemoryWorkbook } from '../../workbook/memory';
import type { WorkbookSnapshot } from '../../workbook/snapshot';

const TODAY = isoToDay('2026-11-01')!;
const NOW = new Date(Date.UTC(2026, 10, 1, 9, 30));
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
    const saved = await applied(snapshot, planSaveSettings(snapshot, { ...stored.settings, coldDays: 90 }, NOW));
    expect(readSettings(saved)).toMatchObject({ settings: { coldDays: 90, computedColumns: ['Заказов'] }, mapping: { clients: { phone: 'Телефон' } } });
    const mapped = await applied(snapshot, planSetMapping(snapshot, 'clients', 'comment', 'Комментарий', NOW));
    expect(readSettings(mapped)).toMatchObject({ settings: { coldDays: 45, computedColumns: ['Заказов'] }, mapping: { clients: { phone: 'Телефон', comment: 'Комментарий' } } });
  });

  it('saving the settings form writes only what it changed: a row of the user’s own, a value that does not parse and its note stay; a changed typed value is archived', async () => {
    const snapshot = book();
    const settingsSheet = snapshot.sheets[2];
    settingsSheet.rows.push(['Наш план на месяц', '1 000 000', 'записал директор'], ['abcA', 'восемьдесят', 'моё']);
    const stored = readSettings(snapshot);
    expect(stored.problems).toEqual([expect.objectContaining({ row: 6, value: 'восемьдесят' })]);
    const saved = await applied(snapshot, planSaveSettings(snapshot, { ...stored.settings, coldDays: 90 }, NOW));
    expect(saved.sheets.find((s) => s.name === 'Настройки')?.rows).toEqual([
      ['coldDays', 90],
      ['computedColumns', 'Заказов'],
      ['mapping.clients.phone', 'Телефон'],
      ['Наш план на месяц', '1 000 000', 'записал директор'],
      ['abcA', 'восемьдесят', 'моё'],
    ]);
    expect(saved.sheets.find((s) => s.name === 'Архив значений')?.rows).toEqual([[NOW, 'Настройки: сохранение формы', 'Настройки', 2, 'Значение: Клиент остывает через, дней', null, '', 45, 90]]);
    // Set in the form on purpose, the unreadable value gives way, with its copy in the archive.
    const fixed = await applied(saved, planSaveSettings(saved, { ...readSettings(saved).settings, abcA: 70 }, NOW));
    expect(readSettings(fixed).settings).toMatchObject({ coldDays: 90, abcA: 70 });
    expect(fixed.sheets.find((s) => s.name === 'Архив значений')?.rows[1]).toEqual([NOW, 'Настройки: сохранение формы', 'Настройки', 6, 'Значение: Граница A, % выручки', null, '', 'восемьдесят', 70]);
  });

  it('a column becoming computed adds to the stored list without an archive copy: nothing of what was there is lost', async () => {
    const snapshot = book();
    const after = await applied(snapshot, { operations: computedColumnsSettingOperations(snapshot, ['Дубликат'], NOW) });
    expect(readSettings(after).settings.computedColumns).toEqual(['Заказов', 'Дубликат']);
    expect(after.sheets.map((s) => s.name)).not.toContain('Архив значений');
  });
});
