import { decodeBytes } from '../decode';
import { csvToSheet, findHeaderRecord, readCsv } from '../sheet';
import { NotTextError } from '../not-text';
import { readBase } from '../../base';
import { planOrderImport } from '../../order-import';
import { calendarDay } from '../../normalise/date';
import { encodeWindows1251 } from '../../../sample/windows1251';
import { rendered } from '../../messages/rendered';

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
    expect(rendered(base.problems, 'ru')).toEqual([]);
  });

  it('reports the title block once: its lines are not imported', () => {
    expect(rendered(readCsv(file, 'Заказы').problems, 'ru')).toEqual([
      { sheet: 'Заказы', row: 1, column: '', value: 'Продажи за период 01.01.2024 - 31.12.2024', message: expect.stringMatching(/Над заголовком таблицы 1 стр.*не импортируются/) },
    ]);
    expect(rendered(readCsv(utf8('Дата;Клиент\n01.01.2024;Иванов\n'), 'x.csv').problems, 'ru')).toEqual([]);
  });

  it('reads an empty file as an empty sheet', () => {
    expect(csvToSheet(new Uint8Array(0), 'Заказы')).toEqual({ name: 'Заказы', header: [], rows: [] });
  });
});

describe('readCsv: fields under no header', () => {
  it('names a column beyond the header «Столбец N», keeps its values and reports it once', () => {
    const read = readCsv(utf8('Дата;Клиент;Сумма\n01.01.2024;Иванов;10;склад 2\n02.01.2024;Петров;20\n03.01.2024;Сидоров;30;склад 3;срочно\n'), 'x.csv');
    expect(read.sheet.header).toEqual(['Дата', 'Клиент', 'Сумма', 'Столбец 4', 'Столбец 5']);
    expect(read.sheet.rows).toEqual([
      ['01.01.2024', 'Иванов', '10', 'склад 2'],
      ['02.01.2024', 'Петров', '20'],
      ['03.01.2024', 'Сидоров', '30', 'склад 3', 'срочно'],
    ]);
    expect(rendered(read.problems.map((p) => [p.row, p.column, p.value]), 'ru')).toEqual([
      [2, 'Столбец 4', 'склад 2'],
      [4, 'Столбец 5', 'срочно'],
    ]);
    expect(rendered(read.problems[0].message, 'ru')).toMatch(/строк с ними: 2, первая — 2.*«Столбец 4»/);
  });

  it('names a blank header cell over values, and leaves an empty trailing column alone', () => {
    const read = readCsv(utf8('Дата;;Сумма;\n01.01.2024;Иванов;10;\n02.01.2024;;20;\n'), 'x.csv', { language: 'en' });
    expect(read.sheet.header).toEqual(['Дата', 'Column 2', 'Сумма', null]);
    expect(rendered(read.problems.map((p) => [p.row, p.column, p.value]), 'ru')).toEqual([[2, 'Column 2', 'Иванов']]);
  });

  it('keeps the values of an unnamed column through the import: the column is listed as not imported', () => {
    const target = { sheets: [{ name: 'Клиенты', header: ['ID', 'Клиент'], rows: [['К-1', 'Иванов']] }, { name: 'Заказы', header: ['Дата', 'ID клиента', 'Клиент', 'Сумма'], rows: [] }] };
    const read = readCsv(utf8('Дата;Клиент;Сумма\n01.01.2024;Иванов;10;склад 2\n'), 'x.csv');
    expect(planOrderImport(target, read.sheet).report.ignoredColumns).toEqual(['Столбец 4']);
  });
});

describe('readCsv: a file that is not text', () => {
  const refused = (bytes: Uint8Array) => {
    try {
      readCsv(bytes, 'orders.csv');
    } catch (error) {
      return error;
    }
    return undefined;
  };

  it.each([
    ['an .xlsx (zip)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], 'zip', /«orders\.csv» — архив zip.*ничего не импортировано/],
    ['a PDF', [...utf8('%PDF-1.7\n%âãÏÓ\n')], 'pdf', /документ PDF/],
    ['an .xls', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], 'ole', /Excel 97–2003/],
    ['text with a NUL byte', [...utf8('Дата;Клиент\n01.01.2024;Ив\u0000анов\n')], 'binary', /двоичные данные/],
    ['UTF-16 without a byte-order mark', [0x14, 0x04, 0x30, 0x04, 0x42, 0x04, 0x30, 0x04], 'binary', /двоичные данные/],
  ])('refuses %s with NotTextError', (_, bytes, kind, message) => {
    const error = refused(Uint8Array.from(bytes as number[]));
    expect(error).toBeInstanceOf(NotTextError);
    expect(error).toMatchObject({ name: 'NotTextError', kind });
    expect(rendered((error as Error).message, 'ru')).toMatch(message);
  });

  it('refuses bytes that are neither UTF-8 nor windows-1251 text: control characters throughout', () => {
    const bytes = new Uint8Array(4000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = [0x01, 0x98, 0xc0, 0x41, 0x3b, 0x0a][i % 6] + (i % 7 === 0 ? 1 : 0);
    expect(refused(bytes)).toBeInstanceOf(NotTextError);
  });

  it('reads windows-1251 and UTF-16 text, and text with a stray control character or a DOS end mark', () => {
    expect(refused(encodeWindows1251('Контрагент;Сумма\r\nЁлкин;1\r\n'))).toBeUndefined();
    expect(refused(Uint8Array.from([0xff, 0xfe, 0x14, 0x04, 0x3b, 0x00, 0x31, 0x00]))).toBeUndefined();
    expect(refused(utf8('Дата;Клиент;Комментарий\n01.01.2024;Иванов;звонок\u0007\n\u001a'))).toBeUndefined();
  });
});
