/**
 * Cell styles as ExcelJS gives them, without ExcelJS's internal modules (which its browser bundle does not
 * expose): the fast reader leaves each sheet's cell data out of the package ExcelJS loads, so the package
 * gets one more, hidden worksheet instead, whose row i holds one cell of style index i - 1 with the value 1.
 * After the load, that cell's style is the style model ExcelJS gives every cell of that index, and whether
 * its value came back as a date says whether the index's number format is a date format.
 */
import type * as ExcelJS from 'exceljs';
import type JSZip from 'jszip';
import type { CellStyleInfo } from './sheet-data';
import { StyleSplitter } from './sheet-io';

/** The probe sheet's name, beside the product's own helper sheets' (`_crm_lists`, `_crm_charts`). */
const PROBE_SHEET = '_crm_style_probe';
const PROBE_RELATIONSHIP = 'rIdCrmStyleProbe';
const WORKSHEET_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const WORKSHEET_CONTENT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/** How many cell formats (`<xf>` of `<cellXfs>`) styles.xml defines. */
function cellFormatCount(stylesXml: string): number {
  const section = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  return (section.match(/<xf\b/g) ?? []).length;
}

/** A worksheet part name ExcelJS reads (it reads only `xl/worksheets/sheetN.xml`) that the package does not use. */
function freeWorksheetPath(zip: JSZip): string {
  let n = 1;
  while (zip.file(`xl/worksheets/sheet${n}.xml`)) n++;
  return `xl/worksheets/sheet${n}.xml`;
}

/** Adds the probe sheet to `zip` (a package whose sheets are being emptied for ExcelJS). */
export async function addStyleProbe(zip: JSZip, stylesXml: string): Promise<void> {
  const count = cellFormatCount(stylesXml);
  if (count === 0) return;
  const path = freeWorksheetPath(zip);
  const rows: string[] = [];
  for (let i = 0; i < count; i++) rows.push(`<row r="${i + 1}"><c r="A${i + 1}" s="${i}"><v>1</v></c></row>`);
  zip.file(path, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`);
  const edit = async (part: string, change: (xml: string) => string) => zip.file(part, change((await zip.file(part)?.async('string')) ?? ''));
  await edit('xl/workbook.xml', (xml) => {
    const ids = [...xml.matchAll(/<sheet\b[^>]*\ssheetId="(\d+)"/g)].map((m) => Number(m[1]));
    const sheet = `<sheet name="${PROBE_SHEET}" sheetId="${Math.max(0, ...ids) + 1}" state="hidden" r:id="${PROBE_RELATIONSHIP}"/>`;
    return xml.replace(/<\/sheets>/, `${sheet}</sheets>`);
  });
  await edit('xl/_rels/workbook.xml.rels', (xml) =>
    xml.replace(/<\/Relationships>/, `<Relationship Id="${PROBE_RELATIONSHIP}" Type="${WORKSHEET_TYPE}" Target="${path.slice('xl/'.length)}"/></Relationships>`),
  );
  await edit('[Content_Types].xml', (xml) => xml.replace(/<\/Types>/, `<Override PartName="/${path}" ContentType="${WORKSHEET_CONTENT}"/></Types>`));
}

/**
 * Takes the probe sheet out of the loaded workbook and returns the style information by style index
 * (an index the probe did not cover reads as unstyled).
 */
export function takeStyleProbe(book: ExcelJS.Workbook): (index: number) => CellStyleInfo {
  const probe = book.getWorksheet(PROBE_SHEET);
  if (!probe) return () => ({ isDate: false });
  const splitter = new StyleSplitter();
  const styles: CellStyleInfo[] = [];
  probe.eachRow((row, number) => {
    const cell = row.getCell(1);
    styles[number - 1] = { ...splitter.split(cell.style), isDate: cell.value instanceof Date };
  });
  book.removeWorksheet(probe.id);
  return (index) => styles[index] ?? { isDate: false };
}
