/**
 * The contract every Workbook gateway must pass: the same operations leave each host in the state the
 * in-memory Workbook (src/workbook/memory.ts, the reference semantics) computes.
 *
 * A gateway's test file calls `describeWorkbookContract(name, harness)`. The harness creates a workbook
 * on its host holding a snapshot, and describes the host afterwards as a WorkbookState — from the host
 * itself (a fake's records, a saved file re-read by another reader), not from the gateway's own memory.
 * `roundTrip`, when given, reopens the workbook the way a user would reopen it (save and load a file);
 * read-back cases then read through it.
 *
 * Use from a gateway's test, e.g. for an Office.js gateway over a fake Excel:
 *
 *   describeWorkbookContract('Office.js over the fake Excel', {
 *     create: async (initial) => new OfficeWorkbook(FakeExcel.from(initial)),
 *     inspect: async (wb) => describeFakeExcel((wb as OfficeWorkbook).host),
 *     lacks: {},                       // only what the host truly cannot do, with its documented fallback
 *   });
 *
 * `inspect` must describe the host's own records (A1 ranges, formulas, fills as `#RRGGBB`, validations as
 * ValidationRule, colour rules as ColourRule) in WorkbookState terms; values are compared after
 * `normaliseValues`, so trailing blanks and '' versus null do not matter.
 */
import { readBase } from '../../src/core/base';
import { SHEET_KINDS, sheetName } from '../../src/core/schema';
import { planLogContact, type ContactInput } from '../../src/core/contact-log';
import type { ChartSpec, SheetOperation, ValidationRule } from '../../src/workbook/operations';
import type { CellValue, WorkbookSnapshot } from '../../src/workbook/snapshot';
import type { SheetState, WorkbookState } from '../../src/workbook/state';
import type { Workbook } from '../../src/workbook/workbook';

export interface WorkbookHarness {
  create(initial: WorkbookSnapshot): Promise<Workbook>;
  inspect(wb: Workbook): Promise<WorkbookState>;
  roundTrip?(wb: Workbook): Promise<Workbook>;
  /**
   * What the host cannot do, with the documented fallback the suite then expects instead:
   * `tables: false` — a `table` request becomes an autofilter over the same range.
   */
  lacks?: { tables?: boolean };
}

/** Values as compared: '' and null are both "empty"; trailing empty cells and rows are dropped. */
export function normaliseValues(values: CellValue[][]): CellValue[][] {
  const rows = values.map((row) => {
    const out = row.map((v) => (v === '' || v === undefined ? null : v));
    while (out.length && out[out.length - 1] === null) out.pop();
    return out;
  });
  while (rows.length && rows[rows.length - 1].length === 0) rows.pop();
  return rows;
}

function sheetOf(state: WorkbookState, name: string): SheetState {
  const sheet = state.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet «${name}» in ${state.sheets.map((s) => s.name).join(', ')}`);
  return sheet;
}

const RU_TEXT = 'ООО «Ромашка»';
const NBSP_AMOUNT = '1\u00a0234,56\u00a0₽';
const MIDNIGHT = new Date(Date.UTC(2024, 1, 29)); // a leap day at midnight
const MONTH_END_EVENING = new Date(Date.UTC(2023, 11, 31, 23, 59, 0));
const FORMULA_LIKE = ['=HYPERLINK("http://x","y")', '+7 912 345-67-89', '-5', '@SUM(A1)', '=1+1', '+', '-'];

function clientsSnapshot(): WorkbookSnapshot {
  return {
    sheets: [
      { name: 'Услуги', header: ['Услуга', 'Цена'], rows: [['Аудит', 15000], ['Консультация', 3000], ['Бухгалтерия', 25000.5]] },
      {
        name: 'Клиенты',
        header: ['ID', 'Клиент', 'Телефон', 'Дата', 'Сумма', 'Активен', 'Статус'],
        rows: [
          ['К-00001', RU_TEXT, '8 (912) 345-67-89', MIDNIGHT, 1234.56, true, 'Золотой'],
          [null, 'Иванов Иван', null, MONTH_END_EVENING, -50, false, 'Белый'],
          ['К-00003', 'ИП Петров', '+79123456789', null, 0, null, 'Золотой'],
          [null, NBSP_AMOUNT, null, null, null, null, 'Серый'],
        ],
      },
    ],
  };
}

const TITLE = 'Клиентская база ООО «Ромашка»';

/** The clients of `clientsSnapshot` below a title row and an empty row: the header is row 3. */
function titledSnapshot(): WorkbookSnapshot {
  const clients = clientsSnapshot().sheets[1];
  return { sheets: [{ name: 'Клиенты', header: [TITLE], rows: [[], clients.header, ...clients.rows] }] };
}

const CHART: ChartSpec = {
  type: 'pareto',
  title: 'ABC клиентов',
  categories: { sheet: 'ABC', column: 1, fromRow: 2, toRow: 4 },
  series: [
    { name: 'Выручка', values: { sheet: 'ABC', column: 2, fromRow: 2, toRow: 4 } },
    { name: 'Доля', values: { sheet: 'ABC', column: 3, fromRow: 2, toRow: 4 }, asLine: true, secondaryAxis: true },
  ],
  anchor: { row: 2, column: 5 },
  width: 480,
  height: 300,
};

/** A plan touching every kind of operation, as an action would produce it. */
function representativePlan(): SheetOperation[] {
  return [
    { kind: 'ensureSheet', sheet: 'Заказы', header: ['Дата', 'ID клиента', 'Сумма'] },
    { kind: 'writeColumns', sheet: 'Клиенты', columns: [
      { column: 1, values: [undefined, 'К-00002', undefined, 'К-00004'] },
      { column: 8, header: 'ABC', values: ['A', 'B', 'C', null] },
    ] },
    { kind: 'setValidation', sheet: 'Клиенты', column: 7, fromRow: 2, toRow: 1000, rule: { type: 'list', values: ['Белый', 'Серый', 'Золотой'] }, strict: true, errorMessage: 'Выберите статус' },
    { kind: 'setValidation', sheet: 'Клиенты', column: 2, fromRow: 2, toRow: 1000, rule: { type: 'listRange', source: { sheet: 'Услуги', column: 1, fromRow: 2, toRow: 4 } }, strict: false },
    { kind: 'colourCells', sheet: 'Клиенты', column: 7, fromRow: 2, toRow: 1000, rules: [{ when: { equals: 'Золотой' }, fill: '#FFD966' }] },
    { kind: 'formatSheet', sheet: 'Клиенты', freezeHeader: true, autoFilter: true, columnFormats: [{ column: 4, format: 'dd.mm.yyyy', fromRow: 2, toRow: 5 }] },
    { kind: 'writeTable', sheet: 'ABC', replace: true, header: ['Клиент', 'Выручка', 'Доля'], rows: [[RU_TEXT, 1234.56, 0.5], ['Иванов Иван', 600, 0.8], ['ИП Петров', 0, 1]], numberFormats: [null, '#,##0.00', '0.0%'], freezeHeader: true, autoFilter: true, headerFill: '#D9E1F2' },
    { kind: 'highlightRows', sheet: 'ABC', rows: [2], fill: '#C6EFCE' },
    { kind: 'addChart', sheet: 'ABC', chart: CHART },
  ];
}

export function describeWorkbookContract(name: string, harness: WorkbookHarness): void {
  const reopen = async (wb: Workbook): Promise<Workbook> => (harness.roundTrip ? harness.roundTrip(wb) : wb);
  const stateOf = async (wb: Workbook, sheet: string): Promise<SheetState> => sheetOf(await harness.inspect(wb), sheet);

  describe(`Workbook contract: ${name}`, () => {
    describe('reading back', () => {
      it('lists the sheets in tab order and reads values of every kind exactly', async () => {
        const wb = await reopen(await harness.create(clientsSnapshot()));
        expect(await wb.sheetNames()).toEqual(['Услуги', 'Клиенты']);
        const snapshot = await wb.read(['Клиенты', 'Нет такого']);
        expect(snapshot.sheets.map((s) => s.name)).toEqual(['Клиенты']);
        const clients = snapshot.sheets[0];
        expect(clients.header).toEqual(['ID', 'Клиент', 'Телефон', 'Дата', 'Сумма', 'Активен', 'Статус']);
        expect(normaliseValues(clients.rows)).toEqual(normaliseValues(clientsSnapshot().sheets[1].rows));
        const date = clients.rows[1][3] as Date;
        expect(date).toBeInstanceOf(Date);
        expect(date.toISOString()).toBe('2023-12-31T23:59:00.000Z');
        expect(typeof clients.rows[0][4]).toBe('number');
        expect(clients.rows[0][5]).toBe(true);
        expect(clients.rows[1][5]).toBe(false);
      });

      it('reads an empty sheet as an empty header and no rows', async () => {
        const wb = await harness.create({ sheets: [{ name: 'Пусто', header: [], rows: [] }] });
        await wb.apply([{ kind: 'ensureSheet', sheet: 'Ещё' }]);
        const snapshot = await (await reopen(wb)).read();
        expect(snapshot.sheets.map((s) => [s.name, s.header, s.rows])).toEqual([['Пусто', [], []], ['Ещё', [], []]]);
      });

      it('describes the host with the same values it reads', async () => {
        const wb = await harness.create(clientsSnapshot());
        const state = await stateOf(wb, 'Услуги');
        expect(normaliseValues(state.values)).toEqual([['Услуга', 'Цена'], ['Аудит', 15000], ['Консультация', 3000], ['Бухгалтерия', 25000.5]]);
        expect(state.formulaCells).toEqual([]);
      });
    });

    describe('user strings stay literal text', () => {
      it.each(['writeTable', 'writeColumns', 'appendRows', 'insertRows'] as const)('through %s', async (kind) => {
        const wb = await harness.create(clientsSnapshot());
        const ops: Record<typeof kind, SheetOperation> = {
          writeTable: { kind: 'writeTable', sheet: 'Текст', replace: true, header: ['Значение'], rows: FORMULA_LIKE.map((s) => [s]) },
          writeColumns: { kind: 'writeColumns', sheet: 'Клиенты', columns: [{ column: 2, values: FORMULA_LIKE }] },
          appendRows: { kind: 'appendRows', sheet: 'Клиенты', rows: FORMULA_LIKE.map((s) => ['К-1', s]) },
          insertRows: { kind: 'insertRows', sheet: 'Клиенты', at: 3, rows: FORMULA_LIKE.map((s) => ['К-1', s]) },
        };
        await wb.apply([ops[kind]]);
        const sheet = kind === 'writeTable' ? 'Текст' : 'Клиенты';
        const state = await stateOf(wb, sheet);
        expect(state.formulaCells).toEqual([]);
        const read = (await (await reopen(wb)).read([sheet])).sheets[0];
        const column = kind === 'writeTable' ? 0 : 1;
        const cells = read.rows.map((r) => r[column]);
        for (const text of FORMULA_LIKE) expect(cells).toContain(text);
        expect(cells.filter((c) => typeof c !== 'string' && c !== null)).toEqual([]);
      });
    });

    describe('writeColumns', () => {
      it('leaves cells given as undefined alone and adds a managed column at the right', async () => {
        const wb = await harness.create(clientsSnapshot());
        await wb.apply([{ kind: 'writeColumns', sheet: 'Клиенты', columns: [
          { column: 1, values: [undefined, 'К-00002', undefined, 'К-00004'] },
          { column: 8, header: 'Заказов', values: [3, null, 0, 1], numberFormat: '0' },
        ] }]);
        const state = await stateOf(wb, 'Клиенты');
        const values = normaliseValues(state.values);
        expect(values.map((r) => r[0])).toEqual(['ID', 'К-00001', 'К-00002', 'К-00003', 'К-00004']);
        expect(values.map((r) => r[7] ?? null)).toEqual(['Заказов', 3, null, 0, 1]);
        expect(values[1].slice(1, 7)).toEqual([RU_TEXT, '8 (912) 345-67-89', MIDNIGHT, 1234.56, true, 'Золотой']);
        expect(state.numberFormats.H2).toBe('0');
      });
    });

    describe('a user sheet whose header is below a title', () => {
      it('writeColumns puts the header in the header row and values[i] in the i-th row below it', async () => {
        const wb = await harness.create(titledSnapshot());
        await wb.apply([{ kind: 'writeColumns', sheet: 'Клиенты', headerRow: 3, columns: [
          { column: 1, values: [undefined, 'К-00002', undefined, 'К-00004'] },
          { column: 8, header: 'Заказов', values: [3, null, 0, 1], numberFormat: '0' },
        ] }]);
        const state = await stateOf(wb, 'Клиенты');
        const values = normaliseValues(state.values);
        expect(values[0]).toEqual([TITLE]);
        expect(values[1]).toEqual([]);
        expect(values.map((r) => r[0] ?? null)).toEqual([TITLE, null, 'ID', 'К-00001', 'К-00002', 'К-00003', 'К-00004']);
        expect(values.map((r) => r[7] ?? null)).toEqual([null, null, 'Заказов', 3, null, 0, 1]);
        expect(values[3].slice(1, 7)).toEqual([RU_TEXT, '8 (912) 345-67-89', MIDNIGHT, 1234.56, true, 'Золотой']);
        expect(state.numberFormats.H4).toBe('0');
        expect(state.numberFormats.H3).toBeUndefined();
      });

      it('formatSheet freezes the rows down to the header and filters from the header row', async () => {
        const wb = await harness.create(titledSnapshot());
        await wb.apply([{ kind: 'formatSheet', sheet: 'Клиенты', headerRow: 3, freezeHeader: true, autoFilter: true }]);
        const state = await stateOf(wb, 'Клиенты');
        expect(state.frozenRows).toBe(3);
        expect(state.autoFilter).toBe('A3:G7');
        expect(normaliseValues(state.values)[0]).toEqual([TITLE]);
      });

      it('applyFilter hides only data rows below the header', async () => {
        const wb = await harness.create(titledSnapshot());
        await wb.apply([{ kind: 'applyFilter', sheet: 'Клиенты', headerRow: 3, column: 7, values: ['Золотой', 'Серый'] }]);
        expect((await stateOf(wb, 'Клиенты')).hiddenRows).toEqual([5]);
      });
    });

    describe('appendRows', () => {
      it('lands after the last non-empty row, even after an empty row inside the data', async () => {
        const wb = await harness.create({ sheets: [{ name: 'Заказы', header: ['Дата', 'Клиент', 'Сумма'], rows: [[MIDNIGHT, 'А', 1], [], [MIDNIGHT, 'Б', 2]] }] });
        await wb.apply([{ kind: 'appendRows', sheet: 'Заказы', rows: [[MONTH_END_EVENING, 'В', 3.5], [null, 'Г', -4]], numberFormats: ['dd.mm.yyyy hh:mm', null, '#,##0.00'] }]);
        const state = await stateOf(wb, 'Заказы');
        expect(normaliseValues(state.values).slice(4)).toEqual([[MONTH_END_EVENING, 'В', 3.5], [null, 'Г', -4]]);
        expect(state.numberFormats.A5).toBe('dd.mm.yyyy hh:mm');
        expect(state.numberFormats.C6).toBe('#,##0.00');
      });

      it('starts right under the header of a sheet with no data', async () => {
        const wb = await harness.create({ sheets: [{ name: 'Заказы', header: ['Дата', 'Клиент'], rows: [] }] });
        await wb.apply([{ kind: 'appendRows', sheet: 'Заказы', rows: [[MIDNIGHT, 'А']] }]);
        expect(normaliseValues((await stateOf(wb, 'Заказы')).values)).toEqual([['Дата', 'Клиент'], [MIDNIGHT, 'А']]);
      });
    });

    describe('insertRows', () => {
      const names = (state: { values: unknown[][] }) => normaliseValues(state.values as never).map((r) => r[1]);

      it('puts rows in before a row, moves the rest down and grows the validation across them', async () => {
        const wb = await harness.create(clientsSnapshot());
        await wb.apply([
          { kind: 'setValidation', sheet: 'Клиенты', column: 7, fromRow: 2, toRow: 5, rule: { type: 'list', values: ['Белый', 'Золотой', 'Серый'] }, strict: true },
          { kind: 'insertRows', sheet: 'Клиенты', at: 3, rows: [['К-00002', 'ООО «Вставка»', '8 (912) 000-00-02', MIDNIGHT, 10.5, null, 'Белый']], numberFormats: [null, null, null, 'dd.mm.yyyy', '#,##0.00'] },
        ]);
        const state = await stateOf(wb, 'Клиенты');
        expect(names(state)).toEqual(['Клиент', RU_TEXT, 'ООО «Вставка»', 'Иванов Иван', 'ИП Петров', NBSP_AMOUNT]);
        expect(normaliseValues(state.values)[2]).toEqual(['К-00002', 'ООО «Вставка»', '8 (912) 000-00-02', MIDNIGHT, 10.5, null, 'Белый']);
        expect(state.numberFormats.E3).toBe('#,##0.00');
        expect(state.validations.map((v) => v.range)).toEqual(['G2:G6']);
      });

      it('takes two inserts in one plan, the second counting the first, and one at the row after the last', async () => {
        const wb = await harness.create(clientsSnapshot());
        await wb.apply([
          { kind: 'insertRows', sheet: 'Клиенты', at: 2, rows: [['К-1', 'Первый'], ['К-2', 'Второй']] },
          { kind: 'insertRows', sheet: 'Клиенты', at: 6, rows: [['К-3', 'Третий']] },
          { kind: 'insertRows', sheet: 'Клиенты', at: 9, rows: [['К-4', 'Последний']] },
        ]);
        const state = await stateOf(wb, 'Клиенты');
        expect(names(state)).toEqual(['Клиент', 'Первый', 'Второй', RU_TEXT, 'Иванов Иван', 'Третий', 'ИП Петров', NBSP_AMOUNT, 'Последний']);
        const read = (await (await reopen(wb)).read(['Клиенты'])).sheets[0];
        expect(read.rows.map((r) => r[0])).toEqual(['К-1', 'К-2', 'К-00001', null, 'К-3', 'К-00003', null, 'К-4']);
      });
    });

    describe('deleteRows', () => {
      it('removes the rows, moves the rest up and shrinks the validation over them', async () => {
        const wb = await harness.create(clientsSnapshot());
        await wb.apply([
          { kind: 'setValidation', sheet: 'Клиенты', column: 7, fromRow: 2, toRow: 5, rule: { type: 'list', values: ['Белый', 'Золотой'] }, strict: true },
          { kind: 'deleteRows', sheet: 'Клиенты', rows: [4, 2] },
        ]);
        const state = await stateOf(wb, 'Клиенты');
        expect(normaliseValues(state.values).map((r) => r[1])).toEqual(['Клиент', 'Иванов Иван', NBSP_AMOUNT]);
        expect(state.validations.map((v) => v.range)).toEqual(['G2:G3']);
      });
    });

    describe('setValidation', () => {
      const rules: Array<[string, ValidationRule]> = [
        ['list', { type: 'list', values: ['Белый', 'Серый', 'Зелёно-золотой', 'Красно-платиновый'] }],
        ['listRange', { type: 'listRange', source: { sheet: 'Услуги', column: 1, fromRow: 2, toRow: 4 } }],
        ['date', { type: 'date', min: '2000-01-01', max: '2099-12-31' }],
        ['number with a minimum', { type: 'number', min: 0 }],
        ['number between', { type: 'number', min: -10.5, max: 1000000 }],
        ['custom', { type: 'custom', formula: 'ISNUMBER(SEARCH("@",F2))' }],
      ];
      it.each(rules)('puts a %s rule on the right A1 range', async (_label, rule) => {
        const wb = await harness.create(clientsSnapshot());
        await wb.apply([{ kind: 'setValidation', sheet: 'Клиенты', column: 11, fromRow: 2, toRow: 5001, rule, strict: true, errorMessage: 'Неверное значение', prompt: 'Подсказка' }]);
        expect((await stateOf(wb, 'Клиенты')).validations).toEqual([{ range: 'K2:K5001', rule, strict: true, errorMessage: 'Неверное значение', prompt: 'Подсказка' }]);
      });

      it('keeps a list longer than 255 characters and values with commas and quotes', async () => {
        const values = Array.from({ length: 60 }, (_, i) => `Услуга «${i}», вариант "${i % 3}"`);
        const wb = await harness.create(clientsSnapshot());
        await wb.apply([{ kind: 'setValidation', sheet: 'Клиенты', column: 3, fromRow: 2, toRow: 100, rule: { type: 'list', values }, strict: false }]);
        const state = await harness.inspect(wb);
        expect(sheetOf(state, 'Клиенты').validations).toEqual([{ range: 'C2:C100', rule: { type: 'list', values }, strict: false }]);
        expect((await (await reopen(wb)).sheetNames())).toEqual(['Услуги', 'Клиенты']);
      });

      it.each([
        ['with a formula and a comma', ['=IMPORTXML("http://x","//a")', '+7 912 000-00-00', '-Москва', '@home', "'в кавычках", '007', 'TRUE', 'Москва']],
        ['short enough to go inline', ['+7 912 000-00-00', '-Москва', '@home', '007', '01.02.2024', 'Москва']],
        ['short but with commas: the consent answers', ['да', 'да, SMS', 'да, e-mail', 'да, мессенджер', 'нет']],
      ])('keeps the values of a list from user data as text (%s)', async (_label, values) => {
        const wb = await harness.create(clientsSnapshot());
        await wb.apply([{ kind: 'setValidation', sheet: 'Клиенты', column: 11, fromRow: 2, toRow: 100, rule: { type: 'list', values }, strict: true }]);
        const state = await harness.inspect(wb);
        expect(sheetOf(state, 'Клиенты').validations).toEqual([{ range: 'K2:K100', rule: { type: 'list', values }, strict: true }]);
        expect(state.sheets.flatMap((s) => s.formulaCells)).toEqual([]);
      });

      it('replaces the overlapped part of an earlier rule on the column and keeps the rest', async () => {
        const wb = await harness.create(clientsSnapshot());
        await wb.apply([
          { kind: 'setValidation', sheet: 'Клиенты', column: 7, fromRow: 2, toRow: 100, rule: { type: 'list', values: ['А'] }, strict: true },
          { kind: 'setValidation', sheet: 'Клиенты', column: 6, fromRow: 2, toRow: 100, rule: { type: 'list', values: ['Да', 'Нет'] }, strict: true },
          { kind: 'setValidation', sheet: 'Клиенты', column: 7, fromRow: 51, toRow: 100, rule: { type: 'list', values: ['Б'] }, strict: false },
        ]);
        const byRange = Object.fromEntries((await stateOf(wb, 'Клиенты')).validations.map((v) => [v.range, v]));
        expect(Object.keys(byRange).sort()).toEqual(['F2:F100', 'G2:G50', 'G51:G100']);
        expect(byRange['G2:G50'].rule).toEqual({ type: 'list', values: ['А'] });
        expect(byRange['G51:G100']).toEqual({ range: 'G51:G100', rule: { type: 'list', values: ['Б'] }, strict: false });
      });
    });

    describe('colours', () => {
      it('colours cells by value, by thresholds and whole rows, replacing earlier rules on the range', async () => {
        const wb = await harness.create(clientsSnapshot());
        await wb.apply([
          { kind: 'colourCells', sheet: 'Клиенты', column: 7, fromRow: 2, toRow: 500, rules: [{ when: { equals: 'Белый' }, fill: '#FFFFFF' }] },
          { kind: 'colourCells', sheet: 'Клиенты', column: 7, fromRow: 2, toRow: 500, rules: [
            { when: { equals: 'Золотой' }, fill: '#FFD966', fontColour: '#000000' },
            { when: { equals: 'Красно-"золотой"' }, fill: '#F8CBAD' },
          ] },
          { kind: 'colourCells', sheet: 'Клиенты', column: 5, fromRow: 2, toRow: 500, rules: [{ when: { atLeast: 60 }, fill: '#FF9999' }, { when: { atMost: -0.5 }, fill: '#BFBFBF' }] },
          { kind: 'colourCells', sheet: 'Клиенты', column: 6, fromRow: 2, toRow: 500, wholeRow: true, rules: [{ when: { equals: 'да' }, fill: '#C6EFCE' }] },
        ]);
        const formats = (await stateOf(wb, 'Клиенты')).conditionalFormats;
        const byRange = Object.fromEntries(formats.map((cf) => [cf.range, cf]));
        expect(formats).toHaveLength(3);
        expect(byRange['G2:G500'].rules).toEqual([
          { when: { equals: 'Золотой' }, fill: '#FFD966', fontColour: '#000000' },
          { when: { equals: 'Красно-"золотой"' }, fill: '#F8CBAD' },
        ]);
        expect(byRange['E2:E500'].rules).toEqual([{ when: { atLeast: 60 }, fill: '#FF9999' }, { when: { atMost: -0.5 }, fill: '#BFBFBF' }]);
        expect(byRange['A2:G500']).toEqual({ range: 'A2:G500', testColumn: 'F', rules: [{ when: { equals: 'да' }, fill: '#C6EFCE' }] });
      });

      it('fills whole rows of a result sheet statically', async () => {
        const wb = await harness.create(clientsSnapshot());
        await wb.apply([{ kind: 'highlightRows', sheet: 'Услуги', rows: [3], fill: '#C6EFCE' }]);
        expect((await stateOf(wb, 'Услуги')).fills).toEqual({ A3: '#C6EFCE', B3: '#C6EFCE' });
      });
    });

    describe('writeTable', () => {
      it('writes header, rows, formats, fills, a frozen header and an autofilter at an anchor', async () => {
        const wb = await harness.create(clientsSnapshot());
        await wb.apply([{ kind: 'writeTable', sheet: 'Итоги', replace: true, anchor: { row: 3, column: 2 }, header: ['Сегмент', 'Клиентов', 'Доля'], rows: [['Чемпионы', 5, 0.25], ['Спящие', 15, 0.75]], numberFormats: [null, '0', '0.0%'], freezeHeader: true, autoFilter: true, headerFill: '#D9E1F2', columnWidths: [30, null, 10] }]);
        const state = await stateOf(wb, 'Итоги');
        expect(normaliseValues(state.values)).toEqual([[], [], [null, 'Сегмент', 'Клиентов', 'Доля'], [null, 'Чемпионы', 5, 0.25], [null, 'Спящие', 15, 0.75]]);
        expect(state.numberFormats).toEqual({ C4: '0', C5: '0', D4: '0.0%', D5: '0.0%' });
        expect(state.fills).toEqual({ B3: '#D9E1F2', C3: '#D9E1F2', D3: '#D9E1F2' });
        expect(state.frozenRows).toBe(3);
        expect(state.autoFilter).toBe('B3:D5');
        expect(state.tables).toEqual([]);
      });

      it('hides the columns asked for, at the anchor, and a replacing table without them shows them again', async () => {
        const wb = await harness.create(clientsSnapshot());
        await wb.apply([{ kind: 'writeTable', sheet: 'Настройки', replace: true, anchor: { row: 1, column: 2 }, header: ['Настройка', 'Значение', 'Ключ'], rows: [['Клиент остывает через, дней', 90, 'coldDays']], hiddenColumns: [false, false, true] }]);
        const hidden = await stateOf(wb, 'Настройки');
        expect(hidden.hiddenColumns).toEqual([4]);
        expect(normaliseValues(hidden.values)[1]).toEqual([null, 'Клиент остывает через, дней', 90, 'coldDays']);
        await wb.apply([{ kind: 'writeTable', sheet: 'Настройки', replace: true, header: ['Итог'], rows: [[1]] }]);
        expect((await stateOf(wb, 'Настройки')).hiddenColumns).toEqual([]);
      });

      it('makes a table of the block (or the documented autofilter fallback)', async () => {
        const wb = await harness.create(clientsSnapshot());
        await wb.apply([{ kind: 'writeTable', sheet: 'ABC', replace: true, header: ['Клиент', 'Класс'], rows: [[RU_TEXT, 'A'], ['-5', 'B']], table: { name: 'ABC_клиенты' }, freezeHeader: true }]);
        const state = await stateOf(wb, 'ABC');
        if (harness.lacks?.tables) {
          expect(state.tables).toEqual([]);
          expect(state.autoFilter).toBe('A1:B3');
        } else {
          expect(state.tables).toEqual([{ name: 'ABC_клиенты', range: 'A1:B3' }]);
        }
        expect(state.frozenRows).toBe(1);
      });

      it('with replace clears everything that was on the sheet', async () => {
        const wb = await harness.create(clientsSnapshot());
        await wb.apply([
          { kind: 'setValidation', sheet: 'Клиенты', column: 7, fromRow: 2, toRow: 50, rule: { type: 'list', values: ['А'] }, strict: true },
          { kind: 'colourCells', sheet: 'Клиенты', column: 7, fromRow: 2, toRow: 50, rules: [{ when: { equals: 'А' }, fill: '#FFD966' }] },
          { kind: 'highlightRows', sheet: 'Клиенты', rows: [5], fill: '#C6EFCE' },
          { kind: 'formatSheet', sheet: 'Клиенты', freezeHeader: true, autoFilter: true },
          { kind: 'applyFilter', sheet: 'Клиенты', column: 7, values: ['Золотой'] },
          { kind: 'writeTable', sheet: 'Клиенты', replace: true, header: ['Итог'], rows: [[1]] },
        ]);
        const state = await stateOf(wb, 'Клиенты');
        expect(normaliseValues(state.values)).toEqual([['Итог'], [1]]);
        expect(state).toMatchObject({ validations: [], conditionalFormats: [], fills: {}, frozenRows: 0, autoFilter: null, hiddenRows: [], tables: [], charts: [] });
        expect(await wb.sheetNames()).toEqual(['Услуги', 'Клиенты']);
      });

      it('without replace overwrites only its block', async () => {
        const wb = await harness.create(clientsSnapshot());
        await wb.apply([{ kind: 'writeTable', sheet: 'Услуги', replace: false, header: ['Услуга'], rows: [['Новая'], ['=ВПР()']] }]);
        const state = await stateOf(wb, 'Услуги');
        expect(normaliseValues(state.values)).toEqual([['Услуга', 'Цена'], ['Новая', 15000], ['=ВПР()', 3000], ['Бухгалтерия', 25000.5]]);
        expect(state.formulaCells).toEqual([]);
      });
    });

    describe('sheet formats', () => {
      it('freezes the header and puts an autofilter over the used range of a user sheet', async () => {
        const wb = await harness.create(clientsSnapshot());
        await wb.apply([{ kind: 'formatSheet', sheet: 'Клиенты', freezeHeader: true, autoFilter: true, columnFormats: [{ column: 4, format: 'dd.mm.yyyy', fromRow: 2, toRow: 3 }] }]);
        const state = await stateOf(wb, 'Клиенты');
        expect(state.frozenRows).toBe(1);
        expect(state.autoFilter).toBe('A1:G5');
        expect(state.numberFormats).toMatchObject({ D2: 'dd.mm.yyyy', D3: 'dd.mm.yyyy' });
        expect(normaliseValues(state.values)[1][3]).toEqual(MIDNIGHT);
      });
    });

    describe('filters', () => {
      it('hides the data rows that do not match and clearFilter shows them again', async () => {
        const wb = await harness.create(clientsSnapshot());
        await wb.apply([{ kind: 'applyFilter', sheet: 'Клиенты', column: 7, values: ['Золотой', 'Серый'] }]);
        expect((await stateOf(wb, 'Клиенты')).hiddenRows).toEqual([3]);
        expect((await (await reopen(wb)).read(['Клиенты'])).sheets[0].hiddenRows).toEqual([3]);
        await wb.apply([{ kind: 'applyFilter', sheet: 'Клиенты', column: 3, values: [''] }]);
        expect((await stateOf(wb, 'Клиенты')).hiddenRows).toEqual([2, 4]);
        await wb.apply([{ kind: 'clearFilter', sheet: 'Клиенты' }]);
        expect((await stateOf(wb, 'Клиенты')).hiddenRows).toEqual([]);
        expect(normaliseValues((await stateOf(wb, 'Клиенты')).values)).toHaveLength(5);
      });
    });

    describe('ensureSheet', () => {
      it('creates a missing sheet with its header once and never touches an existing one', async () => {
        const wb = await harness.create(clientsSnapshot());
        const ops: SheetOperation[] = [
          { kind: 'ensureSheet', sheet: 'Заказы', header: ['Дата', 'ID клиента'], tabColour: '#FFD966' },
          { kind: 'ensureSheet', sheet: 'Клиенты', header: ['Другой'] },
        ];
        await wb.apply(ops);
        await wb.apply(ops);
        expect(await wb.sheetNames()).toEqual(['Услуги', 'Клиенты', 'Заказы']);
        const state = await harness.inspect(wb);
        expect(normaliseValues(sheetOf(state, 'Заказы').values)).toEqual([['Дата', 'ID клиента']]);
        expect(normaliseValues(sheetOf(state, 'Клиенты').values)[0][0]).toBe('ID');
      });

      it('takes the name of every sheet the product writes, in Russian and in English', async () => {
        const wb = await harness.create(clientsSnapshot());
        const names = (['ru', 'en'] as const).flatMap((language) => SHEET_KINDS.map((kind) => sheetName(kind, language)));
        const added = [...new Set(names)].filter((name) => !['Услуги', 'Клиенты'].includes(name));
        await wb.apply(added.map((name): SheetOperation => ({ kind: 'ensureSheet', sheet: name, header: ['A'] })));
        expect(await (await reopen(wb)).sheetNames()).toEqual(['Услуги', 'Клиенты', ...added]);
      });
    });

    describe('the contact history', () => {
      it('is created when first needed and appended to: earlier rows kept, user text literal, the next contact set', async () => {
        const wb = await harness.create(clientsSnapshot());
        const log = async (client: number, input: ContactInput, at: Date) => {
          const snapshot = await wb.read();
          const base = readBase(snapshot);
          await wb.apply(planLogContact(base, snapshot, base.clients[client], input, at).operations);
        };
        await log(0, { kind: 'call', result: FORMULA_LIKE[0], nextStep: FORMULA_LIKE[1], nextContact: '2024-03-01' }, MONTH_END_EVENING);
        await log(2, { kind: 'письмо', result: '=1+1' }, MIDNIGHT);
        const state = await harness.inspect(await reopen(wb));
        const history = sheetOf(state, 'История');
        expect(normaliseValues(history.values)).toEqual([
          ['Дата и время', 'ID клиента', 'Клиент', 'Менеджер', 'Вид', 'Результат', 'Следующий шаг', 'Следующий контакт'],
          [MONTH_END_EVENING, 'К-00001', RU_TEXT, null, 'звонок', FORMULA_LIKE[0], FORMULA_LIKE[1], new Date(Date.UTC(2024, 2, 1))],
          [MIDNIGHT, 'К-00003', 'ИП Петров', null, 'письмо', '=1+1'],
        ]);
        expect(history.formulaCells).toEqual([]);
        expect(history.numberFormats).toMatchObject({ A2: 'dd.mm.yyyy hh:mm', A3: 'dd.mm.yyyy hh:mm', H2: 'dd.mm.yyyy' });
        const clients = normaliseValues(sheetOf(state, 'Клиенты').values);
        expect(clients[0][7]).toBe('Следующий контакт');
        expect(clients.map((row) => row[7] ?? null).slice(1)).toEqual([new Date(Date.UTC(2024, 2, 1)), null, null, null]);
      });
    });

    describe('charts', () => {
      it('records the chart asked for', async () => {
        const wb = await harness.create(clientsSnapshot());
        await wb.apply(representativePlan());
        expect((await stateOf(wb, 'ABC')).charts).toEqual([CHART]);
      });
    });

    describe('idempotence', () => {
      it('gives the same state when a plan is applied twice', async () => {
        const wb = await harness.create(clientsSnapshot());
        await wb.apply(representativePlan());
        const once = await harness.inspect(wb);
        await wb.apply(representativePlan());
        expect(await harness.inspect(wb)).toEqual(once);
        const abc = sheetOf(once, 'ABC');
        expect(abc.numberFormats).toEqual({ B2: '#,##0.00', B3: '#,##0.00', B4: '#,##0.00', C2: '0.0%', C3: '0.0%', C4: '0.0%' });
        expect(abc.fills).toMatchObject({ A1: '#D9E1F2', A2: '#C6EFCE', C2: '#C6EFCE' });
        expect(sheetOf(once, 'Клиенты').validations.map((v) => v.range).sort()).toEqual(['B2:B1000', 'G2:G1000']);
      });
    });
  });
}
