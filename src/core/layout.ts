/**
 * Where the user's base is: the services, clients and orders sheets (by name, else by their headers),
 * the header row of each (found, not assumed: a title, a note or empty rows may come first), the
 * column of each field (the user's mapping, then header synonyms, then a header's words), and where the
 * product's managed client columns are or will be added.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot';
import { sheetBelowHeader } from '../workbook/snapshot';
import { columnLetter } from '../workbook/a1';
import { say, type ClientField, type Language, type Problem, type SheetLayout } from './model';
import { cellText, isBlank } from './normalise/text';
import { fieldHeader, headerKey, sheetKindOfName, sheetNameMatches, type FieldsOf, type HeaderMapping, type TableKind, workbookLanguage } from './schema';
import { fieldOfHeader, fieldOfHeaderPrefix } from './header-match';

/**
 * A located sheet: the shared `SheetLayout` plus where its header is and how far right its content
 * reaches. Its data rows are spreadsheet rows headerRow+1 .. headerRow+rowCount (`sheetRowNumber(i, headerRow)`).
 */
export interface LocatedSheet<F extends string> extends SheetLayout<F> {
  /** Columns in use: up to the last non-empty header or the widest non-empty data cell below the header. */
  usedWidth: number;
  /** The spreadsheet row (1-based) of the header: 1, or lower when a title, a note or empty rows come first. */
  headerRow: number;
}

/** The last spreadsheet row of a located sheet's data (its header row when it has no data). */
export function lastDataRow(layout: Pick<LocatedSheet<string>, 'headerRow' | 'rowCount'>): number {
  return layout.headerRow + layout.rowCount;
}

/** The `headerRow` of an operation on a located sheet: said only when it is not row 1, the default. */
export function headerRowOf(layout: Pick<LocatedSheet<string>, 'headerRow'>): { headerRow?: number } {
  return layout.headerRow === 1 ? {} : { headerRow: layout.headerRow };
}

export interface BaseLayout {
  services?: LocatedSheet<FieldsOf['services']>;
  clients?: LocatedSheet<FieldsOf['clients']>;
  orders?: LocatedSheet<FieldsOf['orders']>;
  settingsSheet?: string;
  /**
   * Sheets named for a kind (`Клиенты`, …) in which no row looks like a header: they are not read, and
   * nothing is written into them (a problem names each).
   */
  headerless: Partial<Record<TableKind, string>>;
  /** Language of the sheets and headers the product writes. */
  language: Language;
  /** Layout problems: duplicate headers, a mapped header that is not there. */
  problems: Problem[];
}

function lastNonBlankIndex(cells: readonly CellValue[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (!isBlank(cells[i])) return i;
  return -1;
}

export function rowIsBlank(row: readonly CellValue[]): boolean {
  return lastNonBlankIndex(row) < 0;
}

/** Number of data rows up to the last non-blank one (trailing empty rows of the used range do not count). */
/** More empty rows than this above the last few rows make those rows stray values far from the data. */
const STRAY_GAP = 1000;
/** At most this many rows beyond such a gap are taken for strays; more are data with a gap in it. */
const MOST_STRAY_ROWS = 10;

/**
 * The data of a sheet (rows below its header): how many rows it spans, and the indexes of stray rows — a
 * value or two far below the data (a cell typed at XFD1048576 by accident). Strays are reported and left
 * out of the data, so they change neither what is read nor how far the product's columns and rules reach.
 */
function dataExtent(sheet: SheetSnapshot): { rowCount: number; stray: number[] } {
  const filled: number[] = [];
  for (let i = 0; i < sheet.rows.length; i++) if (!rowIsBlank(sheet.rows[i])) filled.push(i);
  for (let k = Math.max(0, filled.length - MOST_STRAY_ROWS); k < filled.length; k++) {
    const previous = k === 0 ? -1 : filled[k - 1];
    if (filled[k] - previous > STRAY_GAP) return { rowCount: previous + 1, stray: filled.slice(k) };
  }
  return { rowCount: filled.length ? filled[filled.length - 1] + 1 : 0, stray: [] };
}

function usedWidth(sheet: SheetSnapshot, rowCount: number): number {
  let width = lastNonBlankIndex(sheet.header) + 1;
  for (let i = 0; i < rowCount; i++) width = Math.max(width, lastNonBlankIndex(sheet.rows[i]) + 1);
  return width;
}

/** One problem per value of a stray row, named by the cell's address. */
function strayProblems(sheet: SheetSnapshot, name: string, headerRow: number, stray: readonly number[], language: Language): Problem[] {
  return stray.flatMap((index) => {
    const row = headerRow + 1 + index;
    return sheet.rows[index].flatMap((value, column) => {
      if (isBlank(value)) return [];
      const address = `${columnLetter(column + 1)}${row}`;
      return [{
        sheet: name,
        row,
        column: cellText(sheet.header[column]) || address,
        value: cellText(value),
        message: say(
          language,
          `Значение в ячейке ${address} стоит далеко ниже данных и не читается. Если оно не нужно, удалите его; если нужно — перенесите к остальным строкам.`,
          `The value in cell ${address} is far below the data and is not read. Delete it if it is not needed, or move it next to the other rows.`,
        ),
      }];
    });
  });
}

/** The columns of a sheet whose header is in row `found.headerRow`. */
function layoutSheet<K extends TableKind>(
  kind: K,
  found: FoundSheet,
  mapping: Partial<Record<FieldsOf[K], string | null>>,
  language: Language,
  problems: Problem[],
): LocatedSheet<FieldsOf[K]> {
  const { headerRow } = found;
  const sheet = sheetBelowHeader(found.sheet, headerRow);
  const header = sheet.header.map((cell) => cellText(cell));
  const columns: Partial<Record<FieldsOf[K], number>> = {};
  const taken = new Set<number>();
  const userSaid = new Set<FieldsOf[K]>();
  const assign = (field: FieldsOf[K], index: number) => {
    columns[field] = index;
    taken.add(index);
  };

  for (const [field, wanted] of Object.entries(mapping) as Array<[FieldsOf[K], string | null | undefined]>) {
    if (wanted === undefined) continue;
    if (wanted === null) {
      userSaid.add(field);
      continue;
    }
    const index = header.findIndex((text, i) => !taken.has(i) && headerKey(text) === headerKey(wanted));
    if (index >= 0) {
      assign(field, index);
      userSaid.add(field);
    } else {
      problems.push({
        sheet: sheet.name,
        row: headerRow,
        column: wanted,
        value: wanted,
        message: say(
          language,
          `В настройках поле «${fieldHeader(kind, field, 'ru')}» указано в столбце «${wanted}», но такого заголовка на листе нет. Столбец найден по названию, если это возможно; поправьте настройку.`,
          `The settings put the field "${fieldHeader(kind, field, 'en')}" under "${wanted}", but the sheet has no such header. The column is found by its name where possible; correct the setting.`,
        ),
      });
    }
  }

  header.forEach((text, index) => {
    if (taken.has(index)) return;
    const field = fieldOfHeader(kind, text);
    if (field === undefined || userSaid.has(field)) return;
    const first = columns[field];
    if (first === undefined) {
      assign(field, index);
      return;
    }
    problems.push({
      sheet: sheet.name,
      row: headerRow,
      column: text,
      value: text,
      message: say(
        language,
        `Заголовок «${text}» повторяется: данные берутся из первого столбца «${header[first]}» (${first + 1}-й), этот столбец не читается. Переименуйте один из них.`,
        `The header "${text}" is repeated: data is taken from the first column "${header[first]}" (column ${first + 1}); this one is not read. Rename one of them.`,
      ),
    });
  });

  header.forEach((text, index) => {
    if (taken.has(index) || !text) return;
    const field = fieldOfHeaderPrefix(kind, text);
    if (field !== undefined && columns[field] === undefined && !userSaid.has(field)) assign(field, index);
  });

  const { rowCount, stray } = dataExtent(sheet);
  problems.push(...strayProblems(sheet, sheet.name, headerRow, stray, language));
  return { sheet: sheet.name, columns, header, rowCount, usedWidth: usedWidth(sheet, rowCount), headerRow };
}

/** The field that must be there for a row to be taken as a kind's header by its headers alone. */
const KEY_FIELD: { [K in TableKind]: FieldsOf[K] } = { clients: 'name', services: 'name', orders: 'date' };
/** A second field to name, with the key field, when telling the user what a header looks like. */
const EXAMPLE_FIELD: { [K in TableKind]: FieldsOf[K] } = { clients: 'phone', services: 'price', orders: 'amount' };
/** When a sheet's headers fit two kinds equally well, the earlier kind wins. */
const KIND_ORDER: TableKind[] = ['clients', 'orders', 'services'];
/** Rows searched for the header: a title, a note and a few empty rows come above it, not pages of them. */
const HEADER_SEARCH_ROWS = 15;

/** A sheet and the spreadsheet row (1-based) its header is in. */
interface FoundSheet {
  sheet: SheetSnapshot;
  headerRow: number;
}

/** The fields the cells of a row name exactly: by synonym, or as the headers the settings map them to. */
function fieldsOfRow<K extends TableKind>(kind: K, cells: readonly CellValue[], mapping: HeaderMapping[K] = {}): Set<FieldsOf[K]> {
  const mapped = new Map<string, FieldsOf[K]>();
  for (const [field, text] of Object.entries(mapping) as Array<[FieldsOf[K], string | null | undefined]>) if (text) mapped.set(headerKey(text), field);
  const fields = new Set<FieldsOf[K]>();
  for (const cell of cells) {
    const field = mapped.get(headerKey(cell)) ?? fieldOfHeader(kind, cellText(cell));
    if (field !== undefined) fields.add(field);
  }
  return fields;
}

/** How well a row reads as a kind's header: the number of fields it names, 0 unless the key field is among at least two. */
function headerScore(kind: TableKind, cells: readonly CellValue[], mapping: HeaderMapping): number {
  const fields: Set<string> = fieldsOfRow(kind, cells, mapping[kind]);
  return fields.has(KEY_FIELD[kind]) && fields.size >= 2 ? fields.size : 0;
}

/** The rows a header may be in, from row 1. */
function headerCandidates(sheet: SheetSnapshot): readonly (readonly CellValue[])[] {
  return [sheet.header, ...sheet.rows.slice(0, HEADER_SEARCH_ROWS - 1)];
}

/** The row that reads best as a kind's header (the upper one on a tie), or score 0 when none does. */
function bestHeaderRow(kind: TableKind, sheet: SheetSnapshot, mapping: HeaderMapping): { headerRow: number; score: number } {
  let best = { headerRow: 1, score: 0 };
  headerCandidates(sheet).forEach((cells, index) => {
    const score = headerScore(kind, cells, mapping);
    if (score > best.score) best = { headerRow: index + 1, score };
  });
  return best;
}

/**
 * The header row of a sheet named for a kind: the row that reads best as its header; else the first row
 * naming any of its fields, even by a longer header (a header of a lone «Клиент» is a header); else row 1
 * of a sheet with nothing in it. Undefined when the sheet holds something but no row reads as a header:
 * reading it would make its title a header and its data clients without names.
 */
function namedSheetHeaderRow<K extends TableKind>(kind: K, sheet: SheetSnapshot, mapping: HeaderMapping): number | undefined {
  const best = bestHeaderRow(kind, sheet, mapping);
  if (best.score > 0) return best.headerRow;
  const naming = headerCandidates(sheet).findIndex(
    (cells) => fieldsOfRow(kind, cells, mapping[kind]).size > 0 || cells.some((cell) => fieldOfHeaderPrefix(kind, cellText(cell)) !== undefined),
  );
  if (naming >= 0) return naming + 1;
  return rowIsBlank(sheet.header) && dataExtent(sheet).rowCount === 0 ? 1 : undefined;
}

interface ChosenSheets {
  found: Partial<Record<TableKind, FoundSheet>>;
  headerless: Partial<Record<TableKind, string>>;
}

/**
 * Sheets by name first; for kinds still missing, the unnamed sheet with the row that reads best as a
 * header. A kind whose named sheet has no header row gets no other sheet: the user meant that one.
 */
function chooseSheets(snapshot: WorkbookSnapshot, mapping: HeaderMapping): ChosenSheets {
  const chosen: ChosenSheets = { found: {}, headerless: {} };
  const used = new Set<SheetSnapshot>();
  for (const kind of KIND_ORDER) {
    const sheet = snapshot.sheets.find((s) => !used.has(s) && sheetNameMatches(kind, s.name));
    if (!sheet) continue;
    used.add(sheet);
    const headerRow = namedSheetHeaderRow(kind, sheet, mapping);
    if (headerRow === undefined) chosen.headerless[kind] = sheet.name;
    else chosen.found[kind] = { sheet, headerRow };
  }
  // Sheets named for something else (results, archive, settings) are never taken by their headers.
  const free = () => snapshot.sheets.filter((s) => !used.has(s) && sheetKindOfName(s.name) === undefined);
  for (;;) {
    let best: { kind: TableKind; found: FoundSheet; score: number } | undefined;
    for (const kind of KIND_ORDER) {
      if (chosen.found[kind] || chosen.headerless[kind]) continue;
      for (const sheet of free()) {
        const { headerRow, score } = bestHeaderRow(kind, sheet, mapping);
        if (score > 0 && (!best || score > best.score)) best = { kind, found: { sheet, headerRow }, score };
      }
    }
    if (!best) return chosen;
    chosen.found[best.kind] = best.found;
    used.add(best.found.sheet);
  }
}

/** The problem of the sheet named for `kind` in which no row reads as a header; undefined when there is none. */
export function headerlessProblem(layout: Pick<BaseLayout, 'headerless' | 'language'>, kind: TableKind): Problem | undefined {
  const sheet = layout.headerless[kind];
  if (sheet === undefined) return undefined;
  const { language } = layout;
  const example = (lang: Language) => `«${fieldHeader(kind, KEY_FIELD[kind], lang)}», «${fieldHeader(kind, EXAMPLE_FIELD[kind], lang)}»`;
  return {
    sheet,
    row: 1,
    column: '',
    value: '',
    message: say(
      language,
      `На листе «${sheet}» не найдена строка заголовков: ни одна из первых ${HEADER_SEARCH_ROWS} строк не похожа на названия столбцов (например ${example('ru')}). Лист не прочитан и не изменён. Добавьте над данными строку заголовков.`,
      `No header row was found on the sheet "${sheet}": none of its first ${HEADER_SEARCH_ROWS} rows looks like column names (e.g. ${example('en')}). The sheet was not read and not changed. Add a row of headers above the data.`,
    ),
  };
}

/**
 * Where the services, clients and orders are. `mapping` (from the settings sheet) overrides header
 * synonyms; `language` overrides the detection from the workbook's texts.
 */
export function locateBase(snapshot: WorkbookSnapshot, mapping: HeaderMapping = {}, language?: Language): BaseLayout {
  const lang = language ?? workbookLanguage(snapshot);
  const problems: Problem[] = [];
  const { found, headerless } = chooseSheets(snapshot, mapping);
  const layout: BaseLayout = { language: lang, problems, headerless };
  for (const kind of KIND_ORDER) {
    const problem = headerlessProblem(layout, kind);
    if (problem) problems.push(problem);
  }
  const settingsSheet = snapshot.sheets.find((s) => sheetNameMatches('settings', s.name));
  if (settingsSheet) layout.settingsSheet = settingsSheet.name;
  if (found.services) layout.services = layoutSheet('services', found.services, mapping.services ?? {}, lang, problems);
  if (found.clients) layout.clients = layoutSheet('clients', found.clients, mapping.clients ?? {}, lang, problems);
  if (found.orders) layout.orders = layoutSheet('orders', found.orders, mapping.orders ?? {}, lang, problems);
  return layout;
}

/** The client columns the product manages, in the order it adds them at the right. */
export const MANAGED_CLIENT_FIELDS: readonly ClientField[] = [
  'id',
  'firstOrder',
  'lastOrder',
  'orders',
  'revenue',
  'daysSinceLastOrder',
  'abc',
  'rfm',
  'segment',
  'duplicateGroup',
  'status',
];

export interface ManagedColumn {
  field: ClientField;
  /** 1-based column. */
  column: number;
  /** The header: the user's own when the column exists, the canonical one when it is new. */
  header: string;
  isNew: boolean;
}

/**
 * Positions of the managed client columns: where they are when the sheet has them, else new columns
 * appended at the right of everything in use, in `MANAGED_CLIENT_FIELDS` order.
 */
export function managedColumns(
  layout: SheetLayout<ClientField> & { usedWidth?: number },
  language: Language,
): ManagedColumn[] {
  let next = Math.max(layout.usedWidth ?? 0, lastNonBlankIndex(layout.header) + 1) + 1;
  return MANAGED_CLIENT_FIELDS.map((field) => {
    const index = layout.columns[field];
    if (index !== undefined) return { field, column: index + 1, header: layout.header[index], isNew: false };
    return { field, column: next++, header: fieldHeader('clients', field, language), isNew: true };
  });
}
