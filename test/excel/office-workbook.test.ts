import { excelInput, isDateFormat, snapshotValue } from '../../addin/gateway/cells';
import { serialToDate } from '../../src/workbook/serial';
import { inlineListSource } from '../../addin/gateway/lists';
import { OfficeWorkbook } from '../../addin/gateway/office-workbook';
import { colourFormula, dateOperand } from '../../addin/gateway/rules';
import { FakeExcel } from '../fakes/excel';

describe('cells', () => {
  it.each([
    ['=HYPERLINK("x")', "'=HYPERLINK(\"x\")"],
    ['+7 912 345-67-89', "'+7 912 345-67-89"],
    ['8 (912) 345-67-89', "'8 (912) 345-67-89"],
    ['1\u00a0234,56\u00a0₽', "'1\u00a0234,56\u00a0₽"],
    ['01.02.2024', "'01.02.2024"],
    ["'уже с апострофом", "''уже с апострофом"],
    ['ИСТИНА', "'ИСТИНА"],
    ['#N/A', "'#N/A"],
    ['ООО «Ромашка»', 'ООО «Ромашка»'],
  ])('keeps %s literal', (text, input) => {
    expect(excelInput(text)).toBe(input);
  });

  it('writes dates as serials and blanks as empty strings', () => {
    expect(excelInput(new Date(Date.UTC(2024, 1, 29)))).toBe(45351);
    expect(excelInput(null)).toBe('');
    expect(excelInput(Number.NaN)).toBe('');
  });

  it('reads numbers under date formats as dates, to the minute at a month end', () => {
    expect(isDateFormat('dd.mm.yyyy')).toBe(true);
    expect(isDateFormat('[$-419]d mmmm yyyy')).toBe(true);
    expect(isDateFormat('#,##0.00 "₽"')).toBe(false);
    expect(isDateFormat('0.0%')).toBe(false);
    expect(snapshotValue(45291.999305555553, 'dd.mm.yyyy hh:mm')).toEqual(new Date(Date.UTC(2023, 11, 31, 23, 59)));
    expect(serialToDate(45351)).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(snapshotValue('', 'General')).toBeNull();
  });
});

describe('rules', () => {
  it('puts lists with commas, quotes or over 255 characters on the helper sheet', () => {
    expect(inlineListSource(['Белый', 'Серый'])).toBe('Белый,Серый');
    expect(inlineListSource(['Аудит, полный'])).toBeNull();
    expect(inlineListSource(Array.from({ length: 40 }, (_, i) => `Услуга ${i}`))).toBeNull();
  });

  it('writes locale-independent formulas', () => {
    expect(dateOperand('2024-02-29')).toBe('=DATE(2024,2,29)');
    expect(colourFormula({ equals: 'Красно-"золотой"' }, 7, 2, false)).toBe('=G2="Красно-""золотой"""');
    expect(colourFormula({ atLeast: 60 }, 15, 2, true)).toBe('=AND(ISNUMBER($O2),$O2>=60)');
  });
});

describe('OfficeWorkbook over the fake', () => {
  it('finds hidden rows in a block where only some are hidden, and reports merged areas with ExcelApi 1.13', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`Клиент ${i}`, i]);
    const fake = new FakeExcel({ sheets: [{ name: 'Клиенты', header: ['Клиент', 'N'], rows, hiddenRows: [5, 17] }] });
    fake.sheet('Клиенты').merged.push({ top: 1, left: 1, bottom: 1, right: 2 });
    const snapshot = await new OfficeWorkbook({ run: fake.run, supports: () => true, readBlockCells: 20 }).read();
    expect(snapshot.sheets[0].hiddenRows).toEqual([5, 17]);
    expect(snapshot.sheets[0].mergedRanges).toEqual(['A1:B1']);
    expect(snapshot.sheets[0].rows).toHaveLength(30);
    const older = await new OfficeWorkbook({ run: fake.run, supports: (v) => v === '1.9' }).read();
    expect(older.sheets[0].mergedRanges).toBeUndefined();
  });

  it('sends a large write in several requests when the budget is small, never one per row', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Клиенты', header: ['Клиент'], rows: [] }] });
    const wb = new OfficeWorkbook({ run: fake.run, requestBudget: 50_000 });
    const rows = Array.from({ length: 5000 }, (_, i) => [`Клиент №${i}`, i, new Date(Date.UTC(2024, 0, 1 + (i % 28)))]);
    await wb.apply([{ kind: 'writeTable', sheet: 'Итог', replace: true, header: ['Клиент', 'N', 'Дата'], rows }]);
    const syncs = fake.recorder.syncs;
    expect(syncs.length).toBeGreaterThan(3);
    expect(syncs.length).toBeLessThan(50);
    expect(Math.max(...syncs.map((s) => s.requestBytes))).toBeLessThan(80_000);
    const read = (await wb.read(['Итог'])).sheets[0];
    expect(read.rows[4999]).toEqual(['Клиент №4999', 4999, new Date(Date.UTC(2024, 0, 1 + (4999 % 28)))]);
  });

  it('regenerates a result sheet in place, keeping its tab position', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'ABC', header: ['Старое'], rows: [['x']] }, { name: 'Клиенты', header: ['Клиент'], rows: [['А']] }] });
    const wb = new OfficeWorkbook({ run: fake.run });
    await wb.apply([{ kind: 'writeTable', sheet: 'ABC', replace: true, header: ['Новое'], rows: [['y']], table: { name: 'ABC_t' } }]);
    await wb.apply([{ kind: 'writeTable', sheet: 'ABC', replace: true, header: ['Новое'], rows: [['z']], table: { name: 'ABC_t' } }]);
    expect(await wb.sheetNames()).toEqual(['ABC', 'Клиенты']);
    expect(fake.sheet('ABC').tables.map((t) => t.name)).toEqual(['ABC_t']);
  });

  it('fails on an operation for a missing sheet, naming it', async () => {
    const wb = new OfficeWorkbook({ run: new FakeExcel().run });
    await expect(wb.apply([{ kind: 'writeColumns', sheet: 'Нет', columns: [] }])).rejects.toThrow(/«Нет»/);
  });
});
