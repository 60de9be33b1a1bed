/**
 * Where the whole-file writer puts a sheet's `<drawing>` and its relationship in the XML ExcelJS wrote:
 * the schema's place among the sheet's elements (a reader refuses a worksheet whose elements are out
 * of order), and a relationship id the sheet does not use yet.
 */
import { withDrawingElement, withDrawingRelationship } from '../../src/xlsx/chart-package';

const OPEN = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';
const DATA = '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>';
const MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
const DATA_BAR = '<conditionalFormatting sqref="A1:A9"><cfRule type="dataBar" priority="1"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar>' +
  '<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}"><x14:id>{1}</x14:id></ext></extLst></cfRule></conditionalFormatting>';
const SHEET_EXTENSIONS = '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"><x14:conditionalFormattings><extLst/></x14:conditionalFormattings></ext></extLst>';
const DRAWING = '<drawing r:id="rId3"/>';

describe('withDrawingElement', () => {
  it.each([
    ['at the end of a plain sheet', `${OPEN}${DATA}${MARGINS}`, '</worksheet>'],
    ['before the legacy drawing of comments', `${OPEN}${DATA}${MARGINS}`, '<legacyDrawing r:id="rId1"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts></worksheet>'],
    ['before the table parts', `${OPEN}${DATA}${MARGINS}`, '<tableParts count="1"><tablePart r:id="rId2"/></tableParts></worksheet>'],
    ['after a data bar rule\'s own extLst, before the sheet\'s', `${OPEN}${DATA}${DATA_BAR}${MARGINS}`, `${SHEET_EXTENSIONS}</worksheet>`],
    ['after a data bar rule\'s own extLst when the sheet has none', `${OPEN}${DATA}${DATA_BAR}${MARGINS}`, '</worksheet>'],
  ])('puts <drawing> %s', (_label, before, after) => {
    expect(withDrawingElement(before + after, 'rId3')).toBe(before + DRAWING + after);
  });
});

describe('withDrawingRelationship', () => {
  it('makes the sheet its relationships part when it had none', () => {
    const { xml, id } = withDrawingRelationship(undefined, '../drawings/drawing1.xml');
    expect(id).toBe('rId1');
    expect(xml).toContain('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>');
  });

  it('takes an id after the highest one the sheet uses, keeping its relationships', () => {
    const hyperlinks = '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://a.ru/?x=1&amp;y=2" TargetMode="External"/>' +
      '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://b.ru" TargetMode="External"/>';
    const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${hyperlinks}</Relationships>`;
    const { xml, id } = withDrawingRelationship(rels, '../drawings/drawing2.xml');
    expect(id).toBe('rId8');
    expect(xml).toContain(hyperlinks);
    expect(xml).toMatch(/Target="https:\/\/b\.ru" TargetMode="External"\/><Relationship Id="rId8" [^>]*Target="\.\.\/drawings\/drawing2\.xml"\/><\/Relationships>$/);
  });
});
