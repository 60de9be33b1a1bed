/**
 * `crm-base analyze` against an independent implementation of docs/ARCHITECTURE.md's definitions
 * (test/reference/reference.py: plain Python, exact Decimal/Fraction arithmetic), client by client.
 *
 * Each case writes a workbook and a 1C-style CSV, runs the built command
 * (`node bin/crm-base.js analyze BOOK.xlsx --orders ORDERS.csv --as-of … --json …`), runs the reference
 * on the same data (the clients sheet exported as JSON, orders already on the sheet exported as CSV,
 * the imported CSV as is), and lists every client and field on which they differ, and every manager and
 * month whose plan-vs-actual facts (revenue, new clients) differ.
 */
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { encodeWindows1251, generateOrdersCsv, generateSampleWorkbook, generateSyntheticBase, SAMPLE_DEFAULTS } from '../../src/sample';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import type { Cohort } from '../../src/core/cohorts';
import { xlsxToFile } from '../../src/xlsx/node';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/workbook/snapshot';

const ROOT = join(__dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'crm-base.js');
const REFERENCE = join(__dirname, 'reference.py');
const PYTHON = '/usr/bin/python3';
const NBSP = '\u00A0';
const dir = mkdtempSync(join(tmpdir(), 'crm-agreement-'));

interface ClientResult {
  id: string | null;
  name: string;
  firstOrder: string | null;
  lastOrder: string | null;
  orders: number;
  revenue: number;
  daysSinceLastOrder: number | null;
  cold: boolean;
  medianGap: number | null;
  expectedOrder: string | null;
  slipping: boolean;
  r: number | null;
  f: number | null;
  m: number | null;
  segment: string | null;
  abc: string | null;
}

/** Plan vs actual's facts as both sides give them (the command's pairs are reduced to the fact). */
interface PlanFactResult {
  manager: string;
  month: string;
  revenue: number | { fact: number | null };
  newClients: number | { fact: number | null };
}

interface Results {
  clients: ClientResult[];
  cohorts: Cohort[];
  thresholds: { recency: number[]; frequency: number[]; monetary: number[] };
  planFact: PlanFactResult[];
}

/** A case: the workbook given to the command, the CSV given with --orders, the as-of date. */
interface Case {
  book: WorkbookSnapshot;
  csv?: Uint8Array;
  asOf: string;
}

// --- exporting the workbook for the reference -------------------------------------------------------

function column(sheet: SheetSnapshot, ...headers: string[]): number {
  return sheet.header.findIndex((h) => typeof h === 'string' && headers.includes(h));
}

function text(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const dd = String(value.getUTCDate()).padStart(2, '0');
    const mm = String(value.getUTCMonth() + 1).padStart(2, '0');
    return `${dd}.${mm}.${value.getUTCFullYear()}`;
  }
  return String(value).trim();
}

function csvField(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The clients sheet as the reference reads it: id, name, phone and the typed history per row, in sheet order. */
function clientsJson(book: WorkbookSnapshot): string {
  const sheet = book.sheets.find((s) => s.name === 'Клиенты')!;
  const [id, name, phone, manager] = [column(sheet, 'ID'), column(sheet, 'Клиент'), column(sheet, 'Телефон'), column(sheet, 'Менеджер')];
  const history = {
    firstOrder: column(sheet, 'Первый заказ', 'Дата первого заказа'),
    lastOrder: column(sheet, 'Последний заказ', 'Дата последнего заказа'),
    orders: column(sheet, 'Заказов', 'Количество заказов'),
    revenue: column(sheet, 'Выручка'),
  };
  const at = (row: CellValue[], c: number) => (c < 0 ? '' : text(row[c]));
  return JSON.stringify(
    sheet.rows.map((row) => ({
      id: at(row, id) || null,
      name: at(row, name),
      phone: at(row, phone),
      manager: at(row, manager),
      ...Object.fromEntries(Object.entries(history).map(([field, c]) => [field, at(row, c)])),
    })),
  );
}

/** The orders sheet as a plain `;` CSV (dates `dd.mm.yyyy`, numbers as JavaScript prints them, text as typed). */
function bookOrdersCsv(book: WorkbookSnapshot): string | null {
  const sheet = book.sheets.find((s) => s.name === 'Заказы');
  if (!sheet || sheet.rows.length === 0) return null;
  const wanted = ['Дата', 'ID клиента', 'Клиент', 'Услуга', 'Сумма', 'Номер заказа', 'Менеджер'];
  const columns = wanted.map((h) => column(sheet, h));
  const lines = [wanted.filter((_, k) => columns[k] >= 0).join(';')];
  for (const row of sheet.rows) lines.push(columns.filter((c) => c >= 0).map((c) => csvField(text(row[c]))).join(';'));
  return lines.join('\n') + '\n';
}

// --- running both sides -----------------------------------------------------------------------------

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', cwd: dir, maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  return result.stderr;
}

async function runBoth(name: string, c: Case): Promise<{ cli: Results; reference: Results }> {
  const base = join(dir, name.replace(/\W+/g, '-'));
  await xlsxToFile(XlsxWorkbook.fromSnapshot(c.book), `${base}.xlsx`);
  const cliArgs = ['analyze', `${base}.xlsx`, '--as-of', c.asOf, '--json', `${base}.cli.json`];
  const refArgs = ['--as-of', c.asOf, '--out', `${base}.ref.json`, '--clients', `${base}.clients.json`];
  writeFileSync(`${base}.clients.json`, clientsJson(c.book));
  const bookOrders = bookOrdersCsv(c.book);
  if (bookOrders) {
    writeFileSync(`${base}.book-orders.csv`, bookOrders);
    refArgs.push('--book-orders', `${base}.book-orders.csv`);
  }
  if (c.csv) {
    writeFileSync(`${base}.csv`, c.csv);
    cliArgs.push('--orders', `${base}.csv`);
    refArgs.push('--import-orders', `${base}.csv`);
  }
  run(process.execPath, [BIN, ...cliArgs]);
  run(PYTHON, [REFERENCE, ...refArgs]);
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Results;
  return { cli: read(`${base}.cli.json`), reference: read(`${base}.ref.json`) };
}

const EXACT_FIELDS = ['name', 'firstOrder', 'lastOrder', 'orders', 'daysSinceLastOrder', 'cold', 'medianGap', 'expectedOrder', 'slipping', 'r', 'f', 'm', 'segment', 'abc'] as const;

/** Every client and field on which the command and the reference differ, as readable lines. */
function mismatches(cli: Results, reference: Results): string[] {
  const out: string[] = [];
  if (cli.clients.length !== reference.clients.length) {
    out.push(`clients: command ${cli.clients.length}, reference ${reference.clients.length}`);
  }
  const n = Math.min(cli.clients.length, reference.clients.length);
  for (let i = 0; i < n; i++) {
    const [a, b] = [cli.clients[i], reference.clients[i]];
    const who = `#${i + 1} ${a.id ?? ''} «${a.name}»`;
    // The reference knows IDs only where the data gives them; the command numbers the rest itself.
    if (b.id !== null && a.id !== b.id) out.push(`${who} id: command ${a.id}, reference ${b.id}`);
    for (const field of EXACT_FIELDS) {
      if (a[field] !== b[field]) out.push(`${who} ${field}: command ${JSON.stringify(a[field])}, reference ${JSON.stringify(b[field])}`);
    }
    if (!(Math.abs(a.revenue - b.revenue) <= 0.005)) out.push(`${who} revenue: command ${a.revenue}, reference ${b.revenue}`);
  }
  out.push(...planFactMismatches(cli.planFact, reference.planFact));
  for (const measure of ['recency', 'frequency', 'monetary'] as const) {
    const [a, b] = [cli.thresholds[measure], reference.thresholds[measure]];
    const close = a.length === b.length && a.every((t, k) => Math.abs(t - b[k]) <= 1e-6 * Math.max(1, Math.abs(b[k])));
    if (!close) out.push(`thresholds.${measure}: command ${JSON.stringify(a)}, reference ${JSON.stringify(b)}`);
  }
  out.push(...cohortMismatches(cli.cohorts, reference.cohorts));
  return out;
}

const close = (a: number, b: number, tolerance: number) => Math.abs(a - b) <= tolerance;

/** Every cohort and cell on which the two differ: months, sizes and partial month exactly, money to the kopeck, shares to 1e-9. */
function cohortMismatches(cli: Cohort[], reference: Cohort[]): string[] {
  const out: string[] = [];
  const months = (list: Cohort[]) => list.map((c) => c.month).join(' ');
  if (months(cli) !== months(reference)) return [`cohorts: command ${months(cli)}, reference ${months(reference)}`];
  cli.forEach((a, i) => {
    const b = reference[i];
    if (a.clients !== b.clients) out.push(`cohort ${a.month} clients: command ${a.clients}, reference ${b.clients}`);
    if (a.partialMonth !== b.partialMonth) out.push(`cohort ${a.month} partialMonth: command ${a.partialMonth}, reference ${b.partialMonth}`);
    if (!close(a.revenue, b.revenue, 0.005)) out.push(`cohort ${a.month} revenue: command ${a.revenue}, reference ${b.revenue}`);
    if (!close(a.firstMonthRevenue, b.firstMonthRevenue, 0.005)) out.push(`cohort ${a.month} month 0 revenue: command ${a.firstMonthRevenue}, reference ${b.firstMonthRevenue}`);
    a.shares.forEach((share, k) => {
      const other = b.shares[k];
      const same = share === null || other === null ? share === other : close(share, other, 1e-9);
      if (!same) out.push(`cohort ${a.month} month ${k + 1}: command ${share}, reference ${other}`);
    });
  });
  return out;
}

/** Plan vs actual's facts per manager (compared as names are: case and ё aside) and month. */
function planFactMismatches(cli: PlanFactResult[], reference: PlanFactResult[]): string[] {
  const fact = (value: number | { fact: number | null }) => (typeof value === 'number' ? value : value.fact);
  const byKey = (rows: PlanFactResult[]) => new Map(rows.map((r) => [`${r.month} ${r.manager.toLowerCase().replace(/ё/g, 'е')}`, r]));
  const [a, b] = [byKey(cli), byKey(reference)];
  const out: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const [x, y] = [a.get(key), b.get(key)];
    if (!x || !y) out.push(`planFact ${key}: ${x ? 'only the command has it' : 'only the reference has it'}`);
    else if (!(Math.abs(fact(x.revenue)! - fact(y.revenue)!) <= 0.005) || fact(x.newClients) !== fact(y.newClients)) {
      out.push(`planFact ${key}: command ${fact(x.revenue)}/${fact(x.newClients)}, reference ${fact(y.revenue)}/${fact(y.newClients)}`);
    }
  }
  return out;
}

// --- the data ---------------------------------------------------------------------------------------

/** A workbook with a clients sheet (ID, Клиент, Телефон) and an empty Orders sheet. */
function bookOf(clients: Array<[string | null, string, string?]>): WorkbookSnapshot {
  return {
    sheets: [
      { name: 'Клиенты', header: ['ID', 'Клиент', 'Телефон'], rows: clients.map(([id, name, phone]) => [id, name, phone ?? null]) },
      { name: 'Заказы', header: ['Дата', 'ID клиента', 'Клиент', 'Услуга', 'Сумма', 'Номер заказа'], rows: [] },
    ],
  };
}

/** A 1C export: a title line, then `header` and `rows` joined by `;`, CRLF line ends. */
function export1C(header: string, rows: string[], encoding: 'windows-1251' | 'utf-8-bom'): Uint8Array {
  const body = ['Реализация товаров и услуг за период;;;;;', header, ...rows].join('\r\n') + '\r\n';
  return encoding === 'windows-1251' ? encodeWindows1251(body) : new Uint8Array(Buffer.from('\uFEFF' + body, 'utf8'));
}

const HEADER_1C = 'Дата;Номер;Код клиента;Контрагент;Номенклатура;Сумма';

/**
 * Hand-made cases as of 01.03.2026 (day 0): linking by ID, by a loosely typed name and by phone; one order
 * in several lines, also non-adjacent; the same number for two clients; lines without a number; returns;
 * orders after the as-of date; an undated line; exactly 60 and 59 days; ties in revenue and in days;
 * a leap day, a month end and a time of day.
 */
const EDGE_BOOK = bookOf([
  ['К-1', 'ООО «Ромашка»', '+7 912 345-67-89'],
  ['К-2', 'Иванов Иван', '8 (900) 000-00-02'],
  ['К-3', 'Петров Пётр'],
  ['К-4', 'Сидорова Анна'],
  ['К-5', 'Будущий Клиент'],
  ['К-6', 'Возвратов Сергей'],
  ['К-7', 'Равнов Олег'],
]);
const EDGE_ROWS = [
  // К-1 by a loosely typed name and by phone; an order in three lines, the third away from the others.
  `15.02.2026;1001;;ооо ромашка;Уборка;1${NBSP}234,56`,
  `15.02.2026;1001;;"ООО ""Ромашка""";Мойка окон;100`,
  `29.02.2024 23:59:59;0900;;8 (912) 345-67-89;Уборка;500,44`,
  `16.02.2026;1002;;Петрова Нина;Химчистка;300`,
  `15.02.2026; 1001 ;;ООО «Ромашка»;Уборка;65,00`,
  // К-3 by ID under another spelling: exactly 60 days before; the same number 2001 as a new client's.
  `31.12.2025;2001;К-3;Петров П.;Уборка;1000`,
  `31.12.2025;2001;К-3;Петров П.;Мойка;200,50`,
  // К-4: 59 days, a return that zeroes the revenue.
  `2026-01-01;3001;К-4;Сидорова Анна;Уборка;700`,
  `01.01.2026;3002;К-4;Сидорова Анна;Возврат;-700`,
  // К-5: only after the as-of date.
  `02.03.2026;4001;К-5;Будущий Клиент;Уборка;999`,
  // К-6: a net return, and lines without a number (each its own order).
  `10.01.2026;;К-6;Возвратов Сергей;Уборка;100`,
  `10.01.2026;;К-6;Возвратов Сергей;Уборка;100`,
  `11.01.2026;;К-6;Возвратов Сергей;Возврат;-350`,
  // К-7 ties Петров П.'s days and, as 0.1 + 0.2 + 1200.2 against 1000 + 200.5, his revenue.
  `31.12.2025;7001;К-7;Равнов Олег;Уборка;0,1`,
  `31.12.2025;7002;К-7;Равнов Олег;Уборка;0,2`,
  `30.12.2025;7003;К-7;Равнов Олег;Уборка;1200,2`,
  // New clients: by ID (twice, another spelling of the name), by name only, one with the 2001 number.
  `01.03.2026;2001;77;Новиков Н.;Уборка;1200,5`,
  `28.02.2026;5001;77;Новиков Николай;Уборка;0,00`,
  `01.02.2026 08:30;;;Петрова Нина;Уборка;1${NBSP}200,50${NBSP}₽`,
  // An undated line counts as an order without dates; an unreadable amount as an order without money.
  `32.13.2025;6001;;Без Даты;Уборка;300`,
  `31.01.2026;6002;;Без Суммы;Уборка;дорого`,
  // A line after the as-of date of a client that has no other: the client is added with no orders.
  `15.03.2026;6003;;Только Будущее;Уборка;50`,
];

/**
 * A client crossing the 75 % line exactly: revenues 54.96, 20.04, 19.46, 5.54 (total 100). The third
 * client's share before it is exactly 75 %, so docs/ARCHITECTURE.md makes it B. (In binary floating point the four
 * sum to 100.00000000000001, which would make 75 % look "below" 75 %.)
 */
const CROSSING_ROWS = oneOrderEach(['54,96', '20,04', '19,46', '5,54']);
/** Shares before of 0, 54.96, 75, 90 and exactly 95 %: A, A, B, B, C (no floating-point trap here). */
const ON_THE_LINES_ROWS = oneOrderEach(['54,96', '20,04', '15', '5', '5']);

function oneOrderEach(amounts: string[]): string[] {
  return amounts.map((amount, i) => `10.02.2026;${9001 + i};;Клиент ${i + 1};Уборка;${amount}`);
}

/** A retail-transactions shape (see retail_like.py): long invoices, anonymous lines, cancellations. */
function retailLikeCsv(lines: number): Uint8Array {
  const path = join(dir, `retail-${lines}.csv`);
  run(PYTHON, [join(__dirname, 'retail_like.py'), '--lines', String(lines), '--seed', '4', '-o', path]);
  return readFileSync(path);
}

const CASES: Array<[string, () => Case]> = [
  ['synthetic 1C export, clients from the file', () => ({ book: bookOf([]), csv: generateOrdersCsv({ clients: 3000, orders: 30000 }), asOf: '2026-11-01' })],
  [
    'synthetic 1C export analysed as of a date inside its period',
    () => ({ book: bookOf([]), csv: generateOrdersCsv({ clients: 2000, orders: 20000, seed: 11 }), asOf: '2025-06-30' }),
  ],
  [
    'synthetic base with its own orders plus an export naming clients by name',
    () => ({
      book: generateSyntheticBase({ clients: 2000, orders: 6000, seed: 3 }),
      csv: generateOrdersCsv({ clients: 2400, orders: 15000, seed: 5 }),
      asOf: '2026-11-01',
    }),
  ],
  ['retail-shaped export (invoices, anonymous lines, cancellations)', () => ({ book: bookOf([]), csv: retailLikeCsv(30000), asOf: '2011-06-30' })],
  ['messy sample workbook (orders on the sheet, linked by name)', () => ({ book: generateSampleWorkbook({ clients: 500, orders: 4000 }), asOf: SAMPLE_DEFAULTS.asOf })],
  ['hand-made edge cases', () => ({ book: EDGE_BOOK, csv: export1C(HEADER_1C, EDGE_ROWS, 'windows-1251'), asOf: '2026-03-01' })],
  ['a client crossing the 75 % line', () => ({ book: bookOf([]), csv: export1C(HEADER_1C, CROSSING_ROWS, 'utf-8-bom'), asOf: '2026-03-01' })],
  ['clients on the 75 % and 95 % lines', () => ({ book: bookOf([]), csv: export1C(HEADER_1C, ON_THE_LINES_ROWS, 'utf-8-bom'), asOf: '2026-03-01' })],
  ['one client', () => ({ book: bookOf([]), csv: export1C(HEADER_1C, [CROSSING_ROWS[0]], 'utf-8-bom'), asOf: '2026-03-01' })],
];

describe('crm-base analyze agrees with the reference implementation client by client', () => {
  const results = new Map<string, { cli: Results; reference: Results }>();

  it.each(CASES)('%s', async (name, make) => {
    const both = await runBoth(name, make());
    results.set(name, both);
    expect(both.cli.clients.length).toBeGreaterThan(0);
    expect(both.cli.planFact.length).toBeGreaterThan(0);
    expect(mismatches(both.cli, both.reference)).toEqual([]);
  });

  it('the synthetic export puts the rhythm to the test: clients with and without one, slipping and not', () => {
    const clients = results.get('synthetic 1C export, clients from the file')!.reference.clients;
    const withRhythm = clients.filter((c) => c.medianGap !== null);
    expect(withRhythm.length).toBeGreaterThan(100);
    expect(clients.length - withRhythm.length).toBeGreaterThan(0);
    expect(withRhythm.filter((c) => c.slipping).length).toBeGreaterThan(0);
    expect(withRhythm.filter((c) => !c.slipping).length).toBeGreaterThan(0);
    expect(withRhythm.some((c) => !Number.isInteger(c.medianGap))).toBe(true);
  });

  it('the reference itself gets the hand-made cases right', () => {
    const edge = results.get('hand-made edge cases')!.reference.clients;
    const byName = (name: string) => edge.find((c) => c.name === name)!;
    expect(edge.map((c) => c.name)).toEqual([
      'ООО «Ромашка»', 'Иванов Иван', 'Петров Пётр', 'Сидорова Анна', 'Будущий Клиент', 'Возвратов Сергей', 'Равнов Олег',
      'Петрова Нина', 'Новиков Н.', 'Без Даты', 'Без Суммы', 'Только Будущее',
    ]);
    expect(byName('ООО «Ромашка»')).toMatchObject({ orders: 2, revenue: 1900, firstOrder: '2024-02-29', lastOrder: '2026-02-15', daysSinceLastOrder: 14 });
    expect(byName('Иванов Иван')).toMatchObject({ orders: 0, revenue: 0, daysSinceLastOrder: null, cold: false, r: null, abc: null });
    expect(byName('Петров Пётр')).toMatchObject({ orders: 1, revenue: 1200.5, daysSinceLastOrder: 60, cold: true });
    expect(byName('Сидорова Анна')).toMatchObject({ orders: 2, revenue: 0, daysSinceLastOrder: 59, cold: false, abc: null });
    expect(byName('Будущий Клиент')).toMatchObject({ orders: 0, lastOrder: null, r: null });
    expect(byName('Возвратов Сергей')).toMatchObject({ orders: 3, revenue: -150, abc: null });
    expect(byName('Новиков Н.')).toMatchObject({ id: '77', orders: 2, revenue: 1200.5, daysSinceLastOrder: 0 });
    expect(byName('Без Даты')).toMatchObject({ orders: 1, revenue: 300, lastOrder: null, r: null });
    expect(byName('Без Суммы')).toMatchObject({ orders: 1, revenue: 0 });
    expect(byName('Только Будущее')).toMatchObject({ orders: 0, lastOrder: null });
    // Equal values, equal scores: the 1200.5 revenues and the days of Петров and Равнов.
    expect(byName('Петров Пётр').m).toBe(byName('Новиков Н.').m);
    expect(byName('Петров Пётр').r).toBe(byName('Равнов Олег').r);
    expect(byName('Петров Пётр').m).toBe(byName('Равнов Олег').m);

    const crossing = results.get('a client crossing the 75 % line')!.reference.clients;
    expect(crossing.map((c) => c.abc)).toEqual(['A', 'A', 'B', 'B']);
    const onTheLines = results.get('clients on the 75 % and 95 % lines')!.reference.clients;
    expect(onTheLines.map((c) => c.abc)).toEqual(['A', 'A', 'B', 'B', 'C']);
    // Cohorts as of 01.03.2026 (the as-of month's cells are partial): Ромашка's first order is 29.02.2024,
    // before the last 24 months; Новиков Н. (first order 28.02, 0 ₽) came back in March with 1200.5.
    const cohorts = results.get('hand-made edge cases')!.reference.cohorts;
    expect(cohorts.map((c) => [c.month, c.clients])).toEqual([['2025-12', 2], ['2026-01', 3], ['2026-02', 2]]);
    expect(cohorts[0].shares.slice(0, 4)).toEqual([0, 0, 0, null]);
    expect(cohorts[1]).toMatchObject({ revenue: -150, shares: [0, 0, ...Array(10).fill(null)], partialMonth: 2 });
    expect(cohorts[2]).toMatchObject({ revenue: 1500.5, firstMonthRevenue: 300, shares: [0.5, ...Array(11).fill(null)], partialMonth: 1 });
    const retail = results.get('retail-shaped export (invoices, anonymous lines, cancellations)')!.cli.cohorts;
    expect(retail.length).toBeGreaterThan(3);
    expect(retail.some((c) => c.shares.some((share) => share !== null && share > 0))).toBe(true);

    const one = results.get('one client')!.reference.clients;
    expect(one).toEqual([expect.objectContaining({ r: 5, f: 1, m: 1, segment: 'new', abc: 'A' })]);
  });
});
