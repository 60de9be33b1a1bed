/**
 * Timing of the .xlsx gateway on a 100,000-client workbook (25 columns), not a test. Run:
 *   npx tsc --outDir /tmp/xlsx-measure --rootDir . --esModuleInterop --skipLibCheck --target ES2020 \
 *     --module commonjs --types node test/xlsx/measure-big.ts
 *   /usr/bin/time -v node /tmp/xlsx-measure/test/xlsx/measure-big.js write /tmp/big-clients.xlsx
 *   /usr/bin/time -v node /tmp/xlsx-measure/test/xlsx/measure-big.js read /tmp/big-clients.xlsx
 *   /usr/bin/time -v node /tmp/xlsx-measure/test/xlsx/measure-big.js update /tmp/big-clients.xlsx
 * `write` builds the workbook in memory and times saving it; `read` times opening it and reading the
 * snapshot; `update` opens, applies a structure-like plan (validations, colours, a tracker column),
 * and saves again.
 */
import { xlsxFromFile, xlsxToFile } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import type { CellValue } from '../../src/workbook/snapshot';
import type { SheetOperation } from '../../src/workbook/operations';

const CLIENTS = 100_000;
const HEADER = [
  'ID', 'Клиент', 'Тип', 'Контактное лицо', 'Телефон', 'E-mail', 'Город', 'Отрасль', 'Источник', 'Менеджер',
  'Статус', 'Услуга', 'Дата первого контакта', 'Первый заказ', 'Последний заказ', 'Заказов', 'Выручка',
  'Дней с последнего заказа', 'День рождения', 'Следующий контакт', 'Канал', 'Причина отказа', 'Комментарий',
  'ABC', 'RFM',
];
const CITIES = ['Москва', 'МСК', 'Санкт-Петербург', 'Казань', 'Екатеринбург'];
const STATUSES = ['Белый', 'Серый', 'Зелёный', 'Жёлтый', 'Золотой', 'Платиновый'];

function client(i: number): CellValue[] {
  const day = (n: number) => new Date(Date.UTC(2021, 0, 1 + (n % 1000)));
  return [
    `К-${String(i + 1).padStart(6, '0')}`, i % 3 ? `Иванов Иван ${i}` : `ООО «Ромашка ${i}»`, i % 3 ? 'Физлицо' : 'Компания',
    i % 4 ? null : `Петров П. ${i}`, `8 (912) ${String(i % 1000).padStart(3, '0')}-67-89`, `client${i}@example.ru`,
    CITIES[i % 5], 'Розница', 'Сайт', `Менеджер ${i % 12}`, STATUSES[i % 6], `Услуга ${i % 20}`, day(i), day(i + 30),
    day(i + 400), i % 17, (i % 1000) * 1234.5, i % 365, i % 9 ? null : day(i * 7), null, 'Телефон',
    null, i % 10 ? null : `=HYPERLINK("http://x","${i}") +7 912`, null, null,
  ];
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1e6)} MB`;
}

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = Date.now();
  const result = await work();
  console.log(`${label}: ${((Date.now() - start) / 1000).toFixed(2)} s, rss ${mb(process.memoryUsage().rss)}`);
  return result;
}

async function main(mode: string, path: string): Promise<void> {
  if (mode === 'write') {
    const wb = XlsxWorkbook.fromSnapshot({ sheets: [{ name: 'Клиенты', header: HEADER, rows: Array.from({ length: CLIENTS }, (_, i) => client(i)) }] });
    await wb.apply([{ kind: 'formatSheet', sheet: 'Клиенты', freezeHeader: true, autoFilter: true }]);
    await timed(`write ${CLIENTS} × ${HEADER.length}`, () => xlsxToFile(wb, path));
  } else if (mode === 'read') {
    const wb = await timed('open', () => xlsxFromFile(path));
    const snapshot = await timed('read snapshot', () => wb.read());
    console.log(`rows read: ${snapshot.sheets[0].rows.length}`);
  } else if (mode === 'update') {
    const wb = await timed('open', () => xlsxFromFile(path));
    const last = CLIENTS + 1;
    const plan: SheetOperation[] = [
      { kind: 'setValidation', sheet: 'Клиенты', column: 11, fromRow: 2, toRow: last, rule: { type: 'list', values: STATUSES }, strict: true },
      { kind: 'setValidation', sheet: 'Клиенты', column: 13, fromRow: 2, toRow: last, rule: { type: 'date' }, strict: false },
      { kind: 'colourCells', sheet: 'Клиенты', column: 11, fromRow: 2, toRow: last, rules: STATUSES.map((s) => ({ when: { equals: s }, fill: '#FFD966' })) },
      { kind: 'writeColumns', sheet: 'Клиенты', columns: [{ column: 26, header: 'Группа дублей', values: Array.from({ length: CLIENTS }, (_, i) => (i % 50 ? null : `Д-${i}`)) }] },
    ];
    await timed('apply plan', () => wb.apply(plan));
    await timed('save', () => xlsxToFile(wb, path.replace(/\.xlsx$/, '-updated.xlsx')));
  }
}

main(process.argv[2], process.argv[3] ?? '/tmp/big-clients.xlsx').catch((error) => {
  console.error(error);
  process.exit(1);
});
