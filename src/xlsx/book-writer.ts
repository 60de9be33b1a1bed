/**
 * The .xlsx writer for big workbooks: the package written as a stream (zip-writer.ts), one part after
 * another, each sheet's rows as XML of our own (row-xml.ts, sheet-writer.ts), the shared strings as a
 * stream (shared-strings-part.ts). The small parts — styles, workbook, content types, relationships,
 * document properties — are rendered by ExcelJS's renderers of those parts, as its streaming writer
 * rendered them; its writer itself (rows as objects, an object-keyed string table, a zip in JavaScript
 * streams) took most of the time of writing a big file and is not used.
 */
import type { Writable } from 'stream';
import type { MemorySheet, MemorySheets } from '../workbook/memory';
import type { CellValue } from '../workbook/snapshot';
import { chartsSheet, ListSheetBuilder } from './helpers';
import { sheetDrawings, withContentTypes } from './chart-package';
import { DRAWING_RELATIONSHIP, relationshipsXml } from './chart-parts';
import { sharedStringsXml } from './shared-strings-part';
import { checkExcelSheetNames } from './sheet-names';
import { SheetWriter, type SheetOptions } from './sheet-writer';
import { worksheetOptions, writeSheet, type Style } from './sheet-io';
import { valueType } from './row-xml';
import type { DefinedNames } from './workbook';
import { ZipWriter } from './zip-writer';

/* eslint-disable @typescript-eslint/no-require-imports -- ExcelJS's renderers of single parts, small modules */
interface PartXform {
  toXml(model: unknown): string;
  prepare?(model: unknown): void;
}
const lib = (path: string) => require(`exceljs/lib/${path}`) as unknown;
const xform = (path: string) => lib(`xlsx/xform/${path}`) as new () => PartXform;
/* eslint-enable @typescript-eslint/no-require-imports */

/** ExcelJS's style table: a style id per style object (cached by identity), and styles.xml. */
interface StyleTable {
  addStyleModel(style: Style, cellType: number): number;
  xml: string;
}

/** Text to shared-string index, in order of first use. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  readonly values: string[] = [];

  add(text: string): number {
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.values.length;
      this.index.set(text, i);
      this.values.push(text);
    }
    return i;
  }
}

interface WrittenSheet {
  id: number;
  name: string;
  state: string;
  rId?: string;
}

const RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Writes the workbook into `out` and ends it; a failed write leaves a broken file (the CLI writes atomically). */
export async function writeXlsxStream(sheets: MemorySheets, definedNames: DefinedNames, out: Writable): Promise<void> {
  checkExcelSheetNames(sheets.map((sheet) => sheet.name));
  const zip = new ZipWriter(out);
  const StylesXform = lib('xlsx/xform/style/styles-xform') as new (initialise: boolean) => StyleTable;
  const styles = new StylesXform(true);
  const strings = new SharedStrings();
  const tables = {
    styles,
    styleId: (style: Style, value: CellValue) => styles.addStyleModel(style, valueType(value)),
    sharedString: (text: string) => strings.add(text),
    sharedStringCount: () => strings.values.length,
  };
  await zip.add('xl/theme/theme1.xml', lib('xlsx/xml/theme1.js') as string);
  await zip.add('_rels/.rels', new (xform('core/relationships-xform'))().toXml([
    { Id: 'rId1', Type: `${RELATIONSHIP}/officeDocument`, Target: 'xl/workbook.xml' },
    { Id: 'rId2', Type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', Target: 'docProps/core.xml' },
    { Id: 'rId3', Type: `${RELATIONSHIP}/extended-properties`, Target: 'docProps/app.xml' },
  ]));

  const drawings = sheetDrawings(sheets);
  const drawingOf = new Map(drawings.map((d) => [d.sheet, d]));
  const written: WrittenSheet[] = [];
  const lists = new ListSheetBuilder();
  const writeOne = async (sheet: MemorySheet, options: SheetOptions) => {
    const id = written.length + 1;
    const drawing = drawingOf.get(sheet.name);
    const writer = new SheetWriter(await zip.open(`xl/worksheets/sheet${id}.xml`), options, tables, drawing ? 'rId1' : undefined);
    await writeSheet(writer, sheet, lists.place, writer.rows(), writer.pace);
    await writer.finish();
    if (drawing) await zip.add(`xl/worksheets/_rels/sheet${id}.xml.rels`, relationshipsXml([{ id: 'rId1', type: DRAWING_RELATIONSHIP, target: drawing.target }]));
    written.push({ id, name: sheet.name, state: options.state ?? 'visible' });
  };
  for (const sheet of sheets) await writeOne(sheet, worksheetOptions(sheet));
  for (const helper of [lists.sheet(), chartsSheet(sheets)]) {
    if (helper) await writeOne(helper, { state: 'veryHidden' });
  }
  const parts = drawings.flatMap((d) => d.parts);
  for (const part of parts) await zip.add(part.path, part.xml);

  const contentTypes = new (xform('core/content-types-xform'))().toXml({ worksheets: written, sharedStrings: { count: strings.values.length }, commentRefs: [], media: [] });
  await zip.add('[Content_Types].xml', withContentTypes(contentTypes, parts));
  await zip.add('docProps/app.xml', new (xform('core/app-xform'))().toXml({ worksheets: written }));
  const now = new Date();
  await zip.add('docProps/core.xml', new (xform('core/core-xform'))().toXml({ creator: 'ExcelJS', lastModifiedBy: 'ExcelJS', created: now, modified: now }));
  if (strings.values.length) await zip.add('xl/sharedStrings.xml', sharedStringsXml(strings.values));
  await zip.add('xl/styles.xml', styles.xml);

  const relationships = [
    { Id: 'rId1', Type: `${RELATIONSHIP}/styles`, Target: 'styles.xml' },
    { Id: 'rId2', Type: `${RELATIONSHIP}/theme`, Target: 'theme/theme1.xml' },
  ];
  if (strings.values.length) relationships.push({ Id: 'rId3', Type: `${RELATIONSHIP}/sharedStrings`, Target: 'sharedStrings.xml' });
  for (const sheet of written) {
    sheet.rId = `rId${relationships.length + 1}`;
    relationships.push({ Id: sheet.rId, Type: `${RELATIONSHIP}/worksheet`, Target: `worksheets/sheet${sheet.id}.xml` });
  }
  await zip.add('xl/_rels/workbook.xml.rels', new (xform('core/relationships-xform'))().toXml(relationships));

  // ExcelJS's model of the defined names writes each name's ranges in its own form, as before.
  const names = new (lib('doc/defined-names') as new () => { model: unknown })();
  names.model = definedNames;
  const book = { worksheets: written, definedNames: names.model, views: [], properties: {}, calcProperties: {} };
  const workbookXform = new (xform('book/workbook-xform'))();
  workbookXform.prepare?.(book);
  await zip.add('xl/workbook.xml', workbookXform.toXml(book));
  await zip.finish();
}
