import { readBase } from '../base';
import { campaignCsv, campaignList, csvField, firstNameOf } from '../campaign';
import { readConsent } from '../consent';
import { render } from '../messages/message';
import { isoToDay } from '../normalise/date';

describe('reading the consent cell', () => {
  it('reads «да» with channels and a date, a bare «да» as every channel, «нет» and empty as no consent', () => {
    expect(readConsent('да, SMS, 12.03.2026')).toEqual({ given: true, channels: ['sms'], date: isoToDay('2026-03-12') });
    expect(readConsent('Да; e-mail мессенджер')).toEqual({ given: true, channels: ['email', 'messenger'], date: null });
    expect(readConsent('да')).toEqual({ given: true, channels: ['sms', 'email', 'messenger'], date: null });
    expect(readConsent(true).channels).toEqual(['sms', 'email', 'messenger']);
    expect(readConsent('нет, 01.02.2026')).toMatchObject({ given: false, channels: [], date: isoToDay('2026-02-01') });
    expect(readConsent(null).given).toBe(false);
    expect(readConsent(null).problem).toBeUndefined();
    expect(readConsent(false).given).toBe(false);
  });

  it('counts an unreadable cell as no consent and says what is wrong', () => {
    for (const [value, reason] of [
      ['наверное', 'в начале нет «да» или «нет»'],
      ['да, голубиная почта', 'неизвестное слово «голубиная»'],
      ['да, SMS, 31.02.2026', '«31.02.2026» — не дата'],
    ]) {
      const consent = readConsent(value);
      expect(consent.given).toBe(false);
      expect(render(consent.problem!, 'ru')).toContain(reason);
    }
  });
});

const header = ['ID', 'Клиент', 'Контактное лицо', 'Телефон', 'E-mail', 'Согласие на рассылку'];
const rows = [
  ['К-1', 'Иванов Пётр Сергеевич', '', '8 (912) 345-67-89', 'ivanov@mail.ru', 'да, SMS, 12.03.2026'],
  ['К-2', 'ООО «Ромашка»', 'Белова Анна', '+7 912 000-11-22', '=HYPERLINK("x")@evil.ru', 'да'],
  ['К-3', 'Петрова Ольга', '', '9123330000', 'olga@mail.ru', 'да, e-mail'],
  ['К-4', 'Сидоров Иван', '', '', 'sid@mail.ru', 'да, SMS'],
  ['К-5', 'Кузнецов Олег', '', '9124440000', '', 'может быть'],
  ['К-6', 'Смирнова Вера', '', '9125550000', '', 'нет'],
  ['К-7', 'Смирнова В.', '', '8 912 555 00 00', '', 'да'],
  ['К-8', '-Дубль Иван', '', '9126660000', '', ''],
];
const base = readBase({ sheets: [{ name: 'Клиенты', header, rows }] });
const entries = base.clients.map((client) => ({ client, segment: 'Под угрозой' }));

describe('a campaign list', () => {
  it('lists a consent problem with its sheet, row and column, leaving the cell as typed', () => {
    const problem = base.problems.find((p) => p.column === 'Согласие на рассылку');
    expect(problem).toMatchObject({ sheet: 'Клиенты', row: 6, value: 'может быть' });
    expect(rows[4][5]).toBe('может быть');
  });

  it('includes only clients who consented to the channel and counts those left out by reason', () => {
    const sms = campaignList(entries, 'sms');
    expect(sms.rows.map((row) => row.phone)).toEqual(['+79123456789', '+79120001122', '+79125550000']);
    expect(sms.rows.every((row) => row.email === '')).toBe(true);
    // Left out: К-3 (e-mail only), К-6 («нет»), К-8 (empty) without consent; К-4 without a phone; К-5 unreadable.
    expect(sms.leftOut).toEqual({ noConsent: 3, noContact: 1, unreadable: 1, repeated: 0 });
    const email = campaignList(entries, 'email');
    expect(email.rows.map((row) => row.email)).toEqual(['olga@mail.ru']);
    // К-2's address is not an address and К-7 has none; К-1 and К-4 consented to SMS only.
    expect(email.leftOut).toEqual({ noConsent: 4, noContact: 2, unreadable: 1, repeated: 0 });
  });

  it('lists a phone once when two clients share it', () => {
    const twice = campaignList([entries[0], entries[0]], 'messenger');
    expect(twice.rows).toHaveLength(0);
    expect(campaignList([entries[1], entries[1]], 'messenger').leftOut.repeated).toBe(1);
  });

  it('greets a person by the first name and a company by its contact person', () => {
    expect(firstNameOf({ name: 'Иванов Пётр Сергеевич', contact: '' })).toBe('Пётр');
    expect(firstNameOf({ name: 'Пётр Сергеевич Иванов', contact: '' })).toBe('Пётр');
    expect(firstNameOf({ name: 'Петрова Ольга', contact: '' })).toBe('Ольга');
    expect(firstNameOf({ name: 'Ольга Петрова', contact: '' })).toBe('Ольга');
    expect(firstNameOf({ name: 'ООО «Ромашка»', contact: 'Белова Анна' })).toBe('Анна');
    expect(firstNameOf({ name: 'ИП Белова К. С.', contact: '' })).toBe('');
  });

  it('writes quoted CSV with formulas neutralised and phones as E.164', () => {
    const csv = campaignCsv(campaignList(entries, 'sms'));
    expect(csv.startsWith('\uFEFF"phone","email","name","first_name","segment"\r\n')).toBe(true);
    expect(csv).toContain('"+79123456789","","Иванов Пётр Сергеевич","Пётр","Под угрозой"\r\n');
    expect(csv).toContain('"+79120001122","","ООО «Ромашка»","Анна","Под угрозой"\r\n');
    expect(csvField('=1+2')).toBe(`"'=1+2"`);
    expect(csvField('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvField('-Дубль "Иван"')).toBe(`"'-Дубль ""Иван"""`);
    expect(csvField('+79123456789', true)).toBe('"+79123456789"');
  });
});
