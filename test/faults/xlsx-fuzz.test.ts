/**
 * The .xlsx reader under damaged files: a small valid workbook with bytes changed, inserted or cut off.
 * Also a sound zip whose XML parts (cells, shared strings, styles, the workbook, the relations) are
 * damaged, which reaches the cell and style parsers. `xlsxFromBuffer` settles — a workbook that reads, or a rejection with an Error, never a hang or a thrown
 * non-error —, and `openXlsx`, through which the command opens a file, turns every failure into its input
 * error (exit 2 with the file named), never an unexpected one. A damaged file of 100 KB settles well
 * within a few seconds.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { xlsxFromBuffer, xlsxToBuffer } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { InputError, openXlsx } from '../../src/cli/workbooks';
import type { CellValue } from '../../src/workbook/snapshot';

const dir = mkdtempSync(join(tmpdir(), 'crm-xlsx-fuzz-'));

async function workbookBytes(rows: number): Promise<Uint8Array> {
  const clients: CellValue[][] = [];
  for (let i = 0; i < rows; i++) clients.push([`К-${String(i + 1).padStart(5, '0')}`, i % 3 ? `Клиент ${i}` : '=HYPERLINK("x")', new Date(Date.UTC(2025, 0, 1 + (i % 300))), 1000 + i / 4]);
  const book = XlsxWorkbook.fromSnapshot({
    sheets: [
      { name: 'Клиенты', header: ['ID', 'Клиент', 'Дата', 'Выручка'], rows: clients },
      { name: 'Заказы', header: ['Дата', 'ID клиента', 'Сумма'], rows: [[new Date(Date.UTC(2025, 1, 2)), 'К-00001', 100]] },
    ],
  });
  return xlsxToBuffer(book);
}

/** The valid bytes with each mutation applied: a byte set, bytes inserted, the file cut short. */
function damaged(valid: Uint8Array) {
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 16 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 8 }).map((mutations) => {
    let bytes = Array.from(valid);
    for (const m of mutations) {
      const at = m.at % (bytes.length + 1);
      if (m.kind === 'set' && bytes.length > 0) bytes[at % bytes.length] = m.byte;
      else if (m.kind === 'insert') bytes.splice(at, 0, ...m.bytes);
      else if (m.kind === 'cut') bytes = bytes.slice(0, at);
    }
    return Uint8Array.from(bytes);
  });
}

const PARTS = ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'];
/** What is put into an XML part: markup that breaks it, or changes what it says. */
const XML_PIECES = ['<', '>', '/>', '</c>', '<c r="A1" t="s"><v>99</v></c>', '<v>', 'r="XFD1048576"', 's="999"', 't="d"', '&', '&#0;', '"', 'x', '1e308', '-1', '<row r="0">', '<sheetData/>'];

/** The valid package with one XML part damaged: a piece put in, a span taken out. */
function damagedXml(valid: Uint8Array) {
  return fc
    .record({ part: fc.constantFrom(...PARTS), at: fc.nat(), remove: fc.integer({ min: 0, max: 40 }), insert: fc.constantFrom(...XML_PIECES) })
    .map(async ({ part, at, remove, insert }) => {
      const zip = await JSZip.loadAsync(valid);
      const xml = (await zip.file(part)?.async('string')) ?? '';
      const i = at % (xml.length + 1);
      zip.file(part, xml.slice(0, i) + insert + xml.slice(i + remove));
      return zip.generateAsync({ type: 'uint8array' });
    });
}

/** Reads the bytes as the gateway does, and the snapshot from it: settles within `limitMs`, fails only with an Error. */
async function settles(bytes: Uint8Array, limitMs: number): Promise<void> {
  const started = Date.now();
  try {
    const book = await xlsxFromBuffer(bytes);
    await book.read();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
  }
  expect(Date.now() - started).toBeLessThan(limitMs);
}

describe('a damaged .xlsx', () => {
  let small: Uint8Array;
  beforeAll(async () => {
    small = await workbookBytes(5);
  });

  it('reads as a workbook or fails with an Error, in bounded time', async () => {
    await fc.assert(
      fc.asyncProperty(damaged(small), (bytes) => settles(bytes, 5000)),
      { numRuns: 200 },
    );
  });

  it('with a damaged XML part inside a sound zip: the same', async () => {
    await fc.assert(
      fc.asyncProperty(damagedXml(small), async (bytes) => settles(await bytes, 5000)),
      { numRuns: 200 },
    );
  });

  it('cut short anywhere: the same', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), (at) => settles(small.slice(0, at % small.length), 5000)),
      { numRuns: 100 },
    );
  });

  it('opened by the command: read, or refused with its input error naming the file', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(damaged(small), async (bytes) => {
        const path = join(dir, `damaged-${n++}.xlsx`);
        writeFileSync(path, bytes);
        try {
          await openXlsx(path);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect((error as Error).message).toContain(path);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('of 100 KB, damaged or cut short: settles within 5 s', async () => {
    const big = await workbookBytes(4000);
    expect(big.length).toBeGreaterThan(50_000);
    await fc.assert(
      fc.asyncProperty(damaged(big), (bytes) => settles(bytes, 5000)),
      { numRuns: 15 },
    );
  });
});
