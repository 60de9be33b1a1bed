/**
 * The charts of chart-package.ts added by ExcelJS's streaming writer as it writes: the chart and drawing
 * parts go into its zip, each sheet with charts gets its drawing relationship and `<drawing>` element
 * when it is committed, and `[Content_Types].xml` names the added parts. Only the writer's own parts
 * are reached (exceljs/lib/stream/xlsx/workbook-writer.js and worksheet-writer.js); its output is
 * otherwise what it writes.
 */
import type * as ExcelJS from 'exceljs';
import type { MemorySheet } from '../workbook/memory';
import { DRAWING_RELATIONSHIP } from './chart-parts';
import { drawingElement, sheetDrawings, withContentTypes } from './chart-package';

interface StreamingZip {
  append(source: unknown, entry: { name: string }): void;
}

/** What the drawing of a streaming worksheet goes through. */
interface DrawingWorksheet {
  _sheetRelsWriter: { addRelationship(relationship: { Type: string; Target: string }): string };
  /** Writes the elements that come right after `<drawing>` (ECMA-376 order): the drawing goes first. */
  _writeLegacyData(): void;
  _write(xml: string): void;
}

/**
 * Prepares `book` to write the charts of `sheets`; the function returned must run on each worksheet
 * before its commit.
 */
export function streamCharts(book: ExcelJS.stream.xlsx.WorkbookWriter, sheets: readonly MemorySheet[]): (ws: ExcelJS.Worksheet) => void {
  const drawings = sheetDrawings(sheets);
  if (drawings.length === 0) return () => undefined;
  const parts = drawings.flatMap((d) => d.parts);
  const zip = (book as unknown as { zip: StreamingZip }).zip;
  const append = zip.append.bind(zip);
  zip.append = (source, entry) => append(entry.name === '[Content_Types].xml' && typeof source === 'string' ? withContentTypes(source, parts) : source, entry);
  for (const part of parts) append(part.xml, { name: part.path });
  const bySheet = new Map(drawings.map((d) => [d.sheet, d]));
  return (ws) => {
    const drawing = bySheet.get(ws.name);
    if (!drawing) return;
    const writer = ws as unknown as DrawingWorksheet;
    const writeLegacyData = writer._writeLegacyData.bind(writer);
    writer._writeLegacyData = () => {
      const id = writer._sheetRelsWriter.addRelationship({ Type: DRAWING_RELATIONSHIP, Target: drawing.target });
      writer._write(drawingElement(id));
      writeLegacyData();
    };
  };
}
