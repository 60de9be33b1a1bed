/**
 * `crm-base export`: the built command over a real .xlsx writes a campaign CSV of the clients who
 * consented to the channel, says how many were left out and why, and leaves the workbook as it was.
 */
import { mkdtempSync, readFileSync, statSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { xlsxToFile } from '../../src/xlsx/node';
import { crmBase as runIn } from '../faults/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'crm-export-'));
const bookPath = join(dir, 'book.xlsx');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

const crmBase = (...args: string[]) => runIn(dir, ...args);

beforeAll(async () => {
  const clients = {
    name: 'Клиенты',
    header: ['ID', 'Клиент', 'Телефон', 'E-mail', 'Согласие на рассылку'],
    rows: [
      ['К-1', 'Иванов Пётр Сергеевич', '8 (912) 345-67-89', 'ivanov@mail.ru', 'да, SMS, 12.03.2026'],
      ['К-2', 'Петрова Ольга', '9123330000', 'olga@mail.ru', 'да, e-mail'],
      ['К-3', '=Смирнова Вера', '9125550000', '', 'да'],
      ['К-4', 'Кузнецов Олег', '9124440000', '', 'может быть'],
      ['К-5', 'Сидоров Иван', '9126660000', '', ''],
    ],
  };
  const orders = {
    name: 'Заказы',
    header: ['Дата', 'ID клиента', 'Сумма'],
    rows: [
      [day('2026-10-01'), 'К-1', 90000],
      [day('2026-10-02'), 'К-3', 5000],
      [day('2026-10-03'), 'К-4', 4000],
      [day('2026-10-04'), 'К-5', 1000],
    ],
  };
  await xlsxToFile(XlsxWorkbook.fromSnapshot({ sheets: [clients, orders] }), bookPath);
});

describe('crm-base export', () => {
  it('lists only the clients who consented to SMS, counts the rest by reason and names the unreadable cell', () => {
    const before = statSync(bookPath).mtimeMs;
    const out = join(dir, 'sms.csv');
    const { code, stdout } = crmBase('export', bookPath, '--channel', 'sms', '--as-of', '2026-11-01', '-o', out);
    expect(code).toBe(0);
    expect(stdout).toContain('38-ФЗ');
    expect(stdout).toContain('В списке 2 клиента; не включено 3: без согласия — 2, без контакта для канала — 0, согласие не прочитано — 1');
    expect(stdout).toMatch(/Клиенты!5 \[Согласие на рассылку\] Не понятно согласие на рассылку «может быть»/);
    const lines = readFileSync(out, 'utf8').split('\r\n');
    expect(lines).toEqual([
      '\uFEFF"phone","email","name","first_name","segment"',
      expect.stringMatching(/^"\+79123456789","","Иванов Пётр Сергеевич","Пётр","[^"]+"$/),
      expect.stringMatching(/^"\+79125550000","","'=Смирнова Вера","Вера","[^"]+"$/),
      '',
    ]);
    expect(statSync(bookPath).mtimeMs).toBe(before);
  });

  it('narrows to an ABC class and to the e-mail channel', () => {
    const out = join(dir, 'a.csv');
    expect(crmBase('export', bookPath, '--channel', 'email', '--abc', 'A', '--as-of', '2026-11-01', '-o', out).code).toBe(0);
    // К-1 is the only class A client and consented to SMS only.
    expect(readFileSync(out, 'utf8').split('\r\n')).toHaveLength(2);
    const all = join(dir, 'email.csv');
    expect(crmBase('export', bookPath, '--channel', 'e-mail', '--as-of', '2026-11-01', '-o', all).code).toBe(0);
    expect(readFileSync(all, 'utf8')).toContain('"","olga@mail.ru","Петрова Ольга","Ольга",""');
  });

  it('refuses a missing channel, an unknown segment and writing over the workbook', () => {
    expect(crmBase('export', bookPath, '-o', join(dir, 'x.csv')).code).toBe(2);
    const unknown = crmBase('export', bookPath, '--channel', 'sms', '--segment', 'Любимые', '-o', join(dir, 'y.csv'));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Под угрозой');
    expect(existsSync(join(dir, 'y.csv'))).toBe(false);
    const before = readFileSync(bookPath);
    expect(crmBase('export', bookPath, '--channel', 'sms', '-o', bookPath).code).toBe(2);
    expect(readFileSync(bookPath).equals(before)).toBe(true);
  });
});
