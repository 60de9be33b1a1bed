import { MemoryWorkbook } from '../../../workbook/memory';
import type { CellValue, WorkbookSnapshot } from '../../../workbook/snapshot';
import { planDuplicates } from '../plan';
import { planMerge, planUndoMerge } from '../merge';
import { planDismiss, readDismissedPairs } from '../dismissed';
import { buildClientIndex, checkNewClient, keptIndex } from '../client-index';
import { findDuplicates } from '../match';
import { DEFAULT_SETTINGS } from '../../settings';
import { clients } from './fixtures';
import { rendered } from '../../messages/rendered';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

function workbook(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: 'Клиенты',
        header: ['ID', 'Клиент', 'Телефон', 'E-mail', 'Город', 'Комментарий', 'Моя заметка'],
        rows: [
          ['К-1', 'ООО «Ромашка»', '8 (912) 345-67-89', '', 'МСК', 'первый', ''],
          ['К-2', 'Петров Пётр', '+7 913 000 00 00', 'petrov@mail.ru', 'Казань', '', ''],
          ['К-3', 'Ромашка ООО', '+79123456789', 'info@romashka.ru', '', 'второй', 'VIP'],
          ['К-4', '=HYPERLINK("x")', '+7 914 000 00 00', '', '', '', ''],
        ],
      },
      {
        name: 'Заказы',
        header: ['Дата', 'ID клиента', 'Сумма'],
        rows: [
          [day('2024-01-31'), 'К-3', 1000],
          [day('2024-02-29'), 'К-2', 500],
        ],
      },
    ],
  };
}

async function applied(snapshot: WorkbookSnapshot, plan: { operations: Parameters<MemoryWorkbook['apply']>[0] }): Promise<WorkbookSnapshot> {
  const book = new MemoryWorkbook(snapshot);
  await book.apply(plan.operations);
  return book.read();
}

/** Empty cells as null, whatever way (`''`, null, missing) a sheet holds them. */
const blanksAsNull = (cells: CellValue[], length = 7) => Array.from({ length }, (_, i) => (cells[i] === '' || cells[i] === undefined ? null : cells[i]));

const sheet = (snapshot: WorkbookSnapshot, name: string) => snapshot.sheets.find((s) => s.name === name)!;

describe('planDuplicates', () => {
  it('writes the duplicates sheet and the group column, empty for the others', async () => {
    const plan = planDuplicates(workbook());
    expect(plan.report.groups).toEqual([
      expect.objectContaining({ id: 'Д-1', members: ['К-1', 'К-3'], rows: [2, 4], suggestedKeep: 'К-3', reasons: expect.arrayContaining(['samePhone']) }),
    ]);
    const after = await applied(workbook(), plan);
    const duplicates = sheet(after, 'Дубликаты');
    expect(duplicates.header[0]).toBe('Группа');
    expect(duplicates.rows.map((r) => r[1])).toEqual(['К-1', 'К-3']);
    const clientsSheet = sheet(after, 'Клиенты');
    const groupColumn = clientsSheet.header.indexOf('Группа дубликатов');
    expect(groupColumn).toBeGreaterThan(6);
    expect(clientsSheet.rows.map((r) => r[groupColumn] ?? null)).toEqual(['Д-1', null, 'Д-1', null]);
  });

  it('is the same when run twice', async () => {
    const once = await applied(workbook(), planDuplicates(workbook()));
    const twice = await applied(once, planDuplicates(once));
    expect(twice).toEqual(once);
  });

  it('names a client without an ID by its row', () => {
    const snapshot = workbook();
    sheet(snapshot, 'Клиенты').rows[0][0] = '';
    expect(planDuplicates(snapshot).report.groups[0].members).toEqual(['row:2', 'К-3']);
  });

  it('reports a workbook without clients instead of failing', () => {
    const plan = planDuplicates({ sheets: [] });
    expect(plan.operations).toEqual([]);
    expect(rendered(plan.report.problems.length, 'ru')).toBeGreaterThan(0);
  });

  it('never shows a dismissed pair again', async () => {
    const dismiss = planDismiss(workbook(), [{ id: 'К-1', name: 'ООО «Ромашка»' }, { id: 'К-3', name: 'Ромашка ООО' }], 'ru', day('2024-03-01'));
    expect(dismiss.report.added).toBe(1);
    const after = await applied(workbook(), dismiss);
    expect(readDismissedPairs(after).size).toBe(1);
    expect(planDuplicates(after).report.groups).toEqual([]);
    // Marking the same pair again (in the other order) adds nothing.
    expect(planDismiss(after, [{ id: 'К-3', name: '' }, { id: 'К-1', name: '' }], 'ru', day('2024-03-02')).operations).toEqual([]);
  });
});

describe('planMerge and planUndoMerge', () => {
  it('archives whole rows before deleting, fills blanks, joins comments, re-points orders', async () => {
    const before = workbook();
    const plan = planMerge(before, { members: ['К-1', 'К-3'], keep: 'К-1', date: day('2024-03-01') });
    const kinds = plan.operations.map((op) => op.kind);
    expect(kinds.indexOf('appendRows')).toBeLessThan(kinds.indexOf('deleteRows'));
    expect(kinds[kinds.length - 1]).toBe('deleteRows');

    const after = await applied(before, plan);
    const rows = sheet(after, 'Клиенты').rows;
    expect(rows.map((r) => r[0])).toEqual(['К-1', 'К-2', 'К-4']);
    expect(rows[0]).toEqual(['К-1', 'ООО «Ромашка»', '8 (912) 345-67-89', 'info@romashka.ru', 'МСК', 'первый | второй', 'VIP']);
    // A formula-looking name is left as text.
    expect(rows[2][1]).toBe('=HYPERLINK("x")');
    expect(sheet(after, 'Заказы').rows.map((r) => r[1])).toEqual(['К-1', 'К-2']);

    const archive = sheet(after, 'Архив');
    expect(archive.header.slice(6, 9)).toEqual(['Восстановлено', 'Какой заказ', 'ID']);
    const removed = archive.rows.find((r) => r[2] === 'удалённая строка')!;
    expect(blanksAsNull(removed.slice(8))).toEqual(['К-3', 'Ромашка ООО', '+79123456789', 'info@romashka.ru', null, 'второй', 'VIP']);
    expect(removed[0]).toBe(plan.report.token);

    const undo = planUndoMerge(after, plan.report.token, day('2024-03-02'));
    expect(undo.report.restored).toEqual(['К-3']);
    const restored = await applied(after, undo);
    const restoredRows = sheet(restored, 'Клиенты').rows;
    expect(restoredRows.map((r) => r[0])).toEqual(['К-1', 'К-2', 'К-3', 'К-4']);
    expect(blanksAsNull(restoredRows[0])).toEqual(blanksAsNull(sheet(before, 'Клиенты').rows[0]));
    expect(restoredRows[2][1]).toBe('Ромашка ООО');
    expect(restoredRows[3][1]).toBe('=HYPERLINK("x")');
    expect(sheet(restored, 'Заказы').rows.map((r) => r[1])).toEqual(['К-3', 'К-2']);
    // A second undo does nothing.
    expect(planUndoMerge(restored, plan.report.token, day('2024-03-03')).operations).toEqual([]);
  });

  it('notes a phone the kept row does not have in its comment', async () => {
    const snapshot = workbook();
    sheet(snapshot, 'Клиенты').rows[2][2] = '+7 999 111 22 33';
    sheet(snapshot, 'Клиенты').rows[2][3] = 'info@romashka.ru';
    const plan = planMerge(snapshot, { members: ['К-1', 'К-3'], keep: 'К-1', date: day('2024-03-01') });
    const after = await applied(snapshot, plan);
    expect(sheet(after, 'Клиенты').rows[0][5]).toBe('первый | второй | доп. телефон: +7 999 111 22 33');
  });

  it('refuses an unknown client with a message', () => {
    expect(() => planMerge(workbook(), { members: ['К-1', 'К-9'], keep: 'К-1', date: day('2024-03-01') })).toThrow(/К-9/);
  });
});

describe('checkNewClient', () => {
  it('finds a client by phone in another format and by a swapped name', () => {
    const base = clients({ name: 'Иванов Иван', phone: '8 (912) 345-67-89', city: 'Москва' }, { name: 'Петров Пётр', phone: '+7 913 000 00 00' });
    const index = buildClientIndex(base, DEFAULT_SETTINGS);
    const matches = checkNewClient(index, { name: 'Иван Иванов', phone: '+79123456789' });
    expect(matches).toEqual([expect.objectContaining({ clientIndex: 0, reasons: expect.arrayContaining(['samePhone']) })]);
    expect(rendered(matches[0].reason, 'ru')).toContain('одинаковый телефон');
    expect(checkNewClient(index, { name: 'Сидоров Сидор', phone: '+7 915 000 00 00' })).toEqual([]);
  });

  it('still warns before saving when the phone is already someone else’s (a family, an office), with the shared phone as the reason', () => {
    const index = buildClientIndex(clients({ name: 'Иванов Иван Петрович', phone: '8 (912) 345-67-89' }), DEFAULT_SETTINGS);
    const matches = checkNewClient(index, { name: 'Петров Пётр', phone: '+79123456789' });
    expect(matches).toEqual([expect.objectContaining({ clientIndex: 0, reasons: expect.arrayContaining(['samePhone']) })]);
  });

  it('finds a client whose name the manager misspelt in its first letter, as the full search does', () => {
    // Смирнов is common in the base, so `Кмирнов` is looked up as `Смирнов` too; the city agrees.
    const others = ['Олег', 'Пётр', 'Игорь', 'Антон', 'Кирилл'].map((given, i) => ({ name: `Смирнов ${given}`, phone: `+7 9${i}5 ${i}83 27 1${i}`, city: 'Москва' }));
    const base = (name: string) => buildClientIndex(clients(...others, { name, city: 'Тверь' }), DEFAULT_SETTINGS);
    const matches = checkNewClient(base('Смирнов Вольдемар'), { name: 'Кмирнов Вольдемар', city: 'Тверь' });
    expect(matches.map((m) => m.clientIndex)).toEqual([5]);
    expect(rendered(matches[0].reasons, 'ru')).toContain('sameCity');
    // And the other way round: the base holds the slip, the manager types the name right.
    expect(checkNewClient(base('Кмирнов Вольдемар'), { name: 'Смирнов Вольдемар', city: 'Тверь' }).map((m) => m.clientIndex)).toEqual([5]);
  });

  it('meets a name written with initials and the full name, either way round, as the full search does', () => {
    // The logins differ by a slip and the names by initials: only the initials' probe and offer bring them together.
    const full = { name: 'Иванов Иван Петрович', phone: '', email: 'ivanov.ip@mail.ru', city: 'Москва' };
    const initials = { name: 'Иванов И.П.', phone: '', email: 'ivnaov.ip@mail.ru', city: 'Москва' };
    const other = { name: 'Сидоров Пётр', phone: '', email: '', city: 'Тверь' };
    expect(findDuplicates(clients(full, other, initials), { sensitivity: 'normal', phoneRegion: 'RU' }).map((group) => group.members)).toEqual([[0, 2]]);
    expect(checkNewClient(buildClientIndex(clients(full, other), DEFAULT_SETTINGS), initials).map((m) => m.clientIndex)).toEqual([0]);
    expect(checkNewClient(buildClientIndex(clients(initials, other), DEFAULT_SETTINGS), full).map((m) => m.clientIndex)).toEqual([0]);
  });
});

describe('checkNewClient: a new client typed with a name alone', () => {
  const others = ['Мария', 'Ольга', 'Ирина', 'Вера'].map((given, i) => ({ name: `Полякова ${given}`, phone: `+7 901 ${2000000 + i * 137911}`, city: 'Казань' }));
  const elina = { name: 'ИП Полякова Элина Антоновна', phone: '+7 926 677-29-74', city: 'Санкт-Петербург' };

  it('is warned of the one client its name may stand for, as the full search would join them', () => {
    const index = buildClientIndex(clients(...others, elina), DEFAULT_SETTINGS);
    const matches = checkNewClient(index, { name: 'Полякова Э.А.' });
    expect(matches.map((m) => [m.clientIndex, m.reasons])).toEqual([[4, ['similarName', 'initials', 'onlyNamesake']]]);
    expect(rendered(matches[0].reason, 'ru')).toContain('других клиентов с таким именем нет');
  });

  it('is not warned when two clients may be meant, once a phone is typed, or at the strict sensitivity', () => {
    const two = buildClientIndex(clients(...others, elina, { name: 'Полякова Эмма Андреевна', phone: '+7 903 111-22-33' }), DEFAULT_SETTINGS);
    expect(checkNewClient(two, { name: 'Полякова Э.А.' })).toEqual([]);
    const index = buildClientIndex(clients(...others, elina), DEFAULT_SETTINGS);
    expect(checkNewClient(index, { name: 'Полякова Э.А.', phone: '+7 999 555-44-33' })).toEqual([]);
    expect(checkNewClient(buildClientIndex(clients(...others, elina), { ...DEFAULT_SETTINGS, duplicateSensitivity: 'strict' }), { name: 'Полякова Э.А.' })).toEqual([]);
  });
});

describe('keptIndex', () => {
  const base = () => clients({ name: 'Иванов Иван', phone: '8 (912) 345-67-89', city: 'Москва', status: 'Новый' }, { name: 'Петров Пётр', email: 'petrov@mail.ru' });

  it('keeps an index while the clients read again differ only outside what the check compares', () => {
    const index = buildClientIndex(base(), DEFAULT_SETTINGS);
    const again = base();
    again[0].status = 'Постоянный';
    again[1].comment = 'звонить утром';
    const kept = keptIndex(index, again, DEFAULT_SETTINGS);
    // The same index, now holding the clients read again: the first read is no longer kept alive by it.
    expect(kept).toEqual({ ...index, clients: again });
    expect(kept!.clients).toBe(again);
    expect(checkNewClient(kept!, { name: 'Петров Пётр', email: 'PETROV@mail.ru' }).map((m) => m.clientIndex)).toEqual([1]);
  });

  it('refuses it once a compared field, the clients, their order or the settings change', () => {
    const index = buildClientIndex(base(), DEFAULT_SETTINGS);
    const edits: Array<(list: ReturnType<typeof base>) => unknown> = [
      (list) => (list[0].name = 'Иванов Иван Иванович'),
      (list) => (list[0].phone = '8 (912) 345-67-80'),
      (list) => (list[1].email = 'petrov@yandex.ru'),
      (list) => (list[1].city = 'Казань'),
      (list) => (list[1].birthday = 12000),
      (list) => list.push(clients({ name: 'Сидоров Сидор' })[0]),
      (list) => list.reverse(),
    ];
    for (const edit of edits) {
      const list = base();
      edit(list);
      expect(keptIndex(index, list, DEFAULT_SETTINGS)).toBeNull();
    }
    expect(keptIndex(index, base(), { ...DEFAULT_SETTINGS, duplicateSensitivity: 'strict' })).toBeNull();
    expect(keptIndex(index, base(), { ...DEFAULT_SETTINGS, phoneRegion: 'KZ' })).toBeNull();
  });
});
