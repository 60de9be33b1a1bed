/** The REST gateway under faults: bounded retries, batches not written twice, plans stopped part way. */
import { INCOMPLETE_NOTE, PartialWriteError } from '../../src/sheets-api/batches';
import { SheetsCallError, transientFault } from '../../src/sheets-api/retry';
import { BATCH_MARKER_KEY } from '../../src/sheets-api/workbook';
import type { SheetOperation } from '../../src/workbook/operations';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { batchUpdates, gatewayOver, stopEmulators } from './harness';

const BOOK: WorkbookSnapshot = {
  sheets: [
    { name: 'Клиенты', header: ['ID', 'Клиент'], rows: [['К-1', 'ООО «Ромашка»'], ['К-2', 'ИП Иванов'], ['К-3', 'Петров Пётр']] },
    { name: 'ABC', header: ['Клиент'], rows: [['старый итог']] },
  ],
};

afterEach(stopEmulators);

const values = (emulator: Awaited<ReturnType<typeof gatewayOver>>['emulator'], sheet: string) => emulator.state().sheets.find((s) => s.name === sheet)!.values;

describe('what counts as a passing fault', () => {
  it.each([
    [{ response: { status: 429 } }, 'throttled'],
    [{ response: { status: 500 } }, 'server'],
    [{ response: { status: 502 } }, 'server'],
    [{ status: 503 }, 'server'],
    [{ code: '504' }, 'server'],
    [Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }), 'network'],
    [Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT' }), 'network'],
    // gaxios wraps fetch's TypeError, which wraps the socket's error
    [Object.assign(new Error('fetch failed'), { cause: Object.assign(new TypeError('fetch failed'), { cause: { code: 'UND_ERR_SOCKET' } }) }), 'network'],
    [new TypeError('fetch failed'), 'network'],
    [{ response: { status: 400 } }, null],
    [{ response: { status: 403 } }, null],
    [new Error('no sheet named «X»'), null],
  ])('%p is %p', (error, fault) => {
    expect(transientFault(error)).toBe(fault);
  });
});

describe('bounded retries', () => {
  it.each([500, 502, 503, 504])('retries a read after HTTP %d', async (status) => {
    const { emulator, wb, sleeps } = await gatewayOver(BOOK);
    emulator.failNext(status, 2);
    expect(await wb.sheetNames()).toEqual(['Клиенты', 'ABC']);
    expect(emulator.log).toHaveLength(3);
    expect(sleeps).toEqual([50, 100]);
  });

  it('retries after a connection reset', async () => {
    const { emulator, wb, sleeps } = await gatewayOver(BOOK);
    emulator.failNext('reset', 2);
    expect((await wb.read(['Клиенты'])).sheets[0].rows).toHaveLength(3);
    expect(sleeps).toHaveLength(2);
  });

  it('stops after the last retry, saying what failed and how often it was tried', async () => {
    const { emulator, wb, sleeps } = await gatewayOver(BOOK, { retries: 3 });
    emulator.failNext(503, 100);
    const error = await wb.sheetNames().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SheetsCallError);
    expect((error as SheetsCallError).attempts).toBe(4);
    expect((error as Error).message).toMatch(/reading the list of sheets/);
    expect((error as Error).message).toMatch(/after 4 attempts: HTTP 503/);
    expect(emulator.log).toHaveLength(4);
    expect(sleeps).toEqual([50, 100, 200]);
  });

  it('stops when the next wait would take the total past its bound', async () => {
    const { emulator, wb, sleeps } = await gatewayOver(BOOK, { retries: 20, maxTotalMs: 300 });
    emulator.failNext('reset', 100);
    await expect(wb.sheetNames()).rejects.toThrow(/after 3 attempts/);
    expect(sleeps).toEqual([50, 100]);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(300);
  });

  it('does not repeat a request the API refused', async () => {
    const { emulator, wb, sleeps } = await gatewayOver(BOOK);
    emulator.failNext(403);
    await expect(wb.sheetNames()).rejects.toThrow(/at the first attempt: HTTP 403/);
    expect(emulator.log).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });
});

describe('a batch is written once', () => {
  const deleteSecond: SheetOperation[] = [{ kind: 'deleteRows', sheet: 'Клиенты', rows: [2] }];

  it('does not repeat a batch carried out whose answer was lost (the rows are deleted once)', async () => {
    const { emulator, wb } = await gatewayOver(BOOK);
    emulator.failNext('reset', 1, { onlyBatchUpdate: true, afterApplying: true });
    await wb.apply(deleteSecond);
    expect(values(emulator, 'Клиенты').map((r) => r[0])).toEqual(['ID', 'К-2', 'К-3']);
    expect(batchUpdates(emulator)).toHaveLength(1);
  });

  it.each([503, 500])('checks, then repeats a batch HTTP %d left undone', async (status) => {
    const { emulator, wb } = await gatewayOver(BOOK);
    emulator.failNext(status, 2, { onlyBatchUpdate: true });
    await wb.apply(deleteSecond);
    expect(values(emulator, 'Клиенты').map((r) => r[0])).toEqual(['ID', 'К-2', 'К-3']);
    expect(batchUpdates(emulator)).toHaveLength(3);
  });

  it('leaves one marker behind at most, whatever the number of runs and batches', async () => {
    const { emulator, wb } = await gatewayOver(BOOK, {}, { requestsPerBatch: 1 });
    const op = (text: string): SheetOperation => ({ kind: 'writeColumns', sheet: 'Клиенты', columns: [{ column: 3, values: [text] }] });
    await wb.apply([op('a'), op('b'), op('c')]);
    await wb.apply([op('d'), op('e')]);
    expect(batchUpdates(emulator)).toHaveLength(5);
    expect(emulator.developerMetadata.filter((m) => m.metadataKey === BATCH_MARKER_KEY)).toHaveLength(1);
    expect(values(emulator, 'Клиенты')[1][2]).toBe('e');
  });
});

describe('a plan that stops part way', () => {
  // two requests each, so that two batches of two requests cut them between «Клиенты» and «ABC»
  const plan: SheetOperation[] = [
    { kind: 'writeColumns', sheet: 'Клиенты', columns: [{ column: 3, header: 'Город', values: ['Москва', 'Казань', '-Пермь'] }] },
    { kind: 'setValidation', sheet: 'Клиенты', column: 3, fromRow: 2, toRow: 100, rule: { type: 'list', values: ['Москва', 'Казань'] }, strict: false },
    { kind: 'writeColumns', sheet: 'ABC', columns: [{ column: 2, header: 'Класс', values: ['A'] }] },
    { kind: 'setValidation', sheet: 'ABC', column: 2, fromRow: 2, toRow: 100, rule: { type: 'list', values: ['A', 'B', 'C'] }, strict: true },
  ];

  async function stoppedAtTheSecondBatch() {
    const harness = await gatewayOver(BOOK, { retries: 2 }, { requestsPerBatch: 2 });
    const abc = harness.emulator.sheets.find((s) => s.title === 'ABC')!;
    abc.cells[0][0].note = 'Заметка пользователя';
    harness.emulator.failNext(503, 3, { onlyBatchUpdate: true, skip: 1 });
    const error = await harness.wb.apply(plan).catch((e: unknown) => e);
    return { ...harness, error: error as PartialWriteError };
  }

  it('names the operations written and those not written, by step and sheet', async () => {
    const { emulator, error } = await stoppedAtTheSecondBatch();
    expect(error).toBeInstanceOf(PartialWriteError);
    expect(error.operations).toEqual([
      { step: 'Запись столбцов: «Клиенты»', sheet: 'Клиенты', status: 'written' },
      { step: 'Выпадающие списки и проверки: «Клиенты»', sheet: 'Клиенты', status: 'written' },
      { step: 'Запись столбцов: «ABC»', sheet: 'ABC', status: 'not written' },
      { step: 'Выпадающие списки и проверки: «ABC»', sheet: 'ABC', status: 'not written' },
    ]);
    expect(error.message).toMatch(/part 2 of 2 was not written \(3 попыток \/ attempts: HTTP 503/);
    expect(error.message).toMatch(/Written: Запись столбцов: «Клиенты»; Выпадающие списки и проверки: «Клиенты»\./);
    expect(error.message).toMatch(/Not written: Запись столбцов: «ABC»; Выпадающие списки и проверки: «ABC»\./);
    // what the error says is what the spreadsheet holds
    expect(values(emulator, 'Клиенты').map((r) => r[2])).toEqual(['Город', 'Москва', 'Казань', '-Пермь']);
    expect(values(emulator, 'ABC')).toEqual([['Клиент'], ['старый итог']]);
  });

  it('leaves a note on A1 of the sheet it did not finish, after the user\'s own note', async () => {
    const { emulator, error } = await stoppedAtTheSecondBatch();
    expect(error.noted).toEqual(['ABC']);
    expect(emulator.note('ABC')).toBe(`Заметка пользователя\n\n${INCOMPLETE_NOTE}`);
    expect(emulator.note('Клиенты')).toBeUndefined();
    expect(error.message).toMatch(/A note on A1 of «ABC» says the sheet is incomplete/);
  });

  it('takes its note off when the action is run again to the end, keeping the user\'s', async () => {
    const { emulator, wb } = await stoppedAtTheSecondBatch();
    await wb.apply(plan);
    expect(emulator.note('ABC')).toBe('Заметка пользователя');
    expect(values(emulator, 'ABC')).toEqual([['Клиент', 'Класс'], ['старый итог', 'A']]);
  });

  it('says the spreadsheet is unchanged when the first batch fails, and notes nothing', async () => {
    const { emulator, wb } = await gatewayOver(BOOK, { retries: 1 }, { requestsPerBatch: 2 });
    emulator.failNext(503, 2, { onlyBatchUpdate: true });
    const error = (await wb.apply(plan).catch((e: unknown) => e)) as PartialWriteError;
    expect(error.operations.map((o) => o.status)).toEqual(['not written', 'not written', 'not written', 'not written']);
    expect(error.message).toMatch(/The spreadsheet is unchanged/);
    expect(error.noted).toEqual([]);
    expect(emulator.note('ABC')).toBeUndefined();
    expect(batchUpdates(emulator)).toHaveLength(2);
  });

  it('says a batch may be written when its answer was lost and the check failed too', async () => {
    const { emulator, wb } = await gatewayOver(BOOK, { retries: 1 }, { requestsPerBatch: 2 });
    emulator.failNext('reset', 100, { skip: 4 }); // the metadata, two reads and the first batch pass
    const error = (await wb.apply(plan).catch((e: unknown) => e)) as PartialWriteError;
    expect(error.operations.map((o) => o.status)).toEqual(['written', 'written', 'perhaps written', 'perhaps written']);
    expect(error.message).toMatch(/Unknown whether written \(the answer was lost\): Запись столбцов: «ABC»/);
    expect(error.notNoted).toEqual(['ABC']);
    expect(error.message).toMatch(/The note on A1 could not be written: «ABC»/);
  });
});

describe('an operation cut between its requests', () => {
  // Orders with dates and amounts: number formats, the dates' own format, then the values.
  const append: SheetOperation = {
    kind: 'appendRows',
    sheet: 'Клиенты',
    rows: [[new Date(Date.UTC(2025, 2, 1)), 'К-1', 1000.5], [new Date(Date.UTC(2025, 2, 2)), 'К-2', 300]],
    numberFormats: ['dd.mm.yyyy', null, '#,##0.00'],
  };

  it('never leaves a date in the sheet as a bare serial number, wherever it is cut', async () => {
    const { emulator: probe, wb } = await gatewayOver(BOOK, {}, { requestsPerBatch: 1 });
    await wb.apply([append]);
    const batches = batchUpdates(probe).length;
    expect(batches).toBeGreaterThanOrEqual(3);
    await stopEmulators();
    for (let stop = 0; stop < batches; stop++) {
      const { emulator, wb: cut } = await gatewayOver(BOOK, { retries: 0 }, { requestsPerBatch: 1 });
      emulator.failNext(503, 1, { onlyBatchUpdate: true, skip: stop });
      await expect(cut.apply([append])).rejects.toBeInstanceOf(PartialWriteError);
      const dates = values(emulator, 'Клиенты').slice(4).map((row) => row[0]);
      // either not written yet, or written as a date: a number there would be read back as one
      for (const value of dates) expect(value === null || value === undefined || value instanceof Date).toBe(true);
      await stopEmulators();
    }
  });
});

