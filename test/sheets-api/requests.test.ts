/** What the REST gateway sends: the requests themselves, against the loopback emulator. */
import type { sheets_v4 } from 'googleapis';
import { withBackoff, type BackoffOptions } from '../../src/sheets-api/retry';
import type { SheetsApiWorkbook } from '../../src/sheets-api/workbook';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import type { SheetsEmulator } from './emulator';
import { batchUpdates as batchUpdatesOf, gatewayOver, stopEmulators } from './harness';

const BASE: WorkbookSnapshot = {
  sheets: [
    { name: 'Услуги', header: ['Услуга'], rows: [['Аудит'], ['Консультация']] },
    { name: 'Клиенты', header: ['ID', 'Клиент', 'Дата'], rows: [['К-1', 'ООО «Ромашка»', new Date(Date.UTC(2024, 1, 29))]] },
  ],
};

let emulator: SheetsEmulator;
let sleeps: number[];

async function gateway(backoff: Partial<BackoffOptions> = {}): Promise<SheetsApiWorkbook> {
  const harness = await gatewayOver(BASE, backoff);
  ({ emulator, sleeps } = harness);
  return harness.wb;
}

afterEach(stopEmulators);

const batchUpdates = () => batchUpdatesOf(emulator);

describe('SheetsApiWorkbook requests', () => {
  it('reads values unformatted with dates as serial numbers, in one batchGet', async () => {
    const wb = await gateway();
    const snapshot = await wb.read();
    const gets = emulator.log.filter((r) => r.path.endsWith('values:batchGet'));
    expect(gets).toHaveLength(1);
    expect(gets[0].query.get('valueRenderOption')).toBe('UNFORMATTED_VALUE');
    expect(gets[0].query.get('dateTimeRenderOption')).toBe('SERIAL_NUMBER');
    expect(gets[0].query.getAll('ranges')).toEqual(["'Услуги'", "'Клиенты'"]);
    expect(snapshot.sheets[1].rows[0][2]).toEqual(new Date(Date.UTC(2024, 1, 29)));
  });

  it('sends a whole plan as one batchUpdate, every user string as a literal stringValue', async () => {
    const wb = await gateway();
    await wb.apply([
      { kind: 'writeColumns', sheet: 'Клиенты', columns: [{ column: 2, values: ['=HYPERLINK("x")'] }, { column: 4, header: 'Телефон', values: ['+7 912 345-67-89'] }] },
      { kind: 'appendRows', sheet: 'Клиенты', rows: [['К-2', '-5', new Date(Date.UTC(2024, 0, 1, 9, 30))]] },
      { kind: 'setValidation', sheet: 'Клиенты', column: 2, fromRow: 2, toRow: 5000, rule: { type: 'listRange', source: { sheet: 'Услуги', column: 1, fromRow: 2, toRow: 3 } }, strict: false },
      { kind: 'colourCells', sheet: 'Клиенты', column: 2, fromRow: 2, toRow: 5000, rules: [{ when: { equals: 'Аудит' }, fill: '#FFD966' }] },
      { kind: 'formatSheet', sheet: 'Клиенты', freezeHeader: true, autoFilter: true },
    ]);
    expect(batchUpdates()).toHaveLength(1);
    const requests = (batchUpdates()[0].body as sheets_v4.Schema$BatchUpdateSpreadsheetRequest).requests!;
    const written = requests.flatMap((q) => q.updateCells?.rows?.flatMap((r) => r.values ?? []) ?? []);
    expect(written.map((c) => c.userEnteredValue)).toEqual(
      expect.arrayContaining([{ stringValue: '=HYPERLINK("x")' }, { stringValue: '+7 912 345-67-89' }, { stringValue: '-5' }]),
    );
    expect(written.some((c) => c.userEnteredValue?.formulaValue !== undefined)).toBe(false);
    // the validation over 5000 rows needs the grid grown first, in the same batch
    expect(requests.findIndex((q) => q.appendDimension)).toBeLessThan(requests.findIndex((q) => q.setDataValidation));
    expect(requests.map((q) => Object.keys(q)[0])).toEqual(expect.arrayContaining(['setDataValidation', 'addConditionalFormatRule', 'setBasicFilter', 'updateSheetProperties']));
    const state = emulator.state().sheets[1];
    expect(state.values[2]).toEqual(['К-2', '-5', new Date(Date.UTC(2024, 0, 1, 9, 30))]);
    expect(state.formulaCells).toEqual([]);
  });

  it('sends list items and coloured values from user data as typed text, behind an apostrophe when they need one', async () => {
    const wb = await gateway();
    const managers = ['=IMPORTXML("http://x","//a")', '+7 912 000-00-00', '-Москва', '@home', 'Иванов Иван'];
    await wb.apply([
      { kind: 'setValidation', sheet: 'Клиенты', column: 4, fromRow: 2, toRow: 100, rule: { type: 'list', values: managers }, strict: true },
      { kind: 'setValidation', sheet: 'Клиенты', column: 2, fromRow: 2, toRow: 100, rule: { type: 'listRange', source: { sheet: 'Услуги', column: 1, fromRow: 2, toRow: 3 } }, strict: false },
      { kind: 'colourCells', sheet: 'Клиенты', column: 4, fromRow: 2, toRow: 100, rules: [{ when: { equals: '-Москва' }, fill: '#FFD966' }] },
    ]);
    const requests = (batchUpdates()[0].body as sheets_v4.Schema$BatchUpdateSpreadsheetRequest).requests!;
    const [list, range] = requests.flatMap((q) => (q.setDataValidation ? [q.setDataValidation.rule!.condition!] : []));
    expect(list.values!.map((v) => v.userEnteredValue)).toEqual(["'=IMPORTXML(\"http://x\",\"//a\")", "'+7 912 000-00-00", "'-Москва", "'@home", 'Иванов Иван']);
    // the product's own range reference stays a formula
    expect(range.values![0].userEnteredValue).toBe("='Услуги'!$A$2:$A$3");
    const colour = requests.find((q) => q.addConditionalFormatRule)!.addConditionalFormatRule!.rule!.booleanRule!.condition!;
    expect(colour).toEqual({ type: 'TEXT_EQ', values: [{ userEnteredValue: "'-Москва" }] });
    const state = emulator.state().sheets[1];
    expect(state.validations.map((v) => v.rule)).toEqual([
      { type: 'list', values: managers },
      { type: 'listRange', source: { sheet: 'Услуги', column: 1, fromRow: 2, toRow: 3 } },
    ]);
    expect(state.conditionalFormats[0].rules[0].when).toEqual({ equals: '-Москва' });
  });

  it('retries after HTTP 429 and 503 with growing, jittered, bounded waits', async () => {
    const wb = await gateway();
    emulator.failNext(429, 2);
    emulator.failNext(503);
    expect(await wb.sheetNames()).toEqual(['Услуги', 'Клиенты']);
    expect(emulator.log).toHaveLength(4);
    expect(sleeps).toEqual([50, 100, 200]);
  });

  it('gives up after the last retry and does not retry other errors', async () => {
    const wb = await gateway({ retries: 2 });
    emulator.failNext(429, 5);
    await expect(wb.sheetNames()).rejects.toThrow();
    expect(emulator.log).toHaveLength(3);
    emulator.log.length = 0;
    await expect(wb.apply([{ kind: 'writeColumns', sheet: 'Нет такого', columns: [] }])).rejects.toThrow(/Нет такого/);
    expect(batchUpdates()).toHaveLength(0);
  });

  it('caps each wait at maxMs', async () => {
    const waits: number[] = [];
    let calls = 0;
    const failing = async () => {
      calls++;
      if (calls < 6) throw Object.assign(new Error('busy'), { status: 503 });
      return 'ok';
    };
    const result = await withBackoff(failing, { retries: 8, baseMs: 1000, maxMs: 4000, maxTotalMs: 60_000, sleep: async (ms) => void waits.push(ms), random: () => 0.999 }, { call: 'test' });
    expect(result).toBe('ok');
    expect(waits).toEqual([999, 1998, 3996, 3996, 3996]);
  });
});
