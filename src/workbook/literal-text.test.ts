import { literalCellInput, needsQuotePrefix } from './literal-text';

describe('the literal-text rule every gateway writes user strings by', () => {
  it('marks the strings Excel or Google Sheets could read as a formula, an error, a number, a date or a boolean', () => {
    const reinterpreted = ['=1', ' =1+1', ' +7', '+7 912 345-67-89', '-', '-5', '@x', '#N/A', '#ССЫЛКА!', "'a", '12', '01.02.2024', '5%', '1 234,56 ₽', 'TRUE', ' ложь ', 'ИСТИНА'];
    expect(reinterpreted.filter((text) => !needsQuotePrefix(text))).toEqual([]);
  });

  it('leaves the strings no host would touch as they are, so the formula bar shows no apostrophe', () => {
    const plain = ['ООО «Ромашка»', 'Иванов Иван', 'a-b', 'e@mail.ru', 'Москва', 'trueish', 'C# developer', ''];
    expect(plain.filter(needsQuotePrefix)).toEqual([]);
    expect(plain.map(literalCellInput)).toEqual(plain);
  });

  it('writes a marked string behind one apostrophe, a user\'s own apostrophe included', () => {
    expect(literalCellInput('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    expect(literalCellInput("'abc")).toBe("''abc");
  });
});
