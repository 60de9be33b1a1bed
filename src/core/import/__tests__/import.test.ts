import { decodeBytes } from '../decode';
import { csvToSheet, findHeaderRecord, readCsv } from '../sheet';
import { readBase } from '../../base';
import { calendarDay } from '../../normalise/date';
import { encodeWindows1251 } from '../../../sample/windows1251';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeBytes', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeBytes(utf8('\uFEFFКлиент;Сумма'))).toEqual({ text: 'Клиент;Сумма', encoding: 'utf-8-bom' });
    expect(decodeBytes(utf8('Клиент;Сумма'))).toEqual({ text: 'Клиент;Сумма', encoding: 'utf-8' });
    expect(decodeBytes(utf8('Date,Amount'))).toEqual({ text: 'Date,Amount', encoding: 'utf-8' });
  });

  it('reads windows-1251 when the bytes are not UTF-8', () => {
    const bytes = encodeWindows1251('Контрагент;Сумма\r\nЁлкин Пётр;1\u00A0234,56\r\n');
    expect(decodeBytes(bytes)).toEqual({ text: 'Контрагент;Сумма\r\nЁлкин Пётр;1\u00A0234,56\r\n', encoding: 'windows-1251' });
  });

  it('reads UTF-16 with a BOM', () => {
    const text = 'Клиент\tСумма';
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      le[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      le[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    expect(decodeBytes(le)).toEqual({ text, encoding: 'utf-16le' });
  });

  it('reads empty input as empty UTF-8 text', () => {
    expect(decodeBytes(new Uint8Array(0))).toEqual({ text: '', encoding: 'utf-8' });
  });
});

describe('findHeaderRecord', () => {
  it('skips a 1C title block to the first record with known column names', () => {
    const records = [['Продажи за период 01.01.2024 - 31.12.2024', '', ''], ['Организация:', 'ООО «Ромашка»', ''], ['Дата', 'Контрагент', 'Сумма'], ['01.01.2024', 'Иванов', '10']];
    expect(findHeaderRecord(records)).toBe(2);
  });

  it('falls back to the first record of two or more cells with letters', () => {
    expect(findHeaderRecord([['Выгрузка'], ['01.01.2024', '100'], ['Поле А', 'Поле Б'], ['x', '1']])).toBe(2);
  });

  it('takes the first record when nothing looks like a header', () => {
    expect(findHeaderRecord([['1', '2'], ['3', '4']])).toBe(0);
    expect(findHeaderRecord([])).toBe(0);
  });
});

describe('readCsv', () => {
  const file = encodeWindows1251(
    [
      'Продажи за период 01.01.2024 - 31.12.2024;;;;',
      'Дата;Номер;Контрагент;Номенклатура;Сумма',
      '31.01.2024;З-1;"ООО ""Ромашка""";Мытьё окон;1\u00A0234,56',
      '01.02.2024;З-2;Иванов Иван;Мытьё окон;-500',
      '29.02.2024;;Иванов Иван;Химчистка;',
      '',
    ].join('\r\n'),
  );

  it('finds the table under the title line, with empty fields as empty cells', () => {
    const read = readCsv(file, 'Заказы');
    expect(read.encoding).toBe('windows-1251');
    expect(read.separator).toBe(';');
    expect(read.preamble).toEqual([['Продажи за период 01.01.2024 - 31.12.2024', '', '', '', '']]);
    expect(read.sheet.header).toEqual(['Дата', 'Номер', 'Контрагент', 'Номенклатура', 'Сумма']);
    expect(read.sheet.rows).toEqual([
      ['31.01.2024', 'З-1', 'ООО "Ромашка"', 'Мытьё окон', '1\u00A0234,56'],
      ['01.02.2024', 'З-2', 'Иванов Иван', 'Мытьё окон', '-500'],
      ['29.02.2024', null, 'Иванов Иван', 'Химчистка', null],
    ]);
  });

  it('gives a sheet that readBase maps to orders with dates, amounts and client links', () => {
    const clients = { name: 'Клиенты', header: ['Клиент', 'Телефон'], rows: [['ООО «Ромашка»', null], ['Иванов Иван', '8 (912) 345-67-89']] };
    const base = readBase({ sheets: [clients, csvToSheet(file, 'Заказы')] });
    expect(base.orders.map((o) => [o.date, o.amount, o.number])).toEqual([
      [calendarDay(2024, 1, 31), 1234.56, 'З-1'],
      [calendarDay(2024, 2, 1), -500, 'З-2'],
      [calendarDay(2024, 2, 29), null, ''],
    ]);
    expect(base.orderClient).toEqual([0, 1, 1]);
    expect(base.problems).toEqual([]);
  });

  it('reads an empty file as an empty sheet', () => {
    expect(csvToSheet(new Uint8Array(0), 'Заказы')).toEqual({ name: 'Заказы', header: [], rows: [] });
  });
});
