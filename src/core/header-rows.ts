/**
 * Which sheet holds which table, and the row its header is in: sheets by name first, then by the row
 * that reads best as a header among the first rows (a title, a note or empty rows may come first).
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../workbook/snapshot';
import { cellText } from './normalise/text';
import { headerKey, sheetKindOfName, sheetNameMatches, type FieldsOf, type HeaderMapping, type TableKind } from './schema';
import { fieldOfHeader, fieldOfHeaderPrefix } from './header-match';
import { dataExtent, rowIsBlank } from './sheet-extent';

/** The field that must be there for a row to be taken as a kind's header by its headers alone. */
export const KEY_FIELD: { [K in TableKind]: FieldsOf[K] } = { clients: 'name', services: 'name', orders: 'date' };
/** A second field to name, with the key field, when telling the user what a header looks like. */
export const EXAMPLE_FIELD: { [K in TableKind]: FieldsOf[K] } = { clients: 'phone', services: 'price', orders: 'amount' };
/** When a sheet's headers fit two kinds equally well, the earlier kind wins. */
export const KIND_ORDER: TableKind[] = ['clients', 'orders', 'services'];
/** Rows searched for the header: a title, a note and a few empty rows come above it, not pages of them. */
export const HEADER_SEARCH_ROWS = 15;

/** A sheet and the spreadsheet row (1-based) its header is in. */
export interface FoundSheet {
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

export interface ChosenSheets {
  found: Partial<Record<TableKind, FoundSheet>>;
  headerless: Partial<Record<TableKind, string>>;
}

/**
 * Sheets by name first; for kinds still missing, the unnamed sheet with the row that reads best as a
 * header. A kind whose named sheet has no header row gets no other sheet: the user meant that one.
 */
export function chooseSheets(snapshot: WorkbookSnapshot, mapping: HeaderMapping): ChosenSheets {
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
