/**
 * The value archive: every cell the user typed that an action changes, with the user's consent, is
 * first copied here — when, by which action, where (sheet, row, column), whose row (client ID and
 * name), the value before and the value after. Nothing typed is changed without a row here, so any
 * change can be looked up and typed back by hand.
 *
 * The sheet is appended to, never rewritten: it is the user's record of what the product changed.
 */
import type { SheetOperation } from '../workbook/operations';
import type { CellValue } from '../workbook/snapshot';
import type { Language } from './model';
import { sheetName } from './schema';

/** One typed cell about to be changed. `column` is the user's own header text. */
export interface ArchivedValue {
  sheet: string;
  row: number;
  column: string;
  clientId: string | null;
  client: string;
  before: CellValue;
  after: CellValue;
}

const HEADER: Record<Language, string[]> = {
  ru: ['Когда', 'Действие', 'Лист', 'Строка', 'Столбец', 'ID клиента', 'Клиент', 'Было', 'Стало'],
  en: ['When', 'Action', 'Sheet', 'Row', 'Column', 'Client ID', 'Client', 'Before', 'After'],
};

/** The value archive sheet's name in a workbook of `language`. */
export function valueArchiveSheet(language: Language): string {
  return sheetName('valueArchive', language);
}

/**
 * Operations that append `values` to the value archive (created when missing). `action` names what
 * changed them (e.g. «Трекер: обновление по заказам»); `when` is the moment of the change.
 * Nothing is planned when there is nothing to archive.
 */
export function valueArchiveOperations(values: readonly ArchivedValue[], action: string, when: Date, language: Language): SheetOperation[] {
  if (values.length === 0) return [];
  const sheet = valueArchiveSheet(language);
  const rows: CellValue[][] = values.map((v) => [when, action, v.sheet, v.row, v.column, v.clientId, v.client, v.before, v.after]);
  return [
    { kind: 'ensureSheet', sheet, header: HEADER[language] },
    { kind: 'appendRows', sheet, rows },
    { kind: 'formatSheet', sheet, freezeHeader: true },
  ];
}
