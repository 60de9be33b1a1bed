/**
 * Where the user's base is: the services, clients and orders sheets (by name, else by their headers),
 * the header row of each (found, not assumed: a title, a note or empty rows may come first), the
 * column of each field (the user's mapping, then header synonyms, then a header's words), and where the
 * product's managed client columns are or will be added.
 */
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { sheetBelowHeader } from '../workbook/snapshot';
import type { ClientField, Language, Problem, SheetLayout } from './model';
import { message } from './messages/message';
import { cellText } from './normalise/text';
import { fieldHeader, headerKey, sheetNameMatches, type FieldsOf, type HeaderMapping, type TableKind, workbookLanguage } from './schema';
import { fieldOfHeader, fieldOfHeaderPrefix } from './header-match';
import { chooseSheets, EXAMPLE_FIELD, HEADER_SEARCH_ROWS, KEY_FIELD, KIND_ORDER, type FoundSheet } from './header-rows';
import { dataExtent, lastNonBlankIndex, strayProblems, usedWidth } from './sheet-extent';

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

/** The columns of a sheet whose header is in row `found.headerRow`. */
function layoutSheet<K extends TableKind>(
  kind: K,
  found: FoundSheet,
  mapping: Partial<Record<FieldsOf[K], string | null>>,
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
        message: message('layout.mappedHeaderMissing', { field: { ru: fieldHeader(kind, field, 'ru'), en: fieldHeader(kind, field, 'en') }, header: wanted }),
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
      message: message('layout.repeatedHeader', { header: text, first: header[first], column: first + 1 }),
    });
  });

  header.forEach((text, index) => {
    if (taken.has(index) || !text) return;
    const field = fieldOfHeaderPrefix(kind, text);
    if (field !== undefined && columns[field] === undefined && !userSaid.has(field)) assign(field, index);
  });

  const { rowCount, stray } = dataExtent(sheet);
  problems.push(...strayProblems(sheet, sheet.name, headerRow, stray));
  return { sheet: sheet.name, columns, header, rowCount, usedWidth: usedWidth(sheet, rowCount), headerRow };
}

/** The problem of the sheet named for `kind` in which no row reads as a header; undefined when there is none. */
export function headerlessProblem(layout: Pick<BaseLayout, 'headerless' | 'language'>, kind: TableKind): Problem | undefined {
  const sheet = layout.headerless[kind];
  if (sheet === undefined) return undefined;
  const wording = (field: FieldsOf[typeof kind]) => ({ ru: fieldHeader(kind, field, 'ru'), en: fieldHeader(kind, field, 'en') });
  return {
    sheet,
    row: 1,
    column: '',
    value: '',
    message: message('sheet.noHeaderRow', { sheet, rows: HEADER_SEARCH_ROWS, key: wording(KEY_FIELD[kind]), example: wording(EXAMPLE_FIELD[kind]) }),
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
  if (found.services) layout.services = layoutSheet('services', found.services, mapping.services ?? {}, problems);
  if (found.clients) layout.clients = layoutSheet('clients', found.clients, mapping.clients ?? {}, problems);
  if (found.orders) layout.orders = layoutSheet('orders', found.orders, mapping.orders ?? {}, problems);
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
  'expectedOrder',
  'rhythm',
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
