/** The contact history: created when first needed, appended to without touching a row already there, and read back into the timeline and «Сегодня». */
import { readBase } from '../base';
import { FormError } from '../client-forms';
import { clientTimeline } from '../client-timeline';
import { readHistory } from '../contact-history';
import { momentOn, planLogContact, statusEntryOperations } from '../contact-log';
import { isoToDay } from '../normalise/date';
import { todayList } from '../today';
import { computeTracker } from '../tracker';
import { MemoryWorkbook } from '../../workbook/memory';
import type { SheetOperation } from '../../workbook/operations';
import type { WorkbookSnapshot } from '../../workbook/snapshot';

const TODAY = isoToDay('2026-11-02')!;
const NOW = momentOn(TODAY, new Date(Date.UTC(2000, 0, 1, 10, 15)));
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function book(clientsHeader: string[] = ['ID', 'Клиент', 'Менеджер', 'Статус'], client: unknown[] = ['К-00001', 'ООО «Ромашка»', 'Анна', 'Белый']): WorkbookSnapshot {
  return {
    sheets: [
      { name: 'Клиенты', header: clientsHeader, rows: [client as never, ['К-00002', 'ИП Петров', 'Борис', 'Серый']] },
      { name: 'Заказы', header: ['Дата', 'ID клиента', 'Клиент', 'Сумма', 'Услуга'], rows: [[day('2026-10-01'), 'К-00001', 'ООО «Ромашка»', 5000, 'Аудит']] },
    ],
  };
}

async function applied(snapshot: WorkbookSnapshot, operations: SheetOperation[]): Promise<WorkbookSnapshot> {
  const workbook = new MemoryWorkbook(snapshot);
  await workbook.apply(operations);
  return workbook.read();
}

const sheetOf = (snapshot: WorkbookSnapshot, name: string) => snapshot.sheets.find((s) => s.name === name)!;

describe('logging a contact', () => {
  it('creates «История» with its header, writes the user text as typed and sets the next contact in a column added at the right', async () => {
    const snapshot = book();
    const base = readBase(snapshot);
    const plan = planLogContact(base, snapshot, base.clients[0], { kind: 'call', result: '=СУММ(1;2)', nextStep: ' выслать КП ', nextContact: '2026-11-05' }, NOW);
    const after = await applied(snapshot, plan.operations);
    const history = sheetOf(after, 'История');
    expect(history.header).toEqual(['Дата и время', 'ID клиента', 'Клиент', 'Менеджер', 'Вид', 'Результат', 'Следующий шаг', 'Следующий контакт']);
    expect(history.rows).toEqual([[new Date('2026-11-02T10:15:00Z'), 'К-00001', 'ООО «Ромашка»', 'Анна', 'звонок', '=СУММ(1;2)', 'выслать КП', day('2026-11-05')]]);
    const clients = sheetOf(after, 'Клиенты');
    expect(clients.header).toEqual(['ID', 'Клиент', 'Менеджер', 'Статус', 'Следующий контакт']);
    expect(clients.rows[0]).toEqual(['К-00001', 'ООО «Ромашка»', 'Анна', 'Белый', day('2026-11-05')]);
    expect(clients.rows[1]).toEqual(['К-00002', 'ИП Петров', 'Борис', 'Серый']);
    // No archive: nothing typed was replaced.
    expect(after.sheets.map((s) => s.name)).toEqual(['Клиенты', 'Заказы', 'История']);
  });

  it('appends below the rows already there, into the user’s own column order, and adds a missing column at the right', async () => {
    const snapshot = book();
    const typed = ['К-00002', 'Позвонил сам', day('2026-10-20'), 'встреча'];
    snapshot.sheets.push({ name: 'История', header: ['ID клиента', 'Результат', 'Дата и время', 'Вид', 'Моя пометка'], rows: [[...typed, 'важно']] });
    const base = readBase(snapshot);
    const plan = planLogContact(base, snapshot, base.clients[1], { kind: 'письмо', result: 'отправил прайс' }, NOW);
    const history = sheetOf(await applied(snapshot, plan.operations), 'История');
    expect(history.header).toEqual(['ID клиента', 'Результат', 'Дата и время', 'Вид', 'Моя пометка', 'Клиент', 'Менеджер', 'Следующий шаг', 'Следующий контакт']);
    expect(history.rows[0]).toEqual([...typed, 'важно']);
    expect(history.rows[1]).toEqual(['К-00002', 'отправил прайс', new Date('2026-11-02T10:15:00Z'), 'письмо', null, 'ИП Петров', 'Борис']);
  });

  it('archives a next contact typed by hand before replacing it, but not one the history already holds', async () => {
    const snapshot = book(['ID', 'Клиент', 'Менеджер', 'Статус', 'Перезвонить'], ['К-00001', 'ООО «Ромашка»', 'Анна', 'Белый', 'после праздников']);
    const base = readBase(snapshot);
    const first = await applied(snapshot, planLogContact(base, snapshot, base.clients[0], { kind: 'call', nextContact: '2026-11-05' }, NOW).operations);
    expect(sheetOf(first, 'Клиенты').rows[0][4]).toEqual(day('2026-11-05'));
    const archive = sheetOf(first, 'Архив значений');
    expect(archive.rows).toEqual([[NOW, 'Записан контакт', 'Клиенты', 2, 'Перезвонить', 'К-00001', 'ООО «Ромашка»', 'после праздников', day('2026-11-05')]]);
    const again = readBase(first);
    const second = await applied(first, planLogContact(again, first, again.clients[0], { kind: 'meeting', nextContact: '2026-11-09' }, NOW).operations);
    expect(sheetOf(second, 'Архив значений').rows).toHaveLength(1);
    expect(sheetOf(second, 'История').rows).toHaveLength(2);
  });

  it('refuses a bad kind, a bad date and an empty contact in the workbook’s language, planning nothing', () => {
    const snapshot = book();
    const base = readBase(snapshot);
    const client = base.clients[0];
    expect(() => planLogContact(base, snapshot, client, { kind: 'телепатия', result: 'да' }, NOW)).toThrow(FormError);
    expect(() => planLogContact(base, snapshot, client, { kind: 'status', result: 'да' }, NOW)).toThrow(/Нет такого вида контакта/);
    expect(() => planLogContact(base, snapshot, client, { kind: 'call', nextContact: '05.11' }, NOW)).toThrow(/«05\.11»/);
    expect(() => planLogContact(base, snapshot, client, { kind: 'call', result: '  ' }, NOW)).toThrow(/Опишите результат/);
  });

  it('names the sheet and the kinds in English in an English book', async () => {
    const snapshot: WorkbookSnapshot = { sheets: [{ name: 'Clients', header: ['ID', 'Client', 'Next contact'], rows: [['C-00001', 'Acme', null]] }] };
    const base = readBase(snapshot);
    const after = await applied(snapshot, planLogContact(base, snapshot, base.clients[0], { kind: 'meeting', result: 'signed' }, NOW).operations);
    expect(sheetOf(after, 'Contact history').header[4]).toBe('Kind');
    expect(sheetOf(after, 'Contact history').rows[0][4]).toBe('meeting');
  });
});

describe('the timeline and «Сегодня» after a contact', () => {
  it('shows contacts, status moves and orders newest first; «Сегодня» reads the next contact', async () => {
    const snapshot = book();
    const base = readBase(snapshot);
    const client = base.clients[0];
    const logged = await applied(snapshot, [
      ...planLogContact(base, snapshot, client, { kind: 'call', result: 'ждут КП', nextContact: '2026-11-02' }, momentOn(isoToDay('2026-10-20')!, NOW)).operations,
      ...statusEntryOperations(base, snapshot, client, 'Серый', NOW),
    ]);
    expect(statusEntryOperations(base, snapshot, client, 'белый', NOW)).toEqual([]);
    const after = readBase(logged);
    const timeline = clientTimeline(after, readHistory(logged), 0);
    expect(timeline.map((e) => [e.type, e.when, e.title])).toEqual([
      ['status', '2026-11-02T10:15', 'Белый → Серый'],
      ['contact', '2026-10-20T10:15', 'звонок'],
      ['order', '2026-10-01', 'Аудит'],
    ]);
    expect(timeline[1]).toMatchObject({ detail: 'ждут КП', nextContact: '2026-11-02', manager: 'Анна' });
    const list = todayList(after, computeTracker(after.clients.map((c) => c.history), after.orders, after.orderClient, TODAY, after.settings.coldDays), TODAY);
    expect(list.items.filter((i) => i.kind === 'today').map((i) => i.clientId)).toEqual(['К-00001']);
  });
});
