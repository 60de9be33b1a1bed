import { generateOrdersCsv, generateSyntheticBase, syntheticClientName } from '../synthetic';
import { encodeWindows1251 } from '../windows1251';
import { decodeBytes } from '../../core/import/decode';
import { readCsv } from '../../core/import/sheet';
import { readBase } from '../../core/base';

const options = { clients: 500, orders: 5000, seed: 3 };

describe('generateSyntheticBase', () => {
  it('has the asked sizes, unique client names and is deterministic', () => {
    const book = generateSyntheticBase(options);
    const [services, clients, orders] = book.sheets;
    expect([services.name, clients.name, orders.name]).toEqual(['Услуги', 'Клиенты', 'Заказы']);
    expect(clients.rows).toHaveLength(500);
    expect(orders.rows).toHaveLength(5000);
    expect(new Set(clients.rows.map((r) => r[1])).size).toBe(500);
    expect(generateSyntheticBase(options)).toEqual(book);
  });

  it('reads clean: every order linked, no problems', () => {
    const base = readBase(generateSyntheticBase(options));
    expect(base.problems).toEqual([]);
    expect(base.orderClient.every((c) => c !== null)).toBe(true);
  });
});

describe('syntheticClientName', () => {
  it('never repeats a name for the benchmark sizes', () => {
    const names = new Set<string>();
    for (let i = 0; i < 150_000; i++) names.add(syntheticClientName(i));
    expect(names.size).toBe(150_000);
  });
});

describe('generateOrdersCsv', () => {
  it('is a 1C export of the same orders: windows-1251, ;, title line, dd.mm.yyyy, 1 234,56', () => {
    const bytes = generateOrdersCsv(options);
    const read = readCsv(bytes, 'Заказы');
    expect(read.encoding).toBe('windows-1251');
    expect(read.separator).toBe(';');
    expect(read.preamble[0][0]).toMatch(/^Продажи за период \d\d\.\d\d\.\d{4} - \d\d\.\d\d\.\d{4}$/);
    expect(read.sheet.header).toEqual(['Дата', 'Номер', 'Контрагент', 'Номенклатура', 'Сумма', 'Менеджер']);
    expect(read.sheet.rows).toHaveLength(5000);
    expect(read.sheet.rows.some((r) => /^ООО ".+"$/.test(String(r[2])))).toBe(true);
    expect(read.sheet.rows.some((r) => /^\d{1,3}\u00A0\d{3},\d\d$/.test(String(r[4])))).toBe(true);

    const book = generateSyntheticBase(options);
    const fromCsv = readBase({ sheets: [book.sheets[1], read.sheet] });
    const fromBook = readBase(book);
    expect(fromCsv.problems).toEqual([]);
    expect(fromCsv.orderClient).toEqual(fromBook.orderClient);
    expect(fromCsv.orders.map((o) => [o.date, o.amount, o.number])).toEqual(fromBook.orders.map((o) => [o.date, o.amount, o.number]));
  });
});

describe('encodeWindows1251', () => {
  it('round-trips Russian text and writes ? for what the code page lacks', () => {
    const text = 'Ёлкин Пётр «Ромашка» №5 — 1\u00A0234,56';
    expect(decodeBytes(encodeWindows1251(text)).text).toBe(text);
    expect(decodeBytes(encodeWindows1251('100 ₽')).text).toBe('100 ?');
  });
});
