/**
 * The shared-strings part (xl/sharedStrings.xml) as chunks of text, for the streaming writer.
 *
 * ExcelJS builds this part as one string from a list of every tag and text, at the end of the file: for a
 * million distinct order numbers that took about a gigabyte for a moment, more than the whole workbook.
 * Here the zip takes the part a few thousand strings at a time. The XML is what ExcelJS writes: `<si><t>`
 * per string, `xml:space="preserve"` where spaces at either end or a line break must survive.
 */
/* eslint-disable-next-line @typescript-eslint/no-require-imports -- ExcelJS's own XML text escaping */
const { xmlEncode } = require('exceljs/lib/utils/utils') as { xmlEncode(text: string): string };

const STRINGS_PER_CHUNK = 4096;

/** A text as the `<t>` of a shared string or an inline one, its spaces kept where XML would drop them. */
export function textElement(text: string): string {
  const preserve = /^\s|\n|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<t${preserve}>${xmlEncode(text)}</t>`;
}

export function* sharedStringsXml(values: readonly string[]): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${values.length}" uniqueCount="${values.length}">`;
  for (let start = 0; start < values.length; start += STRINGS_PER_CHUNK) {
    let chunk = '';
    for (const text of values.slice(start, start + STRINGS_PER_CHUNK)) chunk += `<si>${textElement(text)}</si>`;
    yield chunk;
  }
  yield '</sst>';
}
