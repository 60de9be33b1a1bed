/**
 * One worksheet part written as a stream (book-writer.ts): the rows go out as `writeSheet` (sheet-io.ts)
 * gives them, as XML of our own (row-xml.ts); the elements around them are collected first and rendered
 * by ExcelJS's own renderers of those elements, in the order and form its streaming writer gave them, so
 * a file reads back as before: frozen rows, tab colour, column widths and hidden columns before the rows,
 * then the autofilter, merges, conditional formats, validations, page set-up and the charts' drawing.
 */
import type * as ExcelJS from 'exceljs';
import { drawingElement } from './chart-package';
import type { Pace, RowSink, SheetTarget } from './sheet-io';
import { xmlRows, type RowTables } from './row-xml';
import type { ZipPart } from './zip-writer';

/* eslint-disable @typescript-eslint/no-require-imports -- ExcelJS's renderers of single elements, small modules */
interface ElementXform {
  toXml(model: unknown): string;
  prepare?(model: unknown, options: unknown): void;
}
type XformClass = new (options?: unknown) => ElementXform;
const xform = (path: string) => require(`exceljs/lib/xlsx/xform/${path}`) as XformClass;
const ListXform = xform('list-xform');
const SheetViewXform = xform('sheet/sheet-view-xform');
const SheetPropertiesXform = xform('sheet/sheet-properties-xform');
const SheetFormatPropertiesXform = xform('sheet/sheet-format-properties-xform');
const AutoFilterXform = xform('sheet/auto-filter-xform');
const ConditionalFormattingsXform = xform('sheet/cf/conditional-formattings-xform');
const DataValidationsXform = xform('sheet/data-validations-xform');
/* eslint-enable @typescript-eslint/no-require-imports */

const WORKSHEET_START =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"' +
  ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"' +
  ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac"' +
  ' xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">';
/** ExcelJS's default page set-up, as its streaming writer put it on every sheet. */
const PAGE_SETUP =
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
  '<pageSetup orientation="portrait" horizontalDpi="4294967295" verticalDpi="4294967295" scale="100" fitToWidth="1" fitToHeight="1"/>';
/** ExcelJS's default column width: given to a column that is only hidden. */
const DEFAULT_COLUMN_WIDTH = 9;

interface ColumnParts {
  width?: number;
  hidden: boolean;
}

/** The `<cols>` element: runs of neighbouring columns alike in width and visibility share one `<col>`. */
function columnsXml(columns: Map<number, ColumnParts>): string {
  // A visible column of the default width is left out, as ExcelJS leaves it out.
  const used = [...columns].filter(([, c]) => (c.width !== undefined && c.width !== DEFAULT_COLUMN_WIDTH) || c.hidden).sort((a, b) => a[0] - b[0]);
  if (used.length === 0) return '';
  const runs: Array<{ min: number; max: number; width: number; hidden: boolean }> = [];
  for (const [column, c] of used) {
    const width = c.width ?? DEFAULT_COLUMN_WIDTH;
    const last = runs[runs.length - 1];
    if (last && last.max === column - 1 && last.width === width && last.hidden === c.hidden) last.max = column;
    else runs.push({ min: column, max: column, width, hidden: c.hidden });
  }
  const cols = runs.map((r) => `<col min="${r.min}" max="${r.max}" width="${r.width}"${r.hidden ? ' hidden="1"' : ''} customWidth="1"/>`);
  return `<cols>${cols.join('')}</cols>`;
}

/** The options a sheet is started with: those of sheet-io.ts's `worksheetOptions`. */
export type SheetOptions = Partial<ExcelJS.AddWorksheetOptions>;

export class SheetWriter implements SheetTarget {
  private readonly columns = new Map<number, ColumnParts>();
  private readonly merges: string[] = [];
  private readonly conditionalFormats: ExcelJS.ConditionalFormattingOptions[] = [];
  readonly dataValidations = {
    model: {} as Record<string, ExcelJS.DataValidation>,
    add(address: string, validation: ExcelJS.DataValidation): void {
      this.model[address] = validation;
    },
  };
  autoFilter?: ExcelJS.AutoFilter;
  private started = false;

  constructor(
    private readonly part: ZipPart,
    private readonly options: SheetOptions,
    private readonly tables: RowTables & { styles: unknown },
    /** The relationship id of the sheet's drawing of charts, if it has one. */
    private readonly drawingId?: string,
  ) {}

  getColumn(column: number): ColumnParts {
    let parts = this.columns.get(column);
    if (!parts) this.columns.set(column, (parts = { hidden: false }));
    return parts;
  }

  addConditionalFormatting(cf: ExcelJS.ConditionalFormattingOptions): void {
    this.conditionalFormats.push(cf);
  }

  /** The sink `writeSheet` writes the rows into. */
  rows(): RowSink {
    return xmlRows(this.tables, (xml) => this.writeRow(xml), this.merges);
  }

  private start(): string {
    if (this.started) return '';
    this.started = true;
    const sheetProperties = new SheetPropertiesXform().toXml({ tabColor: this.options.properties?.tabColor });
    const views = new ListXform({ tag: 'sheetViews', length: false, childXform: new SheetViewXform() }).toXml(this.options.views ?? []);
    const format = new SheetFormatPropertiesXform().toXml({ defaultRowHeight: 15, dyDescent: 55, outlineLevelCol: 0, outlineLevelRow: 0 });
    return `${WORKSHEET_START}${sheetProperties}${views}${format}${columnsXml(this.columns)}<sheetData>`;
  }

  private writeRow(xml: string): void {
    if (!this.started) this.part.append(this.start());
    this.part.append(xml);
  }

  /** Hands the rows written so far to the zip, waiting while it is behind. */
  readonly pace: Pace = () => this.part.flush();

  /** The rest of the sheet after its rows; the part is closed. */
  async finish(): Promise<void> {
    await this.pace();
    let tail = `${this.start()}</sheetData>`;
    if (this.autoFilter) tail += new AutoFilterXform().toXml(this.autoFilter);
    if (this.merges.length) tail += `<mergeCells count="${this.merges.length}">${this.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
    const conditional = new ConditionalFormattingsXform();
    conditional.prepare?.(this.conditionalFormats, { styles: this.tables.styles });
    tail += conditional.toXml(this.conditionalFormats);
    tail += new DataValidationsXform().toXml(this.dataValidations.model);
    tail += PAGE_SETUP;
    if (this.drawingId) tail += drawingElement(this.drawingId);
    await this.part.write(`${tail}</worksheet>`);
    await this.part.close();
  }
}

