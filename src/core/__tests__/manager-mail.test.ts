import { readBase } from '../base';
import { computeTracker } from '../tracker';
import { isoToDay } from '../normalise/date';
import { managerAddresses, managersWithoutAddress, planManagerMails } from '../manager-mail';
import { SPECS } from '../settings-specs';
import { readHistory } from '../contact-history';
import { book, date, sheet } from './snapshot-builder';

const AS_OF = isoToDay('2026-12-04')!;

function baseWith(addresses: string) {
  return readBase(
    book(
      sheet(
        'Клиенты',
        ['ID', 'Клиент', 'Менеджер', 'Статус', 'Дата первого контакта', 'Следующий контакт'],
        ['К-1', 'ООО «Ромашка»', 'Анна', 'Серый', date(1, 10, 2026), date(28, 11, 2026)],
        ['К-2', 'Петров', 'Борис', 'Серый', date(1, 10, 2026), date(4, 12, 2026)],
        ['К-3', 'Сидоров', 'Вера', 'Серый', date(1, 10, 2026), date(4, 12, 2026)],
        ['К-4', 'Позже', 'Галина', 'Серый', date(1, 10, 2026), date(20, 12, 2026)],
      ),
      sheet('Настройки', ['Ключ', 'Значение'], ['managerEmails', addresses]),
    ),
  );
}

function plan(addresses: string, quota: number) {
  const base = baseWith(addresses);
  const tracker = computeTracker(base.clients.map((c) => c.history), base.orders, base.orderClient, AS_OF, base.settings.coldDays);
  return planManagerMails(base, tracker, AS_OF, quota);
}

describe('the morning «Сегодня» letters', () => {
  it('go one per manager with something to do, to the address the settings give; no address and the quota are reported, never skipped silently', () => {
    const letters = plan('анна: anna@firm.ru; Галина = gal@firm.ru; Вера — vera@firm.ru', 1);
    expect(letters.mails.map((m) => [m.manager, m.to, m.subject])).toEqual([['Анна', 'anna@firm.ru', 'Сегодня, 04.12.2026: 1 дело']]);
    expect(letters.mails[0].body).toBe(['Анна, ваш список на 04.12.2026:', '', 'Просроченные контакты: 1', '• ООО «Ромашка» (К-1), 28.11.2026', '', 'Письмо отправила надстройка «Клиентская база».'].join('\n'));
    expect(letters.withoutAddress).toEqual(['Борис']);
    expect(letters.overQuota).toEqual(['Вера']);
    expect(managersWithoutAddress(baseWith('Анна — a@b.ru'))).toEqual(['Борис', 'Вера', 'Галина']);
  });

  it('reads the setting as «Имя — адрес» pairs and refuses a pair without an address', () => {
    expect(SPECS.managerEmails.parse('Анна-Мария — am@firm.ru;  Борис: b@firm.ru ;')).toEqual({ value: ['Анна-Мария — am@firm.ru', 'Борис — b@firm.ru'] });
    expect(SPECS.managerEmails.parse('Анна; Борис — b@firm.ru')).toMatchObject({ error: { ru: expect.stringContaining('«Анна»') } });
    expect([...managerAddresses(['Анна-Мария — am@firm.ru'])]).toEqual([['анна-мария', 'am@firm.ru']]);
  });
});

describe('the morning letter and birthdays', () => {
  it('leaves out a birthday the client was already congratulated on', () => {
    const clients = sheet('Клиенты', ['ID', 'Клиент', 'Менеджер', 'Статус', 'Дата первого контакта', 'День рождения'], ['К-1', 'Именинница', 'Анна', 'Серый', date(1, 10, 2026), date(6, 12, 1990)], ['К-2', 'Именинник', 'Анна', 'Серый', date(1, 10, 2026), date(7, 12, 1990)]);
    const snapshot = book(clients, sheet('Настройки', ['Ключ', 'Значение'], ['managerEmails', 'Анна — anna@firm.ru']), sheet('История', ['Дата и время', 'ID клиента', 'Клиент', 'Вид'], [new Date(Date.UTC(2026, 11, 3, 15)), 'К-1', 'Именинница', 'поздравление']));
    const base = readBase(snapshot);
    const tracker = computeTracker(base.clients.map((c) => c.history), base.orders, base.orderClient, AS_OF, base.settings.coldDays);
    const body = (history: ReturnType<typeof readHistory>) => planManagerMails(base, tracker, AS_OF, 100, history).mails[0].body;
    expect(body(readHistory(snapshot))).toContain('Дни рождения: 1\n• Именинник (К-2), 07.12.2026\n');
    expect(body(readHistory(snapshot))).not.toContain('Именинница');
    expect(body([])).toContain('Дни рождения: 2\n');
  });
});
