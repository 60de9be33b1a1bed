/**
 * Columns an import adds at the right of a sheet for the fields the file has and the sheet lacks (a
 * manager column in a file whose Orders sheet has none, a phone for a client the import brings in), so
 * that nothing the file holds is dropped on the way. Only a header is written: the values come with the
 * import's own rows. Existing columns and cells are never touched.
 */
import type { Language } from '../model';
import type { WriteColumns } from '../../workbook/operations';
import { headerRowOf, type LocatedSheet } from '../layout';
import { fieldHeader, type FieldsOf, type TableKind } from '../schema';

export interface AddedColumn {
  sheet: string;
  header: string;
}

export class ColumnsAdded<K extends TableKind> {
  private readonly added: Array<{ field: FieldsOf[K]; index: number; header: string }> = [];

  /** `width`: the sheet's columns in use; new columns come right after them. */
  constructor(
    private readonly kind: K,
    private readonly layout: LocatedSheet<FieldsOf[K]>,
    private readonly width: number,
    private readonly language: Language,
  ) {}

  /** The field's column (0-based): the sheet's own, else one added for it. */
  indexOf(field: FieldsOf[K]): number {
    const own = this.layout.columns[field];
    if (own !== undefined) return own;
    const added = this.added.find((column) => column.field === field);
    if (added) return added.index;
    const index = this.width + this.added.length;
    this.added.push({ field, index, header: fieldHeader(this.kind, field, this.language) });
    return index;
  }

  /** Every field's column (0-based): the sheet's own and the added ones. */
  columns(): Partial<Record<FieldsOf[K], number>> {
    const columns: Partial<Record<FieldsOf[K], number>> = { ...this.layout.columns };
    for (const { field, index } of this.added) columns[field] = index;
    return columns;
  }

  /** Columns in use once the added ones are written. */
  get totalWidth(): number {
    return this.width + this.added.length;
  }

  /** The headers to write; null when nothing was added. */
  operation(): WriteColumns | null {
    if (this.added.length === 0) return null;
    const columns = this.added.map(({ index, header }) => ({ column: index + 1, header, values: [] }));
    return { kind: 'writeColumns', sheet: this.layout.sheet, ...headerRowOf(this.layout), columns };
  }

  /** What the report says was added. */
  report(): AddedColumn[] {
    return this.added.map(({ header }) => ({ sheet: this.layout.sheet, header }));
  }
}
