/**
 * An import bigger than the host, and one bigger than the structure's spare rows: the first is refused
 * before anything is written, the second leaves the filter and the rules covering every imported row.
 */
import { HostLimitError } from '../../src/core/host-limits';
import { DEFAULT_SPARE_ROWS } from '../../src/core/structure';
import { runOrderImport, runStructure } from '../../src/actions/runners';
import { MemoryWorkbook, parseRange } from '../../src/workbook/memory';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../src/workbook/snapshot';
import type { HostLimits } from '../../src/workbook/workbook';

const BOOK: WorkbookSnapshot = {
  sheets: [
    { name: 'Услуги', header: ['Услуга', 'Цена'], rows: [['Уборка', 5000]] },
    { name: 'Клиенты', header: ['Клиент', 'Телефон', 'Город'], rows: [['ООО «Ромашка»', '8 (912) 345-67-89', 'Москва'], ['Иванов Иван', '+7 912 111-22-33', 'Казань']] },
    { name: 'Заказы', header: ['Дата', 'Клиент', 'Услуга', 'Сумма'], rows: [[new Date(Date.UTC(2025, 0, 10)), 'Иванов Иван', 'Уборка', 4000]] },
  ],
};

/** An export of `lines` orders of the two clients, one day apart. */
function ordersExport(lines: number): SheetSnapshot {
  const rows: CellValue[][] = [];
  for (let i = 0; i < lines; i++) {
    rows.push([new Date(Date.UTC(2025, 1, 1 + (i % 300))), i % 2 ? 'Иванов Иван' : 'ООО «Ромашка»', 'Уборка', 1000 + i, `З-${i + 1}`]);
  }
  return { name: 'export.csv', header: ['Дата', 'Клиент', 'Услуга', 'Сумма', 'Номер заказа'], rows };
}

async function structuredBook(limits?: HostLimits): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook(BOOK);
  await runStructure({ workbook });
  return limits ? Object.assign(workbook, { limits }) : workbook;
}

describe('an import the host cannot hold', () => {
  it('is refused with the sheet, the sizes and the way out, and nothing is written', async () => {
    const workbook = await structuredBook({ host: 'Excel', rows: 40, columns: 30 });
    const before = workbook.state();
    const run = runOrderImport({ workbook }, ordersExport(50));
    await expect(run).rejects.toThrow(HostLimitError);
    await expect(runOrderImport({ workbook }, ordersExport(50))).rejects.toThrow(/«Заказы» было бы 52 строки, а Excel вмещает 40 \(на 12 больше\).*--since/);
    expect(workbook.state()).toEqual(before);
  });

  // The structure planned again after the import has 2,000 spare rows to give: they stop at the host's last row.
  it('goes through when it fits the same limits, its spare rows cut at the last row', async () => {
    const workbook = await structuredBook({ host: 'Excel', rows: 40, columns: 30 });
    const report = await runOrderImport({ workbook }, ordersExport(30));
    expect(report.imported).toBe(30);
    const orders = workbook.state().sheets.find((s) => s.name === 'Заказы')!;
    expect(orders.validations.map((v) => parseRange(v.range).bottom)).toContain(40);
  });

  it('is refused on a Google Sheets cells limit as well', async () => {
    const workbook = await structuredBook({ host: 'Google Sheets', cells: 150 });
    await expect(runOrderImport({ workbook }, ordersExport(50))).rejects.toThrow(/в книге было бы [\d\s]+ яче(йка|йки|ек), а Google Sheets вмещает 150 /);
  });
});

describe('an import longer than the spare rows', () => {
  it('leaves the filter and every rule of the Orders sheet covering all its rows', async () => {
    const workbook = await structuredBook();
    const lines = DEFAULT_SPARE_ROWS + 500;
    await runOrderImport({ workbook }, ordersExport(lines));
    const orders = workbook.state().sheets.find((s) => s.name === 'Заказы')!;
    const lastRow = orders.values.length;
    expect(lastRow).toBe(lines + 2);
    expect(parseRange(orders.autoFilter!).bottom).toBe(lastRow);
    expect(orders.validations.length).toBeGreaterThan(0);
    for (const validation of orders.validations) expect(parseRange(validation.range).bottom).toBeGreaterThanOrEqual(lastRow);
  });
});
