/**
 * The sheet names Excel refuses: it will not add or rename a sheet to one, and a file that holds one is
 * reported as damaged when opened. The .xlsx writer checks every name before it writes a byte, so such a
 * workbook fails whole, with the sheet named, instead of becoming a file nobody can open.
 */

/** Excel's limit on the length of a sheet name. */
export const MAX_SHEET_NAME_LENGTH = 31;
const FORBIDDEN_CHARACTERS = /[:\\/?*[\]]/;

interface Problem {
  ru: string;
  en: string;
}

/** Why Excel refuses `name` as a sheet name, or null when it takes it. */
export function excelSheetNameProblem(name: string): Problem | null {
  if (!name.trim()) return { ru: 'имя листа пустое', en: 'the name is blank' };
  if (name.length > MAX_SHEET_NAME_LENGTH) {
    return { ru: `имя длиннее ${MAX_SHEET_NAME_LENGTH} символа`, en: `the name is longer than ${MAX_SHEET_NAME_LENGTH} characters` };
  }
  if (FORBIDDEN_CHARACTERS.test(name)) return { ru: 'в имени есть один из знаков : \\ / ? * [ ]', en: 'the name holds one of : \\ / ? * [ ]' };
  if (name.startsWith("'") || name.endsWith("'")) return { ru: 'имя начинается или кончается апострофом', en: 'the name begins or ends with an apostrophe' };
  if (name.toLowerCase() === 'history') return { ru: 'имя «History» Excel оставляет за собой', en: 'Excel reserves the name «History»' };
  return null;
}

/** Throws, naming the first sheet whose name Excel refuses and why. */
export function checkExcelSheetNames(names: Iterable<string>): void {
  for (const name of names) {
    const problem = excelSheetNameProblem(name);
    if (problem) {
      throw new Error(
        `лист «${name}» нельзя записать в .xlsx: ${problem.ru}; Excel не откроет такой файл, переименуйте лист / ` +
          `the sheet «${name}» cannot be written to an .xlsx: ${problem.en}; Excel would not open the file, rename the sheet`,
      );
    }
  }
}
