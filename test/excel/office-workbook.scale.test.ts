/**
 * A 100,000-client workbook through the Office.js gateway: syncs must grow with blocks (megabytes), not
 * rows, and no request may reach the 5 MB Excel on the web refuses. The figures are printed for the notes.
 */
import { OfficeWorkbook } from '../../addin/gateway/office-workbook';
import type { SheetOperation } from '../../src/workbook/operations';
import type { CellValue } from '../../src/workbook/snapshot';
import { FakeExcel } from '../fakes/excel';

const CLIENTS = 100_000;
const FIVE_MB = 5 * 1024 * 1024;
const HEADER = ['ID', 'Клиент', 'Телефон', 'E-mail', 'Город', 'Статус', 'Менеджер', 'Услуга', 'Первый контакт', 'Комментарий'];

function clientRow(i: number): CellValue[] {
  return [
    `К-${String(i + 1).padStart(5, '0')}`,
    i % 7 === 0 ? `ООО «Ромашка ${i}»` : `Иванов Иван Иванович ${i}`,
    `8 (912) ${String(i % 1000).padStart(3, '0')}-67-89`,
    `client${i}@example.ru`,
    i % 3 ? 'Москва' : 'Санкт-Петербург',
    'Золотой',
    'Петрова',
    'Бухгалтерия',
    new Date(Date.UTC(2023, i % 12, 1 + (i % 28))),
    i % 11 === 0 ? '=не формула' : 'звонить после обеда',
  ];
}

const column = (fn: (i: number) => CellValue) => Array.from({ length: CLIENTS }, (_, i) => fn(i));
const last = CLIENTS + 1;

const structurePlan = (): SheetOperation[] => [
  { kind: 'ensureSheet', sheet: 'Заказы', header: ['Дата', 'ID клиента', 'Клиент', 'Услуга', 'Сумма', 'Номер заказа', 'Менеджер', 'Комментарий'] },
  { kind: 'writeColumns', sheet: 'Клиенты', columns: [
    { column: 1, values: column((i) => (i % 10 === 0 ? `К-${String(i + 1).padStart(5, '0')}` : undefined) as CellValue) },
    { column: 11, header: 'Первый заказ', values: column((i) => new Date(Date.UTC(2024, i % 12, 1))), numberFormat: 'dd.mm.yyyy' },
    { column: 12, header: 'Последний заказ', values: column((i) => new Date(Date.UTC(2024, i % 12, 15))), numberFormat: 'dd.mm.yyyy' },
    { column: 13, header: 'Заказов', values: column((i) => i % 9), numberFormat: '0' },
    { column: 14, header: 'Выручка', values: column((i) => i * 12.5), numberFormat: '#,##0.00' },
    { column: 15, header: 'Дней с заказа', values: column((i) => i % 400), numberFormat: '0' },
  ] },
  { kind: 'setValidation', sheet: 'Клиенты', column: 6, fromRow: 2, toRow: last, rule: { type: 'list', values: ['Белый', 'Серый', 'Зелёный', 'Жёлтый', 'Зелёно-золотой', 'Золотой', 'Платиновый', 'Красно-зелёный', 'Красно-золотой', 'Красно-платиновый'] }, strict: true },
  { kind: 'setValidation', sheet: 'Клиенты', column: 8, fromRow: 2, toRow: last, rule: { type: 'listRange', source: { sheet: 'Услуги', column: 1, fromRow: 2, toRow: 21 } }, strict: false },
  { kind: 'colourCells', sheet: 'Клиенты', column: 6, fromRow: 2, toRow: last, rules: [{ when: { equals: 'Золотой' }, fill: '#FFD966' }, { when: { equals: 'Платиновый' }, fill: '#D9D9D9' }] },
  { kind: 'colourCells', sheet: 'Клиенты', column: 15, fromRow: 2, toRow: last, rules: [{ when: { atLeast: 60 }, fill: '#9DC3E6' }] },
  { kind: 'formatSheet', sheet: 'Клиенты', freezeHeader: true, autoFilter: true },
];

function resultTable(sheet: string, header: string[], row: (i: number) => CellValue[], formats: (string | null)[]): SheetOperation {
  return { kind: 'writeTable', sheet, replace: true, header, rows: Array.from({ length: CLIENTS }, (_, i) => row(i)), numberFormats: formats, freezeHeader: true, autoFilter: true };
}

const abcPlan = (): SheetOperation[] => [
  resultTable('ABC', ['№', 'ID', 'Клиент', 'Выручка', 'Доля', 'Накопленная доля', 'Класс'], (i) => [i + 1, `К-${i + 1}`, `Иванов Иван ${i}`, 1e6 - i, 1 / CLIENTS, (i + 1) / CLIENTS, i < 20000 ? 'A' : i < 50000 ? 'B' : 'C'], ['0', null, null, '#,##0.00', '0.0%', '0.0%', null]),
  { kind: 'colourCells', sheet: 'ABC', column: 7, fromRow: 2, toRow: last, rules: [{ when: { equals: 'A' }, fill: '#C6EFCE' }, { when: { equals: 'B' }, fill: '#FFEB9C' }, { when: { equals: 'C' }, fill: '#FFC7CE' }] },
  { kind: 'addChart', sheet: 'ABC', chart: { type: 'pareto', title: 'ABC', categories: { column: 3, fromRow: 2, toRow: 51 }, series: [{ name: 'Выручка', values: { column: 4, fromRow: 2, toRow: 51 } }, { name: 'Доля', values: { column: 6, fromRow: 2, toRow: 51 }, asLine: true, secondaryAxis: true }], anchor: { row: 2, column: 9 }, width: 720, height: 360 } },
  { kind: 'writeColumns', sheet: 'Клиенты', columns: [{ column: 16, header: 'ABC', values: column((i) => (i < 20000 ? 'A' : i < 50000 ? 'B' : 'C')) }] },
];

const rfmPlan = (): SheetOperation[] => [
  resultTable('RFM', ['ID', 'Клиент', 'Дней', 'Заказов', 'Выручка', 'R', 'F', 'M', 'RFM', 'Сегмент'], (i) => [`К-${i + 1}`, `Иванов Иван ${i}`, i % 400, i % 9, i * 12.5, 1 + (i % 5), 1 + (i % 4), 1 + (i % 3), '345', 'Потенциально лояльные'], [null, null, '0', '0', '#,##0.00', '0', '0', '0', null, null]),
  { kind: 'writeTable', sheet: 'RFM', replace: false, anchor: { row: 1, column: 12 }, header: ['Сегмент', 'Клиентов'], rows: [['Чемпионы', 10], ['Спящие', 20]] },
  { kind: 'addChart', sheet: 'RFM', chart: { type: 'bar', title: 'Сегменты', categories: { column: 12, fromRow: 2, toRow: 3 }, series: [{ name: 'Клиентов', values: { column: 13, fromRow: 2, toRow: 3 } }], anchor: { row: 5, column: 12 } } },
  { kind: 'writeColumns', sheet: 'Клиенты', columns: [{ column: 17, header: 'RFM', values: column(() => '345') }, { column: 18, header: 'Сегмент RFM', values: column(() => 'Потенциально лояльные') }] },
];

const duplicatesPlan = (): SheetOperation[] => [
  resultTable('Дубли', ['Группа', 'ID', 'Клиент', 'Телефон', 'Причина', 'Оценка'], (i) => [`Г-${Math.floor(i / 2)}`, `К-${i + 1}`, `Иванов Иван ${i}`, '+79123456789', 'телефон', 0.97], [null, null, null, null, null, '0.00']),
  { kind: 'writeColumns', sheet: 'Клиенты', columns: [{ column: 19, header: 'Группа дублей', values: column((i) => (i % 50 === 0 ? `Г-${i}` : null)) }] },
];

describe('the Office.js gateway on 100,000 clients', () => {
  const fake = new FakeExcel({
    sheets: [
      { name: 'Услуги', header: ['Услуга', 'Цена'], rows: Array.from({ length: 20 }, (_, i) => [`Услуга ${i}`, 1000 * (i + 1)]) },
      { name: 'Клиенты', header: HEADER, rows: Array.from({ length: CLIENTS }, (_, i) => clientRow(i)) },
    ],
  });
  const wb = new OfficeWorkbook({ run: fake.run, supports: () => true });
  const figures: string[] = [];

  afterAll(() => console.log(`Office.js gateway, ${CLIENTS} clients:\n${figures.join('\n')}`));

  it('reads the clients in blocks of rows', async () => {
    fake.recorder.reset();
    const snapshot = await wb.read(['Клиенты']);
    const clients = snapshot.sheets[0];
    expect(clients.rows).toHaveLength(CLIENTS);
    expect(clients.rows[7][1]).toBe('ООО «Ромашка 7»');
    expect(clients.rows[0][8]).toEqual(new Date(Date.UTC(2023, 0, 1)));
    const syncs = fake.recorder.syncs;
    // list + used ranges, then 10 blocks of 10,000 rows (100,000 cells each, 10 columns)
    expect(syncs.length).toBe(2 + Math.ceil((CLIENTS + 1) / 10_000));
    const largestResponse = Math.max(...syncs.map((s) => s.responseBytes));
    expect(largestResponse).toBeLessThan(FIVE_MB);
    figures.push(`read: ${syncs.length} syncs, largest response ${(largestResponse / 1e6).toFixed(2)} MB`);
  });

  it.each([
    ['structure', structurePlan],
    ['duplicates', duplicatesPlan],
    ['ABC', abcPlan],
    ['RFM', rfmPlan],
  ])('applies a %s-shaped plan in syncs bounded by blocks, each request under 5 MB', async (name, plan) => {
    const ops = plan();
    fake.recorder.reset();
    await wb.apply(ops);
    const syncs = fake.recorder.syncs;
    const bytes = syncs.reduce((sum, s) => sum + s.requestBytes, 0);
    expect(fake.recorder.largestRequest).toBeLessThan(FIVE_MB);
    // Each sync but the last carries a nearly full request (≥ 1 MB), apart from the few reads a plan needs.
    expect(syncs.length).toBeLessThanOrEqual(Math.ceil(bytes / 1_000_000) + 6);
    expect(syncs.length).toBeLessThan(60);
    figures.push(`${name}: ${ops.length} operations, ${syncs.length} syncs, ${(bytes / 1e6).toFixed(1)} MB sent, largest request ${(fake.recorder.largestRequest / 1e6).toFixed(2)} MB`);
  });

  it('left user strings literal and the data readable', async () => {
    const clients = (await wb.read(['Клиенты'])).sheets[0];
    expect(clients.rows[11][9]).toBe('=не формула');
    expect(clients.rows[0][2]).toBe('8 (912) 000-67-89');
    expect(clients.rows[0][15]).toBe('A');
    expect(fake.sheet('Клиенты').cells.flat().filter((cell) => cell?.formula)).toHaveLength(0);
  });
});
