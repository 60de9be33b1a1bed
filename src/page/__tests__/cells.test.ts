import { emptySheet, setGridCell, type MemorySheet } from '../../workbook/memory';
import { cellText, SheetPaint } from '../cells';

describe('cellText', () => {
  it('shows dates as dd.mm.yyyy, with the time only when there is one or the format asks', () => {
    expect(cellText(new Date(Date.UTC(2026, 0, 31)), 'dd.mm.yyyy', 'ru')).toBe('31.01.2026');
    // Midnight at a month end stays on its own day (no time zone shift).
    expect(cellText(new Date(Date.UTC(2024, 1, 29)), undefined, 'ru')).toBe('29.02.2024');
    expect(cellText(new Date(Date.UTC(2024, 1, 29, 9, 5)), undefined, 'ru')).toBe('29.02.2024 09:05');
    expect(cellText(new Date(Date.UTC(2024, 1, 29)), 'dd.mm.yyyy hh:mm', 'ru')).toBe('29.02.2024 00:00');
  });

  it('formats money, percentages and integers by the number format, Russian style', () => {
    const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
    expect(nbsp(cellText(1234567.5, '#,##0.00', 'ru'))).toBe('1 234 567,50');
    expect(nbsp(cellText(-500, '#,##0.00', 'ru'))).toBe('-500,00');
    expect(nbsp(cellText(0.751, '0.0%', 'ru'))).toBe('75,1 %');
    expect(cellText(17, '0', 'ru')).toBe('17');
    expect(cellText(1234.5, '#,##0.00', 'en')).toBe('1,234.50');
  });

  it('shows numbers without a format as typed (no grouping) and text as it is', () => {
    expect(cellText(5200, undefined, 'ru')).toBe('5200');
    expect(cellText(3400.63, 'General', 'ru')).toBe('3400,63');
    expect(cellText('=HYPERLINK("x")', '@', 'ru')).toBe('=HYPERLINK("x")');
    expect(cellText('1\u00a0234,56 ₽', undefined, 'ru')).toBe('1\u00a0234,56 ₽');
    expect(cellText(null, undefined, 'ru')).toBe('');
    expect(cellText(true, undefined, 'ru')).toBe('ИСТИНА');
  });
});

function sheetWith(rows: (string | number | null)[][]): MemorySheet {
  const sheet = emptySheet('Клиенты');
  rows.forEach((row, r) => row.forEach((v, c) => setGridCell(sheet.values, r + 1, c + 1, v)));
  return sheet;
}

describe('SheetPaint', () => {
  it('colours cells by their own value, case-insensitively, the first matching rule winning', () => {
    const sheet = sheetWith([['Статус'], ['Золотой'], ['золотой'], ['Белый'], [null]]);
    sheet.conditionalFormats.push({
      range: 'A2:A5',
      rules: [
        { when: { equals: 'Золотой' }, fill: '#FFD966', fontColour: '#000000' },
        { when: { equals: 'золотой' }, fill: '#000000' },
      ],
    });
    const paint = new SheetPaint(sheet);
    expect(paint.paint(2, 1)).toEqual({ fill: '#FFD966', fontColour: '#000000' });
    expect(paint.paint(3, 1)).toEqual({ fill: '#FFD966', fontColour: '#000000' });
    expect(paint.paint(4, 1)).toBeUndefined();
    expect(paint.paint(5, 1)).toBeUndefined();
    // Outside the range (the header) nothing applies.
    expect(paint.paint(1, 1)).toBeUndefined();
  });

  it('colours whole rows by the tested column and compares numbers with ≥ / ≤', () => {
    const sheet = sheetWith([['Клиент', 'Дней'], ['А', 60], ['Б', 59], ['В', '60']]);
    sheet.conditionalFormats.push({ range: 'A2:B4', testColumn: 'B', rules: [{ when: { atLeast: 60 }, fill: '#DDEBF7' }] });
    const paint = new SheetPaint(sheet);
    expect(paint.paint(2, 1)).toEqual({ fill: '#DDEBF7', fontColour: undefined });
    expect(paint.paint(3, 1)).toBeUndefined();
    // Text that looks like a number is not a number, as in a spreadsheet.
    expect(paint.paint(4, 2)).toBeUndefined();
  });

  it('falls back to a static fill and lists the columns that have a validation', () => {
    const sheet = sheetWith([['Услуга', 'Город'], ['Мытьё окон', 'Москва']]);
    setGridCell(sheet.fills, 2, 2, '#F2F2F2');
    sheet.validations.push({ range: 'A2:A100', rule: { type: 'list', values: ['Мытьё окон'] }, strict: true });
    const paint = new SheetPaint(sheet);
    expect(paint.paint(2, 2)).toEqual({ fill: '#F2F2F2' });
    expect([...paint.validatedColumns()]).toEqual([1]);
  });
});
