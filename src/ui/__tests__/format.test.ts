import { formatDate, todayIso } from '../format';
import { format } from '../i18n';

describe('dates', () => {
  it('shows ISO dates the Russian way, and leaves English ones ISO', () => {
    expect(formatDate('2024-02-29', 'ru')).toBe('29.02.2024');
    expect(formatDate('2024-02-29', 'en')).toBe('2024-02-29');
    expect(formatDate(null, 'ru')).toBe('—');
  });

  it('takes today from the local calendar, not UTC', () => {
    // 00:30 local on 1 March is still 28/29 February in UTC for zones east of Greenwich.
    expect(todayIso(new Date(2024, 2, 1, 0, 30))).toBe('2024-03-01');
    expect(todayIso(new Date(2023, 11, 31, 23, 59))).toBe('2023-12-31');
  });
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Найдено: {matching} из {total}', { matching: 37, total: '2 000' })).toBe('Найдено: 37 из 2 000');
    expect(format('{a} и {b}', { a: 1 })).toBe('1 и {b}');
  });

  it('writes numbers as the language writes them', () => {
    expect(format('Найдено: {n}', { n: 12345 }, 'ru')).toBe('Найдено: 12\u00a0345');
    expect(format('Found: {n}', { n: 12345 }, 'en')).toBe('Found: 12,345');
  });

  it('puts a count\'s noun in the form its number takes', () => {
    const ru = (n: number | string) => format('{n|клиент|клиента|клиентов}', { n }, 'ru');
    expect([1, 2, 4, 5, 11, 14, 21, 22, 25, 101, 111, 621].map(ru)).toEqual(
      ['1 клиент', '2 клиента', '4 клиента', '5 клиентов', '11 клиентов', '14 клиентов', '21 клиент', '22 клиента', '25 клиентов', '101 клиент', '111 клиентов', '621 клиент'],
    );
    expect(ru(1.5)).toBe('1,5 клиента');
    // A count written already keeps its writing and still picks the noun.
    expect(ru('2\u00a0000')).toBe('2\u00a0000 клиентов');
    const en = (n: number) => format('{n|client|clients}', { n }, 'en');
    expect([1, 2, 21].map(en)).toEqual(['1 client', '2 clients', '21 clients']);
  });
});
