/**
 * The fast sheet-data reader on XML as other writers lay it out: indented, with single-quoted attributes,
 * cells without references, shared formulas, and many cells of one date.
 */
import { parseSharedStrings, readSheetData, type CellStyleInfo } from '../../src/xlsx/sheet-data';
import { emptySheet, setGridCell, sheetSnapshot } from '../../src/workbook/memory';
import JSZip from 'jszip';
import { xlsxFromBuffer, xlsxToBuffer } from '../../src/xlsx/node';
import { XlsxWorkbook } from '../../src/xlsx/workbook';

const STYLES: CellStyleInfo[] = [{ isDate: false }, { isDate: true, numFmt: 'dd.mm.yyyy' }];

function read(xml: string) {
  const sheet = emptySheet('Лист');
  readSheetData(new TextEncoder().encode(xml), sheet, {
    sharedStrings: ['Клиент', 'ООО «Ромашка»'],
    style: (index) => STYLES[index] ?? { isDate: false },
    date1904: false,
    slideFormula: (formula, from, to) => `${formula} [${from}→${to}]`,
  });
  return sheet;
}

describe('the sheet-data reader', () => {
  it('reads indented XML, single-quoted attributes and cells without a reference', () => {
    const sheet = read(`<sheetData>
      <row r='1' spans='1:3'>
        <c r='A1' t='s'>
          <v>0</v>
        </c>
        <c t="s"><v>1</v></c>
        <c s="1">
          <f>DATE(2024,2,29)</f>
          <v>45351</v>
        </c>
      </row>
      <row hidden="1"><c r="B2" t="b"><v>1</v></c><c t="inlineStr"><is><t>текст &amp; ещё</t></is></c></row>
    </sheetData>`);
    expect(sheet.values[0]).toEqual(['Клиент', 'ООО «Ромашка»', new Date(Date.UTC(2024, 1, 29))]);
    expect(sheet.values[1]).toEqual([undefined, true, 'текст & ещё']);
    expect(sheet.formulas[0]?.[2]).toBe('DATE(2024,2,29)');
    expect(sheet.formats[0]?.[2]).toBe('dd.mm.yyyy');
    expect([...sheet.hiddenRows]).toEqual([2]);
  });

  it('gives a shared formula’s followers the master’s formula, slid to their cell', () => {
    const sheet = read('<sheetData><row r="1"><c r="A1"><f t="shared" ref="A1:A2" si="0">B1*2</f><v>2</v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/><v>4</v></c></row></sheetData>');
    expect(sheet.formulas.map((row) => row?.[0])).toEqual(['B1*2', 'B1*2 [A1→A2]']);
    expect(sheet.values.map((row) => row?.[0])).toEqual([2, 4]);
  });

  it('takes an empty value as no value, and a cell with no value as empty', () => {
    const sheet = read('<sheetData><row r="1"><c r="A1"><f>1/0</f><v></v></c><c r="B1" s="1"/><c r="C1" t="str"><v>x</v></c></row></sheetData>');
    expect(sheet.values[0]).toEqual([undefined, undefined, 'x']);
    expect(sheet.formats[0]?.[1]).toBe('dd.mm.yyyy');
  });

  it('reads the cells of one date as equal dates, and a snapshot’s copy changed leaves the sheet as it was', () => {
    const rows = Array.from({ length: 3 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" s="1"><v>45351</v></c></row>`).join('');
    const sheet = read(`<sheetData>${rows}</sheetData>`);
    const dates = sheetSnapshot(sheet);
    const all = [dates.header[0], ...dates.rows.map((row) => row[0])] as Date[];
    expect(all.map((date) => date.toISOString())).toEqual(Array(3).fill('2024-02-29T00:00:00.000Z'));
    all[1].setUTCFullYear(1999);
    expect(sheetSnapshot(sheet).rows.map((row) => (row[0] as Date).toISOString())).toEqual(Array(2).fill('2024-02-29T00:00:00.000Z'));
  });
  it('shares one frozen row of formats among rows formatted alike, and a format written later changes its own row only', () => {
    const rows = [1, 2, 3, 4].map((r) => `<row r="${r}"><c r="A${r}" t="s"><v>0</v></c><c r="B${r}" s="${r === 3 ? 0 : 1}"><v>45351</v></c></row>`).join('');
    const sheet = read(`<sheetData>${rows}</sheetData>`);
    expect(sheet.formats.map((row) => row?.[1])).toEqual(['dd.mm.yyyy', 'dd.mm.yyyy', undefined, 'dd.mm.yyyy']);
    expect(sheet.formats[1]).toBe(sheet.formats[0]);
    expect(Object.isFrozen(sheet.formats[0])).toBe(true);
    setGridCell(sheet.formats, 2, 2, '0.00');
    expect(sheet.formats.map((row) => row?.[1])).toEqual(['dd.mm.yyyy', '0.00', undefined, 'dd.mm.yyyy']);
    // The values are rows of their own, each as long as its last cell.
    expect(sheet.values[0]).not.toBe(sheet.values[1]);
    expect(sheet.values.map((row) => row.length)).toEqual([2, 2, 2, 2]);
  });

  it('reads every number as Number reads its text: signs, fractions, exponents, long digits', () => {
    const written = ['-2025', '16050.5', '0.1', '.5', '1.', '007', '1E-3', '2.5e+3', '123456789012345678', '0.30000000000000004', '-0.0000001234', '1.7976931348623157e308'];
    const cells = written.map((v, k) => `<c r="${String.fromCharCode(65 + k)}1"><v>${v}</v></c>`).join('');
    expect(read(`<sheetData><row r="1">${cells}</row></sheetData>`).values[0]).toEqual(written.map(Number));
  });

  it('reads ten thousand decimals of up to 15 digits exactly as Number does', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const written = Array.from({ length: 10_000 }, () => {
      const digits = String(Math.floor(random() * 10 ** (1 + Math.floor(random() * 15))));
      const point = Math.floor(random() * (digits.length + 1));
      return `${random() < 0.3 ? '-' : ''}${digits.slice(0, point)}.${digits.slice(point)}`;
    });
    const rows = written.map((v, k) => `<row r="${k + 1}"><c r="A${k + 1}"><v>${v}</v></c></row>`).join('');
    expect(read(`<sheetData>${rows}</sheetData>`).values.map((row) => row[0])).toEqual(written.map(Number));
  });

  it('reads texts in any script, escaped or not, in values and in inline strings', () => {
    const sheet = read(
      '<sheetData><row r="1" hidden="true"><c r="A1" t="str"><v>Ёлка — «ёж» ✓</v></c><c r="B1" t="inlineStr"><is><t>З-067561</t></is></c>' +
        '<c r="C1" t="inlineStr"><is><t>a_x000D_b &amp; c</t></is></c><c r="D1" t="inlineStr"><is><r><t>ООО </t></r><r><t>«Ромашка»</t></r></is></c>' +
        '<c r="E1" t="e"><v>#N/A</v></c><c r="F1" t="b"><v>true</v></c><c r="G1" t="b"><v>0</v></c></row>' +
        '<row r="2" hidden="0"><c r="A2" t="inlineStr"><is><t xml:space="preserve"> с пробелами </t></is></c></row></sheetData>',
    );
    expect(sheet.values[0]).toEqual(['Ёлка — «ёж» ✓', 'З-067561', 'a\rb & c', 'ООО «Ромашка»', '#N/A', true, false]);
    expect(sheet.values[1]).toEqual([' с пробелами ']);
    expect([...sheet.hiddenRows]).toEqual([1]);
  });

  it('adds the cells of a row number written twice to the row read first', () => {
    const sheet = read('<sheetData><row r="1"><c r="A1" s="1"><v>45351</v></c></row><row r="1"><c r="C1" s="1" t="s"><v>1</v></c></row></sheetData>');
    expect(sheet.values[0]).toEqual([new Date(Date.UTC(2024, 1, 29)), undefined, 'ООО «Ромашка»']);
    expect(sheet.formats[0]).toEqual(['dd.mm.yyyy', undefined, 'dd.mm.yyyy']);
  });
});

describe('the shared strings', () => {
  it('reads plain, spaced, rich, escaped and empty items, in order', () => {
    const xml =
      '<sst count="8" uniqueCount="8"><si><t>Клиент</t></si><si><t xml:space="preserve">  с пробелами </t></si>' +
      '<si><r><t>ООО </t></r><r><rPr><b/></rPr><t>«Ромашка»</t></r></si><si><t>a &lt; b &amp; c</t></si>' +
      '<si/><si><t>строка_x000D_</t></si><si><t>Иванов</t><rPh sb="0" eb="1"><t>イ</t></rPh></si><si><t></t></si></sst>';
    expect(parseSharedStrings(xml)).toEqual(['Клиент', '  с пробелами ', 'ООО «Ромашка»', 'a < b & c', '', 'строка\r', 'Иванов', '']);
  });
});

describe('a sheet’s cells cut out of its part', () => {
  /** A two-sheet workbook whose second sheet's part is changed by `edit`. */
  async function withSecondSheet(edit: (xml: string) => string): Promise<Uint8Array> {
    const book = XlsxWorkbook.fromSnapshot({ sheets: [{ name: 'Клиенты', header: ['Клиент'], rows: [['Иванов']] }, { name: 'Пустой', header: ['Сумма'], rows: [[5]] }] });
    const zip = await JSZip.loadAsync(await xlsxToBuffer(book));
    const path = 'xl/worksheets/sheet2.xml';
    zip.file(path, edit(await zip.file(path)!.async('string')));
    return zip.generateAsync({ type: 'uint8array' });
  }

  it('reads a sheet whose cells are `<sheetData/>` as a sheet without cells, and the other sheets whole', async () => {
    const book = await xlsxFromBuffer(await withSecondSheet((xml) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData />')));
    const { sheets } = await book.read();
    expect(sheets.map((sheet) => [sheet.name, sheet.header, sheet.rows])).toEqual([
      ['Клиенты', ['Клиент'], [['Иванов']]],
      ['Пустой', [], []],
    ]);
  });

  it('refuses a part whose `<sheetData>` is never closed as damaged, rather than read it short', async () => {
    const bytes = await withSecondSheet((xml) => xml.replace('</sheetData>', ''));
    await expect(xlsxFromBuffer(bytes)).rejects.toThrow(/повреждена.*sheetData/s);
  });
});
