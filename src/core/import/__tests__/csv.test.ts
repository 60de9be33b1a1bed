import { detectSeparator, parseCsv } from '../csv';

describe('parseCsv', () => {
  it('splits records at LF, CRLF and a lone CR, with no empty record for the final newline', () => {
    expect(parseCsv('a;b\nc;d\n', ';')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('a;b\r\nc;d\r\n', ';')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('a;b\rc;d', ';')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('a;b', ';')).toEqual([['a', 'b']]);
  });

  it('keeps empty fields, trailing separators and blank lines in the middle', () => {
    expect(parseCsv('a;;c;\n\nd;e\n', ';')).toEqual([['a', '', 'c', ''], [''], ['d', 'e']]);
  });

  it('reads quoted fields with separators, newlines and doubled quotes inside', () => {
    const text = 'Клиент;Комментарий\r\n"ООО ""Ромашка""";"звонить; после\r\n18:00"\r\n"";x\r\n';
    expect(parseCsv(text, ';')).toEqual([
      ['Клиент', 'Комментарий'],
      ['ООО "Ромашка"', 'звонить; после\r\n18:00'],
      ['', 'x'],
    ]);
  });

  it('keeps quotes that do not quote a field exactly as typed', () => {
    expect(parseCsv('ООО "Ромашка";1\n', ';')).toEqual([['ООО "Ромашка"', '1']]);
    expect(parseCsv('"Ромашка" ООО;1\n', ';')).toEqual([['"Ромашка" ООО', '1']]);
    expect(parseCsv('"a;b" c;1\n', ';')).toEqual([['"a;b" c', '1']]);
    expect(parseCsv('12" монитор;1\n', ';')).toEqual([['12" монитор', '1']]);
    expect(parseCsv('"без конца;1\n', ';')).toEqual([['"без конца', '1']]);
  });

  it('never folds later lines into a field opened by a lone quote', () => {
    const text = '01.03;"Ромашка;100\n02.03;Лютик;200\n03.03;"Роза" ООО;300\n';
    expect(parseCsv(text, ';')).toEqual([
      ['01.03', '"Ромашка', '100'],
      ['02.03', 'Лютик', '200'],
      ['03.03', '"Роза" ООО', '300'],
    ]);
    expect(parseCsv('"a;1\n"b" c;2\n', ';')).toEqual([
      ['"a', '1'],
      ['"b" c', '2'],
    ]);
  });

  it('keeps every field exactly as written: tabs, spaces and line breaks inside are data', () => {
    expect(parseCsv('\t=1+1; x ;"звонить\n"\n', ';')).toEqual([['\t=1+1', ' x ', 'звонить\n']]);
  });

  it('drops a byte-order mark and returns nothing for empty text', () => {
    expect(parseCsv('\uFEFFДата;Сумма\n', ';')).toEqual([['Дата', 'Сумма']]);
    expect(parseCsv('', ';')).toEqual([]);
    expect(parseCsv('\uFEFF', ';')).toEqual([]);
  });

  it('mixes plain and quoted records without losing its place', () => {
    const lines = ['1;a', '2;"b;c"', '3;d', '4;"e\nf"', '5;g'];
    expect(parseCsv(lines.join('\n'), ';')).toEqual([['1', 'a'], ['2', 'b;c'], ['3', 'd'], ['4', 'e\nf'], ['5', 'g']]);
  });

  it('detects the separator when none is given', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([['a', 'b'], ['1', '2']]);
  });
});

describe('detectSeparator', () => {
  it('prefers the semicolon of a 1C export over the decimal commas in its amounts', () => {
    const text = 'Дата;Контрагент;Сумма\n01.02.2024;Иванов;1 234,56\n02.02.2024;Петров;99,90\n';
    expect(detectSeparator(text)).toBe(';');
  });

  it('finds commas when decimal commas are quoted', () => {
    expect(detectSeparator('Date,Client,Amount\n2024-02-01,Ivanov,"1 234,56"\n2024-02-02,"Petrov, Ivan","99,90"\n')).toBe(',');
  });

  it('finds tabs', () => {
    expect(detectSeparator('Дата\tКлиент\tСумма\n01.02.2024\tООО «Ромашка», Москва\t100\n')).toBe('\t');
  });

  it('looks past a title line without separators', () => {
    expect(detectSeparator('Продажи за октябрь, 2024\nДата;Клиент;Сумма\n01.10.2024;Иванов;10\n')).toBe(';');
  });

  it('gives ; for a single column', () => {
    expect(detectSeparator('Клиент\nИванов\n')).toBe(';');
    expect(detectSeparator('')).toBe(';');
  });
});

describe('the line each record starts on', () => {
  it('counts CRLF, LF and lone-CR line ends, and every line a quoted field spans', () => {
    const firstLines: number[] = [];
    const text = 'Выгрузка\r\n\r\nДата;Комментарий\r\n01.03.2025;"две\r\nстроки"\r\n02.03.2025;"три\nстроки\rтут"\n03.03.2025;x\r04.03.2025;"""кавычки"""\n';
    const records = parseCsv(text, ';', firstLines);
    expect(records.map((r) => r[0])).toEqual(['Выгрузка', '', 'Дата', '01.03.2025', '02.03.2025', '03.03.2025', '04.03.2025']);
    expect(firstLines).toEqual([1, 2, 3, 4, 6, 9, 10]);
  });

  it('is not counted unless asked for: the records are the same', () => {
    const text = 'a;b\r\n"1\n2";3\r\n';
    expect(parseCsv(text, ';')).toEqual(parseCsv(text, ';', []));
  });
});
