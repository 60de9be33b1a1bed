/**
 * Work on the .xlsx package (the zip) below ExcelJS, with jszip (ExcelJS's own zip library, a dependency
 * of exceljs; it runs in the browser too).
 */
import JSZip from 'jszip';

export function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

export function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1]) : undefined;
}

/** Sheet names by worksheet part path (`xl/worksheets/sheet1.xml`), from workbook.xml and its rels. */
export async function sheetNamesByPath(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const names = new Map<string, string>();
  for (const tag of workbook.match(/<sheet\b[^>]*>/g) ?? []) {
    const name = attribute(tag, 'name');
    const path = targets.get(attribute(tag, 'r:id') ?? '');
    if (name !== undefined && path) names.set(path, name);
  }
  return names;
}

export function isWorksheetPart(path: string): boolean {
  return /^xl\/worksheets\/[^/]+\.xml$/.test(path);
}

/**
 * Replaces each data validation's ranges (`sqref`) by a one-cell placeholder and returns the real ranges
 * by placeholder. ExcelJS's reader expands a validation into one entry per cell — a million for a
 * validation on a whole column, which takes seconds and hundreds of megabytes — and a single cell is
 * cheap; the real ranges are put back when the validations are converted (readSheetParts).
 */
export function placeValidationRanges(worksheetXml: string): { xml: string; ranges: Map<string, string> } {
  const ranges = new Map<string, string>();
  const xml = worksheetXml.replace(/(<dataValidation\b[^>]*?\ssqref=")([^"]*)"/g, (_, head: string, sqref: string) => {
    const placeholder = `XFD${1048576 - ranges.size}`;
    ranges.set(placeholder, sqref);
    return `${head}${placeholder}"`;
  });
  return { xml, ranges };
}

/**
 * The package with validation ranges replaced by placeholders in every sheet, and the real ranges by
 * sheet name, for ExcelJS's whole-file reader.
 */
export async function withValidationPlaceholders(data: Uint8Array | ArrayBuffer): Promise<{ data: Uint8Array; validationRanges: Map<string, Map<string, string>> }> {
  const zip = await JSZip.loadAsync(data);
  const names = await sheetNamesByPath(zip);
  const validationRanges = new Map<string, Map<string, string>>();
  for (const path of Object.keys(zip.files).filter(isWorksheetPart)) {
    const xml = await zip.file(path)!.async('string');
    if (!xml.includes('<dataValidation')) continue;
    const placed = placeValidationRanges(xml);
    const name = names.get(path);
    if (name !== undefined) validationRanges.set(name, placed.ranges);
    zip.file(path, placed.xml);
  }
  return { data: await zip.generateAsync({ type: 'uint8array', compression: 'STORE' }), validationRanges };
}
