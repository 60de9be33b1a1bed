/**
 * The layout of the merge archive sheet («Архив»), shared by the merge that writes it and the undo that
 * reads it.
 *
 * Meta columns first (merge token, date, what the row is, kept ID, row, previous ID, restored date),
 * then — in archives written since orders are archived by identity — «Какой заказ», then the clients
 * sheet's headers. Client data is matched by header text, so an archive written when the clients sheet
 * had other columns keeps working, and headers it lacks are added at the right. Archives written before
 * the order column existed get it at the right too, when a merge first needs it.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../workbook/snapshot';
import { say, type Language } from '../model';
import { cellText } from '../normalise/text';
import { sheetNameMatches } from '../schema';

/**
 * What a row of the archive is: a removed client row, the kept row before and after the merge (the
 * undo compares both with the row as it is then), or an order the merge re-pointed to the kept ID.
 */
export type ArchiveRole = 'removed' | 'keptBefore' | 'keptAfter' | 'order';

export const META: Record<Language, { header: string[]; roles: Record<ArchiveRole, string>; order: string }> = {
  ru: {
    header: ['Слияние', 'Дата слияния', 'Что это', 'Оставлен ID', 'Строка', 'Прежний ID', 'Восстановлено'],
    roles: { removed: 'удалённая строка', keptBefore: 'оставленная строка до слияния', keptAfter: 'оставленная строка после слияния', order: 'заказ перенесён' },
    order: 'Какой заказ',
  },
  en: {
    header: ['Merge', 'Merge date', 'What', 'Kept ID', 'Row', 'Previous ID', 'Restored'],
    roles: { removed: 'removed row', keptBefore: 'kept row before merge', keptAfter: 'kept row after merge', order: 'order re-pointed' },
    order: 'Which order',
  },
};
export const META_WIDTH = 7;
export const [TOKEN, DATE, ROLE, KEPT, ROW, PREVIOUS, RESTORED] = [0, 1, 2, 3, 4, 5, 6];

/** The header of a new archive sheet. */
export function newArchiveHeader(language: Language): string[] {
  return [...META[language].header, META[language].order];
}

export function findArchive(snapshot: WorkbookSnapshot): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => sheetNameMatches('archive', s.name));
}

/** The role of an archive row, whichever language wrote it; undefined for a row of someone else's. */
export function roleOf(cells: readonly CellValue[]): ArchiveRole | undefined {
  const text = cellText(cells[ROLE]);
  return (Object.keys(META.ru.roles) as ArchiveRole[]).find((role) => text === META.ru.roles[role] || text === META.en.roles[role]);
}

/** Header texts of the clients sheet, with blanks named by position so every column can be archived. */
export function dataHeaders(header: readonly string[], width: number, language: Language): string[] {
  return Array.from({ length: width }, (_, c) => header[c] || say(language, `Столбец ${c + 1}`, `Column ${c + 1}`));
}

export interface ArchiveColumns {
  /** Archive column (0-based) of each clients column, in the clients sheet's order. */
  positions: number[];
  /** Archive column of the order identity, -1 when the archive has none and none was asked for. */
  orderColumn: number;
  /** Headers to add at the right of the archive's current header, in order (positions past its end). */
  added: string[];
}

/**
 * Where each clients column goes in the archive, by header text (the n-th column of a repeated header
 * goes to the n-th archive column of that header), and where the order identity goes. Missing client
 * headers — and the order column, when `withOrderColumn` — are added at the right.
 */
export function archiveColumns(archiveHeader: readonly string[], headers: readonly string[], language: Language, withOrderColumn: boolean): ArchiveColumns {
  const header = [...archiveHeader];
  const added: string[] = [];
  const orderHeaders = [META.ru.order, META.en.order];
  let orderColumn = header.findIndex((h, i) => i >= META_WIDTH && orderHeaders.includes(h));
  const used = new Set<number>(orderColumn >= 0 ? [orderColumn] : []);
  const add = (text: string) => {
    header.push(text);
    added.push(text);
    return header.length - 1;
  };
  const positions = headers.map((text) => {
    const found = header.findIndex((h, i) => i >= META_WIDTH && !used.has(i) && h === text);
    const position = found >= 0 ? found : add(text);
    used.add(position);
    return position;
  });
  if (orderColumn < 0 && withOrderColumn) orderColumn = add(META[language].order);
  return { positions, orderColumn, added };
}
