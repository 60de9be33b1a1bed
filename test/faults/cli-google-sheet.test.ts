/**
 * `crm-base analyze --google-sheet ID --credentials KEY.json` when Google Sheets fails: the command runs
 * for real over the REST gateway and a loopback emulator of the Sheets API (only the service-account
 * login, which needs Google's servers, is replaced by that gateway). A refusal the user can settle exits
 * 2 with what to do, a plan stopped part way exits 1 naming what was written; neither prints a stack
 * trace. An import interrupted at any batch, run again, ends exactly as one uninterrupted run.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { batchUpdates, gatewayOver, stopEmulators, type Harness } from '../sheets-api/harness';

let mockHarness: Harness | null = null;
jest.mock('../../src/sheets-api/node', () => ({
  sheetsApiWorkbookFromKeyFile: async () => {
    if (!mockHarness) throw new Error('no emulator started');
    return mockHarness.wb;
  },
}));

const dir = mkdtempSync(join(tmpdir(), 'crm-gsheet-'));
const key = join(dir, 'key.json');
writeFileSync(key, '{}');
const csv = join(dir, 'march.csv');
writeFileSync(csv, ['Дата;Клиент ID;Услуга;Сумма;Номер заказа', '01.03.2025;К-00001;Уборка;1 000;A-1', '02.03.2025;К-00002;Мойка;300;', '02.03.2025;К-00002;Мойка;300;'].join('\r\n') + '\r\n');

const BOOK: WorkbookSnapshot = {
  sheets: [
    { name: 'Клиенты', header: ['ID', 'Клиент', 'Телефон'], rows: [['К-00001', 'ООО «Ромашка»', '8 (912) 345-67-89'], ['К-00002', 'Иванов Иван', '']] },
    { name: 'Заказы', header: ['Дата', 'ID клиента', 'Клиент', 'Услуга', 'Сумма', 'Номер заказа'], rows: [] },
  ],
};

afterEach(async () => {
  mockHarness = null;
  await stopEmulators();
  jest.restoreAllMocks();
});

/** Runs the command in-process, with what it prints on stderr. */
async function run(...args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  });
  try {
    const code = await main(args);
    return { code, stderr };
  } finally {
    jest.restoreAllMocks();
  }
}

const analyze = (...more: string[]) => run('analyze', '--google-sheet', 'test-spreadsheet', '--credentials', key, '--as-of', '2025-06-01', ...more);

/** The orders sheet's rows below its header, as the emulator holds them. */
function orderRows(harness: Harness): unknown[][] {
  return harness.emulator.state().sheets.find((s) => s.name === 'Заказы')!.values.slice(1).filter((row) => row.some((v) => v !== null && v !== ''));
}

const STACK_LINE = /^\s+at /m;

describe('Google Sheets refuses or fails', () => {
  it('no access (HTTP 403): exit 2, the cause and what to do, no stack trace', async () => {
    mockHarness = await gatewayOver(BOOK, { retries: 1 });
    mockHarness.emulator.failNext(403, 10);
    const { code, stderr } = await analyze();
    expect(code).toBe(2);
    expect(stderr).toMatch(/HTTP 403/);
    expect(stderr).toMatch(/share the spreadsheet with the service account e-mail/);
    expect(stderr).not.toMatch(STACK_LINE);
  });

  it('a server fault that outlasts the retries part way through: exit 1, what was written and what was not, no stack trace', async () => {
    mockHarness = await gatewayOver(BOOK, { retries: 1 }, { requestsPerBatch: 10 });
    mockHarness.emulator.failNext(503, 100, { onlyBatchUpdate: true, skip: 1 });
    const { code, stderr } = await analyze('--orders', csv);
    expect(code).toBe(1);
    expect(stderr).toMatch(/part 2 of \d+ was not written/);
    expect(stderr).toMatch(/Written: /);
    expect(stderr).toMatch(/Run the action again/);
    expect(stderr).not.toMatch(STACK_LINE);
    // every line the command printed carries its name, so a log shows where it came from
    for (const line of stderr.trim().split('\n').filter((l) => /part \d+ of|Written:|Run the action/.test(l))) expect(line).toMatch(/^crm-base analyze: /);
  });
});

/** Small batches so the plan's writes cross many batch boundaries; 40 requests keep the command run twice per
 * boundary within a slow machine's minute or two. */
const REQUESTS_PER_BATCH = 40;

describe('an import interrupted at any batch, run again', () => {
  it('ends with each line of the export once, as one uninterrupted run', async () => {
    mockHarness = await gatewayOver(BOOK, {}, { requestsPerBatch: REQUESTS_PER_BATCH });
    const whole = await analyze('--orders', csv, '--json', join(dir, 'whole.json'));
    expect(whole.code).toBe(0);
    const batches = batchUpdates(mockHarness.emulator).length;
    const expected = orderRows(mockHarness);
    expect(expected).toHaveLength(3);
    const revenue = readFileSync(join(dir, 'whole.json'), 'utf8').match(/"revenue":\s*[\d.]+/g);
    expect(batches).toBeGreaterThanOrEqual(3);
    await stopEmulators();

    const linesBeforeTheRerun = new Set<number>();
    for (let stop = 0; stop < batches; stop++) {
      mockHarness = await gatewayOver(BOOK, { retries: 0 }, { requestsPerBatch: REQUESTS_PER_BATCH });
      mockHarness.emulator.failNext(503, 1, { onlyBatchUpdate: true, skip: stop });
      const interrupted = await analyze('--orders', csv);
      expect(interrupted.code).toBe(1);
      linesBeforeTheRerun.add(orderRows(mockHarness).length);
      const again = await analyze('--orders', csv, '--json', join(dir, `again-${stop}.json`));
      expect(again.code).toBe(0);
      expect(orderRows(mockHarness)).toEqual(expected);
      expect(readFileSync(join(dir, `again-${stop}.json`), 'utf8').match(/"revenue":\s*[\d.]+/g)).toEqual(revenue);
      await stopEmulators();
    }
    // interrupted before the orders were written and after: both were run again
    expect([...linesBeforeTheRerun].sort()).toEqual([0, 3]);
  }, 180_000);
});
