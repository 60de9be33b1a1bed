/**
 * `crm-base analyze book.xlsx -o book.xlsx` on a disk that fills up half-way through the write: the
 * command runs in this process, with `fs/promises` whose file writes fail after a byte budget, as
 * ENOSPC does. The input must come out byte for byte as it went in, with no temporary file beside it.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { generateSampleWorkbook } from '../../src/sample';
import { xlsxToFile } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';

/** Bytes that file writes through `fs/promises` may still take; Infinity while the disk has room. */
let mockDiskRoom = Infinity;

jest.mock('fs/promises', () => {
  const actual = jest.requireActual<typeof import('fs/promises')>('fs/promises');
  return {
    ...actual,
    open: async (...args: Parameters<typeof actual.open>) => {
      const handle = await actual.open(...args);
      const write = handle.write.bind(handle) as (buffer: Uint8Array, offset: number, length: number) => Promise<{ bytesWritten: number }>;
      return Object.assign(handle, {
        write: async (buffer: Uint8Array, offset: number, length: number) => {
          const room = Math.min(length, mockDiskRoom);
          if (room <= 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          const result = await write(buffer, offset, room);
          mockDiskRoom -= result.bytesWritten;
          return result;
        },
      });
    },
  };
});

const dir = mkdtempSync(join(tmpdir(), 'crm-faults-cli-'));
const book = join(dir, 'book.xlsx');

async function run(argv: string[]): Promise<{ code: number; stderr: string }> {
  const lines: string[] = [];
  const spy = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    return { code: await main(argv), stderr: lines.join('') };
  } finally {
    spy.mockRestore();
  }
}

beforeAll(async () => {
  await xlsxToFile(XlsxWorkbook.fromSnapshot(generateSampleWorkbook({ clients: 300, orders: 1500 })), book);
});

afterEach(() => {
  mockDiskRoom = Infinity;
});

it('leaves the input intact and no temporary file when the disk fills half-way through -o over the input', async () => {
  const before = readFileSync(book);
  mockDiskRoom = Math.floor(before.length / 2);
  const { code, stderr } = await run(['analyze', book, '-o', book]);
  expect(code).toBe(1);
  expect(stderr).toMatch(/ENOSPC/);
  expect(stderr).toContain(book);
  expect(mockDiskRoom).toBe(0);
  expect(readFileSync(book)).toEqual(before);
  expect(readdirSync(dir)).toEqual(['book.xlsx']);
});

it('leaves the old report and no temporary file when the --json write fails', async () => {
  const report = join(dir, 'report.json');
  expect((await run(['check', book, '--json', report])).code).toBe(0);
  const before = readFileSync(report);
  mockDiskRoom = 100;
  const { code } = await run(['check', book, '--json', report]);
  expect(code).toBe(1);
  expect(readFileSync(report)).toEqual(before);
  expect(readdirSync(dir).sort()).toEqual(['book.xlsx', 'report.json']);
});
