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
});
