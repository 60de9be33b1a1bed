/**
 * `crm-base split` and `crm-base merge` as the owner runs them: the built command over a sample-like
 * base, a manager's file edited in another program (ExcelJS here), the owner's own edits to the main book
 * since the split, and the merged result read back by openpyxl (independent of our reader): the manager's
 * change taken, the conflicting one listed with the main book's value kept, every other cell unchanged,
 * BOOK.xlsx itself never written.
 */
import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as ExcelJS from 'exceljs';
import { generateSampleWorkbook } from '../../src/sample';
import { xlsxToFile } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';
import { DEBIAN_PYTHON, describeWithTool } from '../support/tools';

const BIN = join(__dirname, '..', '..', 'bin', 'crm-base.js');
const dir = mkdtempSync(join(tmpdir(), 'crm-split-'));
const sample = join(dir, 'sample.xlsx');
const book = join(dir, 'book.xlsx');
const edited = join(dir, 'book-edited.xlsx');
const partsDir = join(dir, 'parts');
const out = join(dir, 'out.xlsx');

function crmBase(...args: string[]) {
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Opens a file with ExcelJS, lets `edit` change the named sheet, saves it where it was. */
async function editSheet(path: string, sheet: string, edit: (ws: ExcelJS.Worksheet, column: (header: string) => number, rowOf: (id: string) => number) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const ws = workbook.getWorksheet(sheet)!;
  const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const column = (header: string) => headers.indexOf(header);
  const rowOf = (id: string) => {
    const at = column('ID');
    for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(at).text === id) return r;
    throw new Error(`no client ${id} in ${path}`);
  };
  edit(ws, column, rowOf);
  await workbook.xlsx.writeFile(path);
}

let partFile = '';
let partIds: string[] = [];

beforeAll(async () => {
  await xlsxToFile(XlsxWorkbook.fromSnapshot(generateSampleWorkbook({ clients: 40, orders: 200, seed: 7 })), sample);
  expect(crmBase('structure', sample, '-o', book).code).toBe(0);
});

describe('crm-base split', () => {
  it('refuses a base whose clients have no IDs yet, pointing to crm-base structure', () => {
    const run = crmBase('split', sample, '--out', join(dir, 'no-ids'));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('crm-base structure');
  });

  it('writes one file per manager, with the record sheet hidden, and says what each holds', async () => {
    const run = crmBase('split', book, '--out', partsDir, '--json', join(dir, 'split.json'));
    expect(run.code).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, 'split.json'), 'utf8')) as { files: Array<{ file: string; clients: number }> };
    expect(readdirSync(partsDir).sort()).toEqual(report.files.map((f) => f.file).sort());
    expect(report.files.reduce((sum, f) => sum + f.clients, 0)).toBe(40);
    expect(run.stdout).toMatch(/База — .+\.xlsx: \d+ клиент/);
    partFile = join(partsDir, report.files[0].file);
    const part = new ExcelJS.Workbook();
    await part.xlsx.readFile(partFile);
    expect(part.getWorksheet('_crm_split')!.state).toBe('hidden');
    const ws = part.getWorksheet('Клиенты')!;
    const idAt = (ws.getRow(1).values as unknown[]).indexOf('ID');
    partIds = [];
    for (let r = 2; r <= ws.rowCount; r++) partIds.push(ws.getRow(r).getCell(idAt).text);
    expect(partIds.length).toBe(report.files[0].clients);
    // Splitting again into the same folder would overwrite the managers' edits: refused.
    const again = crmBase('split', book, '--out', partsDir);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('уже есть');
  });
});

describeWithTool('openpyxl', 'crm-base merge, its result read by openpyxl', () => {
  type Cell = string | number | boolean | null;
  let result: { clients: Cell[][]; main: Cell[][]; orders: Cell[][]; mainOrders: Cell[][]; merge: Cell[][]; archive: Cell[][] };
  let changedName = '';
  let run: ReturnType<typeof crmBase>;
  let bookHash = '';

  beforeAll(async () => {
    const [changed, conflicted] = partIds;
    // The manager changes two statuses; the owner, meanwhile, changes the second one differently.
    await editSheet(partFile, 'Клиенты', (ws, column, rowOf) => {
      ws.getRow(rowOf(changed)).getCell(column('Статус')).value = 'Статус из файла';
      ws.getRow(rowOf(conflicted)).getCell(column('Статус')).value = 'Менеджер: в работе';
      changedName = ws.getRow(rowOf(changed)).getCell(column('Клиент')).text;
    });
    // A new order typed into the manager's file, in its own column order.
    await editSheet(partFile, 'Заказы', (ws, column) => {
      const row = ws.getRow(ws.rowCount + 1);
      row.getCell(column('Дата')).value = new Date(Date.UTC(2026, 10, 20));
      row.getCell(column('Клиент')).value = changedName;
      row.getCell(column('Сумма')).value = 4321;
      row.getCell(column('Номер заказа')).value = 'З-999999';
    });
    copyFileSync(book, edited);
    await editSheet(edited, 'Клиенты', (ws, column, rowOf) => {
      ws.getRow(rowOf(conflicted)).getCell(column('Статус')).value = 'Владелец: отказ';
    });
    bookHash = hash(edited);
    run = crmBase('merge', edited, partFile, sample, '-o', out);
    const script = `
import json, sys, datetime, openpyxl
def rows(path, sheet):
    ws = openpyxl.load_workbook(path)[sheet]
    def cell(v):
        return v.isoformat() if isinstance(v, datetime.datetime) else v
    return [[cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
print(json.dumps({'clients': rows(sys.argv[1], 'Клиенты'), 'main': rows(sys.argv[2], 'Клиенты'),
                  'orders': rows(sys.argv[1], 'Заказы'), 'mainOrders': rows(sys.argv[2], 'Заказы'),
                  'merge': rows(sys.argv[1], 'Слияние'), 'archive': rows(sys.argv[1], 'Архив значений')}))
`;
    result = JSON.parse(execFileSync(DEBIAN_PYTHON, ['-c', script, out, edited], { encoding: 'utf8' }));
  });

  it('goes on past a file the split did not make, naming it', () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('sample.xlsx: это не файл, сделанный crm-base split');
    expect(run.stdout).toMatch(/изменено 1 значение, конфликтов: 1/);
    expect(hash(edited)).toBe(bookHash);
  });

  it('takes the manager\'s change, keeps the owner\'s value in a conflict, and leaves every other cell as it was', () => {
    const [changed, conflicted] = partIds;
    const header = result.main[0];
    const idAt = header.indexOf('ID');
    const statusAt = header.indexOf('Статус');
    const rowOf = (rows: Cell[][], id: string) => rows.find((row) => row[idAt] === id)!;
    expect(rowOf(result.clients, changed)[statusAt]).toBe('Статус из файла');
    expect(rowOf(result.clients, conflicted)[statusAt]).toBe('Владелец: отказ');
    const expected = result.main.map((row) => (row[idAt] === changed ? row.map((cell, at) => (at === statusAt ? 'Статус из файла' : cell)) : row));
    expect(result.clients).toEqual(expected);
  });

  it('appends the manager\'s new order once, under the main book\'s headers, the other orders as they were', () => {
    const header = result.mainOrders[0];
    expect(result.orders.slice(0, result.mainOrders.length)).toEqual(result.mainOrders);
    expect(result.orders).toHaveLength(result.mainOrders.length + 1);
    const added = result.orders[result.orders.length - 1];
    expect([added[header.indexOf('Дата')], added[header.indexOf('Клиент')], added[header.indexOf('Сумма')], added[header.indexOf('Номер заказа')]]).toEqual([
      '2026-11-20T00:00:00',
      changedName,
      4321,
      'З-999999',
    ]);
    expect(result.merge.filter((row) => row[1] === 'Новый заказ').map((row) => row[3])).toEqual([changedName]);
  });

  it('lists the conflict and the change on «Слияние», and archives the value it replaced', () => {
    const [changed, conflicted] = partIds;
    const [header, ...rows] = result.merge;
    expect(header).toEqual(['Файл', 'Что', 'ID клиента', 'Клиент', 'Столбец или лист', 'В основной книге', 'В файле менеджера', 'Пояснение']);
    const partName = partFile.slice(partsDir.length + 1);
    expect(rows[0].slice(0, 7)).toEqual([partName, 'Конфликт: оставлено значение основной книги', conflicted, expect.any(String), 'Статус', 'Владелец: отказ', 'Менеджер: в работе']);
    expect(rows.some((row) => row[1] === 'Изменено по файлу менеджера' && row[2] === changed && row[6] === 'Статус из файла')).toBe(true);
    expect(rows.some((row) => row[0] === 'sample.xlsx' && row[1] === 'Файл не принят')).toBe(true);
    const archived = result.archive.filter((row) => row[5] === changed);
    expect(archived.map((row) => row[4])).toEqual(['Статус']);
    expect(archived[0][8]).toBe('Статус из файла');
  });

  it('refuses to write over BOOK.xlsx', () => {
    const refused = crmBase('merge', edited, partFile, '-o', edited);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('-o не может быть BOOK.xlsx');
    expect(hash(edited)).toBe(bookHash);
  });
});
