/**
 * Headers of real exports (1C, bank statements, marketplaces, online tills, the UCI "Online Retail"
 * file) as the orders import and the workbook's own sheets read them.
 */
import { locateBase } from '../layout';
import { clientKeyOfHeader, fieldNamed, fieldOfHeader, fieldOfHeaderPrefix, matchSourceHeader, sourceFieldNamed, type SourceField } from '../header-match';
import { book, sheet } from './snapshot-builder';

const fieldOf = (header: string) => matchSourceHeader(header)?.field;

describe('an orders export', () => {
  it.each<[string, SourceField]>([
    ['Клиент ID', 'clientId'],
    ['ID клиента', 'clientId'],
    ['Код контрагента', 'clientId'],
    ['Код покупателя', 'clientId'],
    ['Контрагент', 'client'],
    ['Покупатель', 'client'],
    ['Плательщик', 'client'],
    ['Наименование контрагента', 'client'],
    ['Дата документа', 'date'],
    ['Дата и время', 'date'],
    ['Сумма документа', 'amount'],
    ['Сумма с НДС', 'amount'],
    ['Сумма, руб.', 'amount'],
    ['Итоговая сумма', 'amount'],
    ['Сумма чека', 'amount'],
    ['Номер документа', 'number'],
    ['Номенклатура', 'service'],
    ['Наименование товара', 'service'],
    ['Количество', 'quantity'],
    ['Кол-во', 'quantity'],
    ['Цена', 'price'],
    ['Цена продажи', 'price'],
    ['Цена за ед.', 'price'],
    ['Телефон покупателя', 'phone'],
    ['Email покупателя', 'email'],
    ['ИНН контрагента', 'inn'],
    ['Customer ID', 'clientId'],
    ['CustomerID', 'clientId'],
    ['Quantity', 'quantity'],
    ['UnitPrice', 'price'],
    ['Unit price', 'price'],
    ['InvoiceDate', 'date'],
    ['InvoiceNo', 'number'],
    ['Description', 'service'],
  ])('reads «%s» as %s', (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });

  it('does not take a header for a field its complement rules out', () => {
    expect(fieldOf('Клиентский менеджер')).toBe('manager');
    expect(fieldOf('Дата рождения')).toBeUndefined();
    expect(fieldOf('Сумма НДС')).toBeUndefined();
    expect(fieldOf('Сумма без НДС')).toBeUndefined();
    expect(fieldOf('Номер телефона')).toBe('phone');
    expect(fieldOf('Код товара')).toBeUndefined();
    expect(fieldOf('StockCode')).toBeUndefined();
    expect(fieldOf('Вид операции')).toBeUndefined();
    expect(fieldOf('Менеджер клиента')).toBeUndefined();
  });

  it('reads the words in any order and any grammatical form', () => {
    for (const header of ['ID клиента', 'Клиент ID', 'клиента id', 'Код Клиента', 'Клиенту код']) expect(fieldOf(header)).toBe('clientId');
    expect(fieldOf('Даты документов')).toBe('date');
  });

  it('prefers a synonym, then the same words, then words with qualifiers', () => {
    expect(matchSourceHeader('ID клиента')).toEqual({ field: 'clientId', rank: 0 });
    expect(matchSourceHeader('Клиент ID')).toEqual({ field: 'clientId', rank: 1 });
    expect(matchSourceHeader('Клиент (код 1С)')).toEqual({ field: 'clientId', rank: 2 });
    // A client detail named more surely than an order field wins: the phone, not the buyer.
    expect(matchSourceHeader('Телефон покупателя')).toEqual({ field: 'phone', rank: 1 });
  });

  it('tells which client key a header that names the client holds', () => {
    expect(clientKeyOfHeader('ФИО / код клиента')).toBe('clientId');
    expect(clientKeyOfHeader('Карта покупателя')).toBe('client');
    expect(clientKeyOfHeader('Лицевой счёт')).toBeUndefined();
  });
});

describe('the workbook sheets', () => {
  it('read headers in other words too, without taking what belongs to another field', () => {
    expect(fieldOfHeaderPrefix('orders', 'Клиент ID')).toBe('clientId');
    expect(fieldOfHeaderPrefix('clients', 'Рабочий телефон')).toBe('phone');
    expect(fieldOfHeaderPrefix('clients', 'Полное наименование')).toBe('name');
    expect(fieldOfHeaderPrefix('clients', 'Дата рождения клиента')).toBe('birthday');
    expect(fieldOfHeaderPrefix('clients', 'Email менеджера')).toBeUndefined();
    expect(fieldOfHeaderPrefix('clients', 'Сумма последнего заказа')).toBeUndefined();
    expect(fieldOfHeaderPrefix('orders', 'Дата рождения')).toBeUndefined();
    expect(fieldOfHeaderPrefix('orders', 'Номер телефона')).toBeUndefined();
  });

  it('map an export pasted as the Orders sheet', () => {
    const layout = locateBase(book(sheet('Клиенты', ['ID', 'Клиент']), sheet('Заказы', ['Дата документа', 'Клиент ID', 'Сумма с НДС', 'Номер документа'])));
    expect(layout.orders?.columns).toEqual({ date: 0, clientId: 1, amount: 2, number: 3 });
  });
});

describe('naming a field', () => {
  it('takes the field name in any case or one of its headers', () => {
    expect(fieldNamed('clients', 'name')).toBe('name');
    expect(fieldNamed('clients', 'Наименование')).toBe('name');
    expect(fieldNamed('orders', 'CLIENTID')).toBe('clientId');
    expect(fieldNamed('orders', 'склад')).toBeUndefined();
    expect(sourceFieldNamed('clientId')).toBe('clientId');
    expect(sourceFieldNamed('ID клиента')).toBe('clientId');
    expect(sourceFieldNamed('id')).toBe('clientId');
    expect(sourceFieldNamed('quantity')).toBe('quantity');
    expect(sourceFieldNamed('Телефон')).toBe('phone');
    expect(sourceFieldNamed('birthday')).toBeUndefined();
    expect(fieldOfHeader('orders', 'Клиент ID')).toBeUndefined();
  });
});
