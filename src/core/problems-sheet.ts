/**
 * The data check's result as a sheet («Проблемы»): one row per bad cell, so the user can work through
 * them in the workbook itself, sorted by sheet and row.
 */
import type { SheetOperation } from '../workbook/operations';
import type { Language, Problem } from './model';
import { sheetName } from './schema';
import { render } from './messages/message';
import { HEADER_FILL } from './analysis-sheets';

const HEADERS: Record<Language, string[]> = {
  ru: ['Лист', 'Строка', 'Столбец', 'Значение', 'Что не так'],
  en: ['Sheet', 'Row', 'Column', 'Value', 'What is wrong'],
};

export function problemsSheetOperations(problems: readonly Problem[], language: Language): SheetOperation[] {
  const sorted = [...problems].sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row);
  return [
    {
      kind: 'writeTable',
      sheet: sheetName('problems', language),
      replace: true,
      header: HEADERS[language],
      rows: sorted.map((p) => [p.sheet, p.row, p.column, p.value, render(p.message, language)]),
      numberFormats: [null, '0', null, '@', null],
      columnWidths: [14, 8, 22, 28, 90],
      freezeHeader: true,
      autoFilter: true,
      headerFill: HEADER_FILL,
    },
  ];
}
