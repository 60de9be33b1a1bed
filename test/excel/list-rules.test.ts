/**
 * List validation in Office.js: an inline `source` is one comma-separated string that Excel reads as a
 * formula when it starts with `=`, and splits at every comma. A user's value that would be either goes to
 * the helper sheet, written as literal text, and the rule points there.
 */
import { inlineListSource, LISTS_SHEET } from '../../addin/gateway/lists';
import { OfficeWorkbook } from '../../addin/gateway/office-workbook';
import { validationRule } from '../../addin/gateway/rules';
import { FakeExcel } from '../fakes/excel';
import { fakeSheetState } from '../fakes/excel/state';

const noHelper = () => {
  throw new Error('an inline list needs no helper sheet');
};

describe('inline list sources', () => {
  it('keeps signs and digits inline: only a leading = makes a source a formula', () => {
    const values = ['+7 912 000-00-00', '-Москва', '@home', '007'];
    const source = inlineListSource(values);
    expect(source).toBe('+7 912 000-00-00,-Москва,@home,007');
    expect(validationRule({ type: 'list', values }, () => source ?? noHelper())).toEqual({ list: { inCellDropDown: true, source } });
  });

  it.each([
    ['a formula', ['Москва', '=IMPORTXML("http://x","//a")']],
    ['a value starting with =', ['=1']],
    ['a comma inside a value', ['Москва, центр', 'Казань']],
    ['a quote', ['ООО "Ромашка"']],
    ['spaces around a value', [' Москва']],
    ['an empty value', ['', 'Москва']],
  ])('sends a list with %s to the helper sheet', (_label, values) => {
    expect(inlineListSource(values)).toBeNull();
  });
});

describe('lists on the helper sheet', () => {
  it('writes each value as text in its own cell and points the rule there', async () => {
    const values = ['=IMPORTXML("http://x","//a")', 'Москва, центр', '+7 912 000-00-00', '-Москва', '@home'];
    const fake = new FakeExcel({ sheets: [{ name: 'Клиенты', header: ['Клиент', 'Город'], rows: [['А', 'Москва']] }] });
    await new OfficeWorkbook({ run: fake.run }).apply([{ kind: 'setValidation', sheet: 'Клиенты', column: 2, fromRow: 2, toRow: 50, rule: { type: 'list', values }, strict: true }]);
    const source = String(fake.sheet('Клиенты').validations[0].rule.list?.source);
    expect(source).toBe(`='${LISTS_SHEET}'!$A$2:$A$6`);
    const helper = fakeSheetState(fake.sheet(LISTS_SHEET), fake.sheets);
    expect(helper.values.slice(1).map((r) => r[0])).toEqual(values);
    expect(helper.formulaCells).toEqual([]);
  });
});
