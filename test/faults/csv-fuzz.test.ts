/**
 * The CSV reader under random and mutated input: separators, quotes, line ends, encodings, NULs, very long
 * lines. Whatever the bytes, `readCsv` returns a table or refuses the file with `NotTextError` — no other
 * exception —, no character of a field is lost or made up, no value sits under a header-less column,
 * and the work stays linear: pathological files of 100 KB (and a 4 MB file of lone CRs, which used to
 * be searched to its end once per line) are read well within a few seconds.
 */
import fc from 'fast-check';
import { parseCsv, type CsvSeparator } from '../../src/core/import/csv';
import { readCsv } from '../../src/core/import/sheet';
import { NotTextError } from '../../src/core/import/not-text';
import { OrderImportError, planOrderImport } from '../../src/core/order-import';
import { encodeWindows1251 } from '../../src/sample/windows1251';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';

const RUNS = { numRuns: 200 };
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The pieces CSV files are made of, the troublesome ones often. */
const PIECES = [';', ',', '\t', '"', '""', '\n', '\r\n', '\r', ' ', 'a', 'Я', 'ё', '1 234,56', '01.03.2025', 'ООО «Ромашка»', '=1+1', '\u00a0', '\u0000', '\u0098', '\ufeff', '😀'];
const csvText = fc.array(fc.constantFrom(...PIECES), { maxLength: 300 }).map((parts) => parts.join(''));
const separator = fc.constantFrom<CsvSeparator>(';', ',', '\t');

/** UTF-16 LE with its byte-order mark, as Excel's "Unicode text" writes it. */
function utf16(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return bytes;
}

const encoded = fc.tuple(csvText, fc.constantFrom(utf8, encodeWindows1251, utf16)).map(([text, encode]) => encode(text));

/** A 1C export, mutated: bytes replaced, inserted, deleted, the file cut short. */
const EXPORT = encodeWindows1251(
  [
    'Продажи за период 01.01.2025 - 31.03.2025;;;;',
    'Дата;Номер;Контрагент;Номенклатура;Сумма',
    '31.01.2025;З-1;"ООО ""Ромашка""";Мытьё окон;1\u00a0234,56',
    '01.02.2025;З-2;Иванов Иван;"Мытьё; окон";-500',
    '29.02.2025;;Иванов Иван;Химчистка;',
    '',
  ].join('\r\n'),
);
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 16 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
);
const mutated = fc.array(mutation, { minLength: 1, maxLength: 6 }).map((mutations) => {
  let bytes = Array.from(EXPORT);
  for (const m of mutations) {
    const at = m.at % (bytes.length + 1);
    if (m.kind === 'set' && bytes.length > 0) bytes[at % bytes.length] = m.byte;
    else if (m.kind === 'insert') bytes.splice(at, 0, ...m.bytes);
    else if (m.kind === 'delete') bytes.splice(at, m.length);
    else if (m.kind === 'cut') bytes = bytes.slice(0, at);
  }
  return Uint8Array.from(bytes);
});

/** Reads `bytes`: the table, or undefined when the file is refused as not text. Any other exception fails. */
function read(bytes: Uint8Array) {
  try {
    return readCsv(bytes, 'orders.csv');
  } catch (error) {
    if (error instanceof NotTextError) return undefined;
    throw error;
  }
}

/** How often each character that is data (not a quote, separator or line end) occurs. */
function dataCharacters(texts: Iterable<string>, separator: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) {
    for (const char of text) if (char !== '"' && char !== separator && char !== '\n' && char !== '\r') counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  return counts;
}

describe('parseCsv on random text', () => {
  it('loses and invents no character of any field', () => {
    fc.assert(
      fc.property(csvText, separator, (text, sep) => {
        const body = text.startsWith('\ufeff') ? text.slice(1) : text;
        expect(dataCharacters(parseCsv(text, sep).flat(), sep)).toEqual(dataCharacters([body], sep));
      }),
      RUNS,
    );
  });

  it('gives back text without quotes exactly, line by line', () => {
    fc.assert(
      fc.property(csvText.map((text) => text.replace(/["\ufeff]/g, '')), separator, (text, sep) => {
        const lines = text.replace(/\r\n|\r/g, '\n').replace(/\n$/, '');
        expect(parseCsv(text, sep).map((record) => record.join(sep)).join('\n')).toBe(lines);
      }),
      RUNS,
    );
  });
});

describe('readCsv on random and mutated files', () => {
  const checkTable = (bytes: Uint8Array) => {
    const table = read(bytes);
    if (!table) return;
    const { header, rows } = table.sheet;
    for (const cells of rows) {
      cells.forEach((cell, column) => {
        if (cell !== null && cell.toString().trim() !== '') expect(header[column]).toEqual(expect.stringMatching(/\S/));
      });
    }
  };

  it('reads random bytes or refuses them as not text', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), checkTable), RUNS);
  });

  it('reads CSV-like text in UTF-8, windows-1251 and UTF-16, or refuses it, with every value under a header', () => {
    fc.assert(fc.property(encoded, checkTable), RUNS);
  });

  it('reads a mutated 1C export or refuses it, with every value under a header', () => {
    fc.assert(fc.property(mutated, checkTable), RUNS);
  });

  it('refuses any file with a NUL byte', () => {
    fc.assert(
      fc.property(csvText, fc.nat(), (text, at) => {
        const bytes = utf8(text);
        const withNul = Uint8Array.from([...bytes.slice(0, at % (bytes.length + 1)), 0, ...bytes.slice(at % (bytes.length + 1))]);
        expect(() => readCsv(withNul, 'orders.csv')).toThrow(NotTextError);
      }),
      RUNS,
    );
  });

  it('gives the import a table it plans or refuses with its own error', () => {
    const target: WorkbookSnapshot = {
      sheets: [
        { name: 'Клиенты', header: ['ID', 'Клиент'], rows: [['К-00001', 'Иванов Иван'], ['К-00002', 'ООО «Ромашка»']] },
        { name: 'Заказы', header: ['Дата', 'ID клиента', 'Клиент', 'Услуга', 'Сумма', 'Номер заказа'], rows: [] },
      ],
    };
    fc.assert(
      fc.property(fc.oneof(mutated, encoded), (bytes) => {
        const table = read(bytes);
        if (!table) return;
        try {
          planOrderImport(target, table.sheet);
        } catch (error) {
          expect(error).toBeInstanceOf(OrderImportError);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('the work stays linear', () => {
  const KB100 = 100_000;
  const fill = (piece: string, size = KB100) => piece.repeat(Math.ceil(size / piece.length));
  const pathological: Array<[string, string]> = [
    ['only quotes', fill('"')],
    ['a quoted field of escaped quotes that never closes', `"a${fill('""')}`],
    ['one record of empty fields', fill(';')],
    ['lone quotes opening fields on every line', fill('"Ромашка;1\n')],
    ['quotes closed early on every field', fill('"a"b;')],
    ['lone CRs only', fill('Я;1\r')],
    ['blank lines', fill('\r\n')],
    ['one field of 100 KB', fill('Клиент')],
    ['a header cell of 100 KB of field names', `Дата;${fill('Клиент Сумма ')};Сумма\n01.01.2025;x;1\n`],
    ['100 KB of header-like records', fill('Дата;Клиент;Сумма;Номер\n')],
    ['fields longer than the header on every line', `Дата;Клиент\n${fill('01.01.2025;x;1;2;3;4;5;6;7;8\n')}`],
  ];

  it.each(pathological)('%s: read within 5 s', (_, text) => {
    const started = Date.now();
    read(utf8(text));
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('4 MB of lines ending in a lone CR: read within 5 s', () => {
    const text = fill('01.03.2025;Яковлева;1\r', 4_000_000);
    const started = Date.now();
    expect(parseCsv(text, ';')).toHaveLength(text.split('\r').length - 1);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
