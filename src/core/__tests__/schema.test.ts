import { CLIENT_FIELDS, ORDER_FIELDS, SERVICE_FIELDS } from '../model';
import { TABLE_FIELDS, detectLanguage, fieldHeader, headerKey, sheetKindOfName, sheetName, sheetNameMatches, type TableKind } from '../schema';
import { fieldOfHeader, fieldOfHeaderPrefix } from '../header-match';

describe('header matching', () => {
  it('ignores case, spaces, ё and punctuation', () => {
    expect(headerKey(' Моб.\u00A0телефон ')).toBe(headerKey('моб телефон'));
    expect(fieldOfHeader('clients', 'ТЕЛ.')).toBe('phone');
    expect(fieldOfHeader('clients', 'e-mail')).toBe('email');
    expect(fieldOfHeader('clients', 'EMAIL')).toBe('email');
    expect(fieldOfHeader('clients', 'Дата первого  контакта')).toBe('firstContact');
    expect(fieldOfHeader('clients', 'Населенный пункт')).toBe('city');
    expect(fieldOfHeader('clients', 'Funnel status')).toBe('status');
    expect(fieldOfHeader('clients', 'TIN')).toBe('inn');
  });
  it('reads the same word differently on different sheets', () => {
    expect(fieldOfHeader('clients', 'Клиент')).toBe('name');
    expect(fieldOfHeader('orders', 'Клиент')).toBe('client');
    expect(fieldOfHeader('services', 'Услуга')).toBe('name');
    expect(fieldOfHeader('clients', 'Услуга')).toBe('service');
  });
  it('does not take a longer header for a field unless it starts with a whole synonym', () => {
    expect(fieldOfHeader('clients', 'Телефон клиента 2')).toBeUndefined();
    expect(fieldOfHeaderPrefix('clients', 'Телефон (рабочий)')).toBe('phone');
    expect(fieldOfHeaderPrefix('orders', 'Сумма, ₽')).toBe('amount');
    expect(fieldOfHeaderPrefix('clients', 'Клиентский менеджер')).toBe('manager');
    expect(fieldOfHeaderPrefix('clients', 'Дата первого контакта с клиентом')).toBe('firstContact');
  });
  it('prefers the longest synonym a header starts with', () => {
    expect(fieldOfHeaderPrefix('clients', 'Канал привлечения клиента')).toBe('source');
  });

  it.each<TableKind>(['clients', 'services', 'orders'])('never gives one %s synonym to two fields', (kind) => {
    // Every canonical header must map back to its own field; a shared synonym would break that.
    for (const field of TABLE_FIELDS[kind] as readonly string[]) {
      for (const lang of ['ru', 'en'] as const) {
        expect([field, fieldOfHeader(kind, fieldHeader(kind, field as never, lang))]).toEqual([field, field]);
      }
    }
  });
});

describe('canonical names', () => {
  it('covers every field in both languages', () => {
    for (const field of CLIENT_FIELDS) expect(fieldHeader('clients', field, 'ru')).toBeTruthy();
    for (const field of SERVICE_FIELDS) expect(fieldHeader('services', field, 'en')).toBeTruthy();
    for (const field of ORDER_FIELDS) expect(fieldHeader('orders', field, 'ru')).toBeTruthy();
    expect(fieldHeader('clients', 'id', 'ru')).toBe('ID');
    expect(fieldHeader('orders', 'date', 'ru')).toBe('Дата');
    expect(fieldHeader('orders', 'amount', 'en')).toBe('Amount');
  });
  it('names the product sheets', () => {
    expect(sheetName('abcServices', 'ru')).toBe('ABC услуг');
    expect(sheetName('funnel', 'ru')).toBe('Воронка');
    expect(sheetName('funnel', 'en')).toBe('Funnel');
    expect(sheetName('settings', 'ru')).toBe('Настройки');
    expect(sheetName('problems', 'en')).toBe('Problems');
  });
  it('recognises sheet names in any case and spacing', () => {
    expect(sheetNameMatches('clients', ' база  КЛИЕНТОВ')).toBe(true);
    expect(sheetNameMatches('services', 'Товары и услуги')).toBe(true);
    expect(sheetNameMatches('orders', 'SALES')).toBe(true);
    expect(sheetKindOfName('ABC услуг')).toBe('abcServices');
    expect(sheetKindOfName('Лист1')).toBeUndefined();
  });
});

describe('detectLanguage', () => {
  it('is Russian when anything is Cyrillic, English for Latin only, Russian by default', () => {
    expect(detectLanguage(['Clients', 'Телефон'])).toBe('ru');
    expect(detectLanguage(['Clients', 'Phone'])).toBe('en');
    expect(detectLanguage(['ID', 'ABC', 'RFM', 'E-mail'])).toBe('ru');
    expect(detectLanguage([])).toBe('ru');
  });
});
