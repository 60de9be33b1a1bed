import { countOf, formatCount, russianForm } from '../plural';

const CLIENTS = ['клиент', 'клиента', 'клиентов'] as const;

describe('Russian plurals', () => {
  it.each([
    [0, 'клиентов'], [1, 'клиент'], [2, 'клиента'], [4, 'клиента'], [5, 'клиентов'], [11, 'клиентов'], [12, 'клиентов'],
    [14, 'клиентов'], [21, 'клиент'], [22, 'клиента'], [25, 'клиентов'], [101, 'клиент'], [111, 'клиентов'], [1_002, 'клиента'],
  ])('%i → %s', (count, form) => {
    expect(russianForm(count, CLIENTS)).toBe(form);
  });

  it('groups thousands as each language writes them', () => {
    expect(formatCount(12_345, 'ru')).toBe('12\u00a0345');
    expect(formatCount(12_345, 'en')).toBe('12,345');
    expect(countOf(1_234, CLIENTS, ['client', 'clients'], 'ru')).toBe('1\u00a0234 клиента');
    expect(countOf(1, CLIENTS, ['client', 'clients'], 'en')).toBe('1 client');
    expect(countOf(2, CLIENTS, ['client', 'clients'], 'en')).toBe('2 clients');
  });
});
