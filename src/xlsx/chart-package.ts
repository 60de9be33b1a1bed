/**
 * Native charts in the .xlsx we write. ExcelJS writes no charts, so the parts are added to its package:
 * per sheet with charts one drawing (`xl/drawings/drawingN.xml` and its rels), one chart part per chart
 * (`xl/charts/chartN.xml`), the sheet's `<drawing r:id>` and its relationship, and the content types.
 * The whole-file writer's zip is edited here (jszip, which runs in the browser too); the streaming writer
 * adds the same parts as it writes (book-writer.ts).
 *
 * The charts are drawn from the specs the model holds, which the hidden CHARTS_SHEET carries from file
 * to file: ExcelJS reads no charts back, so a file read and written again gets each chart once, drawn
 * anew from the cells as they are then, and no part of the old drawing is left behind.
 */
import JSZip from 'jszip';
import type { ChartSpec, ColumnRange } from '../workbook/operations';
import type { MemorySheet } from '../workbook/memory';
import type { CellValue } from '../workbook/snapshot';
import { cellText } from '../workbook/memory';
import { absoluteColumnRef } from './convert';
import {
  CHART_CONTENT_TYPE, chartXml, DRAWING_CONTENT_TYPE, DRAWING_RELATIONSHIP, drawingRelationshipsXml, drawingXml,
  relationshipsXml, type ChartData, type ChartSeriesData,
} from './chart-parts';
import { attribute, sheetNamesByPath } from './package';

/** A part added to the package; `contentType` for the parts `[Content_Types].xml` must name. */
export interface PackagePart {
  path: string;
  xml: string;
  contentType?: string;
}

/** The drawing of one sheet: the target its sheet's relationship names, and the parts it brings. */
export interface SheetDrawing {
  sheet: string;
  /** Relative to the worksheet part: `../drawings/drawing1.xml`. */
  target: string;
  parts: PackagePart[];
}

function columnCells(sheets: ReadonlyMap<string, MemorySheet>, range: ColumnRange, sheet: string): { ref: string; cells: (CellValue | undefined)[]; format: string | undefined } {
  const name = range.sheet ?? sheet;
  const source = sheets.get(name);
  const cells: (CellValue | undefined)[] = [];
  for (let row = range.fromRow; row <= range.toRow; row++) cells.push(source?.values[row - 1]?.[range.column - 1]);
  return { ref: absoluteColumnRef(name, range.column, range.fromRow, range.toRow), cells, format: source?.formats[range.fromRow - 1]?.[range.column - 1] };
}

/** A spec with its ranges resolved against the sheets as they are written. */
export function chartData(spec: ChartSpec, sheet: string, sheets: ReadonlyMap<string, MemorySheet>): ChartData {
  const categories = columnCells(sheets, spec.categories, sheet);
  const series = spec.series.map((s): ChartSeriesData => {
    const values = columnCells(sheets, s.values, sheet);
    return {
      name: s.name,
      values: { ref: values.ref, cache: values.cells.map((v) => (typeof v === 'number' && Number.isFinite(v) ? v : null)) },
      formatCode: values.format ?? 'General',
      asLine: s.asLine === true,
      secondaryAxis: s.secondaryAxis === true,
    };
  });
  return {
    type: spec.type,
    title: spec.title,
    categories: { ref: categories.ref, cache: categories.cells.map(cellText) },
    series,
  };
}

/**
 * The drawings of every sheet with charts; drawings and charts are numbered from `first` on, so they
 * take names the package does not use yet. A chart without series is not drawn.
 */
export function sheetDrawings(sheets: readonly MemorySheet[], first = { drawing: 1, chart: 1 }): SheetDrawing[] {
  const byName = new Map(sheets.map((s) => [s.name, s]));
  const drawings: SheetDrawing[] = [];
  let chartNumber = first.chart;
  for (const sheet of sheets) {
    const specs = sheet.charts.filter((spec) => spec.series.length > 0);
    if (specs.length === 0) continue;
    const drawing = `drawing${first.drawing + drawings.length}.xml`;
    const parts: PackagePart[] = [];
    const placed = specs.map((spec, i) => {
      const target = `chart${chartNumber++}.xml`;
      parts.push({ path: `xl/charts/${target}`, xml: chartXml(chartData(spec, sheet.name, byName)), contentType: CHART_CONTENT_TYPE });
      return { spec, relationshipId: `rId${i + 1}`, target: `../charts/${target}` };
    });
    parts.push({ path: `xl/drawings/${drawing}`, xml: drawingXml(placed), contentType: DRAWING_CONTENT_TYPE });
    parts.push({ path: `xl/drawings/_rels/${drawing}.rels`, xml: drawingRelationshipsXml(placed.map((p) => ({ id: p.relationshipId, target: p.target }))) });
    drawings.push({ sheet: sheet.name, target: `../drawings/${drawing}`, parts });
  }
  return drawings;
}

/** `[Content_Types].xml` naming the added parts too. */
export function withContentTypes(xml: string, parts: readonly PackagePart[]): string {
  const overrides = parts
    .filter((p) => p.contentType)
    .map((p) => `<Override PartName="/${p.path}" ContentType="${p.contentType}"/>`)
    .join('');
  return xml.replace('</Types>', `${overrides}</Types>`);
}

/** The element `<drawing>` of a worksheet, pointing at its relationship. */
export function drawingElement(relationshipId: string): string {
  return `<drawing r:id="${relationshipId}"/>`;
}

/**
 * The worksheet elements that follow `<drawing>` (ECMA-376 CT_Worksheet order), but the worksheet's own
 * `<extLst>`: an `<extLst>` also sits inside rules (a data bar's `<cfRule>`), before the drawing's place.
 */
const AFTER_DRAWING = /<(?:legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts)\b|<\/worksheet>/;

/** Where the worksheet's own `<extLst>` (its last element, when there) starts; -1 when there is none. */
function worksheetExtensionsStart(xml: string, end: number): number {
  if (!/<\/extLst>\s*$/.test(xml.slice(0, end))) return -1;
  const tags = [...xml.slice(0, end).matchAll(/<(\/?)extLst\b[^>]*>/g)].filter((tag) => !tag[0].endsWith('/>'));
  let depth = 0;
  for (let i = tags.length - 1; i >= 0; i--) {
    depth += tags[i][1] ? 1 : -1;
    if (depth === 0) return tags[i].index!;
  }
  return -1;
}

/** The worksheet with its `<drawing>` in the place the schema gives it. */
export function withDrawingElement(worksheetXml: string, relationshipId: string): string {
  const at = AFTER_DRAWING.exec(worksheetXml);
  if (!at) throw new Error('worksheet part without </worksheet>');
  const extensions = at[0] === '</worksheet>' ? worksheetExtensionsStart(worksheetXml, at.index) : -1;
  const index = extensions >= 0 ? extensions : at.index;
  return worksheetXml.slice(0, index) + drawingElement(relationshipId) + worksheetXml.slice(index);
}

/** The worksheet's relationships with one to its drawing added, and that relationship's id. */
export function withDrawingRelationship(relsXml: string | undefined, target: string): { xml: string; id: string } {
  const tags = relsXml?.match(/<Relationship\b[^>]*>/g) ?? [];
  const taken = tags.map((tag) => /^rId(\d+)$/.exec(attribute(tag, 'Id') ?? '')).map((m) => (m ? Number(m[1]) : 0));
  const id = `rId${Math.max(0, ...taken) + 1}`;
  if (!relsXml) return { xml: relationshipsXml([{ id, type: DRAWING_RELATIONSHIP, target }]), id };
  const relationship = `<Relationship Id="${id}" Type="${DRAWING_RELATIONSHIP}" Target="${target}"/>`;
  return { xml: relsXml.replace('</Relationships>', `${relationship}</Relationships>`), id };
}

function highestNumber(paths: string[], pattern: RegExp): number {
  return Math.max(0, ...paths.map((p) => pattern.exec(p)).map((m) => (m ? Number(m[1]) : 0)));
}

/** The package ExcelJS wrote (`data`) with the sheets' charts drawn; unchanged when there are none. */
export async function withCharts(data: Uint8Array, sheets: readonly MemorySheet[]): Promise<Uint8Array> {
  if (!sheets.some((s) => s.charts.length > 0)) return data;
  const zip = await JSZip.loadAsync(data);
  const paths = Object.keys(zip.files);
  const drawings = sheetDrawings(sheets, {
    drawing: highestNumber(paths, /^xl\/drawings\/drawing(\d+)\.xml$/) + 1,
    chart: highestNumber(paths, /^xl\/charts\/chart(\d+)\.xml$/) + 1,
  });
  if (drawings.length === 0) return data;
  const pathOf = new Map([...(await sheetNamesByPath(zip))].map(([path, name]) => [name, path]));
  for (const drawing of drawings) {
    const sheetPath = pathOf.get(drawing.sheet);
    if (!sheetPath) throw new Error(`no worksheet part for sheet «${drawing.sheet}»`);
    const relsPath = sheetPath.replace(/([^/]+)$/, '_rels/$1.rels');
    const rels = withDrawingRelationship(await zip.file(relsPath)?.async('string'), drawing.target);
    zip.file(relsPath, rels.xml);
    zip.file(sheetPath, withDrawingElement(await zip.file(sheetPath)!.async('string'), rels.id));
    for (const part of drawing.parts) zip.file(part.path, part.xml);
  }
  const contentTypes = await zip.file('[Content_Types].xml')!.async('string');
  zip.file('[Content_Types].xml', withContentTypes(contentTypes, drawings.flatMap((d) => d.parts)));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
